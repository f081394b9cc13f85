"""Facts read from the news become proposals; a person accepts or rejects each.

``propose(store, reading)`` compares every agreement of a reading (the
contract of ``docs/reader.md``) with the knowledge base and stores what would
change as open proposals; ``accept`` writes the change as versioned records
whose source is the article; ``reject`` closes a proposal without writing.

Kinds of proposal:

- ``new_treaty``: no treaty matches (``casus.review.matching``); the treaty, its
  parties and the obligations the article states, in one proposal;
- ``new_member``: a party accedes (or signs) that the base does not hold;
- ``new_obligation``: a provision (one of ATOP's five kinds) the base lacks;
- ``ended_membership``: a member withdrew (or terminated its party-hood);
- ``suspension``: a member suspended or froze its part;
- ``new_date``: a date the base lacks (signed, in force, ended; a party's ratification);
- ``corroboration``: the base already holds the fact; accepting attaches the
  article as evidence (kept with the proposal; the record itself is unchanged);
- ``contradiction``: the article says otherwise (another date, a clause the
  article denies); both sides are shown. Accepting a date takes the article's
  date (the old version stays, closed in recorded time); accepting a denied
  clause marks the obligation ``uncertain`` with the article's words rather
  than deleting a curated article on one report.

**Idempotence.** Each proposal covers one or more *facts*, keyed by the article
(its id, else its URL), the evidence span and what the fact is about
(``treaty``, ``date:signed``, ``member:FIN``, ``provision:defense`` …), not by
what the base held when it was read. A fact an earlier proposal covers, whatever
its status, is never proposed again, so reading an article twice, before or
after accepting, proposes nothing new.

**Pending.** A treaty read as signed but not (yet) known in force has no entry
into force date: it binds nobody and shows as pending (signed, not yet binding)
until a proposal with its entry into force is accepted.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from casus.errors import (
    InvalidArgumentError,
    ProposalConflictError,
    ProposalDecidedError,
    UnknownProposalError,
)
from casus.kb import KnowledgeBase
from casus.review.matching import fold, match_treaty, organisation_id
from casus.store import Store, Transaction, key_column, keys, typed
from casus.store.store import utcnow
from casus.vocab import Event, ObligationKind, Provision, values

READ_DATASET = "read"
EVENTS = frozenset(values(Event))
PROVISIONS = frozenset(values(Provision))
ATOP_KINDS = values(ObligationKind)
NEW_TREATY_EVENTS = frozenset({"signed", "ratified", "entered_into_force", "acceded", "mentioned", "invoked"})
TREATY_DATES = {"signed": "signed", "entered_into_force": "in_force"}
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
READ_ARTICLE = "?"
"""The article number of an obligation read from the news (the news rarely gives it)."""


@dataclass(frozen=True)
class Proposal:
    """One proposed change, with the evidence behind it and its review status."""

    id: int
    kind: str
    status: str
    treaty_key: str | None
    article: str
    url: str | None
    span: tuple[int, int]
    evidence: str
    reader_version: str | None
    summary: str
    payload: dict[str, Any]
    fact_key: str
    created_at: dt.datetime
    decided_at: dt.datetime | None = None
    decided_by: str | None = None
    reason: str | None = None

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> Proposal:
        return cls(
            id=m["id"], kind=m["kind"], status=m["status"], treaty_key=m["treaty_key"], article=m["article"],
            url=m["url"], span=(m["span_start"], m["span_end"]), evidence=m["evidence"],
            reader_version=m["reader_version"], summary=m["summary"], payload=m["payload"], fact_key=m["fact_key"],
            created_at=m["created_at"], decided_at=m["decided_at"], decided_by=m["decided_by"], reason=m["reason"],
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "treaty": self.treaty_key,
            "summary": self.summary,
            "base": self.payload.get("base"),
            "article_says": self.payload.get("article_says"),
            "facts": self.payload.get("facts", []),
            "source": self.source(),
            "provision_evidence": (self.payload.get("agreement") or {}).get("provision_evidence") or [],
            "created_at": _stamp(self.created_at),
            "decided_at": _stamp(self.decided_at),
            "decided_by": self.decided_by,
            "reason": self.reason,
        }

    def source(self) -> dict[str, Any]:
        """The source an accepted record carries: the article, the span, the reader."""
        return {
            "kind": "read",
            "article": self.article,
            "url": self.url,
            "span": list(self.span),
            "text": self.evidence,
            "reader_version": self.reader_version,
        }


def _stamp(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value else None


# -- the reading --------------------------------------------------------------


def _bad(message: str) -> InvalidArgumentError:
    return InvalidArgumentError(f"malformed reading: {message}")


def parse_reading(reading: dict[str, Any] | str | bytes) -> dict[str, Any]:
    """Check a reading (``Reading.to_json()``, or its JSON text) before anything is proposed."""
    if isinstance(reading, (str, bytes)):
        try:
            reading = json.loads(reading)
        except ValueError as exc:
            raise _bad(f"not JSON ({exc})") from None
    if not isinstance(reading, dict):
        raise _bad("not a JSON object")
    article = reading.get("article")
    if not isinstance(article, dict) or not any(isinstance(article.get(k), str) and article[k] for k in ("id", "url")):
        raise _bad("'article' must be an object with an 'id' or a 'url'")
    published = article.get("published")
    if published is not None and (not isinstance(published, str) or _full_date(published[:10], strict=False) is None):
        raise _bad(f"article.published {published!r} is not a date (YYYY-MM-DD)")
    agreements = reading.get("agreements")
    if not isinstance(agreements, list):
        raise _bad("'agreements' must be a list")
    for index, agreement in enumerate(agreements):
        where = f"agreements[{index}]"
        if not isinstance(agreement, dict):
            raise _bad(f"{where} is not an object")
        if agreement.get("event") not in EVENTS:
            raise _bad(f"{where}.event {agreement.get('event')!r} is not one of {', '.join(sorted(EVENTS))}")
        if not isinstance(agreement.get("parties"), list):
            raise _bad(f"{where}.parties must be a list")
        for party in agreement["parties"]:
            if not isinstance(party, (str, dict)):
                raise _bad(f"{where}.parties holds {party!r}, neither a code nor an object")
        name = agreement.get("name")
        if name is not None and not isinstance(name, str):
            raise _bad(f"{where}.name must be text or null")
        date = agreement.get("event_date")
        if date is not None:
            if not isinstance(date, str) or not DATE_PATTERN.match(date) or _bad_date(date):
                raise _bad(f"{where}.event_date {date!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
        for field in ("provisions", "negated_provisions"):
            values = agreement.get(field) or []
            if not isinstance(values, list) or any(v not in PROVISIONS for v in values):
                raise _bad(f"{where}.{field} must list kinds among {', '.join(sorted(PROVISIONS))}")
        evidence = agreement.get("evidence")
        if not isinstance(evidence, list) or not evidence:
            raise _bad(f"{where}.evidence must list at least one span (no fact without its source)")
        for span in evidence:
            if not (
                isinstance(span, dict)
                and isinstance(span.get("start"), int)
                and isinstance(span.get("end"), int)
                and 0 <= span["start"] <= span["end"]
                and isinstance(span.get("text"), str)
            ):
                raise _bad(f"{where}.evidence holds {span!r}, not {{start, end, text}}")
    return reading


def _bad_date(value: str) -> bool:
    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return True
    elif len(value) == 7:
        return not 1 <= int(value[5:]) <= 12
    return False


def _full_date(value: str | None, strict: bool = True) -> dt.date | None:
    """A ``YYYY-MM-DD`` date, else None (a partial date; with ``strict=False`` also a bad one)."""
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        if strict:
            raise
        return None


def _same_date(base: dt.date, article: str) -> bool:
    """The article's date agrees with the base's at the article's precision."""
    return base.isoformat()[: len(article)] == article


