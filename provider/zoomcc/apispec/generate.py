"""Generate ``contact_center.json`` from the plain-text Contact Center API reference.

The reference is OpenAPI rendered to text, so the parser is deliberately strict:
any line it does not understand is an error with a line number, rather than a
silently missing field. Known mistakes in the reference are corrected by the
patches in ``errata.py``, not by special cases here.

The reference omits query parameters; the real API's (from Zoom's published OpenAPI) come
from ``zoom-api-query-params.json`` beside the reference and are merged into each operation.
Both files are read only here, at generation time: the provider, emulator and tests read
the checked-in ``contact_center.json``.

Usage: ``python -m zoomcc.apispec.generate [--reference PATH] [--query-params PATH]
[--out PATH] [--check]``
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zoomcc.apispec.errata import ERRATA, apply_errata
from zoomcc.apispec.field_trees import ReferenceError, parse_tree
from zoomcc.apispec.spec import ApiSpec, Operation

REFERENCE_ENV = "ZOOMCC_API_REFERENCE"
REFERENCE_NAME = "zoom-contact-center-api-reference.txt"
QUERY_PARAMS_ENV = "ZOOMCC_API_QUERY_PARAMS"
QUERY_PARAMS_NAME = "zoom-api-query-params.json"
SPEC_PATH = Path(__file__).resolve().with_name("contact_center.json")

_STATUS_RE = re.compile(r"^Status: (\d{3}) ?(.*)$")
# Ways the reference repeats the status inside a response description.
_STATUS_NOISE = (
    re.compile(r"^\*\*HTTP Status Code:\*\* `\s*\d+\s*`\s*"),
    re.compile(r"^HTTP Status Code: \d+\s*"),
    re.compile(r"^\*\*HTTP Status:\*\* `\d+`\s*"),
    re.compile(r"^\*\*HTTP \d+ [^*]*\*\*\s*(?:—\s*)?"),
)
_ERROR_CODE_RE = re.compile(r"^\s*`\s*(\d*)\s*`(.*)$", re.DOTALL)
_BR_RE = re.compile(r"\s*<br\s*/?>\s*")


# --- operations --------------------------------------------------------------------


class _Cursor:
    """Walks one operation's lines, skipping blanks, with 1-based line numbers."""

    def __init__(self, lines: list[str], start: int, end: int) -> None:
        self.lines = lines
        self.i = start
        self.end = end

    def skip_blank(self) -> None:
        while self.i < self.end and not self.lines[self.i].strip():
            self.i += 1

    def peek(self) -> str | None:
        self.skip_blank()
        return self.lines[self.i] if self.i < self.end else None

    def take(self, prefix: str) -> str:
        """Consume a line starting with ``prefix`` and return the rest, stripped."""
        line = self.peek()
        if line is None or not line.startswith(prefix):
            raise ReferenceError(self.i + 1, f"expected {prefix!r}, got {line!r}")
        self.i += 1
        return line[len(prefix) :].strip()

    def take_until(self, stop: re.Pattern[str]) -> list[tuple[int, str]]:
        """Consume raw lines (blanks included) up to one matching ``stop``."""
        out: list[tuple[int, str]] = []
        while self.i < self.end and not stop.match(self.lines[self.i]):
            out.append((self.i + 1, self.lines[self.i]))
            self.i += 1
        return out


_BODY_END = re.compile(r"^(Example:|Status: |Responses$)")
_EXAMPLE_END = re.compile(r"^(Status: |Responses$)")


def _parse_body(cur: _Cursor) -> dict[str, Any]:
    """Parse ``Content-Type:`` + field tree + optional ``Example:`` JSON."""
    content_type = cur.take("Content-Type:")
    tree = parse_tree(cur.take_until(_BODY_END))
    example: Any = None
    if (cur.peek() or "").startswith("Example:"):
        start = cur.i + 1
        cur.take("Example:")
        text = "\n".join(t for _, t in cur.take_until(_EXAMPLE_END))
        try:
            example = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReferenceError(start, f"example is not JSON: {exc}") from exc
    return {"content_type": content_type, "schema": tree, "example": example}


def _clean_status_text(text: str) -> str:
    for noise in _STATUS_NOISE:
        text = noise.sub("", text)
    return _BR_RE.sub(" ", f" {text} ").strip()


