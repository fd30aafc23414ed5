"""The declarative description of one Contact Center object as a Pulumi resource: the
object kind (memberships and settings are the other kinds, on the same ``BaseSpec``).

A `ResourceSpec` names the object's paths and its irregularities; everything else (input
fields, which fields force replacement, outputs, rate-limit labels, scopes, not-found error
codes) is derived from the machine-readable API spec, so a new resource is mostly data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar
from urllib.parse import quote

from zoomcc.apispec import FieldSpec, Operation
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.call_shapes import (
    ExtraInput,
    FollowUp,
    Newest,
    Removal,
    Upload,
    batch_item_fields,
    call_operations,
    extra_inputs,
)
from zoomcc.resources.delete_query import DeleteParam
from zoomcc.resources.derived import derived_rules

_ID_PLACEHOLDER = re.compile(r"\{[^}]+\}")
_AMBIGUOUS = re.compile(r"more than one matching", re.I)
IDENTIFIER_SUFFIX = "_identifier_type"


@dataclass(frozen=True)
class ItemMerge:
    """A list the update call patches item by item (ids kept, removals flagged) instead of
    replacing it whole, as closure sets' ``closures``."""

    id_field: str
    """The item's id in GET responses and update bodies (``closure_id``)."""
    match_on: str
    """The item field that pairs a declared item with a live one (``closure_name``)."""
    delete_flag: str
    """The update body's flag that removes an item (``to_delete``)."""


