"""The ``casus`` program registers only the command it runs, and the table saying where each lives is right."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict

from casus.cli.launch import COMMANDS, DOMAINS
from casus.cli.main import app


def _modules(typer_app, into, name):
    for command in typer_app.registered_commands:
        into[name].add(command.callback.__module__.rsplit(".", 1)[1])
    for group in typer_app.registered_groups:
        _modules(group.typer_instance, into, name)


def test_every_command_is_in_the_table_with_the_modules_that_register_it():
    registered = defaultdict(set)
    for command in app.registered_commands:
        name = command.name or command.callback.__name__.replace("_", "-")
        registered[name].add(command.callback.__module__.rsplit(".", 1)[1])
    for group in app.registered_groups:
        _modules(group.typer_instance, registered, group.name)
    assert {name: set(modules) for name, modules in COMMANDS.items()} == dict(registered)
    assert {m for modules in COMMANDS.values() for m in modules} <= set(DOMAINS)


def run(*code):
    return subprocess.run([sys.executable, "-c", "\n".join(code)], capture_output=True, text=True, check=True).stdout


def test_a_command_loads_its_own_module_and_not_the_others():
    loaded = run(
        "import sys", "from casus.cli.launch import load", "load(['state', 'PRK', '--json'])",
        "print(sorted(m for m in sys.modules if m.startswith('casus.cli.')))",
    )
    assert "casus.cli.states" in loaded and "casus.cli.engine" not in loaded and "casus.cli.serve" not in loaded


def test_help_and_unknown_words_load_every_command():
    loaded = run(
        "import sys", "from casus.cli.launch import load", "load(['stat'])",
        "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('casus.cli.')))",
    )
    assert all(f"'{domain}'" in loaded for domain in DOMAINS)


def test_a_read_only_command_on_a_saved_base_imports_neither_sqlalchemy_nor_the_gazetteer(tmp_path):
    store = tmp_path / "casus.sqlite"
    code = [
        "import sys", "from casus.cli.launch import main",
        "sys.argv = ['casus', 'state', 'PRK', '--json']",
        "try:", "    main()", "except SystemExit:", "    pass",
        "print('MODULES', 'sqlalchemy' in sys.modules, 'shapely' in sys.modules, 'alembic' in sys.modules)",
    ]
    env_code = [f"import os; os.environ['CASUS_DB'] = {str(store)!r}", *code]
    first = run(*env_code)
    assert '"id": "PRK"' in first
    second = run(*env_code)
    assert second.strip().endswith("MODULES False False False")


def imported(store, argv, modules):
    """Which of ``modules`` one ``casus`` process running ``argv`` imports, on a store whose base is saved."""
    code = [
        f"import os, sys; os.environ['CASUS_DB'] = {str(store)!r}", "from casus.cli.launch import main",
        f"sys.argv = ['casus', *{list(argv)!r}]",
        "try:", "    main()", "except SystemExit:", "    pass",
        f"print('MODULES', [m for m in {list(modules)!r} if m in sys.modules])",
    ]
    run(*code)  # the first command creates the store and saves its base
    output = run(*code)
    return output, output.rsplit("MODULES", 1)[1].strip()


HEAVY = ("pydantic", "rich", "casus.cli.render", "casus.cli.text", "pycountry", "sqlalchemy")


def test_an_answer_in_json_imports_no_pydantic_rich_or_renderers(tmp_path):
    """Typer's coercion of plain parameters, the contracts and Rich are left out of `--json` answers."""
    output, heavy = imported(tmp_path / "casus.sqlite", ["state", "PRK", "--json"], HEAVY)
    assert '"id": "PRK"' in output and heavy == "[]"
    output, heavy = imported(tmp_path / "casus.sqlite", ["scenario", "RUS attacks EST", "--json"], HEAVY)
    assert '"attacker": {' in output and heavy == "[]"


def test_the_same_answer_in_text_imports_rich_and_the_renderers(tmp_path):
    output, heavy = imported(tmp_path / "casus.sqlite", ["state", "PRK"], HEAVY)
    assert "North Korea" in output and heavy == "['rich', 'casus.cli.render', 'casus.cli.text']"
