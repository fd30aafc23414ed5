"""From what was read to the program's plan: arguments, what stays outside the export,
names, references, files and notes, and the order."""

from __future__ import annotations

from typing import Any

from zoomcc.apispec.names import snake
from zoomcc.exporter.account_objects import built_in
from zoomcc.exporter.arguments import meaningful, missing_required, object_values
from zoomcc.exporter.exported import ExportedObject, ExportResult
from zoomcc.exporter.files import attach_flow, attach_media
from zoomcc.exporter.naming import assign_names, identifier, object_label
from zoomcc.exporter.on_parents import unreadable_parts
from zoomcc.exporter.ordering import dependency_order
from zoomcc.exporter.references import ConfigValue, FlowFile, Linker, Ref
from zoomcc.exporter.server_defaults import (
    account_fills,
    drop_held_values,
    without_account_fills,
)
from zoomcc.resources import catalog
from zoomcc.resources.membership import MembershipSpec
from zoomcc.resources.settings import SettingsSpec
from zoomcc.resources.spec import ResourceSpec


def plan(
    objects: list[ExportedObject], unreadable: list[tuple[str, str, str]] | None = None
) -> ExportResult:
    """The program for ``objects`` (as ``read_account`` found them)."""
    skipped = list(unreadable or [])
    outside: list[tuple[ExportedObject, str]] = []
    kept: list[ExportedObject] = []
    fills = account_fills(objects)
    for obj in objects:
        if isinstance(obj.spec, ResourceSpec):
            obj.label = object_label(obj)
            reason = built_in(obj.spec.name, obj.live)
            values = meaningful(obj.spec, object_values(obj))
            obj.inputs = without_account_fills(obj.spec.name, values, fills)
            missing = missing_required(obj)
            if reason is None and missing:
                reason = f"no {', '.join(missing)}"
                skipped.append((obj.spec.name, obj.object_id, reason))
            if reason is not None:
                outside.append((obj, reason))
                continue
        else:
            assert isinstance(obj.spec, MembershipSpec | SettingsSpec)
            obj.inputs = meaningful(obj.spec, obj.live)
            if not set(obj.inputs) - obj.spec.replace_fields:
                continue  # nothing set on the parent
        kept.append(obj)
    kept = drop_held_values(kept, fills)
    everything = {o.object_id: o for o in objects if o.has_own_id}
    for obj in kept:
        if not obj.has_own_id:
            obj.label = _on_parent_label(obj, everything)
    assign_names(kept, lambda o: o.label)
    named = {o.object_id: o.name for o in kept if o.has_own_id}
    for obj in kept:
        if obj.spec.name == "Flow":
            attach_flow(obj, named)
        if obj.spec.name == "Asset":
            attach_media(obj)
    result = ExportResult([], sorted(set(_named(skipped, objects))))
    outside_names = {}
    for obj, reason in sorted(outside, key=lambda pair: (pair[0].spec.name, pair[0].label)):
        key = identifier(f"{snake(obj.spec.name)}_{obj.label}_id")
        outside_names[obj.object_id] = key
        result.account_objects[key] = f"{obj.spec.name} {obj.label!r}: {reason}"
    linker = Linker({o.object_id: o for o in kept if o.has_own_id}, outside_names, result.config)
    for obj in sorted(kept, key=lambda o: o.name):
        obj.inputs = linker.link(obj)
    result.objects, cuts = dependency_order(kept)
    for source, target in cuts:
        cut_reference(next(o for o in kept if o.name == source), target, result)
    result.notes = _type_notes(kept, objects)
    return result


def cut_reference(obj: ExportedObject, target: str, result: ExportResult) -> None:
    """``obj``'s references to ``target`` close a cycle: they become a config value (the
    target's id in the source account) and a note says how to set it elsewhere."""
    key = f"{obj.name}_{target}_id"
    found = next(o for o in result.objects if o.name == target)
    result.config[key] = found.object_id

    def swap(value: Any) -> Any:
        if value == Ref(target):
            return ConfigValue(key, optional=True)
        if isinstance(value, FlowFile):
            return FlowFile(value.path, tuple((n, swap(v)) for n, v in value.ids))
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        if isinstance(value, list):
            return [swap(v) for v in value]
        return value

    obj.inputs = swap(obj.inputs)
    obj.notes.append(
        f"{obj.name} refers to {target}, which refers back to it: a program cannot declare "
        f"both at once, so the id is the stack config value {key}. In another account the "
        f"first run leaves it unset; then set {key} to {target}'s id and run again."
    )


def _named(
    skipped: list[tuple[str, str, str]], objects: list[ExportedObject]
) -> list[tuple[str, str, str]]:
    """What was left out, each named as the program names it (``on queue_web_chat``, or
    the object's label) rather than by its id: ids differ between accounts, and an exported
    object's id is never a literal in the program."""
    by_id = {o.object_id: o for o in objects if o.has_own_id}
    out = []
    for type_name, object_id, reason in skipped:
        found = by_id.get(object_id)
        if found is None:
            out.append((type_name, object_id, reason))
        elif found.spec.name != type_name:
            out.append((type_name, f"on {found.name or repr(found.label)}", reason))
        else:
            out.append((type_name, repr(found.label), reason))
    return out


def _on_parent_label(obj: ExportedObject, everything: dict[str, ExportedObject]) -> str:
    """A membership's or settings' parent's label, and what else tells it apart (the
    ``assign_type``, the user an inbox notifies)."""
    spec = obj.spec
    assert isinstance(spec, MembershipSpec | SettingsSpec)
    parent = everything.get(obj.parent_id)
    parts = [parent.label if parent is not None else obj.parent_id]
    keys: list[str] = list(getattr(spec, "shared_fields", ()))
    if isinstance(spec, SettingsSpec):
        keys = [k for part in spec.parts for k in part.key_fields]
    for key in keys:
        value = obj.inputs.get(key)
        if value is None:
            continue
        named = everything.get(str(value))
        text = named.label if named is not None else str(value)
        parts.append(text.split("@")[0])
    return "_".join(parts)


def _type_notes(kept: list[ExportedObject], read: list[ExportedObject]) -> list[str]:
    """What the program lacks because the API cannot read it back, per type."""
    parents = {o.spec.name for o in read}
    notes = []
    for spec in catalog.ALL:
        if isinstance(spec, SettingsSpec) and spec.parent_type in parents:
            missing = unreadable_parts(spec)
            if missing:
                shown = ", ".join(f"`{m}`" for m in missing)
                notes.append(
                    f"{spec.name}: {shown} cannot be read back through the API (it is "
                    f"write-only); declare zoomcc.{spec.name} by hand where a "
                    f"{spec.parent_type} has one."
                )
    return notes
