"""The resource pages read like registry pages: an example, typed arguments with their nested
types, typed outputs, an import section, OAuth scopes, and related resources linked both
ways (tests/provider/test_docs_examples.py runs the examples)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zoomcc.codegen.docs import related
from zoomcc.codegen.sdk_names import module_name
from zoomcc.resources import catalog
from zoomcc.resources.base import BaseSpec

PAGES = Path(__file__).resolve().parents[2] / "docs" / "resources"
SECTIONS = [
    "## Example usage",
    "## Arguments",
    "## Outputs",
    "## Import",
    "## API",
    "## OAuth scopes",
    "## Behaviour",
]


def page(spec: BaseSpec) -> str:
    return (PAGES / f"{module_name(spec)}.md").read_text()


def section(text: str, title: str) -> str:
    found = re.search(rf"^{re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert found is not None, title
    return found.group(1)


@pytest.mark.parametrize("spec", catalog.ALL, ids=lambda s: s.name)
def test_every_page_has_the_registry_sections_in_order(spec: BaseSpec) -> None:
    text = page(spec)
    positions = [text.find(title + "\n") for title in SECTIONS]
    assert -1 not in positions, [t for t, p in zip(SECTIONS, positions, strict=True) if p < 0]
    assert positions == sorted(positions)


@pytest.mark.parametrize("spec", catalog.ALL, ids=lambda s: s.name)
def test_every_output_is_listed_with_its_type(spec: BaseSpec) -> None:
    rows = [r for r in section(page(spec), "## Outputs").splitlines() if r.startswith("| `")]
    listed = {r.split("`")[1] for r in rows}
    expected = {spec.friendly(f) for f in {*spec.output_fields, *spec.input_fields}} | {"id"}
    assert listed == expected
    assert all(r.split("|")[2].strip().startswith("`") for r in rows)


@pytest.mark.parametrize("spec", catalog.ALL, ids=lambda s: s.name)
def test_related_resources_link_both_ways(spec: BaseSpec) -> None:
    for other in related(spec):
        assert f"({module_name(catalog.get(other))}.md)" in page(spec), other
        assert f"({module_name(spec)}.md)" in page(catalog.get(other)), other


def test_the_queue_page_links_its_memberships_and_settings() -> None:
    links = section(page(catalog.get("Queue")), "## Related resources")
    pages = "queue_operating_hours", "queue_agents", "queue_teams", "queue_interrupt_settings"
    for name in pages:
        assert f"({name}.md)" in links


def test_a_renamed_argument_shows_both_names_without_nested_backticks() -> None:
    rows = section(page(catalog.get("Queue")), "## Arguments")
    assert "| `description` (API: `queue_description`) |" in rows
    assert "``" not in rows


def test_the_flow_file_is_a_path_or_asset_to_upload() -> None:
    text = page(catalog.get("Flow"))
    row = next(r for r in text.splitlines() if r.startswith("| `file`"))
    assert "pulumi.Asset" in row and "local path" in row and "View -" not in text
    assert "import pulumi\n" in section(text, "## Example usage")


def test_enum_meanings_and_nested_blocks_are_documented() -> None:
    text = page(catalog.get("BusinessHours"))
    nested = section(text, "## Nested types")
    assert "### BusinessHoursHoursCustomHourArgs" in nested
    assert "6 (Saturday)" in nested
    assert "[`BusinessHoursHoursArgs`](#businesshourshoursargs)" in section(text, "## Arguments")


def test_required_by_a_rule_shows_as_required() -> None:
    row = next(
        r for r in page(catalog.get("Skill")).splitlines() if r.startswith("| `skill_category_id`")
    )
    assert row.split("|")[3].strip() == "yes"


def test_objects_document_import_id_and_their_lookup() -> None:
    text = section(page(catalog.get("Queue")), "## Import")
    assert 'import_id="<cc_queue_id>"' in text
    assert "zoomcc.get_queue(name=...)" in text and "GetQueueResult" in text
    assert "zoomcc export" in text


def test_defaults_are_shown() -> None:
    rows = section(page(catalog.get("OutboundCampaign")), "## Arguments")
    row = next(r for r in rows.splitlines() if r.startswith("| `max_ring_time`"))
    assert row.split("|")[4].strip() == "`60`"
