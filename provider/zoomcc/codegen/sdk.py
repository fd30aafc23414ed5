"""Writes one typed SDK module per resource spec into sdk/pulumi_zoomcc/."""

from __future__ import annotations

import re

from zoomcc.apispec import FieldSpec
from zoomcc.codegen import lookups, nested
from zoomcc.codegen.sdk_names import (
    ACCOUNT_DOC,
    HEADER,
    docstring_text,
    module_name,
    type_name,
    wrap,
)
from zoomcc.codegen.types import INPUTS, OUTPUTS, Nested, field_doc
from zoomcc.codegen.uploads import FILE_DOC, FILE_TYPE, file_fields
from zoomcc.resources import catalog
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.derived_fields import argument_type
from zoomcc.resources.rules import required_arguments


def output_fields(spec: BaseSpec) -> dict[str, FieldSpec]:
    """Every output, by API field: what reads return, and every argument."""
    fields = dict(spec.output_fields)
    for api_field, field in spec.input_fields.items():
        fields.setdefault(api_field, field)
    return fields


def render_resource(spec: BaseSpec, types: Nested | None = None) -> str:
    types = types if types is not None else Nested()
    args, adopted, docs = _arguments(spec, types)
    required_first = sorted(args, key=lambda a: "= None" in a)
    overloads, signature = _signatures(spec, required_first, adopted)
    body = "\n".join(
        [
            HEADER,
            '"""The ``' + spec.name + '`` resource."""',
            "",
            "from __future__ import annotations",
            "",
            "@@IMPORTS@@",
            "import pulumi",
            "",
            "@@SDK_IMPORTS@@",
            "",
            f'__all__ = ["{spec.name}"]',
            "",
            "",
            f'class {spec.name}(ZoomResource, module="zoomcc", name={spec.name!r}):',
            *wrap('"""' + spec.summary, "    ", "    "),
            "",
            f"    API object: ``{spec.api_path}`` (id field ``{spec.id_key}``).",
            '    """',
            "",
            f"    _type_name = {spec.name!r}",
            *_output_annotations(spec, types),
            "",
            *overloads,
            *signature,
            *_init_body(spec, docs),
            "",
        ]
    )
    return _with_imports(body)


def _arguments(spec: BaseSpec, types: Nested) -> tuple[list[str], list[str], list[str]]:
    """The ``__init__`` argument lines (required ones without a default), the same where
    ``import_id`` adopts (see ``_signatures``), and each argument's ``:param`` lines."""
    args: list[str] = []
    adopted: list[str] = []
    docs: list[str] = []
    for api_field, field in spec.input_fields.items():
        friendly = spec.friendly(api_field)
        required = field.required or api_field in required_arguments(spec.rules)
        unless_adopted = required and api_field in spec.create_required
        unless_adopted &= api_field not in required_arguments(spec.rules)
        files = file_fields(spec)
        types.files |= {f for f in files if "." in f}
        if api_field in files:
            declared = FILE_TYPE
        else:
            declared = types.input_type(field, type_name(spec, api_field))
        accepted = argument_type(spec.rules, api_field, declared)
        annotation = f"pulumi.Input[{accepted}]"
        args.append(
            f"        {friendly}: {annotation}" + ("" if required else " | None = None") + ","
        )
        optional = not required or unless_adopted
        adopted.append(f"        {friendly}: {annotation}" + (" | None = None" * optional) + ",")
        note = " Changing it replaces the object." if api_field in spec.replace_fields else ""
        note += " Required unless ``import_id`` adopts." if unless_adopted else ""
        fallback = f"See ``{type_name(spec, api_field)}Args``."
        about = FILE_DOC if api_field in files else field_doc(field, fallback)
        text = docstring_text(f":param {friendly}: {about}{note}")
        docs.extend(wrap(text, "        ", "            "))
    return args, adopted, docs


def _output_annotations(spec: BaseSpec, types: Nested) -> list[str]:
    """The class's ``pulumi.Output`` annotations, one per output, sorted."""
    outputs = [
        f"    {spec.friendly(f)}: pulumi.Output[{types.output_type(n, type_name(spec, f))}]"
        for f, n in output_fields(spec).items()
    ]
    outputs.append("    adoption_changes: pulumi.Output[dict[str, Any] | None]")
    return sorted(set(outputs))


def _init_body(spec: BaseSpec, docs: list[str]) -> list[str]:
    """``__init__``'s docstring (``docs``: the arguments' ``:param`` lines) and its call of
    ``ZoomResource.__init__`` with every argument by its friendly name."""
    names = [spec.friendly(f) for f in spec.input_fields]
    adoptable = spec.supports_import
    return [
        '        """Declare a ' + spec.name + ".",
        "",
        "        :param resource_name: The Pulumi name of this resource.",
        *docs,
        *(
            wrap(
                ":param import_id: Adopt the existing object with this id instead of "
                "creating one: it is read, brought to the declared arguments, and managed "
                "from then on.",
                "        ",
                "            ",
            )
            if adoptable
            else []
        ),
        *wrap(ACCOUNT_DOC, "        ", "            "),
        '        """',
        "        super().__init__(",
        "            resource_name,",
        "            {",
        *[f"                {n!r}: {n}," for n in names],
        *(["                'import_id': import_id,"] if adoptable else []),
        "            },",
        "            opts,",
        "            account=account,",
        "        )",
    ]


