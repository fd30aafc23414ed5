"""`zoomcc export` from its options to the written program: the client's settings resolved
as the provider resolves them, the account read, the program planned and written. The CLI
only declares the options and prints what this returns or raises."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from zoomcc.client import ClientSettings, ZoomClient, ZoomError
from zoomcc.dynamic.config import ConfigurationError
from zoomcc.exporter.account import read_account, selected_specs
from zoomcc.exporter.credentials import ConfigValues, resolve, stack_config
from zoomcc.exporter.planning import plan
from zoomcc.exporter.progress import TypeProgress, summary
from zoomcc.exporter.project import write_project

Say = Callable[[str], None]
"""Prints one line on stderr, prefixed with the command: ``say("skipped Queue q1: ...")``."""


@dataclass(frozen=True)
class ExportRequest:
    """What `zoomcc export` is asked to do: its options, as given."""

    out: Path
    """Directory to write the Pulumi program into: ``Path("adopted")``."""
    include: Sequence[str] = ()
    """Only these resource types: ``("Queue", "Team")``; empty: all."""
    exclude: Sequence[str] = ()
    """Leave these resource types out: ``("Flow",)``."""
    stack: str = "dev"
    """Stack whose zoomcc:* config gives the credentials and gets the adoption ids: ``"dev"``."""
    project: Path | None = None
    """Pulumi project of ``stack``: ``Path("infra")``; None: this directory, if it has one."""
    account: str | None = None
    """Account profile of the stack's zoomcc:accounts to read: ``"sandbox"``."""
    base_url: str | None = None
    """API base URL over the stack's and the environment's: ``"http://127.0.0.1:8765"``."""
    plan_name: str | None = None
    """The account's Zoom plan to pace by: ``"business"``; None: the stack's, or pro."""
    pacing: bool | None = None
    """Pace under the plan's rate limits: ``False``; None: the stack's, or on."""
    rate_limits: str | None = None
    """The account's own limits over the plan's, as JSON: ``'{"LIGHT": 30}'``; None: the
    stack's ``zoomcc:rateLimits``, or none."""
    import_file: Path | None = None
    """Also write the file `pulumi import --file` takes here: ``Path("import.json")``."""


class ExportFailed(Exception):
    """The export could not run; ``code`` is the exit status (2: its settings, 1: the API)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def run_export(request: ExportRequest, say: Say) -> str:
    """Export the account as ``request`` asks; returns the summary line. Objects that could
    not be read, and what the import file leaves out, are said (``say``), not fatal."""
    try:
        specs = selected_specs(request.include, request.exclude)
        settings = export_settings(request, say)
    except (ValueError, ConfigurationError) as exc:
        raise ExportFailed(str(exc), 2) from exc
    unreadable: list[tuple[str, str, str]] = []
    started = time.monotonic()
    with ZoomClient(settings) as client, TypeProgress(Console(stderr=True)) as progress:
        try:
            objects = read_account(client, specs, progress, unreadable)
        except ZoomError as exc:
            raise ExportFailed(str(exc), 1) from exc
        result = plan(objects, unreadable)
        written = write_project(result, request.out, request.stack, client.download)
        requests = client.stats.total_requests
    for type_name, object_id, reason in unreadable:
        say(f"skipped {type_name} {object_id}: {reason}")
    if request.import_file is not None:
        from zoomcc.exporter.import_file import write_import_file

        for left_out in write_import_file(result, request.import_file):
            say(f"not in {request.import_file}: {left_out}")
    files = ", ".join(p.name for p in written if p.parent == request.out)
    return summary(result, requests, time.monotonic() - started) + f" into {request.out}: {files}"


def export_settings(request: ExportRequest, say: Say) -> ClientSettings:
    """The client's settings as the provider would resolve them, the options winning; which
    source gave the credentials is said (never a secret)."""
    options = {
        "zoomcc:baseUrl": request.base_url,
        "zoomcc:plan": request.plan_name,
        "zoomcc:rateLimits": request.rate_limits,
    }
    if request.pacing is not None:
        options["zoomcc:pacing"] = str(request.pacing).lower()
    config = _stack_config(request, say)
    given = {k: v for k, v in options.items() if v}
    credentials = resolve(config, request.stack, request.account, given)
    say(f"reading {credentials.settings.base_url} with credentials from {credentials.source}")
    return credentials.settings


def _stack_config(request: ExportRequest, say: Say) -> ConfigValues | None:
    """The stack's config; a stack merely found here (not asked for with --project or
    --account) that cannot be read leaves the credentials to the environment, said so."""
    project = request.project
    try:
        return stack_config(project or Path("."), request.stack, explicit=project is not None)
    except ConfigurationError as exc:
        if project is not None or request.account is not None:
            raise
        say(f"{exc}: reading the credentials from the environment")
        return None
