"""Ids become references: every string equal to the id of an exported object, at any depth
(lists, nested objects), is a Python reference to it, found by the value whatever the field
is called; an id of anything else (a phone number, a SIP zone, a built-in role) becomes a
stack config value with a name saying what it is, never a literal in the program."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zoomcc.exporter.exported import ExportedObject
from zoomcc.exporter.naming import identifier
from zoomcc.resources.membership import MembershipSpec
from zoomcc.resources.spec import ResourceSpec


@dataclass(frozen=True)
class Ref:
    """``<name>.id``: the id of the exported resource ``name``."""

    name: str


@dataclass(frozen=True)
class ConfigValue:
    """``config.require("<key>")``: an id of an object outside the export
    (``config.get``, left unset, for a reference cut out of a cycle)."""

    key: str
    optional: bool = False


@dataclass(frozen=True)
class FilePath:
    """A file written next to the program (a flow's JSON), or one to supply (asset media)."""

    path: str


@dataclass(frozen=True)
class FlowFile:
    """``flow_file("<path>", {"<name>": <name>.id, ...})``: a flow's JSON written beside the
    program with each id of an exported object replaced by ``${<name>}``, resolved by the
    program against the ids of the account it runs in."""

    path: str
    ids: tuple[tuple[str, Any], ...]
    """(placeholder name, what it stands for: a ``Ref``, or a ``ConfigValue`` once cut)."""


def is_id_field(key: str) -> bool:
    """Whether a field named ``key`` holds ids (``*_id``, ``*_ids``, ``id``)."""
    return key == "id" or key.endswith(("_id", "_ids"))


@dataclass
class Linker:
    """Turns the ids in every resource's arguments into references and config values."""

    by_id: dict[str, ExportedObject]
    outside_names: dict[str, str]
    """Ids of objects read but not exported (built-ins) -> their config key."""
    config: dict[str, str]
    """Config key -> value in the source account (filled as ids are met)."""

    def link(self, obj: ExportedObject) -> dict[str, Any]:
        spec = obj.spec
        ordered = spec.ordered if isinstance(spec, ResourceSpec) else frozenset()
        out: dict[str, Any] = {}
        for key, value in sorted(obj.inputs.items()):
            held = is_id_field(key) or key in spec.references
            linked = self._walk(obj, value, key, [key], held)
            if isinstance(linked, list) and key not in ordered:
                linked = _sorted_refs(linked)
            out[key] = linked
        if isinstance(spec, MembershipSpec):
            out[spec.members_field] = _sorted_refs(out[spec.members_field])
        return out

    def _walk(self, obj: ExportedObject, value: Any, key: str, path: list[str], held: bool) -> Any:
        if isinstance(value, dict):
            return {k: self._walk(obj, v, k, [*path, k], is_id_field(k)) for k, v in value.items()}
        if isinstance(value, list):
            return [
                self._walk(obj, v, key, [*path, str(n)], held) for n, v in enumerate(value, start=1)
            ]
        if not isinstance(value, str):
            return value
        target = self.by_id.get(value)
        if target is not None and target is not obj:
            return Ref(target.name)
        if not held:
            return value
        return ConfigValue(self._config_key(obj, value, path))

    def _config_key(self, obj: ExportedObject, value: str, path: list[str]) -> str:
        for key, known in self.config.items():
            if known == value:
                return key
        named = [p for p in path if not p.isdigit()][-1:]
        place = [obj.name, *named, *[p for p in path if p.isdigit()][-1:]]
        key = self.outside_names.get(value) or identifier("_".join(place))
        base, n = key, 2
        while key in self.config:
            key, n = f"{base}_{n}", n + 1
        self.config[key] = value
        return key


def _sorted_refs(items: list[Any]) -> list[Any]:
    """A list compared as a set, in an order two accounts agree on: references by name,
    config values and literals after them as they came."""
    if not any(_has_ref(v) for v in items):
        return items
    return sorted(items, key=lambda v: (0, _ref_text(v)) if _has_ref(v) else (1, ""))


def _has_ref(value: Any) -> bool:
    if isinstance(value, Ref):
        return True
    if isinstance(value, dict):
        return any(_has_ref(v) for v in value.values())
    return False


def _ref_text(value: Any) -> str:
    if isinstance(value, Ref):
        return value.name
    if isinstance(value, dict):
        return repr(sorted((k, _ref_text(v)) for k, v in value.items()))
    return repr(value)


def targets(value: Any) -> list[str]:
    """The names of the resources ``value`` refers to."""
    if isinstance(value, Ref):
        return [value.name]
    if isinstance(value, FlowFile):
        return [t for _, v in value.ids for t in targets(v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in targets(v)]
    if isinstance(value, list):
        return [t for v in value for t in targets(v)]
    return []
