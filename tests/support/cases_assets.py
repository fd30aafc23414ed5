"""Lifecycle test data for the assets resources."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from tests.support.cases import Case
from zoomcc.client import ZoomClient


def _files(client: ZoomClient) -> dict[str, Any]:
    """A category and two small audio files (their bytes differ)."""
    category = client.request(
        "POST",
        "/contact_center/asset_library/categories",
        json={"category_name": "Prompts", "category_scope": "system"},
    )
    folder = Path(tempfile.mkdtemp(prefix="zoomcc-assets-"))
    paths = {}
    for name, data in (("hello", b"ID3 hello"), ("bonjour", b"ID3 bonjour")):
        path = folder / f"{name}.mp3"
        path.write_bytes(data)
        paths[name] = str(path)
    return {
        "category": category["category_id"],
        **paths,
        "items_v2": [
            {"asset_item_language": "en-US", "is_default": True, "upload_file": paths["bonjour"]},
            {"asset_item_language": "fr-FR", "upload_file": paths["hello"]},
        ],
    }


CASES: list[Case] = [
    Case(
        "AssetCategory",
        lambda p: {"name": "IVR prompts", "scope": "system"},
        update={"name": "IVR prompts (2027)"},
        replace={"scope": "agent"},
    ),
    Case(
        "Asset",
        lambda p: {
            "name": "Greeting",
            "type": "audio",
            "category_id": p["category"],
            "items": [
                {"asset_item_language": "en-US", "is_default": True, "upload_file": p["hello"]}
            ],
        },
        # New content behind the en-US item, and a second language.
        update={"description": "Welcome prompt", "items": "@items_v2"},
        replace={"type": "image"},
        prereq=_files,
    ),
]
