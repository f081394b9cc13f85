"""Read treaty files and check them, naming file, record and field on failure."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from casus import yamlio
from casus.errors import DataFileError
from casus.treaties.schema import MEMBERS, Treaty

from casus.treaties.builtin import BUILTIN_DIR, builtin_files, files_digest  # noqa: F401 - re-exported


def _field_path(loc: tuple, document: object) -> tuple[str | None, str]:
    """Turn a pydantic error location into (record, field) in the user's terms.

    ``('members', 3, 'joined')`` on a document becomes record ``members[3] (state
    GFR)`` and field ``joined``: the user finds the entry by what it names.
    """
    if len(loc) >= 2 and isinstance(loc[1], int) and loc[0] in ("members", "obligations", "suspensions"):
        section, index = loc[0], loc[1]
        record = f"{section}[{index}]"
        try:
            entry = document[section][index]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            entry = None
        if isinstance(entry, dict):
            label = entry.get("state") or (f"article {entry['article']}" if "article" in entry else None)
            if label:
                record += f" ({label})"
        field = ".".join(str(part) for part in loc[2:]) or section
        return record, field
    return None, ".".join(str(part) for part in loc) or "(document)"


def load_treaty_file(path: Path) -> Treaty:
    """Parse and validate one treaty file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, None, f"cannot read: {exc}") from exc
    try:
        document = yamlio.load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(str(path), None, None, f"not valid YAML: {exc}") from exc
    if not isinstance(document, dict):
        raise DataFileError(str(path), None, None, "expected a mapping with the treaty's fields")
    try:
        treaty = Treaty.model_validate(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        record, field = _field_path(tuple(first["loc"]), document)
        treaty_id = document.get("id", path.stem)
        record = f"treaty {treaty_id}" + (f", {record}" if record else "")
        more = len(exc.errors()) - 1
        message = first["msg"] + (f" (and {more} more problem{'s' * (more > 1)})" if more else "")
        raise DataFileError(str(path), record, field, message) from exc
    if treaty.id != path.stem:
        raise DataFileError(str(path), f"treaty {treaty.id}", "id", f"must equal the file name {path.stem!r}")
    return treaty


def check_references(treaty: Treaty, path: Path, registry) -> None:
    """Check that every state a treaty names exists, and existed when it was bound."""
    from casus.errors import UnknownStateError

    def known(state_id: str, record: str, field: str):
        try:
            return registry.get(state_id)
        except UnknownStateError as exc:
            raise DataFileError(str(path), f"treaty {treaty.id}, {record}", field, str(exc)) from exc

    member_ids = set()
    for index, member in enumerate(treaty.members):
        record = f"members[{index}] ({member.state})"
        state = known(member.state, record, "state")
        member_ids.add(member.state)
        start = treaty.membership_start(member)
        if start is not None and not state.existed_on(start):
            raise DataFileError(
                str(path), f"treaty {treaty.id}, {record}", "joined",
                f"{state.id} did not exist as a state on {start}",
            )
    for section in ("obligations", "suspensions"):
        for index, entry in enumerate(getattr(treaty, section)):
            for field in ("obligors", "beneficiaries"):
                value = getattr(entry, field)
                if value == MEMBERS:
                    continue
                for state_id in value:
                    record = f"{section}[{index}]"
                    known(state_id, record, field)
                    if state_id not in member_ids:
                        raise DataFileError(
                            str(path), f"treaty {treaty.id}, {record}", field,
                            f"{state_id} is not a member of the treaty",
                        )


def load_treaties(paths: Iterable[Path] | None = None, registry=None) -> list[Treaty]:
    """Load treaty files (the built-in set by default), checked against the states."""
    from casus.states import default_registry

    registry = registry or default_registry()
    treaties: dict[str, tuple[Treaty, Path]] = {}
    for path in paths if paths is not None else builtin_files():
        treaty = load_treaty_file(path)
        if treaty.id in treaties:
            raise DataFileError(
                str(path), f"treaty {treaty.id}", "id", f"already defined in {treaties[treaty.id][1]}"
            )
        check_references(treaty, path, registry)
        treaties[treaty.id] = (treaty, path)
    return [treaty for treaty, _ in treaties.values()]


@cache
def builtin_treaties() -> tuple[Treaty, ...]:
    return tuple(load_treaties())
