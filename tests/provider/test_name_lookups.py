"""Finding objects by name in one call where the API allows it (``*_identifier_type=name``
GETs, list filters), and within the parent where names repeat across parents (address books
per unit, variables per group): lookups, duplicate-name checks and the exporter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import grpc
import pytest

from tests.support.grpc_provider import DynamicProviderClient
from zoomcc import exporter, lookup
from zoomcc.client import ZoomClient
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer
from zoomcc.emulator.request_log import LoggedRequest
from zoomcc.resources import catalog


def _api_calls(emulator: EmulatorServer) -> list[LoggedRequest]:
    return [r for r in emulator.state.requests if r.operation_id is not None]


def _unit(api: ZoomClient, name: str) -> str:
    made = api.request("POST", "/contact_center/address_books/units", json={"unit_name": name})
    return str(made["unit_id"])


def _group(api: ZoomClient, name: str) -> str:
    made = api.request(
        "POST", "/contact_center/variables/groups", json={"variable_group_name": name}
    )
    return str(made["variable_group_id"])


def _book(api: ZoomClient, name: str, unit_id: str) -> str:
    made = api.request(
        "POST",
        "/contact_center/address_books",
        json={"address_book_name": name, "unit_id": unit_id},
    )
    return str(made["address_book_id"])


def _variable(api: ZoomClient, name: str, group_id: str) -> str:
    made = api.request(
        "POST",
        "/contact_center/variables",
        json={
            "variable_name": name,
            "variable_group_id": group_id,
            "variable_type": "global_variable",
            "data_type": "string",
        },
    )
    return str(made["variable_id"])


@dataclass(frozen=True)
class LookupCase:
    type_name: str
    name: str
    make: Callable[[ZoomClient, str], str]
    """Creates an object of that name through the API; returns its id."""
    calls: tuple[str, ...]
    """The requests the lookup sends, ``METHOD path?query`` (the log shows paths decoded);
    ``{id}`` stands for the object's id."""


LOOKUPS = [
    LookupCase(
        "Queue",
        "Billing desk",
        lambda api, n: str(
            api.request(
                "POST", "/contact_center/queues", json={"queue_name": n, "channel": "voice"}
            )["cc_queue_id"]
        ),
        ("GET /v2/contact_center/queues/Billing desk?queue_identifier_type=name",),
    ),
    LookupCase(
        "Role",
        "Night shift",
        lambda api, n: str(
            api.request("POST", "/contact_center/roles", json={"role_name": n, "privileges": []})[
                "role_id"
            ]
        ),
        ("GET /v2/contact_center/roles/Night shift?role_identifier_type=name",),
    ),
    LookupCase(
        "AddressBook",
        "Key accounts",
        lambda api, n: _book(api, n, _unit(api, "Sales")),
        ("GET /v2/contact_center/address_books/Key accounts?address_book_identifier_type=name",),
    ),
    LookupCase(
        "Variable",
        "tier",
        lambda api, n: _variable(api, n, _group(api, "Customer")),
        ("GET /v2/contact_center/variables/tier?variable_identifier_type=name",),
    ),
    LookupCase(
        "Team",
        "Tier 1",
        lambda api, n: str(
            api.request(
                "POST",
                "/contact_center/teams",
                json={"team_name": n, "parent_team_id": ROOT_TEAM_ID},
            )["team_id"]
        ),
        # No GET by name: the list filtered by the name, whose items carry every field the
        # GET returns (so no GET follows).
        ("GET /v2/contact_center/teams?team_name=Tier+1&page_size=300",),
    ),
]


def _shown(request: LoggedRequest) -> str:
    return f"{request.method} {request.path}" + (f"?{request.query}" if request.query else "")


@pytest.mark.parametrize("case", LOOKUPS, ids=[c.type_name for c in LOOKUPS])
def test_a_lookup_by_name_is_one_call_where_the_get_takes_names(
    case: LookupCase, api: ZoomClient, emulator: EmulatorServer
) -> None:
    object_id = case.make(api, case.name)
    emulator.state.clear_requests()

    found = lookup.object_outputs(api, catalog.get_object(case.type_name), name=case.name)

    assert found["id"] == object_id
    expected = [c.replace("{id}", object_id) for c in case.calls]
    assert [_shown(r) for r in _api_calls(emulator)] == expected


def test_a_lookup_by_a_missing_name_says_so(api: ZoomClient) -> None:
    with pytest.raises(lookup.ObjectLookupError, match="no objects named 'Nope'"):
        lookup.object_outputs(api, catalog.get_object("Queue"), name="Nope")


def test_a_variable_name_held_in_two_groups_is_told_apart_by_the_group(
    api: ZoomClient,
) -> None:
    _variable(api, "tier", _group(api, "Customer"))
    orders = _group(api, "Orders")
    wanted = _variable(api, "tier", orders)
    found = lookup.object_outputs(
        api, catalog.get_object("Variable"), name="tier", parents={"variable_group_id": orders}
    )
    assert found["id"] == wanted


