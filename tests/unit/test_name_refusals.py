"""Each type's ``name_refusal`` is an error its create operation documents, and every type
whose create documents a coded "already exists" refusal declares it (so its creates POST
first). Checked against the project's API spec, which the reference's errors were read into."""

from __future__ import annotations

import re

import pytest

from zoomcc.resources import catalog
from zoomcc.resources.spec import ResourceSpec

OBJECTS = [s for s in catalog.ALL if isinstance(s, ResourceSpec)]
DUPLICATE = re.compile(
    r"already exists?|name is duplicate|can ?not be duplicated|duplicate \w+ name|"
    r"duplicated block list",
    re.I,
)
UNCODED = {"AgentRoutingProfile", "ConsumerRoutingProfile"}
"""A bare ``409 Conflict ... name already exists`` (reference lines 30502, 31433): no code to
tell it from other conflicts, and the emulator models only coded refusals; these types keep
asking before the POST."""


def _documented(spec: ResourceSpec) -> set[tuple[int, int | None]]:
    return {
        (e.status, e.code)
        for e in spec.create_op.errors
        if e.status in (400, 409) and DUPLICATE.search(e.message or "")
    }


@pytest.mark.parametrize("spec", OBJECTS, ids=[s.name for s in OBJECTS])
def test_a_declared_name_refusal_is_the_creates_documented_duplicate_error(
    spec: ResourceSpec,
) -> None:
    documented = _documented(spec)
    if spec.name_refusal is None:
        coded = {d for d in documented if d[1] is not None}
        assert spec.natural_key_api is None or not coded, coded
        if documented and spec.natural_key_api is not None:
            assert spec.name in UNCODED
    else:
        assert (spec.name_refusal.status, spec.name_refusal.code) in documented
        assert spec.name_refusal.line > 0


def test_a_refusal_is_told_by_its_status_and_code() -> None:
    refusal = catalog.get_object("Skill").name_refusal
    assert refusal is not None
    assert refusal.refuses(400, 1502)
    assert not refusal.refuses(400, 1501) and not refusal.refuses(404, 1502)
