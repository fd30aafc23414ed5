"""Mapping Zoom's answers to errors and results: messages, not-found codes, bodies,
errors that survive pickling."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime

import pytest

from tests.support.client_calls import FakeZoom, R, make, script
from zoomcc.client import DailyLimitError, NotFoundError, ZoomApiError, ZoomTransportError


def test_error_mapping_and_message() -> None:
    zoom = FakeZoom(R(400, {"code": 1205, "message": "Invalid channel type."}))
    client = make(zoom)
    with pytest.raises(ZoomApiError) as info:
        client.request("POST", "/contact_center/queues", json={}, operation="create_a_queue")
    err = info.value
    assert type(err) is ZoomApiError
    assert (err.status, err.code, err.message) == (400, 1205, "Invalid channel type.")
    assert (err.operation, err.method, err.path) == (
        "create_a_queue",
        "POST",
        "/contact_center/queues",
    )
    assert str(err) == (
        "create_a_queue (POST /contact_center/queues) failed: "
        "HTTP 400, Zoom code 1205: Invalid channel type."
    )
    restored = pickle.loads(pickle.dumps(err))
    assert type(restored) is ZoomApiError and str(restored) == str(err)
    assert restored.code == 1205


def test_error_without_operation_or_json_body() -> None:
    zoom = FakeZoom(R(403, "<html>Forbidden by proxy</html>"))
    client = make(zoom)
    with pytest.raises(ZoomApiError) as info:
        client.request("DELETE", "/contact_center/queues/q1")
    assert str(info.value) == (
        "DELETE /contact_center/queues/q1 failed: HTTP 403: <html>Forbidden by proxy</html>"
    )
    assert info.value.code is None


def test_validation_errors_are_listed() -> None:
    body = {
        "code": 300,
        "message": "Validation Failed.",
        "errors": [{"field": "queue_name", "message": "must not be blank"}],
    }
    client = make(FakeZoom(R(400, body)))
    with pytest.raises(ZoomApiError) as info:
        client.request("POST", "/contact_center/queues", operation="create_a_queue")
    assert str(info.value).endswith("Validation Failed. (queue_name: must not be blank)")
    assert info.value.errors == ({"field": "queue_name", "message": "must not be blank"},)


# (status, Zoom code, the operation's not-found codes, whether it means "gone"). DELETE asset
# documents 404 with 10009 "Asset not found.", 10010 "archive it first" and 10002 "This asset
# is being used." (reference line 3623): only 10009, or a 404 with no code of its own, is gone.
NOT_FOUND_CASES: list[tuple[int, int | None, frozenset[int], bool]] = [
    (404, 10009, frozenset({10009}), True),
    (404, 10010, frozenset({10009}), False),
    (404, 10002, frozenset({10009}), False),
    (404, None, frozenset({10009}), True),
    (404, 404, frozenset({10009}), True),
    (404, 1001, frozenset(), False),
    (400, 2001, frozenset({2001}), True),
    (400, 2001, frozenset({9}), False),
]


@pytest.mark.parametrize(("status", "code", "not_found_codes", "gone"), NOT_FOUND_CASES)
def test_only_documented_not_found_codes_mean_gone(
    status: int, code: int | None, not_found_codes: frozenset[int], gone: bool
) -> None:
    body = {"message": "refused or missing"} if code is None else {"code": code, "message": "x"}
    client = make(FakeZoom(R(status, body)))
    with pytest.raises(ZoomApiError) as info:
        client.request(
            "DELETE",
            "/contact_center/asset_library/assets/a1",
            not_found_codes=not_found_codes,
        )
    assert isinstance(info.value, NotFoundError) is gone
    assert (info.value.status, info.value.code) == (status, code)


def test_success_bodies() -> None:
    client = make(FakeZoom(script(R(204), R(201, b""), R(200, [1, 2]), R(200, "not json"))))
    assert client.request("DELETE", "/x") is None
    assert client.request("POST", "/x") is None
    assert client.request("GET", "/x") == [1, 2]
    with pytest.raises(ZoomApiError, match="not JSON"):
        client.request("GET", "/x")


def test_errors_survive_pickling() -> None:
    reset = datetime(2030, 1, 1, tzinfo=UTC)
    err = DailyLimitError(
        429, 429, "daily", "op", "GET", "/x", retry_after=5.0, limit_type="Daily", reset_at=reset
    )
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is DailyLimitError and back.reset_at == reset and str(back) == str(err)
    terr = ZoomTransportError("ConnectError: x", "op", "GET", "/x", attempts=3)
    assert str(pickle.loads(pickle.dumps(terr))) == str(terr)
