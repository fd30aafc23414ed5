"""Test data of the assets area: asset categories, assets, flows and their entry points."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from tests.support.cases.case import (
    Case,
    MembershipCase,
    SettingsCase,
    deleted_as_the_spec_says,
)
from tests.support.cases.parents import seeded
from zoomcc.client import ZoomClient
from zoomcc.dynamic.resource_api import ResourceApi
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog


def _files(client: ZoomClient) -> dict[str, Any]:
    """A category and two small audio files (their bytes differ)."""
    category = ResourceApi(catalog.get_object("AssetCategory"), client).create(
        {"category_name": "Prompts", "category_scope": "system"}
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


FLOW_FIXTURE = Path(__file__).parents[1] / "fixtures" / "flow_export.json"
"""A small exported voice flow."""


def flow_files(client: ZoomClient | None = None) -> dict[str, Any]:
    """The exported flow, the same flow reformatted, and a changed flow (temporary copies)."""
    folder = Path(tempfile.mkdtemp(prefix="zoomcc-flows-"))
    content = json.loads(FLOW_FIXTURE.read_text())
    paths = {"flow": folder / "flow.json", "reformatted": folder / "reformatted.json"}
    paths["flow"].write_text(FLOW_FIXTURE.read_text())
    # Same JSON: keys in another order, other indentation.
    paths["reformatted"].write_text(json.dumps(dict(reversed(content.items())), indent=4))
    changed = {**content, "widgets": [*content["widgets"], {"id": "bye", "type": "Hangup"}]}
    paths["changed"] = folder / "changed.json"
    paths["changed"].write_text(json.dumps(changed, indent=2))
    return {name: str(path) for name, path in paths.items()}


def entry_points(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [
        {"entry_id": "entry0", "entry_language": "en-US"},
        {"entry_id": "entry1"},
        {"entry_id": "entry2"},
        {"entry_id": "entry3", "entry_language": "fr-FR"},
    ]


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
        # Zoom deletes only archived assets (reference line 3612): archive, then delete.
        delete_out_of_band=deleted_as_the_spec_says("Asset"),
    ),
    Case(
        "Flow",
        lambda p: {"name": "Support IVR", "file": p["flow"], "publish": True},
        # New content: imported as a new version of the same flow (nothing replaces).
        update={"description": "Main support line", "file": "@changed"},
        prereq=flow_files,
    ),
]

MEMBERSHIP_CASES: list[MembershipCase] = [
    MembershipCase(
        "FlowEntryPoints",
        seeded("flows", flow_name="Support IVR", channel="voice"),
        "flows",
        entry_points,
    ),
]

SETTINGS_CASES: list[SettingsCase] = []
