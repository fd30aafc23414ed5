"""docs/emulator.md says what the emulator does not check; each such sentence is tried here
against the running emulator, so the page and the emulator cannot drift apart unnoticed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from zoomcc.emulator import EmulatorServer

PAGE = Path(__file__).resolve().parents[2] / "docs" / "emulator.md"
QUEUE = "{queue}"
"""Stands for the id of a queue every case starts with."""


@dataclass(frozen=True)
class Limit:
    """A sentence of the page and the request that shows it true."""

    name: str
    says: str
    method: str
    path: str
    body: dict[str, str]
    status: int


LIMITS = [
    Limit(
        "a user needs no Zoom user with that address",
        "nobody has to exist with that address",
        "POST",
        "/contact_center/users",
        {"user_email": "nobody@nowhere.invalid"},
        201,
    ),
    Limit(
        "a user's address must still look like one",
        "`user_email` must look like an email",
        "POST",
        "/contact_center/users",
        {"user_email": "not-an-address"},
        400,
    ),
    Limit(
        "a user template that does not exist is not refused",
        "an unknown, wrong-type or inactive template (8003, 8004, 8005) is not refused",
        "POST",
        "/contact_center/users",
        {"user_email": "ann@example.com", "template_id": "no-such-template"},
        201,
    ),
    *(
        Limit(
            f"a queue's {field} may name nothing",
            f"`{field}`",
            "PATCH",
            f"/contact_center/queues/{QUEUE}",
            {field: "no-such-object"},
            204,
        )
        for field in (
            "overflow_to_flow_id",
            "overflow_to_inbox_id",
            "overflow_to_goodbye_message_asset_id",
        )
    ),
]


@pytest.mark.parametrize("limit", LIMITS, ids=[limit.name for limit in LIMITS])
def test_what_the_page_says_the_emulator_does_not_check_it_does_not(
    limit: Limit, emulator: EmulatorServer, raw: httpx.Client
) -> None:
    assert limit.says in " ".join(PAGE.read_text(encoding="utf-8").split())
    (queue,) = emulator.state.seed("queues", [{"queue_name": "Support", "channel": "voice"}])
    path = limit.path.replace(QUEUE, str(queue["cc_queue_id"]))
    answer = raw.request(limit.method, path, json=limit.body)
    assert answer.status_code == limit.status, answer.text
