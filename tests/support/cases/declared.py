"""One declared resource per type, from the cases of every kind: the stack the engine tiers
and the bench build (prerequisites made first through the API, with unique names)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

import pulumi

import pulumi_zoomcc as zoomcc
from tests.support.cases.by_type import MEMBERSHIPS, OBJECTS, SETTINGS
from tests.support.cases.case import Values
from tests.support.cases.unique import UniqueNames, UniqueSeeds
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog


@dataclass
class Declared:
    type_name: str
    kind: str  # "crud", "membership" or "settings"
    inputs: Values
    changed: Values
    prereq_values: list[str]
    """Every string the prerequisites hold (their ids among them)."""

    @property
    def name(self) -> str:
        return self.type_name.lower()


def strings(value: Any) -> Iterable[str]:
    """Every string in a JSON-like value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from strings(v)


def _declare_one(api: ZoomClient, emulator: EmulatorServer, type_name: str, tag: int) -> Declared:
    if type_name in OBJECTS:
        case = OBJECTS[type_name]
        prereqs = case.prereq(api) if case.prereq else {}
        inputs = case.inputs(prereqs)
        changed = case.updated(inputs, prereqs)
        return Declared(type_name, "crud", inputs, changed, list(strings(prereqs)))
    if type_name in MEMBERSHIPS:
        membership = MEMBERSHIPS[type_name]
        parent = (
            f"parent-{tag}-{type_name.lower()}"
            if membership.parent_collection is None
            else membership.parent(api, emulator)
        )
        members = membership.members(api, emulator)
        inputs = membership.inputs(parent, members)
        changed = membership.updated(inputs, members)
        held = [parent, members[0], members[1], members[3]]
        return Declared(type_name, "membership", inputs, changed, list(strings(held)))
    settings = SETTINGS[type_name]
    prereqs = settings.prereq(api, emulator)
    inputs = settings.inputs(prereqs)
    changed = settings.updated(inputs, prereqs)
    return Declared(type_name, "settings", inputs, changed, list(strings(prereqs)))


def declare(
    api: ZoomClient, emulator: EmulatorServer, types: Iterable[str] | None = None
) -> tuple[list[Declared], dict[str, str]]:
    """One declared resource per type (every type unless ``types`` names some), its
    prerequisites made now; and the types left out, each with why."""
    out: list[Declared] = []
    skipped: dict[str, str] = {}
    names = [s.name for s in catalog.ALL] if types is None else list(types)
    for tag, type_name in enumerate(names, start=1):
        if not hasattr(zoomcc, type_name):
            skipped[type_name] = "no class in the pulumi_zoomcc SDK yet"
        elif type_name not in {**OBJECTS, **MEMBERSHIPS, **SETTINGS}:
            skipped[type_name] = "no lifecycle test data for this type yet"
        else:
            unique_api = cast(ZoomClient, UniqueNames(api, tag))
            unique_emulator = cast(EmulatorServer, UniqueSeeds(emulator, tag))
            try:
                out.append(_declare_one(unique_api, unique_emulator, type_name, tag))
            except Exception as exc:
                skipped[type_name] = f"prerequisites failed: {type(exc).__name__}: {exc}"
    return out, skipped


def program(declared: list[Declared], variant: int) -> Callable[[], None]:
    """A Pulumi program of the declared resources: their inputs, or (variant 2) their
    updated inputs."""

    def run() -> None:
        for d in declared:
            cls = getattr(zoomcc, d.type_name)
            cls(d.name, **(d.changed if variant == 2 else d.inputs))
        pulumi.export("count", len(declared))

    return run
