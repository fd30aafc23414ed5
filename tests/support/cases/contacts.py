"""Test data of the contacts area: address books, their units, custom fields and contacts."""

from __future__ import annotations

from typing import Any

from tests.support.cases.case import Case, MembershipCase, SettingsCase
from tests.support.cases.parents import make_named
from zoomcc.client import ZoomClient


def address_book_units(client: ZoomClient) -> dict[str, Any]:
    names = ["Sales unit", "Support unit"]
    unit, other = make_named(client, "/contact_center/address_books/units", "unit", names)
    return {"unit": unit, "other": other}


def address_books(client: ZoomClient) -> dict[str, Any]:
    # every book has a unit (reference line 165, error 1902)
    unit = address_book_units(client)["unit"]
    names = ["Customers", "Partners"]
    ids = make_named(client, "/contact_center/address_books", "address_book", names, unit_id=unit)
    return {"book": ids[0], "other": ids[1], "books": ids}


_PHONE = {"phone_number": "+14155550100", "phone_type": "main"}

CASES: list[Case] = [
    Case(
        "AddressBookUnit",
        lambda p: {"name": "EMEA accounts", "description": "Customers in Europe"},
        update={"name": "EMEA customers", "description": "Customers in Europe and Africa"},
    ),
    Case(
        "AddressBook",
        lambda p: {"name": "Key accounts", "description": "Top customers", "unit_id": p["unit"]},
        update={"name": "Strategic accounts", "description": "The top 50 customers"},
        replace={"unit_id": "@other"},
        prereq=address_book_units,
    ),
    Case(
        "AddressBookCustomField",
        lambda p: {
            "name": "Tier",
            "description": "Support tier",
            "data_type": "pick_list",
            "pick_list_values": ["gold", "silver"],
            "default_value": "silver",
            "address_book_ids": [p["book"]],
        },
        # Update needs name and data_type again: the provider resends them unchanged.
        update={
            "description": "The customer's support tier",
            "show_in_profile_tab": True,
            "address_book_ids": "@books",
        },
        prereq=address_books,
    ),
    Case(
        "AddressBookContact",
        lambda p: {
            "address_book_id": p["book"],
            "display_name": "Ada Lovelace",
            "first_name": "Ada",
            "last_name": "Lovelace",
            "phones": [_PHONE],
            "emails": ["ada@example.com"],
        },
        # Only the company changes: the PATCH still carries the (required) phones.
        update={"company": "Analytical Engines Ltd"},
        replace={"address_book_id": "@other"},
        prereq=address_books,
    ),
]

MEMBERSHIP_CASES: list[MembershipCase] = []

SETTINGS_CASES: list[SettingsCase] = []
