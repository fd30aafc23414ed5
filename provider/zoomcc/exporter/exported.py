"""What the export reads and plans: one found object (or membership, or settings) each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from zoomcc.resources.base import BaseSpec
from zoomcc.resources.spec import ResourceSpec

Progress = Callable[[str, int, int], None]
"""(type name, objects of that type read so far, API requests made so far)."""


def no_progress(_type: str, _read: int, _requests: int) -> None:
    """The default progress: report nothing."""


@dataclass
class ExportedObject:
    """One resource of the program: an object with an id of its own, or a membership or
    settings resource on a parent (``object_id`` is then a key unique in the export)."""

    spec: BaseSpec
    object_id: str
    live: dict[str, Any]
    label: str = ""
    """What the Python name is made of besides the type (the name, the parent's name)."""
    name: str = ""
    inputs: dict[str, Any] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    """Files written next to the program: relative path -> text (a flow's JSON)."""
    notes: list[str] = field(default_factory=list)
    """Comments above the resource: what the API could not give back, how to supply it."""
    media: dict[str, str] = field(default_factory=dict)
    """Files beside the program to download: relative path -> the URL the API gave for it
    (``assets/asset_welcome/en_us.mp3`` -> an item's ``asset_item_file_url``; "" for none)."""
    parent_id: str = ""
    """For memberships and settings: the parent object's id."""

    @property
    def has_own_id(self) -> bool:
        """Whether other resources may point at it by id (objects) and it adopts by id."""
        return isinstance(self.spec, ResourceSpec)


@dataclass
class ExportResult:
    """The planned program: resources in declaration order and what was left out."""

    objects: list[ExportedObject]
    skipped: list[tuple[str, str, str]]
    """(type, id, reason) of what was read but cannot be exported, or not read at all."""
    requests: int = 0
    config: dict[str, str] = field(default_factory=dict)
    """Stack config key -> the source account's value, for ids of objects outside the export."""
    account_objects: dict[str, str] = field(default_factory=dict)
    """Config key -> why the object is outside the export (it exists in every account)."""
    notes: list[str] = field(default_factory=list)
    """Comments at the top of the program (types the API cannot read back)."""
