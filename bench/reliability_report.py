"""Reliability figures: the provider through the real engine against a misbehaving emulator.

Each scenario runs a fresh stack (file backend in a temporary directory) against one
in-process emulator with the fault switches of the tests in tests/reliability, and counts
what the emulator saw: requests, faults injected, 429s, and what was left behind (objects
declared vs held, duplicates, objects the state does not know). Prints a Markdown table
and writes it into docs/reliability.md between the report markers.

    .venv/bin/python -m bench.reliability_report [--no-write]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pulumi import automation as auto

from tests.e2e.stacks import make_stack
from tests.reliability.programs import expected, fleet, plan
from tests.reliability.support import (
    EmulatorView,
    pending_operations,
    start_up,
    state_ids,
    tapped_engine,
)
from zoomcc.emulator import EmulatorServer
from zoomcc.emulator.refusals import Json
from zoomcc.engine.toolchain import engine_env, ensure_engine

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "reliability.md"
START, END = "<!-- reliability-report:start -->", "<!-- reliability-report:end -->"
SECRET = "emulator-secret"
CONFLICT = re.compile(r"(\w+) named '([^']+)' already exists in Zoom \(id ([^)]+)\)")


@dataclass
class Row:
    scenario: str
    resources: int
    requests: int
    faults: str
    outcome: str
    left_behind: str
    seconds: float


@dataclass(frozen=True)
class Scenario:
    """One row of the table: ``count`` resources of ``fleet(count, tag)`` in a fresh stack,
    the emulator's fault ``switches`` on, then ``run`` (timed) says what happened."""

    title: str
    count: int
    tag: str
    switches: dict[str, Json]
    run: Callable[[auto.Stack, EmulatorServer], str]
    faults: Callable[[EmulatorServer], str] = lambda emulator: fault_text(emulator)
    creates: bool = True
    """Whether the stack's objects should exist afterwards (else nothing should)."""


def measure(emulator: EmulatorServer, scenario: Scenario) -> Row:
    """The scenario run against a wiped emulator, with a file backend of its own."""
    emulator.state.reset()
    with tempfile.TemporaryDirectory(prefix="zoomcc-rel-") as tmp:
        backend = Path(tmp) / "state"
        backend.mkdir()
        stack_config = {
            "zoomcc:accountId": "emulator-account",
            "zoomcc:clientId": "emulator-client",
            "zoomcc:clientSecret": SECRET,
            "zoomcc:baseUrl": emulator.api_base_url,
        }
        program = fleet(scenario.count, scenario.tag)
        stack = make_stack(backend, program, stack_config, name=f"rel-{scenario.tag}")
        emulator.state.configure(**scenario.switches)
        started = time.monotonic()
        outcome = scenario.run(stack, emulator)
        took = time.monotonic() - started
        wanted = expected(scenario.count, scenario.tag) if scenario.creates else {}
        return Row(
            scenario.title,
            scenario.count,
            api_requests(emulator),
            scenario.faults(emulator),
            outcome,
            left_behind(EmulatorView(emulator), stack, wanted),
            took,
        )


def api_requests(emulator: EmulatorServer) -> int:
    return sum(1 for r in emulator.state.requests if r.operation != "oauth.token")


def left_behind(view: EmulatorView, stack: auto.Stack, wanted: dict[Any, int]) -> str:
    held = view.names()
    dups = sum(n - 1 for n in held.values() if n > 1)
    strays = len(set(held) - set(wanted))
    missing = len(set(wanted) - set(held))
    unknown = len(view.ids() - set(state_ids(stack).values()))
    return f"dup {dups}, stray {strays}, missing {missing}, not in state {unknown}"


def fault_text(emulator: EmulatorServer) -> str:
    counts = {k: v for k, v in emulator.state.fault_counts.items() if v}
    refused = sum(1 for r in emulator.state.requests if r.status == 429)
    parts = [f"{k} {v}" for k, v in sorted(counts.items())]
    if refused:
        parts.append(f"429 {refused}")
    return ", ".join(parts) or "none"