def _parse_errors(status: int, text: str, lineno: int) -> tuple[str, list[dict[str, Any]]]:
    """Split an error status line into its description and ``**Error Code:**`` entries."""
    head, *parts = text.split("**Error Code:**")
    description = _clean_status_text(head)
    errors: list[dict[str, Any]] = []
    for part in parts:
        m = _ERROR_CODE_RE.match(part)
        if not m:
            raise ReferenceError(lineno, f"bad error code entry {part[:40]!r}")
        message = _BR_RE.sub(" ", f" {m.group(2)} ").strip().strip('"').strip()
        code = int(m.group(1)) if m.group(1) else None
        if code is None and not message:
            continue  # an empty placeholder: **Error Code:** `` <br> <br>
        errors.append({"status": status, "code": code, "message": message})
    if not errors:
        errors.append({"status": status, "code": None, "message": description})
    return description, errors


def _split_list(text: str) -> list[str]:
    """Split ``a, b`` lists; the reference sometimes omits the space after the comma."""
    return [s.strip() for s in text.split(",") if s.strip()]


def slugify(title: str) -> str:
    """``Get an engagement's survey`` -> ``get_an_engagements_survey``."""
    return re.sub(r"[^a-z0-9]+", "_", title.lower().replace("'", "")).strip("_")


def _parse_operation(lines: list[str], start: int, end: int) -> dict[str, Any]:
    cur = _Cursor(lines, start, end)
    title = cur.take("")
    method = cur.take("  • Method:")
    path = cur.take("  • Path:")
    tags = _split_list(cur.take("  • Tags:"))
    cur.take_until(re.compile(r"^Scopes: "))  # prose description: not part of the spec
    scopes = _split_list(cur.take("Scopes:"))
    granular = _split_list(cur.take("Granular Scopes:"))
    rate_label = cur.take("Rate Limit Label:").upper()
    request = None
    if cur.peek() == "Request Body":
        cur.take("Request Body")
        request = _parse_body(cur)
    cur.take("Responses")
    responses: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    while (line := cur.peek()) is not None:
        lineno = cur.i + 1
        m = _STATUS_RE.match(line)
        if not m:
            raise ReferenceError(lineno, f"expected 'Status:', got {line[:60]!r}")
        cur.i += 1
        status = int(m.group(1))
        if status >= 400:
            text, errs = _parse_errors(status, m.group(2), lineno)
            errors.extend(errs)
        else:
            text = _clean_status_text(m.group(2))
        body = None
        if (cur.peek() or "").startswith("Content-Type:"):
            body = _parse_body(cur)
        responses.append({"status": status, "description": text, "body": body})
    return {
        "id": slugify(title),
        "title": title,
        "method": method.upper(),
        "path": path,
        "tags": tags,
        "scopes": scopes,
        "granular_scopes": granular,
        "rate_label": rate_label,
        "request": request,
        "responses": responses,
        "errors": errors,
    }


def parse_reference(text: str) -> list[dict[str, Any]]:
    """Parse the reference into operation dicts (reference order, errata not applied)."""
    lines = text.replace("\xa0", " ").splitlines()
    starts = [
        i
        for i in range(len(lines) - 2)
        if lines[i].strip()
        and not lines[i].startswith(" ")
        and not lines[i + 1].strip()
        and lines[i + 2].startswith("  • Method:")
    ]
    if not starts:
        raise ReferenceError(1, "no operations found (expected a title then '  • Method:')")
    ends = [*starts[1:], len(lines)]
    ops = [_parse_operation(lines, s, e) for s, e in zip(starts, ends, strict=True)]
    _disambiguate_ids(ops)
    return ops


def _disambiguate_ids(ops: list[dict[str, Any]]) -> None:
    """Make ids unique: clashing titles get ``_<method>``, then ``_2``, ``_3`` in order."""
    counts: dict[str, int] = {}
    for op in ops:
        counts[op["id"]] = counts.get(op["id"], 0) + 1
    seen: set[str] = set()
    for op in ops:
        if counts[op["id"]] > 1:
            op["id"] = f"{op['id']}_{op['method'].lower()}"
        base, n = op["id"], 2
        while op["id"] in seen:
            op["id"] = f"{base}_{n}"
            n += 1
        seen.add(op["id"])


