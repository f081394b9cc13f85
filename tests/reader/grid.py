"""The party grid (issue 8): sentences made by combining independent slots of
``grid.yaml`` (how the parties are said, the event and its voice, the agreement, a date, a
distractor and where it stands), each with its expected record.

``python tests/reader/grid.py`` reads every combination and prints the pass rate by slot
(``--failures N`` shows N failing sentences, ``--slot parties=leaders`` keeps some).
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import sys
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "grid.yaml"
# the forms that need a subject of their own (not usable with an organisation's event)
_ONE_SUBJECT = ("with",)
_FIRST_WORDS_LOWERED = ("The ", "Both ", "A ")


@dataclasses.dataclass(frozen=True)
class Case:
    id: str
    slots: dict
    text: str
    published: str
    event: str
    parties: tuple[str, ...]


def _fill(template: str, values: dict) -> str:
    return template.format(**values)


def _sentence(before: str, clause_parts: list[str]) -> str:
    text = "".join(clause_parts)
    if before:
        if before.endswith(". "):  # a sentence of its own before the clause
            text = text[0].upper() + text[1:]
        elif text.startswith(_FIRST_WORDS_LOWERED):
            text = text[0].lower() + text[1:]
        text = before + text
    return text[0].upper() + text[1:] + "."


def generate(path: Path = DATA) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    published = str(data["published"])
    wave2 = set(data.get("wave2", ()))
    cases: list[Case] = []
    n = 0
    slots_product = itertools.product(data["parties"].items(), data["events"].items(), data["dates"].items(),
                                      data["distractors"].items(), ("before", "inside", "after"))
    for (form, party), (event, ev), (date_kind, date), (distractor, dis), position in slots_product:
        if distractor == "none" and position != "before":
            continue
        if ev["of"] == "agreement":
            objects = [(k, v) for k, v in data["agreements"].items()]
        elif ev["of"] == "organisation":
            objects = list(data["organisations"].items())
        else:
            objects = [(ev["org"], ev["clause"])]
        for voice in ("active", "passive"):
            if voice not in ev:
                continue
            if voice == "active" and "subject" not in party:
                continue
            if voice == "passive" and not ("agent" in party or "holder" in party):
                continue
            if "holder" in party and ev["of"] != "agreement":
                continue
            if ev["of"] != "agreement" and ("with" in party):
                continue
            for obj_key, obj in objects:
                pair = data["pairs"][n % len(data["pairs"])]
                n += 1
                values = {f"{k}{side}": pair[k][i] for k in ("name", "capital", "demonym", "leader", "surname",
                                                              "title", "minister") for i, side in enumerate("AB")}
                if ev["of"] == "agreement":
                    values.update(obj)
                else:
                    values["org"] = obj
                values["date"] = date
                d_before = dis.get("before", "") if position == "before" else ""
                d_inside = dis.get("inside", "") if position == "inside" else ""
                d_after = dis.get("after", "") if position == "after" else ""
                pre = _fill(party["before"], values) + " " if "before" in party else ""
                single = "with" in party or "object" in party or form == "together_with"
                if "object" in party:
                    if ev["of"] != "agreement":
                        continue
                    values = dict(values, agr=_fill(party["object"], values))
                if voice == "active":
                    verb = _fill(ev["active"], values)
                    if single:
                        verb = verb.replace(" their ", " its ")
                    parts = [_fill(party["subject"], values), d_inside, " ", verb,
                             _fill(party.get("with", ""), values), date, d_after]
                    if party["subject"].endswith(",") and d_inside:
                        parts[0] = parts[0][:-1]  # "X and Y, which …, as …," keeps one comma
                else:
                    if "holder" in party:
                        head = _fill(party["holder"], values)
                        tail = ""
                    else:
                        head = values.get("agr") if ev["of"] == "agreement" else obj
                        tail = " by " + _fill(party["agent"], values)
                    parts = [head, d_inside, " ", ev["passive"], tail, date, d_after]
                text = pre + _sentence(d_before, parts).replace(",,", ",").replace(", ,", ",").replace(",.", ".")
                ids = set(pair["ids"])
                if ev["of"] != "agreement":
                    ids.add(obj_key if ev["of"] == "organisation" else ev["org"])
                slots = {"parties": form, "event": event, "voice": voice, "agreement": obj_key, "date": date_kind,
                         "distractor": distractor, "position": position if distractor != "none" else "-"}
                ident = "-".join(slots.values())
                slots["wave"] = "2" if set(slots.values()) & wave2 else "1"
                cases.append(Case(ident, slots, text, published, ev.get("record", event), tuple(sorted(ids))))
    return cases


def sample(cases: list[Case], every: int) -> list[Case]:
    """A fixed sample: the cases whose id hashes to 0 modulo ``every`` (stable across runs,
    independent of the order of the slots)."""
    return [c for c in cases if int(hashlib.sha1(c.id.encode()).hexdigest(), 16) % every == 0]


def outcome(case: Case, reading) -> tuple[bool, list]:
    """Whether the reading's events are exactly the expected record, and what it found. A
    record that only mentions an agreement may name a distractor's own (NATO's, in a
    comparison), but not one of the event's states: that would be the event told twice."""
    got = sorted((a.event, tuple(sorted(p["id"] for p in a.parties))) for a in reading.agreements)
    events = [g for g in got if g[0] != "mentioned"]
    echoes = [g for g in got if g[0] == "mentioned" and set(g[1]) & (set(case.parties) - {"CSTO", "SCO"})]
    return events == [(case.event, case.parties)] and not echoes, got


def read_all(cases: list[Case]):
    import datetime as dt

    from casus.reader.extract import read_many
    from casus.reader.inputs import Article

    articles = [Article(id=c.id, text=c.text, published=dt.date.fromisoformat(c.published)) for c in cases]
    return read_many(articles)


def report(cases: list[Case], readings, failures: int = 0) -> str:
    results = [(c, *outcome(c, r)) for c, r in zip(cases, readings)]
    lines = [f"grid: {sum(ok for _, ok, _ in results)}/{len(results)} "
             f"({100 * sum(ok for _, ok, _ in results) / max(1, len(results)):.1f}%)"]
    for slot in cases[0].slots:
        by: dict[str, list[bool]] = {}
        for c, ok, _ in results:
            by.setdefault(c.slots[slot], []).append(ok)
        cells = "  ".join(f"{k} {100 * sum(v) / len(v):.0f}%" for k, v in by.items())
        lines.append(f"  {slot:<11}{cells}")
    shown = 0
    for c, ok, got in results:
        if not ok and shown < failures:
            shown += 1
            lines.append(f"FAIL {c.id}\n  {c.text}\n  want {[(c.event, c.parties)]}\n  got  {got}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    failures = 0
    keep: list[tuple[str, str]] = []
    every = 1
    args = iter(argv)
    for arg in args:
        if arg == "--failures":
            failures = int(next(args))
        elif arg == "--slot":
            keep.append(tuple(next(args).split("=", 1)))
        elif arg == "--every":
            every = int(next(args))
    cases = sample(generate(), every)
    cases = [c for c in cases if all(c.slots[k] == v for k, v in keep)]
    print(report(cases, read_all(cases), failures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
