"""Memberships and settings read from the API spec: how members are listed and removed, and
what a restored setting looks like on the wire."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from zoomcc.apispec import Operation
from zoomcc.client.pagination import iter_items
from zoomcc.dynamic.settings import SettingsProvider, restore_value
from zoomcc.resources import catalog
from zoomcc.resources.areas.queues import QUEUE_INTERRUPT_SETTINGS
from zoomcc.resources.membership import MembershipSpec
from zoomcc.resources.spec import ResourceSpec

MEMBERSHIPS = [s for s in catalog.ALL if isinstance(s, MembershipSpec)]
BULK_REMOVALS = [s for s in MEMBERSHIPS if s.removal.mode in ("query", "body")]


@pytest.mark.parametrize("spec", BULK_REMOVALS, ids=[s.name for s in BULK_REMOVALS])
def test_a_bulk_removal_names_its_ids_as_the_operation_takes_them(spec: MembershipSpec) -> None:
    op = spec.remove_op
    assert op is not None
    if spec.removal.mode == "query":
        taken = {q.name for q in op.query}
    else:
        taken = {f.name for f in op.request.schema_.fields} if op.request else set()
    assert spec.removal.ids_field in taken
    # Where the removal takes the very ids the add takes (`cc_queue_ids`, not the legacy
    # `queue_ids`), the members leave under that name.
    if spec.members_field in taken:
        assert spec.removal.ids_field == spec.members_field


BULK_DELETES = [s for s in catalog.ALL if isinstance(s, ResourceSpec) and s.delete_by_ids]


@pytest.mark.parametrize("spec", BULK_DELETES, ids=[s.name for s in BULK_DELETES])
def test_a_bulk_delete_names_its_ids_as_the_operation_takes_them(spec: ResourceSpec) -> None:
    """Inboxes: ``?inbox_ids=``; block-list rules: a body list."""
    op = spec.delete_op
    body = {f.name for f in op.request.schema_.fields} if op.request else set()
    removal = spec.delete_by_ids
    assert removal is not None and removal.mode in ("query", "body")  # one of the two
    assert removal.mode != "query" or op.query_param(removal.ids_field) is not None
    assert removal.mode != "body" or removal.ids_field in body


NOT_PAGED = {"QueueTeams", "InboxQueues", "FlowEntryPoints"}
"""Lists without ``page_size``/``next_page_token`` in their query contract."""


@pytest.mark.parametrize("spec", MEMBERSHIPS, ids=[s.name for s in MEMBERSHIPS])
def test_a_member_list_pages_only_where_its_query_contract_says_so(spec: MembershipSpec) -> None:
    assert spec.list_pages == (spec.name not in NOT_PAGED)


@pytest.mark.parametrize(
    ("name", "filters"),
    [("QueueDispositions", ("assign_type",)), ("QueueDispositionSets", ("assign_type",))],
)
def test_a_shared_field_the_list_and_removal_take_picks_the_members(
    name: str, filters: tuple[str, ...]
) -> None:
    spec = catalog.get(name)
    assert isinstance(spec, MembershipSpec)
    assert spec.list_filters == filters and spec.remove_filters == filters


# ---- settings ---------------------------------------------------------------------------

_INTERRUPT = QUEUE_INTERRUPT_SETTINGS.body_fields(QUEUE_INTERRUPT_SETTINGS.parts[0])

RESTORED = [
    (
        "audio_interrupts",
        # As the state hands them back: every number a float, and read-only fields.
        [
            {
                "audio_asset_id": "a1",
                "audio_filename": "hold.mp3",
                "is_loop": True,
                "play_after_seconds": 30.0,
                "loop_interval": 45.0,
            }
        ],
        [{"audio_asset_id": "a1", "is_loop": True, "play_after_seconds": 30, "loop_interval": 45}],
    ),
    (
        "notify_interrupts",
        {
            "is_loop": False,
            "play_after_seconds": 60.0,
            "notify_position_in_queue": {
                "custom_audio_type": "default",
                "custom_audio": [{"order": 1.0, "audio_asset_id": "a2"}],
                "over_limit_custom_audio": [],
            },
        },
        {
            "is_loop": False,
            "play_after_seconds": 60,
            "notify_position_in_queue": {
                "custom_audio_type": "default",
                "custom_audio": [{"order": 1, "audio_asset_id": "a2"}],
                "over_limit_custom_audio": [],
            },
        },
    ),
]


def _integers(value: Any) -> list[Any]:
    """Every number inside ``value``, to tell ``45`` from ``45.0`` (which compare equal)."""
    if isinstance(value, dict):
        return [n for v in value.values() for n in _integers(v)]
    if isinstance(value, list):
        return [n for v in value for n in _integers(v)]
    return [value] if isinstance(value, int | float) and not isinstance(value, bool) else []


@pytest.mark.parametrize(("field", "previous", "body"), RESTORED, ids=[r[0] for r in RESTORED])
def test_a_restored_setting_sends_integers_as_integers_at_every_depth(
    field: str, previous: Any, body: Any
) -> None:
    restored = restore_value(_INTERRUPT[field], previous)
    assert restored == body
    assert all(type(n) is int for n in _integers(restored))


class PagedNotifications:
    """``GET .../email_notifications`` two rows a page, as Zoom pages any long listing."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.queries: list[dict[str, Any]] = []

    def request(self, method: str, path: str, *, params: Any = None, **_: Any) -> Any:
        assert (method, path) == ("GET", "/contact_center/inboxes/vm/email_notifications")
        query = dict(params or {})
        self.queries.append(query)
        start = int(query.get("next_page_token") or 0)
        more = start + 2 < len(self.rows)
        return {
            "email_notifications": self.rows[start : start + 2],
            "next_page_token": str(start + 2) if more else "",
        }

    def call(self, op: Operation, url: str, *, params: Any = None, **_: Any) -> Any:
        return self.request(op.method, url, params=params)

    def list(
        self, op: Operation, url: str, items_key: str, params: Any = None, **_: Any
    ) -> Iterator[dict[str, Any]]:
        """The client's own paging over this scripted answer."""
        return iter_items(
            lambda query: self.call(op, url, params=query), items_key=items_key, params=params
        )


def test_an_email_notification_is_found_on_any_page(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [
        {"user_id": f"u{i}", "user_email": f"u{i}@example.com", "email_notification": i == 4}
        for i in range(5)
    ]
    zoom = PagedNotifications(rows)
    monkeypatch.setattr(SettingsProvider, "client", property(lambda _self: zoom))
    provider = SettingsProvider("InboxEmailNotification")

    declared = {"inbox_id": "vm", "user_id": "u4@example.com", "email_notification": False}
    outs = provider.read("vm", declared).outs  # the user's row is on the third page

    assert outs is not None and outs["email_notification"] is True
    assert [q.get("next_page_token") for q in zoom.queries] == [None, "2", "4"]
    assert all("page_size" in q for q in zoom.queries)
