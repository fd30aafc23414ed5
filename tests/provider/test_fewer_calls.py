"""Fewer API calls, counted in the emulator's request log: a create whose response documents
every GET field is its POST alone, one listing answers the refresh of many objects (and never
drops one it did not see), and an update sends only what changed, in one PATCH."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pytest

from tests.support.cases import ALL_CASES, Case
from tests.support.grpc_provider import DynamicProviderClient
from tests.support.provider_steps import checked_inputs, setup
from zoomcc.client import ZoomClient
from zoomcc.dynamic.completeness import list_complete, response_complete
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer, LoggedRequest
from zoomcc.emulator.config import EmulatorConfig
from zoomcc.emulator.faults import FaultInjector
from zoomcc.resources import catalog
from zoomcc.resources.spec import ResourceSpec

WRITES = frozenset({"POST", "PATCH", "PUT", "DELETE"})


def _api_calls(emulator: EmulatorServer) -> list[LoggedRequest]:
    return [r for r in emulator.state.requests if r.operation_id is not None]


def _spec(type_name: str) -> ResourceSpec:
    return catalog.get_object(type_name)


# ---- create: the POST's answer stands for the GET ------------------------------------------

RESPONSE_COMPLETE = [c for c in ALL_CASES if response_complete(_spec(c.type_name))]


def test_the_spec_finds_create_responses_that_document_every_get_field() -> None:
    names = {c.type_name for c in RESPONSE_COMPLETE}
    assert {"SkillCategory", "Skill", "BusinessHours", "Variable"} <= names
    assert "Queue" not in names  # its create answers 6 of the GET's 59 fields


@pytest.mark.parametrize("case", RESPONSE_COMPLETE, ids=[c.type_name for c in RESPONSE_COMPLETE])
def test_a_response_complete_create_never_reads_the_object_back(
    case: Case, provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    t = case.type_name
    _, inputs = setup(case, api)
    inputs = checked_inputs(provider, t, inputs)
    emulator.state.clear_requests()

    object_id, outs = provider.create(t, inputs)

    calls = _api_calls(emulator)
    reads_of_it = [r for r in calls if r.method == "GET" and object_id in r.path]
    writes = [r.method for r in calls if r.method in WRITES]
    assert reads_of_it == []
    assert writes == ["POST"]
    _, read_outs = provider.read(t, object_id, outs)
    assert read_outs == outs  # what the answer gave is what a GET gives


def test_a_create_is_its_post_alone_once_the_names_are_known(
    provider: DynamicProviderClient, emulator: EmulatorServer
) -> None:
    def create(i: int) -> None:
        provider.create("SkillCategory", {"name": f"Cat {i}", "skill_type": "text"})

    create(1)  # the duplicate-name check asks by name: one GET
    create(2)  # the second loads the process's name index: one LIST
    emulator.state.clear_requests()

    create(3)

    assert [(r.method, r.operation_id) for r in _api_calls(emulator)] == [
        ("POST", _spec("SkillCategory").create_op.id)
    ]


# ---- refresh by collection ------------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    """A list-complete type and how to make one object of it through the API."""

    type_name: str
    make: Callable[[ZoomClient, int], tuple[str, dict[str, Any]]]
    """Makes the i-th object; returns its id and the resource's inputs."""


def _category(api: ZoomClient, i: int) -> tuple[str, dict[str, Any]]:
    inputs = {"name": f"Listed {i}", "skill_type": "text"}
    made = api.request(
        "POST",
        "/contact_center/skills/categories",
        json={"skill_category_name": inputs["name"], "skill_type": "text"},
    )
    return str(made["skill_category_id"]), inputs


def _team(api: ZoomClient, i: int) -> tuple[str, dict[str, Any]]:
    inputs = {"name": f"Team {i}", "parent_team_id": ROOT_TEAM_ID}
    made = api.request(
        "POST",
        "/contact_center/teams",
        json={"team_name": inputs["name"], "parent_team_id": ROOT_TEAM_ID},
    )
    return str(made["team_id"]), inputs


def _region(api: ZoomClient, i: int) -> tuple[str, dict[str, Any]]:
    inputs = {"name": f"Region {i}"}
    made = api.request("POST", "/contact_center/regions", json={"region_name": inputs["name"]})
    return str(made["region_id"]), inputs


LISTED = [Listed("SkillCategory", _category), Listed("Team", _team), Listed("Region", _region)]


def test_the_spec_finds_lists_whose_items_carry_every_get_field() -> None:
    assert all(list_complete(_spec(c.type_name)) for c in LISTED)
    assert not list_complete(_spec("Queue"))


