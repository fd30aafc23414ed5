"""The arguments worth declaring: what the API takes, read back from the live object, less
what says nothing (a value equal to the API's documented default, an empty value, a field
the provider derives or computes, a value only the delete call uses)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from zoomcc.apispec import FieldSpec
from zoomcc.dynamic.values import extract
from zoomcc.exporter.exported import ExportedObject
from zoomcc.exporter.server_defaults import without_server_defaults
from zoomcc.resources.derived_fields import derived_rules
from zoomcc.resources.membership import MembershipSpec
from zoomcc.resources.settings import SettingsSpec
from zoomcc.resources.spec import ResourceSpec

EMPTY: tuple[Any, ...] = (None, "", [], {})

COMPUTED = frozenset({"content_hash"})
"""Inputs the provider computes during check (a file's hash): never declared."""

FOLLOWS_ACCOUNT_DEFAULT = {
    "account_default_business_hour": "operating_hours_business_hour_id",
    "account_default_closure_set": "operating_hours_closure_set_id",
}
"""A queue's operating hours: true means "the account's default" (what a new queue has: the
id shown is then the default's, not a choice); false is implied by declaring the id
(reference: "Whether to use the account's default business hours")."""


def clean(spec: FieldSpec, value: Any) -> Any:
    """``value`` with only what ``spec`` describes as input, at every depth, without
    empty values and values equal to their documented default (None: nothing left)."""
    if isinstance(value, dict):
        if not spec.fields:
            return value or None  # free-form: nothing says what it holds
        known = {f.name: f for f in spec.fields}
        kept = {}
        for key, item in sorted(value.items()):
            if key not in known:
                continue
            cleaned = clean(known[key], item)
            if cleaned in EMPTY or (is_default(known[key], cleaned) and not known[key].required):
                continue
            kept[key] = cleaned
        return kept or None
    if isinstance(value, list):
        if spec.items is None:
            return value or None
        items = [clean(spec.items, v) for v in value]
        pairs = zip(items, value, strict=True)
        whole = [{} if v is None and isinstance(o, dict) else v for v, o in pairs]
        return [v for v in whole if v is not None] or None
    return None if value in EMPTY else value


_PROSE_DEFAULT = re.compile(r"Defaults? (?:to|value)?\s*-?\s*`?(true|false|\d+)\b`?", re.I)
"""A default the reference states only in a field's description: "Defaults to `false`",
"Default Value- `false`", "Defaults to false (enabled) if not provided"."""


def documented_default(spec: FieldSpec) -> Any:
    """The field's default: the spec's, else the one its description states."""
    if spec.default is not None or spec.type not in ("boolean", "integer"):
        return spec.default
    found = _PROSE_DEFAULT.search(spec.description)
    if found is None:
        return None
    text = found.group(1).lower()
    if spec.type == "boolean":
        return {"true": True, "false": False}.get(text)
    return int(text) if text.isdigit() else None


def is_default(spec: FieldSpec, value: Any) -> bool:
    """Whether ``value`` is the field's documented default (``0`` is not ``False``)."""
    default = documented_default(spec)
    if default is None or isinstance(value, bool) != isinstance(default, bool):
        return False
    return bool(value == default)


def _required(spec: ResourceSpec | MembershipSpec | SettingsSpec, name: str) -> bool:
    if isinstance(spec, ResourceSpec):
        created = spec.create_fields.get(name)
        return created is not None and created.required
    return name in spec.input_fields and spec.input_fields[name].required


def meaningful(
    spec: ResourceSpec | MembershipSpec | SettingsSpec, values: Mapping[str, Any]
) -> dict[str, Any]:
    """The arguments of ``values`` (API names) worth declaring."""
    derived = {name for name, rule in derived_rules(spec.rules) if rule.fills_in}
    stated = _stated_defaults(spec)
    out: dict[str, Any] = {}
    for name, field in spec.input_fields.items():
        if name in COMPUTED or name in derived or name not in values:
            continue
        cleaned = clean(field, values[name])
        if cleaned in EMPTY:
            if _required(spec, name) and isinstance(values[name], dict | list):
                out[name] = type(values[name])()  # declared empty: the create needs it
            continue
        if name in stated and stated[name] == cleaned and not _required(spec, name):
            continue
        if is_default(field, cleaned) and not _required(spec, name):
            continue
        out[name] = cleaned
    out = without_server_defaults(spec.name, out)
    for flag, id_field in FOLLOWS_ACCOUNT_DEFAULT.items():
        if flag in out and out.pop(flag) is True:
            out.pop(id_field, None)
    return out


def _stated_defaults(spec: ResourceSpec | MembershipSpec | SettingsSpec) -> dict[str, Any]:
    """Settings' documented defaults the spec states itself (``SettingsPart.defaults``)."""
    if not isinstance(spec, SettingsSpec):
        return {}
    return {k: v for part in spec.parts for k, v in part.defaults.items()}


def object_values(obj: ExportedObject) -> dict[str, Any]:
    """An object's arguments as its GET shows them (``read_back`` paths followed)."""
    spec = obj.spec
    assert isinstance(spec, ResourceSpec)
    live = obj.live
    values: dict[str, Any] = {}
    for name in spec.input_fields:
        if name in spec.non_body_inputs and name not in spec.path_inputs.values():
            continue  # used only by the delete call: nothing to read
        if name in spec.read_back:
            values[name] = extract(live, spec.read_back[name], subject=f"{spec.name} {name!r}")
        elif name in live and live[name] != obj.object_id:  # a user's own id names it
            values[name] = live[name]
    for extra in spec.extra_inputs:
        if extra.name == "publish":  # a flow asks to be published: it is
            values["publish"] = live.get("status") == "published" or None
    return values


def missing_required(obj: ExportedObject) -> list[str]:
    """Required arguments the object lacks (an account's built-in objects)."""
    spec = obj.spec
    if not isinstance(spec, ResourceSpec):
        return []
    fill = set(FILLED_BY_EXPORT.get(spec.name, ()))
    return [
        spec.friendly(name)
        for name, f in spec.input_fields.items()
        if f.required and name not in obj.inputs and name not in fill
    ]


FILLED_BY_EXPORT: dict[str, tuple[str, ...]] = {"Flow": ("flow_file",)}
"""Required arguments the export supplies itself: a flow's file is written next to the
program."""
