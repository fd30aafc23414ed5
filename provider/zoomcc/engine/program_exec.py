"""Runs a Pulumi Python program in the interpreter of the project's virtualenv.

The language host (``zoomcc.engine.langhost``) starts this file by its path with the venv's
``python``, as Pulumi's host starts its ``pulumi-language-python-exec``: the same arguments,
config in ``PULUMI_CONFIG``/``PULUMI_CONFIG_SECRET_KEYS``, and exit code 32 when the error was
already shown to the user. It imports only the standard library and ``pulumi`` (which the
project's venv must hold), never ``zoomcc``: the venv may hold another version, or none.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import runpy
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor

SHOWN = 32
"""Exit code: the error was logged to the user; the host bails without repeating it."""

if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]  # this file's folder is zoomcc's engine package, not the user's program

try:
    import pulumi
    import pulumi.runtime
except ImportError:
    print(
        f"The Pulumi SDK is not installed in the project's virtualenv ({sys.prefix}): run "
        f"`{sys.executable} -m pip install -r requirements.txt` (or `pulumi install`).",
        file=sys.stderr,
    )
    sys.exit(SHOWN)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Run a Pulumi Python program")
    for name in (
        "project",
        "root_directory",
        "stack",
        "parallel",
        "dry_run",
        "pwd",
        "monitor",
        "engine",
        "tracing",
        "organization",
    ):
        parser.add_argument(f"--{name}")
    parser.add_argument("PROGRAM")
    parser.add_argument("ARGS", nargs="*")
    return parser.parse_args()


def _user_traceback(program: str, error: BaseException) -> str:
    """The traceback from the program's own frames down (the host's frames say nothing)."""
    frames = traceback.extract_tb(error.__traceback__)
    for index, frame in enumerate(frames):
        if os.path.abspath(frame.filename) == program:
            return "".join(traceback.format_exception(error, limit=-(len(frames) - index)))
    return "".join(traceback.format_exception(error))


def main() -> int:
    args = _arguments()
    pulumi.runtime.set_all_config(
        pulumi.runtime.get_config_env(), pulumi.runtime.get_config_secret_keys_env()
    )
    parallel = int(args.parallel or 0)
    pulumi.runtime.configure(
        pulumi.runtime.Settings(
            monitor=args.monitor,
            engine=args.engine,
            project=args.project,
            stack=args.stack,
            parallel=parallel,
            dry_run=args.dry_run == "true",
            organization=args.organization,
            root_directory=args.root_directory,
        )
    )
    sys.argv = [args.PROGRAM, *args.ARGS]
    if args.pwd:
        os.chdir(args.pwd)
    program = os.path.abspath(args.PROGRAM)
    if os.path.isdir(program):
        program = os.path.join(program, "__main__.py")
    sys.path.insert(0, os.path.dirname(program))
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    executor = ThreadPoolExecutor(max(parallel, 1) * 4)
    loop.set_default_executor(executor)
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)  # as the official exec does

    def run() -> None:
        runpy.run_path(program, run_name="__main__")

    try:
        loop.run_until_complete(pulumi.runtime.run_in_stack(run))
        return 0
    except pulumi.RunError as error:  # already a message for the user
        pulumi.log.error(str(error))
        return SHOWN
    except Exception as error:
        pulumi.log.error(
            "Program failed with an unhandled exception:\n" + _user_traceback(program, error)
        )
        return SHOWN
    finally:
        executor.shutdown(wait=True)
        loop.close()
        sys.stdout.flush()
        sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main())
