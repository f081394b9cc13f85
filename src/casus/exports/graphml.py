"""The obligation network on a date, as GraphML.

Nodes are states (``id``, ``iso3``, ``cow``, ``name`` as of the date); each directed
edge is one duty in force that day, obligor -> beneficiary, with its treaty,
article, kind and strength. Two states bound under several articles have several
parallel edges, so no duty is merged away.

Written with the standard library's ElementTree rather than networkx: GraphML is
a small XML schema (typed ``<key>`` declarations, then nodes and edges), and one
writer does not justify a dependency every casus user would install. networkx,
igraph, Gephi and R's igraph all read the file.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = (("id", "string"), ("iso3", "string"), ("cow", "int"), ("name", "string"))
EDGE_KEYS = (
    ("treaty", "string"),
    ("treaty_name", "string"),
    ("treaty_short", "string"),
    ("article", "string"),
    ("label", "string"),
    ("kind", "string"),
    ("strength", "string"),
    ("conditions", "string"),
    ("source", "string"),
)


@dataclass(frozen=True)
class ObligationGraph:
    """The states and the directed duties between them on one date."""

    on: dt.date
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]

    def to_graphml(self) -> bytes:
        ET.register_namespace("", NS)
        root = ET.Element(f"{{{NS}}}graphml")
        for name, kind in NODE_KEYS:
            ET.SubElement(root, f"{{{NS}}}key", {"id": f"n_{name}", "for": "node", "attr.name": name,
                                                 "attr.type": kind})
        for name, kind in EDGE_KEYS:
            ET.SubElement(root, f"{{{NS}}}key", {"id": f"e_{name}", "for": "edge", "attr.name": name,
                                                 "attr.type": kind})
        graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": f"obligations-{self.on.isoformat()}",
                                                       "edgedefault": "directed"})
        ET.SubElement(graph, f"{{{NS}}}desc").text = f"casus obligation network on {self.on.isoformat()}"
        for node in self.nodes:
            element = ET.SubElement(graph, f"{{{NS}}}node", {"id": node["id"]})
            _data(element, "n", node, NODE_KEYS)
        for index, edge in enumerate(self.edges):
            element = ET.SubElement(graph, f"{{{NS}}}edge", {"id": f"e{index}", "source": edge["obligor"],
                                                            "target": edge["beneficiary"]})
            _data(element, "e", edge, EDGE_KEYS)
        ET.indent(root)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _data(element: ET.Element, prefix: str, values: dict[str, Any], keys: Iterable[tuple[str, str]]) -> None:
    for name, _ in keys:
        value = values.get(name)
        if value is not None:
            ET.SubElement(element, f"{{{NS}}}data", {"key": f"{prefix}_{name}"}).text = str(value)


def obligation_graph(store, on: dt.date, *, source: str | Iterable[str] = "all", known_at=None,
                     registry=None, kb=None) -> ObligationGraph:
    """The obligation network on ``on``: every state of the system that day, every duty in force.

    ``kb``: the store's knowledge base as known now, when the caller keeps one (a
    server asked for one date after another must not rebuild it per date).
    """
    from casus.exports.dyads import _choose_sources, treaty_origins

    datasets = {row["id"]: row for row in store.datasets()}
    origins = treaty_origins(store)
    chosen = set(_choose_sources(source, datasets, origins))
    if kb is None or known_at is not None:
        kb = store.knowledge_base(known_at, registry=registry)
    treaty_ids = [key for key in kb.treaties if origins.get(key) in chosen]
    edges = []
    for binding in kb.bindings(on, treaty_ids):
        obligation = binding.obligation
        edges.append({
            "obligor": binding.obligor,
            "beneficiary": binding.beneficiary,
            "treaty": binding.treaty.id,
            "treaty_name": binding.treaty.name,
            "treaty_short": binding.treaty.short_name,
            "article": obligation.article,
            "label": obligation.article_label,
            "kind": obligation.kind,
            "strength": obligation.strength,
            "conditions": json.dumps(obligation.conditions, sort_keys=True, default=str)
            if obligation.conditions else None,
            "source": origins.get(binding.treaty.id),
        })
    states = {state.id: state for state in kb.registry.existing_on(on)}
    for edge in edges:  # a party the registry does not list that day still appears
        for state_id in (edge["obligor"], edge["beneficiary"]):
            if state_id not in states:
                states[state_id] = kb.registry.get(state_id)
    nodes = [
        {"id": s.id, "iso3": s.iso3, "cow": s.cow, "name": s.name_on(on)}
        for s in sorted(states.values(), key=lambda state: state.cow)
    ]
    return ObligationGraph(on, nodes, edges)
