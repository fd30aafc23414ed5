"""Names the reference's create bodies leave optional although the API cannot create without.

Ten create calls list the object's name (or email) without ``(required)``. Every one of
those objects is fetched by that name (its get takes ``*_identifier_type=name``, from the real
API's query parameters), every create example sends it, and where the reference documents an
error for it the error is a refusal of a missing or duplicate name. ``errata.py`` marks each
one required in the create body, so the provider's check and the emulator refuse a nameless
create alike; each entry quotes the reference line it rests on. (A user's ``user_email`` is
not among them: ``user_id`` may pick the Zoom user instead, line 33873.)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RequiredName:
    """One create body's name field that is required in fact."""

    path: str
    """The create call's path (``POST``), e.g. ``/contact_center/queues``."""
    field: str
    """The body field, e.g. ``queue_name``."""
    reason: str
    """The reference lines that show it, e.g. ``line 17063: the example sends ...``."""


_BY_NAME = "its get finds it by this name (`{}_identifier_type=name`)"


def _found(kind: str) -> str:
    return _BY_NAME.format(kind)


REQUIRED_NAMES: tuple[RequiredName, ...] = (
    RequiredName(
        "/contact_center/skills/categories",
        "skill_category_name",
        'line 32170: the create example sends "skill_category_name": "Languages"; '
        + _found("skill_category"),
    ),
    RequiredName(
        "/contact_center/skills",
        "skill_name",
        'line 32045: "Skill name already exists. You must select a different name." (1502); '
        'line 31989: the example sends "skill_name": "French"; ' + _found("skill"),
    ),
    RequiredName(
        "/contact_center/queues",
        "queue_name",
        'line 17063: the create example sends "queue_name"; line 18013: "More than one '
        'matching queue found." (1244); ' + _found("queue"),
    ),
    RequiredName(
        "/contact_center/business_hours",
        "business_hour_name",
        'line 15343: the create example sends "business_hour_name": "Default business '
        'hours"; ' + _found("business_hour"),
    ),
    RequiredName(
        "/contact_center/address_books/units",
        "unit_name",
        'line 899: "Unit already exists." (1904); line 872: the example sends "unit_name"; '
        'line 939: "More than one matching address book unit found." (2008); ' + _found("unit"),
    ),
    RequiredName(
        "/contact_center/address_books",
        "address_book_name",
        'line 165: "The `address_book_name` field cannot be an empty value." (1903)',
    ),
    RequiredName(
        "/contact_center/regions",
        "region_name",
        'line 23006: the create example sends "region_name": "Customer region"; line 23083: '
        '"More than one matching region found." (3807); ' + _found("region"),
    ),
    RequiredName(
        "/contact_center/roles",
        "role_name",
        'line 29602: "The role name already exists. Please change to a new one." (2203); '
        'line 29754: "More than one matching role found." (2210); ' + _found("role"),
    ),
    RequiredName(
        "/contact_center/system_statuses",
        "status_name",
        'line 3034 (its update): "Parameter `status_name` is required." (300); line 2845: '
        'the create example sends "status_name"; ' + _found("status"),
    ),
    RequiredName(
        "/contact_center/inboxes",
        "inbox_name",
        'line 12037: the create example sends "inbox_name": "example"; line 12585: "More '
        'than one matching inbox found." (3010); ' + _found("inbox"),
    ),
)
