"""Provider processes forked from one server per test process (``provider_forks.py``):
a new process per test, as the engine starts one per operation, for a few milliseconds of
CPU instead of the second its imports take."""

from __future__ import annotations

import atexit
import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import grpc
from pulumi.runtime.proto import provider_pb2_grpc

Started = tuple[Callable[[], None], str]
"""A provider process: how to end it, and the port it serves on."""

FRESH_ENV = "ZOOMCC_TEST_FRESH_PROVIDERS"
"""Set to 1 to start every provider process as its own program (``python -u -m
pulumi.dynamic``, ``pulumi-resource-zoomcc``; about a second of CPU each) instead of forking
it from :data:`FORKS`: the tests must pass alike."""


def _environ() -> dict[str, str]:
    """This process's environment but pytest's note of the test running (which changes with
    every test and matters to no provider)."""
    return {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}


class ForkServer:
    """This test process's fork server (``provider_forks.py``), started on first use: each
    provider process is a fork of it, with pulumi, grpc and zoomcc imported once, and
    everything else (provider cache, clients, name index, listings) its own."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._environ: dict[str, str] = {}
        """The environment the server started with, so its forks'."""
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (open while the server runs)
        """The server's and its forks' stderr, shown when a fork did not start."""

    def can_fork(self) -> bool:
        """Whether a fork is the process the test asks for: not when :data:`FRESH_ENV` says
        so, nor once ``os.environ`` changed since the server started (a fork would carry
        the old one; the caller starts the process itself)."""
        if os.environ.get(FRESH_ENV) == "1":
            return False
        return self._process is None or self._environ == _environ()

    def _server(self) -> subprocess.Popen[bytes]:
        if self._process is None or self._process.poll() is not None:
            self._environ = _environ()
            self._process = subprocess.Popen(
                [sys.executable, "-u", str(Path(__file__).with_name("provider_forks.py"))],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._log,
            )
        return self._process

    def fork(self, kind: str) -> Started:
        """A new provider process of ``kind`` (``dynamic`` or ``plugin``): how to end it,
        and its port."""
        with self._lock:
            server = self._server()
            assert server.stdin is not None and server.stdout is not None
            server.stdin.write(f"{kind}\n".encode())
            server.stdin.flush()
            answer = server.stdout.readline().decode().split()
        if len(answer) != 2 or not answer[1].isdigit():
            self._log.seek(0)
            raise RuntimeError(f"provider did not start: {answer!r} {self._log.read()[-4000:]!r}")
        pid = int(answer[0])
        return lambda: os.kill(pid, signal.SIGKILL), answer[1]

    def close(self) -> None:
        """End of input ends the server once its forks ended (their CPU time then counts in
        this process's children's); a server still waiting after 10 s is killed."""
        if self._process is not None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=10)
            self._process = None


FORKS = ForkServer()
atexit.register(FORKS.close)


def spawn(command: list[str], env: dict[str, str] | None = None) -> Started:
    """A provider process started as its own program, as the engine starts one: its port is
    the first line it prints."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 (read only if the process did not start)
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=log, env={**os.environ, **(env or {})}
    )
    assert process.stdout is not None
    line = process.stdout.readline().decode().strip()
    if not line.isdigit():
        process.kill()
        process.wait(timeout=10)
        log.seek(0)
        raise RuntimeError(f"{command} did not start: {line!r} {log.read()[-4000:]!r}")

    def stop() -> None:
        process.kill()
        process.wait(timeout=10)
        log.close()

    return stop, line


@contextmanager
def provider_stub(
    kind: str, command: list[str], env: dict[str, str] | None = None
) -> Iterator[provider_pb2_grpc.ResourceProviderStub]:
    """A new provider process of ``kind`` over gRPC: a fork of :data:`FORKS`, or ``command``
    started as its own program where ``env`` differs from this process's or
    ``FORKS.can_fork`` says no; ended when the block ends."""
    fresh = env is not None or not FORKS.can_fork()
    stop, port = spawn(command, env) if fresh else FORKS.fork(kind)
    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    try:
        yield provider_pb2_grpc.ResourceProviderStub(channel)
    finally:
        channel.close()
        stop()
