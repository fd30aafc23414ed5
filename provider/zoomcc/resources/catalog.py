"""The registry of every resource type the provider manages; the specs themselves live in
``zoomcc.resources.areas``, one module per area."""

from __future__ import annotations

from typing import TypeVar

from zoomcc.resources.areas import AREAS
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.membership import MembershipSpec
from zoomcc.resources.settings import SettingsSpec
from zoomcc.resources.spec import ResourceSpec


def _in_order() -> tuple[BaseSpec, ...]:
    """Every spec, objects first, then memberships, then settings, each by area."""
    kinds = (ResourceSpec, MembershipSpec, SettingsSpec)
    return tuple(
        spec
        for kind in kinds
        for specs in AREAS.values()
        for spec in specs
        if isinstance(spec, kind)
    )


ALL: tuple[BaseSpec, ...] = _in_order()
BY_NAME: dict[str, BaseSpec] = {spec.name: spec for spec in ALL}
OBJECTS: tuple[ResourceSpec, ...] = tuple(s for s in ALL if isinstance(s, ResourceSpec))
"""The object kind only (no memberships or settings): what lookups and the exporter read."""
AREA_OF: dict[str, str] = {spec.name: area for area, specs in AREAS.items() for spec in specs}
"""Type name -> the area it belongs to."""

Kind = TypeVar("Kind", bound=BaseSpec)


def get(name: str) -> BaseSpec:
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"zoomcc: no resource type {name!r}; known: {sorted(BY_NAME)}") from None


def get_kind(name: str, kind: type[Kind]) -> Kind:
    """The spec of ``name``, which must be of ``kind`` (TypeError otherwise)."""
    spec = get(name)
    if not isinstance(spec, kind):
        raise TypeError(f"zoomcc: {name} is a {type(spec).__name__}, not a {kind.__name__}")
    return spec


def get_object(name: str) -> ResourceSpec:
    """The spec of the object type ``name``."""
    return get_kind(name, ResourceSpec)
