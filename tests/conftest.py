"""Shared fixtures: a real emulator on loopback, and a client and config pointed at it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from zoomcc.apispec import contract
from zoomcc.client import ClientSettings, ZoomClient
from zoomcc.emulator import EmulatorServer

# The checks against ``../shared`` (the reference and the query facts) are their own CI step;
# a fresh clone has no ``../shared``, so the README's test command never collects them.
collect_ignore = [] if os.environ.get("ZOOMCC_REFERENCE_CHECKS") == "1" else ["reference"]

# Every request that breaks the API's contract is logged here, by this process and by every
# provider process the engine starts (they inherit the environment), so a violation fails the
# test that caused it even where a provider swallowed the error.
CONTRACT_LOG = Path(tempfile.gettempdir()) / f"zoomcc-contract-{os.getpid()}.log"
os.environ[contract.LOG_ENV] = str(CONTRACT_LOG)


@pytest.fixture(autouse=True)
def no_contract_violations(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail the test during which any request broke the contract (unless it is marked
    ``contract_violations``: it provokes them on purpose)."""
    contract.take_recorded()
    CONTRACT_LOG.write_text("", encoding="utf-8")
    yield
    contract.take_recorded()
    seen = CONTRACT_LOG.read_text(encoding="utf-8").splitlines()
    if seen and request.node.get_closest_marker("contract_violations") is None:
        pytest.fail("requests the real API would refuse:\n" + "\n".join(sorted(set(seen))))


WORKERS_PER_CPU = 2
"""Parallel workers per CPU for ``-n auto`` (pyproject.toml's ``addopts``): more than one,
because an engine test spends most of its time waiting on the engine's own processes."""


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """How many workers ``-n auto`` starts: ``PYTEST_XDIST_AUTO_NUM_WORKERS`` if set, else
    :data:`WORKERS_PER_CPU` for each CPU this process may use."""
    chosen = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS")
    return int(chosen) if chosen else WORKERS_PER_CPU * len(os.sched_getaffinity(0))


ENGINE_TIERS = ("e2e", "reliability")
"""The test folders whose tests run the real Pulumi engine."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that runs the engine ``e2e`` (those of the engine tiers, and any that
    asks for the ``engine`` fixture), so ``-m "not e2e"`` is the fast tier by construction.

    In a parallel run (a pytest-xdist worker) the engine's tests go first, in the random order
    pytest-randomly gave them, and the quick tests after: handed out one or two at a time
    (``--maxschedchunk``), the long ones start early on every worker and the quick ones fill
    the gaps, instead of one worker ending the run alone on a queue of engine tests."""
    tests = Path(__file__).parent
    for item in items:
        tier = item.path.relative_to(tests).parts[0] if item.path.is_relative_to(tests) else ""
        uses_engine = "engine" in getattr(item, "fixturenames", ())
        if (tier in ENGINE_TIERS or uses_engine) and item.get_closest_marker("e2e") is None:
            item.add_marker(pytest.mark.e2e)
    if hasattr(config, "workerinput"):
        items.sort(key=lambda item: item.get_closest_marker("e2e") is None)


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


TLS = httpx.create_ssl_context()
"""One TLS context for this process's clients: each new one loads the CA bundle (30 ms of CPU
a client, per test) though the emulator speaks plain HTTP."""


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
    with ZoomClient(settings, httpx.HTTPTransport(verify=TLS)) as client:
        yield client


@pytest.fixture()
def raw(emulator: EmulatorServer) -> Iterator[httpx.Client]:
    """An httpx client with a bearer token from the emulator's OAuth endpoint: requests the
    API client would refuse itself reach the emulator as sent."""
    with httpx.Client(base_url=emulator.api_base_url, verify=TLS) as client:
        token = client.post(
            emulator.oauth_url,
            auth=(CLIENT_ID, CLIENT_SECRET),
            data={"grant_type": "account_credentials", "account_id": ACCOUNT_ID},
        ).json()["access_token"]
        client.headers["Authorization"] = f"Bearer {token}"
        yield client
