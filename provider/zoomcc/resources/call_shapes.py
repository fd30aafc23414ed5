"""Where the API is not plain JSON CRUD on one path, the shape of its calls, as data.

Each shape is a field of a resource spec, quoting the reference line it comes from; the
generic provider acts on it (``zoomcc.dynamic.call_shapes``), so a resource with these
irregularities declares them instead of subclassing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from zoomcc.apispec import FieldSpec, FieldType
from zoomcc.resources.removal import Removal


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
    update body carries (a campaign's status, a flow's ``publish``): ``operation`` is
    (method, path below the item path); ``when`` the input (API name) that asks for it, by a
    truthy value or, with ``if_differs``, one the live object's field of that name does not
    already hold (case aside)."""

    operation: tuple[str, str]
    when: str
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
    file. A top-level file field (``flow_file``) is not diffed itself and forces nothing.

    ``files`` is ``flow_file``, or ``asset_items[].upload_file`` for a field of each list
    item. List items are hashed in ``item_key`` order and matched by it to the live ones,
    whose ``item_id`` the update sends back; live items no longer declared leave by
    ``stale_items``. ``parts`` go with every create (``import_mode=new``);
    ``new_version_parts`` make the create import changed content as a new version of the
    same object (empty: the update body carries the files)."""

    files: str
    canonical_json: bool = False
    """Hash the file's JSON re-dumped with sorted keys, compact, so reformatting is no change."""
    parts: Mapping[str, str] = field(default_factory=dict)
    new_version_parts: Mapping[str, str] = field(default_factory=dict)
    item_key: str = ""
    item_id: str = ""
    stale_items: Removal | None = None

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
    "The SHA-256 of the uploaded content, computed by the provider during check; leave it unset.",
)
"""The input every ``Upload`` adds."""
