"""The answers users ask of the built-in data first, with exact expected results."""

from __future__ import annotations

import datetime as dt

from casus.kb import list_treaties, state_profile

D = dt.date.fromisoformat


def defenders(kb, state, day):
    return [
        (d.other, d.binding.treaty.id, d.binding.obligation.article)
        for d in state_profile(kb, state, D(day)).defended_by
    ]


def test_china_cuba_and_russia_are_bound_to_defend_north_korea_on_1_january_2025(builtin_kb):
    assert defenders(builtin_kb, "PRK", "2025-01-01") == [
        ("CHN", "china-dprk-1961", "II"),
        ("CUB", "cuba-dprk-1986", "mutual-assistance"),
        ("RUS", "russia-dprk-2024", "4"),
    ]


def test_russia_is_bound_to_defend_north_korea_from_4_december_2024(builtin_kb):
    assert ("RUS", "russia-dprk-2024", "4") not in defenders(builtin_kb, "PRK", "2024-12-03")
    assert ("RUS", "russia-dprk-2024", "4") in defenders(builtin_kb, "PRK", "2024-12-04")


def test_the_day_after_signature_only_china_and_cuba_bind_and_the_russian_treaty_is_pending(builtin_kb):
    profile = state_profile(builtin_kb, "PRK", D("2024-06-20"))
    assert [(d.other, d.binding.treaty.id) for d in profile.defended_by] == [
        ("CHN", "china-dprk-1961"), ("CUB", "cuba-dprk-1986")
    ]
    assert [(p.treaty.id, p.membership.signed, p.membership.start(p.treaty)) for p in profile.pending] == [
        ("russia-dprk-2024", D("2024-06-19"), D("2024-12-04"))
    ]


def test_in_1990_the_soviet_union_china_and_cuba_were_bound_to_defend_north_korea(builtin_kb):
    assert defenders(builtin_kb, "PRK", "1990-01-01") == [
        ("CHN", "china-dprk-1961", "II"),
        ("RUS", "ussr-dprk-1961", "1"),
        ("CUB", "cuba-dprk-1986", "mutual-assistance"),
    ]
    payload = state_profile(builtin_kb, "PRK", D("1990-01-01")).to_json(builtin_kb)
    assert [d["state"]["name"] for d in payload["defended_by"]] == ["China", "Soviet Union", "Cuba"]


def test_nato_article_5_binds_swedens_allies_from_7_march_2024(builtin_kb):
    def nato_allies(day):
        return sorted(
            d.other for d in state_profile(builtin_kb, "SWE", D(day)).defended_by if d.binding.treaty.id == "nato"
        )

    assert nato_allies("2024-03-06") == []
    allies = nato_allies("2024-03-07")
    assert len(allies) == 31 and "USA" in allies and "FIN" in allies and "SWE" not in allies


def test_nato_has_32_members_on_1_january_2025(builtin_kb):
    assert len(builtin_kb.parties_on("nato", D("2025-01-01"))) == 32


def test_finland_joined_nato_on_4_april_2023(builtin_kb):
    assert "FIN" not in builtin_kb.parties_on("nato", D("2023-04-03"))
    assert "FIN" in builtin_kb.parties_on("nato", D("2023-04-04"))


def test_the_united_kingdom_left_the_eu_mutual_assistance_clause_with_brexit(builtin_kb):
    assert "GBR" in builtin_kb.parties_on("teu-42-7", D("2020-01-31"))
    assert "GBR" not in builtin_kb.parties_on("teu-42-7", D("2020-02-01"))


def test_treaties_in_force_for_north_korea_on_2025_01_01(builtin_kb):
    rows = list_treaties(builtin_kb, state="PRK", on=D("2025-01-01"))
    assert [r["id"] for r in rows] == ["china-dprk-1961", "cuba-dprk-1986", "russia-dprk-2024"]
