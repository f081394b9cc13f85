"""Typer's coercion of argument values, without pydantic for the plain types casus uses.

Typer 0.29 coerces every parsed value through a pydantic ``TypeAdapter`` that it
builds on first use: importing pydantic and building the adapters costs about
250 ms of CPU before a command runs, more than ``casus state PRK --json`` needs
to answer. For a ``str``, ``bool`` or ``list[str]`` parameter without a
``parser``, that adapter gives back what Click parsed (as a list for a list), so
``Plain`` does the same without pydantic and hands every other value (a string
for a bool from an environment variable, any other type) to Typer's own
coercion, built only then.

Hand-written because Typer offers no switch for this. It relies on Typer's
``_TyperParameter`` keeping its coercion in ``_runtime_param`` and its type in
``type_descriptor`` (Typer 0.29); a Typer without them keeps its own coercion,
and tests/cli/test_launch.py notices that pydantic is imported again.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

_PLAIN = (str, bool)


class Plain:
    """A parameter's coercion: a ``str`` or ``bool`` value as parsed, a ``list[str]`` as a list;
    anything else through Typer's own (pydantic) coercion, built on first need."""

    __slots__ = ("descriptor", "annotation", "item", "_typer")

    def __init__(self, descriptor, item: type | None) -> None:
        self.descriptor = descriptor
        self.annotation = descriptor.annotation
        self.item = item  # the element type of a list[...] parameter, else None
        self._typer = None

    def coerce(self, value: Any, param, ctx) -> Any:
        if value is None:  # as Typer's: no value is None, or an empty tuple for a multiple one
            return () if param.multiple or param.nargs == -1 else None
        if self.item is None:
            if isinstance(value, self.annotation):
                return value
        elif isinstance(value, (list, tuple)) and all(isinstance(v, self.item) for v in value):
            return list(value)
        if self._typer is None:
            from typer._coercion import build_runtime_param

            self._typer = build_runtime_param(self.descriptor)
        return self._typer.coerce(value, param=param, ctx=ctx)


def lighten(param) -> None:
    """Give ``param`` a ``Plain`` coercion when its type allows one and Typer has not built its own."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or getattr(param, "_runtime_param", False) is not None:
        return
    if getattr(descriptor.parameter_info, "parser", None) is not None or \
            getattr(descriptor, "file_annotation", None) is not None:
        return
    annotation = descriptor.annotation
    if annotation in _PLAIN:
        param._runtime_param = Plain(descriptor, None)
    elif getattr(annotation, "__origin__", None) is list and getattr(annotation, "__args__", ()) == (str,):
        param._runtime_param = Plain(descriptor, str)


class _Light:
    """Lightens a command's parameters, the help option included, before they are parsed."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            lighten(option)
        return option

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        for param in self.params:
            lighten(param)
        return super().parse_args(ctx, args)


class Group(_Light, TyperGroup):
    """A command group whose plain parameters are coerced without pydantic."""


class Command(_Light, TyperCommand):
    """A command whose plain parameters are coerced without pydantic."""


class Typer(typer.Typer):
    """``typer.Typer`` whose groups and commands coerce plain parameters without pydantic."""

    def __init__(self, *args: Any, cls: type[TyperGroup] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, cls=cls or Group, **kwargs)

    def command(self, *args: Any, cls: type[TyperCommand] | None = None, **kwargs: Any):
        return super().command(*args, cls=cls or Command, **kwargs)
