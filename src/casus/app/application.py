"""The application object: one per process, shared by the CLI and the HTTP API.

See the package docstring (``casus.app``) for the public surface.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from casus import contracts
from casus.app.clock import Clock, SystemClock
from casus.bounded import Bounded
from casus.errors import InvalidArgumentError, MissingDataError
from casus.vocab import Mode

KB_CACHE_SIZE = 4
"""Knowledge bases kept: the current one and a few "as known at" readings."""
EXPOSURE_CACHE_SIZE = 8
"""Exposure views kept (one per date asked about), for a server paging through them."""

ActInput = str | Mapping[str, Any]


class App:
    """casus as a library: the store, the state registry, the gazetteer, the clock, a cached base."""

    def __init__(self, store=None, *, clock: Clock | None = None, registry=None, gazetteer=None,
                 url: str | os.PathLike | None = None, seed: bool = True) -> None:
        """An app on ``store``, or (when None) on the store at ``url``, opened on first use."""
        self._store, self._url, self._seed = store, url, seed
        # An app that opens its own SQLite store reads and keeps a snapshot of the knowledge
        # base beside it (``casus.store.snapshot``): a command then need not open the store.
        self._snapshots = store is None
        self.clock: Clock = clock or SystemClock()
        self._registry = registry
        self._gazetteer = gazetteer
        self._places = None
        self._lock = threading.RLock()
        self._kbs = Bounded(KB_CACHE_SIZE)
        self._exposures = Bounded(EXPOSURE_CACHE_SIZE)
        self.builds = 0
        """How many knowledge bases this app has built (each store generation costs one)."""

    # -- life ------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | os.PathLike | None = None, *, seed: bool = True, clock: Clock | None = None,
             lazy: bool = False) -> App:
        """Open the store at ``url`` (else ``CASUS_DB``, else the user's data file).

        The one place the store is migrated and seeded with the built-in treaties
        (``seed=False`` keeps a new store empty); the app then keeps it open.
        ``lazy`` waits for the first question that needs the store (a command
        such as ``casus read`` never creates one).
        """
        app = cls(clock=clock, url=url, seed=seed)
        if not lazy:
            app.store  # noqa: B018 - open, migrate and seed now
        return app

    @property
    def registry(self):
        """The state registry (the package's, unless given): loaded on first use, or taken from a snapshot."""
        if self._registry is None:
            with self._lock:
                # A fresh snapshot carries the registry the base was built with: reading it costs
                # less than building one from the state files (pycountry, every name normalised).
                if self._store is None and self._snapshot_file() is not None:
                    self._snapshot_base()
                if self._registry is None:
                    from casus.states import default_registry

                    self._registry = default_registry()
        return self._registry

    @property
    def store(self):
        """The ``casus.store.Store``: migrated and seeded when first opened."""
        if self._store is None:
            with self._lock:
                if self._store is None:
                    from casus.store import Store

                    self._store = Store.open(self._url, seed=self._seed)
        return self._store

    @classmethod
    def init(cls, url: str | os.PathLike | None = None, *, empty: bool = False, clock: Clock | None = None) -> App:
        """Create the store (``casus init``): with the built-in treaties unless ``empty``."""
        return cls.open(url, seed=not empty, clock=clock)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

    def __enter__(self) -> App:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def url(self) -> str:
        """The store's address, password hidden."""
        return self.store.engine.url.render_as_string(hide_password=True)

    def holds_builtin(self) -> bool:
        from casus.store.store import BUILTIN_DATASET

        return self.store.has_dataset(BUILTIN_DATASET)

    def store_report(self) -> contracts.StoreReport:
        """Where the store is and what it holds: treaties, states, obligations, proposals, datasets,
        schema revision (``casus init``)."""
        kb = self.knowledge_base()
        proposals = self.store.proposals()
        holds = {
            "treaties": len(kb.treaties),
            "states": len({m.state_id for ms in kb.memberships.values() for m in ms}),
            "obligations": sum(len(o) for o in kb.obligations.values()),
            "proposals": len(proposals),
            "open_proposals": sum(p["status"] == "open" for p in proposals),
        }
        return contracts.StoreReport.model_validate({"url": self.url, "revision": self.store.revision(),
                                                     "holds": holds, "datasets": self.store.datasets()})

    # -- time ------------------------------------------------------------------------

    def today(self) -> dt.date:
        return self.clock.today()

    def day(self, value: dt.date | str | None, field: str = "on") -> dt.date:
        """``value`` as a date; today (by the app's clock) when None. ``field`` names it in errors."""
        from casus.dates import parse_day

        try:
            return parse_day(self.today() if value is None else value, self.today())
        except ValueError as exc:
            raise InvalidArgumentError(str(exc), field=field) from None

    # -- shared state ----------------------------------------------------------------

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            from casus.places import default_gazetteer

            self._gazetteer = default_gazetteer(self.registry)
        return self._gazetteer

    @property
    def places(self):
        """The engine's judge of treaty areas, on the app's gazetteer (built on first use)."""
        if self._places is None:
            from casus.engine.places import PlaceJudge

            self._places = PlaceJudge(self.gazetteer, self.registry)
        return self._places

    def generation(self) -> int:
        """The store's generation: it changes with every write, by any process."""
        return self.store.generation()

    def knowledge_base(self, known_at: dt.datetime | None = None):
        """The knowledge base as known now (or at ``known_at``), rebuilt only when the store changed.

        Before the store is opened, the current base may come from the snapshot saved
        beside a SQLite store, if the store has not changed since (its mark, which every
        write changes, says so) and this casus made it; the store is then not opened at all.
        """
        database = self._snapshot_file() if known_at is None else None
        mark = None
        if database is not None:
            from casus.store import snapshot
        if database is not None and self._store is None:
            kb = self._snapshot_base()
            if kb is not None:
                return kb
        generation = self.store.generation()  # before the rows: a write in between only costs a rebuild
        key = (generation, known_at)
        with self._lock:
            kb = self._kbs.get_fresh(key)
            if kb is None:
                if database is not None:
                    mark = snapshot.mark(database)  # the store is open now: migrated and synced
                kb = self.store.knowledge_base(known_at, registry=self.registry)
                self.builds += 1
                for stale in [k for k in self._kbs if k[0] != generation]:
                    del self._kbs[stale]
                self._kbs.put(key, kb)
                if mark is not None and mark[1] == generation:
                    snapshot.save(database, mark, kb)
            return kb

    def _snapshot_base(self):
        """The current base from the snapshot beside the store, if it is fresh; else None.

        Only before the store is open: the mark costs a connection and a scan of every
        table's bounds (~9 ms under load), which a server must not pay per request.
        """
        from casus.store import snapshot

        database = self._snapshot_file()
        mark = snapshot.mark(database)
        if mark is None:
            return None
        key = (mark[1], None)
        with self._lock:
            kb = self._kbs.get_fresh(key) or snapshot.load(database, mark)
            if kb is not None:
                self._adopt(kb)
                self._kbs.put(key, kb)
            return kb

    def _snapshot_file(self):
        """The SQLite file whose snapshot this app keeps, or None."""
        if not self._snapshots:
            return None
        from casus.store.snapshot import sqlite_path
        from casus.store.urls import resolve_url

        return sqlite_path(resolve_url(self._url))

    def _adopt(self, kb) -> None:
        """Share one state registry between the app and a base read from a snapshot."""
        if self._registry is None:
            self._registry = kb.registry
        else:
            kb.registry = self._registry

    # -- states and treaties ---------------------------------------------------------

    def moment(self, value: dt.datetime | dt.date | str | None, field: str = "known_at") -> dt.datetime | None:
        """A recorded-time instant: a datetime, or a date (the end of that day), ISO or "today"."""
        if value is None or isinstance(value, dt.datetime):
            return value
        if isinstance(value, str) and "T" in value:
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                raise InvalidArgumentError(f"{value!r} is not a date or time (YYYY-MM-DD[THH:MM])",
                                           field=field) from None
        # a date means "as known by the end of that day": everything recorded on it counts
        return dt.datetime.combine(self.day(value, field) + dt.timedelta(days=1), dt.time())

    def lookup(self, query: str, on: dt.date | str | None = None) -> contracts.State:
        """The state ``query`` names (any name or code), as on ``on``."""
        day = self.day(on) if on is not None else None
        state = self.registry.lookup(query, on=day)
        return contracts.State.model_validate(state.to_json(on=day or self.today()))

    def state(self, query: str, on: dt.date | str | None = None, *,
              known_at: dt.datetime | dt.date | str | None = None) -> contracts.StateProfile:
        """Who is bound to defend a state on a date, whom it defends, its other duties, and the
        treaties that ended for it (``casus state``); ``known_at``: as the store knew it then."""
        return contracts.StateProfile.model_validate(self.state_json(query, on, known_at=known_at))

    def state_json(self, query: str, on: dt.date | str | None = None, *,
                   known_at: dt.datetime | dt.date | str | None = None) -> dict[str, Any]:
        """``state(...).to_json()`` without building the contract, for a caller that only prints it
        (``casus state --json``): the knowledge base already gives the contract's JSON, field for
        field and in order (tests/contracts/test_library_json.py checks that on every state)."""
        from casus.kb import state_profile

        day = self.day(on)
        kb = self.knowledge_base(self.moment(known_at))
        return state_profile(kb, self.registry.lookup(query, on=day).id, day).to_json(kb)

    def treaties(
        self, state: str | None = None, on: dt.date | str | None = None, kind: str | None = None
    ) -> contracts.TreatyList:
        """Treaties, filtered by party, date and kind of obligation (``casus treaties``)."""
        from casus.kb import list_treaties

        day = self.day(on) if on is not None else None
        kb = self.knowledge_base()
        state_id = self.registry.lookup(state, on=day).id if state else None
        rows = list_treaties(kb, state=state_id, on=day, kind=kind)
        return contracts.TreatyList.model_validate({"on": day, "treaties": rows})

    def treaty(self, query: str, on: dt.date | str | None = None) -> contracts.TreatyDetail:
        """One treaty by id, name, alias or organisation: members, obligations, sources (``casus treaty``)."""
        from casus.kb import treaty_detail

        day = self.day(on) if on is not None else None
        return contracts.TreatyDetail.model_validate(treaty_detail(self.knowledge_base(), query, day))

    # -- the store's soundness ------------------------------------------------------

    def check_store(self) -> contracts.StoreCheck:
        """Every violation of the store's invariants (``casus check``); empty when sound."""
        from casus.store.checks import check_store

        return contracts.StoreCheck(violations=[violation.to_json() for violation in check_store(self.store)])

    check = check_store

    def backup(self, path: str | os.PathLike) -> contracts.BackupReport:
        """A consistent copy of the store at ``path`` (SQLite copy, or a portable dump for PostgreSQL)."""
        from casus.store.backup import backup

        return contracts.BackupReport.model_validate(backup(self.store, path))

    def restore(self, path: str | os.PathLike) -> contracts.RestoreReport:
        """Replace the store with a backup in one transaction; refuses a newer schema."""
        from casus.store.backup import restore

        return contracts.RestoreReport.model_validate(restore(self.store, path))

    @staticmethod
    def token_hash(token: str) -> contracts.TokenHashReport:
        """The salted scrypt hash of a write token, for ``CASUS_TOKEN_HASH``."""
        from casus.api.security import TokenHash

        return contracts.TokenHashReport(hash=str(TokenHash.of(token)))

    def sources(self) -> contracts.SourceList:
        """The datasets the store holds (``casus sources``)."""
        return contracts.SourceList.model_validate({"sources": self.store.datasets()})

    # -- the engine ------------------------------------------------------------------

    def build_scenario(
        self,
        acts: Sequence[ActInput],
        on: dt.date | str | None = None,
        *,
        mode: Mode | str = "strict",
        place: str | None = None,
        provoked: bool | None = False,
        requested: bool | None = None,
    ):
        """A scenario from acts written as text ("RUS attacks EST [at Narva]") or as mappings.

        ``place``, ``provoked`` and ``requested`` apply to acts that do not say
        otherwise; ``place`` only with one act.
        """
        from casus.engine import build_scenario, parse_act_text

        if not acts:
            raise InvalidArgumentError('give at least one act, e.g. "RUS attacks EST"', field="acts")
        if place and len(acts) > 1:
            raise InvalidArgumentError('goes with one act; write "A attacks B at PLACE" for several', field="place")
        parsed = []
        for act in acts:
            if isinstance(act, str):
                attacker, target, where = parse_act_text(act)
                act = {"attacker": attacker, "target": target, "place": where}
            parsed.append({"provoked": provoked, "requested": requested, **act, "place": act.get("place") or place})
        return build_scenario(self.registry, self.day(on), parsed, str(mode))

    def scenario(
        self,
        acts: Sequence[ActInput],
        on: dt.date | str | None = None,
        *,
        mode: Mode | str = "strict",
        place: str | None = None,
        provoked: bool | None = False,
        requested: bool | None = None,
        on_round=None,
    ) -> contracts.ScenarioReport:
        """Fire every treaty on acts of aggression on a date (``casus scenario``); ``on_round``
        hears of each round as it ends (see ``Engine.run``)."""
        return contracts.ScenarioReport.model_validate(self.scenario_json(
            acts, on, mode=mode, place=place, provoked=provoked, requested=requested, on_round=on_round))

    def scenario_json(
        self,
        acts: Sequence[ActInput],
        on: dt.date | str | None = None,
        *,
        mode: Mode | str = "strict",
        place: str | None = None,
        provoked: bool | None = False,
        requested: bool | None = None,
        on_round=None,
    ) -> dict[str, Any]:
        """``scenario(...).to_json()`` without building the contract (see ``run_json``)."""
        chosen = self.build_scenario(acts, on, mode=mode, place=place, provoked=provoked, requested=requested)
        return self.run_json(chosen, on_round=on_round)

    def place(self, query: str, on: dt.date | str | None = None) -> contracts.PlaceReport:
        """A place as casus resolves it on a date: sovereign, administrator, dispute, and the
        treaty areas that contain it (``casus place``). Unknown names are refused with suggestions."""
        from casus.engine.views import place_report

        payload = place_report(self.knowledge_base(), query, self.day(on), self.gazetteer)
        return contracts.PlaceReport.model_validate(payload)

    def scenario_file(self, path: str | os.PathLike, on_round=None) -> contracts.ScenarioReport:
        """Fire a scenario written in YAML or JSON (``casus scenario --file``)."""
        return contracts.ScenarioReport.model_validate(self.scenario_file_json(path, on_round=on_round))

    def scenario_file_json(self, path: str | os.PathLike, on_round=None) -> dict[str, Any]:
        """``scenario_file(...).to_json()`` without building the contract (see ``run_json``)."""
        return self.run_json(self._scenario_file(path), on_round=on_round)

    def _scenario_file(self, path: str | os.PathLike):
        from casus.engine import load_scenario_file

        return load_scenario_file(Path(path), self.registry, today=self.today())

    def run(self, scenario, on_round=None) -> contracts.ScenarioReport:
        """Fire an already built ``casus.engine.Scenario``."""
        return contracts.ScenarioReport.model_validate(self.run_json(scenario, on_round=on_round))

    def run_json(self, scenario, on_round=None) -> dict[str, Any]:
        """``run(...).to_json()`` without building the contract, for a caller that only prints it
        (``casus scenario --json``; an escalation's answer has tens of thousands of reasons): the
        engine's report is already the contract's JSON, field for field and in order
        (tests/contracts/test_library_json.py checks that on strict and escalating scenarios)."""
        from casus.engine import Engine, Report

        outcome = Engine(self.knowledge_base(), self.places).run(scenario, on_round=on_round)
        return Report(outcome, self.registry).to_json()

    def diff(self, start: dt.date | str, end: dt.date | str) -> contracts.Diff:
        """Duties that appeared, ended or changed between two dates (``casus diff``)."""
        from casus.engine.views import diff

        payload = diff(self.knowledge_base(), self.day(start, "start"), self.day(end, "end"))
        return contracts.Diff.model_validate(payload)

    def exposure(self, on: dt.date | str | None = None):
        """The exposure view of a date (``casus.engine.views.Exposure``), cached per store generation."""
        from casus.engine.views import Exposure

        day = self.day(on)
        kb = self.knowledge_base()
        key = (self.store.generation(), day)
        with self._lock:
            view = self._exposures.get_fresh(key)
            if view is None or view.kb is not kb:
                view = Exposure(kb, day, self.places)
                self._exposures.put(key, view)
            return view

    def exposure_table(
        self, on: dt.date | str | None = None, *, offset: int = 0, limit: int | None = None
    ) -> contracts.ExposureTable:
        """The exposure of a date as rows, one per ordered pair (``casus exposure --format json``)."""
        if offset < 0 or (limit is not None and limit < 0):
            raise InvalidArgumentError("offset and limit cannot be negative", field="offset" if offset < 0 else "limit")
        view = self.exposure(on)
        rows = frame_rows(view.frame())
        stop = None if limit is None else offset + limit
        return contracts.ExposureTable.model_validate({"on": view.on, "pairs": rows[offset:stop]})

    def entanglement(self, on: dt.date | str | None = None) -> contracts.Entanglement:
        """For each state, how many ordered pairs would bind it to defend (``casus entanglement``)."""
        view = self.exposure(on)
        return contracts.Entanglement.model_validate({"on": view.on, "states": view.entanglement()})

    # -- history, imports, exports ---------------------------------------------------

    def replay(self, start_day: str | None = None) -> contracts.Replay:
        """Every imported war, act by act, through the engine: which alliances applied, were they honoured
        (``casus replay``). ``start_day`` (MM-DD) judges each war on that day with its first acts only."""
        kb = self.knowledge_base()
        return contracts.Replay.model_validate(self._replay(kb, start_day).to_json(kb.registry))

    def replay_compare(self, coding: str | os.PathLike, start_day: str | None = None) -> contracts.ReplayComparison:
        """The replay's decisions scored against an expert coding (``casus replay --compare``): agreement,
        Cohen's kappa, the confusion table and the alliance-wars that differ."""
        from casus.history.compare import compare, read_expert

        expert = read_expert(Path(coding))
        return contracts.ReplayComparison.model_validate(
            compare(self._replay(self.knowledge_base(), start_day).rows, expert))

    def _replay(self, kb, start_day: str | None):
        from casus.history import load_wars, parse_start_day
        from casus.history import replay as run_replay

        day = parse_start_day(start_day) if start_day else None  # a bad argument before missing data
        wars = load_wars(self.store)
        if not wars:
            raise MissingDataError("no wars in the store to replay: it needs the COW inter-state wars and, for "
                                   "the alliances before the built-in treaties, ATOP", record="cow-wars")
        return run_replay(kb, wars, start_day=day)

    def import_atop(self, member_csv: str | os.PathLike, alliance_csv: str | os.PathLike | None = None, *,
                    replace: bool = False) -> contracts.AtopImport:
        """Import ATOP alliances, members and provisions (``casus import atop``)."""
        from casus.imports import import_atop

        report = import_atop(self.store, Path(member_csv), Path(alliance_csv) if alliance_csv else None,
                             replace=replace)
        return contracts.AtopImport.model_validate(report.to_json())

    def check_atop(self) -> contracts.AtopCheck:
        """Where the built-in treaties and their ATOP codings disagree (``casus check atop``)."""
        from casus.imports import check_atop

        kb = self.knowledge_base()
        if not any(t.source.get("dataset") == "ATOP" for t in kb.treaties.values()):
            raise MissingDataError("no ATOP data in the store", record="atop")
        return contracts.AtopCheck(disagreements=check_atop(kb))

    def import_cow_wars(self, path: str | os.PathLike, *, version: str = "4.0",
                        replace: bool = False) -> contracts.CowWarsImport:
        """Import COW inter-state wars (``casus import cow-wars``)."""
        from casus.history import import_cow_wars

        report = import_cow_wars(self.store, Path(path), version=version, replace=replace, registry=self.registry)
        return contracts.CowWarsImport.model_validate(report.to_json())

    def export_dyad_years(self, start: int, end: int, **options: Any):
        """Dyad-years of alliance pledges (``casus export dyad-years``): a ``casus.exports.DyadYears``."""
        from casus.exports import dyad_years

        return dyad_years(self.store, start, end, registry=self.registry, today=self.today(), **options)

    def dyad_year_table(self, table) -> contracts.DyadYearTable:
        """A ``DyadYears`` from ``export_dyad_years`` as its JSON contract (``export dyad-years --json``)."""
        return contracts.DyadYearTable.model_validate({
            "from": table.start, "to": table.end,
            "directed": table.directed, "year_rule": table.year_rule, "all_dyads": table.all_dyads,
            "sources": list(table.sources), "coverage": [c.to_json() for c in table.coverage],
            "notes": list(table.notes), "rows": table.frame.to_dicts(),
        })

    def export_graphml(self, on: dt.date | str | None = None, *, source: str | Iterable[str] = "all"):
        """The obligation network of a date (``casus export graphml``): a ``casus.exports.ObligationGraph``."""
        from casus.exports import obligation_graph

        return obligation_graph(self.store, self.day(on), source=source, registry=self.registry,
                                kb=self.knowledge_base())

    def network(self, on: dt.date | str | None = None, *, source: str | Iterable[str] = "all",
                kind: str | None = None) -> contracts.Network:
        """The obligation network of a date as JSON (``GET /network``, ``export graphml --json``)."""
        graph = self.export_graphml(on, source=source)
        edges = [edge for edge in graph.edges if kind is None or edge["kind"] == kind]
        return contracts.Network(on=graph.on, nodes=graph.nodes, edges=edges)

    # -- the reader and the review queue ---------------------------------------------

    def read(self, source: str | os.PathLike, published: dt.date | str | None = None, *,
             propose: bool = False) -> contracts.ReadResult:
        """Read news from a file (``-`` for standard input); with ``propose``, file the facts for review."""
        from casus.reader.extract import read_articles

        day = self.day(published, "published") if published is not None else None
        payloads = read_articles(str(source), day.isoformat() if day else None)
        made = [p for payload in payloads for p in self._propose(payload)] if propose else []
        return contracts.ReadResult.model_validate({"readings": payloads, "proposals": made})

    def read_text(self, text: str | None = None, published: dt.date | str | None = None, *, html: str | None = None,
                  url: str | None = None, article_id: str | None = None,
                  propose: bool = False):
        """Read one article given as ``text`` or as an ``html`` page (exactly one), with its date (``POST /read``).

        The reading carries the article's text (an HTML page's text, never HTML); with
        ``propose``, the facts are filed as proposals for review.
        """
        from casus.contracts.api import ArticleReading
        from casus.reader.extract import read_article
        from casus.reader.inputs import article_from_record

        if (text is None) == (html is None):
            raise InvalidArgumentError("give the article as text or as html, exactly one of them", field="text")
        record = {"text": text, "html": html, "url": url, "id": article_id or url or "article",
                  "published": self.day(published, "published").isoformat() if published is not None else None}
        article = article_from_record({k: v for k, v in record.items() if v is not None})
        payload = read_article(article, first_pass=True).to_json()
        payload["article"]["text"] = article.text
        proposals = self._propose(payload) if propose else None
        return ArticleReading.model_validate({**payload, "proposals": proposals})

    def read_archive(self, archive: str | os.PathLike, published: dt.date | None = None, *, engine: str = "local",
                     workers: int | None = None, address: str | None = None, propose: bool = False,
                     resume: bool = True, chunk: int = 32, on_progress=None,
                     on_error=None) -> contracts.BatchSummary:
        """Read a news archive into the store, streamed and resumable (``casus read --batch``; docs/batch.md)."""
        from casus.archive import read_archive

        summary = read_archive(self.store, archive, engine=engine, workers=workers, address=address,
                               propose=propose, resume=resume, published=published, chunk=chunk,
                               on_progress=on_progress, on_error=on_error)
        return contracts.BatchSummary.model_validate(summary.to_json())

    def _propose(self, reading) -> list[dict[str, Any]]:
        from casus.review import propose

        return [p.to_json() for p in propose(self.store, reading)]

    def review(self, every: bool = False) -> contracts.ProposalList:
        """The open proposals (every one with ``every``) (``casus review``)."""
        from casus.review import list_proposals

        rows = [p.to_json() for p in list_proposals(self.store, status=None if every else "open")]
        return contracts.ProposalList.model_validate({"proposals": rows})

    def review_show(self, proposal_id: int | str) -> contracts.Proposal:
        from casus.review import get_proposal

        return contracts.Proposal.model_validate(get_proposal(self.store, proposal_id).to_json())

    def review_accept(self, proposal_id: int | str, *, by: str) -> contracts.Proposal:
        """Accept a proposal: its change enters the base, sourced to its article."""
        from casus.review import accept

        return contracts.Proposal.model_validate(accept(self.store, proposal_id, by=by).to_json())

    def review_reject(self, proposal_id: int | str, *, by: str, reason: str | None = None) -> contracts.Proposal:
        from casus.review import reject

        return contracts.Proposal.model_validate(reject(self.store, proposal_id, by=by, reason=reason).to_json())

    def review_propose(self, reading: Mapping[str, Any] | str | bytes) -> contracts.ProposalList:
        """Turn a saved reading (``casus read --json``) into proposals."""
        return contracts.ProposalList.model_validate({"proposals": self._propose(reading)})

    @staticmethod
    def eval_reader(directory: str | os.PathLike, on_error: Callable[[str], None] | None = None,
                    folds: int | None = None, only_fold: int | None = None, skip_fold: int | None = None,
                    restyle: str | None = None):
        """Score the reader on gold articles (``casus eval-reader``), per fold with ``folds``,
        in another house style with ``restyle``; reads no store."""
        from casus.reader.evaluate import evaluate

        return evaluate(directory, on_error=on_error, folds=folds, only_fold=only_fold, skip_fold=skip_fold,
                        restyle=restyle)


def frame_rows(frame) -> list[dict[str, Any]]:
    """A Polars frame as JSON-ready rows: dates and times as ISO strings."""
    temporal = [frame[c].cast(str) for c in frame.columns if frame[c].dtype.is_temporal()]
    return frame.with_columns(temporal).to_dicts()
