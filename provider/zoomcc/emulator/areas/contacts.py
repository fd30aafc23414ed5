"""Address books, their units, custom fields and contacts (derived from the API spec).

Behaviour the reference describes beyond the field tables: an address book's unit and a
custom field's address books must exist (1901, 2006); GET shows the unit's and books'
names; a contact needs a phone or an email (2102), at most five phones with one main one;
a pick-list custom field's default must be one of its values (2115); a contact's custom
field values name existing fields (2114), pick-list ones one of the field's values (2116),
and are served by "List a contact's custom fields".
"""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.area import Area
from zoomcc.emulator.collection import (
    OMIT,
    ApiCall,
    Collection,
    HookContext,
    Hooks,
    Reference,
    StoreAccess,
)
from zoomcc.emulator.derive import api_route, derive
from zoomcc.emulator.paging import paged
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, validation_error
from zoomcc.emulator.shared_hooks import constant, name_of

UNITS = "address_book_units"
BOOKS = "address_books"
CUSTOM_FIELDS = "address_book_custom_fields"
CONTACTS = "address_book_contacts"


def _total_contacts(store: StoreAccess, data: Obj) -> Json:
    return len(store.items(CONTACTS, data.get("address_book_id")))


ADDRESS_BOOK_UNITS = derive("/contact_center/address_books/units", name=UNITS)

ADDRESS_BOOKS = derive(
    "/contact_center/address_books",
    name=BOOKS,
    references=(Reference("unit_id", UNITS, ErrorDef(404, 1901, "Unit does not exist: {value}.")),),
    computed={
        "unit_name": name_of(UNITS, "unit_id", "unit_name"),
        "total_contacts": _total_contacts,
        # Queues and teams are linked to a book from their side: none in the emulator.
        "queue_ids": constant([]),
        "team_ids": constant([]),
    },
)


def _address_books(store: StoreAccess, data: Obj) -> Json:
    if "address_book_ids" not in data:
        return OMIT
    books = [(i, store.get(BOOKS, str(i))) for i in data["address_book_ids"]]
    return [
        {"address_book_id": i, "address_book_name": b.get("address_book_name")}
        for i, b in books
        if b is not None
    ]


_DEFAULT_OFF_LIST: Final = ErrorDef(
    400,
    2115,
    "Invalid default value. The provided value is not in the list of supported picklist values.",
)
_VALUE_OFF_LIST: Final = ErrorDef(
    400,
    2116,
    "Invalid custom field value `custom_field_value`. The provided value is not in the list of "
    "supported picklist values.",
)


def _check_pick_list(field: Obj, value: Json, off_list: ErrorDef) -> None:
    """Answer ``off_list`` where ``value`` is given for a pick-list custom field but is not
    one of its values."""
    if (
        field.get("data_type") == "pick_list"
        and value not in (None, "")
        and value not in (field.get("pick_list_values") or [])
    ):
        raise off_list.error()


def _custom_field_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    data = {**base, **body}
    if data.get("use_as_external_url_parameter") and " " in str(data.get("custom_field_name")):
        raise ErrorDef(
            400,
            2111,
            "Custom field name cannot contain spaces when use_as_external_url_parameter is true.",
        ).error()
    _check_pick_list(data, data.get("default_value"), _DEFAULT_OFF_LIST)
    return data


ADDRESS_BOOK_CUSTOM_FIELDS = derive(
    "/contact_center/address_books/custom_fields",
    name=CUSTOM_FIELDS,
    references=(
        Reference(
            "address_book_ids",
            BOOKS,
            ErrorDef(404, 2006, "Address books does not exist: {value}."),
            many=True,
        ),
    ),
    computed={"address_books": _address_books},
    hooks=Hooks(merge=_custom_field_merge),
)