def _parties(kb: KnowledgeBase, parties: list[Any], day: dt.date | None) -> tuple[list[str], set[str]]:
    """States (casus ids, in order) and organisation ids among an agreement's parties."""
    states: list[str] = []
    organisations: set[str] = set()
    for party in parties:
        if isinstance(party, dict):
            values = [party.get("id"), party.get("iso3"), party.get("name")]
            is_state = bool(party.get("iso3")) or party.get("cow") is not None
        else:
            values, is_state = [party], None
        state = None
        for value in values:
            if not isinstance(value, str) or not value:
                continue
            try:
                state = kb.registry.get(value)
            except LookupError:
                try:
                    state = kb.registry.lookup(value, on=day)
                except LookupError:
                    state = None
            if state is not None:
                break
        if state is not None and is_state is not False:
            if state.id not in states:
                states.append(state.id)
        elif is_state is not True:
            label = next((v for v in values if isinstance(v, str) and v), None)
            if label:
                organisations.add(organisation_id(label))
    return states, organisations


# -- proposing ----------------------------------------------------------------


@dataclass
class _Draft:
    kind: str
    facts: list[str]
    summary: str
    treaty_key: str | None
    base: Any
    article_says: Any
    change: dict[str, Any] | None


def propose(store: Store, reading: dict[str, Any] | str | bytes) -> list[Proposal]:
    """Store, as open proposals, what ``reading`` would change in the knowledge base.

    Returns the proposals made now (none for facts already proposed: see the
    module's notes on idempotence). A malformed reading raises
    ``InvalidArgumentError`` and nothing is written.
    """
    planned = plan_proposals(store.knowledge_base(), reading)
    return store.write(lambda tx: file_proposals(tx, planned))


