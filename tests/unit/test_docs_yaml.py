"""Every resource page shows its example in Pulumi YAML too: generated from the Python
example, and written only in names the package schema knows (types, properties at every
depth, functions), so the plugin accepts it as it stands."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from tests.unit.test_docs_pages import page
from zoomcc.codegen.yaml_examples import yaml_program
from zoomcc.plugin.provider import schema_text
from zoomcc.resources import catalog
from zoomcc.resources.base import BaseSpec

SCHEMA: dict[str, Any] = json.loads(schema_text())


def unknown_names(value: Any, spec: dict[str, Any], where: str) -> list[str]:
    """Property names in ``value`` that ``spec`` (a property spec, followed through its
    ``$ref``) does not declare, as paths."""
    ref = spec.get("$ref", "")
    if ref.startswith("#/types/"):
        spec = SCHEMA["types"][ref.removeprefix("#/types/")]
    if isinstance(value, list) and "items" in spec:
        return [n for item in value for n in unknown_names(item, spec["items"], where + "[]")]
    if (
        isinstance(value, dict)
        and "properties" in spec
        and not any(k.startswith("fn::") for k in value)
    ):
        known = spec["properties"]
        return [
            name
            for key, item in value.items()
            for name in (
                [f"{where}.{key}"]
                if key not in known
                else unknown_names(item, known[key], f"{where}.{key}")
            )
        ]
    return []


@pytest.mark.parametrize("spec", [s for s in catalog.ALL if s.example], ids=lambda s: s.name)
def test_the_yaml_example_uses_only_what_the_schema_declares(spec: BaseSpec) -> None:
    program = yaml.safe_load(yaml_program(spec.example))
    assert f"zoomcc:{spec.name}" in {r["type"] for r in program["resources"].values()}
    for name, resource in program["resources"].items():
        declared = SCHEMA["resources"][resource["type"].replace(":", ":index:", 1)]
        inputs = {"type": "object", "properties": declared["inputProperties"]}
        assert unknown_names(resource["properties"], inputs, name) == []
    for variable in program.get("variables", {}).values():
        assert variable["fn::invoke"]["function"] in SCHEMA["functions"]


def test_a_misspelt_nested_property_is_found() -> None:
    hours = SCHEMA["resources"]["zoomcc:index:BusinessHours"]["inputProperties"]
    value = {"hours": {"hourType": 2, "customHours": [{"dayOfWeek": 1, "customHourTyp": 2}]}}
    found = unknown_names(value, {"properties": hours}, "office")
    assert found == ["office.hours.customHours[].customHourTyp"]


def test_references_become_interpolations_and_files_file_assets() -> None:
    asset = yaml.safe_load(yaml_program(catalog.get("Asset").example))["resources"]
    assert asset["greeting"]["properties"]["categoryId"] == "${prompts.id}"
    item = asset["greeting"]["properties"]["items"][0]
    assert item["uploadFile"] == {"fn::fileAsset": "greeting.mp3"}


def test_every_page_shows_the_yaml_form_and_the_plugin_import() -> None:
    for spec in catalog.ALL:
        text = page(spec)
        assert "```yaml\n" in text or not spec.example, spec.name
        assert f"pulumi import zoomcc:index:{spec.name} " in text, spec.name
