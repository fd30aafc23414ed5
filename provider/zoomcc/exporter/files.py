"""Files beside the program: a flow's JSON (written), an asset's media (to be supplied)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zoomcc.exporter.model import ExportedObject
from zoomcc.exporter.naming import identifier
from zoomcc.exporter.references import FilePath, FlowFile, Ref
from zoomcc.resources.flow_content import placeholder

MEDIA_SUFFIX = {"audio": ".mp3", "image": ".png", "video": ".mp4", "slides": ".pdf"}
"""The file an asset item of each ``asset_type`` most often holds."""


def attach_flow(obj: ExportedObject, names: Mapping[str, str]) -> None:
    """The flow's exported JSON goes to ``flows/<name>.json``, which ``file`` names. Every
    id of an exported object in it (``names``: id -> resource name; a queue it routes to,
    an asset it plays) is written ``${<name>}``, and ``file`` is then the program's
    ``zoomcc.flow_file(...)``, which puts the ids of the account it runs in back."""
    text = obj.files.pop("flow_file", None)
    if text is None:
        return
    path = f"flows/{obj.name}.json"
    others = {i: n for i, n in names.items() if i != obj.object_id}  # not itself: a cycle
    found = sorted({name for object_id, name in others.items() if object_id in text})
    for object_id, name in sorted(others.items(), key=lambda pair: -len(pair[0])):
        if name in found:
            text = text.replace(object_id, placeholder(name))
    obj.files[path] = text
    if found:
        obj.inputs["flow_file"] = FlowFile(path, tuple((n, Ref(n)) for n in found))
        obj.notes.append(
            f"{path} names what the flow routes to as ${{<resource>}} ({', '.join(found)}): "
            "zoomcc.flow_file writes it with this account's ids before the flow is uploaded."
        )
    else:
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
