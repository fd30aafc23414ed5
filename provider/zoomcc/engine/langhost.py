"""A language host for Python programs, speaking the engine's LanguageRuntime gRPC protocol.

The Go `pulumi-language-python` is not served by the module proxy here, so `pulumi up` on a
Python project has no language host. This one serves the same protocol with the SDK's own
Automation API language server, running the project's ``__main__.py`` (``main:`` in
Pulumi.yaml) in this interpreter, so `pulumi preview/up/refresh/destroy` work on a
project directory exactly as with the official host.
"""

from __future__ import annotations

import os
import runpy
import sys
from concurrent import futures
from pathlib import Path
from threading import Event
from typing import Any

import grpc
from pulumi.automation._server import LanguageServer
from pulumi.runtime.proto import language_pb2_grpc

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


class ProjectLanguageServer(LanguageServer):
    """Runs the project's program file for each Run request."""

    def __init__(self) -> None:
        super().__init__(lambda: None)

    def Run(self, request: Any, context: Any) -> Any:
        main = _program_path(request)
        if request.pwd:
            os.chdir(request.pwd)
        sys.path.insert(0, str(main.parent))

        def program() -> None:
            runpy.run_path(str(main), run_name="__main__")

        self.program = program
        try:
            return super().Run(request, context)  # type: ignore[no-untyped-call]
        finally:
            sys.path.remove(str(main.parent))


def main() -> None:
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=4),
        options=[
            ("grpc.max_receive_message_length", _MAX_MESSAGE),
            ("grpc.max_send_message_length", _MAX_MESSAGE),
        ],
    )
    language_pb2_grpc.add_LanguageRuntimeServicer_to_server(ProjectLanguageServer(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(port, flush=True)
    try:
        Event().wait()
    except KeyboardInterrupt:
        server.stop(0)


if __name__ == "__main__":
    main()
