"""Replacement ordering, the per-process name index, and pickling at scale."""

from __future__ import annotations

import pytest
from pulumi.dynamic.dynamic import serialize_provider

from tests.support.grpc_provider import DynamicProviderClient
from zoomcc.dynamic.provider import SpecProvider
from zoomcc.emulator import EmulatorServer

OLD = {"name": "Languages", "skill_type": "text", "skill_category_id": "c1"}


def test_same_name_replacement_deletes_first(provider: DynamicProviderClient) -> None:
    diff = provider.diff(
        "SkillCategory", "c1", OLD, {"name": "Languages", "skill_type": "proficiency"}
    )
    assert list(diff.replaces) == ["skill_type"]
    assert diff.deleteBeforeReplace is True


def test_renamed_replacement_is_created_first(provider: DynamicProviderClient) -> None:
    diff = provider.diff(
        "SkillCategory", "c1", OLD, {"name": "Tongues", "skill_type": "proficiency"}
    )
    assert sorted(diff.replaces) == ["skill_type"]
    assert diff.deleteBeforeReplace is False


def test_in_place_change_is_not_a_replacement(provider: DynamicProviderClient) -> None:
    diff = provider.diff("SkillCategory", "c1", OLD, {"name": "Tongues", "skill_type": "text"})
    assert list(diff.replaces) == []
    assert diff.deleteBeforeReplace is False


def test_names_are_listed_once_per_collection(
    provider: DynamicProviderClient, emulator: EmulatorServer
) -> None:
    """SkillCategory's create documents no duplicate-name refusal: its names are checked
    through the name index."""
    emulator.state.clear_requests()
    for n in range(5):
        provider.create("SkillCategory", {"name": f"Outcome {n}", "skill_type": "text"})
    lists = [
        r
        for r in emulator.state.requests
        if r.method == "GET" and r.path.endswith("/skills/categories")
    ]
    assert len(lists) == 1
    # Its own creates are remembered: the same name again is refused without listing.
    with pytest.raises(Exception, match="already exists"):
        provider.create("SkillCategory", {"name": "Outcome 3", "skill_type": "text"})
    lists = [
        r
        for r in emulator.state.requests
        if r.method == "GET" and r.path.endswith("/skills/categories")
    ]
    assert len(lists) == 1


def test_names_zoom_refuses_itself_are_never_listed(
    provider: DynamicProviderClient, emulator: EmulatorServer
) -> None:
    """Disposition's create documents 2402: no listing at all, and a taken name is still
    refused (by Zoom, then named by one look-up)."""
    emulator.state.clear_requests()
    for n in range(5):
        provider.create("Disposition", {"name": f"Outcome {n}"})
    with pytest.raises(Exception, match="already exists"):
        provider.create("Disposition", {"name": "Outcome 3"})
    lists = [
        r for r in emulator.state.requests if r.method == "GET" and r.path.endswith("/dispositions")
    ]
    assert lists == []
    assert len(emulator.state.objects("dispositions")) == 5


def test_deleted_names_are_free_again(provider: DynamicProviderClient) -> None:
    object_id, outs = provider.create("Disposition", {"name": "Temporary"})
    provider.delete("Disposition", object_id, outs)
    again, _ = provider.create("Disposition", {"name": "Temporary"})
    assert again != object_id


def test_serializing_thousands_of_providers_does_not_recurse() -> None:
    """pulumi's serialize_provider wraps pickle's _batch_setitems on every call; a provider
    that pickled a dict would hit the recursion limit after ~1,000 resources."""
    values = {serialize_provider(SpecProvider("Queue")) for _ in range(3000)}
    assert len(values) == 1
