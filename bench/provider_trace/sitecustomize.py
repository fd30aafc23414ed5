"""Benchmark-only shim: log when the dynamic provider process starts and when each of its
Configure, Check and Create calls begins and ends, one line each, to the file named by
``ZOOMCC_TRACE`` (``bench.scale --trace PATH`` puts this directory first on the provider
process's PYTHONPATH). It splits a paced up's lead: when the engine started the provider,
how long its first Check took (importing zoomcc), when the first Create arrived.

Lines: ``<unix time> process <pid>``, ``<unix time> registered``,
``<unix time> <Configure|Check|Create> <in|out>``.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import Any

_PATH = os.environ.get("ZOOMCC_TRACE")

if _PATH:
    _file = open(_PATH, "a")  # noqa: SIM115 - open for the process's life
    _lock = threading.Lock()

    def _emit(*words: object) -> None:
        with _lock:
            _file.write(" ".join(map(str, words)) + "\n")
            _file.flush()

    def _timed(call: Callable[[Any, Any], Any], name: str) -> Callable[[Any, Any], Any]:
        def timed(request: Any, context: Any) -> Any:
            _emit(time.time(), name, "in")
            try:
                return call(request, context)
            finally:
                _emit(time.time(), name, "out")

        return timed

    _emit(time.time(), "process", os.getpid())
    from pulumi.runtime.proto import provider_pb2_grpc as _grpc

    _register = _grpc.add_ResourceProviderServicer_to_server

    def _register_timed(servicer: Any, server: Any) -> None:
        for name in ("Configure", "Check", "Create"):
            setattr(servicer, name, _timed(getattr(servicer, name), name))
        _emit(time.time(), "registered")
        _register(servicer, server)

    _grpc.add_ResourceProviderServicer_to_server = _register_timed
