"""Token expiry mid-run, a failing token endpoint and bad credentials behave clearly; the
client secret and the tokens never reach state, the provider's output, logs or errors."""

from __future__ import annotations

import base64

import pytest
from pulumi import automation as auto

from tests.conftest import CLIENT_ID, CLIENT_SECRET
from tests.e2e.stacks import Stacks
from tests.reliability.programs import expected, fleet
from tests.reliability.support import (
    EmulatorView,
    Tap,
    assert_absent,
    backend_text,
    pulumi_cli,
    start_up,
    state_ids,
    wait_for,
)
from zoomcc.emulator import EmulatorServer

pytestmark = pytest.mark.e2e

BASIC = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()


def test_token_expiry_mid_run(stacks: Stacks, emulator: EmulatorServer) -> None:
    emulator.state.configure(latency=0.03)
    view = EmulatorView(emulator)
    stack = stacks.inline(fleet(24, "t"), "expiry")
    thread, result = start_up(stack)
    wait_for(lambda: view.requests(method="POST", operation_suffix=".create") >= 6, 60, "creates")
    emulator.state.expire_tokens()
    thread.join(timeout=120)
    assert "error" not in result, result.get("error")
    assert result["up"].summary.result == "succeeded"
    requests = emulator.state.requests
    rejected = [r for r in requests if r.status == 401]
    assert rejected, "the expiry happened after the run"
    assert sum(1 for r in requests if r.operation == "oauth.token") == 2  # one renewal
    assert view.names() == expected(24, "t")
    assert set(state_ids(stack).values()) == view.ids()


def test_secrets_never_leave_on_success(stacks: Stacks, emulator: EmulatorServer, tap: Tap) -> None:
    # Some turbulence, so the retry and recovery paths log too.
    emulator.state.configure(
        lost_response_rate=1.0, lost_response_methods=["POST"], lost_response_path=r"^/v2/",
        lost_response_limit=2,
        error_rate=0.1, error_methods=["GET"], fault_seed=3,
    )  # fmt: skip
    stack = stacks.inline(fleet(12, "s"), "secrets")
    up = stack.up()
    refresh = stack.refresh()
    exported = pulumi_cli(stack, stacks.backend, "stack", "export")
    assert exported.returncode == 0, exported.stderr
    history = pulumi_cli(stack, stacks.backend, "stack", "history", "--show-secrets=false")
    assert "zoomcc:clientSecret" in exported.stdout and '"ciphertext"' in exported.stdout
    provider_output = tap.output()
    assert "fetched access token" in provider_output  # DEBUG logging really was captured
    assert "recovered" in provider_output  # so was the lost-response recovery
    assert len(tap.pids) >= 2
    tokens = emulator.state.issued_tokens()
    assert len(tokens) >= 2  # one per provider process (up, refresh)
    assert_absent(
        [CLIENT_SECRET, BASIC, *tokens],
        up_stdout=up.stdout,
        up_stderr=up.stderr,
        refresh_stdout=refresh.stdout,
        export=exported.stdout + exported.stderr,
        history=history.stdout + history.stderr,
        backend_files=backend_text(stacks.backend),
        provider_output=provider_output,
        emulator_log=repr(emulator.state.requests),
    )


def test_bad_credentials_and_a_failing_token_endpoint(
    stacks: Stacks, emulator: EmulatorServer, tap: Tap
) -> None:
    wrong = "Wr0ng-s3cret-" + "x" * 20
    bad = stacks.inline(fleet(2, "b"), "badcreds", {"zoomcc:clientSecret": wrong})
    with pytest.raises(auto.CommandError) as refused:
        bad.up()
    message = str(refused.value)
    assert "fetch_access_token (POST /oauth/token) failed: HTTP 400" in message
    assert "Invalid client_id or client_secret" in message
    assert "skillcategory-b000" in message

    # A stack that works, then the token endpoint fails (503) while the token expires.
    stack = stacks.inline(fleet(3, "e"), "tokendown")
    assert stack.up().summary.result == "succeeded"
    emulator.state.configure(token_failure_status=503)
    emulator.state.expire_tokens()
    stack.workspace.program = fleet(3, "e", description="v2")
    with pytest.raises(auto.CommandError) as down:
        stack.up()
    outage = str(down.value)
    assert "fetch_access_token (POST /oauth/token) failed: HTTP 503" in outage
    assert "token service is unavailable" in outage
    tokens_before_outage = emulator.state.issued_tokens()
    emulator.state.configure(token_failure_status=None)
    assert stack.up().summary.result == "succeeded"  # back to normal once the endpoint is

    basic_wrong = base64.b64encode(f"{CLIENT_ID}:{wrong}".encode()).decode()
    assert_absent(
        [CLIENT_SECRET, BASIC, wrong, basic_wrong, *tokens_before_outage],
        bad_credentials_error=message,
        token_outage_error=outage,
        backend_files=backend_text(stacks.backend),
        provider_output=tap.output(),
    )
