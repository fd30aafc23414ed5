"""Files beside the program: a flow's JSON (written), an asset's media (to be supplied)."""

from __future__ import annotations

from typing import Any

from zoomcc.exporter.model import ExportedObject
from zoomcc.exporter.naming import identifier
from zoomcc.exporter.references import FilePath

MEDIA_SUFFIX = {"audio": ".mp3", "image": ".png", "video": ".mp4", "slides": ".pdf"}
"""The file an asset item of each ``asset_type`` most often holds."""


def attach_flow(obj: ExportedObject) -> None:
    """The flow's exported JSON goes to ``flows/<name>.json``, which ``file`` names."""
    text = obj.files.pop("flow_file", None)
    if text is None:
        return
    path = f"flows/{obj.name}.json"
    obj.files[path] = text
    obj.inputs["flow_file"] = FilePath(path)


def attach_media(obj: ExportedObject) -> None:
    """Asset items hold media the API does not give back: each item names the file the user
    must put beside the program, and a note above the resource says so."""
    items: list[Any] = obj.inputs.get("asset_items") or []
    suffix = MEDIA_SUFFIX.get(str(obj.inputs.get("asset_type")), "")
    missing = []
    for item in items:
        if not isinstance(item, dict) or item.get("asset_item_content") is not None:
            continue
        language = identifier(str(item.get("asset_item_language") or "default"))
        path = f"assets/{obj.name}/{language}{suffix}"
        item["upload_file"] = FilePath(path)
        missing.append(path)
    if missing:
        obj.notes.append(
            "The API does not give an asset's media back: download each item's file from "
            "the asset library (Contact Center > Asset library) and put it at "
            + ", ".join(missing)
            + " before running this program."
        )
