"""casus state: who defends a state on a date, in the library's terms."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from casus.cli.main import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def test_state_json_lists_who_is_bound_to_defend_north_korea():
    result = run("state", "PRK", "--on", "2025-01-01", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) == {"state", "on", "defended_by", "defends", "other", "pending", "notes", "ended"}
    assert payload["state"] == {
        "id": "PRK", "iso3": "PRK", "cow": 731, "name": "North Korea", "cow_abb": "PRK", "gw": 731
    }
    assert payload["on"] == "2025-01-01"
    assert [
        (d["state"]["id"], d["treaty"]["id"], d["article"], d["kind"], d["strength"])
        for d in payload["defended_by"]
    ] == [
        ("CHN", "china-dprk-1961", "II", "defense", "automatic"),
        ("CUB", "cuba-dprk-1986", "mutual-assistance", "defense", "discretionary"),
        ("RUS", "russia-dprk-2024", "4", "defense", "automatic"),
    ]
    first = payload["defended_by"][0]
    assert set(first) >= {"state", "treaty", "article", "kind", "strength", "conditions", "source"}
    assert first["source"]["url"].startswith("http") and first["source"]["article"] == "II"
    assert {"id", "iso3", "cow", "name"} <= set(first["state"])


def test_state_json_on_the_day_after_signature_says_the_russian_treaty_is_pending():
    payload = json.loads(run("state", "North Korea", "--on", "2024-06-20", "--json").stdout)
    assert [d["state"]["id"] for d in payload["defended_by"]] == ["CHN", "CUB"]
    assert [(p["treaty"]["id"], p["signed"], p["binds_from"], p["status"]) for p in payload["pending"]] == [
        ("russia-dprk-2024", "2024-06-19", "2024-12-04", "signed")
    ]


def test_state_text_names_the_defenders_and_the_pending_treaty():
    result = runner.invoke(app, ["state", "Pyongyang", "--on", "2024-06-20"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert result.stdout == """\
North Korea (PRK, COW 731) on 2024-06-20
1 treaty's duties ended before 2024-06-20; see --history
Mutual defence with North Korea (2)
  China–DPRK 1961 Art. II · automatic (?) [1] — China
  Cuba–DPRK 1986 mutual assistance · discretionary (?) [2] — Cuba
Other obligations (1 state)
  China–DPRK 1961 Art. III nonaggression · mutual (?) [1] — China
Signed, not yet binding (1)
  Russia–DPRK 2024: signed 2024-06-19, treaty signed, binds from 2024-12-04
      (Art. 3 consultation, Art. 4 defense) [3]
Notes (conditions, full titles, why uncertain: --verbose)
[1] http://treaty.mfa.gov.cn/Treaty/web/index.jsp
[2] http://www.atopdata.org/data.html
[3] http://kremlin.ru/supplement/6158
(?) uncertain: [1] the treaty; [2] the treaty, mutual assistance
"""


def test_state_verbose_adds_full_titles_and_condition_texts():
    result = runner.invoke(app, ["state", "PRK", "--on", "2025-01-01", "--verbose"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "    Art. 3 demand: One of the parties asks for the consultations.\n" in result.stdout
    assert "[1] China–DPRK 1961 — Treaty of Friendship, Cooperation and Mutual Assistance\n" in result.stdout
    assert "    (?) mutual assistance: The text was not read: the article number, wording\n" in result.stdout


def test_state_as_tsv_and_csv_gives_one_row_per_duty():
    tsv = run("state", "PRK", "--on", "2025-01-01", "--format", "tsv").stdout.splitlines()
    assert tsv[0].split("\t")[:9] == ["section", "state", "state_name", "role", "treaty", "treaty_short", "article",
                                      "kind", "strength"]
    assert tsv[1].split("\t")[:9] == ["defended_by", "CHN", "China", "beneficiary", "china-dprk-1961",
                                      "China–DPRK 1961", "II", "defense", "automatic"]
    assert len(tsv) == 11
    csv_text = run("state", "PRK", "--on", "2025-01-01", "--format", "csv").stdout
    assert csv_text.splitlines()[0].startswith("section,state,state_name,")
    assert "┃" not in csv_text and "│" not in csv_text


def test_state_refuses_json_with_a_table_format_and_an_unknown_format():
    both = run("state", "PRK", "--json", "--format", "csv")
    assert both.exit_code == 2
    assert "--json and --format csv contradict each other" in both.stderr
    assert run("state", "PRK", "--format", "xml").exit_code == 2


def test_state_usa_fits_in_80_lines_at_80_columns():
    result = runner.invoke(app, ["state", "USA", "--on", "2025-01-01"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) <= 80
    assert max(len(line) for line in lines if "://" not in line) <= 80
    # NATO's Art. 5 once for its 31 allies, its Arts. 1 and 4 on one line, its source once
    assert [line for line in lines if "NATO" in line or "nato.int" in line] == [
        "  NATO Art. 5 · discretionary · if place [2]",
        "  NATO Art. 1 nonaggression, Art. 4 consultation · mutual, same 31 [2]",
        "[2] https://www.nato.int/cps/en/natohq/official_texts_17120.htm",
    ]


def test_an_unknown_state_is_a_clear_error_with_exit_code_2():
    result = run("state", "Atlantis", "--on", "2025-01-01")
    assert result.exit_code == 2
    assert "no state matches 'Atlantis'" in result.stderr


def test_a_bad_date_is_a_clear_error_with_exit_code_2():
    result = run("state", "PRK", "--on", "2025-13-01")
    assert result.exit_code == 2
    assert "--on: '2025-13-01' is not a date (expected YYYY-MM-DD or today)" in result.stderr


def test_taiwan_today_says_when_its_last_defender_stopped_being_bound():
    from casus.cli.main import app as cli
    from typer.testing import CliRunner

    result = CliRunner().invoke(cli, ["state", "TWN", "--on", "2025-01-01", "--history"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:6] == [
        "Taiwan (TWN, COW 713) on 2025-01-01",
        "note: No state is bound to defend Taiwan on 2025-01-01; none since US–ROC 1954",
        "      ended for it on 1980-01-01 (the treaty terminated).",
        "Ended before 2025-01-01 (1):",
        "  1980-01-01  US–ROC 1954 (defense, nonaggression): the treaty terminated",
        "Bound to defend Taiwan: none on 2025-01-01",
    ]


def test_state_json_lists_the_ended_treaties_and_accepts_today_and_known_at():
    import json

    from casus.cli.main import app as cli
    from typer.testing import CliRunner

    result = CliRunner().invoke(cli, ["state", "TWN", "--on", "today", "--known-at", "today", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [(e["treaty"]["id"], e["ended"]) for e in payload["ended"]] == [("us-roc-1954", "1980-01-01")]
    bad = CliRunner().invoke(cli, ["state", "TWN", "--known-at", "yesterday-ish"])
    assert bad.exit_code == 2
