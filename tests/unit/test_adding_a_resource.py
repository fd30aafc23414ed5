"""docs/architecture.md's five steps for adding a resource, checked by adding one: a spec
declared as data (step 1) is enough for the generators (step 2), the generic provider's
preview checks and the emulator's derivation (step 4); no class, no provider code."""

from __future__ import annotations

from typing import Any

from zoomcc.codegen import docs, sdk
from zoomcc.dynamic.base import BaseProvider
from zoomcc.dynamic.registry import provider_class
from zoomcc.dynamic.validation import input_failures
from zoomcc.emulator.derive import derive
from zoomcc.resources.spec import ResourceSpec, renamed

# Step 1: the spec, as data (a second SDK type over the skill categories' API, so the test
# needs no new API object).
TALENT = ResourceSpec(
    name="TalentCategory",
    collection_path="/contact_center/skills/categories",
    item_path="/contact_center/skills/categories/{skillCategoryId}",
    id_field="skill_category_id",
    renames=renamed("skill_category", "name", "description"),
    summary="A group of talents, declared in a test to prove that adding a resource is data.",
    example='zoomcc.TalentCategory("t", name="Talents", skill_type="text")',
)


def test_the_spec_derives_its_operations_arguments_and_replacements_from_the_api() -> None:
    assert [op.method for op in TALENT.operations] == ["POST", "GET", "GET", "DELETE", "PATCH"]
    assert {"name", "skill_type", "max_proficiency_level"} <= set(TALENT.friendly_to_api)
    assert TALENT.replace_fields == frozenset({"skill_type"})
    assert TALENT.scopes


def test_the_generators_write_its_sdk_class_and_docs_page() -> None:
    module = sdk.render_resource(TALENT)
    assert "class TalentCategory(" in module and "skill_type" in module
    page = docs.render_page(TALENT)
    assert page.splitlines()[2] == "# zoomcc.TalentCategory"
    assert "| `skill_type` |" in page


def test_the_object_kind_serves_it_and_preview_checks_its_inputs() -> None:
    assert issubclass(provider_class(TALENT), BaseProvider)
    bad: dict[str, Any] = {"name": "T", "skill_type": "colour"}
    failures = input_failures(TALENT, bad)
    assert [field for field, _ in failures] == ["skill_type"]


def test_the_emulator_derives_its_collection_from_the_api_alone() -> None:
    collection = derive("/contact_center/skills/categories", name="talent_categories")
    assert collection.id_field == "skill_category_id"
    assert collection.list_key == "skill_categories"
