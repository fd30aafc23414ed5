"""Resource specs of the variables area: variable groups and variables.

Reference oddities handled here:

* variables are listed per group (``variable_group_id`` is required by the list call);
* variable groups: ``variable_group_type`` accepts only its default, ``custom``: not an
  argument.
"""

from __future__ import annotations

from zoomcc.resources.object_calls import NameRefusal
from zoomcc.resources.spec import NAME_DESC, ResourceSpec, renamed

VARIABLE_GROUP = ResourceSpec(
    name="VariableGroup",
    collection_path="/contact_center/variables/groups",
    item_path="/contact_center/variables/groups/{variableGroupId}",
    id_field="variable_group_id",
    # Reference line 37199: "The variable group already exists"
    name_refusal=NameRefusal(400, 3416, 37199),
    renames=renamed("variable_group", *NAME_DESC),
    # Only "custom" (the default) is accepted; system groups cannot be created.
    hidden_inputs=frozenset({"variable_group_type"}),
    summary="A custom group of variables. System groups cannot be changed or deleted.",
    example='customer_vars = zoomcc.VariableGroup("customer", name="Customer")',
)

VARIABLE = ResourceSpec(
    name="Variable",
    collection_path="/contact_center/variables",
    item_path="/contact_center/variables/{variableId}",
    id_field="variable_id",
    # Reference line 37050: "The variable already exists in the current custom group: `$v..."
    name_refusal=NameRefusal(400, 3403, 37050),
    renames=renamed("variable", *NAME_DESC),
    natural_key_scope=("variable_group_id",),
    # The real API lists variables only per group: `variable_group_id` is a required query
    # parameter of GET /variables (its published parameters; the reference omits them), and
    # every variable has a group (line 36818: create marks `variable_group_id` required).
    list_parents={"variable_group_id": "variable_group_id"},
    read_back={"address_book_ids": "address_books[].address_book_id"},
    references={"variable_group_id": "VariableGroup", "address_book_ids": "AddressBook"},
    # The values' lengths (4096, or 300 in an address-book variable) are documented rule 3420
    # (zoomcc.apispec.rule_table).
    summary="A global or address-book variable used by flows, routing profiles and "
    "reports. Its group and `variable_type` cannot be changed in place; an "
    "`address_book_variable` needs `address_book_ids`.",
    example='tier_var = zoomcc.Variable("tier", name="tier", variable_group_id='
    'customer_vars.id, variable_type="global_variable", data_type="string")',
)

SPECS: tuple[ResourceSpec, ...] = (VARIABLE_GROUP, VARIABLE)
