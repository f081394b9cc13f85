"""The engine from the command line: scenarios, diff, exposure, entanglement, and their errors."""

from __future__ import annotations

import json

import polars as pl
from typer.testing import CliRunner

from casus.cli.main import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def scenario(*args):
    result = run("scenario", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def run_text(*args):
    result = runner.invoke(app, list(args), env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.stdout


def bound(payload, side="defenders"):
    return sorted(p["state"]["id"] for p in payload["sides"][side] if p["round"] >= 1)


def test_china_cuba_and_russia_are_bound_to_defend_north_korea_against_the_south():
    payload = scenario("KOR attacks PRK", "--on", "2025-01-01")
    assert bound(payload) == ["CHN", "CUB", "RUS"]
    assert payload["pending"] == []


def test_the_day_after_signature_only_china_and_cuba_are_bound_and_the_russian_treaty_is_pending():
    payload = scenario("KOR attacks PRK", "--on", "2024-06-20")
    assert bound(payload) == ["CHN", "CUB"]
    assert [(p["state"]["id"], p["treaty"]["id"], p["article"], p["binds_from"]) for p in payload["pending"]] == [
        ("RUS", "russia-dprk-2024", "4", "2024-12-04")
    ]


def test_an_attack_on_estonia_binds_every_other_nato_and_eu_member_but_not_belarus():
    payload = scenario("RUS attacks EST", "--on", "2025-01-01")
    nato = {"ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "FIN", "FRA", "DEU", "GRC", "HUN", "ISL", "ITA",
            "LVA", "LTU", "LUX", "MNE", "NLD", "MKD", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE",
            "TUR", "GBR", "USA"}
    eu_not_nato = {"AUT", "CYP", "IRL", "MLT"}
    assert set(bound(payload)) == nato | eu_not_nato
    reasons = {p["state"]["id"]: {(r["treaty"]["id"], r["article"], r["strength"]) for r in p["reasons"]}
               for p in payload["sides"]["defenders"]}
    assert ("nato", "5", "discretionary") in reasons["USA"]
    assert reasons["AUT"] == {("teu-42-7", "42(7)", "automatic")}
    assert reasons["IRL"] == {("teu-42-7", "42(7)", "automatic")}
    assert bound(payload, "attackers") == []


def test_a_turkish_attack_on_greece_is_a_collision_inside_nato_and_binds_france():
    payload = scenario("TUR attacks GRC", "--on", "2025-01-01")
    assert ("nato", "5", "GRC is bound to defend TUR") in [
        (c["treaty"]["id"], c["article"], c["bound"]) for c in payload["collisions"]
    ]
    assert "FRA" in bound(payload)


def test_an_attack_on_hawaii_binds_no_european_nato_member():
    payload = scenario("CHN attacks USA", "--place", "Hawaii", "--on", "2025-01-01")
    europeans = {"FRA", "DEU", "GBR", "ITA", "POL", "ESP", "NLD", "BEL", "NOR", "DNK", "TUR", "GRC"}
    assert europeans.isdisjoint(bound(payload))
    nato_open = [c for c in payload["conditional"] if c["reason"]["treaty"]["id"] == "nato"]
    assert nato_open == []


def test_an_attack_on_the_senkakus_binds_the_united_states_to_japan():
    payload = scenario("CHN attacks JPN at Senkaku Islands", "--on", "2025-01-01")
    usa = [p for p in payload["sides"]["defenders"] if p["state"]["id"] == "USA"]
    assert [(r["treaty"]["id"], r["article"]) for r in usa[0]["reasons"]] == [("us-japan-1960", "V")]


def test_escalation_follows_the_chain_reaction():
    payload = scenario("RUS attacks EST", "--on", "2025-01-01", "--mode", "escalation")
    assert payload["rounds"] > 1
    assert "PRK" in bound(payload, "attackers")


def test_unknown_and_extinct_states_are_clear_errors():
    result = run("scenario", "Atlantis attacks EST", "--on", "2025-01-01")
    assert result.exit_code == 2 and "act 1: attacker: no state matches 'Atlantis'" in result.stderr
    result = run("scenario", "GFR attacks POL", "--on", "2025-01-01")
    assert result.exit_code == 2
    assert "act 1: attacker West Germany (GFR) did not exist as a state on 2025-01-01" in result.stderr


def test_a_bad_mode_or_act_is_a_clear_error():
    result = run("scenario", "RUS attacks EST", "--mode", "total")
    assert result.exit_code == 2 and "mode 'total' is not one of strict, escalation" in result.stderr
    result = run("scenario", "RUS invades EST")
    assert result.exit_code == 2 and "cannot read the act 'RUS invades EST'" in result.stderr


def test_a_scenario_file_is_read_and_its_errors_name_the_act_and_field(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("on: 2025-01-01\nacts:\n  - KOR attacks PRK\n  - attacker: USA\n    target: PRK\n")
    payload = json.loads(run("scenario", "--file", str(good), "--json").stdout)
    assert bound(payload) == ["CHN", "CUB", "RUS"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("on: 2025-01-01\nacts:\n  - attacker: USA\n    target: PRK\n    colour: red\n")
    result = run("scenario", "--file", str(bad))
    assert result.exit_code == 3
    assert f"{bad}, record acts[1], field colour: unknown field" in result.stderr


def test_diff_lists_the_new_russia_north_korea_defence_duties_in_both_directions():
    payload = json.loads(run("diff", "--from", "2024-06-18", "--to", "2024-12-05", "--json").stdout)
    defence = [(d["obligor"]["id"], d["beneficiary"]["id"], d["treaty"]["id"], d["article"])
               for d in payload["appeared"] if d["kind"] == "defense" and "PRK" in (d["obligor"]["id"], d["beneficiary"]["id"])]
    assert defence == [("PRK", "RUS", "russia-dprk-2024", "4"), ("RUS", "PRK", "russia-dprk-2024", "4")]


def test_exposure_writes_every_ordered_pair_to_csv_and_parquet(tmp_path):
    csv_path, parquet_path = tmp_path / "exposure.csv", tmp_path / "exposure.parquet"
    assert run("exposure", "--on", "2025-01-01", "--output", str(csv_path)).exit_code == 0
    assert run("exposure", "--on", "2025-01-01", "--format", "parquet", "--output", str(parquet_path)).exit_code == 0
    frame = pl.read_csv(csv_path)
    assert frame.height == 195 * 194
    row = frame.filter((pl.col("attacker") == "KOR") & (pl.col("target") == "PRK")).row(0, named=True)
    assert (row["bound"], row["n_bound"]) == ("CHN;CUB;RUS", 3)
    assert pl.read_parquet(parquet_path).height == frame.height


def test_exposure_refuses_parquet_on_standard_output_and_unknown_formats():
    assert "needs --output FILE" in run("exposure", "--format", "parquet").stderr
    assert "--format: 'xml' is not one of csv, tsv, parquet, json" in run("exposure", "--format", "xml").stderr


def test_exposure_as_tsv_has_the_csv_columns_separated_by_tabs():
    lines = run("exposure", "--on", "2025-01-01", "--format", "tsv").stdout.splitlines()
    assert lines[0] == "on\tattacker\ttarget\tbound\tconditional\tn_bound\tn_conditional"


def test_diff_lists_sweden_joining_nato_as_one_line_per_article():
    result = runner.invoke(app, ["diff", "--from", "2024-01-01", "--to", "2025-01-01"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        "Obligations from 2024-01-01 to 2025-01-01",
        "Appeared (191)",
        "  Falepili 2023 Art. 4 · defense · discretionary · on 2024-08-28",
        "    Australia → Tuvalu",
        "  NATO Art. 4 · consultation · consult · on 2024-03-07",
    ]
    assert lines[5].startswith("    Sweden ↔ Albania, Belgium, Bulgaria, Canada,")
    assert "    North Korea ↔ Russia" in lines
    assert lines[-1] == "Ended (0)"
    tsv = run("diff", "--from", "2024-01-01", "--to", "2025-01-01", "--format", "tsv").stdout.splitlines()
    assert tsv[1] == ("appeared\t2024-08-28\tAUS\tTUV\taustralia-tuvalu-falepili-2023\tFalepili 2023\t4\tdefense\t"
                      "discretionary\tArt. 4")
    assert len(tsv) == 192


def test_entanglement_as_csv_has_one_row_per_state():
    lines = run("entanglement", "--on", "2025-01-01", "--format", "csv").stdout.splitlines()
    assert lines[0] == "state,state_name,bound_pairs,conditional_pairs"
    assert lines[1].startswith("USA,United States,")


def test_entanglement_counts_the_ordered_pairs_that_would_bind_each_state():
    payload = json.loads(run("entanglement", "--on", "2025-01-01", "--json").stdout)
    counts = {row["state"]["id"]: (row["bound_pairs"], row["conditional_pairs"]) for row in payload["states"]}
    others = 195 - 2  # any attacker but the target and the defender itself
    assert counts["CHN"] == (1 * others, 0)  # North Korea
    assert counts["PRK"] == (3 * others, 0)  # China, Cuba and Russia
    # Russia: North Korea, and Armenia, Belarus, Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan
    # (the CSTO and the bilateral treaties; exposure assumes the target asks for help), and
    # Azerbaijan (CIS Charter Art. 12, a duty to consult on common action).
    assert counts["RUS"] == (8 * others, 0)


def test_russia_attacking_estonia_fits_in_60_lines_at_80_columns():
    result = runner.invoke(app, ["scenario", "RUS attacks EST", "--on", "2025-01-01"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) <= 60
    assert max(len(line) for line in lines if "://" not in line) <= 80
    assert lines[:5] == [
        "Russia attacks Estonia — on 2025-01-01, strict mode, 1 round",
        "Attackers' side (1): Russia, by the initial act",
        "Targets' side (36)",
        "  initial act: Estonia",
        "  NATO Art. 5 · defend Estonia · discretionary · place met [1]",
    ]
    assert "  NATO Art. 4 · with Estonia [1] · the same 31" in lines
    assert "  Russia–Kyrgyzstan 1992 neutrality · not help Estonia (?) [3] — Kyrgyzstan" in lines


def test_a_scenario_as_tsv_gives_one_row_per_state_and_reason():
    rows = [line.split("\t") for line in run_text("scenario", "RUS attacks EST", "--on", "2025-01-01",
                                                  "--format", "tsv").splitlines()]
    assert rows[0][:6] == ["section", "state", "state_name", "round", "kind", "treaty"]
    defenders = [r for r in rows if r[0] == "defenders"]
    assert ["defenders", "ALB", "Albania", "1", "defense", "nato", "NATO", "5", "EST", "RUS", "discretionary",
            "bound", "place met", "", "Art. 5"] in defenders
    assert len({r[1] for r in defenders}) == 36


def test_escalation_sums_up_each_round():
    text = run_text("scenario", "RUS attacks EST", "--on", "2025-01-01", "--mode", "escalation")
    by_round = text[text.index("By round"):].splitlines()
    assert by_round[1] == "  0: Russia attacks Estonia"
    assert by_round[2].startswith("  1: ")
