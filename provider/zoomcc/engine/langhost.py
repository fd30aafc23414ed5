"""A language host for Python programs, speaking the engine's LanguageRuntime gRPC protocol.

The Go `pulumi-language-python` is not served by the module proxy here, so `pulumi up` on a
Python project has no language host. This one serves the same protocol with the SDK's own
Automation API language server, running the project's ``__main__.py`` (``main:`` in
Pulumi.yaml), so `pulumi preview/up/refresh/destroy/install` work on a project directory as
with the official host. Pulumi.yaml's ``runtime.options`` are read as that host reads them
(``runtime_options``): with a ``virtualenv`` the program runs in that venv's python
(``project_python``), else in this interpreter; what the host cannot honour is refused in
one line.
"""

from __future__ import annotations

import asyncio
import os
import runpy
import sys
import traceback
from collections.abc import Iterator
from concurrent import futures
from pathlib import Path
from threading import Event
from typing import Any

import grpc
import pulumi
from google.protobuf import json_format
from pulumi.automation._server import LanguageServer
from pulumi.runtime import reset_options, run_in_stack, set_all_config
from pulumi.runtime.proto import language_pb2, language_pb2_grpc

from zoomcc.engine.project_python import install_dependencies, run_in_virtualenv, typecheck
from zoomcc.engine.runtime_options import (
    PythonRuntime,
    RuntimeOptionError,
    check_virtualenv,
    parse_runtime_options,
)

_MAX_MESSAGE = 400 * 1024 * 1024


def _program_path(request: Any) -> Path:
    """The file to run: ProgramInfo when the engine sends it, else the working directory."""
    info = getattr(request, "info", None)
    directory = getattr(info, "program_directory", "") if info is not None else ""
    entry = getattr(info, "entry_point", "") if info is not None else ""
    base = Path(directory or request.program or request.pwd or os.getcwd())
    if entry and entry != ".":
        base = base / entry
    if base.is_dir():
        base = base / "__main__.py"
    return base


def user_traceback(program: Path, error: BaseException) -> str:
    """The traceback from the program's own frames down, as the official host shows it: the
    host's, runpy's and the SDK's frames above it say nothing to the user."""
    frames = traceback.extract_tb(error.__traceback__)
    for index, frame in enumerate(frames):
        if Path(frame.filename).resolve() == program.resolve():
            limit = -(len(frames) - index)
            return "".join(traceback.format_exception(error, limit=limit))
    return "".join(traceback.format_exception(error))


class ProjectLanguageServer(LanguageServer):
    """Runs the project's program file for each Run request.

    A failing program is reported once, as the official host does it ("Program failed with
    an unhandled exception:" and the program's own frames), and the engine is told the error
    was shown (``bail``), so it does not print it a second time.
    """

    def __init__(self, engine_address: str = "") -> None:
        super().__init__(lambda: None)
        self.engine_address = engine_address

    def Run(self, request: Any, context: Any) -> Any:
        """Run the program as Pulumi.yaml's runtime options say: in the project's virtualenv
        when it names one, else in this interpreter."""
        try:
            runtime = project_runtime(request)
            check_virtualenv(runtime)
        except RuntimeOptionError as error:
            return language_pb2.RunResponse(error=str(error))
        checked = typecheck(runtime, program_directory(request))
        if checked:
            return language_pb2.RunResponse(error=checked)
        if runtime.virtualenv is not None:
            failure, bail = run_in_virtualenv(runtime, request, self.engine_address)
            return language_pb2.RunResponse(error=failure, bail=bail)
        return self.run_here(request)

    def InstallDependencies(self, request: Any, context: Any) -> Iterator[Any]:
        """`pulumi install`: the project's virtualenv made and its requirements installed."""
        try:
            runtime = project_runtime(request)
            for stream, chunk in install_dependencies(runtime, program_directory(request)):
                yield language_pb2.InstallDependenciesResponse(**{stream: chunk})
        except RuntimeOptionError as error:
            context.abort(grpc.StatusCode.FAILED_PRECONDITION, str(error))

    def run_here(self, request: Any) -> Any:
        """Run the program in this interpreter (no ``virtualenv`` in Pulumi.yaml)."""
        main = _program_path(request)
        if request.pwd:
            os.chdir(request.pwd)
        sys.path.insert(0, str(main.parent))
        reset_options(
            project=request.project,
            monitor_address=request.monitor_address,
            engine_address=request.args[0] if request.args else "",
            stack=request.stack,
            parallel=request.parallel,
            preview=request.dryRun,
            organization=request.organization or "organization",
        )
        if request.config:
            set_all_config(request.config, request.configSecretKeys or None)
        result = language_pb2.RunResponse()
        loop = asyncio.new_event_loop()
        if request.parallel:
            loop.set_default_executor(futures.ThreadPoolExecutor(max(request.parallel, 1) * 4))

        def program() -> None:
            runpy.run_path(str(main), run_name="__main__")

        try:
            loop.run_until_complete(run_in_stack(program))
        except pulumi.RunError as error:  # already a message for the user, not a bug
            pulumi.log.error(str(error))
            result.bail = True
        except grpc.RpcError as error:
            if error.code() != grpc.StatusCode.UNAVAILABLE:  # UNAVAILABLE: engine shutting down
                result.error = f"RPC error: {error.details()}"
        except Exception as error:
            pulumi.log.error(
                "Program failed with an unhandled exception:\n" + user_traceback(main, error)
            )
            result.bail = True
        finally:
            for task in asyncio.all_tasks(loop):
                task.cancel()
            loop.close()
            sys.path.remove(str(main.parent))
            sys.stdout.flush()
            sys.stderr.flush()
        return result


def program_directory(request: Any) -> Path:
    """The program's folder (ProgramInfo), for a Run or an InstallDependencies request."""
    here = getattr(request, "pwd", "") or getattr(request, "directory", "") or os.getcwd()
    return Path(request.info.program_directory or here)


def project_runtime(request: Any) -> PythonRuntime:
    """The runtime options of the project the engine runs (ProgramInfo)."""
    info = request.info
    return parse_runtime_options(
        json_format.MessageToDict(info.options),
        Path(info.root_directory or program_directory(request)),
        program_directory(request),
    )


def main() -> None:
    engine_address = next((a for a in sys.argv[1:] if not a.startswith("-")), "")
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=4),
        options=[
            ("grpc.max_receive_message_length", _MAX_MESSAGE),
            ("grpc.max_send_message_length", _MAX_MESSAGE),
        ],
    )
    language_pb2_grpc.add_LanguageRuntimeServicer_to_server(
        ProjectLanguageServer(engine_address), server
    )
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(port, flush=True)
    try:
        Event().wait()
    except KeyboardInterrupt:
        server.stop(0)


if __name__ == "__main__":
    main()
