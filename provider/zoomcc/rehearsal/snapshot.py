"""`zoomcc snapshot`: an account read whole, read-only, in the API's own JSON shapes.

The snapshot is what the emulator loads (``zoomcc emulator --snapshot``), so it speaks the
API's language, not the provider's: objects as their GET shows them, per collection path;
members as the member list shows them, per membership path and parent id; settings as their
GET shows them, per settings path and parent id. The emulator reads it without the
provider's specs. Reads go through `zoomcc export`'s reader (the same pacing and pool).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from zoomcc.client import ZoomApiError, ZoomClient
from zoomcc.dynamic.values import normalize
from zoomcc.exporter.account import READERS
from zoomcc.exporter.exported import ExportedObject, Progress, no_progress
from zoomcc.exporter.on_parents import APPLIES_TO
from zoomcc.exporter.reading import ObjectReader, refusal
from zoomcc.resources import catalog
from zoomcc.resources.membership import MembershipSpec
from zoomcc.resources.settings import SettingsSpec
from zoomcc.resources.spec import ResourceSpec

FORMAT = "zoomcc-snapshot"
VERSION = 1

Json = Any  # JSON values as the API sends them
ByParent = dict[str, Json]
"""Parent id -> what was read under it (``""`` for top-level collections)."""


@dataclass
class Snapshot:
    """One account as the API lists it. Every key is an API path template."""

    objects: dict[str, dict[str, list[Json]]] = field(default_factory=dict)
    """``/contact_center/queues`` -> {"": [queue GET bodies]};
    ``/contact_center/address_books/{addressBookId}/contacts`` -> {book id: [contacts]}."""
    members: dict[str, dict[str, list[Json]]] = field(default_factory=dict)
    """``/contact_center/queues/{queueId}/agents`` -> {queue id: [listed members]}."""
    settings: dict[str, ByParent] = field(default_factory=dict)
    """``/contact_center/queues/{queueId}/operating_hours`` -> {queue id: the GET body}."""
    unreadable: list[tuple[str, str, str]] = field(default_factory=list)
    """(type, id or ``*``, why): what the account refused to list (a feature it lacks)."""
    counts: dict[str, int] = field(default_factory=dict)
    """Objects (members, settings) read per type: ``{"Queue": 12, "QueueAgents": 3}``."""
    account: str = ""
    """Which account: the base URL, and the profile name when it is one."""
    taken_at: str = ""
    """UTC time the reads began, ``2026-12-06T12:00:00Z``."""
    requests: int = 0
    """API requests the reads needed (token requests included)."""

    def to_json(self) -> dict[str, Json]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "account": self.account,
            "taken_at": self.taken_at,
            "requests": self.requests,
            "counts": dict(sorted(self.counts.items())),
            "unreadable": [list(u) for u in self.unreadable],
            "objects": self.objects,
            "members": self.members,
            "settings": self.settings,
        }

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1, sort_keys=False) + "\n", "utf-8")


def take_snapshot(
    client: ZoomClient, progress: Progress = no_progress, account: str = ""
) -> Snapshot:
    """Every object, membership and setting of the account the client reaches, read with GETs
    only. A type the account refuses to list is noted in ``unreadable`` and skipped."""
    snap = Snapshot(account=account, taken_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    on_parent_specs = [s for s in catalog.ALL if isinstance(s, MembershipSpec | SettingsSpec)]
    with (
        ThreadPoolExecutor(READERS) as pool,
        ThreadPoolExecutor(max(len(on_parent_specs), 1)) as on_parents,
    ):
        reader = ObjectReader(client, progress, pool)
        found: dict[str, list[ExportedObject]] = {}
        reads: list[Future[None]] = []
        for spec in catalog.OBJECTS:
            found[spec.name] = reader.read(spec, snap.unreadable)
            _keep_objects(snap, spec, found[spec.name])
            for on_parent in on_parent_specs:  # read on their parents while objects go on
                if on_parent.parent_type == spec.name:
                    reads.append(
                        on_parents.submit(
                            _read_on_parent, client, snap, on_parent, found[spec.name], progress
                        )
                    )
        for on_parent in on_parent_specs:
            if on_parent.parent_type not in catalog.BY_NAME:
                snap.unreadable.append((on_parent.name, "*", "no call lists their parents"))
        for read in reads:
            read.result()
    snap.requests = client.stats.total_requests
    return snap


def _keep_objects(snap: Snapshot, spec: ResourceSpec, objects: Iterable[ExportedObject]) -> None:
    """The objects under their collection path, grouped by the parent in their path."""
    parent_argument = next(iter(spec.path_inputs.values()), None)
    by_parent = snap.objects.setdefault(spec.collection_path, {})
    count = 0
    for obj in objects:
        body = dict(obj.live)
        parent = str(body.get(parent_argument, "")) if parent_argument else ""
        by_parent.setdefault(parent, []).append(body)
        count += 1
    snap.counts[spec.name] = count


def _read_on_parent(
    client: ZoomClient,
    snap: Snapshot,
    spec: MembershipSpec | SettingsSpec,
    parents: list[ExportedObject],
    progress: Progress,
) -> None:
    read = 0
    progress(spec.name, 0, client.stats.total_requests)
    applies = APPLIES_TO.get(spec.name, lambda _parent: True)
    for parent in filter(applies, parents):
        try:
            if isinstance(spec, MembershipSpec):
                listed = _members(client, spec, parent)
                if listed:
                    snap.members.setdefault(spec.add_path, {})[parent.object_id] = listed
                    read += 1
            else:
                for path, body in _settings(client, spec, parent).items():
                    snap.settings.setdefault(path, {})[parent.object_id] = body
                    read += 1
        except ZoomApiError as exc:
            if not refusal(exc):
                raise
            snap.unreadable.append((spec.name, parent.object_id, exc.message))
        progress(spec.name, read, client.stats.total_requests)
    snap.counts[spec.name] = read


def _members(client: ZoomClient, spec: MembershipSpec, parent: ExportedObject) -> list[Json]:
    """The parent's members as the list shows them, once per value of each list filter
    (``assign_type``), each item carrying the filter values it was listed under."""
    own = getattr(parent.spec, "item_path", None)
    if spec.list_path and spec.list_path == own and not spec.list_filters:
        held = parent.live.get(spec.list_key)  # a queue's teams are in its own GET
        return [dict(i) for i in held if isinstance(i, dict)] if isinstance(held, list) else []
    found: list[Json] = []
    for filters in _filter_values(spec):
        params = {k: v for k, v in filters.items() if v is not None} or None
        url = spec.members_url(parent.object_id)
        for item in client.list(spec.list_op, url, spec.list_key, params):
            found.append({**(params or {}), **normalize(item)})
    return found


def _filter_values(spec: MembershipSpec) -> list[dict[str, Json]]:
    combos: list[dict[str, Json]] = [{}]
    for name in spec.list_filters:
        choices = spec.add_fields[name].enum or [spec.add_fields[name].default]
        combos = [{**c, name: v} for c in combos for v in choices]
    return combos


def _settings(client: ZoomClient, spec: SettingsSpec, parent: ExportedObject) -> dict[str, Json]:
    """Each readable part's GET body (or listed items) on the parent, by its path; a part
    read from the parent's own GET (a team's parent) is in the parent's body already."""
    bodies: dict[str, Json] = {}
    own = getattr(parent.spec, "item_path", None)
    for part in spec.parts:
        if part.read_path is None or part.read_path == own:
            continue
        op = spec.api.op("GET", part.read_path)
        url = spec.url(part.read_path, parent.object_id)
        if part.read_list_key is None:
            bodies[part.read_path] = normalize(client.call(op, url) or {})
        else:
            bodies[part.read_path] = [
                normalize(i) for i in client.list(op, url, part.read_list_key)
            ]
    return bodies