def _with_imports(body: str) -> str:
    """The module with its imports filled in: the standard ones its text uses, and the SDK's
    ``_inputs``/``outputs`` where it names them."""
    imports = _imports(body)
    used = [m for m in (INPUTS, OUTPUTS) if f"{m}." in body]
    ours = "from pulumi_zoomcc import " + ", ".join(used) + "\n" if used else ""
    body = body.replace("@@SDK_IMPORTS@@", ours + "from pulumi_zoomcc._base import ZoomResource")
    return body.replace("@@IMPORTS@@\n", imports + "\n\n" if imports else "")


_TAIL = (
    "        account: str | None = None,",
    "        opts: pulumi.ResourceOptions | None = None,",
)


def _signatures(
    spec: BaseSpec, required_first: list[str], adopted: list[str]
) -> tuple[list[str], list[str]]:
    """(the overloads, the implementation's signature) of ``__init__``. Where ``import_id``
    adopts an object, what only a create needs may be left out: one overload declares every
    argument a create needs (``import_id`` optional), one adopts (``import_id`` given, the
    create-only arguments optional), so a type checker holds each call to the one it makes."""
    head = ["    def __init__(", "        self,", "        resource_name: str,", "        *,"]
    if not spec.supports_import:
        return [], [*head, *required_first, *_TAIL, "    ) -> None:"]
    maybe_adopt = "        import_id: pulumi.Input[str] | None = None,"
    adopted_first = sorted(adopted, key=lambda a: "= None" in a)
    implementation = [*head, *adopted_first, maybe_adopt, *_TAIL, "    ) -> None:"]
    if set(adopted_first) == set(required_first):  # nothing only a create needs
        return [], [*head, *required_first, maybe_adopt, *_TAIL, "    ) -> None:"]
    create = ["    @overload", *head, *required_first, maybe_adopt]
    adopt = ["    @overload", *head, "        import_id: pulumi.Input[str],", *adopted_first]
    return [
        *create,
        *_TAIL,
        "    ) -> None: ...",
        "",
        *adopt,
        *_TAIL,
        "    ) -> None: ...",
        "",
    ], implementation


def _imports(body: str) -> str:
    """Only the typing names the rendered class uses (the output stays lint-clean)."""
    abc = [n for n in ("Mapping", "Sequence") if f"{n}[" in body]
    typing = [n for n in ("Any", "Literal", "overload") if re.search(rf"\b{n}\b", body)]
    lines = []
    if abc:
        lines.append(f"from collections.abc import {', '.join(abc)}")
    if typing:
        lines.append(f"from typing import {', '.join(typing)}")
    return "\n".join(lines)


def render_init(specs: tuple[BaseSpec, ...], types: Nested) -> str:
    getters = sorted(f"get_{module_name(s)}" for s in lookups.lookup_specs(specs))
    results = sorted(lookups.result_name(s) for s in lookups.lookup_specs(specs))
    args = sorted(n for c in types.inputs for n in (f"{c}Args", f"{c}ArgsDict"))
    imports = {
        "_base": "from pulumi_zoomcc._base import ZoomResource",
        "_inputs": _from("_inputs", args),
        "flows": "from pulumi_zoomcc.flows import flow_file",
        "lookups": _from("lookups", sorted([*results, *getters])),
        **{module_name(s): f"from pulumi_zoomcc.{module_name(s)} import {s.name}" for s in specs},
    }
    lines = [
        HEADER,
        '"""pulumi-zoomcc: Zoom Contact Center resources for Pulumi."""',
        "",
        "from importlib import metadata as _metadata",
        "",
        "from pulumi_zoomcc import lookups, outputs",
        *(imports[m] for m in sorted(imports)),
        "",
        '__version__ = _metadata.version("pulumi-zoomcc")',
        '"""The installed distribution\'s version, e.g. ``"0.1.0"`` (``zoomcc --version``)."""',
    ]
    names = sorted(
        [
            *(spec.name for spec in specs),
            *("ZoomResource", "lookups", "outputs", "__version__", "flow_file"),
            *getters,
            *results,
            *args,
        ]
    )
    lines += ["", "__all__ = ["]
    lines += [f'    "{name}",' for name in names]
    lines += ["]", ""]
    return "\n".join(lines)


def _from(module: str, names: list[str]) -> str:
    return f"from pulumi_zoomcc.{module} import (\n" + "".join(f"    {n},\n" for n in names) + ")"


def render_all() -> dict[str, str]:
    types = Nested()
    files = {f"{module_name(s)}.py": render_resource(s, types) for s in catalog.ALL}
    files["lookups.py"] = lookups.render_lookups(catalog.ALL, types)
    files["_inputs.py"] = nested.render_inputs(types)
    files["outputs.py"] = nested.render_outputs(types)
    files["__init__.py"] = render_init(catalog.ALL, types)
    return files
