"""`zoomcc export`: read a whole account and write a runnable Pulumi program that adopts it.

Every exported object becomes one resource whose ``import_id`` comes from the stack's
``importIds`` config, so the same program adopts the account it was read from (that
stack's config holds the ids) and recreates the configuration in another account (a stack
without them). References between exported objects are Python references, never ids.
"""

from __future__ import annotations

import itertools
import json
import keyword
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zoomcc.client import ZoomApiError, ZoomClient
from zoomcc.dynamic.resource_api import ResourceApi
from zoomcc.dynamic.values import extract, normalize
from zoomcc.resources import catalog
from zoomcc.resources.spec import ResourceSpec

PROJECT = "zoomcc-export"


@dataclass
class ExportedObject:
    spec: ResourceSpec
    object_id: str
    live: dict[str, Any]
    name: str = ""
    inputs: dict[str, Any] = field(default_factory=dict)


@dataclass
class ExportResult:
    objects: list[ExportedObject]
    skipped: list[tuple[str, str, str]]
    """(type, id, reason) of objects read but not exportable."""
    requests: int = 0


def selected_specs(include: Iterable[str] = (), exclude: Iterable[str] = ()) -> list[ResourceSpec]:
    wanted, unwanted = set(include), set(exclude)
    unknown = (wanted | unwanted) - set(catalog.BY_NAME)
    if unknown:
        raise ValueError(
            f"unknown resource types {sorted(unknown)}; known: {sorted(catalog.BY_NAME)}"
        )
    return [
        s
        for s in catalog.OBJECTS
        if (not wanted or s.name in wanted) and s.name not in unwanted and not s.path_inputs
    ]


def list_is_complete(spec: ResourceSpec) -> bool:
    """Whether the list's items carry every argument, so no per-object GET is needed."""
    resp = spec.list_op.success_response
    if resp is None or resp.body is None:
        return False
    holder = next((f for f in resp.body.schema_.fields if f.name == spec.list_key), None)
    if holder is None or holder.items is None:
        return False
    listed = {f.name for f in holder.items.fields}
    if spec.list_names:  # the list calls these fields by other names
        return False
    needed = {
        spec.read_back[f].split(".")[0].removesuffix("[]") if f in spec.read_back else f
        for f in spec.input_fields
    }
    return needed <= listed


def read_account(
    client: ZoomClient,
    specs: list[ResourceSpec],
    progress: Callable[[str, int], None] = lambda _t, _n: None,
    unreadable: list[tuple[str, str, str]] | None = None,
) -> list[ExportedObject]:
    """List each type, then read each object in full (list items may be partial).

    A type the account cannot list (a feature it lacks: Zoom answers 4xx) is noted in
    ``unreadable`` and skipped; anything else fails the export.
    """
    found: list[ExportedObject] = []
    for spec in specs:
        try:
            items = list(list_everything(client, spec))
        except ZoomApiError as exc:
            if not 400 <= exc.status < 500 or exc.status in (401, 429):
                raise
            if unreadable is not None:
                unreadable.append((spec.name, "*", f"cannot list: {exc.message}"))
            continue
        complete = list_is_complete(spec)
        for item in items:
            object_id = str(item.get(spec.list_field(spec.id_field)) or "")
            if not object_id:
                continue
            live = item if complete else ResourceApi(spec, client).get(object_id)
            found.append(ExportedObject(spec, object_id, normalize(dict(live or {}))))
            progress(spec.name, 1)
    return found


def list_everything(client: ZoomClient, spec: ResourceSpec) -> Iterator[dict[str, Any]]:
    """Every object of the type: where the API lists only within a parent (address books
    per unit, variables per group: ``list_parents``), the parents are listed first."""
    parents = [_parent_ids(client, spec, argument) for argument in spec.list_parents.values()]
    for chosen in itertools.product(*parents):
        values = dict(zip(spec.list_parents.values(), chosen, strict=True))
        for item in ResourceApi(spec, client).list(params=spec.list_params(values)):
            for argument, parent_id in values.items():
                item.setdefault(spec.friendly_to_api.get(argument, argument), parent_id)
            yield item


def _parent_ids(client: ZoomClient, spec: ResourceSpec, argument: str) -> list[str]:
    """The ids of every object of the type ``argument`` references."""
    parent = catalog.get_object(spec.references[spec.friendly_to_api.get(argument, argument)])
    return [
        str(item[parent.list_field(parent.id_field)])
        for item in list_everything(client, parent)
        if item.get(parent.list_field(parent.id_field))
    ]


def _inputs(obj: ExportedObject) -> dict[str, Any]:
    spec, live = obj.spec, obj.live
    values: dict[str, Any] = {}
    for api_field in spec.input_fields:
        if api_field in spec.read_back:
            value = extract(live, spec.read_back[api_field], subject=f"{spec.name} {api_field!r}")
        else:
            value = live.get(api_field)
        if value in (None, "", [], {}):
            continue
        values[api_field] = _only_inputs(spec.input_fields[api_field], value)
    return values


