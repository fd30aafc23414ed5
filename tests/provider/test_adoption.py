"""Adoption by import_id and refusal of duplicate names, through the real servicer."""

from __future__ import annotations

from typing import Any

import grpc
import pytest

from tests.support.grpc_provider import DynamicProviderClient
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer


def _writes(emulator: EmulatorServer) -> list[str]:
    return [
        f"{r.method} {r.path}"
        for r in emulator.state.requests
        if r.method != "GET" and r.operation != "oauth.token"
    ]


def made_by_hand(
    api: ZoomClient, emulator: EmulatorServer, path: str, body: dict[str, Any]
) -> dict[str, Any]:
    """An object made outside Pulumi (as in the web portal); the request log starts after."""
    made = api.request("POST", path, json=body)
    emulator.state.clear_requests()
    return made


def test_adopting_reads_patches_what_differs_and_never_posts(
    provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    """The object is taken over as Zoom holds it and brought to the declared values; what
    adoption changed is kept in ``adoption_changes``."""
    made = made_by_hand(
        api,
        emulator,
        "/contact_center/queues",
        {"queue_name": "Support", "queue_description": "by hand", "channel": "voice"},
    )
    queue_id = made["cc_queue_id"]

    object_id, outs = provider.create(
        "Queue",
        {"name": "Support", "description": "as code", "channel": "voice", "import_id": queue_id},
    )
    assert object_id == queue_id
    assert _writes(emulator) == [f"PATCH /v2/contact_center/queues/{queue_id}"]
    assert outs["description"] == "as code"
    assert outs["adoption_changes"] == {"description": "by hand"}
    assert len(emulator.state.objects("queues")) == 1

    # Unchanged afterwards; removing import_id later is not a change either.
    same = {"name": "Support", "description": "as code", "channel": "voice"}
    assert provider.diff("Queue", object_id, outs, same).changes == 1  # DIFF_NONE


def test_adopting_a_missing_object_fails_clearly(provider: DynamicProviderClient) -> None:
    with pytest.raises(grpc.RpcError) as failure:
        provider.create("Disposition", {"name": "Sold", "import_id": "doesNotExist"})
    assert "no object with id 'doesNotExist' to adopt" in str(failure.value)


def test_adopting_refuses_a_difference_that_needs_replacement(
    provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    """Adoption never replaces what it was asked to take over: it refuses, writing nothing."""
    made = made_by_hand(
        api,
        emulator,
        "/contact_center/skills/categories",
        {"skill_category_name": "Languages", "skill_type": "text"},
    )
    with pytest.raises(grpc.RpcError) as failure:
        provider.create(
            "SkillCategory",
            {
                "name": "Languages",
                "skill_type": "proficiency",
                "import_id": made["skill_category_id"],
            },
        )
    message = str(failure.value)
    assert "skill_type" in message and "'text' in Zoom" in message
    assert _writes(emulator) == []


def test_a_taken_name_is_refused_with_the_adoption_hint(
    provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    made = made_by_hand(api, emulator, "/contact_center/dispositions", {"disposition_name": "Sold"})
    with pytest.raises(grpc.RpcError) as failure:
        provider.create("Disposition", {"name": "Sold", "status": "active"})
    message = str(failure.value)
    assert "Disposition named 'Sold' already exists" in message
    assert f"import_id={made['disposition_id']!r}" in message
    # Zoom refuses the name itself (2402, ``NameRefusal``): the one POST made nothing.
    assert _writes(emulator) == ["POST /v2/contact_center/dispositions"]
    assert len(emulator.state.objects("dispositions")) == 1


def test_same_skill_name_in_another_category_is_not_a_conflict(
    provider: DynamicProviderClient, api: ZoomClient
) -> None:
    cats = [
        api.request(
            "POST",
            "/contact_center/skills/categories",
            json={"skill_category_name": n, "skill_type": "text"},
        )["skill_category_id"]
        for n in ("A", "B")
    ]
    api.request(
        "POST",
        "/contact_center/skills",
        json={"skill_name": "French", "skill_category_id": cats[0]},
    )
    object_id, _ = provider.create("Skill", {"name": "French", "skill_category_id": cats[1]})
    assert object_id


def test_an_adoption_previews_as_one_naming_what_it_writes_without_calling_the_api(
    provider: DynamicProviderClient, emulator: EmulatorServer
) -> None:
    """Preview never calls the API, so it cannot know which values differ: the checked
    inputs say the create is an adoption, which declared arguments it writes where Zoom
    differs, which must already match, and where Zoom's previous values will be."""
    emulator.state.clear_requests()
    declared = {"name": "Languages", "description": "as code", "skill_type": "text"}

    checked, failures = provider.check("SkillCategory", {**declared, "import_id": "c1"})

    assert failures == []
    assert checked["adopting"] == {
        "id": "c1",
        "writes_where_zoom_differs": ["description", "name"],
        "must_already_match": ["skill_type"],
        "zoom_values_before": "in the adoption_changes output, after up",
    }
    assert emulator.state.requests == []
    plain, _ = provider.check("SkillCategory", declared)
    assert "adopting" not in plain
    # Adopted: later checks keep the line as it was, so no preview shows it changing.
    later, _ = provider.check(
        "SkillCategory", {**declared, "description": "new", "import_id": "c1"}, olds=checked
    )
    assert later["adopting"] == checked["adopting"]
