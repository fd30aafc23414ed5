"""Pulumi schema property specs for API field trees: scalars, enums with their meanings,
lists, and a named object type (``zoomcc:index:<Name>``) per described object.

Object and enum types take the SDK's class names (``QueueShortAbandon``, list items in the
singular); where an output tree differs from the argument tree of the same name, the output's
type is named ``<Name>Output``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from zoomcc.apispec import FieldSpec
from zoomcc.codegen.types import camel as class_part
from zoomcc.codegen.types import described, field_doc, singular
from zoomcc.codegen.uploads import FILE_DOC
from zoomcc.resources.enums import meanings
from zoomcc.resources.property_names import camel

PACKAGE = "zoomcc"
_SCALARS = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}
ANY = {"$ref": "pulumi.json#/Any"}
ASSET = "pulumi.json#/Asset"
"""A file to upload: in YAML ``fn::fileAsset: greeting.mp3``."""
FREE_FORM = {"type": "object", "additionalProperties": ANY}

Json = dict[str, Any]


def token(name: str) -> str:
    """A type's token: ``zoomcc:index:Queue``."""
    return f"{PACKAGE}:index:{name}"


@dataclass
class SchemaTypes:
    """The object and enum types the properties name: token -> type spec."""

    types: dict[str, Json] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)
    """``<class>.<field>`` of files to upload in list items (``AssetItem.uploadFile``)."""
    _trees: dict[str, FieldSpec] = field(default_factory=dict)

    def property(self, node: FieldSpec, name: str, *, output: bool = False) -> Json:
        """The property spec of ``node`` (``name``: the class name its objects take)."""
        if node.type in _SCALARS:
            return self._scalar(node, name)
        if node.type == "array":
            if node.items is None:
                return {"type": "array", "items": ANY}
            item = self.property(node.items, singular(name), output=output)
            return {"type": "array", "items": item}
        if not described(node):
            return dict(FREE_FORM)
        return {"$ref": "#/types/" + self._object(node, name, output)}

    def _scalar(self, node: FieldSpec, name: str) -> Json:
        if not node.enum:
            return {"type": _SCALARS[node.type]}
        kind = "integer" if all(isinstance(v, int) for v in node.enum) else "string"
        said = meanings(node)
        values = [_enum_value(v, said.get(v, ""), kind) for v in node.enum]
        spec: Json = {"type": kind, "enum": values}
        if node.description:
            spec["description"] = field_doc(node)
        return {"$ref": "#/types/" + self._claim(name, spec, node)}

    def _object(self, node: FieldSpec, name: str, output: bool) -> str:
        properties = {
            camel(f.name): self.described(f, name + class_part(f.name), output=output)
            for f in node.fields
        }
        for f in node.fields:
            if f"{name}.{f.name}" in self.files:
                properties[camel(f.name)] = {"$ref": ASSET, "description": FILE_DOC}
        spec: Json = {"type": "object", "properties": properties}
        required = sorted(camel(f.name) for f in node.fields if f.required)
        if required and not output:
            spec["required"] = required
        if node.description:
            spec["description"] = field_doc(node)
        return self._claim(name, spec, node)

    def described(
        self, node: FieldSpec, name: str, *, output: bool = False, note: str = ""
    ) -> Json:
        """The property spec with its description (the reference's first sentence, the enum's
        meanings, and ``note``)."""
        spec = self.property(node, name, output=output)
        text = " ".join(t for t in (field_doc(node), note) if t)
        if text and "$ref" not in spec:
            spec["description"] = text
        elif text:
            spec = {**spec, "description": text}
        return spec

    def _claim(self, name: str, spec: Json, node: FieldSpec) -> str:
        """Register ``spec`` as ``name`` (``<name>Output`` if another tree holds the name)."""
        for candidate in (name, f"{name}Output", f"{name}Output2"):
            known = self._trees.get(candidate)
            if known is None or known == node:
                self._trees[candidate] = node
                self.types[token(candidate)] = spec
                return token(candidate)
        raise ValueError(f"three different objects would be named {name}")


def _enum_value(value: str | int, meaning: str, kind: str) -> Json:
    entry: Json = {"value": value}
    if meaning:
        entry["description"] = meaning
    if kind == "integer" or not str(value).replace("_", "").isalnum():
        entry["name"] = _enum_name(value, meaning)
    return entry


def _enum_name(value: str | int, meaning: str) -> str:
    words = "".join(ch if ch.isalnum() else " " for ch in (meaning or str(value))).split()
    name = "".join(w[:1].upper() + w[1:] for w in words) or "Value"
    return name if not name[0].isdigit() else f"Value{name}"
