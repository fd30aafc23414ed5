"""`zoomcc export`: read a whole account and write a runnable Pulumi program that adopts it
(a stack with the written ``importIds``) or recreates it in another account (a stack
without them).

``read_account`` reads (objects, memberships, settings, a flow's JSON), ``plan`` decides
the program (arguments, references, names, order), ``write_project`` writes it.
"""

from __future__ import annotations

from zoomcc.exporter.account import read_account, selected_specs
from zoomcc.exporter.exported import ExportedObject, ExportResult, Progress
from zoomcc.exporter.planning import plan
from zoomcc.exporter.project import PROJECT, stack_config, write_project
from zoomcc.exporter.reading import list_is_complete
from zoomcc.exporter.rendering import render_program

__all__ = [
    "PROJECT",
    "ExportResult",
    "ExportedObject",
    "Progress",
    "list_is_complete",
    "plan",
    "read_account",
    "render_program",
    "selected_specs",
    "stack_config",
    "write_project",
]
