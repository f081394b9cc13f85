"""Property tests: whatever bytes a user feeds casus, it answers or refuses clearly, and writes nothing on refusal.

Each property draws inputs shaped like the real thing (an article, a scenario
file, an ATOP CSV) with random content, so the parsers' deeper paths are hit,
not only their first check.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.errors import CasusError
from casus.imports.atop import KINDS, MEMBER_COLUMNS, import_atop
from casus.reader.extract import read_article
from casus.reader.inputs import load_articles
from casus.engine.scenario import load_scenario_file
from casus.store import Store

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
WORDS = st.sampled_from(["Russia", "North Korea", "treaty", "signed", "defence", "pact", "attack", "on", "Monday",
                         "2024", "aid", "Finland", "NATO", "joined", "withdrew", "<b>", "</p>", "\x00", "é", "\n"])
TEXT = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ".json"])
@SETTINGS
@given(data=st.one_of(st.binary(max_size=400), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_an_article_file_is_read_or_refused_with_a_casus_error(tmp_path_factory, suffix, data):
    path = tmp_path_factory.mktemp("article") / f"input{suffix}"
    path.write_bytes(data)
    try:
        articles = load_articles(path, "2024-06-19")
    except CasusError as exc:
        assert str(path) in str(exc) or "input" in str(exc)
        return
    assert all(isinstance(article.text, str) for article in articles)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(text=st.lists(WORDS, min_size=1, max_size=50).map(" ".join))
def test_every_fact_read_points_at_the_exact_words_of_the_article(builtin_kb, tmp_path_factory, text):
    path = tmp_path_factory.mktemp("article") / "story.txt"
    path.write_text(text, encoding="utf-8")
    try:
        (article,) = load_articles(path, "2024-06-19")
    except CasusError:
        return
    reading = read_article(article, builtin_kb).to_json()
    for agreement in reading["agreements"]:
        assert agreement["evidence"]
        for span in agreement["evidence"]:
            assert article.text[span["start"]:span["end"]] == span["text"]


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10, 3000), st.text(max_size=20), WORDS,
                    st.dates(dt.date(1800, 1, 1), dt.date(2100, 1, 1)).map(str))
ACT = st.dictionaries(st.sampled_from(["attacker", "target", "place", "provoked", "requested", "act", "x"]),
                      SCALARS, max_size=5)
SCENARIO = st.one_of(
    st.fixed_dictionaries({"on": SCALARS, "acts": st.one_of(st.lists(ACT, max_size=3), SCALARS)},
                          optional={"mode": st.sampled_from(["strict", "escalation", "wild"]), "extra": SCALARS}),
    SCALARS, st.lists(SCALARS, max_size=3),
)


@SETTINGS
@given(document=SCENARIO)
def test_a_scenario_file_is_loaded_or_refused_naming_the_file(builtin_kb, tmp_path_factory, document):
    path = tmp_path_factory.mktemp("scenario") / "scenario.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    try:
        load_scenario_file(path, builtin_kb.registry)
    except CasusError as exc:
        assert str(path) in str(exc)


ATOP_HEADER = [*MEMBER_COLUMNS, *KINDS]
CELL = st.one_of(st.integers(-5, 3000).map(str), st.sampled_from(["", "x", "2.5", "365", "2", "1949", "0", "1"]))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(rows=st.lists(st.lists(CELL, min_size=len(ATOP_HEADER), max_size=len(ATOP_HEADER)), min_size=1, max_size=6))
def test_an_atop_file_is_imported_whole_or_refused_and_nothing_is_written(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("atop")
    member = folder / "atop5_1m.csv"
    member.write_text("\n".join([",".join(ATOP_HEADER), *(",".join(r) for r in rows)]) + "\n", encoding="utf-8")
    store = Store.open(folder / "store.sqlite", seed=False)
    try:
        import_atop(store, member)
    except CasusError as exc:
        assert str(member) in str(exc) or "ATOP" in str(exc)
        assert store.versions("memberships") == [] and store.datasets() == []
    finally:
        store.close()
