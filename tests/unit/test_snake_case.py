"""One snake-casing for every layer (``zoomcc.apispec.names.snake``): the SDK's module names,
the exporter's program names, the emulator's reading of path parameters and the plugin's
property names all spell a CamelCase or camelCase name the same way."""

from __future__ import annotations

import pytest

from zoomcc.apispec.names import snake
from zoomcc.codegen.sdk_names import module_name
from zoomcc.resources import catalog
from zoomcc.resources.property_names import camel

CASES = [
    ("QueueOperatingHours", "queue_operating_hours"),
    ("skillCategoryId", "skill_category_id"),
    ("Queue", "queue"),
    ("name", "name"),
    ("e164Number", "e164_number"),
    ("aBC", "a_b_c"),
]


@pytest.mark.parametrize(("name", "snake_cased"), CASES)
def test_a_name_is_snake_cased_with_an_underscore_before_each_inner_capital(
    name: str, snake_cased: str
) -> None:
    assert snake(name) == snake_cased


@pytest.mark.parametrize("python", ["a_b_c", "skill_category_id", "x1_y"])
def test_snake_casing_undoes_the_plugins_camel_casing(python: str) -> None:
    assert snake(camel(python)) == python


def test_the_sdk_modules_are_named_by_the_same_snake_casing() -> None:
    spec = catalog.get("QueueOperatingHours")
    assert module_name(spec) == snake(spec.name) == "queue_operating_hours"
