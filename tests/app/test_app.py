"""The application object: one store, a clock, a knowledge base cached per store generation."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.app import App, FixedClock
from casus.bounded import Bounded
from casus.errors import InvalidArgumentError, UnknownStateError
from casus.store import Store


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    app = App.open(tmp_path_factory.mktemp("app") / "casus.sqlite", clock=FixedClock("2025-01-01"))
    yield app
    app.close()


def defenders(profile):
    return [duty.state.id for duty in profile.defended_by]


def test_russia_defends_north_korea_today_by_the_apps_clock(app):
    profile = app.state("North Korea")
    assert profile.on == dt.date(2025, 1, 1)
    assert defenders(profile) == ["CHN", "CUB", "RUS"]
    assert defenders(app.state("PRK", on="2024-06-01")) == ["CHN", "CUB"]


def test_a_second_question_reuses_the_knowledge_base(app):
    app.state("Estonia")
    builds = app.builds
    app.state("Japan", on="2020-01-01")
    app.treaties(state="Japan")
    assert app.builds == builds
    assert app.knowledge_base() is app.knowledge_base()


def test_a_write_by_another_process_is_seen_on_the_next_question(tmp_path):
    path = tmp_path / "shared.sqlite"
    server = App.open(path, clock=FixedClock("2025-01-01"))
    server.state("North Korea")
    generation, builds = server.generation(), server.builds
    other = Store.open(path)  # another process's store on the same file
    other.edit("memberships", _membership(other, "russia-dprk-2024", "RUS"), {"valid_to": dt.date(2024, 12, 31)},
               editor="test", reason="a made-up withdrawal")
    assert server.generation() > generation
    assert defenders(server.state("North Korea")) == ["CHN", "CUB"]
    assert server.builds == builds + 1
    other.close()
    server.close()


def _membership(store, treaty, state):
    for row in store.rows()["memberships"]:
        if row["treaty_key"] == treaty and row["state_id"] == state:
            return row["membership_key"]
    raise AssertionError(f"no membership of {state} in {treaty}")


def test_opening_twice_does_not_migrate_or_seed_again(tmp_path):
    path = tmp_path / "casus.sqlite"
    App.open(path).close()
    app = App.open(path)
    generation = app.generation()
    App.open(path).close()
    assert app.generation() == generation  # nothing was written by the second open
    app.close()


def test_a_bad_date_names_its_field(app):
    with pytest.raises(InvalidArgumentError) as caught:
        app.state("Japan", on="2025-13-01")
    assert caught.value.field == "on" and caught.value.to_dict()["code"] == "E101"
    with pytest.raises(InvalidArgumentError) as caught:
        app.diff("2024-01-01", "soon")
    assert caught.value.field == "end"


def test_an_unknown_state_is_not_found(app):
    with pytest.raises(UnknownStateError) as caught:
        app.state("Atlantis")
    assert caught.value.http_status == 404


def test_acts_are_read_from_text_or_mappings(app):
    from_text = app.scenario(["RUS attacks EST at Narva"])
    from_mapping = app.scenario([{"attacker": "Russia", "target": "Estonia", "place": "Narva"}])
    assert from_text == from_mapping
    assert from_text.acts[0].place == "Narva"
    with pytest.raises(InvalidArgumentError) as caught:
        app.scenario(["RUS attacks EST", "RUS attacks LVA"], place="Narva")
    assert caught.value.field == "place"


def test_estonia_is_defended_under_nato_and_the_eu(app):
    report = app.scenario(["RUS attacks EST"])
    treaties = {(p.state.id, r.treaty.id) for p in report.sides.defenders for r in p.reasons}
    assert {("USA", "nato"), ("AUT", "teu-42-7"), ("IRL", "teu-42-7")} <= treaties


def test_exposure_pages_and_entanglement_share_one_cached_view(app):
    view = app.exposure("2025-01-01")
    assert app.exposure(dt.date(2025, 1, 1)) is view
    page = app.exposure_table("2025-01-01", offset=2, limit=3)
    everything = app.exposure_table("2025-01-01")
    assert page.pairs == everything.pairs[2:5]
    assert app.entanglement("2025-01-01").states[0].state.id == "USA"


def test_caches_are_bounded():
    cache = Bounded(2)
    for key in "abc":
        cache.put(key, key.upper())
    assert list(cache) == ["b", "c"] and cache.get_fresh("a") is None
    cache.get_fresh("b")
    cache.put("d", "D")
    assert list(cache) == ["b", "d"]


def test_the_store_generation_counts_writes_only(fresh_store):
    before = fresh_store.generation()
    fresh_store.rows()
    fresh_store.datasets()
    assert fresh_store.generation() == before
    key = fresh_store.rows()["treaties"][0]["treaty_key"]
    fresh_store.edit("treaties", key, {"notes": "edited"}, editor="test", reason="counts")
    assert fresh_store.generation() == before + 1


def test_a_lazy_app_opens_its_store_on_the_first_question(tmp_path):
    path = tmp_path / "lazy.sqlite"
    app = App.open(path, lazy=True, clock=FixedClock("2025-01-01"))
    assert not path.exists()
    assert defenders(app.state("North Korea")) == ["CHN", "CUB", "RUS"]
    assert path.exists()
    app.close()
