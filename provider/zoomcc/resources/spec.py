"""The declarative description of one Contact Center object as a Pulumi resource.

A `ResourceSpec` names the object's paths and its irregularities; everything else (input
fields, which fields force replacement, outputs, rate-limit labels, scopes, not-found error
codes) is derived from the machine-readable API spec, so a new resource is mostly data.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar
from urllib.parse import quote

from zoomcc.apispec import ApiSpec, FieldSpec, Operation, load_api_spec
from zoomcc.resources.rules import Rule

_ID_PLACEHOLDER = re.compile(r"\{[^}]+\}")
_MISSING = re.compile(r"does not exist|not found", re.I)


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


@dataclass(frozen=True, eq=False)
class ResourceSpec:
    """One API object. API field names are the reference's; friendly names are the SDK's."""

    name: str
    """SDK class name, e.g. ``Queue``; also the Pulumi type ``zoomcc:<name>``."""
    collection_path: str
    """The list/create path, e.g. ``/contact_center/queues``."""
    item_path: str
    """The get/update/delete path, e.g. ``/contact_center/queues/{queueId}``."""
    id_field: str
    """The API field that holds the object's id (``cc_queue_id`` for queues)."""
    summary: str
    """One paragraph for the docs and the SDK docstring."""
    renames: Mapping[str, str] = field(default_factory=dict)
    """Friendly argument name -> API field name, e.g. ``{"name": "queue_name"}``."""
    natural_key: str | None = "name"
    """Friendly input that identifies an object for recovery and conflict checks."""
    natural_key_scope: tuple[str, ...] = ()
    """API fields within which the natural key is unique (a skill's name per category)."""
    path_inputs: Mapping[str, str] = field(default_factory=dict)
    """Parent placeholders of the paths -> the argument that fills them, for objects that
    live under another (``{"addressBookId": "address_book_id"}``). Changing one replaces."""
    references: Mapping[str, str] = field(default_factory=dict)
    """API fields holding ids of other resources -> that resource's name (for export,
    lookups and docs): ``{"skill_category_id": "SkillCategory"}``."""
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
    provider: str = "zoomcc.dynamic.provider:SpecProvider"
    """The provider class, ``module:Class``: a subclass only where the API is irregular
    (multipart uploads, deletes by id list...)."""
    example: str = ""
    """A Python snippet for the docs."""
    rules: tuple[tuple[str, Rule], ...] = ()
    """Format rules the reference states only in prose: (API field path, rule), ``[]`` for
    list items (``"closures[].start_time"``); checked at preview (see ``resources.rules``)."""

    def make_provider(self) -> Any:
        """An instance of this resource's provider class (pickled by reference)."""
        module_name, _, class_name = self.provider.partition(":")
        cls = getattr(importlib.import_module(module_name), class_name)
        return cls(self.name)

    # ---- derived from the API spec -------------------------------------------------
    @cached_property
    def api(self) -> ApiSpec:
        return load_api_spec()

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
        return self.api.op("DELETE", self.item_path)

    @cached_property
    def operations(self) -> tuple[Operation, ...]:
        ops = [self.create_op, self.read_op, self.list_op, self.delete_op]
        if self.update_op is not None:
            ops.append(self.update_op)
        return tuple(ops)

    @cached_property
    def create_fields(self) -> dict[str, FieldSpec]:
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
        return {k: v for k, v in sorted(merged.items()) if k not in self.hidden_inputs}

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
        """Zoom codes meaning "this object does not exist", from its own get and delete.

        Only those two: an update's "does not exist" may be about a referenced object.
        """
        return frozenset(
            e.code
            for op in (self.read_op, self.delete_op)
            for e in op.errors
            if e.code is not None and e.status in (400, 404) and _MISSING.search(e.message)
        )

    @cached_property
    def scopes(self) -> tuple[str, ...]:
        return tuple(sorted({s for op in self.operations for s in op.scopes}))

    @cached_property
    def granular_scopes(self) -> tuple[str, ...]:
        return tuple(sorted({s for op in self.operations for s in op.granular_scopes}))

    # ---- naming ------------------------------------------------------------------------
    @cached_property
    def api_to_friendly(self) -> dict[str, str]:
        inverse = {api: friendly for friendly, api in self.renames.items()}
        names = set(self.input_fields) | set(self.output_fields)
        return {api: inverse.get(api, api) for api in sorted(names)}

    @cached_property
    def friendly_to_api(self) -> dict[str, str]:
        return {friendly: api for api, friendly in self.api_to_friendly.items()}

    @cached_property
    def natural_key_api(self) -> str | None:
        return None if self.natural_key is None else self.friendly_to_api[self.natural_key]

    supports_import: ClassVar[bool] = True
    """Whether the SDK offers ``import_id`` (membership and settings resources adopt what
    exists by themselves)."""

    def behaviour_notes(self) -> list[str]:
        """The docs' "Behaviour" bullets (membership and settings resources have their own)."""
        recovery = (
            "- A create whose response is lost is recovered by the natural key "
            f"(`{self.natural_key}`) instead of being sent again."
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
        ]

    def list_field(self, api_field: str) -> str:
        """``api_field``'s name in list items (see ``list_names``)."""
        return self.list_names.get(api_field, api_field)

    def friendly(self, api_field: str) -> str:
        return self.api_to_friendly.get(api_field, api_field)

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
