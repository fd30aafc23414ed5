"""Files beside the program: a flow's JSON (written), an asset's media (downloaded from the
URL the API gives, or else to be supplied by the user)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from zoomcc.exporter.exported import ExportedObject
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
    """Each asset item holding media (not text) names its file beside the program, at
    ``assets/<resource>/<language><suffix>``; ``media`` says where the API serves it
    (``asset_item_file_url``), for ``fetch_media`` to download."""
    items: list[Any] = obj.inputs.get("asset_items") or []
    live_items = obj.live.get("asset_items")
    live: list[Any] = live_items if isinstance(live_items, list) else []
    suffix = MEDIA_SUFFIX.get(str(obj.inputs.get("asset_type")), "")
    for n, item in enumerate(items):
        if not isinstance(item, dict) or item.get("asset_item_content") is not None:
            continue
        language = identifier(str(item.get("asset_item_language") or "default"))
        path = f"assets/{obj.name}/{language}{suffix}"
        item["upload_file"] = FilePath(path)
        shown = _live_item(live, n, item.get("asset_item_language"))
        obj.media[path] = str(shown.get("asset_item_file_url") or "")


def _live_item(live: list[Any], n: int, language: Any) -> Mapping[str, Any]:
    """The item as the API showed it: the one of the same language, else the same place."""
    same = [i for i in live if isinstance(i, dict) and i.get("asset_item_language") == language]
    if len(same) == 1:
        return dict(same[0])
    return dict(live[n]) if n < len(live) and isinstance(live[n], dict) else {}


Fetch = Callable[[str], bytes | None]
"""The file at a URL, or None where it does not answer (``ZoomClient.download``)."""


def fetch_media(objects: list[ExportedObject], fetch: Fetch | None) -> dict[str, bytes]:
    """Each asset item's file, downloaded where its URL answers (by path); a note above
    each asset says which files the user must supply instead."""
    found: dict[str, bytes] = {}
    for obj in objects:
        missing = []
        for path, url in sorted(obj.media.items()):
            data = fetch(url) if fetch is not None and url else None
            if data is None:
                missing.append(path)
            else:
                found[path] = data
        if missing:
            obj.notes.append(
                "The API did not give this asset's media back: download each item's file "
                "from the asset library (Contact Center > Asset library) and put it at "
                + ", ".join(missing)
                + " before running this program."
            )
    return found
