"""YAML as casus reads it: YAML 1.2 booleans and dates left as text.

PyYAML follows YAML 1.1, where the key ``on:`` (our scenario files' date) reads
as the boolean True, ``no`` as False, and ``2001-13-01`` crashes the parser
without a field name. Leaving those to the schema keeps every error attached
to its field.
"""

from __future__ import annotations

import re

import yaml


class CasusLoader(yaml.SafeLoader):
    """A safe loader with only ``true``/``false`` as booleans and no implicit dates."""


CasusLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CasusLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load(text: str):
    return yaml.load(text, Loader=CasusLoader)  # noqa: S506 - CasusLoader is a SafeLoader