@dataclass
class Plan:
    """The proposals a reading would make, computed from the base before any write."""

    article: str
    url: str | None
    version: str | None
    drafts: list


def plan_proposals(kb: KnowledgeBase, reading: dict[str, Any] | str | bytes) -> Plan:
    """What ``reading`` would change in ``kb``: read-only, so a batch can plan outside its transaction."""
    reading = parse_reading(reading)
    info = reading["article"]
    article = info.get("id") or info.get("url")
    url = info.get("url")
    published = _full_date(info["published"][:10]) if info.get("published") else None
    version = reading.get("reader_version")
    version = str(version) if version is not None else None
    drafts = [(agreement, list(_drafts(kb, agreement, published))) for agreement in reading["agreements"]]
    return Plan(article, url, version, drafts)


def file_proposals(tx: Transaction, planned: Plan) -> list[Proposal]:
    """Write the proposals of ``planned`` inside the caller's transaction.

    The facts already covered are read in the same transaction as the proposals are
    written: two readers of one article cannot both file it.
    """
    made = _new_proposals(tx.proposal_facts(planned.article), planned.drafts, planned.article, planned.url,
                          planned.version)
    return [Proposal.from_row(tx.add_proposal(values)) for values in made]


def _new_proposals(covered: set[str], drafts, article: str, url: str | None, version: str | None):
    made: list[dict[str, Any]] = []
    for agreement, agreement_drafts in drafts:
        span = agreement["evidence"][0]
        prefix = f"{article}|{span['start']}-{span['end']}|"
        for draft in agreement_drafts:
            facts = [prefix + f for f in draft.facts]
            if covered.intersection(facts):
                continue
            covered.update(facts)
            earlier = _same_new_treaty(made, draft)
            if earlier is not None:
                _merge_new_treaty(earlier, draft, facts)
                continue
            made.append(
                {
                    "fact_key": facts[0][:255],
                    "kind": draft.kind,
                    "status": "open",
                    "treaty_key": draft.treaty_key,
                    "article": article,
                    "url": url,
                    "span_start": span["start"],
                    "span_end": span["end"],
                    "evidence": span["text"],
                    "reader_version": version,
                    "summary": draft.summary,
                    "payload": _jsonable(
                        {"facts": facts, "base": draft.base, "article_says": draft.article_says, "change": draft.change,
                         "agreement": agreement}
                    ),
                    "created_at": utcnow(),
                }
            )
    return made


def _same_new_treaty(made: list[dict[str, Any]], draft: _Draft) -> dict[str, Any] | None:
    """An earlier new treaty of the same reading with the same parties (one treaty, several events)."""
    if draft.kind != "new_treaty":
        return None
    for values in made:
        if values["kind"] == "new_treaty" and (
            set(values["payload"]["article_says"]["parties"]) == set(draft.article_says["parties"])
        ):
            return values
    return None