@dataclass(frozen=True)
class ScopedCase:
    """A type listed only within a parent (address books per unit, variables per group)."""

    type_name: str
    make_parent: Callable[[ZoomClient, str], str]
    make: Callable[[ZoomClient, str, str], str]
    inputs: Callable[[str], dict[str, Any]]
    """The resource's arguments for the name "Taken" in the given parent."""


SCOPED = [
    ScopedCase(
        "AddressBook",
        _unit,
        _book,
        lambda unit: {"name": "Taken", "unit_id": unit},
    ),
    ScopedCase(
        "Variable",
        _group,
        _variable,
        lambda group: {
            "name": "Taken",
            "variable_group_id": group,
            "variable_type": "global_variable",
            "data_type": "string",
        },
    ),
]


@pytest.mark.parametrize("case", SCOPED, ids=[c.type_name for c in SCOPED])
def test_a_name_taken_in_the_same_parent_is_refused_by_zoom_then_found_in_one_call(
    case: ScopedCase, provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    """Both types document the refusal (``NameRefusal``): the POST goes first, and only its
    refusal costs the one look-up that names the holder."""
    parent = case.make_parent(api, "Parent")
    existing = case.make(api, "Taken", parent)
    emulator.state.clear_requests()

    with pytest.raises(grpc.RpcError) as failure:
        provider.create(case.type_name, case.inputs(parent))

    assert f"import_id={existing!r}" in str(failure.value)
    calls = _api_calls(emulator)
    assert [c.method for c in calls] == ["POST", "GET"]
    assert "identifier_type=name" in calls[1].query


def test_a_variable_name_taken_in_another_group_is_free(
    provider: DynamicProviderClient, api: ZoomClient
) -> None:
    """Variable names are unique per group (``natural_key_scope``); address books' names
    are unique in the account (error 2002)."""
    case = SCOPED[1]
    elsewhere, here = case.make_parent(api, "Elsewhere"), case.make_parent(api, "Here")
    case.make(api, "Taken", elsewhere)

    object_id, outs = provider.create(case.type_name, case.inputs(here))

    assert object_id and outs["variable_id"] == object_id


def test_an_address_book_without_a_unit_is_refused_at_preview(
    provider: DynamicProviderClient, emulator: EmulatorServer
) -> None:
    _, failures = provider.check("AddressBook", {"name": "Orphans"})
    assert [f for f, _ in failures] == ["unit_id"]
    assert _api_calls(emulator) == []


def test_the_first_create_checks_its_name_with_one_get(
    provider: DynamicProviderClient, emulator: EmulatorServer
) -> None:
    """SkillCategory's create documents no duplicate-name refusal: the name is asked first."""
    emulator.state.clear_requests()
    provider.create("SkillCategory", {"name": "Call back", "skill_type": "text"})
    before_post = []
    for request in _api_calls(emulator):
        if request.method == "POST":
            break
        before_post.append(_shown(request))
    assert before_post == [
        "GET /v2/contact_center/skills/categories/Call back?skill_category_identifier_type=name"
    ]


def test_a_create_zoom_refuses_duplicates_for_asks_no_name_first(
    provider: DynamicProviderClient, emulator: EmulatorServer
) -> None:
    """Disposition's create documents 2402 "That disposition name already exists": no name
    check before the POST (its answer lacks GET fields, so one GET of the new id follows)."""
    emulator.state.clear_requests()
    object_id, _ = provider.create("Disposition", {"name": "Call back"})
    assert [_shown(r) for r in _api_calls(emulator)] == [
        "POST /v2/contact_center/dispositions",
        f"GET /v2/contact_center/dispositions/{object_id}",
    ]


def test_export_lists_address_books_per_unit_and_variables_per_group(api: ZoomClient) -> None:
    books = {_book(api, "Customers", _unit(api, "Sales")), _book(api, "VIP", _unit(api, "Key"))}
    variables = {_variable(api, "tier", _group(api, "Customer"))}

    specs = [catalog.get_object("AddressBook"), catalog.get_object("Variable")]
    skipped: list[tuple[str, str, str]] = []
    found = exporter.read_account(api, specs, unreadable=skipped)

    assert skipped == []
    assert {o.object_id for o in found if o.spec.name == "AddressBook"} == books
    assert {o.object_id for o in found if o.spec.name == "Variable"} == variables


def test_a_skill_create_is_its_post_alone(
    provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    """Skill's create documents 1502 "Skill name already exists" and its answer every GET
    field: one call, where it was a GET by name and the POST."""
    category = api.request(
        "POST",
        "/contact_center/skills/categories",
        json={"skill_category_name": "Languages", "skill_type": "text"},
    )["skill_category_id"]
    emulator.state.clear_requests()
    provider.create("Skill", {"name": "French", "skill_category_id": category})
    assert [_shown(r) for r in _api_calls(emulator)] == ["POST /v2/contact_center/skills"]
