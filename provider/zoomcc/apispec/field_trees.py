"""The reference's field trees: the indented bullet lists that describe request and
response bodies (``• queue_name (required)`` / ``string — The queue's name.``), parsed
strictly: a line the parser does not understand is an error with its line number."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["ReferenceError", "parse_tree"]

_TYPES = ("string", "integer", "number", "boolean", "object", "array")
_TYPE_RE = re.compile(rf"^({'|'.join(_TYPES)})( \| null)?")
_FIELD_RE = re.compile(r"^([A-Za-z0-9_]+)( \(required\))?$")
_MAX_ITEMS_RE = re.compile(r"^Max items: (\d+)$")


class ReferenceError(ValueError):
    """The reference contains something the parser does not understand."""

    def __init__(self, lineno: int, message: str) -> None:
        super().__init__(f"reference line {lineno}: {message}")


@dataclass(frozen=True)
class _Line:
    """A non-blank line of a field tree: 1-based number, indent, stripped text."""

    no: int
    indent: int
    text: str


def _parse_value(text: str, pos: int, lineno: int) -> tuple[Any, int]:
    """Decode one JSON scalar (quoted string, number, bool) starting at ``pos``."""
    try:
        value, end = json.JSONDecoder().raw_decode(text, pos)
    except json.JSONDecodeError as exc:
        raise ReferenceError(lineno, f"bad value at {text[pos : pos + 40]!r}") from exc
    return value, end


def _parse_type_line(text: str, lineno: int) -> dict[str, Any]:
    """Parse ``string | null, format: email, possible values: "a", default: "a" — desc``."""
    m = _TYPE_RE.match(text)
    if not m:
        raise ReferenceError(lineno, f"expected a type line, got {text[:60]!r}")
    spec: dict[str, Any] = {"type": m.group(1), "nullable": bool(m.group(2))}
    pos = m.end()
    while True:
        rest = text[pos:]
        if am := re.match(r",? format: ([^\s,]+)", rest):
            spec["format"] = am.group(1)
            pos += am.end()
        elif am := re.match(r",? possible values: ", rest):
            pos += am.end()
            values: list[Any] = []
            while True:
                value, pos = _parse_value(text, pos, lineno)
                values.append(value)
                if not re.match(r', ["\d-]', text[pos:]):
                    break
                pos += 2
            spec["enum"] = values
        elif am := re.match(r",? default: ", rest):
            spec["default"], pos = _parse_value(text, pos + am.end(), lineno)
        elif rest.startswith(" — "):
            spec["description"] = rest[3:].strip()
            break
        elif rest == "":
            break
        else:
            raise ReferenceError(lineno, f"unexpected text in type line: {rest[:60]!r}")
    for value in spec.get("enum") or ():
        ok = isinstance(value, str) if spec["type"] == "string" else type(value) is int
        if not ok:
            raise ReferenceError(lineno, f"enum value {value!r} does not fit {spec['type']}")
    return spec


def _field(name: str, required: bool, type_spec: dict[str, Any]) -> dict[str, Any]:
    """Build a FieldSpec-shaped dict with every key present, for stable JSON."""
    return {
        "name": name,
        "type": type_spec["type"],
        "nullable": type_spec.get("nullable", False),
        "format": type_spec.get("format"),
        "enum": type_spec.get("enum"),
        "default": type_spec.get("default"),
        "required": required,
        "description": type_spec.get("description", ""),
        "fields": [],
        "items": None,
        "max_items": None,
    }


def _is_bullet(lines: list[_Line], i: int, indent: int) -> bool:
    return i < len(lines) and lines[i].indent == indent and lines[i].text.startswith("• ")


def _parse_properties(
    lines: list[_Line], i: int, indent: int
) -> tuple[list[dict[str, Any]], int | None, int]:
    """Parse sibling bullets at ``indent``; return fields, a ``Max items`` bound, next index."""
    fields: list[dict[str, Any]] = []
    max_items: int | None = None
    while _is_bullet(lines, i, indent):
        header = lines[i].text[2:]
        if mm := _MAX_ITEMS_RE.match(header):
            max_items = int(mm.group(1))
            i += 1
            continue
        fm = _FIELD_RE.match(header)
        if not fm:
            raise ReferenceError(lines[i].no, f"bad field bullet {header!r}")
        i += 1
        if i >= len(lines) or lines[i].indent != indent + 2:
            raise ReferenceError(lines[i - 1].no, f"field {fm.group(1)!r} has no type line")
        field = _field(fm.group(1), bool(fm.group(2)), _parse_type_line(lines[i].text, lines[i].no))
        i += 1
        i = _parse_children(field, lines, i, indent + 2)
        fields.append(field)
    return fields, max_items, i


def _parse_children(field: dict[str, Any], lines: list[_Line], i: int, indent: int) -> int:
    """Attach an object's properties or an array's items, found at ``indent``."""
    if field["type"] == "object":
        if _is_bullet(lines, i, indent):
            props, max_items, i = _parse_properties(lines, i, indent)
            if max_items is not None:
                raise ReferenceError(lines[i - 1].no, "'Max items' inside an object")
            field["fields"] = props
    elif field["type"] == "array":
        if i >= len(lines) or lines[i].indent != indent or lines[i].text != "Items:":
            raise ReferenceError(lines[i - 1].no, f"array {field['name']!r} without 'Items:'")
        i += 1
        field["items"], field["max_items"], i = _parse_items(lines, i, indent)
    return i


def _parse_items(
    lines: list[_Line], i: int, indent: int
) -> tuple[dict[str, Any] | None, int | None, int]:
    """Parse what follows ``Items:``: object bullets, a scalar type line, or nothing."""
    if _is_bullet(lines, i, indent):
        props, max_items, i = _parse_properties(lines, i, indent)
        item = _field("", True, {"type": "object"})
        item["fields"] = props
        return item, max_items, i
    if i < len(lines) and lines[i].indent == indent and _TYPE_RE.match(lines[i].text):
        item = _field("", True, _parse_type_line(lines[i].text, lines[i].no))
        i += 1
        i = _parse_children(item, lines, i, indent + 2)
        return item, None, i
    return None, None, i


def parse_tree(raw: list[tuple[int, str]]) -> dict[str, Any]:
    """Parse a body's field tree into a synthetic root (object, or array for ``Array of:``)."""
    lines = [
        _Line(no, len(text) - len(text.lstrip(" ")), text.strip())
        for no, text in raw
        if text.strip()
    ]
    if not lines:  # e.g. DELETE /roles/{roleId}/privileges: only an example
        return _field("", True, {"type": "object"})
    if lines[0].indent == 0 and lines[0].text == "Array of:":
        root = _field("", True, {"type": "array"})
        root["items"], root["max_items"], i = _parse_items(lines, 1, 2)
    else:
        root = _field("", True, {"type": "object"})
        root["fields"], max_items, i = _parse_properties(lines, 0, 2)
        if max_items is not None:
            raise ReferenceError(lines[0].no, "'Max items' on an object body")
    if i != len(lines):
        raise ReferenceError(lines[i].no, f"unexpected line in field tree: {lines[i].text[:60]!r}")
    return root
