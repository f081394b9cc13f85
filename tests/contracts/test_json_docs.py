"""docs/json.md is the contract: every example validates against its model, every model is documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from casus import contracts
from casus.contracts import MODELS, RESPONSES

DOC = Path(__file__).resolve().parents[2] / "docs" / "json.md"
TEXT = DOC.read_text(encoding="utf-8")
EXAMPLES = re.findall(r"^```json (\w+)\n(.*?)^```", TEXT, re.S | re.M)


def test_every_answer_model_has_an_example():
    assert sorted({name for name, _ in EXAMPLES}) == sorted(model.__name__ for model in RESPONSES)


@pytest.mark.parametrize(("name", "body"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_every_example_is_valid_json_of_its_model(name, body):
    document = json.loads(body)
    model = MODELS[name].model_validate(document)
    assert model.model_dump(mode="json", by_alias=True, exclude_unset=True) == document


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_model_is_named_in_the_doc(name):
    assert f"[`{name}`]" in TEXT


@pytest.mark.parametrize("model", RESPONSES, ids=lambda m: m.__name__)
def test_every_answer_has_a_json_schema_for_the_api(model):
    schema = model.model_json_schema(by_alias=True)
    assert schema["type"] == "object" and schema["properties"]


def test_a_field_the_contract_does_not_know_is_refused():
    with pytest.raises(ValidationError, match="colour"):
        contracts.State.model_validate({"id": "EST", "iso3": "EST", "cow": 366, "name": "Estonia", "colour": "blue"})


def test_vocabularies_are_enforced():
    with pytest.raises(ValidationError, match="strength"):
        contracts.Duty.model_validate({
            "state": {"id": "EST", "iso3": "EST", "cow": 366, "name": "Estonia"}, "role": "obligor",
            "treaty": {"id": "nato", "name": "NATO"}, "article": "5", "kind": "defense", "strength": "firm",
            "conditions": {}, "summary": None, "source": {"kind": "curated"}, "notes": [], "uncertain": None,
        })
