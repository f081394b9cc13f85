"""Small treaty bases written for the engine's tests, and a gazetteer stand-in."""

from __future__ import annotations

import datetime as dt

import yaml

from casus.engine.conditions import MET, NOT_MET, OPEN
from casus.kb import KnowledgeBase
from casus.store.rows import rows_for_treaties
from casus.treaties.schema import Treaty


class FixedPlaces:
    """Decides place conditions from a table: (area, place) -> True/False/None.

    With no place given, the target's whole territory counts: ``home`` lists the
    (area, target) pairs whose every part lies in the area.
    """

    def __init__(self, table=None, home=None):
        self.table = table or {}
        self.home = home or {}

    def status(self, area, description, act, parties, day):
        if act.place:
            answer = self.table.get((area, act.place))
        else:
            answer = self.home.get((area, act.target))
        return {True: MET, False: NOT_MET, None: OPEN}[answer], f"{description}: {act.place or act.target}"


def treaty(text: str) -> Treaty:
    return Treaty.model_validate(yaml.safe_load(text))


def base(*texts: str) -> KnowledgeBase:
    return KnowledgeBase.from_rows(rows_for_treaties([treaty(t) for t in texts]))


def pact(treaty_id, members, *obligations, in_force="2000-01-01", ended=None):
    """A treaty file's text: ``obligations`` are (article, kind, strength, extra YAML) tuples."""
    lines = [
        f"id: {treaty_id}",
        f"name: {treaty_id} treaty",
        f"in_force: {in_force}",
        "source: {url: https://example.org/" + treaty_id + "}",
    ]
    if ended:
        lines += [f"ended: {ended}", "end_reason: terminated"]
    lines.append("members:")
    lines += [f"  - state: {m}" for m in members]
    lines.append("obligations:")
    for article, kind, strength, extra in obligations:
        lines += [
            f"  - article: '{article}'",
            f"    kind: {kind}",
            f"    strength: {strength}",
            f"    summary: Article {article} of {treaty_id}.",
            f"    source: {{url: https://example.org/{treaty_id}, article: '{article}'}}",
        ]
        lines += ["    " + line for line in extra.strip().splitlines()] if extra else []
    return "\n".join(lines) + "\n"


