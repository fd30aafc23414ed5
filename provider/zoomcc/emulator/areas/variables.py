"""Variable groups and variables (derived from the API spec).

Variables are listed per group (``variable_group_id`` is a required list parameter), check
the group and address books they name (3409, 2006), and an address-book variable needs its
books (3402).
"""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.area import Area
from zoomcc.emulator.collection import OMIT, Collection, HookContext, Hooks, Reference, StoreAccess
from zoomcc.emulator.derive import derive
from zoomcc.emulator.refusals import ErrorDef, Json, Obj

VARIABLE_GROUPS = "variable_groups"
BOOKS = "address_books"  # the contacts group's address books


def _variables_count(store: StoreAccess, data: Obj) -> Json:
    group = data.get("variable_group_id")
    return sum(1 for v in store.items("variables") if v.get("variable_group_id") == group)


VARIABLE_GROUP_COLLECTION = derive(
    "/contact_center/variables/groups",
    name=VARIABLE_GROUPS,
    computed={"variable_group_variables_count": _variables_count},
)


def _variable_books(store: StoreAccess, data: Obj) -> Json:
    if "address_book_ids" not in data:
        return OMIT
    shown = []
    for book_id in data["address_book_ids"]:
        book = store.get(BOOKS, str(book_id))
        if book is not None:
            shown.append(
                {
                    "address_book_id": book_id,
                    "address_book_name": book.get("address_book_name"),
                    "unit_id": book.get("unit_id"),
                }
            )
    return shown


def _variable_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    data = {**base, **body}
    if data.get("variable_type") == "address_book_variable" and not data.get("address_book_ids"):
        raise ErrorDef(400, 3402, "The `address_book_ids` field cannot be empty.").error()
    return data


VARIABLES = derive(
    "/contact_center/variables",
    name="variables",
    # reference line 37602: "The variable already exists in the current custom group:
    # $variable_name." Names are unique within a group.
    natural_key_scope=("variable_group_id",),
    references=(
        Reference(
            "variable_group_id",
            VARIABLE_GROUPS,
            ErrorDef(404, 3409, "Variable group does not exist: {value}."),
        ),
        Reference(
            "address_book_ids",
            BOOKS,
            ErrorDef(400, 2006, "Address books does not exist"),
            many=True,
            update_error=ErrorDef(400, 2006, "Address books do not exist."),
        ),
    ),
    computed={
        "address_books": _variable_books,
        "used_in_address_book_count": lambda store, data: len(data.get("address_book_ids") or []),
    },
    hooks=Hooks(merge=_variable_merge),
)


COLLECTIONS: tuple[Collection, ...] = (VARIABLE_GROUP_COLLECTION, VARIABLES)

AREA: Final = Area(COLLECTIONS)
"""The variables area: its collections, nothing hanging on them."""
