"""Where an object lives in the API and how it is found: its collection and item paths, the
operations they give, the URLs its calls go to, and the look-up by its natural key (a GET by
name, or a filtered list). ``spec.ResourceSpec`` adds its fields and their changes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from zoomcc.apispec import Operation
from zoomcc.resources.base import BaseSpec, fill_path, list_key_of
from zoomcc.resources.removal import Removal

_AMBIGUOUS = re.compile(r"more than one matching", re.I)
IDENTIFIER_SUFFIX = "_identifier_type"


@dataclass(frozen=True)
class NameRefusal:
    """The create's documented refusal of a name already taken, quoted from the reference
    (Skill: line 32045, "**Error Code:** `1502` Skill name already exists."). Where Zoom
    refuses duplicates itself, a create POSTs first and looks the name up only on this
    refusal: one call per create instead of a look-up and a POST."""

    status: int
    """The refusal's HTTP status, e.g. ``400`` (``409`` for routing profiles)."""
    code: int | None
    """The Zoom error code, e.g. ``1502``; None where the reference gives none (a bare 409)."""
    line: int
    """The reference line that documents it, e.g. ``32045``."""

    def refuses(self, status: int, code: int | None) -> bool:
        """Whether an error answer is this refusal."""
        return status == self.status and (self.code is None or code == self.code)


@dataclass(frozen=True, eq=False, kw_only=True)
class ObjectCalls(BaseSpec):
    """One API object's paths, operations, URLs and name look-up."""

    collection_path: str
    """The list/create path, e.g. ``/contact_center/queues``."""
    item_path: str
    """The get/update/delete path, e.g. ``/contact_center/queues/{queueId}``."""
    id_field: str
    """The API field that holds the object's id (``cc_queue_id`` for queues)."""
    natural_key: str | None = "name"
    """Friendly input that identifies an object for recovery and conflict checks. A create
    needs it (check refuses one without) unless ``import_id`` adopts, or
    ``natural_key_optional`` says why the API creates without it."""
    natural_key_optional: str = ""
    """Why a create may leave the natural key out, quoting the reference; empty: it may not.
    ``User``: "line 33873: 'User ID or user email cannot be empty at the same time.'"
    (``user_id`` picks the Zoom user instead)."""
    natural_key_scope: tuple[str, ...] = ()
    """API fields within which the natural key is unique (a skill's name per category)."""
    path_inputs: Mapping[str, str] = field(default_factory=dict)
    """Parent placeholders of the paths -> the argument that fills them, for objects that
    live under another (``{"addressBookId": "address_book_id"}``). Changing one replaces."""
    list_names: Mapping[str, str] = field(default_factory=dict)
    """API field -> its name in list items, where the list names it otherwise than get and
    create (queue templates list ``template_id`` for ``queue_template_id``)."""
    update_method: str = "PATCH"
    list_parents: Mapping[str, str] = field(default_factory=dict)
    """Query parameters of the list call -> the argument that fills them, where the API lists
    only within a parent (address books per ``unit_id``). Sent with every list call."""
    name_filter: str | None = None
    """The list call's query parameter that searches by the natural key where it is named
    otherwise than the key's field (users' ``search_key`` for ``user_email``)."""
    name_refusal: NameRefusal | None = None
    """The create's documented "name already exists" refusal, where the reference has one:
    then the duplicate-name check is the POST's own answer (``NameRefusal``)."""
    delete_by_ids: Removal | None = None
    """Where there is no single-item DELETE: ``DELETE <collection>`` with the id in the list
    the Removal names (``body`` or ``query`` mode; the path is the collection's)."""

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
    def list_key(self) -> str:
        return list_key_of(self.list_op, self.name)

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

    @cached_property
    def natural_key_api(self) -> str | None:
        return None if self.natural_key is None else self.friendly_to_api[self.natural_key]

    def list_field(self, api_field: str) -> str:
        """``api_field``'s name in list items (see ``list_names``)."""
        return self.list_names.get(api_field, api_field)

    def collection_url(self, inputs: Mapping[str, Any] | None = None) -> str:
        """The list/create URL, parent placeholders filled from the (friendly) inputs."""
        return self.url(self.collection_path, inputs)

    def item_url(self, object_id: str, inputs: Mapping[str, Any] | None = None) -> str:
        """The object's URL; the last placeholder is the object's own id."""
        return self.url(self.item_path, inputs, object_id)

    def url(
        self, template: str, inputs: Mapping[str, Any] | None = None, object_id: str | None = None
    ) -> str:
        """Any of the object's path templates filled: parent placeholders from the (friendly)
        inputs, the last one from ``object_id`` (``.../assets/{assetId}/items``)."""
        inputs = inputs or {}
        values: dict[str, str] = {}
        for param, argument in self.path_inputs.items():
            if inputs.get(argument) not in (None, ""):
                values[param] = str(inputs[argument])
            elif f"{{{param}}}" in template:
                raise ValueError(f"{self.name}: '{argument}' is required")
        return fill_path(self.name, template, values, object_id)
