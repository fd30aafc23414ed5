"""The checked-in API spec against the reference and query facts in ``../shared``.

These run as their own CI step (``ZOOMCC_REFERENCE_CHECKS=1 pytest tests/reference``): a
user's clone has no ``../shared``, so the README's test command leaves them out and reads
only the checked-in spec.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from zoomcc.apispec import ApiSpec, generate, load_api_spec
from zoomcc.apispec.errata import Erratum, ErratumError, apply_errata
from zoomcc.apispec.field_trees import ReferenceError

SPEC = load_api_spec()


@pytest.fixture(scope="module")
def reference_text() -> str:
    try:
        path = generate.default_reference_path()
    except FileNotFoundError as exc:  # fail, not skip: the spec must stay checkable
        pytest.fail(str(exc))
    return path.read_text(encoding="utf-8")


def query_facts() -> dict[str, Any]:
    path = generate.default_query_params_path(generate.default_reference_path())
    facts: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return facts


@pytest.fixture(scope="module")
def fresh(reference_text: str) -> ApiSpec:
    return generate.build_spec(reference_text, query_facts())


def test_checked_in_json_equals_fresh_parse(fresh: ApiSpec) -> None:
    checked_in = generate.SPEC_PATH.read_text(encoding="utf-8")
    assert checked_in == generate.render(fresh), "run: python -m zoomcc.apispec.generate"
    assert load_api_spec() == fresh


def test_check_flag_detects_drift(tmp_path: Path, reference_text: str) -> None:
    ref = tmp_path / "ref.txt"
    ref.write_text(reference_text, encoding="utf-8")
    facts = tmp_path / generate.QUERY_PARAMS_NAME
    facts.write_text(json.dumps(query_facts()), encoding="utf-8")
    out = tmp_path / "spec.json"
    assert generate.main(["--reference", str(ref), "--out", str(out), "--check"]) == 1
    assert generate.main(["--reference", str(ref), "--out", str(out)]) == 0
    assert generate.main(["--reference", str(ref), "--out", str(out), "--check"]) == 0
    assert out.read_text(encoding="utf-8") == generate.SPEC_PATH.read_text(encoding="utf-8")
    # Changing one enum value in the reference must be caught.
    ref.write_text(reference_text.replace('"work_item"', '"work_items"', 1), encoding="utf-8")
    assert generate.main(["--reference", str(ref), "--out", str(out), "--check"]) == 1


def test_render_is_deterministic(fresh: ApiSpec) -> None:
    text = generate.render(fresh)
    assert text == generate.render(ApiSpec.from_json(text))
    assert text.startswith('{\n "operations": [\n')


def test_parser_rejects_unknown_lines(reference_text: str) -> None:
    broken = reference_text.replace(
        "    string — The address book's description.",
        "    strin — The address book's description.",
        1,
    )
    with pytest.raises(ReferenceError, match=r"reference line \d+"):
        generate.parse_reference(broken)


def test_operation_count_and_uniqueness(reference_text: str) -> None:
    assert len(SPEC.operations) == 312
    assert len(re.findall(r"^  • Method:", reference_text, re.MULTILINE)) == 312
    assert len({o.id for o in SPEC.operations}) == 312
    assert len({(o.method, o.path) for o in SPEC.operations}) == 312
    keys = [(o.path, o.method) for o in SPEC.operations]
    assert keys == sorted(keys)


def test_mixed_case_rate_labels_are_normalised(reference_text: str) -> None:
    assert "Rate Limit Label: Medium\n" in reference_text
    assert "Rate Limit Label: Light\n" in reference_text
    assert SPEC.op("GET", "/contact_center/skills").rate_label == "MEDIUM"
    assert (
        SPEC.op("DELETE", "/contact_center/skills/categories/{skillCategoryId}").rate_label
        == "LIGHT"
    )


def test_stale_erratum_fails(reference_text: str) -> None:
    ops = generate.parse_reference(reference_text)
    stale = Erratum(
        method="POST",
        path="/contact_center/queues",
        target="request",
        field="channel",
        expect={"type": "integer"},
        replace={"type": "string"},
        reason="test",
    )
    with pytest.raises(ErratumError, match="reference changed"):
        apply_errata(ops, [stale])
    missing = Erratum("POST", "/contact_center/queues", "request", "nope", {}, {}, "test")
    with pytest.raises(ErratumError, match="no field 'nope'"):
        apply_errata(ops, [missing])




def test_every_operation_has_its_query_facts() -> None:
    facts = query_facts()["operations"]
    for op in SPEC.operations:
        fact = facts[f"{op.method} {op.path}"]["params"]
        assert [q.name for q in op.query] == list(fact), op.id
        assert list(op.required_query) == [n for n, p in fact.items() if p["required"]], op.id


def test_facts_that_do_not_match_the_reference_are_refused(reference_text: str) -> None:
    facts = query_facts()
    broken = {"operations": dict(facts["operations"])}
    broken["operations"].pop("GET /contact_center/regions")
    with pytest.raises(ValueError, match="missing"):
        generate.build_spec(reference_text, broken)
