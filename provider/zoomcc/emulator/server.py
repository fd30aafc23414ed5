"""Running the emulator: in a background thread for tests, or in the foreground for the CLI."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from typing import Final, TextIO

import uvicorn

from zoomcc.emulator.admin import ADMIN_PREFIX
from zoomcc.emulator.api_routes import API_PREFIX
from zoomcc.emulator.app import EmulatorApp, create_app
from zoomcc.emulator.collection import Collection
from zoomcc.emulator.oauth import OAUTH_PATH
from zoomcc.emulator.refusals import Json
from zoomcc.emulator.state import EmulatorState
from zoomcc.emulator.table import DEFAULT_COLLECTIONS

DEFAULT_HOST: Final = "127.0.0.1"
DEFAULT_PORT: Final = 8765
_START_TIMEOUT: Final = 15.0


def _base_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def _uvicorn_config(
    app: EmulatorApp,
    log_level: str,
    access_log: bool,
    host: str = "127.0.0.1",
    port: int = 8000,
) -> uvicorn.Config:
    # No proxy-header rewriting: the outer app relies on getting uvicorn's own `send`.
    return uvicorn.Config(
        app,
        lifespan="off",
        log_level=log_level,
        access_log=access_log,
        proxy_headers=False,
        server_header=False,
        host=host,
        port=port,
    )


class EmulatorServer:
    """The emulator on loopback in a background thread, for tests.

    ``with EmulatorServer(port=0, rate_limits_enabled=True) as emu:`` binds 127.0.0.1 on a
    free port, waits until uvicorn accepts connections, and stops it on exit. Options are
    :class:`~zoomcc.emulator.state.EmulatorConfig` field names.
    """

    def __init__(
        self,
        host: str = DEFAULT_HOST,
        port: int = 0,
        *,
        collections: Sequence[Collection] = DEFAULT_COLLECTIONS,
        log_level: str = "warning",
        **options: Json,
    ) -> None:
        self.host = host
        self._requested_port = port
        self.state = EmulatorState(collections, **options)
        self.app = create_app(self.state)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._log_level = log_level
        self.port = port

    # -- addresses -----------------------------------------------------------------------

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``, what the token endpoint returns as ``api_url``."""
        return _base_url(self.host, self.port)

    @property
    def api_base_url(self) -> str:
        """The API base, ``url + "/v2"`` (like ``https://api.zoom.us/v2``)."""
        return self.url + API_PREFIX

    @property
    def oauth_url(self) -> str:
        """The token endpoint (like ``https://zoom.us/oauth/token``)."""
        return self.url + OAUTH_PATH

    @property
    def admin_url(self) -> str:
        """Where the ``/_emulator/...`` test endpoints live."""
        return self.url + ADMIN_PREFIX

    @property
    def credentials(self) -> dict[str, str]:
        """The account id, client id and secret the token endpoint accepts."""
        cfg = self.state.config
        return {
            "account_id": cfg.account_id,
            "client_id": cfg.client_id,
            "client_secret": cfg.client_secret,
        }

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> EmulatorServer:
        """Bind, start uvicorn in a daemon thread, and wait until it serves."""
        if self._thread is not None:
            raise RuntimeError("the emulator is already running")
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted sockets only when
        # the listening socket says TCP, and without it every keep-alive request waits ~40 ms
        # (uvicorn writes headers and body separately: Nagle meets delayed ACK).
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self._requested_port))
        except OSError:
            sock.close()
            raise
        self._socket = sock
        self.port = sock.getsockname()[1]
        server = uvicorn.Server(_uvicorn_config(self.app, self._log_level, access_log=False))
        self._server = server
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="zoomcc-emulator", daemon=True
        )
        self._thread = thread
        thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the emulator did not start on {self.url}")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        """Stop uvicorn and release the port (idempotent)."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=_START_TIMEOUT)
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self._socket = None

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def serve(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    collections: Sequence[Collection] = DEFAULT_COLLECTIONS,
    log_level: str = "info",
    banner: TextIO | None = sys.stderr,
    snapshot: Mapping[str, Json] | None = None,
    **options: Json,
) -> None:
    """Run the emulator in the foreground until interrupted (``zoomcc emulator``).

    Binds loopback unless another ``host`` is given. ``options`` are
    :class:`~zoomcc.emulator.state.EmulatorConfig` field names; ``snapshot`` (a ``zoomcc
    snapshot`` document) replaces the fresh account's objects with a real account's.
    """
    state = EmulatorState(collections, **options)
    not_loaded = state.load_snapshot(snapshot) if snapshot is not None else []
    app = create_app(state)
    if banner is not None:
        url, cfg = _base_url(host, port), state.config
        print(
            f"Zoom Contact Center emulator on {url}\n"
            f"  API base URL: {url}{API_PREFIX}\n"
            f"  OAuth URL:    {url}{OAUTH_PATH}\n"
            f"  account id:   {cfg.account_id}\n"
            f"  client id:    {cfg.client_id}\n"
            f"  admin:        {url}{ADMIN_PREFIX}/objects, /requests, /config, /reset",
            file=banner,
            flush=True,
        )
        if snapshot is not None:
            held = sum(len(v) for v in state.all_objects().values())
            print(f"  snapshot:     {held} objects loaded, ids kept", file=banner, flush=True)
        for line in not_loaded:
            print(f"  not loaded:   {line}", file=banner, flush=True)
    server = uvicorn.Server(_uvicorn_config(app, log_level, access_log=True, host=host, port=port))
    server.run()