def _query_params(raw: dict[str, Any]) -> list[dict[str, Any]]:
    """One operation's parameters from the facts file, in the file's order."""
    out: list[dict[str, Any]] = []
    for name, fact in raw.items():
        param: dict[str, Any] = {"name": name, "type": fact["type"], "required": fact["required"]}
        if fact.get("enum") is not None:
            param["enum"] = fact["enum"]
        if (items := fact.get("items")) is not None:
            param["item_type"] = items["type"]
            if items.get("enum") is not None:
                param["item_enum"] = items["enum"]
        out.append(param)
    return out


def merge_query_params(ops: list[dict[str, Any]], facts: dict[str, Any]) -> None:
    """Give every operation its query parameters; every operation must have an entry."""
    by_key = facts["operations"]
    keys = {f"{op['method']} {op['path']}" for op in ops}
    unknown = sorted(set(by_key) - keys)
    missing = sorted(keys - set(by_key))
    if unknown or missing:
        raise ValueError(
            f"query-parameter facts do not match the reference: missing {missing[:5]}, "
            f"unknown {unknown[:5]}"
        )
    for op in ops:
        op["query"] = _query_params(by_key[f"{op['method']} {op['path']}"]["params"])


def build_spec(text: str, query_facts: dict[str, Any] | None = None) -> ApiSpec:
    """Parse the reference, apply the errata, merge the query facts and validate."""
    ops = parse_reference(text)
    apply_errata(ops, ERRATA)
    if query_facts is not None:
        merge_query_params(ops, query_facts)
    ops.sort(key=lambda o: (o["path"], o["method"]))
    return ApiSpec(Operation.model_validate(op) for op in ops)


def render(spec: ApiSpec) -> str:
    """Serialise deterministically: sorted keys, ``indent=1``, trailing newline."""
    data = {"operations": [o.model_dump(mode="json", by_alias=True) for o in spec.operations]}
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def repo_root() -> Path:
    """The checkout root: the first ancestor holding ``pyproject.toml``."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file():
            return parent
    return here.parents[3]  # provider/zoomcc/apispec/generate.py -> repo root


def default_reference_path() -> Path:
    """``$ZOOMCC_API_REFERENCE``, else ``<repo>/../shared/<reference>``."""
    if env := os.environ.get(REFERENCE_ENV):
        return Path(env)
    candidate = repo_root().parent / "shared" / REFERENCE_NAME
    if candidate.is_file():
        return candidate
    raise FileNotFoundError(
        f"Contact Center API reference not found at {candidate}; "
        f"set {REFERENCE_ENV} or pass --reference PATH"
    )


def default_query_params_path(reference: Path) -> Path:
    """``$ZOOMCC_API_QUERY_PARAMS``, else the facts file beside the reference."""
    if env := os.environ.get(QUERY_PARAMS_ENV):
        return Path(env)
    return reference.with_name(QUERY_PARAMS_NAME)


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point; returns the process exit status."""
    parser = argparse.ArgumentParser(prog="python -m zoomcc.apispec.generate", description=__doc__)
    parser.add_argument(
        "--reference", type=Path, help=f"reference text (default: ${REFERENCE_ENV})"
    )
    parser.add_argument(
        "--query-params",
        type=Path,
        help=f"query-parameter facts (default: ${QUERY_PARAMS_ENV}, or beside the reference)",
    )
    parser.add_argument("--out", type=Path, default=SPEC_PATH, help="JSON file to write/check")
    parser.add_argument("--check", action="store_true", help="exit 1 if --out is out of date")
    args = parser.parse_args(argv)
    try:
        reference: Path = args.reference or default_reference_path()
        facts_path: Path = args.query_params or default_query_params_path(reference)
        facts = json.loads(facts_path.read_text(encoding="utf-8"))
        fresh = render(build_spec(reference.read_text(encoding="utf-8"), facts))
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out: Path = args.out
    if args.check:
        current = out.read_text(encoding="utf-8") if out.is_file() else None
        if current != fresh:
            print(f"{out} is out of date; run python -m zoomcc.apispec.generate", file=sys.stderr)
            return 1
        print(f"{out} is up to date")
        return 0
    out.write_text(fresh, encoding="utf-8")
    print(f"wrote {out} ({len(json.loads(fresh)['operations'])} operations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