def up_until_converged(
    stack: auto.Stack, limit: int = 6, errors: list[str] | None = None
) -> tuple[int, int]:
    """(failed ups, total ups) until one succeeds; failure messages go to ``errors``."""
    for attempt in range(1, limit + 1):
        try:
            stack.up()
            return attempt - 1, attempt
        except auto.CommandError as exc:
            if SECRET in str(exc):
                raise RuntimeError("the client secret leaked into an error message") from None
            if errors is not None:
                errors.append(str(exc))
    raise RuntimeError(f"no convergence after {limit} ups")


def up_without_failures(stack: auto.Stack, emulator: EmulatorServer) -> str:
    up = stack.up()
    failed = sum(1 for r in emulator.state.requests if (r.status or 500) >= 500)
    return f"up {up.summary.result}, {failed} failed requests"


def converged(stack: auto.Stack, emulator: EmulatorServer) -> str:
    failed, total = up_until_converged(stack)
    return f"{failed} up(s) failed clearly, up #{total} converged"


def converged_naming_both(stack: auto.Stack, emulator: EmulatorServer) -> str:
    errors: list[str] = []
    failed, total = up_until_converged(stack, errors=errors)
    named = bool(errors) and all(r in errors[0] for r in ("queue-u003", "disposition-u002"))
    return f"{failed} up failed{' naming both resources' if named else ''}, up #{total} converged"


def recovered(stack: auto.Stack, emulator: EmulatorServer) -> str:
    return f"up {stack.up().summary.result}, 8 recovered by name"


def tokens_expired_mid_run(stack: auto.Stack, emulator: EmulatorServer) -> str:
    view = EmulatorView(emulator)
    thread, done = start_up(stack)
    while view.requests(method="POST", operation_suffix=".create") < 6:
        time.sleep(0.05)
    emulator.state.expire_tokens()
    thread.join()
    return f"up {done['up'].summary.result}"


def token_faults(emulator: EmulatorServer) -> str:
    reqs = emulator.state.requests
    return (
        f"401 {sum(1 for r in reqs if r.status == 401)}, token requests "
        f"{sum(1 for r in reqs if r.operation == 'oauth.token')}"
    )


def token_attempts(emulator: EmulatorServer) -> str:
    return (
        f"token attempts {sum(1 for r in emulator.state.requests if r.operation == 'oauth.token')}"
    )


def refused_for_want_of_a_token(stack: auto.Stack, emulator: EmulatorServer) -> str:
    try:
        stack.up()
        return "up succeeded (unexpected)"
    except auto.CommandError as exc:
        text = str(exc)
        ok = "HTTP 503" in text and SECRET not in text
        return "up failed: fetch_access_token HTTP 503" + ("" if ok else " (UNCLEAR)")


def provider_killed(shim_dir: Path) -> Scenario:
    """The provider process killed while creates are in flight (``shim_dir`` records its
    pid); the next `up` refuses the objects made but not recorded, then adopts them
    (``zoomcc:adoptExisting``)."""
    noted: dict[str, str] = {}

    def run(stack: auto.Stack, emulator: EmulatorServer) -> str:
        view = EmulatorView(emulator)
        pids = shim_dir / "pids"
        pids.unlink(missing_ok=True)
        thread, _ = start_up(stack)
        while view.requests(operation_suffix=".create") < 2 or not pids.exists():
            time.sleep(0.02)
        time.sleep(0.1)
        os.kill(int(pids.read_text().split()[-1]), signal.SIGKILL)
        thread.join()
        time.sleep(1.0)
        emulator.state.configure(latency=0.0)
        orphans = len(view.ids() - set(state_ids(stack).values()))
        pending = len(pending_operations(stack))
        noted["faults"] = f"SIGKILL 1; unrecorded objects {orphans}, pending ops {pending}"
        adopted: dict[str, str] = {}
        try:
            stack.up(continue_on_error=True)
        except auto.CommandError as exc:
            by_object = {name: rname for _, name, rname in plan(KILLED, "k")}
            adopted = {by_object[m[1]]: m[2] for m in CONFLICT.findall(str(exc))}
            # Adopt what matches every declared value: no import_id written by hand.
            stack.set_config("zoomcc:adoptExisting", auto.ConfigValue(value="matching"))
            stack.up()
        return (
            f"next up refused {len(adopted)} by name (id given); "
            "with zoomcc:adoptExisting=matching adopted, converged"
        )

    return Scenario(
        "provider process killed during creates",
        KILLED,
        "k",
        {"latency": 0.4},
        run,
        faults=lambda emulator: noted["faults"],
    )


