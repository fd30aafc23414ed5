"""A local Zoom Contact Center API for offline previews and for the test suite.

Serves the manageable collections on loopback with the reference's paths and JSON shapes,
Server-to-Server OAuth, pagination, Zoom-style errors, optional rate limits and fault
injection, plus ``/_emulator/...`` admin endpoints. ``serve()`` is all the CLI needs;
tests use ``with EmulatorServer(port=0) as emu:``.
"""

from zoomcc.emulator.app import EmulatorApp, create_app
from zoomcc.emulator.collection import (
    OMIT,
    Collection,
    HookContext,
    Hooks,
    ParentRef,
    Reference,
)
from zoomcc.emulator.config import EmulatorConfig
from zoomcc.emulator.connection import drop_connection
from zoomcc.emulator.field_rules import FieldRule
from zoomcc.emulator.refusals import ErrorDef, RequestRefused
from zoomcc.emulator.request_log import LoggedRequest
from zoomcc.emulator.server import DEFAULT_HOST, DEFAULT_PORT, EmulatorServer, serve
from zoomcc.emulator.state import ROOT_TEAM_ID, EmulatorState
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
    "FieldRule",
    "HookContext",
    "Hooks",
    "LoggedRequest",
    "ParentRef",
    "Reference",
    "RequestRefused",
    "Store",
    "create_app",
    "drop_connection",
    "serve",
]
