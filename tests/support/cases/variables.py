"""Test data of the variables area: variable groups and variables."""

from __future__ import annotations

from typing import Any

from tests.support.cases.case import Case, MembershipCase, SettingsCase
from tests.support.cases.parents import (
    make_named,
)
from zoomcc.client import ZoomClient


def _variable_groups(client: ZoomClient) -> dict[str, Any]:
    names = ["Customer data", "Order data"]
    group, other = make_named(client, "/contact_center/variables/groups", "variable_group", names)
    (unit,) = make_named(client, "/contact_center/address_books/units", "unit", ["Variable unit"])
    books = make_named(
        client, "/contact_center/address_books", "address_book", ["Variable book"], unit_id=unit
    )
    return {"group": group, "other": other, "books": books}


CASES: list[Case] = [
    Case(
        "VariableGroup",
        lambda p: {"name": "Customer", "description": "Facts about the customer"},
        update={"name": "Customer facts", "description": "What we know about the customer"},
    ),
    Case(
        "Variable",
        lambda p: {
            "name": "tier",
            "description": "Support tier",
            "variable_group_id": p["group"],
            "variable_type": "global_variable",
            "data_type": "string",
            "default_value": "silver",
        },
        update={"description": "The customer's support tier", "default_value": "gold"},
        replace={"variable_group_id": "@other", "variable_type": "address_book_variable"},
        prereq=_variable_groups,
    ),
]

MEMBERSHIP_CASES: list[MembershipCase] = []

SETTINGS_CASES: list[SettingsCase] = []