@dataclass(frozen=True, eq=False, kw_only=True)
class ResourceSpec(BaseSpec):
    """One API object, created, read, updated and deleted through its own paths."""

    supports_import: ClassVar[bool] = True

    collection_path: str
    """The list/create path, e.g. ``/contact_center/queues``."""
    item_path: str
    """The get/update/delete path, e.g. ``/contact_center/queues/{queueId}``."""
    id_field: str
    """The API field that holds the object's id (``cc_queue_id`` for queues)."""
    natural_key: str | None = "name"
    """Friendly input that identifies an object for recovery and conflict checks."""
    natural_key_scope: tuple[str, ...] = ()
    """API fields within which the natural key is unique (a skill's name per category)."""
    path_inputs: Mapping[str, str] = field(default_factory=dict)
    """Parent placeholders of the paths -> the argument that fills them, for objects that
    live under another (``{"addressBookId": "address_book_id"}``). Changing one replaces."""
    read_back: Mapping[str, str] = field(default_factory=dict)
    """API input field -> path in the GET response where its value is found, for inputs
    the API returns in another shape (``disposition_ids`` <- ``dispositions[].disposition_id``)."""
    list_names: Mapping[str, str] = field(default_factory=dict)
    """API field -> its name in list items, where the list names it otherwise than get and
    create (queue templates list ``template_id`` for ``queue_template_id``)."""
    force_new: frozenset[str] = frozenset()
    """API fields that force replacement although the update body lists them."""
    hidden_inputs: frozenset[str] = frozenset()
    """API input fields not offered as arguments (deprecated or owned by another resource)."""
    ordered: frozenset[str] = frozenset()
    """API fields whose list order matters; other lists are compared as sets."""
    merged_lists: Mapping[str, ItemMerge] = field(default_factory=dict)
    """API list fields whose update is item by item (see ``ItemMerge``)."""
    update_method: str = "PATCH"
    archive_before_delete: str | None = None
    """The DELETE's boolean query parameter that archives the object, where Zoom deletes
    only archived objects (assets: ``archive``): delete sends it first, then the DELETE."""
    delete_query: Mapping[str, DeleteParam] = field(default_factory=dict)
    """Query parameters of the DELETE call -> the delete-time argument that fills them
    (``{"move_to_region_id": DeleteParam("move_users_to_region_id", ...)}``)."""
    list_parents: Mapping[str, str] = field(default_factory=dict)
    """Query parameters of the list call -> the argument that fills them, where the API lists
    only within a parent (address books per ``unit_id``). Sent with every list call."""
    name_filter: str | None = None
    """The list call's query parameter that searches by the natural key where it is named
    otherwise than the key's field (users' ``search_key`` for ``user_email``)."""
    # ---- irregular call shapes (``resources.call_shapes``) ---------------------------------
    follow_ups: tuple[FollowUp, ...] = ()
    """Calls made after create, update and adoption (a campaign's status, a flow's publish)."""
    extra_inputs: tuple[ExtraInput, ...] = ()
    """Arguments no API body carries (``publish``; ``content_hash`` comes with ``upload``)."""
    upload: Upload | None = None
    """Files uploaded as multipart by create (and update), hashed into ``content_hash``."""
    update_fills: Mapping[str, Newest] = field(default_factory=dict)
    """Update-body fields the provider fills from the live object (a flow's ``flow_version``)."""
    create_batch: str | None = None
    """The create body's list field where create takes a list (block-list rules): one object
    is sent, and answered, as a list of one; the arguments are one item's fields."""
    delete_by_ids: Removal | None = None
    """Where there is no single-item DELETE: ``DELETE <collection>`` with the id in the list
    the Removal names (``body`` or ``query`` mode; the path is the collection's)."""

    # ---- derived from the API spec -------------------------------------------------
    @cached_property
    def create_op(self) -> Operation:
        return self.api.op("POST", self.collection_path)

    @cached_property
    def list_op(self) -> Operation:
        return self.api.op("GET", self.collection_path)

    @cached_property
    def read_op(self) -> Operation:
        return self.api.op("GET", self.item_path)

    @cached_property
    def update_op(self) -> Operation | None:
        try:
            return self.api.op(self.update_method, self.item_path)
        except KeyError:
            return None

    @cached_property
    def delete_op(self) -> Operation:
        return self.api.op("DELETE", self.collection_path if self.delete_by_ids else self.item_path)

    @cached_property
    def operations(self) -> tuple[Operation, ...]:
        ops = [self.create_op, self.read_op, self.list_op, self.delete_op]
        if self.update_op is not None:
            ops.append(self.update_op)
        return (*ops, *call_operations(self.api, self.item_path, self.follow_ups, self.upload))

    @cached_property
    def create_fields(self) -> dict[str, FieldSpec]:
        if self.create_batch and self.create_op.request is not None:
            return batch_item_fields(self.create_op.request.schema_.field(self.create_batch))
        return _body_fields(self.create_op)

    @cached_property
    def update_fields(self) -> dict[str, FieldSpec]:
        return _body_fields(self.update_op) if self.update_op is not None else {}

    @cached_property
    def input_fields(self) -> dict[str, FieldSpec]:
        """Arguments: what create accepts, plus what only update accepts (applied after create)."""
        merged = dict(self.create_fields)
        for name, spec in self.update_fields.items():
            merged.setdefault(name, spec.model_copy(update={"required": False}))
        for param, argument in self.path_inputs.items():
            merged[argument] = FieldSpec(
                name=argument,
                type="string",
                required=True,
                description=f"The id of the object this one belongs to (``{{{param}}}``).",
            )
        for param, how in self.delete_query.items():
            merged[how.argument] = FieldSpec(
                name=how.argument,
                type="string",
                required=False,
                description=f"{how.description} Sent only when the object is deleted "
                f"(``{param}``); changing it replaces nothing.",
            )
        merged.update(extra_inputs(self.extra_inputs, self.upload, self.output_fields))
        for name, rule in derived_rules(self.rules):  # filled in by check() when left out
            if rule.fills_in and name in merged:
                merged[name] = merged[name].model_copy(update={"required": False})
        return {k: v for k, v in sorted(merged.items()) if k not in self.hidden_inputs}

    @cached_property
    def non_body_inputs(self) -> frozenset[str]:
        """Arguments no create or update body carries: path parents and delete-time values."""
        return frozenset(self.path_inputs.values()) | frozenset(
            how.argument for how in self.delete_query.values()
        )

    @cached_property
    def output_fields(self) -> dict[str, FieldSpec]:
        resp = self.read_op.success_response
        if resp is None or resp.body is None:
            return {}
        return {f.name: f for f in resp.body.schema_.fields}

    @cached_property
    def replace_fields(self) -> frozenset[str]:
        """API input fields a change of which needs a new object: create takes them, update not."""
        if self.update_op is None:
            return frozenset(self.input_fields)
        derived = {f for f in self.create_fields if f not in self.update_fields}
        derived |= set(self.path_inputs.values())
        derived -= {self.upload.files} if self.upload else set()  # content_hash replaces it
        return frozenset((derived | set(self.force_new)) & set(self.input_fields))

    @cached_property
    def list_key(self) -> str:
        resp = self.list_op.success_response
        arrays = [
            f.name
            for f in (resp.body.schema_.fields if resp and resp.body else [])
            if f.type == "array"
        ]
        if len(arrays) != 1:
            raise ValueError(f"{self.name}: cannot tell the list key among {arrays}")
        return arrays[0]

    @cached_property
    def not_found_codes(self) -> frozenset[int]:
        """Zoom codes meaning "this object does not exist", from its own get and delete
        (``Operation.not_found_codes``: every message of the code says so).

        Only those two: an update's "does not exist" may be about a referenced object. Other
        404s are refusals, never "gone": an asset's delete answers 404 with 10010 "archive
        it first" and 10002 "This asset is being used." beside 10009 "Asset not found."
        (reference line 3623); only 10009 is here.
        """
        return self.read_op.not_found_codes | self.delete_op.not_found_codes

    @cached_property
    def ambiguous_codes(self) -> frozenset[int]:
        """Zoom codes of the get meaning "more than one object holds that name" (a look-up
        by name, ``*_identifier_type=name``, of a name that is not unique)."""
        return frozenset(
            e.code
            for e in self.read_op.errors
            if e.code is not None and _AMBIGUOUS.search(e.message)
        )

    def is_ambiguous(self, status: int, code: int | None, message: str) -> bool:
        """Whether a get by name failed because several objects hold the name: a documented
        "more than one matching" code, or that message; for a key unique only within a
        scope (variables per group), also a 400 whose code the get does not document
        (the reference gives variables' get a bare "Bad Request")."""
        if (code is not None and code in self.ambiguous_codes) or _AMBIGUOUS.search(message):
            return True
        documented = {e.code for e in self.read_op.errors if e.code is not None}
        return bool(self.natural_key_scope) and status == 400 and code not in documented

    # ---- finding an object by its natural key -------------------------------------------
    @cached_property
    def name_identifier(self) -> str | None:
        """The get's query parameter that makes the path's id a name, e.g.
        ``queue_identifier_type`` (sent as ``=name``): one call finds an object by name.
        Only where the natural key is the name and the get has exactly one such parameter."""
        if self.natural_key != "name":
            return None
        found = [
            q.name
            for q in self.read_op.query
            if q.name.endswith(IDENTIFIER_SUFFIX) and "name" in (q.enum or [])
        ]
        return found[0] if len(found) == 1 else None

    @cached_property
    def key_filters(self) -> dict[str, str]:
        """List query parameter -> the natural-key field (API name) whose value it takes:
        the name's own filter (``team_name``, ``template_name``...) and the scope's
        (``skill_category_id``), where the list call has them."""
        if self.natural_key_api is None:
            return {}
        listed = {q.name for q in self.list_op.query}
        found: dict[str, str] = {}
        for api_field in (self.natural_key_api, *self.natural_key_scope):
            for param in (api_field, self.list_field(api_field)):
                if param in listed:
                    found[param] = api_field
                    break
        if self.name_filter is not None:
            found[self.name_filter] = self.natural_key_api
        return found

    @cached_property
    def name_is_filtered(self) -> bool:
        """Whether the list call narrows to the name (else it lists the whole collection)."""
        return self.natural_key_api in self.key_filters.values()

    def name_lookup(self) -> str:
        """How an object is found by its natural key, for the docs."""
        if self.natural_key is None:
            return "none (no natural key)"
        params = list(dict.fromkeys([*self.key_filters, *self.list_parents]))
        listing = "list" + (f" filtered by `{'`, `'.join(params)}`" if params else "")
        if self.name_identifier is None:
            return listing
        fallback = "if another scope holds the name" if self.natural_key_scope else "if ambiguous"
        return f"GET `?{self.name_identifier}=name`; {listing} {fallback}"

    def missing_list_parents(self, inputs: Mapping[str, Any]) -> list[str]:
        """The arguments a required list filter needs that ``inputs`` lack."""
        return [
            argument
            for param, argument in self.list_parents.items()
            if param in self.list_op.required_query and inputs.get(argument) in (None, "")
        ]

    def list_params(self, inputs: Mapping[str, Any]) -> dict[str, str]:
        """The list call's parent filters from the (friendly) inputs."""
        missing = self.missing_list_parents(inputs)
        if missing:
            raise ValueError(
                f"{self.name}: '{missing[0]}' is required: the API lists these objects "
                f"only per {missing[0]}"
            )
        return {
            param: str(inputs[argument])
            for param, argument in self.list_parents.items()
            if inputs.get(argument) not in (None, "")
        }

    def delete_params(self, inputs: Mapping[str, Any]) -> dict[str, str]:
        """The DELETE's query parameters given by arguments (defaults are the provider's)."""
        return {
            param: str(inputs[how.argument])
            for param, how in self.delete_query.items()
            if inputs.get(how.argument) not in (None, "")
        }

    # ---- naming and docs -----------------------------------------------------------------
    @cached_property
    def natural_key_api(self) -> str | None:
        return None if self.natural_key is None else self.friendly_to_api[self.natural_key]

    @property
    def id_key(self) -> str:
        return self.id_field

    @property
    def api_path(self) -> str:
        return self.collection_path

    def change_note(self, api_field: str) -> str:
        if api_field in self.path_inputs.values():
            return "replaces (the parent in the path)"
        if api_field in self.non_body_inputs:
            return "nothing (used only on delete)"
        change = "replaces" if api_field in self.replace_fields else "in place"
        return change if api_field in self.create_fields else change + " (set after create)"

    def behaviour_notes(self) -> list[str]:
        recovery = (
            "- A create whose response is lost is recovered by the natural key "
            f"(`{self.natural_key}`) instead of being sent again; finding it by "
            f"`{self.natural_key}` (also for the duplicate check and lookups) is a "
            f"{self.name_lookup()}."
            if self.natural_key is not None
            else "- There is no natural key (names need not be unique): a create whose "
            "response is lost cannot be recovered, and names are not checked for conflicts."
        )
        return [
            f"- The id is the API's `{self.id_field}`.",
            recovery,
            "- Refresh drops the object from the state when it was deleted outside Pulumi; "
            "deleting an object that is already gone succeeds.",
            "- Removing an optional argument leaves the value in Zoom as it is.",
            *(
                f"- `{how.argument}` is sent only with the delete call (`{param}`); "
                "changing it replaces nothing."
                for param, how in self.delete_query.items()
            ),
        ]

    def list_field(self, api_field: str) -> str:
        """``api_field``'s name in list items (see ``list_names``)."""
        return self.list_names.get(api_field, api_field)

    def collection_url(self, inputs: Mapping[str, Any] | None = None) -> str:
        """The list/create URL, parent placeholders filled from the (friendly) inputs."""
        return self._fill(self.collection_path, inputs or {}, None)

    def item_url(self, object_id: str, inputs: Mapping[str, Any] | None = None) -> str:
        """The object's URL; the last placeholder is the object's own id."""
        return self._fill(self.item_path, inputs or {}, object_id)

    def _fill(self, template: str, inputs: Mapping[str, Any], object_id: str | None) -> str:
        def value(match: re.Match[str]) -> str:
            param = match.group(0)[1:-1]
            if param in self.path_inputs:
                found = inputs.get(self.path_inputs[param])
                if found in (None, ""):
                    raise ValueError(f"{self.name}: '{self.path_inputs[param]}' is required")
                return quote(str(found), safe="")
            if object_id is None:
                raise ValueError(f"{self.name}: no value for {{{param}}} in {template}")
            return quote(object_id, safe="")

        return _ID_PLACEHOLDER.sub(value, template)


def _body_fields(op: Operation | None) -> dict[str, FieldSpec]:
    if op is None or op.request is None or op.request.schema_.type != "object":
        return {}
    return {f.name: f for f in op.request.schema_.fields}


NAME_DESC = ("name", "description")


def renamed(prefix: str, *friendly: str) -> dict[str, str]:
    """``name`` -> ``queue_name`` style renames: the API prefixes most fields with the object."""
    return {f: f"{prefix}_{f}" for f in friendly}