def _merge_new_treaty(values: dict[str, Any], draft: _Draft, facts: list[str]) -> None:
    """Fold another event of the same new treaty into the proposal already drafted for it."""
    payload = values["payload"]
    payload["facts"].extend(facts)
    payload.setdefault("also", []).append(_jsonable(draft.article_says))
    mine, theirs = payload["change"], draft.change
    for field in ("signed", "in_force"):
        mine["treaty"][field] = mine["treaty"][field] or theirs["treaty"][field]
    if not payload["article_says"]["named"] and draft.article_says["named"]:
        mine["treaty"]["name"] = payload["article_says"]["name"] = draft.article_says["name"]
        payload["article_says"]["named"] = True
    signed = {m["state_id"]: m["signed"] for m in theirs["memberships"]}
    for membership in mine["memberships"]:
        membership["signed"] = membership["signed"] or signed.get(membership["state_id"])
    kinds = {o["kind"] for o in mine["obligations"]}
    for obligation in theirs["obligations"]:
        if obligation["kind"] not in kinds:
            obligation = {**obligation, "treaty_key": mine["treaty"]["treaty_key"],
                          "obligation_key": keys.read_obligation_key(mine["treaty"]["treaty_key"], obligation["kind"],
                                                                     READ_ARTICLE)}
            mine["obligations"].append(obligation)
    values["summary"] += f"; also {draft.article_says['event']} {draft.article_says['date'] or 'undated'}"


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def _drafts(kb: KnowledgeBase, agreement: dict[str, Any], published: dt.date | None) -> list[_Draft]:
    event = agreement["event"]
    date = agreement.get("event_date")
    day = _full_date(date) or published
    states, organisations = _parties(kb, agreement["parties"], day)
    name = agreement.get("name")
    provisions = [p for p in ATOP_KINDS if p in (agreement.get("provisions") or [])]
    denied = [p for p in ATOP_KINDS if p in (agreement.get("negated_provisions") or []) and p not in provisions]
    found = match_treaty(kb, name, set(states), organisations, event, day)
    if found is None:
        return _new_treaty(kb, agreement, states, provisions)
    treaty = found.treaty
    drafts: list[_Draft] = []
    memberships = kb.memberships.get(treaty.id, [])
    members = {m.state_id for m in memberships}

    def draft(kind, fact, summary, base, says, change):
        drafts.append(_Draft(kind, [fact], summary, treaty.id, base, says, change))

    # The treaty's own dates.
    field = TREATY_DATES.get(event)
    if event == "terminated" and (not states or set(states) >= members):
        field = "ended"
    if field and date:
        _date_drafts(draft, "treaties", treaty.id, field, getattr(treaty, field), date, treaty.name,
                     extra={"end_reason": "terminated"} if field == "ended" else {})
    # The parties.
    for state in states:
        current = [m for m in memberships if m.state_id == state]
        latest = max(current, key=lambda m: (m.valid_from or dt.date.min, m.key)) if current else None
        if event in ("acceded", "signed") and latest is None:
            record = _membership_record(treaty.id, state, kb, event, date)
            if event == "acceded" and record["valid_from"] is None:
                continue  # an accession without a day cannot be written
            summary = f"{state} becomes a party to {treaty.name} ({event} {date or 'undated'})"
            draft("new_member", f"member:{state}", summary, None, {"state": state, "event": event, "date": date},
                  {"op": "insert", "table": "memberships", "record": record})
        elif event == "acceded" and latest is not None and date:
            _date_drafts(draft, "memberships", latest.key, "valid_from", latest.valid_from or treaty.in_force, date,
                         f"{state} in {treaty.name}", fact=f"member:{state}")
        elif event == "ratified" and latest is not None and _full_date(date):
            note = f"Ratified {date} (read from the news)."
            if latest.note and date in latest.note:
                draft("corroboration", f"ratified:{state}", f"the article confirms {state} ratified {treaty.name}",
                      latest.note, note, {"op": "attach", "table": "memberships", "key": latest.key})
            else:
                joined = f"{latest.note} {note}" if latest.note else note
                draft("new_date", f"ratified:{state}", f"{state} ratified {treaty.name} on {date}",
                      latest.note, note, {"op": "update", "table": "memberships", "key": latest.key,
                                          "changes": {"note": joined}})
        elif event in ("withdrew", "terminated") and latest is not None and date:
            reason = "withdrew" if event == "withdrew" else "terminated"
            _date_drafts(draft, "memberships", latest.key, "valid_to", latest.valid_to, date,
                         f"{state} in {treaty.name}", fact=f"left:{state}", kind="ended_membership",
                         extra={"left_reason": reason})
        elif event == "suspended" and latest is not None and date:
            existing = [s for s in kb.suspensions.get(treaty.id, [])
                        if s.obligors != "members" and state in s.obligors]
            if existing:
                s = existing[0]
                kind = "corroboration" if _same_date(s.valid_from, date) else "contradiction"
                draft(kind, f"suspended:{state}", f"{state} suspended its part in {treaty.name}: base from "
                      f"{s.valid_from}, article {date}", {"from": s.valid_from, "summary": s.summary},
                      {"from": date}, {"op": "attach", "table": "suspensions", "key": s.key}
                      if kind == "corroboration" else {"op": "update", "table": "suspensions", "key": s.key,
                                                        "changes": {"valid_from": date}} if _full_date(date) else None)
            elif _full_date(date):
                record = {
                    "suspension_key": keys.suspension_key(treaty.id, [state], "members", date),
                    "treaty_key": treaty.id, "obligors": [state], "beneficiaries": "members",
                    "valid_from": date, "valid_to": None, "legal_effect": "none",
                    "summary": f"{state} declared its participation suspended (read from the news; legal effect "
                               f"to be judged by the reviewer).",
                }
                draft("suspension", f"suspended:{state}", f"{state} suspends its part in {treaty.name} from {date}",
                      None, {"state": state, "from": date}, {"op": "insert", "table": "suspensions", "record": record})
    # The provisions.
    if event not in ("announced", "negotiating"):
        held = {o.kind: o for o in kb.obligations.get(treaty.id, [])}
        for kind in provisions:
            if kind in held:
                o = held[kind]
                draft("corroboration", f"provision:{kind}", f"the article confirms the {kind} obligation of "
                      f"{treaty.name} (Art. {o.article})", {"article": o.article, "summary": o.summary},
                      {"provision": kind}, {"op": "attach", "table": "obligations", "key": o.key})
            else:
                record = _obligation_record(treaty.id, kind)
                draft("new_obligation", f"provision:{kind}", f"{treaty.name} gains a {kind} obligation",
                      None, {"provision": kind}, {"op": "insert", "table": "obligations", "record": record})
        for kind in denied:
            if kind in held:
                o = held[kind]
                note = f"An article denies this clause: {agreement['evidence'][0]['text'][:300]}"
                draft("contradiction", f"denied:{kind}", f"the article denies the {kind} obligation the base holds "
                      f"for {treaty.name} (Art. {o.article})", {"article": o.article, "summary": o.summary},
                      {"provision": kind, "denied": True},
                      {"op": "update", "table": "obligations", "key": o.key, "changes": {"uncertain": note}})
    return drafts


