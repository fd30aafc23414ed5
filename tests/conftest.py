"""Shared fixtures: a real emulator on loopback, and a client and config pointed at it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import SecretStr

from zoomcc.client import ClientSettings, ZoomClient
from zoomcc.emulator import EmulatorServer

# The checks against ``../shared`` (the reference and the query facts) are their own CI step;
# a fresh clone has no ``../shared``, so the README's test command never collects them.
collect_ignore = [] if os.environ.get("ZOOMCC_REFERENCE_CHECKS") == "1" else ["reference"]

ACCOUNT_ID = "emulator-account"
CLIENT_ID = "emulator-client"
CLIENT_SECRET = "emulator-secret"


@pytest.fixture(scope="session")
def emulator_server() -> Iterator[EmulatorServer]:
    with EmulatorServer(port=0) as server:
        yield server


@pytest.fixture()
def emulator(emulator_server: EmulatorServer) -> Iterator[EmulatorServer]:
    """The session's emulator, wiped before each test."""
    emulator_server.state.reset()
    yield emulator_server


@pytest.fixture()
def stack_config(emulator: EmulatorServer) -> dict[str, Any]:
    return {
        "zoomcc:accountId": ACCOUNT_ID,
        "zoomcc:clientId": CLIENT_ID,
        "zoomcc:clientSecret": CLIENT_SECRET,
        "zoomcc:baseUrl": emulator.api_base_url,
    }


@pytest.fixture()
def api(emulator: EmulatorServer) -> Iterator[ZoomClient]:
    settings = ClientSettings(
        account_id=ACCOUNT_ID,
        client_id=CLIENT_ID,
        client_secret=SecretStr(CLIENT_SECRET),
        base_url=emulator.api_base_url,
        oauth_url=emulator.oauth_url,
        pacing=False,
    )
    with ZoomClient(settings) as client:
        yield client
