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
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pulumi import automation as auto

from tests.e2e.stacks import make_stack
from tests.reliability.programs import expected, fleet, plan
from tests.reliability.support import EmulatorView, pending_operations, state_ids
from zoomcc.emulator import EmulatorServer
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


@contextmanager
def scenario_stack(
    emulator: EmulatorServer, program: Callable[[], None], name: str, **config: Any
) -> Iterator[auto.Stack]:
    emulator.state.reset()
    with tempfile.TemporaryDirectory(prefix="zoomcc-rel-") as tmp:
        backend = Path(tmp) / "state"
        backend.mkdir()
        stack_config = {
            "zoomcc:accountId": "emulator-account",
            "zoomcc:clientId": "emulator-client",
            "zoomcc:clientSecret": SECRET,
            "zoomcc:baseUrl": emulator.api_base_url,
            **config,
        }
        yield make_stack(backend, program, stack_config, name=name)


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


def rate_limits(emulator: EmulatorServer) -> Row:
    n = 204
    with scenario_stack(emulator, fleet(n, "r"), "rate") as stack:
        emulator.state.configure(rate_limits_enabled=True, rate_limits={"LIGHT": 20, "MEDIUM": 10})
        started = time.monotonic()
        up = stack.up()
        took = time.monotonic() - started
        failed = sum(1 for r in emulator.state.requests if (r.status or 500) >= 500)
        return Row(
            "rate limits LIGHT 20/s, MEDIUM 10/s, default parallelism",
            n,
            api_requests(emulator),
            fault_text(emulator),
            f"up {up.summary.result}, {failed} failed requests",
            left_behind(EmulatorView(emulator), stack, expected(n, "r")),
            took,
        )


def ten_percent(emulator: EmulatorServer) -> Row:
    n = 36
    with scenario_stack(emulator, fleet(n, "f"), "faults") as stack:
        emulator.state.configure(fault_seed=6, error_rate=0.05, drop_rate=0.05)
        started = time.monotonic()
        failed, total = up_until_converged(stack)
        took = time.monotonic() - started
        return Row(
            "5xx 5% + dropped connections 5% (every method, token endpoint included)",
            n,
            api_requests(emulator),
            fault_text(emulator),
            f"{failed} up(s) failed clearly, up #{total} converged",
            left_behind(EmulatorView(emulator), stack, expected(n, "f")),
            took,
        )


def unrecoverable(emulator: EmulatorServer) -> Row:
    n = 12
    with scenario_stack(emulator, fleet(n, "u"), "unrecoverable") as stack:
        emulator.state.configure(
            error_rate=1.0, error_methods=["POST"], error_path=r"/queues$", error_limit=1,
            drop_rate=1.0, drop_methods=["POST"], drop_path=r"/dispositions$", drop_limit=1,
        )  # fmt: skip
        started = time.monotonic()
        errors: list[str] = []
        failed, total = up_until_converged(stack, errors=errors)
        took = time.monotonic() - started
        named = bool(errors) and all(r in errors[0] for r in ("queue-u003", "disposition-u002"))
        return Row(
            "create not applied (503 on a queue POST, drop on a disposition POST): "
            "re-sent once proven absent",
            n,
            api_requests(emulator),
            fault_text(emulator),
            f"{failed} up failed{' naming both resources' if named else ''}, up #{total} converged",
            left_behind(EmulatorView(emulator), stack, expected(n, "u")),
            took,
        )


def lost_responses(emulator: EmulatorServer, mode: str) -> Row:
    n = 18
    with scenario_stack(emulator, fleet(n, "l"), f"lost-{mode}") as stack:
        emulator.state.configure(
            lost_response_rate=1.0, lost_response_methods=["POST"], lost_response_path="^/v2/",
            lost_response_limit=8, lost_response_mode=mode,
        )  # fmt: skip
        started = time.monotonic()
        up = stack.up()
        took = time.monotonic() - started
        then = "connection dropped" if mode == "drop" else "502"
        return Row(
            f"lost create responses (applied, then {then})",
            n,
            api_requests(emulator),
            fault_text(emulator),
            f"up {up.summary.result}, 8 recovered by name",
            left_behind(EmulatorView(emulator), stack, expected(n, "l")),
            took,
        )


def token_expiry(emulator: EmulatorServer) -> Row:
    n = 24
    with scenario_stack(emulator, fleet(n, "t"), "expiry") as stack:
        emulator.state.configure(latency=0.03)
        view = EmulatorView(emulator)
        started = time.monotonic()
        done: dict[str, Any] = {}
        thread = threading.Thread(target=lambda: done.setdefault("up", stack.up()))
        thread.start()
        while view.requests(method="POST", operation_suffix=".create") < 6:
            time.sleep(0.05)
        emulator.state.expire_tokens()
        thread.join()
        took = time.monotonic() - started
        reqs = emulator.state.requests
        return Row(
            "all tokens expired mid-run",
            n,
            api_requests(emulator),
            f"401 {sum(1 for r in reqs if r.status == 401)}, token requests "
            f"{sum(1 for r in reqs if r.operation == 'oauth.token')}",
            f"up {done['up'].summary.result}",
            left_behind(view, stack, expected(n, "t")),
            took,
        )


