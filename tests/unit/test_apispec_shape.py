"""The checked-in API spec as a whole: packaged and loadable, every operation complete, the
counts of operations, bodies, rate labels and query parameters as the reference has them."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from zoomcc.apispec import Operation, generate, load_api_spec

SPEC = load_api_spec()


# --- the checked-in JSON -------------------------------------------------------------


def test_reference_path_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(generate.REFERENCE_ENV, str(tmp_path / "x.txt"))
    assert generate.default_reference_path() == tmp_path / "x.txt"


# --- shape of the whole spec ---------------------------------------------------------


@pytest.mark.parametrize("op", SPEC.operations, ids=lambda o: o.id)
def test_every_operation_is_complete(op: Operation) -> None:
    assert op.method in {"GET", "POST", "PUT", "PATCH", "DELETE"}
    assert op.path.startswith("/contact_center/")
    assert op.rate_label in {"LIGHT", "MEDIUM", "HEAVY"}
    assert op.scopes and all(s.startswith("contact_center") for s in op.scopes)
    assert op.granular_scopes and op.tags
    assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", op.id)
    assert op.success_response is not None
    assert [r.status for r in op.responses] == sorted({r.status for r in op.responses})
    assert all(e.status >= 400 for e in op.errors)


def test_counts() -> None:
    requests = [o for o in SPEC.operations if o.request is not None]
    assert len(requests) == 117
    assert Counter(o.request.content_type for o in requests if o.request) == {
        "application/json": 114,
        "multipart/form-data": 3,
    }
    assert Counter(o.rate_label for o in SPEC.operations) == {
        "LIGHT": 179,
        "MEDIUM": 105,
        "HEAVY": 28,
    }


def test_spec_json_is_packaged() -> None:
    data = json.loads(generate.SPEC_PATH.read_text(encoding="utf-8"))
    assert len(data["operations"]) == 312
    assert load_api_spec() is load_api_spec()


def test_query_parameters_of_the_real_api_are_in_the_spec() -> None:
    region_delete = SPEC.op("DELETE", "/contact_center/regions/{regionId}")
    assert region_delete.required_query == ("move_to_region_id",)
    assert SPEC.op("GET", "/contact_center/variables").required_query == ("variable_group_id",)
    kind = SPEC.op("GET", "/contact_center/queues/{queueId}").query_param("queue_identifier_type")
    assert kind is not None and kind.enum == ["id", "name"]
    archive = SPEC.op("DELETE", "/contact_center/asset_library/assets/{assetId}")
    assert archive.query_param("archive") is not None
    assert archive.query_param("archive").type == "boolean"  # type: ignore[union-attr]
    assert sum(len(o.query) for o in SPEC.operations) == 683
