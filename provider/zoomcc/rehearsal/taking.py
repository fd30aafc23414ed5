"""`zoomcc snapshot FILE`: the credentials found as the provider finds them (the stack's
config in a Pulumi project, else the ``ZOOM_*`` environment), the account read with a line
of progress per type, the snapshot written."""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

from rich.console import Console

from zoomcc.client import ZoomClient, ZoomError
from zoomcc.dynamic.config import ConfigurationError, resolve_settings
from zoomcc.exporter.progress import TypeProgress
from zoomcc.rehearsal.snapshot import Snapshot, take_snapshot
from zoomcc.rehearsal.stack import Account, Stack, StackError


class SnapshotFailed(Exception):
    """The account could not be read (the message says why, never a secret)."""


def snapshot_account(account: Account, console: Console | None = None) -> Snapshot:
    """Read one account whole, showing objects read per type on ``console`` (stderr)."""
    where = f"{account.label} at {account.settings.base_url}"
    with (
        ZoomClient(account.settings) as client,
        TypeProgress(console or Console(stderr=True)) as progress,
    ):
        try:
            return take_snapshot(client, progress, where)
        except ZoomError as exc:
            raise SnapshotFailed(f"reading {where}: {exc}") from exc


def summary(snap: Snapshot, seconds: float) -> str:
    """``12 objects (Queue 3, ...), 30 memberships and settings with 40 requests in 1.2 s``."""
    objects = Counter({k: v for k, v in snap.counts.items() if v})
    shown = ", ".join(f"{name} {n}" for name, n in sorted(objects.items()))
    left = f"; {len(snap.unreadable)} left out (cannot list)" if snap.unreadable else ""
    return (
        f"read {sum(objects.values())} objects, memberships and settings ({shown or 'none'}) of "
        f"{snap.account} with {snap.requests} API requests in {seconds:.1f} s{left}"
    )


def find_account(cwd: Path, stack: str | None, profile: str | None) -> Account:
    """The account to read: from the stack's config where ``cwd`` is a Pulumi project
    (``--stack`` or the selected one), else from the environment."""
    environ = dict(os.environ)
    in_project = (cwd / "Pulumi.yaml").is_file() or stack is not None
    try:
        config = Stack.find(cwd, stack, environ).config() if in_project else {}
        settings = resolve_settings(config, environ, profile)
    except (StackError, ConfigurationError, ValueError) as exc:
        raise SnapshotFailed(str(exc)) from exc
    return Account(profile, settings)


def run_snapshot(out: Path, cwd: Path, stack: str | None, profile: str | None) -> str:
    """Write the snapshot to ``out``; the summary line."""
    account = find_account(cwd, stack, profile)
    started = time.monotonic()
    snap = snapshot_account(account)
    snap.write(out)
    for type_name, object_id, reason in snap.unreadable:
        Console(stderr=True).print(f"zoomcc snapshot: left out {type_name} {object_id}: {reason}")
    return summary(snap, time.monotonic() - started) + f" into {out}"