def token_endpoint_down(emulator: EmulatorServer) -> Row:
    with scenario_stack(emulator, fleet(2, "e"), "tokendown") as stack:
        emulator.state.configure(token_failure_status=503)
        started = time.monotonic()
        try:
            stack.up()
            outcome = "up succeeded (unexpected)"
        except auto.CommandError as exc:
            text = str(exc)
            ok = "HTTP 503" in text and SECRET not in text
            outcome = "up failed: fetch_access_token HTTP 503" + ("" if ok else " (UNCLEAR)")
        took = time.monotonic() - started
        tokens = sum(1 for r in emulator.state.requests if r.operation == "oauth.token")
        return Row(
            "token endpoint answers 503",
            2,
            api_requests(emulator),
            f"token attempts {tokens}",
            outcome,
            left_behind(EmulatorView(emulator), stack, {}),
            took,
        )


def provider_killed(emulator: EmulatorServer, shim_dir: Path) -> Row:
    n = 12
    with scenario_stack(emulator, fleet(n, "k"), "killed") as stack:
        emulator.state.configure(latency=0.4)
        view = EmulatorView(emulator)
        pids = shim_dir / "pids"
        pids.unlink(missing_ok=True)
        started = time.monotonic()
        done: dict[str, Any] = {}

        def run() -> None:
            try:
                stack.up()
            except auto.CommandError as exc:
                done["error"] = exc

        thread = threading.Thread(target=run)
        thread.start()
        while view.requests(operation_suffix=".create") < 2 or not pids.exists():
            time.sleep(0.02)
        time.sleep(0.1)
        os.kill(int(pids.read_text().split()[-1]), signal.SIGKILL)
        thread.join()
        time.sleep(1.0)
        emulator.state.configure(latency=0.0)
        orphans = len(view.ids() - set(state_ids(stack).values()))
        pending = len(pending_operations(stack))
        adopted: dict[str, str] = {}
        try:
            stack.up(continue_on_error=True)
        except auto.CommandError as exc:
            by_object = {name: rname for _, name, rname in plan(n, "k")}
            adopted = {by_object[m[1]]: m[2] for m in CONFLICT.findall(str(exc))}
            # Adopt what matches every declared value: no import_id written by hand.
            stack.set_config("zoomcc:adoptExisting", auto.ConfigValue(value="matching"))
            stack.up()
        took = time.monotonic() - started
        return Row(
            "provider process killed during creates",
            n,
            api_requests(emulator),
            f"SIGKILL 1; unrecorded objects {orphans}, pending ops {pending}",
            f"next up refused {len(adopted)} by name (id given); "
            "with zoomcc:adoptExisting=matching adopted, converged",
            left_behind(view, stack, expected(n, "k")),
            took,
        )


def tapped_shims(toolchain_pulumi: Path, entries: tuple[Path, ...]) -> Path:
    """A PATH entry whose provider plugin records its pid (to kill it)."""
    directory = Path(tempfile.mkdtemp(prefix="zoomcc-rel-shims-"))
    os.link(toolchain_pulumi, directory / "pulumi")
    for entry in entries:
        lang = entry / "pulumi-language-python"
        if lang.exists():
            (directory / lang.name).write_text(lang.read_text())
            (directory / lang.name).chmod(0o755)
    shim = directory / "pulumi-resource-pulumi-python"
    shim.write_text(
        "#!/usr/bin/env bash\n"
        f'echo $$ >> "{directory}/pids"\n'
        f'exec "{sys.executable}" -u -m pulumi.dynamic "$@"\n'
    )
    shim.chmod(0o755)
    return directory


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
    shims = tapped_shims(toolchain.pulumi, toolchain.path_entries)
    rows: list[Row] = []
    with EmulatorServer(port=0) as emulator:
        for run in (
            rate_limits,
            ten_percent,
            unrecoverable,
            lambda e: lost_responses(e, "drop"),
            lambda e: lost_responses(e, "502"),
            token_expiry,
            token_endpoint_down,
        ):
            rows.append(run(emulator))
            print(f"  {rows[-1].scenario}: {rows[-1].outcome}", file=sys.stderr, flush=True)
        saved = os.environ["PATH"]
        os.environ["PATH"] = f"{shims}{os.pathsep}{saved}"
        try:
            rows.append(provider_killed(emulator, shims))
        finally:
            os.environ["PATH"] = saved
    table = markdown(rows)
    print(table)
    if not opts.no_write:
        write_doc(table)
        print(f"wrote {DOC.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()
