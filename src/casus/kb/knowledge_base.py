"""The knowledge base in memory: treaties, parties and the duties they create on a date.

The store keeps every version; a ``KnowledgeBase`` is one reading of it ("as
known at K"), indexed for the questions users ask of a date D.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import functools
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from casus.errors import NotADefenceCommitmentError, UnknownTreatyError
from casus.kb.records import (
    MEMBERS,
    Binding,
    MembershipRecord,
    ObligationRecord,
    SuspensionRecord,
    TreatyRecord,
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).replace("–", "-").split())


PARTIES_CACHE_SIZE = 16384
"""How many (treaty, date) party sets a base keeps: bounded, as a server asks about many dates."""


_STOP = {"the", "of", "and", "treaty", "pact", "agreement", "de", "la", "le", "du"}


def _words(text: str) -> set[str]:
    """The words of a name that identify it ("Treaty of Nancy" -> {"nancy"}); hyphens split."""
    return {w for w in re.split(r"[^\w]+", text.replace("–", "-")) if w and w not in _STOP}


def _spec(value: Any) -> str | tuple[str, ...]:
    return MEMBERS if value == MEMBERS else tuple(value)


def _facts(*facts: tuple[str, str | None]) -> tuple[tuple[str, str], ...]:
    """The uncertain facts among ``facts``, as (which fact, why), whitespace folded."""
    return tuple((fact, " ".join(why.split())) for fact, why in facts if why)


class KnowledgeBase:
    """Who is bound to whom, under which article, on which dates."""

    def __init__(
        self,
        treaties: Iterable[TreatyRecord],
        memberships: Iterable[MembershipRecord],
        obligations: Iterable[ObligationRecord],
        suspensions: Iterable[SuspensionRecord] = (),
        registry=None,
        coverage: dict[str, dt.date] | None = None,
    ) -> None:
        """``coverage`` maps an imported dataset's id (``atop``) to the last day it codes."""
        from casus.states import default_registry

        self.registry = registry or default_registry()
        self.coverage = {key.lower(): day for key, day in (coverage or {}).items() if day}
        treaties = list(treaties)
        # A curated treaty that names its ATOP id stands in for that ATOP alliance:
        # both together would count every duty twice.
        self.shadowed = {
            f"atop-{t.atop_id}": t.id for t in treaties if t.atop_id and t.source.get("kind") != "imported"
        }
        self.treaties: dict[str, TreatyRecord] = {t.id: t for t in treaties}
        self.memberships: dict[str, list[MembershipRecord]] = defaultdict(list)
        self.memberships_of_state: dict[str, list[MembershipRecord]] = defaultdict(list)
        for membership in memberships:
            if membership.treaty_id in self.treaties:
                self.memberships[membership.treaty_id].append(membership)
                self.memberships_of_state[membership.state_id].append(membership)
        self.obligations: dict[str, list[ObligationRecord]] = defaultdict(list)
        for obligation in obligations:
            if obligation.treaty_id in self.treaties:
                self.obligations[obligation.treaty_id].append(obligation)
        self._basis: dict[tuple, tuple] = {}
        self._names: dict[str, set[str]] | None = None
        self.suspensions: dict[str, list[SuspensionRecord]] = defaultdict(list)
        for suspension in suspensions:
            self.suspensions[suspension.treaty_id].append(suspension)
        # Per instance, so a discarded base takes its cache with it.
        self._parties_on = functools.lru_cache(maxsize=PARTIES_CACHE_SIZE)(self._compute_parties_on)
        self._treaty_on = functools.lru_cache(maxsize=PARTIES_CACHE_SIZE)(self._compute_treaty_on)
        self._articles_on = functools.lru_cache(maxsize=PARTIES_CACHE_SIZE)(self._compute_articles_on)

    _CACHES = ("_parties_on", "_treaty_on", "_articles_on")

    def __getstate__(self) -> dict[str, Any]:
        """What a snapshot keeps (``casus.store.snapshot``): the records and indexes, not the per-day caches."""
        return {k: v for k, v in self.__dict__.items() if k not in self._CACHES}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._parties_on = functools.lru_cache(maxsize=PARTIES_CACHE_SIZE)(self._compute_parties_on)
        self._treaty_on = functools.lru_cache(maxsize=PARTIES_CACHE_SIZE)(self._compute_treaty_on)
        self._articles_on = functools.lru_cache(maxsize=PARTIES_CACHE_SIZE)(self._compute_articles_on)

    def _fixed_basis(self, treaty: TreatyRecord, obligation: ObligationRecord) -> tuple:
        """The uncertain facts of a treaty and an article (``uncertain`` in the data)."""
        key = (treaty.id, obligation.key)
        if key not in self._basis:
            self._basis[key] = _facts((f"treaty {treaty.id}", treaty.uncertain),
                                      (obligation.article_label, obligation.uncertain))
        return self._basis[key]

    def known_to(self, treaty: TreatyRecord) -> dt.date | None:
        """The last day the imported dataset a treaty comes from codes (ATOP: the end of 2018), else None.

        Past it the dataset says nothing: an alliance it codes as still in force then
        may have ended since, so a duty after that day rests on an unknown."""
        if treaty.source.get("kind") != "imported":
            return None
        return self.coverage.get(str(treaty.source.get("dataset") or "").lower())

    def coverage_note(self, treaty: TreatyRecord, day: dt.date | None) -> str | None:
        """"in force to 2018 per ATOP, not known since" for a duty of ``treaty`` asked about after
        its dataset's coverage (or with no date, when the dataset leaves it open); else None."""
        known_to = self.known_to(treaty)
        if known_to is None or (treaty.ended is not None and treaty.ended <= known_to):
            return None
        if day is not None and day <= known_to:
            return None
        dataset = treaty.source.get("dataset") or "its dataset"
        return f"in force to {known_to.year} per {dataset}, not known since"

    def _member_basis(self, membership: MembershipRecord) -> tuple:
        key = (membership.treaty_id, membership.key)
        if key not in self._basis:
            self._basis[key] = _facts((f"membership of {membership.state_id}", membership.uncertain))
        return self._basis[key]

    @classmethod
    def from_rows(cls, rows: dict[str, list[dict[str, Any]]], registry=None,
                  coverage: dict[str, dt.date] | None = None) -> KnowledgeBase:
        treaties = [
            TreatyRecord(
                id=r["treaty_key"], name=r["name"], aliases=tuple(r["aliases"] or ()),
                organisation=r["organisation"], signed=r["signed"], in_force=r["in_force"],
                ended=r["ended"], end_reason=r["end_reason"], atop_id=r["atop_id"],
                notes=r["notes"], uncertain=r["uncertain"], source=r["source"],
                instrument=r.get("instrument") or "treaty", short=r.get("short_name"),
            )
            for r in rows.get("treaties", [])
        ]
        memberships = [
            MembershipRecord(
                key=r["membership_key"], treaty_id=r["treaty_key"], state_id=r["state_id"],
                signed=r["signed"], valid_from=r["valid_from"], valid_to=r["valid_to"],
                left_reason=r["left_reason"], note=r["note"], uncertain=r["uncertain"], source=r["source"],
            )
            for r in rows.get("memberships", [])
        ]
        obligations = [
            ObligationRecord(
                key=r["obligation_key"], treaty_id=r["treaty_key"], article=r["article"], kind=r["kind"],
                strength=r["strength"], obligors=_spec(r["obligors"]), beneficiaries=_spec(r["beneficiaries"]),
                conditions=r["conditions"] or {}, summary=r["summary"], note=r["note"],
                uncertain=r["uncertain"], valid_from=r["valid_from"], valid_to=r["valid_to"], source=r["source"],
                label=r.get("label"),
            )
            for r in rows.get("obligations", [])
        ]
        suspensions = [
            SuspensionRecord(
                key=r["suspension_key"], treaty_id=r["treaty_key"], obligors=_spec(r["obligors"]),
                beneficiaries=_spec(r["beneficiaries"]), valid_from=r["valid_from"], valid_to=r["valid_to"],
                legal_effect=r["legal_effect"], summary=r["summary"], source=r["source"],
            )
            for r in rows.get("suspensions", [])
        ]
        return cls(treaties, memberships, obligations, suspensions, registry=registry, coverage=coverage)

    # -- treaties ----------------------------------------------------------------

    def treaty(self, query: str) -> TreatyRecord:
        """A treaty by id, name, alias, organisation, short name or ATOP id.

        In order: the id; an ATOP id ("3240", "ATOP 3240": the curated treaty that stands
        for it before the imported record); a whole name or alias ("Rio Treaty", NATO);
        then a short name, every word of which is a word of one name or alias ("Rio",
        "Nancy", "Arab League"). Several treaties matching a short name are listed as
        candidates. A well-known instrument that is no defence commitment (the Budapest
        Memorandum) raises ``NotADefenceCommitmentError`` saying why. Case and accents
        are ignored.
        """
        if query in self.treaties:
            return self.treaties[query]
        folded = _fold(query)
        atop = re.fullmatch(r"(?:atop[\s-]*)?(\d{3,5})", folded)
        if atop:
            found = sorted((t.id in self.shadowed, t.id) for t in self.treaties.values()
                           if t.atop_id == int(atop[1]) or t.id == f"atop-{atop[1]}")
            if found:
                return self.treaties[found[0][1]]
        names = self._treaty_names()
        matches = names.get(folded, set())
        if not matches:
            words = _words(folded)
            matches = {tid for name, ids in names.items() if words and words <= _words(name) for tid in ids}
            # an ATOP record a curated treaty stands for is not a second candidate
            matches = {tid for tid in matches if tid not in self.shadowed} or matches
        if len(matches) == 1:
            return self.treaties[next(iter(matches))]
        if len(matches) > 1:
            raise UnknownTreatyError(query, sorted(matches))
        from casus.treaties.instruments import not_a_defence_commitment

        instrument = not_a_defence_commitment(folded, _fold)
        if instrument is not None:
            raise NotADefenceCommitmentError(query, instrument["name"], " ".join(instrument["because"].split()),
                                             instrument["source"]["url"])
        close = difflib.get_close_matches(folded, list(names), n=5, cutoff=0.6)
        raise UnknownTreatyError(query, sorted({tid for name in close for tid in names[name]}))

    def _treaty_names(self) -> dict[str, set[str]]:
        if self._names is None:
            names: dict[str, set[str]] = defaultdict(set)
            for treaty in self.treaties.values():
                for name in (treaty.id, treaty.name, *treaty.aliases, treaty.organisation or "", treaty.short or ""):
                    if name:
                        names[_fold(name)].add(treaty.id)
            self._names = names
        return self._names

    def parties_on(self, treaty_id: str, day: dt.date) -> frozenset[str]:
        """The states bound as parties of ``treaty_id`` on ``day`` (cached, bounded)."""
        return self._parties_on(treaty_id, day)

    def _compute_parties_on(self, treaty_id: str, day: dt.date) -> frozenset[str]:
        treaty = self.treaties[treaty_id]
        return frozenset(m.state_id for m in self.memberships[treaty_id] if m.bound_on(treaty, day))

    def treaties_of(self, state_id: str) -> list[TreatyRecord]:
        ids = {m.treaty_id for m in self.memberships_of_state.get(state_id, [])}
        return [self.treaties[i] for i in sorted(ids)]

    # -- duties ------------------------------------------------------------------

    def bindings(
        self, day: dt.date, treaty_ids: Iterable[str] | None = None, involving: str | None = None,
        memo: dict | None = None,
    ) -> Iterator[Binding]:
        """Every directed duty in force on ``day`` (only those of ``involving``, if given).

        A duty holds when the treaty and the article are in force, both states are
        parties that day, and no suspension with legal effect covers the pair. A
        declared freeze without legal effect keeps the duty and adds a note.
        ``memo`` (a dict the caller keeps for one day) hands out one ``Binding`` per
        duty when the duties of both its states are asked for, as the engine does.
        """
        for treaty_id in sorted(treaty_ids if treaty_ids is not None else self.treaties):
            if treaty_id in self.shadowed:
                continue
            articles = self._articles_on(treaty_id, day)
            if not articles:
                continue
            treaty, bound, suspensions, member_basis = self._treaty_on(treaty_id, day)
            for obligation, fixed, obligors, beneficiaries in articles:
                if involving is not None:
                    # Only the pairs the state is part of: a profile of one NATO
                    # member need not expand all 32 x 31 pairs.
                    pairs = [(involving, b) for b in beneficiaries] if involving in obligors else []
                    if involving in beneficiaries:
                        pairs += [(o, involving) for o in obligors]
                else:
                    pairs = [(o, b) for o in obligors for b in beneficiaries]
                for obligor, beneficiary in pairs:
                    if obligor == beneficiary:
                        continue
                    if memo is not None:
                        key = (treaty_id, obligation.key, obligor, beneficiary)
                        made = memo.get(key)
                        if made is not None:
                            yield made
                            continue
                    notes: tuple[str, ...] = ()
                    if suspensions:
                        covering = [s for s in suspensions if s.covers(obligor, beneficiary, day)]
                        if any(s.legal_effect == "suspended" for s in covering):
                            continue
                        notes = tuple(s.summary for s in covering)
                    basis = fixed + member_basis[obligor] + member_basis[beneficiary]
                    made = Binding(obligor, beneficiary, treaty, obligation, notes, basis)
                    if memo is not None:
                        memo[key] = made
                    yield made

    def _compute_treaty_on(self, treaty_id: str, day: dt.date):
        """A treaty's parties on ``day`` (state -> membership), the suspensions begun by then,
        and each party's uncertain facts: computed once per (treaty, day), as the engine asks
        for the duties of every state of a war and each state shares its treaties with many."""
        treaty = self.treaties[treaty_id]
        bound = {m.state_id: m for m in self.memberships[treaty_id] if m.bound_on(treaty, day)}
        suspensions = tuple(s for s in self.suspensions.get(treaty_id, []) if s.valid_from <= day)
        return treaty, bound, suspensions, {state: self._member_basis(m) for state, m in bound.items()}

    def _compute_articles_on(self, treaty_id: str, day: dt.date) -> tuple:
        """The treaty's articles in force on ``day``, each with its fixed uncertain facts and
        its obligors and beneficiaries among the parties (sorted dicts: ordered, and fast to test)."""
        treaty = self.treaties[treaty_id]
        obligations = [o for o in self.obligations.get(treaty_id, []) if o.in_force_on(treaty, day)]
        if not obligations:
            return ()
        parties = set(self._treaty_on(treaty_id, day)[1])
        beyond = self.coverage_note(treaty, day)  # asked past the dataset's coverage: every duty says so
        out = []
        for obligation in obligations:
            obligors = parties if obligation.obligors == MEMBERS else parties & set(obligation.obligors)
            beneficiaries = parties if obligation.beneficiaries == MEMBERS else parties & set(obligation.beneficiaries)
            fixed = self._fixed_basis(treaty, obligation)
            if beyond:  # named by the short answer itself, so a note shows it without --verbose
                fixed += ((beyond, f"{treaty.source.get('dataset')} codes alliances to {self.known_to(treaty)}; "
                                   "whether this one holds since is not in the data"),)
            out.append((obligation, fixed,
                        dict.fromkeys(sorted(obligors)), dict.fromkeys(sorted(beneficiaries))))
        return tuple(out)

    def bindings_of(self, state_id: str, day: dt.date, memo: dict | None = None) -> list[Binding]:
        """The duties on ``day`` that bind ``state_id`` or are owed to it (``memo``: see ``bindings``)."""
        treaty_ids = {m.treaty_id for m in self.memberships_of_state.get(state_id, [])}
        return list(self.bindings(day, treaty_ids, involving=state_id, memo=memo))

    def pending_of(self, state_id: str, day: dt.date) -> list[tuple[TreatyRecord, MembershipRecord]]:
        """Treaties ``state_id`` has signed that do not yet bind it on ``day``."""
        out = []
        for membership in self.memberships_of_state.get(state_id, []):
            treaty = self.treaties[membership.treaty_id]
            if membership.pending_on(treaty, day):
                out.append((treaty, membership))
        return sorted(out, key=lambda pair: (pair[0].signed or dt.date.min, pair[0].id))

    def suspensions_of(self, state_id: str, day: dt.date) -> list[tuple[TreatyRecord, SuspensionRecord]]:
        out = []
        for treaty_id, suspensions in self.suspensions.items():
            for suspension in suspensions:
                involved = (suspension.obligors != MEMBERS and state_id in suspension.obligors) or (
                    suspension.beneficiaries != MEMBERS and state_id in suspension.beneficiaries
                )
                if involved and suspension.valid_from <= day and (
                    suspension.valid_to is None or day < suspension.valid_to
                ):
                    out.append((self.treaties[treaty_id], suspension))
        return out