def _contact_merge(ctx: HookContext, base: Obj, body: Obj) -> Obj:
    data = {**base, **body}
    if not (data.get("phones") or data.get("phone_numbers") or data.get("emails")):
        raise ErrorDef(
            400, 2102, "At least one of email's or phone's fields should be not empty."
        ).error()
    if not str(data.get("display_name") or "").strip():
        raise ErrorDef(400, 2104, "The `display_name` field cannot be an empty value.").error()
    phones = data.get("phones") or []
    if len(phones) > 5:
        raise validation_error("The maximum number of phones allowed is 5.")
    if sum(1 for p in phones if isinstance(p, dict) and p.get("phone_type") == "main") > 1:
        raise validation_error("Only one main phone number is allowed.")
    if len(data.get("emails") or []) > 10:
        raise validation_error("Number of emails exceeds max limit of 10")
    if "custom_fields" in body:
        _check_custom_values(ctx.store, body["custom_fields"])
    # The contact shows the book it lives in.
    data["address_book_id"] = ctx.parent_id
    return data


def _check_custom_values(store: StoreAccess, values: Json) -> None:
    """reference line 1648 (create; line 2702, update): "`2114` <br> Custom field is invalid:
    $customFieldId" and, after error code `2116`, "Invalid custom field value"."""
    for value in values if isinstance(values, list) else []:
        if not isinstance(value, dict):
            continue
        field_id = str(value.get("custom_field_id") or "")
        field = store.get(CUSTOM_FIELDS, field_id)
        if field is None:
            raise ErrorDef(400, 2114, "Custom field is invalid: {id}").error(id=field_id)
        _check_pick_list(field, value.get("custom_field_value"), _VALUE_OFF_LIST)


def _contact_custom_fields(store: StoreAccess, call: ApiCall) -> Json:
    """reference line 169: "List a contact's custom fields", line 175: "List all custom
    fields on a contact.": the values the contact was last created or updated with, each
    with its field's name and data type (fields deleted since are left out), in pages.
    The response has no ``total_records``."""
    contact_id = call.path_params["id"]
    contact = store.get(CONTACTS, contact_id)
    if contact is None:
        raise store.collection(CONTACTS).not_found_error("get", contact_id)
    rows: list[Obj] = []
    for value in contact.get("custom_fields") or []:
        field_id = str(value.get("custom_field_id") or "") if isinstance(value, dict) else ""
        field = store.get(CUSTOM_FIELDS, field_id)
        if field is None:
            continue
        row: Obj = {
            "custom_field_id": field_id,
            "custom_field_name": field.get("custom_field_name", ""),
            "data_type": field.get("data_type", "string"),
            "outdated": False,
        }
        if value.get("custom_field_value") is not None:
            row["custom_field_value"] = value["custom_field_value"]
        rows.append(row)
    page = paged(rows, call.query, "custom_fields")
    del page["total_records"]
    return page


def _custom_fields_url(store: StoreAccess, data: Obj) -> Json:
    return (
        "https://api.zoom.us/v2/contact_center/address_books/contacts/"
        f"{data['contact_id']}/custom_fields"
    )


ADDRESS_BOOK_CONTACTS = derive(
    "/contact_center/address_books/{addressBookId}/contacts",
    name=CONTACTS,
    parent_collection=BOOKS,
    computed={
        "address_book_name": name_of(BOOKS, "address_book_id", "address_book_name"),
        "custom_fields_url": _custom_fields_url,
    },
    hooks=Hooks(merge=_contact_merge),
    extra_routes=(
        api_route(
            "GET",
            "/contact_center/address_books/contacts/{id}/custom_fields",
            "custom_fields.list",
            _contact_custom_fields,
            id_param="contactId",
        ),
    ),
)

COLLECTIONS: tuple[Collection, ...] = (
    ADDRESS_BOOK_UNITS,
    ADDRESS_BOOKS,
    ADDRESS_BOOK_CUSTOM_FIELDS,
    ADDRESS_BOOK_CONTACTS,
)

AREA: Final = Area(COLLECTIONS)
"""The contacts area: its collections, nothing hanging on them."""
