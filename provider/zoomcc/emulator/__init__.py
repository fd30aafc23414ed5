"""A local Zoom Contact Center API for offline previews and for the test suite.

Serves the manageable collections on loopback with the reference's paths and JSON shapes,
Server-to-Server OAuth, pagination, Zoom-style errors, optional rate limits and fault
injection, plus ``/_emulator/...`` admin endpoints. ``serve()`` is all the CLI needs;
tests use ``with EmulatorServer(port=0) as emu:``.
"""

from zoomcc.emulator.app import EmulatorApp, create_app, drop_connection
from zoomcc.emulator.model import (
    OMIT,
    Collection,
    ErrorDef,
    FieldSpec,
    HookContext,
    Hooks,
    ParentRef,
    Reference,
    ZoomApiError,
)
from zoomcc.emulator.server import DEFAULT_HOST, DEFAULT_PORT, EmulatorServer, serve
from zoomcc.emulator.state import ROOT_TEAM_ID, EmulatorConfig, EmulatorState, LoggedRequest
from zoomcc.emulator.store import Store
from zoomcc.emulator.table import DEFAULT_COLLECTIONS

__all__ = [
    "DEFAULT_COLLECTIONS",
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "OMIT",
    "ROOT_TEAM_ID",
    "Collection",
    "EmulatorApp",
    "EmulatorConfig",
    "EmulatorServer",
    "EmulatorState",
    "ErrorDef",
    "FieldSpec",
    "HookContext",
    "Hooks",
    "LoggedRequest",
    "ParentRef",
    "Reference",
    "Store",
    "ZoomApiError",
    "create_app",
    "drop_connection",
    "serve",
]
