"""The application object: casus as one long-lived library object.

The CLI and the HTTP API are thin shells over one ``App``: each command or route
parses its input, makes one call below, and renders the contract it returns
(``casus.contracts``; ``.to_json()`` gives the documented JSON). Library errors
are ``casus.errors.CasusError`` with a code, a kind and structured fields; the
edges map them (``EXIT_CODES``, ``HTTP_STATUS``).

An ``App`` owns:

- ``store``: the ``casus.store.Store`` (its SQLAlchemy engine), migrated and
  seeded once, by ``App.open``;
- ``registry``: the state registry; ``gazetteer`` and ``places`` (the engine's
  judge of treaty areas), built on first use;
- ``clock``: where "today" comes from (``SystemClock`` at the command line,
  ``FixedClock`` in tests); library code below never reads the system date;
- a knowledge base cached per store generation: ``knowledge_base()`` costs one
  small read while nothing changed, and is rebuilt after any write, by this
  process or another; exposure views are cached per (generation, date).
  Both caches are bounded (``KB_CACHE_SIZE``, ``EXPOSURE_CACHE_SIZE``).
  An app that opens its own SQLite store also keeps the current base in a
  snapshot beside it (``casus.store.snapshot``): the next process reads that
  while the store is unchanged, without opening the store at all.

Public surface (each CLI command calls the method of the same name; a
subcommand joins the words with ``_``: ``casus review accept`` is
``review_accept``):

- life: ``App.open(url=None, *, seed=True, clock=None, lazy=False)`` (``lazy``:
  open the store on the first question that needs it),
  ``App.init(url=None, *, empty=False, clock=None)``, ``close()``, a context
  manager; ``url``, ``holds_builtin()``, ``store_report() -> StoreReport``;
- the store's soundness: ``check_store() -> StoreCheck``, ``backup(path) -> BackupReport``,
  ``restore(path) -> RestoreReport``, ``App.token_hash(token) -> TokenHashReport``;
- time: ``today()``, ``day(value, field="on")`` (a date from a date, an ISO
  string, "today" or None = today, read by ``casus.dates.parse_day``; errors name ``field``);
- shared state: ``store``, ``registry``, ``gazetteer``, ``places``,
  ``generation()``, ``knowledge_base(known_at=None)``, ``builds``;
- states and treaties: ``lookup(query, on=None) -> State``,
  ``state(query, on=None) -> StateProfile``,
  ``treaties(state=None, on=None, kind=None) -> TreatyList``,
  ``treaty(query, on=None) -> TreatyDetail``, ``sources() -> SourceList``;
- the engine: ``scenario(acts, on=None, *, mode="strict", place=None,
  provoked=False, requested=None) -> ScenarioReport`` (acts as text,
  "RUS attacks EST at Narva", or mappings with attacker, target, place,
  provoked, requested), ``build_scenario(...)`` (the same, not yet run),
  ``scenario_file(path)``, ``run(scenario)``, ``diff(start, end) -> Diff``,
  ``exposure(on=None)`` (the ``casus.engine.views.Exposure`` view),
  ``exposure_table(on=None, *, offset=0, limit=None) -> ExposureTable``,
  ``entanglement(on=None) -> Entanglement``;
- the same answers as JSON, without building their contracts, for a caller that
  only prints them (``casus state --json``, ``casus scenario --json``):
  ``state_json``, ``scenario_json``, ``scenario_file_json``, ``run_json``
  (each gives exactly what ``.to_json()`` of the contract would);
- history, imports, exports: ``replay(start_day=None) -> Replay``,
  ``replay_compare(coding, start_day=None) -> ReplayComparison``,
  ``import_atop(member_csv, alliance_csv=None, *, replace=False) -> AtopImport``,
  ``check_atop() -> AtopCheck``, ``import_cow_wars(path, *, version, replace) -> CowWarsImport``,
  ``export_dyad_years(start, end, **options)``, ``dyad_year_table(table) -> DyadYearTable``,
  ``export_graphml(on=None, *, source="all")``, ``network(on=None, *, source="all", kind=None) -> Network``;
- the reader and review: ``read(source, published=None, *, propose=False) ->
  ReadResult``, ``read_text(text=None, published=None, *, html=None, url=None,
  article_id=None, propose=False) -> ArticleReading`` (one article given as
  text or HTML), ``review(every=False) -> ProposalList``,
  ``review_show(id) -> Proposal``, ``review_accept(id, *, by) -> Proposal``,
  ``review_reject(id, *, by, reason=None) -> Proposal``,
  ``review_propose(reading) -> ProposalList``, ``eval_reader(directory)``.

docs/app.md has runnable examples.
"""

from casus.app.application import EXPOSURE_CACHE_SIZE, KB_CACHE_SIZE, App, frame_rows
from casus.app.clock import Clock, FixedClock, SystemClock

__all__ = ["EXPOSURE_CACHE_SIZE", "KB_CACHE_SIZE", "App", "Clock", "FixedClock", "SystemClock", "frame_rows"]
