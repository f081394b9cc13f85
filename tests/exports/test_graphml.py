"""The obligation network on a date, as GraphML, on the export tests' own records."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from casus.exports import obligation_graph

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def parse(graph):
    root = ET.fromstring(graph.to_graphml())
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", NS)}

    def data(element):
        return {keys[d.get("key")]: d.text for d in element.findall("g:data", NS)}

    graph_element = root.find("g:graph", NS)
    nodes = {n.get("id"): data(n) for n in graph_element.findall("g:node", NS)}
    edges = sorted((e.get("source"), e.get("target"), data(e)["treaty"], data(e)["article"], data(e)["kind"],
                    data(e)["strength"]) for e in graph_element.findall("g:edge", NS))
    return graph_element.get("edgedefault"), nodes, edges


def test_each_duty_in_force_is_a_directed_edge_with_its_treaty_and_article(test_store):
    direction, nodes, edges = parse(obligation_graph(test_store, dt.date(1953, 6, 1), source="alpha"))
    assert direction == "directed"
    assert edges == [
        ("BEL", "FRA", "pact", "2", "defense", "automatic"),
        ("BEL", "FRA", "pact", "3", "consultation", "automatic"),
        ("BEL", "NLD", "pact", "2", "defense", "automatic"),
        ("BEL", "NLD", "pact", "3", "consultation", "automatic"),
        ("FRA", "BEL", "guarantee", "1", "defense", "automatic"),
        ("FRA", "BEL", "pact", "2", "defense", "automatic"),
        ("FRA", "BEL", "pact", "3", "consultation", "automatic"),
        ("FRA", "NLD", "pact", "2", "defense", "automatic"),
        ("FRA", "NLD", "pact", "3", "consultation", "automatic"),
        ("NLD", "BEL", "pact", "2", "defense", "automatic"),
        ("NLD", "BEL", "pact", "3", "consultation", "automatic"),
        ("NLD", "FRA", "pact", "2", "defense", "automatic"),
        ("NLD", "FRA", "pact", "3", "consultation", "automatic"),
    ]
    assert nodes["FRA"] == {"id": "FRA", "iso3": "FRA", "cow": "220", "name": "France"}
    assert "USA" in nodes  # every member of the state system that day is a node, bound or not


def test_a_suspended_duty_is_not_an_edge(test_store):
    _, _, edges = parse(obligation_graph(test_store, dt.date(1951, 6, 1), source="alpha"))
    assert [e[:3] for e in edges] == [("FRA", "BEL", "guarantee"), ("FRA", "BEL", "pact")]
