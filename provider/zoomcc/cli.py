"""The `zoomcc` command: the local emulator, the engine toolchain, the quickstart, export and
the routing review."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from zoomcc.review.stack_state import StateObject

app = typer.Typer(
    help="Zoom Contact Center as code: tools for the pulumi-zoomcc provider.",
    no_args_is_help=True,
    add_completion=False,
    # Click's plain help: typer's rich tables print a type (`<bool>`) beside every flag, as if
    # `--keep` took a value.
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        from importlib import metadata

        typer.echo(f"zoomcc {metadata.version('pulumi-zoomcc')}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Zoom Contact Center as code: tools for the pulumi-zoomcc provider."""


@app.command()
def emulator(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 to serve on.")] = 8765,
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
    rate_limits: Annotated[
        bool, typer.Option(help="Enforce Zoom's Pro per-label rate limits (429s).")
    ] = False,
    snapshot: Annotated[
        Path | None,
        typer.Option(help="Start with this `zoomcc snapshot` of an account, ids kept."),
    ] = None,
) -> None:
    """Serve the local Contact Center API emulator in the foreground.

    Credentials: account `emulator-account`, client `emulator-client`, secret
    `emulator-secret`; a token comes from POST /oauth/token as from Zoom's.
    """
    from zoomcc.emulator import serve
    from zoomcc.emulator.snapshot import SnapshotError, read_snapshot

    try:
        document = read_snapshot(snapshot) if snapshot is not None else None
    except SnapshotError as exc:
        typer.echo(f"zoomcc emulator: {exc}", err=True)
        raise typer.Exit(2) from exc
    serve(host=host, port=port, rate_limits_enabled=rate_limits, snapshot=document)


@app.command(short_help="Read a whole account, read-only, into a JSON file.")
def snapshot(
    out: Annotated[Path, typer.Argument(help="The JSON file to write.")],
    stack: Annotated[
        str | None, typer.Option(help="Stack whose credentials to use (default: selected).")
    ] = None,
    cwd: Annotated[Path, typer.Option(help="The Pulumi project directory.")] = Path("."),
    account: Annotated[
        str | None, typer.Option(help="Read this profile of zoomcc:accounts instead.")
    ] = None,
) -> None:
    """Read a whole account, read-only, into a JSON file `zoomcc emulator --snapshot` loads.

    Credentials as the provider reads them: the stack's config in a Pulumi project, else
    ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET (and ZOOM_BASE_URL).
    """
    from zoomcc.rehearsal.taking import SnapshotFailed, run_snapshot

    try:
        typer.echo(run_snapshot(out, cwd.resolve(), stack, account))
    except SnapshotFailed as exc:
        typer.echo(f"zoomcc snapshot: {exc}", err=True)
        raise typer.Exit(1) from exc


