"""Reading memberships and settings: for every exported parent, its members (per shared
value such as ``assign_type``) and the settings its read calls show."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from zoomcc.client import ZoomApiError, ZoomClient
from zoomcc.dynamic.members import as_declared
from zoomcc.dynamic.values import normalize
from zoomcc.exporter.exported import ExportedObject, Progress, no_progress
from zoomcc.exporter.reading import Unreadable, refusal
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.membership import MembershipSpec
from zoomcc.resources.settings import SettingsPart, SettingsSpec

COVERED_BY_OBJECT = {"TeamParent": "Team"}
"""Settings an exported object already carries: a ``Team``'s ``parent_team_id`` is its
place in the tree, so no ``TeamParent`` is exported for it."""


APPLIES_TO: dict[str, Callable[[ExportedObject], bool]] = {
    # Get a queue's interrupt settings, error 1205: "Queue channel type is invalid. Only
    # voice queues support interrupt settings." Another queue has none: nothing to read.
    "QueueInterruptSettings": lambda queue: queue.live.get("channel") in (None, "voice"),
}
"""Settings only some parents can have: the others are not asked (nor noted as unread)."""


def _filter_values(spec: MembershipSpec) -> Iterator[dict[str, Any]]:
    """Each combination of the list's filters (``assign_type``: inbound, outbound)."""
    choices = []
    for name in spec.list_filters:
        field = spec.add_fields[name]
        choices.append(list(field.enum or [field.default]))
    for combo in itertools.product(*choices):
        yield dict(zip(spec.list_filters, combo, strict=True))


def _listed(
    client: ZoomClient, spec: MembershipSpec, parent: ExportedObject, filters: dict[str, Any]
) -> list[dict[str, Any]]:
    """The parent's members: from the parent as already read where the members' list is the
    parent's own GET (a queue's ``teams``), else through the list call."""
    own = getattr(parent.spec, "item_path", None)
    if spec.list_path and spec.list_path == own and not filters:
        held = parent.live.get(spec.list_key)
        if isinstance(held, list):
            return [dict(item) for item in held if isinstance(item, dict)]
    listed = client.list(
        spec.list_op,
        spec.members_url(parent.object_id),
        spec.list_key,
        {k: v for k, v in filters.items() if v is not None} or None,
    )
    return [dict(normalize(item)) for item in listed]


def _part_values(spec: SettingsSpec, part: SettingsPart, got: dict[str, Any]) -> dict[str, Any]:
    values = {}
    for name in spec.part_inputs(part):
        value = got.get(part.read_back.get(name, name))
        if value is not None:
            values[name] = value
    return values


@dataclass(frozen=True)
class OnParentReader:
    """Reads the memberships and settings on exported parents through one client. A parent
    the account refuses them for (a feature it lacks) is noted in ``unreadable`` and passed
    over; any other failure stops the export."""

    client: ZoomClient
    unreadable: Unreadable
    progress: Progress = no_progress

    def read(
        self, spec: MembershipSpec | SettingsSpec, parents: list[ExportedObject]
    ) -> list[ExportedObject]:
        """The resources of type ``spec`` on ``parents``."""
        if isinstance(spec, MembershipSpec):
            return self._memberships(spec, parents)
        return self._settings(spec, parents)

    def _memberships(
        self, spec: MembershipSpec, parents: list[ExportedObject]
    ) -> list[ExportedObject]:
        """One resource per parent (and per filter value) that has members."""
        found: list[ExportedObject] = []
        self._progress(spec, found)
        for parent in parents:
            for filters in _filter_values(spec):
                try:
                    members = as_declared(spec, _listed(self.client, spec, parent, filters))
                except ZoomApiError as exc:
                    self._note_refusal(spec, parent, "cannot list", exc)
                    continue
                if not members:
                    continue
                inputs = {spec.members_field: members, **filters}
                found.append(_on(parent, spec, map(str, filters.values()), inputs))
                self._progress(spec, found)
        return found

    def _settings(self, spec: SettingsSpec, parents: list[ExportedObject]) -> list[ExportedObject]:
        """One resource per parent (per row, for settings kept per user) that has values; the
        write-only parts are left to the program's notes (``unreadable_parts``)."""
        if COVERED_BY_OBJECT.get(spec.name) in {p.spec.name for p in parents}:
            return []
        found: list[ExportedObject] = []
        self._progress(spec, found)
        applies = APPLIES_TO.get(spec.name, lambda _parent: True)
        for parent in filter(applies, parents):
            try:
                rows = _setting_rows(self.client, spec, parent)
            except ZoomApiError as exc:
                self._note_refusal(spec, parent, "cannot read", exc)
                continue
            for row in rows:
                keys = [str(row.get(k, "")) for part in spec.parts for k in part.key_fields]
                found.append(_on(parent, spec, keys, row))
            self._progress(spec, found)
        return found

    def _progress(self, spec: BaseSpec, found: list[ExportedObject]) -> None:
        self.progress(spec.name, len(found), self.client.stats.total_requests)

    def _note_refusal(
        self, spec: BaseSpec, parent: ExportedObject, doing: str, exc: ZoomApiError
    ) -> None:
        if not refusal(exc):
            raise exc
        self.unreadable.append((spec.name, parent.object_id, f"{doing}: {exc.message}"))


def _on(
    parent: ExportedObject,
    spec: MembershipSpec | SettingsSpec,
    keys: Iterable[str],
    inputs: dict[str, Any],
) -> ExportedObject:
    """The resource of ``spec`` on ``parent``, keyed by ``keys`` besides the parent."""
    key = ":".join([spec.name, parent.object_id, *keys])
    inputs = {spec.parent_arg: parent.object_id, **inputs}
    return ExportedObject(spec, key, inputs, parent_id=parent.object_id)


def _setting_rows(
    client: ZoomClient, spec: SettingsSpec, parent: ExportedObject
) -> list[dict[str, Any]]:
    """The values the read calls show on ``parent``: one row, or one per listed item for
    settings kept per user."""
    rows: list[dict[str, Any]] = [{}]
    for part in spec.parts:
        if part.read_path is None:
            continue
        op = spec.api.op("GET", part.read_path)
        url = spec.url(part.read_path, parent.object_id)
        if part.read_list_key is None:
            got = dict(normalize(client.call(op, url) or {}))
            rows = [{**row, **_part_values(spec, part, got)} for row in rows]
            continue
        listed = client.list(op, url, part.read_list_key)
        body_field, *row_fields = part.row_match
        rows = [
            {**row, **_part_values(spec, part, item), body_field: item[row_fields[0]]}
            for row in rows
            for item in map(normalize, listed)
            if item.get(row_fields[0])
        ]
    return rows


def unreadable_parts(spec: SettingsSpec) -> list[str]:
    """The arguments of ``spec`` no read call shows (write-only in the API)."""
    return [n for part in spec.parts if part.read_path is None for n in spec.part_inputs(part)]
