"""Where the API is not plain JSON CRUD on one path, the shape of its calls, as data.

Each shape is a field of a resource spec, quoting the reference line it comes from; the
generic provider acts on it (``zoomcc.dynamic.call_shapes``, ``zoomcc.dynamic.uploads``),
so a resource with these irregularities declares them instead of subclassing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from zoomcc.apispec import FieldSpec, FieldType


@dataclass(frozen=True)
class Newest:
    """A value read from the live object: the highest ``item`` among its ``listed``."""

    listed: str
    """The live object's list (``flow_versions``)."""
    item: str
    """The number field of its items whose highest value is meant (``flow_version``)."""

    def among(self, live: Mapping[str, Any]) -> int | None:
        """The highest ``item`` the live object lists; None if it lists none."""
        found = [v.get(self.item) for v in live.get(self.listed) or [] if isinstance(v, dict)]
        return max((int(v) for v in found if isinstance(v, int | float)), default=None)

    def newest(self, live: Mapping[str, Any]) -> Mapping[str, Any] | None:
        """The listed item holding the highest ``item``; None if none holds one."""
        highest = self.among(live)
        for v in live.get(self.listed) or []:
            if highest is not None and isinstance(v, dict) and v.get(self.item) == highest:
                return v
        return None


@dataclass(frozen=True)
class NewestHolds:
    """The live object's newest listed item already holds ``value`` in ``field`` (a flow
    whose newest version is ``published``)."""

    newest: Newest
    """Which item is the newest (``flow_versions`` by ``flow_version``)."""
    field: str
    """The item's field (``flow_version_status``)."""
    value: str
    """The value meaning the call has nothing left to do (``published``)."""

    def met(self, live: Mapping[str, Any]) -> bool:
        item = self.newest.newest(live)
        return item is not None and item.get(self.field) == self.value


@dataclass(frozen=True)
class FromInput:
    """A declared input's value."""

    field: str
    """The input's API name (``outbound_campaign_status``)."""
    capitalize: bool = False
    """Sent capitalised where the call's enum is (``ready`` goes as ``Ready``)."""


@dataclass(frozen=True)
class FollowUp:
    """A call made after create, update and adoption, asked for by an input no create or
    update body carries (a campaign's status, a flow's ``publish``)."""

    operation: tuple[str, str]
    """Method and path below the item path (``("PUT", "/publish")``)."""
    when: str
    """The input (API name) asking for the call by a truthy value (``publish``)."""
    body: Mapping[str, FromInput | Newest] = field(default_factory=dict)
    """The call's JSON body (``{"status": FromInput("outbound_campaign_status", True)}``)."""
    query: Mapping[str, FromInput | Newest] = field(default_factory=dict)
    """The call's query (``{"flow_version": Newest("flow_versions", "flow_version")}``)."""
    if_differs: bool = False
    """Call only when the live field named ``when`` holds another value, case aside (a
    campaign already ``ready`` is not set ready again)."""
    done_when: NewestHolds | None = None
    """Skip the call when the live object already is as the call would leave it (a flow
    whose newest version is published is not published again: adopting it writes nothing)."""


@dataclass(frozen=True)
class ExtraInput:
    """An argument no API body carries: it asks for a follow-up call (``publish``, a
    campaign's status) or holds what check() computes (``content_hash``)."""

    name: str
    """The argument's API name (``publish``)."""
    description: str
    """Its documentation (``"Publish the flow after each import or update."``)."""
    type: FieldType = "string"
    """Its type (``boolean``)."""
    enum: tuple[str, ...] = ()
    """Its allowed values (``("draft", "ready", "paused", "running")``)."""

    @property
    def field_spec(self) -> FieldSpec:
        enum: list[str | int] | None = list(self.enum) or None
        return FieldSpec(name=self.name, type=self.type, description=self.description, enum=enum)


@dataclass(frozen=True)
class NewVersion:
    """Changed content imported by the create call as a new version of the object: should
    it land on another object, that one is deleted and the update fails with ``hint``."""

    parts: Mapping[str, str]
    """Form values that make the create a version import (``{"import_mode": "version"}``)."""
    refusal: int
    """The code refusing it where no object matches (``3202``, "The flow name already
    exists.": the import tried a new flow)."""
    hint: str
    """The way out of either failure (``"declare a new resource ..."``)."""


@dataclass(frozen=True)
class Upload:
    """A create (and an update whose operation is a form) sent as multipart form data, the
    files named by local paths or ``pulumi.FileAsset``. check() records their SHA-256 in
    ``content_hash``, so diff sees changed content behind an unchanged path, never a moved
    file; a top-level file field is not diffed itself."""

    file_field: str
    """The file's form field (``flow_file``; an asset item's ``upload_file``)."""
    in_list: str | None = None
    """The list whose items carry the file (``asset_items``): its items are hashed in the
    order of, and sent with the live ids matched by, its ``ItemMerge``."""
    canonical_json: bool = False
    """Hash the file's JSON re-dumped with sorted keys, compact: reformatting is no change."""
    nodes: str | None = None
    """The argument check() fills with the file's JSON nodes keyed by id (``flow_nodes``,
    see ``flow_content.nodes``): a preview's diff of it names the nodes a changed file adds,
    removes or changes, and the state keeps what was deployed (``zoomcc review`` reads it)."""
    parts: Mapping[str, str] = field(default_factory=dict)
    """Form values every create sends (``{"import_mode": "new"}``)."""
    new_version: NewVersion | None = None
    """How the create imports changed content into the same object; None where the update
    carries the files."""


CONTENT_HASH = ExtraInput(
    "content_hash",
    "The SHA-256 of the uploaded content, computed by the provider during check; leave it unset.",
)
"""The input every ``Upload`` adds."""


def nodes_input(name: str) -> ExtraInput:
    """The input an ``Upload`` with ``nodes`` adds (not diffed: ``content_hash`` is)."""
    return ExtraInput(
        name,
        "The file's JSON nodes keyed by id (every object in a list that has an `id`), filled "
        "in by the provider during check so that `pulumi preview --diff` shows which nodes a "
        "changed file adds, removes or changes; leave it unset.",
        type="object",
    )