def _date_drafts(draft, table, key, field, base_value, date, what, *, fact=None, kind="new_date", extra=None):
    """A date the base lacks, holds (corroboration) or holds otherwise (contradiction)."""
    fact = fact or f"date:{field}"
    changes = {field: date, **(extra or {})}
    if base_value is None:
        if _full_date(date):
            draft(kind, fact, f"{what}: {field.replace('_', ' ')} {date}", None, {field: date},
                  {"op": "update", "table": table, "key": key, "changes": changes})
    elif _same_date(base_value, date):
        draft("corroboration", fact, f"the article confirms {what}: {field.replace('_', ' ')} {base_value}",
              {field: base_value}, {field: date}, {"op": "attach", "table": table, "key": key})
    else:
        draft("contradiction", fact, f"{what}: the base says {field.replace('_', ' ')} {base_value}, "
              f"the article {date}", {field: base_value}, {field: date},
              {"op": "update", "table": table, "key": key, "changes": changes} if _full_date(date) else None)


def _membership_record(treaty_key: str, state: str, kb: KnowledgeBase | None, event: str, date: str | None):
    n = 1 + sum(1 for m in (kb.memberships.get(treaty_key, []) if kb else []) if m.state_id == state)
    return {
        "membership_key": keys.membership_key(treaty_key, state, n),
        "treaty_key": treaty_key,
        "state_id": state,
        "signed": _full_date(date).isoformat() if event == "signed" and _full_date(date) else None,
        "valid_from": _full_date(date).isoformat() if event == "acceded" and _full_date(date) else None,
        "valid_to": None, "left_reason": None, "note": None, "uncertain": None,
    }


