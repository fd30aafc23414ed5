"""The file ``pulumi import --file`` takes, for a whole account: every exported object by its
id, every membership and settings resource by its parent's id (a membership kept per
``assign_type`` as ``<parent id>:<value>``), typed ``zoomcc:index:<Name>`` for the native
plugin. Imported so into a YAML (or any-language) stack, the account is managed as it is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from zoomcc.exporter.exported import ExportedObject, ExportResult
from zoomcc.resources.membership import MembershipSpec
from zoomcc.resources.property_names import camel
from zoomcc.resources.settings import SettingsSpec

SEPARATOR = ":"
"""Between a membership's parent id and its list's filter value (the plugin reads it so)."""


def import_id(obj: ExportedObject) -> str | None:
    """The id ``pulumi import`` reads ``obj`` by; None where the plugin cannot import it by
    one id (settings kept per user of a parent)."""
    spec = obj.spec
    if obj.has_own_id:
        return obj.object_id
    if isinstance(spec, SettingsSpec) and any(part.key_fields for part in spec.parts):
        return None
    if isinstance(spec, MembershipSpec) and spec.list_filters:
        value = obj.inputs.get(spec.list_filters[0])
        return f"{obj.parent_id}{SEPARATOR}{value}" if value is not None else obj.parent_id
    return obj.parent_id


def import_entries(result: ExportResult) -> tuple[list[dict[str, Any]], list[str]]:
    """The file's resources, and the names of those left out (with why)."""
    entries: list[dict[str, Any]] = []
    left_out: list[str] = []
    for obj in result.objects:
        found = import_id(obj)
        if found is None:
            left_out.append(f"{obj.spec.name} {obj.name}: settings kept per user")
            continue
        entries.append(
            {"type": f"zoomcc:index:{obj.spec.name}", "name": camel(obj.name), "id": found}
        )
    return entries, left_out


def write_import_file(result: ExportResult, path: Path) -> list[str]:
    """Write ``path`` (``{"resources": [...]}``); the resources left out, each with why."""
    entries, left_out = import_entries(result)
    path.write_text(json.dumps({"resources": entries}, indent=2) + "\n", encoding="utf-8")
    return left_out