@app.command(short_help="Find or build the Pulumi CLI; print its PATH entries.")
def engine(
    python: Annotated[
        str, typer.Option(help="Interpreter the stacks run with (default: this one).")
    ] = sys.executable,
    yaml: Annotated[
        bool, typer.Option(help="Also provide Pulumi YAML's language host (built once, ~2 min).")
    ] = False,
) -> None:
    """Find or build the Pulumi CLI (and with --yaml Pulumi YAML's language host); print the
    PATH entries to use them, which also hold the native plugin pulumi-resource-zoomcc."""
    from zoomcc.engine.toolchain import EngineUnavailableError, ensure_engine

    try:
        toolchain = ensure_engine(python, yaml=yaml)
    except EngineUnavailableError as exc:
        typer.echo(f"zoomcc engine: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(":".join(str(p) for p in toolchain.path_entries))


@app.command(short_help="Deploy the quickstart stack against a local emulator.")
def quickstart(
    project_dir: Annotated[
        Path, typer.Option(help="Pulumi project to deploy (the repository root by default).")
    ] = Path("."),
    keep: Annotated[
        bool, typer.Option(help="Leave the stack deployed and the emulator running.")
    ] = False,
) -> None:
    """Deploy the quickstart stack with the real Pulumi engine against a local emulator."""
    from zoomcc.quickstart import run_quickstart

    raise typer.Exit(run_quickstart(project_dir.resolve(), keep=keep))


# `zoomcc export`'s options, declared apart so the command reads as what it does.
OutOption = Annotated[Path, typer.Option(help="Directory to write the Pulumi program into.")]
IncludeOption = Annotated[
    list[str] | None, typer.Option(help="Only these resource types (repeatable).")
]
ExcludeOption = Annotated[
    list[str] | None, typer.Option(help="Leave these resource types out (repeatable).")
]
StackOption = Annotated[
    str,
    typer.Option(
        help="Stack whose zoomcc:* config gives the credentials (when its project is "
        "here, or at --project) and whose config file gets the adoption ids."
    ),
]
ProjectOption = Annotated[
    Path | None,
    typer.Option(help="Pulumi project of --stack (default: this directory, if it has one)."),
]
AccountOption = Annotated[
    str | None, typer.Option(help="Use this account profile of the stack's zoomcc:accounts.")
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option(help="API base URL (default: the stack's, $ZOOM_BASE_URL or Zoom's)."),
]
PlanOption = Annotated[
    str | None,
    typer.Option(
        "--plan",
        help="The account's Zoom plan, for the rate limits to pace by (pro, business, "
        "business_plus, enterprise; default: the stack's, $ZOOMCC_PLAN or pro).",
    ),
]
PacingOption = Annotated[
    bool | None,
    typer.Option(
        "--pacing/--no-pacing",
        show_default=False,
        help="Pace requests under the plan's rate limits (default: the stack's, "
        "$ZOOMCC_PACING or on).",
    ),
]
RateLimitsOption = Annotated[
    str | None,
    typer.Option(
        "--rate-limits",
        help="The account's own rate limits over the plan's, requests per second by label, "
        "as JSON: '{\"LIGHT\": 30}' (default: the stack's zoomcc:rateLimits, "
        "$ZOOMCC_RATE_LIMITS or none).",
    ),
]
ImportFileOption = Annotated[
    Path | None,
    typer.Option(help="Also write the file `pulumi import --file` takes (native plugin)."),
]


@app.command(short_help="Write a Pulumi program that adopts a whole account.")
def export(
    out: OutOption,
    include: IncludeOption = None,
    exclude: ExcludeOption = None,
    stack: StackOption = "dev",
    project: ProjectOption = None,
    account: AccountOption = None,
    base_url: BaseUrlOption = None,
    plan_name: PlanOption = None,
    pacing: PacingOption = None,
    rate_limits: RateLimitsOption = None,
    import_file: ImportFileOption = None,
) -> None:
    """Read a whole account and write a runnable Pulumi program that adopts it.

    Credentials are read as the provider reads them: the zoomcc:* config of --stack (or its
    profile --account), then ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET.
    """
    from zoomcc.exporter.run import ExportFailed, ExportRequest, run_export

    request = ExportRequest(
        out=out,
        include=include or (),
        exclude=exclude or (),
        stack=stack,
        project=project,
        account=account,
        base_url=base_url,
        plan_name=plan_name,
        pacing=pacing,
        rate_limits=rate_limits,
        import_file=import_file,
    )
    try:
        typer.echo(run_export(request, _say_export))
    except ExportFailed as exc:
        typer.echo(f"zoomcc export: {exc}", err=True)
        raise typer.Exit(exc.code) from exc


def _say_export(line: str) -> None:
    typer.echo(f"zoomcc export: {line}", err=True)


@app.command(short_help="Draw the routing (and what a change does to it).")
def review(
    state: Annotated[
        str | None,
        typer.Argument(help="A `pulumi stack export` file, or the name of a stack to export."),
    ] = None,
    preview: Annotated[
        Path | None, typer.Option(help="A `pulumi preview --json` file: mark what it changes.")
    ] = None,
    out: Annotated[Path, typer.Option(help="Directory for routing.svg/.png/.md.")] = Path("review"),
    focus: Annotated[str | None, typer.Option(help="Draw only this queue's neighbourhood.")] = None,
    cluster: Annotated[
        str, typer.Option(help="Group nodes per `team`, `flow` or `none`.")
    ] = "team",
    project: Annotated[
        Path, typer.Option(help="Project directory (stack export, flow files).")
    ] = Path("."),
    title: Annotated[str | None, typer.Option(help="Heading of the picture and summary.")] = None,
    picture_url: Annotated[
        str | None, typer.Option(help="Link the summary's picture here (default: routing.png).")
    ] = None,
    from_account: Annotated[
        bool, typer.Option(help="Draw the live account (ZOOM_* credentials) instead of a state.")
    ] = False,
    base_url: Annotated[
        str | None, typer.Option(help="API base URL for --from-account (default: Zoom's).")
    ] = None,
) -> None:
    """Draw the routing of a contact center (and what a change does to it) for review."""
    from zoomcc.review import make_review, write_review
    from zoomcc.review.drawing import GraphvizMissingError, require_dot
    from zoomcc.review.focus import UnknownQueueError
    from zoomcc.review.stack_state import ReviewInputError, load_json

    if cluster not in ("team", "flow", "none"):
        raise _review_failed(f"--cluster must be team, flow or none, not {cluster!r}", 2)
    try:
        objects, heading = _review_objects(state, project, from_account, base_url)
        changes = load_json(preview, "preview") if preview else None
        require_dot()
        flow_dirs = [project, *([Path(state).parent] if state else [])]
        result = make_review(objects, changes, flow_dirs)
        written = write_review(
            result,
            out,
            (title or heading) + (": this change" if changes else ""),
            cluster=cluster,
            focus_queue=focus,
            picture_url=picture_url,
        )
    except (GraphvizMissingError, ReviewInputError, UnknownQueueError) as exc:
        raise _review_failed(exc) from exc
    effects = f", {len(result.effects)} effects" if changes else ""
    typer.echo(f"wrote {written.svg}, {written.png} and {written.markdown}{effects}")


def _review_failed(message: object, code: int = 1) -> typer.Exit:
    typer.echo(f"zoomcc review: {message}", err=True)
    return typer.Exit(code)


def _review_objects(
    state: str | None, project: Path, from_account: bool, base_url: str | None
) -> tuple[list[StateObject], str]:
    """What to draw, from the live account or a state (file or stack), and its heading."""
    from zoomcc.review.drawing import require_dot
    from zoomcc.review.stack_state import load_state, read_state

    if from_account:
        require_dot()
        return _live_objects(base_url), "Routing of the live account"
    if state is None:
        raise _review_failed("give a state file or a stack name, or --from-account", 2)
    path = Path(state)
    objects = read_state(load_state(state, project))
    return objects, f"Routing of {path.stem if path.is_file() else state}"


@app.command(short_help="Rehearse the stack's change on a copy of its account.")
def rehearse(
    stack: Annotated[
        str | None, typer.Option(help="The stack to rehearse (default: the selected one).")
    ] = None,
    cwd: Annotated[Path, typer.Option(help="The Pulumi project directory.")] = Path("."),
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the report as JSON (for CI).")
    ] = False,
    review: Annotated[
        Path | None, typer.Option(help="Also draw the change here (routing.svg/.png/.md).")
    ] = None,
) -> None:
    """Run the stack's change on a copy of its account in the emulator before production.

    Snapshots each account the stack reaches (reads only), loads each into an emulator, copies
    the stack's state into a throwaway backend pointed at them, runs `pulumi preview` and
    `pulumi up` there, and reports the changes, the API calls and every refusal. Exits 1 when
    the rehearsal's update failed, 2 when it could not be set up.
    """
    from rich.console import Console

    from zoomcc.rehearsal.run import rehearse as run_rehearsal
    from zoomcc.rehearsal.stack import StackError
    from zoomcc.rehearsal.taking import SnapshotFailed

    try:
        result = run_rehearsal(cwd.resolve(), stack, review, Console(stderr=True))
    except (StackError, SnapshotFailed) as exc:
        typer.echo(f"zoomcc rehearse: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(result.to_json() if json_output else result.text())
    raise typer.Exit(0 if result.passed else 1)


def _live_objects(base_url: str | None) -> list[StateObject]:
    """The account's objects through `zoomcc export`'s reader, and their memberships."""
    from zoomcc.client import ZoomClient, ZoomError
    from zoomcc.dynamic.config import ConfigurationError, resolve_settings
    from zoomcc.exporter import read_account, selected_specs
    from zoomcc.review.account import TYPES, live_objects

    try:
        settings = resolve_settings({"zoomcc:baseUrl": base_url} if base_url else {})
    except ConfigurationError as exc:
        typer.echo(f"zoomcc review: {exc}", err=True)
        raise typer.Exit(2) from exc
    with ZoomClient(settings) as client:
        try:
            return live_objects(read_account(client, selected_specs(TYPES)))
        except ZoomError as exc:
            typer.echo(f"zoomcc review: {exc}", err=True)
            raise typer.Exit(1) from exc


def main() -> None:
    app()


if __name__ == "__main__":
    main()
