"""Taking over what already holds the declared values writes nothing, for every type that
takes over existing things: an object adopted by ``import_id``, a settings resource over
settings already as declared, a membership whose members are all there already."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.cases import (
    ALL_CASES,
    MEMBERSHIP_CASES,
    SETTINGS_CASES,
    Case,
    MembershipCase,
    SettingsCase,
)
from tests.support.grpc_provider import DynamicProviderClient, dynamic_provider
from tests.support.provider_steps import checked_inputs, setup
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog
from zoomcc.resources.settings import SettingsSpec

WRITES = {"POST", "PATCH", "PUT", "DELETE"}


def writes(emulator: EmulatorServer) -> list[str]:
    """The API writes the emulator logged (the token request aside), as ``METHOD path``."""
    return [
        f"{r.method} {r.path}"
        for r in emulator.state.requests
        if r.method in WRITES and r.operation != "oauth.token"
    ]


def bodies(emulator: EmulatorServer) -> str:
    """What the writes sent, to read when a test fails."""
    return json.dumps([r.body for r in emulator.state.requests if r.method in WRITES])


ADOPTABLE = [c for c in ALL_CASES if catalog.get_object(c.type_name).supports_import]

UNREADABLE_CONTENT = {"Asset": "PATCH /v2/contact_center/asset_library/assets/{id}"}
"""Types whose content no GET returns, with the one write adopting them makes: an asset
item's media (GET answers ``asset_item_file_url``, a URL), so the declared files are
uploaded."""


@pytest.mark.parametrize("case", ADOPTABLE, ids=[c.type_name for c in ADOPTABLE])
def test_adopting_an_object_that_already_matches_writes_nothing(
    case: Case, provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    t = case.type_name
    _, inputs = setup(case, api)
    inputs = checked_inputs(provider, t, inputs)
    object_id, _ = provider.create(t, inputs)  # the object as the declared arguments say
    emulator.state.clear_requests()

    adopted = checked_inputs(provider, t, {**inputs, "import_id": object_id})
    adopted_id, outs = provider.create(t, adopted)

    assert adopted_id == object_id
    expected = UNREADABLE_CONTENT.get(t)
    wanted = [expected.format(id=object_id)] if expected else []
    assert writes(emulator) == wanted, bodies(emulator)
    if expected is None:
        assert outs["adoption_changes"] == {}
    assert provider.diff(t, object_id, outs, adopted).changes == 1  # DIFF_NONE


@pytest.mark.parametrize("case", SETTINGS_CASES, ids=[c.type_name for c in SETTINGS_CASES])
def test_taking_over_settings_already_as_declared_writes_nothing_readable(
    case: SettingsCase, provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    """Settings the API shows are written only where they differ; write-only settings (no
    GET shows them) are always written, as nothing says what they hold."""
    t = case.type_name
    spec = catalog.get_kind(t, SettingsSpec)
    inputs = case.inputs(case.prereq(api, emulator))
    provider.create(t, inputs)
    emulator.state.clear_requests()

    provider.create(t, inputs)

    write_only = {part.write_path for part in spec.parts if part.read_path is None}
    readable_writes = [
        w for w in writes(emulator) if not any(_fits(w, path) for path in write_only)
    ]
    assert readable_writes == [], bodies(emulator)


@pytest.mark.parametrize("case", MEMBERSHIP_CASES, ids=[c.type_name for c in MEMBERSHIP_CASES])
def test_a_membership_whose_members_are_all_there_writes_nothing(
    case: MembershipCase, provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    t = case.type_name
    inputs = case.inputs(case.parent(api, emulator), case.members(api, emulator))
    provider.create(t, inputs)
    emulator.state.clear_requests()

    provider.create(t, inputs)

    assert writes(emulator) == [], bodies(emulator)


def _fits(logged: str, template: str) -> bool:
    """Whether ``METHOD /v2/path`` is a call to ``template`` (``/queues/{queueId}/x``)."""
    parts = logged.split(" ", 1)[1].removeprefix("/v2").strip("/").split("/")
    wanted = template.strip("/").split("/")
    return len(parts) == len(wanted) and all(
        w.startswith("{") or w == p for w, p in zip(wanted, parts, strict=True)
    )


NAMED = [
    c
    for c in ADOPTABLE
    if catalog.get_object(c.type_name).natural_key_api is not None
    and c.type_name not in UNREADABLE_CONTENT  # never known to match: refused with the id
]


@pytest.mark.parametrize("case", NAMED, ids=[c.type_name for c in NAMED])
def test_an_object_found_under_its_name_and_matching_is_adopted_writing_nothing(
    case: Case,
    provider: DynamicProviderClient,
    api: ZoomClient,
    emulator: EmulatorServer,
    stack_config: dict[str, Any],
) -> None:
    """``zoomcc:adoptExisting matching``: a create finding its name taken by an object that
    holds every declared value adopts it (how an interrupted ``up`` converges)."""
    t = case.type_name
    _, inputs = setup(case, api)
    inputs = checked_inputs(provider, t, inputs)
    object_id, _ = provider.create(t, inputs)
    emulator.state.clear_requests()

    with dynamic_provider() as again:  # a new process: no name cached from the first create
        again.configure({**stack_config, "zoomcc:adoptExisting": "matching"})
        adopted_id, _ = again.create(t, inputs)

    assert adopted_id == object_id
    assert writes(emulator) == [], bodies(emulator)
