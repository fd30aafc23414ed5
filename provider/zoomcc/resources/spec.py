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

from zoomcc.apispec import FieldSpec, Operation
from zoomcc.resources.call_shapes import (
    CONTENT_HASH,
    ExtraInput,
    FollowUp,
    Newest,
    Upload,
    nodes_input,
)
from zoomcc.resources.delete_query import DeleteParam
from zoomcc.resources.derived_fields import derived_rules
from zoomcc.resources.object_calls import ObjectCalls
from zoomcc.resources.removal import Removal

WRITE_STAMP = re.compile(r"\blast modified\b|\blast user to modify\b|\bwho modified\b", re.I)
"""How the reference describes a field the server sets on every write: ``last_modified_time``
("The date and time when this data was last modified.", line 32234), ``modified_by`` ("The ID
of the user that last modified this data.", line 32238), Team's ``modify_time`` ("The team's
last modified date and time."). Such a field is no output: every update changes it, so the
state could equal what a refresh reads only after a GET of each updated object."""


def is_write_stamp(api_field: FieldSpec) -> bool:
    """Whether the GET documents ``api_field`` as set by the server on every write."""
    return bool(WRITE_STAMP.search(api_field.description or ""))


@dataclass(frozen=True)
class ItemMerge:
    """A list the update call patches item by item (the live items' ids kept) instead of
    replacing it whole, as closure sets' ``closures`` and assets' ``asset_items``. Live items
    no longer declared leave by ``delete_flag`` or, after the update, by ``removal``."""

    id_field: str
    """The item's id in GET responses and update bodies (``closure_id``)."""
    match_on: str
    """The item field that pairs a declared item with a live one (``closure_name``)."""
    delete_flag: str | None = None
    """The update body's flag that removes an item (``to_delete``)."""
    removal: Removal | None = None
    """The call that removes items the update body cannot (``DELETE .../items``)."""


