"""The provider of settings resources (see ``zoomcc.resources.settings``).

id = the parent's id. create remembers the values the declared settings had, then writes
them; read shows the live values (write-only settings keep what was declared); diff
compares declared and live values; update writes what changed; delete restores what the
API allows (the previous values, a DELETE of the setting, or nothing; see each spec).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pulumi.dynamic import (
    CreateResult,
    UpdateResult,
)

from zoomcc.apispec import FieldSpec
from zoomcc.client import NotFoundError, ZoomApiError
from zoomcc.dynamic.base import FieldDiff
from zoomcc.dynamic.parent import ParentProvider, ParentVanishedError
from zoomcc.dynamic.values import matches, normalize
from zoomcc.resources.settings import PREVIOUS_KEY, SettingsPart, SettingsSpec

log = logging.getLogger("zoomcc.provider")


class SettingsProvider(ParentProvider[SettingsSpec]):
    """Read and patch the settings of one parent object."""

    kind = SettingsSpec
    import_refusal = "the parent's settings are always taken over as they are"

    # ---- diff -----------------------------------------------------------------------------

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> FieldDiff:
        # A setting no longer declared stays as it is in Zoom: not a change.
        return self.on_parent_diff(olds, news, undeclared_changes=False)

    # ---- CRUD -----------------------------------------------------------------------------
    def create(self, props: dict[str, Any]) -> CreateResult:
        spec = self.spec
        parent = self._parent(props)
        try:
            before = self._live(parent, props)
        except ParentVanishedError:
            raise self._absent_on_create(parent) from None
        previous = {
            name: before.get(name, part.defaults.get(name))
            for part in spec.parts
            if part.restore == "previous"
            for name in spec.part_inputs(part)
            if props.get(name) is not None
            and name not in part.key_fields
            and (name in before or name in part.defaults)
        }
        # Only what the live settings do not hold already: taking over settings that are
        # as declared writes nothing. A write-only setting (no GET shows it) is always sent.
        differing = {
            name
            for name in spec.input_fields
            if props.get(name) is not None
            and not (name in before and matches(props[name], before[name]))
        }
        try:
            for part in spec.parts:
                self._write(part, parent, props, only=differing)
        except ParentVanishedError:
            raise self._absent_on_create(parent) from None
        outs = self._outputs(parent, props)
        outs[PREVIOUS_KEY] = previous
        return CreateResult(parent, outs)

    def _read_outputs(self, parent: str, props: dict[str, Any]) -> dict[str, Any]:
        outs = self._outputs(parent, props)
        if PREVIOUS_KEY in props:
            outs[PREVIOUS_KEY] = props[PREVIOUS_KEY]
        return outs

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        spec = self.spec
        parent = self._parent(news)
        changed = {
            name
            for name in spec.input_fields
            if news.get(name) is not None and not matches(news[name], olds.get(name))
        }
        previous = dict(olds.get(PREVIOUS_KEY) or {})
        try:
            before = self._live(parent, news)
            for part in spec.parts:
                # A newly declared setting: remember its value before the first write.
                for name in spec.part_inputs(part):
                    if (
                        part.restore == "previous"
                        and name in changed
                        and name not in part.key_fields
                        and name not in previous
                        and olds.get(name) is None
                        and name in before
                    ):
                        previous[name] = before[name]
                if (
                    part.argument
                    and olds.get(part.argument) is not None
                    and (news.get(part.argument) is None)
                ):
                    self._restore(part, parent, olds)  # an undeclared write-only setting
                self._write(part, parent, news, only=changed)
        except (NotFoundError, ParentVanishedError) as exc:
            raise self._absent_on_update(parent) from exc
        outs = self._outputs(parent, news)
        outs[PREVIOUS_KEY] = previous
        return UpdateResult(outs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        spec = self.spec
        parent = self._parent_or_id(id_, props)
        try:
            for part in spec.parts:
                self._restore(part, parent, props)
        except (NotFoundError, ParentVanishedError):
            log.info("%s: %s %s is gone, and its settings with it", spec.name, spec.parent_arg, id_)

    # ---- the calls --------------------------------------------------------------------------
    def _write(
        self, part: SettingsPart, parent: str, props: dict[str, Any], only: set[str] | None
    ) -> None:
        spec = self.spec
        names = spec.part_inputs(part)
        declared = {n: normalize(props[n]) for n in names if props.get(n) is not None}
        if not declared or (only is not None and not set(declared) & only):
            return
        if part.argument:
            body = declared[part.argument]
        else:
            fields = spec.body_fields(part)
            body = {k: v for k, v in declared.items() if only is None or k in only}
            # Some bodies need fields left unchanged (the user an email setting is about).
            for name, f in fields.items():
                if (f.required or name in part.key_fields) and name in declared:
                    body[name] = declared[name]
        self._call(part.write_method, part.write_path, parent, body)

    def _restore(self, part: SettingsPart, parent: str, props: dict[str, Any]) -> None:
        spec = self.spec
        names = spec.part_inputs(part)
        if not any(props.get(n) is not None for n in names):
            return
        if part.restore == "clear":
            self._call("DELETE", part.clear_path, parent, None)
        elif part.restore == "previous":
            previous = props.get(PREVIOUS_KEY) or {}
            fields = spec.body_fields(part)
            body = {
                n: restore_value(fields[n], previous[n])
                for n in names
                if n in previous and n in fields and previous[n] is not None
            }
            if not body:
                return
            for name in part.key_fields:
                if props.get(name) is not None:
                    body[name] = normalize(props[name])
            self._call(part.write_method, part.write_path, parent, body)

    def _call(
        self,
        method: str,
        path: str,
        parent: str,
        body: Any,
        params: dict[str, Any] | None = None,
    ) -> Any:
        spec = self.spec
        with self._parent_must_exist(parent):
            return self.client.call(
                spec.api.op(method, path),
                spec.url(path, parent),
                json=body,
                params=params or None,
                not_found_codes=spec.parent_not_found_codes,
                # Every call here reads, sets or clears values: sent twice, it leaves them as
                # sent once, so a 5xx or a lost answer is retried even for a POST ("Assign a
                # queue menu based interrupt" replaces the menu; it creates nothing).
                idempotent=True,
            )

    @contextmanager
    def _parent_must_exist(self, parent: str) -> Iterator[None]:
        """A "does not exist" about the parent (a 404, or a 400 with its code) becomes the
        parent-vanished error; any other error stays what it is."""
        spec = self.spec
        try:
            yield
        except NotFoundError as exc:
            if self._parent_gone(exc):
                raise self._vanished(parent) from exc
            raise
        except ZoomApiError as exc:
            if exc.code in spec.parent_not_found_codes:
                raise self._vanished(parent) from exc
            raise

    def _live(self, parent: str, props: dict[str, Any]) -> dict[str, Any]:
        """Every readable value, by GET field and by the body field it reads back."""
        spec = self.spec
        live: dict[str, Any] = {}
        if spec.check_path is not None:
            self._call("GET", spec.check_path, parent, None)  # fails if the parent is gone
        for part in spec.parts:
            if part.read_path is None:
                continue
            if part.read_list_key is not None:
                got = self._row(part, self._rows(part, parent), props)
            else:
                got = normalize(self._call("GET", part.read_path, parent, None) or {})
            if part.read_fields is not None:
                got = {k: v for k, v in got.items() if k in part.read_fields}
            live.update(got)
            for body_field, live_field in part.read_back.items():
                if live_field in got:
                    live[body_field] = got[live_field]
        return live

    def _rows(self, part: SettingsPart, parent: str) -> list[dict[str, Any]]:
        """Every row of a listing GET, page after page where its query contract pages."""
        spec = self.spec
        assert part.read_path is not None and part.read_list_key is not None
        with self._parent_must_exist(parent):
            rows = self.client.list(
                spec.api.op("GET", part.read_path),
                spec.url(part.read_path, parent),
                part.read_list_key,
                not_found_codes=spec.parent_not_found_codes,
            )
            return [dict(normalize(row)) for row in rows]

    def _row(self, part: SettingsPart, rows: list[dict[str, Any]], props: dict[str, Any]) -> Any:
        body_field, *row_fields = part.row_match
        wanted = str(props.get(body_field) or "")
        for row in rows:
            values = [str(row.get(f) or "") for f in row_fields]
            if wanted in values or ("@" in wanted and wanted.lower() in map(str.lower, values)):
                return {**row, body_field: wanted}
        return {}

    def _outputs(self, parent: str, props: dict[str, Any]) -> dict[str, Any]:
        spec = self.spec
        live = self._live(parent, props)
        outs = {k: v for k, v in live.items() if k in spec.output_fields}
        readable = {
            n for part in spec.parts if part.read_path is not None for n in spec.part_inputs(part)
        }
        for name in spec.input_fields:
            if name in readable and name in live:
                outs[name] = live[name]
            elif props.get(name) is not None:
                outs[name] = normalize(props[name])  # write-only: what was declared
        outs[spec.parent_arg] = parent
        return outs


def restore_value(spec: FieldSpec, value: Any) -> Any:
    """A value read back before the first write (and kept in the state, where the engine
    turned every number into a float), made fit for the write body ``spec`` describes:
    fields the body does not take are dropped, and at every depth a whole float becomes an
    integer where the body says ``integer`` (``loop_interval: 45.0`` is refused by Zoom)."""
    if isinstance(value, dict):
        if not spec.fields:
            return normalize(value)  # free-form: nothing says what its numbers are
        known = {f.name: f for f in spec.fields}
        return {k: restore_value(known[k], v) for k, v in value.items() if k in known}
    if isinstance(value, list):
        if spec.items is None:
            return normalize(value)
        return [restore_value(spec.items, v) for v in value]
    if spec.type == "integer" and isinstance(value, float) and value.is_integer():
        return int(value)
    return value
