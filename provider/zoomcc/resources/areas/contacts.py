"""Resource specs of the contacts area (address books, their units, custom fields and contacts).

Reference oddities handled here:

* an address book's not-found code differs between get (2001) and delete (1201): both are
  derived from the reference, so either means "gone";
* address books are listed only per unit (``unit_id`` is required by the list call and,
  by its errors, by the create call): ``unit_id`` is a required argument;
* custom fields take ``address_book_ids`` but GET answers ``address_books[]`` objects:
  ``read_back`` reads the ids from there;
* contacts mark both ``phone_numbers`` (plain numbers) and ``phones`` (numbers with a type)
  required while the examples send only ``phones``: ``phone_numbers`` is derived from
  ``phones[].phone_number`` (a derived-field rule), so both are sent, and the PATCH body,
  which requires them again, gets them with every update.
"""

from __future__ import annotations

from zoomcc.resources.derived_fields import ItemsOf
from zoomcc.resources.object_calls import NameRefusal
from zoomcc.resources.rules import E164
from zoomcc.resources.spec import NAME_DESC, ResourceSpec, renamed

ADDRESS_BOOK_UNIT = ResourceSpec(
    name="AddressBookUnit",
    collection_path="/contact_center/address_books/units",
    item_path="/contact_center/address_books/units/{unitId}",
    id_field="unit_id",
    # Reference line 899: "Unit already exists"
    name_refusal=NameRefusal(400, 1904, 899),
    renames=renamed("unit", *NAME_DESC),
    summary="A unit (a department, a region) that address books are grouped under. "
    "Units created by the Salesforce integration cannot be changed or deleted.",
    example='sales_unit = zoomcc.AddressBookUnit("sales", name="Sales", '
    'description="Sales contacts")',
)

ADDRESS_BOOK = ResourceSpec(
    name="AddressBook",
    collection_path="/contact_center/address_books",
    item_path="/contact_center/address_books/{addressBookId}",
    id_field="address_book_id",
    # Reference line 165: "Address book already exists"
    name_refusal=NameRefusal(400, 2002, 165),
    renames=renamed("address_book", *NAME_DESC),
    references={"unit_id": "AddressBookUnit"},
    # reference line 91: listing without a unit is error 1902 "The `unit_id` field cannot be
    # an empty value." (the real API requires the `unit_id` query parameter), and line 165:
    # so is creating one: every book has a unit, and books are listed per unit.
    # Names are unique in the account (line 165, 2002: "Address book already exists.", not
    # per unit), so a name is checked with one GET by name, without the unit.
    list_parents={"unit_id": "unit_id"},
    summary="A book of external contacts that agents see when engaging with consumers. "
    "Every book belongs to a unit: `unit_id` is required (the API refuses a book without "
    "one, and lists books per unit). `unit_id` cannot be changed in place: moving a book "
    "to another unit replaces it (and its contacts).",
    example='customers = zoomcc.AddressBook("customers", name="Customers", unit_id=sales_unit.id)',
)

ADDRESS_BOOK_CUSTOM_FIELD = ResourceSpec(
    name="AddressBookCustomField",
    collection_path="/contact_center/address_books/custom_fields",
    item_path="/contact_center/address_books/custom_fields/{customFieldId}",
    id_field="custom_field_id",
    # Reference line 551: "A custom field with this name already exists: $custom_field_..."
    name_refusal=NameRefusal(400, 2107, 551),
    renames=renamed("custom_field", *NAME_DESC),
    # The request takes ids, GET answers objects: read the ids back from there.
    read_back={"address_book_ids": "address_books[].address_book_id"},
    references={"address_book_ids": "AddressBook"},
    summary="An extra field (tier, account manager...) that contacts of the chosen address "
    "books carry. The update call needs `name` and `data_type` every time: the provider "
    "always sends them.",
    example='tier = zoomcc.AddressBookCustomField("tier", name="Tier", data_type="pick_list", '
    'pick_list_values=["gold", "silver"], address_book_ids=[customers.id])',
)

ADDRESS_BOOK_CONTACT = ResourceSpec(
    name="AddressBookContact",
    collection_path="/contact_center/address_books/{addressBookId}/contacts",
    item_path="/contact_center/address_books/{addressBookId}/contacts/{contactId}",
    id_field="contact_id",
    path_inputs={"addressBookId": "address_book_id"},
    references={"address_book_id": "AddressBook"},
    # Two contacts may share a display name: there is no key to refuse duplicates by.
    natural_key=None,
    # The batch create and update of the same contacts: "The phone number in E.164 format."
    rules=(
        ("phones[].phone_number", E164()),
        # reference line 1364: create marks `phone_numbers` required (and line 2564, update),
        # beside `phones`, while the example at line 1458 sends only `phones`: both are sent,
        # the plain numbers derived from the typed ones.
        ("phone_numbers", ItemsOf("phones", "phone_number")),
    ),
    summary="A contact in an address book. It lives under its book: changing "
    "`address_book_id` replaces it. `phones` is required by the create and update calls; "
    "`phone_numbers` (the same numbers without their types, also required by the API) is "
    "derived from `phones` when left out; custom field "
    "values are write-only in the API and kept as declared.",
    example='ada = zoomcc.AddressBookContact("ada", address_book_id=customers.id, '
    'display_name="Ada Lovelace", phones=[{"phone_number": "+14155550100", '
    '"phone_type": "main"}], emails=["ada@example.com"])',
)

SPECS: tuple[ResourceSpec, ...] = (
    ADDRESS_BOOK_UNIT,
    ADDRESS_BOOK,
    ADDRESS_BOOK_CUSTOM_FIELD,
    ADDRESS_BOOK_CONTACT,
)
