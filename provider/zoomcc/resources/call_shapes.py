"""Where the API is not plain JSON CRUD on one path, the shape of its calls, as data.

Each shape is a field of a resource spec, quoting the reference line it comes from; the
generic provider acts on it (``zoomcc.dynamic.call_shapes``), so a resource with these
irregularities declares them instead of subclassing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from zoomcc.apispec import ApiSpec, FieldSpec, FieldType, Operation

RemoveMode = Literal["item", "body", "query", "none"]


@dataclass(frozen=True)
class Removal:
    """How objects (or members) leave.

    * ``item``: ``DELETE`` on ``path`` whose last placeholder is the member's id;
    * ``body`` / ``query``: one ``DELETE`` on ``path`` with the ids in the JSON body field
      ``ids_field`` (a list) or in the query parameter ``ids_field`` (comma-separated), which
      must be one the operation's body or query contract lists;
    * ``none``: the API cannot remove a member; deleting leaves it where it is.
    """

    mode: RemoveMode
    path: str = ""
    ids_field: str = ""
    max_ids: int | None = None
    live_id: str | None = None
    """Remove by this field of the listed member rather than by the declared value (DNC
    phones are added by number but removed by ``phone_id``)."""

    def request(self, ids: list[str]) -> tuple[dict[str, Any] | None, dict[str, str]]:
        """The JSON body and the query of one ``body`` or ``query`` call removing ``ids``."""
        if self.mode == "body":
            return {self.ids_field: ids}, {}
        return None, {self.ids_field: ",".join(ids)}  # arrays go comma-separated


@dataclass(frozen=True)
class Newest:
    """A value read from the live object: the highest ``item`` among its ``listed`` (a
    flow's newest ``flow_version`` among its ``flow_versions``)."""

    listed: str
    item: str


@dataclass(frozen=True)
class FromInput:
    """A declared input's value, capitalised where the call's enum is (``Draft``...)."""

    field: str
    capitalize: bool = False


@dataclass(frozen=True)
class FollowUp:
    """A call made after create, update and adoption, asked for by an input no create or
    update body carries (a campaign's status, a flow's ``publish``)."""

    operation: tuple[str, str]
    """(method, path below the item path): ``("PUT", "/publish")``."""
    when: str
    """The input (API name) that asks for the call: a truthy value, or with ``if_differs``
    one the live object's field of that name does not already hold (case aside)."""
    body: Mapping[str, FromInput | Newest] = field(default_factory=dict)
    query: Mapping[str, FromInput | Newest] = field(default_factory=dict)
    if_differs: bool = False


@dataclass(frozen=True)
class ExtraInput:
    """An argument no API body carries: it asks for a follow-up call (``publish``), holds
    what check() computes (``content_hash``), or makes an output settable (a campaign's
    status: ``like_output``, the output field with this enum and description)."""

    name: str
    description: str
    type: FieldType = "string"
    enum: tuple[str, ...] = ()
    like_output: bool = False

    def field_spec(self, outputs: Mapping[str, FieldSpec]) -> FieldSpec:
        changes: dict[str, Any] = {"description": self.description}
        if self.enum:
            changes["enum"] = list(self.enum)
        if self.like_output:
            return outputs[self.name].model_copy(
                update={**changes, "required": False, "default": None}
            )
        return FieldSpec(name=self.name, type=self.type, **changes)


@dataclass(frozen=True)
class Upload:
    """A create (and, where its body carries the files, update) sent as multipart form data,
    the files named by local paths or ``pulumi.FileAsset``. check() records their SHA-256 in
    ``content_hash``, so diff sees changed content behind an unchanged path, never a moved
    file. A top-level file field (``flow_file``) is not diffed itself and forces nothing."""

    files: str
    """The field holding the paths: ``flow_file``, or ``asset_items[].upload_file`` for a
    field of each list item (sent as ``asset_items[<i>].upload_file`` parts)."""
    canonical_json: bool = False
    """Hash the file's JSON re-dumped with sorted keys, compact, so reformatting is no change."""
    parts: Mapping[str, str] = field(default_factory=dict)
    """Parts every create sends (``{"import_mode": "new"}``)."""
    new_version_parts: Mapping[str, str] = field(default_factory=dict)
    """Parts that make the create call import changed content as a new version of the same
    object (``{"import_mode": "version"}``); empty: the update body carries the files."""
    item_key: str = ""
    """The list items' field that hashes them in order and matches them to the live ones."""
    item_id: str = ""
    """The live items' id, sent back with the update so matched items are kept."""
    stale_items: Removal | None = None
    """How live items no longer declared are removed after the update."""

    @property
    def list_field(self) -> str | None:
        """``asset_items`` for ``asset_items[].upload_file``; None for a top-level field."""
        head, sep, _ = self.files.partition("[].")
        return head if sep else None

    @property
    def file_field(self) -> str:
        return self.files.rpartition(".")[2]


CONTENT_HASH = ExtraInput(
    "content_hash",
    "The SHA-256 of the uploaded content, computed by the provider during check; leave "
    "it unset.",
)
"""The input every ``Upload`` adds."""


def extra_inputs(
    inputs: tuple[ExtraInput, ...], upload: Upload | None, outputs: Mapping[str, FieldSpec]
) -> dict[str, FieldSpec]:
    """The argument fields of a spec's extra inputs and its upload's ``content_hash``."""
    extra = (*inputs, CONTENT_HASH) if upload is not None else inputs
    return {e.name: e.field_spec(outputs) for e in extra}


def batch_item_fields(holder: FieldSpec | None) -> dict[str, FieldSpec]:
    """The fields of one item of a batch create's list (``ip_address_block_list_rules``)."""
    if holder is None or holder.items is None:
        return {}
    return {f.name: f for f in holder.items.fields}


def call_operations(
    api: ApiSpec, item_path: str, follow_ups: tuple[FollowUp, ...], upload: Upload | None
) -> list[Operation]:
    """The operations the shapes add to a resource's own: follow-ups, stale-item removal."""
    ops = [api.op(method, item_path + below) for method, below in (f.operation for f in follow_ups)]
    if upload is not None and upload.stale_items is not None:
        ops.append(api.op("DELETE", upload.stale_items.path))
    return ops
