"""One program, two accounts: examples/multi-account promotes the same configuration into two
emulators (each its own account, credentials and host) through the real engine."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

import pytest
from pulumi import automation as auto

from tests.e2e.stacks import example_project, project_stack
from tests.reliability.support import backend_text
from zoomcc.emulator import EmulatorServer
from zoomcc.engine.toolchain import EngineToolchain

pytestmark = pytest.mark.e2e

ACCOUNTS = {
    "sandbox": ("sandbox-account", "sandbox-client", "sandbox-Secret-7f3a"),
    "production": ("production-account", "production-client", "production-Secret-91bc"),
}
"""Each profile's account id, client id and client secret; each emulator accepts only its own."""
PER_ACCOUNT = 5
"""What the example declares in each account: a skill category, a skill, business hours, a
queue and the queue's operating hours (settings of the queue, not an object of their own)."""
OBJECTS = PER_ACCOUNT - 1


@pytest.fixture()
def accounts() -> Iterator[dict[str, EmulatorServer]]:
    servers = {
        name: EmulatorServer(port=0, account_id=acct, client_id=client, client_secret=secret)
        for name, (acct, client, secret) in ACCOUNTS.items()
    }
    for server in servers.values():
        server.start()
    yield servers
    for server in servers.values():
        server.stop()


def profiles(servers: dict[str, EmulatorServer]) -> dict[str, auto.ConfigValue]:
    """``zoomcc:accounts`` as a user sets it: ``--path``, the client secret with ``--secret``."""
    config = {}
    for name, (acct, client, secret) in ACCOUNTS.items():
        prefix = f"zoomcc:accounts.{name}"
        config[f"{prefix}.accountId"] = auto.ConfigValue(acct)
        config[f"{prefix}.clientId"] = auto.ConfigValue(client)
        config[f"{prefix}.clientSecret"] = auto.ConfigValue(secret, secret=True)
        config[f"{prefix}.baseUrl"] = auto.ConfigValue(servers[name].api_base_url)
    return config


@contextmanager
def promoting(
    backend: Path, accounts: dict[str, EmulatorServer], name: str
) -> Iterator[auto.Stack]:
    """A stack of examples/multi-account with both profiles set, removed afterwards."""
    project = example_project("multi-account")
    stack = project_stack(project, backend, {}, name)
    try:
        stack.set_all_config(profiles(accounts), path=True)
        yield stack
    finally:
        stack.workspace.remove_stack(name, force=True)
        (project / f"Pulumi.{name}.yaml").unlink(missing_ok=True)


def test_one_program_deploys_the_same_configuration_into_two_accounts_and_destroys_both(
    engine: EngineToolchain, backend: Path, accounts: dict[str, EmulatorServer]
) -> None:
    with promoting(backend, accounts, "promote") as stack:
        up = stack.up()
        created = cast(dict[str, int], up.summary.resource_changes or {})
        assert created == {"create": 2 * PER_ACCOUNT + 1}
        for name, server in accounts.items():
            assert server.state.object_count() == OBJECTS, name
            writes = {(r.method, r.path.rsplit("/", 1)[-1]) for r in server.state.requests}
            assert ("POST", "queues") in writes, name
            assert ("PATCH", "operating_hours") in writes, name
            assert up.outputs[name].value["support_queue_id"]
        ids = {name: up.outputs[name].value["support_queue_id"] for name in accounts}
        assert ids["sandbox"] != ids["production"]

        assert stack.preview().change_summary == {"same": 2 * PER_ACCOUNT + 1}
        # The profiles' secrets are encrypted at rest; the pickled providers name only the
        # type and the profile.
        at_rest = backend_text(backend)
        deployment = stack.export_stack().deployment or {}
        pickles = [
            base64.b64decode(r["outputs"]["__provider"])
            for r in deployment["resources"]
            if "__provider" in r.get("outputs", {})
        ]
        assert len(pickles) == 2 * PER_ACCOUNT
        assert all(b"sandbox" in p or b"production" in p for p in pickles)
        for _acct, _client, secret in ACCOUNTS.values():
            assert secret not in at_rest + up.stdout + up.stderr
            assert all(secret.encode() not in p for p in pickles)

        stack.destroy()
        for name, server in accounts.items():
            assert server.state.object_count() == 0, name


def test_a_resource_naming_an_unknown_account_fails_preview_with_the_profiles_it_could_mean(
    engine: EngineToolchain, backend: Path, accounts: dict[str, EmulatorServer]
) -> None:
    with promoting(backend, accounts, "typo") as stack:
        stack.set_config("zoomcc-multi-account:promoteTo", auto.ConfigValue('["sandbx"]'))
        with pytest.raises(auto.errors.CommandError) as failed:
            stack.preview()
        message = str(failed.value)
        assert "account 'sandbx' is not a profile in zoomcc:accounts" in message
        assert "did you mean 'sandbox'?" in message
        assert all(not s.state.requests for s in accounts.values())
