"""Reading a stack's state and a preview: which resources are zoomcc objects and of which
type, and clear errors for files that are neither."""

from __future__ import annotations

import base64
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from tests.unit.test_review_model import STATE
from zoomcc.review.stack_state import (
    ReviewInputError,
    apply_preview,
    load_json,
    read_state,
    type_of,
)


class Pickled:
    """Stands in for a provider pickled by reference (its type name among its strings)."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (str, ("Queue",))


TYPES = [
    ("sdk-module-token", {"type": "pulumi-python:dynamic/zoomcc:QueueAgents"}, "QueueAgents"),
    (
        "generic-dynamic-token",
        {
            "type": "pulumi-python:dynamic:Resource",
            "outputs": {"__provider": base64.b64encode(pickle.dumps(Pickled())).decode()},
        },
        "Queue",
    ),
    ("the-stack", {"type": "pulumi:pulumi:Stack"}, None),
    ("another-provider", {"type": "aws:s3/bucket:Bucket"}, None),
]


@pytest.mark.parametrize(("resource", "found"), [t[1:] for t in TYPES], ids=[t[0] for t in TYPES])
def test_the_zoomcc_type_comes_from_the_type_token_or_the_pickled_provider(
    resource: dict[str, Any], found: str | None
) -> None:
    assert type_of(resource) == found


def test_an_export_file_and_its_deployment_read_alike() -> None:
    whole, inner = read_state(STATE), read_state(STATE["deployment"])
    assert whole == inner
    assert {o.type_name for o in whole} >= {"Queue", "Flow", "UserSkills", "QueueOperatingHours"}
    (queue,) = [o for o in whole if o.name == "support" and o.type_name == "Queue"]
    assert queue.object_id == "q1" and "__provider" not in queue.values


BAD_FILES = [
    ("not-json", "{", "is not JSON"),
    ("a-list", "[]", "is not a JSON object"),
]


@pytest.mark.parametrize(
    ("text", "message"), [b[1:] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES]
)
def test_a_file_that_is_not_a_json_object_is_refused_by_name(
    text: str, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "state.json"
    path.write_text(text)
    with pytest.raises(ReviewInputError, match=message):
        load_json(path, "state")


def test_a_preview_without_steps_or_a_state_without_resources_is_refused() -> None:
    with pytest.raises(ReviewInputError, match=r"no `deployment\.resources`"):
        read_state({"steps": []})
    with pytest.raises(ReviewInputError, match="no `steps`"):
        apply_preview(read_state(STATE), json.loads('{"deployment": {}}'))
