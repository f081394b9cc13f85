"""The engine: fire treaty obligations on a scenario of aggression, and derived views."""

from casus.engine.fire import Engine, Outcome
from casus.engine.report import Report
from casus.engine.scenario import Act, Scenario, build_scenario, load_scenario_file, parse_act_text


def run_scenario(kb, scenario: Scenario, places=None) -> Outcome:
    """Fire ``kb``'s obligations on ``scenario``; see ``Engine`` to reuse work across scenarios."""
    return Engine(kb, places).run(scenario)


__all__ = [
    "Act", "Engine", "Outcome", "Report", "Scenario", "build_scenario", "load_scenario_file",
    "parse_act_text", "run_scenario",
]
