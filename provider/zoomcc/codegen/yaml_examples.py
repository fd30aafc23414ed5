"""The YAML form of a resource page's example: the runnable Python program
(``examples.program``) read as a syntax tree and written as a Pulumi YAML program for the
native plugin, resource for resource.

The programs are plain: ``var = zoomcc.Type("name", arg=value, ...)`` with literals,
references (``languages.id`` -> ``${languages.id}``), files (``pulumi.FileAsset`` ->
``fn::fileAsset``), stack config with a default (-> a ``config`` entry) and look-ups
(``zoomcc.get_user(...)`` -> ``fn::invoke``). Argument names become schema names along each
type's field tree (``resources.property_names``), free-form objects keep their keys.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

import yaml

from zoomcc.codegen.examples import program
from zoomcc.resources import catalog
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.property_names import camel, resource_fields, to_camel

Json = dict[str, Any]


class UnconvertibleError(ValueError):
    """The example uses Python the YAML form cannot say."""


@dataclass
class _Program:
    """The YAML program being written: config, variables, resources, and what each Python
    name stands for in YAML (``languages`` -> ``${languages.id}`` once ``.id`` is read)."""

    config: Json = field(default_factory=dict)
    variables: Json = field(default_factory=dict)
    resources: Json = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    """Python name -> YAML logical name of a resource, or a ``${...}`` expression."""
    page: BaseSpec | None = None
    """The spec whose page the example is on, found even before the catalog registers it
    (a new resource's page is generated first), e.g. the Queue spec."""

    def statement(self, node: ast.stmt) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom):
            return
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            self.resource(node.value, None)
            return
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            raise UnconvertibleError(ast.unparse(node))
        target = node.targets[0]
        if not isinstance(target, ast.Name):
            raise UnconvertibleError(ast.unparse(node))
        self.assign(target.id, node.value)

    def assign(self, name: str, value: ast.expr) -> None:
        if _is_call(value, "pulumi.Config"):
            return
        if isinstance(value, ast.Call) and _is_call(value, "zoomcc.get_"):
            self.names[name] = self.invoke(name, value)
        elif isinstance(value, ast.Call) and _is_call(value, "zoomcc."):
            self.names[name] = self.resource(value, name)
        elif isinstance(value, ast.BoolOp) and _is_call(value.values[0], "config.get"):
            key = _first_string(value.values[0])
            default = ast.literal_eval(value.values[1])
            self.config[key] = {"type": "string", "default": default}
            self.names[name] = f"${{{key}}}"
        else:
            self.names[name] = self.expression(value)

    def resource(self, call: ast.Call, python_name: str | None) -> str:
        """Declare the resource ``call`` makes; its YAML logical name."""
        type_name = ast.unparse(call.func).removeprefix("zoomcc.")
        spec = self.page if self.page and self.page.name == type_name else catalog.get(type_name)
        logical = camel((python_name or _first_string(call)).replace("-", "_"))
        args = {kw.arg: self.value(kw.value) for kw in call.keywords if kw.arg is not None}
        properties = to_camel(args, resource_fields(spec))
        self.resources[logical] = {"type": f"zoomcc:{type_name}", "properties": properties}
        return logical

    def invoke(self, name: str, value: ast.Call) -> str:
        """A look-up (``zoomcc.get_user(name=...).apply(lambda u: u.id)``) as a variable."""
        lookup = value.func.value if isinstance(value.func, ast.Attribute) else value
        if not isinstance(lookup, ast.Call):
            raise UnconvertibleError(ast.unparse(value))
        type_name = "".join(p.title() for p in ast.unparse(lookup.func).split("get_")[1].split("_"))
        arguments = {kw.arg: self.value(kw.value) for kw in lookup.keywords if kw.arg}
        variable = camel(name)
        self.variables[variable] = {
            "fn::invoke": {
                "function": f"zoomcc:index:get{type_name}",
                "arguments": arguments,
                "return": "id",
            }
        }
        return f"${{{variable}}}"

    def expression(self, node: ast.expr) -> str:
        """A reference as a YAML interpolation: ``tier1.id`` -> ``${tier1.id}``."""
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Call):
            logical = self.resource(node.value, None)
            return f"${{{logical}.{node.attr}}}"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return f"${{{self.names[node.value.id]}.{node.attr}}}"
        if isinstance(node, ast.Name):
            return self.names[node.id]
        raise UnconvertibleError(ast.unparse(node))

    def value(self, node: ast.expr) -> Any:
        """An argument's value: literals as they are, references as interpolations."""
        if isinstance(node, ast.List):
            return [self.value(item) for item in node.elts]
        if isinstance(node, ast.Dict):
            return {
                ast.literal_eval(k): self.value(v)
                for k, v in zip(node.keys, node.values, strict=True)
                if k is not None
            }
        if _is_call(node, "pulumi.FileAsset"):
            return {"fn::fileAsset": _first_string(node)}
        if isinstance(node, ast.Constant):
            return node.value
        return self.expression(node)

    def document(self) -> Json:
        written: Json = {"name": "example", "runtime": "yaml"}
        for key in ("config", "variables", "resources"):
            if getattr(self, key):
                written[key] = getattr(self, key)
        return written


def _is_call(node: ast.AST, prefix: str) -> bool:
    target = node.func if isinstance(node, ast.Call) else node
    return isinstance(node, ast.Call | ast.Attribute) and ast.unparse(target).startswith(prefix)


def _first_string(call: ast.expr) -> str:
    if not isinstance(call, ast.Call) or not call.args:
        raise UnconvertibleError(ast.unparse(call))
    value = ast.literal_eval(call.args[0])
    return str(value)


def yaml_program(example: str, page: BaseSpec | None = None) -> str:
    """The Pulumi YAML form of a page's Python example (its whole runnable program); ``page``,
    the spec the example is on."""
    written = _Program(page=page)
    for node in ast.parse(program(example)).body:
        written.statement(node)
    return str(yaml.safe_dump(written.document(), sort_keys=False, width=96))
