"""Derived-field rules through the real servicer: check() fills the field in, preview shows it,
create and update send it, and the next diff sees no change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tests.support.cases import address_books, roles_and_region
from tests.support.grpc_provider import UNKNOWN, DynamicProviderClient
from zoomcc.client import ZoomClient
from zoomcc.dynamic.values import is_unknown
from zoomcc.emulator import EmulatorServer

PHONE = {"phone_number": "+14155550100", "phone_type": "main"}
MOBILE = {"phone_number": "+14155550199", "phone_type": "mobile"}


@dataclass(frozen=True)
class DerivedCase:
    name: str
    type_name: str
    prereq: Callable[[ZoomClient], dict[str, Any]]
    inputs: Callable[[dict[str, Any]], dict[str, Any]]
    field: str
    derived: Any
    """What check() makes of ``field``; the create body carries it too."""
    update: dict[str, Any]
    """An in-place change; its PATCH body must carry ``field`` as ``updated``."""
    updated: Any


CASES = [
    DerivedCase(
        "a contact's phone_numbers are its phones' numbers",
        "AddressBookContact",
        address_books,
        lambda p: {"address_book_id": p["book"], "display_name": "Ada", "phones": [PHONE]},
        "phone_numbers",
        ["+14155550100"],
        {"phones": [PHONE, MOBILE]},
        ["+14155550100", "+14155550199"],
    ),
    DerivedCase(
        "a user template's package string is its package_name",
        "UserTemplate",
        roles_and_region,
        lambda p: {
            "name": "New agents",
            "template_type": "add",
            "package": "essentials",
            "role": p["role"],
            "selected_blocks": ["role", "package"],
        },
        "package",
        {"package_name": "essentials"},
        {"package": "elite"},
        {"package_name": "elite"},
    ),
]



def _checked(provider: DynamicProviderClient, t: str, inputs: dict[str, Any]) -> dict[str, Any]:
    checked, failures = provider.check(t, inputs)
    assert failures == []
    return {k: v for k, v in checked.items() if k != "__provider"}


def _bodies(emulator: EmulatorServer, method: str) -> list[Any]:
    return [r.body for r in emulator.state.requests if r.method == method and r.body]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_derived_field(
    case: DerivedCase, provider: DynamicProviderClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    t = case.type_name
    inputs = _checked(provider, t, case.inputs(case.prereq(api)))
    assert inputs[case.field] == case.derived  # what preview shows

    object_id, outs = provider.create(t, inputs)
    assert _bodies(emulator, "POST")[-1][case.field] == case.derived
    no_change = provider.diff(t, object_id, outs, inputs)  # the next preview
    assert no_change.changes == no_change.DIFF_NONE

    declared = {k: v for k, v in inputs.items() if k != case.field}  # as the program says
    changed = _checked(provider, t, {**declared, **case.update})
    assert changed[case.field] == case.updated
    diff = provider.diff(t, object_id, outs, changed)
    assert diff.changes == diff.DIFF_SOME and list(diff.replaces) == []
    updated = provider.update(t, object_id, outs, changed)
    assert _bodies(emulator, "PATCH")[-1][case.field] == case.updated
    assert provider.diff(t, object_id, updated, changed).changes == diff.DIFF_NONE


def test_phone_numbers_follow_unknown_phones_during_preview(
    provider: DynamicProviderClient,
) -> None:
    inputs = {"address_book_id": "b1", "display_name": "Ada", "phones": UNKNOWN}
    checked, failures = provider.check("AddressBookContact", inputs)
    assert failures == []
    assert is_unknown(checked["phone_numbers"])  # unknown to the engine as well


def test_declared_phone_numbers_must_match_the_phones(provider: DynamicProviderClient) -> None:
    inputs = {
        "address_book_id": "b1",
        "display_name": "Ada",
        "phones": [PHONE],
        "phone_numbers": ["+14155550199"],
    }
    _, failures = provider.check("AddressBookContact", inputs)
    assert [f for f, _ in failures] == ["phone_numbers"]
    assert "leave it out" in failures[0][1]
