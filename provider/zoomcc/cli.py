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


@app.command()
def emulator(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 to serve on.")] = 8765,
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
    rate_limits: Annotated[
        bool, typer.Option(help="Enforce Zoom's per-label rate limits (429s).")
    ] = False,
) -> None:
    """Serve the local Contact Center API emulator in the foreground."""
    from zoomcc.emulator import serve

    typer.echo(f"zoomcc emulator: API at http://{host}:{port}/v2, OAuth at /oauth/token")
    serve(host=host, port=port, rate_limits=rate_limits)


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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