@pytest.mark.parametrize("case", LISTED, ids=[c.type_name for c in LISTED])
def test_a_refresh_of_several_objects_lists_their_collection_once(
    case: Listed, provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    spec = _spec(case.type_name)
    made = [case.make(api, i) for i in range(5)]
    alone = {object_id: api.request("GET", spec.item_url(object_id)) for object_id, _ in made}
    emulator.state.clear_requests()

    read = [provider.read(case.type_name, object_id, inputs) for object_id, inputs in made]

    assert [r_id for r_id, _ in read] == [object_id for object_id, _ in made]
    for (object_id, _), (_, outs) in zip(made, read, strict=True):
        assert outs[spec.friendly(spec.id_field)] == object_id
        assert outs["name"] == alone[object_id][spec.friendly_to_api["name"]]
    calls = [r.operation_id for r in _api_calls(emulator)]
    assert calls == [spec.read_op.id, spec.list_op.id]  # the first alone, then one listing


def test_reads_sent_at_once_share_one_listing(
    provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    spec = _spec("SkillCategory")
    made = [_category(api, i) for i in range(12)]
    emulator.state.clear_requests()

    with ThreadPoolExecutor(max_workers=12) as pool:  # as the engine sends a refresh's reads
        read = list(pool.map(lambda m: provider.read(spec.name, *m), made))

    assert [r_id for r_id, _ in read] == [object_id for object_id, _ in made]
    calls = sorted(str(r.operation_id) for r in _api_calls(emulator))
    assert calls == sorted([spec.read_op.id, spec.list_op.id])


def test_a_read_after_this_process_wrote_is_fresh(
    provider: DynamicProviderClient, emulator: EmulatorServer
) -> None:
    t = "SkillCategory"
    made = [
        provider.create(t, {"name": f"Fresh {i}", "skill_type": "text", "description": "old"})
        for i in range(3)
    ]
    for object_id, outs in made:
        provider.read(t, object_id, outs)  # a listing now holds all three
    (first, first_outs), (second, second_outs) = made[0], made[1]

    news = {"name": "Fresh 0", "skill_type": "text", "description": "new"}
    updated = provider.update(t, first, first_outs, news)
    provider.delete(t, second, second_outs)

    assert provider.read(t, first, updated)[1]["description"] == "new"
    assert provider.read(t, second, second_outs)[0] == ""


def test_an_object_missing_from_the_listing_is_asked_for_before_it_is_dropped(
    provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    spec = _spec("SkillCategory")
    made = [_category(api, i) for i in range(3)]
    provider.read(spec.name, *made[0])  # alone
    api.request("DELETE", spec.item_url(made[2][0]))  # by someone else
    provider.read(spec.name, *made[1])  # lists the two left
    emulator.state.clear_requests()

    assert provider.read(spec.name, *made[2])[0] == ""  # not listed: its own GET decides

    assert [r.operation_id for r in _api_calls(emulator)] == [spec.read_op.id]


def _draws_failing_from_the_second(error_rate: float, failures: int) -> int:
    """A fault seed whose first list request succeeds and the next ``failures`` fail."""
    config = EmulatorConfig(error_rate=error_rate, error_statuses=[503], error_limit=failures)
    for seed in range(10_000):
        faults = FaultInjector(seed)
        plans = [faults.plan(config, "GET", "/list") for _ in range(failures + 1)]
        if plans[0].before is None and all(p.before == "error" for p in plans[1:]):
            return seed
    raise AssertionError("no such seed")


def test_a_listing_that_fails_after_its_first_page_drops_nothing(
    provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    spec = _spec("Team")
    seeded = emulator.state.seed(
        "teams",
        [{"team_name": f"Seeded {i}", "parent_team_id": ROOT_TEAM_ID} for i in range(301)],
    )
    ids = [str(o["team_id"]) for o in seeded]
    wanted = [ids[0], ids[150], ids[299], ids[300]]  # the last ones on the second page
    attempts = 1 + api.settings.max_retries  # the second page and every retry of it fail
    emulator.state.configure(
        fault_seed=_draws_failing_from_the_second(0.5, attempts),
        error_rate=0.5,
        error_methods=["GET"],
        error_path="^/v2/contact_center/teams$",
        error_statuses=[503],
        error_limit=attempts,
    )
    emulator.state.clear_requests()

    inputs = {"name": "x", "parent_team_id": ROOT_TEAM_ID}
    read = [provider.read(spec.name, object_id, inputs) for object_id in wanted]

    assert [object_id for object_id, _ in read] == wanted
    listed = "/v2" + spec.collection_path
    pages = [r.status for r in emulator.state.requests if r.path == listed]
    assert pages == [200, *[503] * attempts]  # it did fail part-way


# ---- update: only what changed, one PATCH ---------------------------------------------------


@dataclass(frozen=True)
class OneField:
    """A type, its inputs, and one in-place change of one argument."""

    type_name: str
    inputs: dict[str, Any]
    change: tuple[str, Any]


ONE_FIELD = [
    OneField(
        "SkillCategory",
        {"name": "Lang", "skill_type": "text", "description": "Spoken"},
        ("description", "Written"),
    ),
    OneField(
        "Queue", {"name": "Billing", "channel": "voice", "description": "a"}, ("description", "b")
    ),
    OneField("Region", {"name": "EMEA"}, ("name", "Europe")),
]


@pytest.mark.parametrize("case", ONE_FIELD, ids=[c.type_name for c in ONE_FIELD])
def test_an_update_of_one_field_sends_that_field_alone_in_one_patch(
    case: OneField, provider: DynamicProviderClient, emulator: EmulatorServer
) -> None:
    spec, t = _spec(case.type_name), case.type_name
    inputs = checked_inputs(provider, t, case.inputs)
    object_id, outs = provider.create(t, inputs)
    argument, value = case.change
    emulator.state.clear_requests()

    provider.update(t, object_id, outs, {**inputs, argument: value})

    writes = [r for r in _api_calls(emulator) if r.method in WRITES]
    required = {n for n, f in spec.update_fields.items() if f.required}
    assert [r.operation_id for r in writes] == [spec.update_op.id if spec.update_op else None]
    assert set(writes[0].body or {}) - required == {spec.friendly_to_api[argument]}
