"""The `zoomcc` command: the local emulator, the engine toolchain, the quickstart."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="Zoom Contact Center as code: tools for the pulumi-zoomcc provider.",
    no_args_is_help=True,
    add_completion=False,
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
) -> None:
    """Serve the local Contact Center API emulator in the foreground.

    Credentials: account `emulator-account`, client `emulator-client`, secret
    `emulator-secret`; a token comes from POST /oauth/token as from Zoom's.
    """
    from zoomcc.emulator import serve

    serve(host=host, port=port, rate_limits_enabled=rate_limits)


@app.command()
def engine(
    python: Annotated[
        str, typer.Option(help="Interpreter the stacks run with (default: this one).")
    ] = sys.executable,
) -> None:
    """Find or build the Pulumi CLI; print the PATH entries to use it."""
    from zoomcc.engine.toolchain import EngineUnavailableError, ensure_engine

    try:
        toolchain = ensure_engine(python)
    except EngineUnavailableError as exc:
        typer.echo(f"zoomcc engine: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(":".join(str(p) for p in toolchain.path_entries))


@app.command()
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


@app.command()
def export(
    out: Annotated[Path, typer.Option(help="Directory to write the Pulumi program into.")],
    include: Annotated[
        list[str] | None, typer.Option(help="Only these resource types (repeatable).")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option(help="Leave these resource types out (repeatable).")
    ] = None,
    stack: Annotated[str, typer.Option(help="Stack whose config gets the adoption ids.")] = "dev",
    base_url: Annotated[
        str | None, typer.Option(help="API base URL (default: $ZOOM_BASE_URL or Zoom's).")
    ] = None,
) -> None:
    """Read a whole account and write a runnable Pulumi program that adopts it.

    Credentials come from ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET.
    """
    from rich.progress import Progress

    from zoomcc.client import ZoomClient, ZoomError
    from zoomcc.dynamic.config import ConfigurationError, resolve_settings
    from zoomcc.exporter import plan, read_account, selected_specs, write_project

    try:
        specs = selected_specs(include or (), exclude or ())
        config = {"zoomcc:baseUrl": base_url} if base_url else {}
        settings = resolve_settings(config)
    except (ValueError, ConfigurationError) as exc:
        typer.echo(f"zoomcc export: {exc}", err=True)
        raise typer.Exit(2) from exc
    unreadable: list[tuple[str, str, str]] = []
    with ZoomClient(settings) as client, Progress(transient=True) as bar:
        task = bar.add_task("reading the account", total=None)
        try:
            objects = read_account(client, specs, lambda _t, n: bar.advance(task, n), unreadable)
        except ZoomError as exc:
            typer.echo(f"zoomcc export: {exc}", err=True)
            raise typer.Exit(1) from exc
        requests = client.stats.total_requests
    result = plan(objects, unreadable)
    for type_name, _, reason in unreadable:
        typer.echo(f"zoomcc export: skipped {type_name}: {reason}", err=True)
    written = write_project(result, out, stack)
    typer.echo(
        f"exported {len(result.objects)} objects ({len(result.skipped)} skipped) "
        f"with {requests} API requests into {out}: {', '.join(p.name for p in written)}"
    )


def main() -> None:
    app()


if __name__ == "__main__":
    main()