def _only_inputs(field_spec: Any, value: Any) -> Any:
    """Drop what the API adds inside nested values (ids, read-only fields)."""
    if isinstance(value, dict) and field_spec.fields:
        known = {f.name: f for f in field_spec.fields}
        return {k: _only_inputs(known[k], v) for k, v in sorted(value.items()) if k in known}
    if isinstance(value, list) and field_spec.items is not None:
        return [_only_inputs(field_spec.items, v) for v in value]
    return value


def _missing_required(obj: ExportedObject) -> list[str]:
    return [
        obj.spec.friendly(name)
        for name, f in obj.spec.create_fields.items()
        if f.required and name not in obj.inputs
    ]


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _identifier(text: str) -> str:
    name = re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_").lower() or "object"
    if name[0].isdigit() or keyword.iskeyword(name):
        name = "_" + name
    return name


def plan(
    objects: list[ExportedObject], unreadable: list[tuple[str, str, str]] | None = None
) -> ExportResult:
    """Inputs, unique names and a dependency order for the program."""
    skipped: list[tuple[str, str, str]] = list(unreadable or [])
    kept: list[ExportedObject] = []
    for obj in objects:
        obj.inputs = _inputs(obj)
        missing = _missing_required(obj)
        if missing:
            skipped.append((obj.spec.name, obj.object_id, f"no {', '.join(missing)}"))
        else:
            kept.append(obj)
    taken: set[str] = set()
    for obj in kept:
        key = obj.spec.natural_key_api
        label = str(obj.inputs.get(key) or obj.object_id) if key else obj.object_id
        base = _identifier(f"{_snake(obj.spec.name)}_{label}")
        name, n = base, 2
        while name in taken:
            name, n = f"{base}_{n}", n + 1
        taken.add(name)
        obj.name = name
    return ExportResult(_topological(kept), skipped)


def _targets(obj: ExportedObject, by_id: dict[str, ExportedObject]) -> Iterator[ExportedObject]:
    for api_field in obj.spec.references:
        value = obj.inputs.get(api_field)
        for one in value if isinstance(value, list) else [value]:
            if isinstance(one, str) and one in by_id:
                yield by_id[one]


def _topological(objects: list[ExportedObject]) -> list[ExportedObject]:
    by_id = {o.object_id: o for o in objects}
    ordered: list[ExportedObject] = []
    state: dict[str, int] = {}

    def visit(obj: ExportedObject) -> None:
        if state.get(obj.object_id) == 2:
            return
        if state.get(obj.object_id) == 1:
            raise ValueError(f"reference cycle through {obj.spec.name} {obj.object_id}")
        state[obj.object_id] = 1
        for target in _targets(obj, by_id):
            visit(target)
        state[obj.object_id] = 2
        ordered.append(obj)

    for obj in objects:
        visit(obj)
    return ordered


def _literal(value: Any, refs: dict[str, str], reference: bool) -> str:
    if reference and isinstance(value, str) and value in refs:
        return f"{refs[value]}.id"
    if reference and isinstance(value, list):
        return "[" + ", ".join(_literal(v, refs, True) for v in value) + "]"
    return repr(value)


def render_program(result: ExportResult) -> str:
    refs = {o.object_id: o.name for o in result.objects}
    lines = [
        '"""Exported by `zoomcc export`. Each resource adopts its object through the stack\'s',
        "`importIds` config; a stack without it recreates the configuration from scratch.",
        '"""',
        "",
        "import pulumi",
        "",
        "import pulumi_zoomcc as zoomcc",
        "",
        'import_ids: dict[str, str] = pulumi.Config().get_object("importIds") or {}',
        "",
    ]
    for type_name, object_id, reason in result.skipped:
        lines.append(f"# not exported: {type_name} {object_id} ({reason})")
    if result.skipped:
        lines.append("")
    for obj in result.objects:
        spec = obj.spec
        lines.append(f"{obj.name} = zoomcc.{spec.name}(")
        lines.append(f"    {obj.name!r},")
        for api_field, value in sorted(obj.inputs.items(), key=lambda kv: spec.friendly(kv[0])):
            shown = _literal(value, refs, api_field in spec.references)
            lines.append(f"    {spec.friendly(api_field)}={shown},")
        lines.append(f"    import_id=import_ids.get({obj.name!r}),")
        lines.append(")")
    lines.append("")
    for obj in result.objects:
        lines.append(f"pulumi.export({obj.name + '_id'!r}, {obj.name}.id)")
    return "\n".join(lines) + "\n"


def write_project(result: ExportResult, out: Path, stack: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    main = out / "__main__.py"
    main.write_text(render_program(result))
    project = out / "Pulumi.yaml"
    project.write_text(
        f"name: {PROJECT}\n"
        "description: Zoom Contact Center configuration exported by `zoomcc export`.\n"
        "runtime: python\n"
    )
    ids = {o.name: o.object_id for o in result.objects}
    config = out / f"Pulumi.{stack}.yaml"
    config.write_text(
        "config:\n"
        + f"  {PROJECT}:importIds:\n"
        + "".join(
            f"    {name}: {json.dumps(object_id)}\n" for name, object_id in sorted(ids.items())
        )
    )
    return [main, project, config]
