"""Settings resources: settings that live on a parent object (a queue's interrupt settings,
its operating hours, a team's place in the tree...). There is nothing to create: the
resource reads and patches the parent's settings, and its id is the parent's id.

A `SettingsSpec` is one or more `SettingsPart` s, each one write call (and the read call
that shows its values, if any). Everything else (arguments, enums, required flags, outputs,
rate-limit labels, scopes) is derived from the API spec; it is a kind of its own on
``ParentSpec``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar, Literal

from zoomcc.apispec import FieldSpec, Operation
from zoomcc.resources.parent import ParentSpec

Restore = Literal["previous", "clear", "leave"]

PREVIOUS_KEY = "previous_values"
"""Output: the values the declared settings had before this resource changed them."""


@dataclass(frozen=True)
class SettingsPart:
    """One write call of a settings resource."""

    write_path: str
    write_method: str = "PATCH"
    read_path: str | None = None
    """GET showing the values (None: write-only, outputs keep what was declared)."""
    argument: str | None = None
    """None: the body's fields are top-level arguments. Else the whole body is this one
    object argument (``menu`` for the menu-based interrupt)."""
    read_back: Mapping[str, str] = field(default_factory=dict)
    """Body field -> GET field holding its value when the names differ
    (``operating_hours_business_hour_id`` <- ``business_hour_id``)."""
    read_list_key: str | None = None
    """When the GET lists rows (one per user): the rows' key..."""
    row_match: tuple[str, ...] = ()
    """...and (body field, row fields...) picking the row this resource manages."""
    read_fields: tuple[str, ...] | None = None
    """Only these GET fields become outputs (the parent's own GET shows much more)."""
    restore: Restore = "previous"
    """On delete: write back the values found before create, call ``clear_path``, or
    leave the settings as they are."""
    clear_path: str = ""
    """DELETE path for ``restore="clear"``."""
    key_fields: tuple[str, ...] = ()
    """Body fields naming what the settings are about within the parent (the user of an
    inbox's email notification): changing one replaces the resource."""
    defaults: Mapping[str, object] = field(default_factory=dict)
    """The API's documented default of a setting, restored when the read showed none."""


@dataclass(frozen=True, eq=False, kw_only=True)
class SettingsSpec(ParentSpec):
    """Settings on a parent: one or more write calls (``parts``)."""

    supports_import: ClassVar[bool] = False

    parts: tuple[SettingsPart, ...]
    restore_note: str = ""
    """For the docs: what deleting the resource does, in the API's terms."""
    check_path: str | None = None
    """A GET that fails when the parent is gone, for settings that cannot be read back."""

    @property
    def api_path(self) -> str:
        return self.parts[0].write_path

    # ---- operations -----------------------------------------------------------------
    def write_op(self, part: SettingsPart) -> Operation:
        return self.api.op(part.write_method, part.write_path)

    def read_op_of(self, part: SettingsPart) -> Operation | None:
        return None if part.read_path is None else self.api.op("GET", part.read_path)

    @cached_property
    def check_op(self) -> Operation | None:
        return None if self.check_path is None else self.api.op("GET", self.check_path)

    def clear_op(self, part: SettingsPart) -> Operation | None:
        return self.api.op("DELETE", part.clear_path) if part.restore == "clear" else None

    @cached_property
    def operations(self) -> tuple[Operation, ...]:
        ops: list[Operation] = [self.check_op] if self.check_op is not None else []
        for part in self.parts:
            for op in (self.write_op(part), self.read_op_of(part), self.clear_op(part)):
                if op is not None and op not in ops:
                    ops.append(op)
        return tuple(ops)

    # ---- fields ---------------------------------------------------------------------
    def body_fields(self, part: SettingsPart) -> dict[str, FieldSpec]:
        op = self.write_op(part)
        if op.request is None:
            return {}
        return {f.name: f for f in op.request.schema_.fields}

    def part_inputs(self, part: SettingsPart) -> tuple[str, ...]:
        """The arguments this part writes."""
        return (part.argument,) if part.argument else tuple(self.body_fields(part))

    @cached_property
    def input_fields(self) -> dict[str, FieldSpec]:
        fields = {self.parent_arg: self.parent_field("these settings belong to")}
        for part in self.parts:
            body = self.body_fields(part)
            if part.argument:
                op = self.write_op(part)
                fields[part.argument] = FieldSpec(
                    name=part.argument,
                    type="object",
                    required=False,
                    description=f"{op.title}: the body of ``{op.method} {op.path}``.",
                    fields=list(body.values()),
                )
            else:
                fields.update(body)
        return dict(sorted(fields.items()))

    @cached_property
    def output_fields(self) -> dict[str, FieldSpec]:
        found: dict[str, FieldSpec] = {}
        for part in self.parts:
            op = self.read_op_of(part)
            resp = op.success_response if op is not None else None
            if resp is None or resp.body is None:
                continue
            fields = resp.body.schema_.fields
            if part.read_list_key is not None:
                holder = next((f for f in fields if f.name == part.read_list_key), None)
                fields = holder.items.fields if holder and holder.items is not None else []
            for f in fields:
                if part.read_fields is None or f.name in part.read_fields:
                    found.setdefault(f.name, f)
        return dict(sorted(found.items()))

    @cached_property
    def replace_fields(self) -> frozenset[str]:
        keys = {k for part in self.parts for k in part.key_fields}
        return frozenset({self.parent_arg, *keys})

    @cached_property
    def parent_not_found_codes(self) -> frozenset[int]:
        """Codes meaning "the parent does not exist", from the read and write calls."""
        return self.parent_gone_codes(
            op for part in self.parts for op in (self.read_op_of(part), self.write_op(part))
        )

    def behaviour_notes(self) -> list[str]:
        notes = [
            f"- The id is the {self.parent_type or 'parent'}'s id (`{self.parent_arg}`): "
            "creating the resource changes settings of an existing object, nothing is created.",
            "- Only declared arguments are written; an argument removed from the program "
            "keeps its value in Zoom.",
            "- Refresh drops the resource from the state when the parent was deleted.",
        ]
        if any(p.restore == "previous" for p in self.parts):
            notes.append(f"- The values found before the first write are kept in `{PREVIOUS_KEY}`.")
        if self.restore_note:
            notes.append(f"- Delete: {self.restore_note}")
        return notes
