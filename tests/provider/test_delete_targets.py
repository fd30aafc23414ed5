"""Deleting a Region or a Role moves its users: where declared, else to the default target
(the main region; the built-in Agent role), through the real servicer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import grpc
import pytest

from tests.support.grpc_provider import DynamicProviderClient
from zoomcc.client import NotFoundError, ZoomClient
from zoomcc.emulator import EmulatorServer


def _main_region(api: ZoomClient) -> str:
    regions = api.paginate("/contact_center/regions", items_key="regions")
    return str(next(r["region_id"] for r in regions if r.get("is_main_region")))


def _agent_role(api: ZoomClient) -> str:
    """The built-in Agent role (reference line 29827): every real account has it; an emulator
    that does not seed built-in roles gets it made here."""
    try:
        found = api.request(
            "GET",
            "/contact_center/roles/Agent",
            params={"role_identifier_type": "name"},
            not_found_codes=frozenset({2201}),  # "Role does not exist."
        )
    except NotFoundError:
        found = api.request(
            "POST", "/contact_center/roles", json={"role_name": "Agent", "privileges": []}
        )
    return str(found["role_id"])


def _new_region(api: ZoomClient, name: str) -> str:
    made = api.request("POST", "/contact_center/regions", json={"region_name": name})
    return str(made["region_id"])


def _new_role(api: ZoomClient, name: str) -> str:
    body = {"role_name": name, "privileges": ["UserManagement:Read"]}
    return str(api.request("POST", "/contact_center/roles", json=body)["role_id"])


@dataclass(frozen=True)
class DeleteCase:
    type_name: str
    inputs: dict[str, Any]
    argument: str
    user_field: str
    """The user's field that names the object (``region_id``, ``role_id``)."""
    default: Callable[[ZoomClient], str]
    make_target: Callable[[ZoomClient, str], str]


CASES = [
    DeleteCase(
        "Region",
        {"name": "LATAM"},
        "move_users_to_region_id",
        "region_id",
        _main_region,
        _new_region,
    ),
    DeleteCase(
        "Role",
        {"name": "Night shift", "privileges": ["UserManagement:Read"]},
        "transfer_users_to_role_id",
        "role_id",
        _agent_role,
        _new_role,
    ),
]


def _user_in(api: ZoomClient, field: str, object_id: str) -> str:
    made = api.request(
        "POST",
        "/contact_center/users",
        json={"user_email": f"{field}@example.com", field: object_id},
    )
    return str(made["user_id"])


def _field_of_user(emulator: EmulatorServer, user_id: str, field: str) -> Any:
    return next(u for u in emulator.state.objects("users") if u["user_id"] == user_id)[field]


@pytest.mark.parametrize("case", CASES, ids=[c.type_name for c in CASES])
def test_deleting_moves_the_users_to_the_default_target(
    case: DeleteCase, provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    default = case.default(api)
    object_id, outs = provider.create(case.type_name, case.inputs)
    user_id = _user_in(api, case.user_field, object_id)

    provider.delete(case.type_name, object_id, outs)

    assert _field_of_user(emulator, user_id, case.user_field) == default
    gone_id, _ = provider.read(case.type_name, object_id, outs)
    assert gone_id == ""


@pytest.mark.parametrize("case", CASES, ids=[c.type_name for c in CASES])
def test_deleting_moves_the_users_where_the_argument_says(
    case: DeleteCase, provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    target = case.make_target(api, "Target")
    inputs = {**case.inputs, case.argument: target}
    emulator.state.clear_requests()
    object_id, outs = provider.create(case.type_name, inputs)
    assert outs[case.argument] == target
    writes = [
        r for r in emulator.state.requests if r.method in ("POST", "PATCH") and r.operation_id
    ]
    assert len(writes) == 1 and case.argument not in str(writes[0].body)  # only on delete
    user_id = _user_in(api, case.user_field, object_id)

    provider.delete(case.type_name, object_id, outs)

    assert _field_of_user(emulator, user_id, case.user_field) == target


def test_a_role_nobody_has_is_deleted_even_in_an_account_without_the_agent_role(
    provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    emulator.state.store.remove("roles", _agent_role(api))
    object_id, outs = provider.create("Role", CASES[1].inputs)

    provider.delete("Role", object_id, outs)  # nothing moves: any other role is a target

    gone_id, _ = provider.read("Role", object_id, outs)
    assert gone_id == ""


def test_a_role_with_users_and_no_agent_role_to_move_them_to_is_kept_and_the_error_says_why(
    provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    emulator.state.store.remove("roles", _agent_role(api))
    object_id, outs = provider.create("Role", CASES[1].inputs)
    _user_in(api, "role_id", object_id)

    with pytest.raises(grpc.RpcError, match="set transfer_users_to_role_id"):
        provider.delete("Role", object_id, outs)

    kept_id, _ = provider.read("Role", object_id, outs)
    assert kept_id == object_id
