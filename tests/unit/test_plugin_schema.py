"""The plugin's package schema and its property names: generated from the specs, checked in,
in Pulumi's conventions (camelCase of the Python argument names, nested fields too)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from zoomcc.codegen import schema
from zoomcc.codegen.lookups import lookup_specs
from zoomcc.plugin.provider import schema_text
from zoomcc.resources import catalog
from zoomcc.resources.property_names import camel, resource_fields, snake, to_camel, to_snake

SCHEMA: dict[str, Any] = json.loads(schema_text())

NAMES = [
    ("skill_category_id", "skillCategoryId"),
    ("name", "name"),
    ("max_wait_time", "maxWaitTime"),
    ("operating_hours_business_hour_id", "operatingHoursBusinessHourId"),
]


@pytest.mark.parametrize(("python", "schema_name"), NAMES)
def test_a_schema_name_is_the_camel_case_of_the_python_argument(
    python: str, schema_name: str
) -> None:
    assert (camel(python), snake(schema_name)) == (schema_name, python)


def test_nested_fields_translate_both_ways_and_free_form_objects_keep_their_keys() -> None:
    fields = resource_fields(catalog.get("BusinessHours"))
    handler = {"hours": {"hour_type": 2, "custom_hours": [{"day_of_week": 1}]}}
    named = to_camel(handler, fields)
    assert named == {"hours": {"hourType": 2, "customHours": [{"dayOfWeek": 1}]}}
    assert to_snake(named, fields) == handler
    free = {"adoption_changes": {"max_wait_time": 1}}
    assert to_camel(free, fields) == {"adoptionChanges": {"max_wait_time": 1}}


def test_no_two_properties_of_a_type_share_a_schema_name() -> None:
    for spec in catalog.ALL:
        names = [camel(name) for name in resource_fields(spec)]
        assert len(names) == len(set(names)), spec.name


def test_the_checked_in_schema_is_what_codegen_writes() -> None:
    assert schema_text() == schema.render()


def test_every_type_is_a_resource_and_every_lookup_a_function() -> None:
    assert set(SCHEMA["resources"]) == {f"zoomcc:index:{s.name}" for s in catalog.ALL}
    assert len(SCHEMA["resources"]) == 51
    assert set(SCHEMA["functions"]) == {
        f"zoomcc:index:get{s.name}" for s in lookup_specs(catalog.ALL)
    }


def test_a_resource_has_camel_case_inputs_required_inputs_and_descriptions() -> None:
    queue = SCHEMA["resources"]["zoomcc:index:Queue"]
    assert {"name", "channel", "maxWaitTime", "importId", "account"} <= set(
        queue["inputProperties"]
    )
    teams = SCHEMA["resources"]["zoomcc:index:QueueTeams"]
    assert teams["requiredInputs"] == ["queueId", "teamIds"]  # as the SDK's arguments are
    assert queue["inputProperties"]["maxWaitTime"]["description"]
    assert "ccQueueId" in queue["properties"]
    skill = SCHEMA["resources"]["zoomcc:index:Skill"]["inputProperties"]["skillCategoryId"]
    assert "replaces" in skill["description"]


def test_an_enum_lists_its_values_with_their_meanings() -> None:
    hours = SCHEMA["resources"]["zoomcc:index:BusinessHours"]["inputProperties"]["hours"]
    nested = SCHEMA["types"][hours["$ref"].removeprefix("#/types/")]
    day = nested["properties"]["customHours"]["items"]["$ref"].removeprefix("#/types/")
    day_of_week = SCHEMA["types"][day]["properties"]["dayOfWeek"]["$ref"]
    values = SCHEMA["types"][day_of_week.removeprefix("#/types/")]["enum"]
    assert {"value": 1, "description": "Monday", "name": "Monday"} in values


def test_the_provider_config_has_every_setting_and_the_secret_is_secret() -> None:
    variables = SCHEMA["config"]["variables"]
    assert set(variables) == {
        "accountId",
        "clientId",
        "clientSecret",
        "baseUrl",
        "oauthUrl",
        "plan",
        "pacing",
        "rateLimits",
        "adoptExisting",
        "accounts",
    }
    assert variables["rateLimits"]["additionalProperties"] == {"type": "number"}
    assert variables["clientSecret"]["secret"] is True
    assert SCHEMA["provider"]["inputProperties"]["clientSecret"]["secret"] is True