KILLED = 12
LOST_RESPONSES: dict[str, Json] = {
    "lost_response_rate": 1.0,
    "lost_response_methods": ["POST"],
    "lost_response_path": "^/v2/",
    "lost_response_limit": 8,
}
SCENARIOS = [
    Scenario(
        "rate limits LIGHT 20/s, MEDIUM 10/s, default parallelism",
        204,
        "r",
        {"rate_limits_enabled": True, "rate_limits": {"LIGHT": 20, "MEDIUM": 10}},
        up_without_failures,
    ),
    Scenario(
        "5xx 5% + dropped connections 5% (every method, token endpoint included)",
        36,
        "f",
        {"fault_seed": 6, "error_rate": 0.05, "drop_rate": 0.05},
        converged,
    ),
    Scenario(
        "create not applied (503 on a queue POST, drop on a disposition POST): "
        "re-sent once proven absent",
        12,
        "u",
        {
            "error_rate": 1.0,
            "error_methods": ["POST"],
            "error_path": r"/queues$",
            "error_limit": 1,
            "drop_rate": 1.0,
            "drop_methods": ["POST"],
            "drop_path": r"/dispositions$",
            "drop_limit": 1,
        },
        converged_naming_both,
    ),
    *(
        Scenario(
            f"lost create responses (applied, then {then})",
            18,
            "l",
            {**LOST_RESPONSES, "lost_response_mode": mode},
            recovered,
        )
        for mode, then in (("drop", "connection dropped"), ("502", "502"))
    ),
    Scenario(
        "all tokens expired mid-run",
        24,
        "t",
        {"latency": 0.03},
        tokens_expired_mid_run,
        faults=token_faults,
    ),
    Scenario(
        "token endpoint answers 503",
        2,
        "e",
        {"token_failure_status": 503},
        refused_for_want_of_a_token,
        faults=token_attempts,
        creates=False,
    ),
]


def markdown(rows: list[Row]) -> str:
    head = (
        "| scenario | resources | API requests | faults injected | outcome | left behind | s |\n"
        "|---|---:|---:|---|---|---|---:|\n"
    )
    body = "".join(
        f"| {r.scenario} | {r.resources} | {r.requests} | {r.faults} | {r.outcome} | "
        f"{r.left_behind} | {r.seconds:.1f} |\n"
        for r in rows
    )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"Measured {stamp} on {os.cpu_count()} CPU(s) by `.venv/bin/python -m "
        "bench.reliability_report`.\n\n" + head + body
    )


def write_doc(table: str) -> None:
    text = DOC.read_text() if DOC.exists() else f"# Reliability\n\n{START}\n{END}\n"
    if START not in text or END not in text:
        text += f"\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    DOC.write_text(f"{before}{START}\n{table}{END}{after}")


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--no-write", action="store_true", help="print only")
    opts = args.parse_args()
    toolchain = ensure_engine()
    os.environ.update(engine_env(toolchain))
    shims = tapped_engine(
        Path(tempfile.mkdtemp(prefix="zoomcc-rel-shims-")),
        toolchain,
        f'"{sys.executable}" -u -m pulumi.dynamic "$@"',
    )
    rows: list[Row] = []
    with EmulatorServer(port=0) as emulator:
        for scenario in SCENARIOS:
            rows.append(measure(emulator, scenario))
            print(f"  {rows[-1].scenario}: {rows[-1].outcome}", file=sys.stderr, flush=True)
        saved = os.environ["PATH"]
        os.environ["PATH"] = f"{shims}{os.pathsep}{saved}"
        try:
            rows.append(measure(emulator, provider_killed(shims)))
        finally:
            os.environ["PATH"] = saved
    table = markdown(rows)
    print(table)
    if not opts.no_write:
        write_doc(table)
        print(f"wrote {DOC.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()
