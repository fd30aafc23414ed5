"""Writes ``lookups.py``: a ``get_<type>`` function per top-level object and its typed result
(``GetQueueResult``), an output class with a property per field."""

from __future__ import annotations

from zoomcc.apispec import FieldSpec
from zoomcc.codegen.nested import keep_api_keys, output_field
from zoomcc.codegen.sdk_names import (
    ACCOUNT_DOC,
    HEADER,
    docstring_text,
    module_name,
    type_name,
    wrap,
)
from zoomcc.codegen.types import Nested, field_doc
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.spec import ResourceSpec


def lookup_specs(specs: tuple[BaseSpec, ...]) -> list[ResourceSpec]:
    """Top-level objects: what a stack may reference without owning (not memberships)."""
    return [s for s in specs if isinstance(s, ResourceSpec) and not s.path_inputs]


def result_name(spec: BaseSpec) -> str:
    return f"Get{spec.name}Result"


def lookup_fields(spec: ResourceSpec) -> dict[str, FieldSpec]:
    """What a lookup returns, by API field: the outputs reads return, and the arguments read
    back from another shape (see ``zoomcc.lookup.object_outputs``)."""
    fields = dict(spec.output_fields)
    for api_field in spec.read_back:
        fields.setdefault(api_field, spec.input_fields[api_field])
    return fields


def _result_class(spec: ResourceSpec, types: Nested) -> list[str]:
    lines = [
        "",
        "",
        "@pulumi.output_type",
        f"class {result_name(spec)}(dict[str, Any]):",
        f'    """What ``get_{module_name(spec)}`` returns: the {spec.name}\'s fields and '
        '``id``."""',
        "",
        "    id: str | None = None",
        f'    """The {spec.name}\'s id (its ``{spec.id_field}``)."""',
    ]
    for api_field, field in lookup_fields(spec).items():
        friendly = spec.friendly(api_field)
        if friendly == "id":
            continue
        annotation = types.output_type(field, type_name(spec, api_field))
        lines.append(output_field(field.model_copy(update={"name": friendly}), annotation))
        doc = docstring_text(field_doc(field, f"See ``outputs.{type_name(spec, api_field)}``."))
        lines += wrap('"""' + doc + '"""', "    ", "    ")
    return lines + keep_api_keys([spec.friendly(f) for f in lookup_fields(spec)])


def _scope(spec: ResourceSpec) -> list[str]:
    """Where a name is unique only within a parent (a unit, a group): the parent's argument."""
    return list(
        dict.fromkeys(
            [*(spec.friendly(f) for f in spec.natural_key_scope), *spec.list_parents.values()]
        )
    )


def _function(spec: ResourceSpec) -> list[str]:
    about = f"{spec.name} by id or by {spec.natural_key or 'id'}"
    scope = _scope(spec)
    result = result_name(spec)
    return [
        "",
        "",
        f"def get_{module_name(spec)}(",
        "    *,",
        "    id: str | None = None,",
        "    name: str | None = None,",
        *[f"    {p}: str | None = None," for p in scope],
        "    account: str | None = None,",
        f") -> pulumi.Output[{result}]:",
        f'    """A {about}: its fields and ``id``.',
        "",
        *wrap(ACCOUNT_DOC, "    ", "        "),
        '    """',
        f"    found = run_lookup({spec.name!r}, id=id, name=name"
        + "".join(f", {p}={p}" for p in scope)
        + ", account=account)",
        f"    return found.apply(lambda value: as_result({result}, value))",
    ]


def render_lookups(specs: tuple[BaseSpec, ...], types: Nested) -> str:
    found = sorted(lookup_specs(specs), key=module_name)
    names = sorted([f"get_{module_name(s)}" for s in found] + [result_name(s) for s in found])
    lines = [
        HEADER,
        '"""Lookups for objects a stack references but does not own: by id or by name."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Any",
        "",
        "import pulumi",
        "",
        "from pulumi_zoomcc import outputs",
        "from pulumi_zoomcc._lookup import as_result, run_lookup",
        "",
        "__all__ = [",
        *(f'    "{n}",' for n in names),
        "]",
    ]
    for spec in lookup_specs(specs):
        lines += _result_class(spec, types)
        lines += _function(spec)
    return "\n".join(lines) + "\n"
