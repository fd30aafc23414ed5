"""The shapes of per-resource test data: what to create, what to change in place, what forces
replacement, and what must exist first.

A value ``"@key"`` in an update or a replacing change stands for a prerequisite's value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from zoomcc.client import ZoomClient
from zoomcc.dynamic.resource_api import ResourceApi
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog
from zoomcc.resources.membership import MembershipSpec

Values = dict[str, Any]
Prereq = Callable[[ZoomClient], Values]
"""Parents made through the API client; returns their ids by name."""
Seeding = Callable[[ZoomClient, EmulatorServer], Values]
"""Parents made through the API or seeded in the emulator (users exist in Zoom already)."""


def closed_all_day(name: str, day: str) -> Values:
    """A one-off closure (``closures[]`` item) of the whole ``day`` (``YYYY-MM-DD``, UTC)."""
    start = date.fromisoformat(day)
    return {
        "closure_name": name,
        "closure_hour_type": 1,
        "start_time": f"{start}T00:00:00Z",
        "end_time": f"{start + timedelta(days=1)}T00:00:00Z",
        "recurring_frequency": 0,
    }


def resolve(value: Any, prereqs: Values) -> Any:
    """``"@key"`` stands for a prerequisite's value."""
    if isinstance(value, str) and value.startswith("@"):
        return prereqs[value[1:]]
    return value


def applied(inputs: Values, change: Values, prereqs: Values) -> Values:
    """``inputs`` with ``change`` on top, its ``"@key"`` values resolved."""
    return {**inputs, **{k: resolve(v, prereqs) for k, v in change.items()}}


def deleted_as_the_spec_says(type_name: str) -> Callable[[ZoomClient, str], None]:
    """Deletes an object behind Pulumi's back through ``ResourceApi``, as its spec says the API
    deletes it (archived first, or by id list) where a plain ``DELETE`` cannot."""
    spec = catalog.get_object(type_name)

    def delete(api: ZoomClient, object_id: str) -> None:
        ResourceApi(spec, api).delete(object_id)

    return delete


@dataclass(frozen=True)
class Changes:
    """A resource's inputs (from its prerequisites), its in-place update and its replacing
    change."""

    type_name: str
    inputs: Callable[[Values], Values]
    update: Values
    replace: Values | None = None

    def updated(self, inputs: Values, prereqs: Values) -> Values:
        """``inputs`` with the in-place update applied."""
        return applied(inputs, self.update, prereqs)

    def replaced(self, inputs: Values, prereqs: Values) -> Values:
        """``inputs`` with the replacing change applied."""
        return applied(inputs, self.replace or {}, prereqs)


@dataclass(frozen=True)
class Case(Changes):
    """An object resource (it creates an object of its own in Zoom)."""

    prereq: Prereq | None = None
    extra: Values = field(default_factory=dict)
    delete_out_of_band: Callable[[ZoomClient, str], None] | None = None
    """Deletes the object behind Pulumi's back, where a plain DELETE of its URL does not (no
    single-item DELETE, or archived first)."""


@dataclass(frozen=True)
class SettingsCase(Changes):
    """A settings resource: values of a parent object, which always exists first."""

    prereq: Seeding = field(kw_only=True)


@dataclass(frozen=True)
class MembershipCase:
    """A membership resource: a parent made first, and four distinct members (two declared,
    one added outside Pulumi, one added by the update)."""

    type_name: str
    parent: Callable[[ZoomClient, EmulatorServer], str]
    parent_collection: str | None
    """Where the parent is stored in the emulator (None: no emulated parent, any id works)."""
    members: Callable[[ZoomClient, EmulatorServer], list[Any]]
    extra: Values = field(default_factory=dict)
    """The shared fields the case declares (``assign_type``)."""

    @property
    def spec(self) -> MembershipSpec:
        return catalog.get_kind(self.type_name, MembershipSpec)

    def inputs(self, parent: str, members: list[Any]) -> Values:
        """The parent and the first two members."""
        spec = self.spec
        return {spec.parent_arg: parent, spec.members_field: members[:2], **self.extra}

    def updated(self, inputs: Values, members: list[Any]) -> Values:
        """In place: the first member goes, the fourth comes (the third was added outside)."""
        return {**inputs, self.spec.members_field: [members[1], members[3]]}

    def replaced(self, inputs: Values) -> Values:
        """Another parent: a new resource."""
        return {**inputs, self.spec.parent_arg: "other"}
