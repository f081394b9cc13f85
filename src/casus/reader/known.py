"""The agreements the reader knows by name, and whom each binds: one table built from
the knowledge base's treaty records (``casus/treaties/data/*.yaml``) and
``data/agreements.csv`` (agreements the knowledge base does not hold: arms control,
water, peace settlements), built once per process.

- A bilateral treaty (two states among its members) binds its two states.
- A treaty an organisation of ``data/organisations.csv`` stands for (its ``treaties``
  column: the North Atlantic Treaty is NATO, the Rio Treaty is TIAR) is that
  organisation: its id, or, for a pact with fixed members (ANZUS), its members. Its
  names are also names of the organisation for the mention finder.
- Any other multilateral treaty is left out: the reader has no one party for it.
- Left out too: an organisation's own name ("NATO", "the Rio Treaty": a mention of
  the organisation, not an agreement's name), a name listed in ``data/ambiguous_names.csv`` (it names several
  agreements, or something else: "Mutual Defense Treaty", "TEU"), a name two records
  give different parties, and a name with a qualifier in brackets ("Treaty of London
  (1373)"): the knowledge base writes the qualifier because the bare name is ambiguous,
  and news does not write it.

The treaty files are read with the C YAML loader for the few top-level fields needed
(names and members); the knowledge base's own loader validates them in full.
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

import yaml

from casus import yamlio
from casus.errors import DataFileError
from casus.reader.organisations import Organisation, load_organisations
from casus.reader.trie import alternation
from casus.treaties.builtin import BUILTIN_DIR

DATA = Path(__file__).parent / "data"
AGREEMENT_COLUMNS = ["id", "name", "aliases", "parties", "source"]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """casus's YAML rules (``yamlio``: no 1.1 booleans or dates) on the fast loader."""


_Loader.yaml_implicit_resolvers = yamlio.CasusLoader.yaml_implicit_resolvers


@functools.cache
def ambiguous_names(path: Path = DATA / "ambiguous_names.csv") -> frozenset[str]:
    """Names the reader never takes as an agreement's or an organisation's
    (``data/ambiguous_names.csv``: name, reason)."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ["name", "reason"]:
            raise DataFileError(str(path), "header", None, "columns must be name,reason")
        out = set()
        for line, row in enumerate(reader, start=2):
            if not row["name"].strip() or not (row["reason"] or "").strip():
                raise DataFileError(str(path), f"line {line}", "reason", "every name needs a reason")
            out.add(row["name"].strip())
    return frozenset(out)


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*):", re.M)
_WANTED = frozenset({"id", "name", "short", "aliases", "members"})


def _wanted_blocks(text: str) -> str:
    """The top-level blocks of a treaty file that hold its names and members: the rest
    (obligations, notes: most of the file) is not parsed. Each block runs from a key at
    the start of a line to the next such key."""
    starts = [m.start() for m in _TOP_KEY.finditer(text)] + [len(text)]
    return "".join(text[a:b] for a, b in zip(starts, starts[1:])
                   if _TOP_KEY.match(text, a).group(1) in _WANTED)


def treaty_records(directory: Path = BUILTIN_DIR) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(id, names, member states) of every treaty file: its name, short name and aliases."""
    return _treaty_records(Path(directory))


@functools.cache
def _treaty_records(directory: Path) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    out = []
    for path in sorted(directory.glob("*.yaml")):
        document = yaml.load(_wanted_blocks(path.read_text(encoding="utf-8")), Loader=_Loader)  # noqa: S506
        if not isinstance(document, dict):
            raise DataFileError(str(path), None, None, "expected a mapping with the treaty's fields")
        short = document.get("short")
        if isinstance(short, str) and re.search(r"\b\d{4}$", short):
            short = None  # casus's own label ("US–Japan 1960"), not a name news writes
        names = [document.get("name"), short, *(document.get("aliases") or [])]
        members = []
        for member in document.get("members") or []:
            state = member.get("state") if isinstance(member, dict) else None
            if isinstance(state, str) and state not in members:
                members.append(state)
        out.append((str(document.get("id", path.stem)), tuple(n.strip() for n in names if isinstance(n, str)),
                    tuple(members)))
    return tuple(out)


# spellings news uses for the same name: British and American, hyphen for en dash
_VARIANTS = (("Defence", "Defense"), ("defence", "defense"), ("Organisation", "Organization"),
             ("Co-operation", "Cooperation"), ("–", "-"))


def spellings(name: str) -> set[str]:
    """The name in each spelling of ``_VARIANTS`` ("Strategic Mutual Defence Agreement"
    for "… Defense …", "US-Japan" for "US–Japan")."""
    out = {name}
    for a, b in _VARIANTS:
        out |= {n.replace(a, b) for n in out} | {n.replace(b, a) for n in out if a != "–"}
    return out


def _usable(name: str) -> bool:
    return bool(name) and "(" not in name and name not in ambiguous_names()


