"""Following next_page_token across pages, and refusing a token that does not advance."""

from __future__ import annotations

import httpx
import pytest

from tests.support.client_calls import FakeZoom, R, make


def test_pagination_across_three_pages() -> None:
    pages = {
        "": {"next_page_token": "p2", "queues": [{"id": 1}, {"id": 2}]},
        "p2": {"next_page_token": "p3", "queues": [{"id": 3}]},
        "p3": {"next_page_token": "", "queues": [{"id": 4}]},
    }
    seen: list[dict[str, str]] = []

    def api(request: httpx.Request) -> httpx.Response:
        q = dict(request.url.params)
        seen.append(q)
        return httpx.Response(200, json=pages[q.get("next_page_token", "")])

    zoom = FakeZoom(api)
    client = make(zoom)
    items = list(
        client.paginate(
            "/contact_center/queues", items_key="queues", params={"status": "active"}, page_size=999
        )
    )
    assert [i["id"] for i in items] == [1, 2, 3, 4]
    assert [q.get("next_page_token") for q in seen] == [None, "p2", "p3"]
    assert all(q["page_size"] == "300" and q["status"] == "active" for q in seen)


def test_pagination_stops_on_missing_token_and_refuses_loops() -> None:
    client = make(FakeZoom(R(200, {"users": [{"id": "u"}]})))
    assert list(client.paginate("/users", items_key="users")) == [{"id": "u"}]
    client = make(FakeZoom(R(200, {"users": [], "next_page_token": "same"})))
    with pytest.raises(RuntimeError, match="did not advance"):
        list(client.paginate("/users", items_key="users"))
