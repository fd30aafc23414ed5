"""A fork server for provider processes (`python -m pulumi.dynamic`, `pulumi-resource-zoomcc`):
each one the tests ask for is a fork of this one, which has imported pulumi, grpc and zoomcc
once.

Starting ``python -m pulumi.dynamic`` costs about a second of CPU, nearly all of it imports;
the provider tier starts one per test. A fork of a process that only imported those modules
and then runs ``pulumi.dynamic`` as ``__main__`` (as ``-m`` does) is, to the test, the process
the engine's shim starts: ``pulumi.dynamic``'s provider cache, zoomcc's clients, name index
and collection listings are all created in the fork and die with it, so no test can see
another's. The same holds for the plugin, whose ``main`` runs in the fork as its console
script runs it. This file is run by path (``python -u provider_forks.py``) by
``tests.support.grpc_forks``; it never imports ``tests``.

Protocol: one line on stdin per provider process wanted, ``dynamic`` or ``plugin``; the
answer is one line on stdout, ``<pid> <port>`` (``<pid> error`` when the fork did not
start). End of stdin (the tests' process ended) ends the server once its forks ended; a fork
whose server ended exits too.
"""

from __future__ import annotations

import gc
import importlib
import os
import runpy
import signal
import sys
import threading
import time
from typing import NoReturn

PRELOADED = (
    "dill",
    "grpc",
    "pulumi.dynamic",
    "pulumi.runtime",
    "zoomcc.dynamic.registry",
    "zoomcc.plugin.main",
)
"""What ``python -m pulumi.dynamic`` imports, what unpickling a zoomcc provider on its first
call imports, and the plugin's console script."""


def preload() -> None:
    """Import :data:`PRELOADED` without running anything (no grpc server, no thread: a fork
    of a threaded process may deadlock), and index the packaged API spec (65 ms a process):
    ``load_api_spec`` is a pure function of the installed file, cached for the process's
    life, so a fork holding it is the process after its first call, with nothing in it from
    any test."""
    for name in PRELOADED:
        importlib.import_module(name)
    from zoomcc.apispec import load_api_spec

    load_api_spec()
    gc.freeze()  # a fork's collections leave these objects (and their shared pages) alone


def run_dynamic() -> None:
    """``python -m pulumi.dynamic``: its ``__main__`` module run anew."""
    runpy.run_module("pulumi.dynamic", run_name="__main__", alter_sys=True)


def run_plugin() -> None:
    """The ``pulumi-resource-zoomcc`` console script, given the engine's address argument."""
    from zoomcc.plugin.main import main

    sys.argv = ["pulumi-resource-zoomcc", "127.0.0.1:1"]
    main()


KINDS = {"dynamic": run_dynamic, "plugin": run_plugin}


def _exit_with(parent: int) -> None:
    """End this fork when the fork server is gone (the tests ended without killing it)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def serve_one(kind: str, port_pipe: int, parent: int) -> NoReturn:
    """In the fork: run the ``kind`` of provider, its port line going to ``port_pipe``."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.dup2(port_pipe, 1)
    os.close(port_pipe)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    try:
        KINDS[kind]()
    finally:
        os._exit(1)


def _reap(*_: object) -> None:
    """Wait for the forks that ended (so their CPU time counts in this process's children's,
    as a spawned process's does for the tests' process)."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass
    except ChildProcessError:
        pass


def main() -> None:
    preload()
    signal.signal(signal.SIGCHLD, _reap)
    for line in sys.stdin:
        kind = line.strip()
        assert threading.active_count() == 1, "forking a threaded process"
        read_end, write_end = os.pipe()
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            serve_one(kind, write_end, os.getppid())
        os.close(write_end)
        with os.fdopen(read_end, "rb") as ports:
            port = ports.readline().decode().strip()
        sys.stdout.write(f"{pid} {port if port.isdigit() else 'error'}\n")
        sys.stdout.flush()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    try:
        while True:
            os.wait()
    except ChildProcessError:
        pass


if __name__ == "__main__":
    main()
