"""`zoomcc rehearse`: snapshot each account the stack reaches, load each into its own emulator
on a free loopback port, copy the stack beside them, run `pulumi preview` and `pulumi up` on
the copy, and report. The production account sees only the snapshot's reads (and the token
request); the stack's own state and settings files are only read."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from rich.console import Console

from zoomcc.dynamic.config import ConfigurationError
from zoomcc.emulator import EmulatorServer
from zoomcc.rehearsal.copy import StackCopy, Target, make_copy
from zoomcc.rehearsal.report import (
    Refusal,
    Rehearsal,
    attach_api_answers,
    calls_by_kind,
    failed,
    refusals_in_output,
    refusals_in_preview,
)
from zoomcc.rehearsal.stack import Stack, StackError, accounts, pulumi
from zoomcc.rehearsal.taking import snapshot_account
from zoomcc.review import make_review, write_review
from zoomcc.review.drawing import GraphvizMissingError
from zoomcc.review.stack_state import ReviewInputError, read_state


def rehearse(
    cwd: Path, stack_name: str | None, review_dir: Path | None, console: Console
) -> Rehearsal:
    """Rehearse the stack's change on a copy; raises StackError or SnapshotFailed when the
    rehearsal cannot be set up (nothing has run then)."""
    stack = Stack.find(cwd, stack_name)
    try:
        found = accounts(stack.config(), stack.env)
    except (ConfigurationError, ValueError) as exc:
        raise StackError(str(exc)) from exc
    result = Rehearsal(stack.name)
    with tempfile.TemporaryDirectory(prefix="zoomcc-rehearse-") as tmp, ExitStack() as running:
        emulators: list[EmulatorServer] = []
        targets: dict[str | None, Target] = {}
        for account in found:
            snap = snapshot_account(account, console)
            result.accounts.append(
                {
                    "account": snap.account,
                    "objects": sum(snap.counts.values()),
                    "requests": snap.requests,
                    "unreadable": [list(u) for u in snap.unreadable],
                }
            )
            emulator = running.enter_context(EmulatorServer(port=0))
            emulator.state.load_snapshot(snap.to_json())
            emulators.append(emulator)
            targets[account.profile] = _target(emulator)
        if None not in targets:  # resources naming no profile must not reach Zoom either
            emulators.append(running.enter_context(EmulatorServer(port=0)))
            targets[None] = _target(emulators[-1])
        copy = make_copy(stack, Path(tmp), targets)
        for emulator in emulators:
            emulator.state.clear_requests()
        preview = _preview(copy, result, emulators)
        if result.preview_ok:
            _up(copy, result, emulators)
        _review(copy.deployment, preview, stack.cwd, review_dir, result)
    return result


def _target(emulator: EmulatorServer) -> Target:
    cred = emulator.credentials
    return Target(
        emulator.api_base_url,
        emulator.oauth_url,
        cred["account_id"],
        cred["client_id"],
        cred["client_secret"],
    )


def _take_requests(emulators: list[EmulatorServer]) -> list[Any]:
    taken = [r for e in emulators for r in e.state.requests]
    for emulator in emulators:
        emulator.state.clear_requests()
    return taken


def _preview(copy: StackCopy, result: Rehearsal, emulators: list[EmulatorServer]) -> Any:
    done = pulumi(["preview", "--json", "--stack", copy.stack], copy.project, copy.env)
    try:
        preview = json.loads(done.stdout or "{}")
    except ValueError:
        preview = {}
    result.preview_ok = done.returncode == 0
    result.steps = {str(k): int(v) for k, v in (preview.get("changeSummary") or {}).items()}
    result.refusals += refusals_in_preview(preview)
    if not result.preview_ok and not result.refusals:
        raise StackError(f"`pulumi preview` of the copy failed: {_last_line(done.stderr)}")
    requests = _take_requests(emulators)
    result.calls["preview"] = calls_by_kind(requests)
    result.failed_calls += failed(requests)
    return preview


def _up(copy: StackCopy, result: Rehearsal, emulators: list[EmulatorServer]) -> None:
    args = ["up", "--yes", "--skip-preview", "--json", "--stack", copy.stack]
    done = pulumi(args, copy.project, copy.env)
    result.up_ok = done.returncode == 0
    requests = _take_requests(emulators)
    refusals = refusals_in_output(done.stdout)
    attach_api_answers(refusals, requests, _ids(copy.deployment))
    result.refusals += refusals
    result.calls["up"] = calls_by_kind(requests)
    result.failed_calls += failed(requests)
    if not result.up_ok and not result.refusals:
        result.refusals.append(Refusal("the update", _last_line(done.stderr or done.stdout)))


def _ids(deployment: Mapping[str, Any]) -> dict[str, str]:
    """urn -> id of each resource of a `pulumi stack export`."""
    resources = (deployment.get("deployment") or {}).get("resources") or []
    return {str(r["urn"]): str(r["id"]) for r in resources if r.get("urn") and r.get("id")}


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else "no output"


def _review(
    deployment: Any, preview: Any, project: Path, out: Path | None, result: Rehearsal
) -> None:
    """The change as `zoomcc review` sums it up (and draws it, with ``--review DIR``)."""
    if not isinstance(preview, dict) or not preview.get("steps"):
        return
    try:
        review = make_review(read_state(deployment), preview, [project])
        result.effects = list(review.effects)
        if out is not None:
            written = write_review(review, out, f"Rehearsal of {result.stack}: this change")
            result.review = str(written.markdown)
    except ReviewInputError as exc:
        result.effects = [f"(the review could not read the change: {exc})"]
    except GraphvizMissingError as exc:
        result.review = f"not drawn: {exc}"