def _obligation_record(treaty_key: str, kind: str) -> dict[str, Any]:
    return {
        "obligation_key": keys.read_obligation_key(treaty_key, kind, READ_ARTICLE),
        "treaty_key": treaty_key, "article": READ_ARTICLE, "kind": kind, "strength": "unspecified",
        "obligors": "members", "beneficiaries": "members", "conditions": {},
        "summary": f"The parties owe each other a {kind} obligation, as a news report states; the article "
                   f"number and its conditions are not known yet.",
        "note": None, "uncertain": "Read from the news; check against the official text.",
        "valid_from": None, "valid_to": None,
    }


def _slug(text: str) -> str:
    return "-".join(fold(text).split())[:80].strip("-") or "treaty"


def _new_treaty(kb: KnowledgeBase, agreement: dict[str, Any], states: list[str], provisions: list[str]):
    event, date, name = agreement["event"], agreement.get("event_date"), agreement.get("name")
    if event not in NEW_TREATY_EVENTS or len(states) < 2 and not name:
        return []
    day = _full_date(date)
    title = name or "Agreement between " + " and ".join(states)  # our words; the news gave no name
    year = date[:4] if date else None
    base_key = f"{_slug(title)}-{year}" if year and year not in title else _slug(title)
    key, n = base_key, 1
    while key in kb.treaties:
        n += 1
        key = f"{base_key}-{n}"
    treaty = {
        "treaty_key": key, "name": title, "aliases": [], "organisation": None,
        "signed": day.isoformat() if day and event == "signed" else None,
        "in_force": day.isoformat() if day and event == "entered_into_force" else None,
        "ended": None, "end_reason": None, "atop_id": None,
        "notes": "Read from the news; check against the official text.", "uncertain": None,
    }
    members = [_membership_record(key, s, None, event if event != "entered_into_force" else "", date) for s in states]
    if event == "acceded":
        for m in members:
            m["valid_from"] = None  # a treaty first read through one accession: the others' dates are unknown
    obligations = [_obligation_record(key, kind) for kind in provisions]
    facts = ["treaty", *(f"member:{s}" for s in states), *(f"provision:{k}" for k in provisions)]
    field = TREATY_DATES.get(event)
    if field and day:
        facts.append(f"date:{field}")
    state_text = ", ".join(states) or "parties not named"
    summary = f"new treaty {title!r} ({state_text}; {event} {date or 'undated'})"
    if provisions:
        summary += "; obligations: " + ", ".join(provisions)
    change = {"op": "create_treaty", "treaty": treaty, "memberships": members, "obligations": obligations}
    return [_Draft("new_treaty", facts, summary, key, None,
                   {"name": title, "named": name is not None, "parties": states, "event": event, "date": date,
                    "provisions": provisions}, change)]


# -- review -------------------------------------------------------------------


def list_proposals(store: Store, status: str | None = "open") -> list[Proposal]:
    """Proposals with ``status`` (all when None), oldest first."""
    return [Proposal.from_row(row) for row in store.proposals(status)]


def get_proposal(store: Store, proposal_id: int | str) -> Proposal:
    row = store.proposal(_number(proposal_id))
    if row is None:
        raise UnknownProposalError(proposal_id)
    return Proposal.from_row(row)


def _number(proposal_id: int | str) -> int:
    try:
        return int(proposal_id)
    except (TypeError, ValueError):
        raise UnknownProposalError(proposal_id) from None