@dataclass(frozen=True, eq=False, kw_only=True)
class ResourceSpec(ObjectCalls):
    """One API object, created, read, updated and deleted through its own paths
    (``ObjectCalls``), with its fields and what changing each does."""

    supports_import: ClassVar[bool] = True

    read_back: Mapping[str, str] = field(default_factory=dict)
    """API input field -> path in the GET response where its value is found, for inputs
    the API returns in another shape (``disposition_ids`` <- ``dispositions[].disposition_id``)."""
    force_new: frozenset[str] = frozenset()
    """API fields that force replacement although the update body lists them."""
    hidden_inputs: frozenset[str] = frozenset()
    """API input fields not offered as arguments (deprecated or owned by another resource)."""
    ordered: frozenset[str] = frozenset()
    """API fields whose list order matters; other lists are compared as sets."""
    merged_lists: Mapping[str, ItemMerge] = field(default_factory=dict)
    """API list fields whose update is item by item (see ``ItemMerge``)."""
    archive_before_delete: str | None = None
    """The DELETE's boolean query parameter that archives the object, where Zoom deletes
    only archived objects (assets: ``archive``): delete sends it first, then the DELETE."""
    delete_query: Mapping[str, DeleteParam] = field(default_factory=dict)
    """Query parameters of the DELETE call -> the delete-time argument that fills them
    (``{"move_to_region_id": DeleteParam("move_users_to_region_id", ...)}``)."""
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

    # ---- derived from the API spec -------------------------------------------------
    @cached_property
    def operations(self) -> tuple[Operation, ...]:
        ops = [self.create_op, self.read_op, self.list_op, self.delete_op]
        if self.update_op is not None:
            ops.append(self.update_op)
        for method, below in (call.operation for call in self.follow_ups):
            ops.append(self.api.op(method, self.item_path + below))
        for removal in (m.removal for m in self.merged_lists.values() if m.removal):
            ops.append(self.api.op("DELETE", removal.path))
        return tuple(ops)

    @cached_property
    def create_fields(self) -> dict[str, FieldSpec]:
        request = self.create_op.request
        if self.create_batch and request is not None:  # the fields of one item of the list
            batch = request.schema_.field(self.create_batch)
            return {f.name: f for f in (batch.items.fields if batch and batch.items else [])}
        return _body_fields(self.create_op)

    @cached_property
    def update_fields(self) -> dict[str, FieldSpec]:
        return _body_fields(self.update_op) if self.update_op is not None else {}

    @cached_property
    def input_fields(self) -> dict[str, FieldSpec]:
        """Arguments: what create accepts, plus what only update accepts (applied after create)."""
        merged = dict(self.create_fields)
        key = self.renames.get(self.natural_key or "", self.natural_key)
        if key in merged and not self.natural_key_optional:  # see create_required
            merged[key] = merged[key].model_copy(update={"required": True})
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
        extra = (*self.extra_inputs, *((CONTENT_HASH,) if self.upload else ()))
        if self.upload and self.upload.nodes:
            extra = (*extra, nodes_input(self.upload.nodes))
        merged.update({e.name: e.field_spec for e in extra})
        for name, rule in derived_rules(self.rules):  # filled in by check() when left out
            if rule.fills_in and name in merged:
                merged[name] = merged[name].model_copy(update={"required": False})
        return {k: v for k, v in sorted(merged.items()) if k not in self.hidden_inputs}

    @cached_property
    def create_required(self) -> frozenset[str]:
        """Body fields a create cannot do without: the ones the create body requires (the
        reference's, and the names ``apispec.required_names`` marks) and the natural key,
        unless ``natural_key_optional`` says otherwise. ``import_id`` adoption needs none of
        them: it reads the object instead (path parents it still needs)."""
        return frozenset(
            name
            for name, node in self.input_fields.items()
            if node.required and name in self.create_fields
        )

    @cached_property
    def non_body_inputs(self) -> frozenset[str]:
        """Arguments no create or update body carries: path parents and delete-time values."""
        return frozenset(self.path_inputs.values()) | frozenset(
            how.argument for how in self.delete_query.values()
        )

    @cached_property
    def output_fields(self) -> dict[str, FieldSpec]:
        """The GET's fields, but those the server stamps on every write (``WRITE_STAMP``)."""
        resp = self.read_op.success_response
        if resp is None or resp.body is None:
            return {}
        return {f.name: f for f in resp.body.schema_.fields if not is_write_stamp(f)}

    @cached_property
    def write_stamps(self) -> tuple[str, ...]:
        """The GET's fields the server sets on every write, left out of the outputs."""
        resp = self.read_op.success_response
        fields = resp.body.schema_.fields if resp is not None and resp.body is not None else []
        return tuple(sorted(f.name for f in fields if is_write_stamp(f)))

    @cached_property
    def replace_fields(self) -> frozenset[str]:
        """API input fields a change of which needs a new object: create takes them, update not."""
        if self.update_op is None:
            return frozenset(self.input_fields)
        derived = {f for f in self.create_fields if f not in self.update_fields}
        derived |= set(self.path_inputs.values())
        derived -= {self.upload.file_field} if self.upload else set()  # content_hash replaces it
        return frozenset((derived | set(self.force_new)) & set(self.input_fields))

    # ---- delete-time arguments -------------------------------------------------------------
    def delete_params(self, inputs: Mapping[str, Any]) -> dict[str, str]:
        """The DELETE's query parameters given by arguments (defaults are the provider's)."""
        return {
            param: str(inputs[how.argument])
            for param, how in self.delete_query.items()
            if inputs.get(how.argument) not in (None, "")
        }

    # ---- naming and docs -----------------------------------------------------------------
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
        if self.upload is not None and api_field == self.upload.nodes:
            return "nothing (shown by preview; `content_hash` carries changes)"
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


def _body_fields(op: Operation | None) -> dict[str, FieldSpec]:
    if op is None or op.request is None or op.request.schema_.type != "object":
        return {}
    return {f.name: f for f in op.request.schema_.fields}


NAME_DESC = ("name", "description")


def renamed(prefix: str, *friendly: str) -> dict[str, str]:
    """``name`` -> ``queue_name`` style renames: the API prefixes most fields with the object."""
    return {f: f"{prefix}_{f}" for f in friendly}
