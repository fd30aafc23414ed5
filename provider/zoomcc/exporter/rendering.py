"""The program's text: literals laid out within ruff's line length, references as
``<name>.id``, config values as ``config.require(...)``, one resource per block."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from zoomcc.exporter.exported import ExportResult
from zoomcc.exporter.references import ConfigValue, FilePath, FlowFile, Ref
from zoomcc.resources.spec import ResourceSpec

WIDTH = 88
"""Ruff's default line length: the program is clean without any ruff configuration."""
INDENT = "    "

HEADER = '''"""Zoom Contact Center configuration exported by `zoomcc export`.

A stack whose config holds `importIds` (written for the account this was read
from) adopts those objects; a stack without them recreates the configuration in
another account. Ids of objects outside the export are stack config values: see
Pulumi.<stack>.yaml.
"""

import pulumi
import pulumi_zoomcc as zoomcc

config = pulumi.Config()
import_ids: dict[str, str] = config.get_object("importIds") or {}
'''



def string(text: str) -> str:
    """A double-quoted literal; punctuation and spaces outside ASCII are escaped (a reader
    cannot tell them apart, nor can ruff's RUF001)."""
    shown = json.dumps(text, ensure_ascii=False)
    return "".join(
        f"\\u{ord(c):04x}"
        if ord(c) > 127 and (ord(c) > 0x24F or unicodedata.category(c)[0] in "PZSC")
        else c
        for c in shown
    )


def inline(value: Any) -> str:
    """``value`` as one line of Python."""
    if isinstance(value, Ref):
        return f"{value.name}.id"
    if isinstance(value, ConfigValue):
        return f"config.{'get' if value.optional else 'require'}({string(value.key)})"
    if isinstance(value, FilePath):
        return string(value.path)
    if isinstance(value, FlowFile):
        return f"zoomcc.flow_file({string(value.path)}, {inline(dict(value.ids))})"
    if isinstance(value, str):
        return string(value)
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{string(k)}: {inline(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(inline(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} into the program")


def block(value: Any, indent: str, used: int) -> str:
    """``value`` after ``used`` characters of its first line (and a trailing comma), broken
    over lines where one line would be too long."""
    one = inline(value)
    if used + len(one) + 1 <= WIDTH:
        return one
    inner = indent + INDENT
    if isinstance(value, dict) and value:
        lines = [
            f"{inner}{string(k)}: {block(v, inner, len(inner) + len(string(k)) + 2)},"
            for k, v in value.items()
        ]
        return "{\n" + "\n".join(lines) + f"\n{indent}}}"
    if isinstance(value, list) and value:
        lines = [f"{inner}{block(v, inner, len(inner))}," for v in value]
        return "[\n" + "\n".join(lines) + f"\n{indent}]"
    if isinstance(value, FlowFile):
        ids = block(dict(value.ids), inner, len(inner))
        return f"zoomcc.flow_file(\n{inner}{string(value.path)},\n{inner}{ids},\n{indent})"
    if isinstance(value, ConfigValue):
        call = "get" if value.optional else "require"
        return f"config.{call}(\n{inner}{string(value.key)}\n{indent})"
    if isinstance(value, str) and " " in value:
        pieces = "\n".join(f"{inner}{string(p)}" for p in _pieces(value, inner))
        return f"(\n{pieces}\n{indent})"
    return one


def _pieces(text: str, indent: str) -> list[str]:
    """``text`` cut after spaces into pieces whose literals fit on a line."""
    room = WIDTH - len(indent) - 2
    pieces, current = [], ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and len(string(candidate + " ")) > room:
            pieces.append(current + " ")
            current = word
        else:
            current = candidate
    pieces.append(current)
    return pieces


def render_program(result: ExportResult) -> str:
    """The whole ``__main__.py``."""
    out = [HEADER]
    top = [*result.notes, *(f"not exported: {t} {i} ({r})" for t, i, r in result.skipped)]
    if top:
        out.append("\n".join(_comment(n) for n in top) + "\n")
    for obj in result.objects:
        spec = obj.spec
        lines = [_comment(n) for n in obj.notes]
        lines.append(f"{obj.name} = zoomcc.{spec.name}(")
        lines.append(f"{INDENT}{string(obj.name)},")
        for api_field, value in sorted(obj.inputs.items(), key=lambda kv: spec.friendly(kv[0])):
            prefix = f"{INDENT}{spec.friendly(api_field)}="
            lines.append(prefix + block(value, INDENT, len(prefix)) + ",")
        if isinstance(spec, ResourceSpec):
            lines.append(f"{INDENT}import_id=import_ids.get({string(obj.name)}),")
        lines.append(")")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def _comment(text: str) -> str:
    """``text`` as comment lines within the line length."""
    words, lines, current = text.split(), [], "#"
    for word in words:
        if len(current) + 1 + len(word) > WIDTH and current != "#":
            lines.append(current)
            current = "#"
        current += " " + word
    lines.append(current)
    return "\n".join(lines)