def reject(store: Store, proposal_id: int | str, *, by: str, reason: str | None = None) -> Proposal:
    """Close an open proposal without writing anything to the knowledge base."""
    proposal = get_proposal(store, proposal_id)
    _must_be_open(proposal, "reject")
    store.write(lambda tx: tx.decide_proposal(proposal.id, "rejected", by=by, reason=reason))
    return get_proposal(store, proposal.id)


def _must_be_open(proposal: Proposal, verb: str) -> None:
    if proposal.status != "open":
        raise ProposalDecidedError(
            f"proposal {proposal.id} is already {proposal.status} (by {proposal.decided_by} at "
            f"{_stamp(proposal.decided_at)}); only an open proposal can be {verb}ed", record=str(proposal.id)
        )


def accept(store: Store, proposal_id: int | str, *, by: str) -> Proposal:
    """Write an open proposal's change into the knowledge base, sourced to its article.

    Everything happens in one transaction: the records and the proposal's new
    status are written together or not at all. The status is changed first, by
    the database's own check that the proposal is still open, so of two people
    accepting one proposal at the same instant one wins and the other gets a
    ``ProposalDecidedError`` (a conflict), never a second copy of the records.
    """
    proposal = get_proposal(store, proposal_id)
    _must_be_open(proposal, "accept")
    change = proposal.payload.get("change")
    if change is None:
        raise InvalidArgumentError(
            f"proposal {proposal.id} has nothing the base can take (the article's date is not a full day); "
            "reject it, or edit the record by hand"
        )

    def work(tx: Transaction) -> None:
        tx.decide_proposal(proposal.id, "accepted", by=by)
        source = {**proposal.source(), "proposal": proposal.id, "accepted_by": by, "accepted_at": _stamp(tx.now)}
        tx.ensure_dataset(
            READ_DATASET, name="facts read from the news and accepted in review", version="1", kind="read",
            citation="Articles read by casus's reader; each record names its article, span and reader version.",
        )
        op = change["op"]
        if op == "create_treaty":
            key = change["treaty"]["treaty_key"]
            if tx.current("treaties", key) is not None:
                raise ProposalConflictError(f"proposal {proposal.id}: the base already has a treaty {key!r}; "
                                           "reject this proposal and read the article again")
            tx.put_version("treaties", typed("treaties", {**change["treaty"], "source": source}),
                           dataset_id=READ_DATASET)
            for table in ("memberships", "obligations"):
                for record in change[table]:
                    tx.put_version(table, typed(table, {**record, "source": source}), dataset_id=READ_DATASET)
        elif op == "insert":
            key = change["record"][key_column(change["table"])]
            if tx.current(change["table"], key) is not None:
                raise ProposalConflictError(f"proposal {proposal.id}: {change['table']} {key!r} is already in the "
                                           "base; reject this proposal")
            record = typed(change["table"], {**change["record"], "source": source})
            tx.put_version(change["table"], record, dataset_id=READ_DATASET)
        elif op == "update":
            old = tx.current(change["table"], change["key"])
            if old is None:
                raise ProposalConflictError(f"proposal {proposal.id}: {change['table']} {change['key']!r} is no "
                                           "longer in the base")
            values = {k: v for k, v in old.items() if k not in ("row_id", "dataset_id", "recorded_from", "recorded_to")}
            values.update(typed(change["table"], dict(change["changes"])))
            values["source"] = {**source, "replaces": old["row_id"], "previous_source": old["source"]}
            tx.put_version(change["table"], values, dataset_id=READ_DATASET)
        elif op != "attach":  # a corroboration: the accepted proposal is the evidence link
            raise InvalidArgumentError(f"proposal {proposal.id}: unknown change {op!r}")

    store.write(work)
    return get_proposal(store, proposal.id)


def evidence_for(store: Store, table_name: str, key: str) -> list[dict[str, Any]]:
    """The articles accepted as corroborating one record (``attach`` proposals)."""
    out = []
    for proposal in list_proposals(store, status="accepted"):
        change = proposal.payload.get("change") or {}
        if change.get("op") == "attach" and change.get("table") == table_name and change.get("key") == key:
            out.append({**proposal.source(), "proposal": proposal.id})
    return out