def organisation_treaty_names(orgs_path: Path = DATA / "organisations.csv",
                              directory: Path = BUILTIN_DIR) -> dict[str, tuple[str, ...]]:
    """Each organisation id to the names of the treaties it stands for (its ``treaties``
    column), for the mention finder; an unknown treaty id is the file's error."""
    return _organisation_treaty_names(Path(orgs_path), Path(directory))


@functools.cache
def _organisation_treaty_names(orgs_path: Path, directory: Path) -> dict[str, tuple[str, ...]]:
    records = {ident: names for ident, names, _ in treaty_records(directory)}
    out: dict[str, tuple[str, ...]] = {}
    for line, org in enumerate(load_organisations(orgs_path).values(), start=2):
        for treaty in org.treaties:
            if treaty not in records:
                raise DataFileError(str(orgs_path), f"line {line} (id={org.id})", "treaties",
                                    f"no treaty {treaty!r} in {directory}")
            out[org.id] = out.get(org.id, ()) + tuple(sorted(
                v for n in records[treaty] if _usable(n) for v in spellings(n) if _usable(v)))
    return out


def with_treaty_names(orgs: dict[str, Organisation]) -> dict[str, Organisation]:
    """The organisations with the names of their treaties among their aliases."""
    extra = organisation_treaty_names()
    return {ident: org.with_aliases(extra.get(ident, ())) for ident, org in orgs.items()}


def _org_parties(org: Organisation) -> tuple[str, ...]:
    return org.members if org.kind == "pact" and org.members else (org.id,)


@functools.cache
def known_agreements(path: Path = DATA / "agreements.csv", orgs_path: Path = DATA / "organisations.csv",
                     directory: Path = BUILTIN_DIR) -> dict[str, tuple[str, ...]]:
    """Every usable name of a known agreement to its parties (see the module's notes)."""
    return {name: parties for name, (_, parties) in _table(path, orgs_path, directory).items()}


@functools.cache
def known_agreement_ids(path: Path = DATA / "agreements.csv", orgs_path: Path = DATA / "organisations.csv",
                        directory: Path = BUILTIN_DIR) -> dict[str, str]:
    """Every usable name of a known agreement to its record's id (a treaty file's, a row's
    of ``data/agreements.csv``): two names with one id name one agreement."""
    return {name: ident for name, (ident, _) in _table(path, orgs_path, directory).items()}


@functools.cache
def _table(path: Path, orgs_path: Path, directory: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    orgs = load_organisations(orgs_path)
    by_treaty = {treaty: org for org in orgs.values() for treaty in org.treaties}
    organisation_treaty_names(orgs_path, directory)  # (checks the treaties column)
    # an organisation's own names stay mentions of it ("NATO", "Rio Treaty"), not names
    # of an agreement beside it
    own = {n for org in orgs.values() for n in (org.id, org.name, *org.aliases)}
    found: dict[str, set[tuple[str, tuple[str, ...]]]] = {}

    def add(ident: str, name: str, parties: tuple[str, ...]) -> None:
        if _usable(name) and name not in own:
            for variant in spellings(name):
                if _usable(variant) and variant not in own:
                    found.setdefault(variant, set()).add((ident, parties))

    for ident, names, members in treaty_records(directory):
        if ident in by_treaty:
            parties = _org_parties(by_treaty[ident])
        elif len(members) == 2:
            parties = members
        else:
            continue  # a multilateral treaty no organisation stands for: no one party
        for name in names:
            add(ident, name, parties)
    for name, (ident, parties) in load_agreements_csv(path).items():
        add(ident, name, parties)
    # a name two records give different parties names neither
    out = {}
    for name, entries in found.items():
        if len({parties for _, parties in entries}) == 1:
            out[name] = sorted(entries)[0]
    return out


def load_agreements_csv(path: Path = DATA / "agreements.csv") -> dict[str, tuple[str, tuple[str, ...]]]:
    """``data/agreements.csv``: each name and alias to the row's id and parties."""
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != AGREEMENT_COLUMNS:
            raise DataFileError(str(path), "header", None, f"columns must be {','.join(AGREEMENT_COLUMNS)}")
        for line, row in enumerate(reader, start=2):
            where = f"line {line} (id={row['id']})"
            if not row["id"] or not row["name"]:
                raise DataFileError(str(path), where, "id" if not row["id"] else "name", "must not be empty")
            if not (row["source"] or "").startswith("http"):
                raise DataFileError(str(path), where, "source", "must be a URL")
            parties = tuple(x for x in row["parties"].split(";") if x)
            if len(parties) < 2:
                raise DataFileError(str(path), where, "parties", "needs two parties or more")
            for name in [row["name"], *row["aliases"].split(";")]:
                if name.strip():
                    out[name.strip()] = (row["id"], parties)
    return out


def names_pattern(names) -> re.Pattern | None:
    """One case-sensitive pattern for all ``names`` at word boundaries, the longest
    matching first. Written as a trie: hundreds of names cost about what a few do."""
    names = [name for name in names if name]
    return re.compile(r"\b(?:" + alternation(names) + r")\b") if names else None
