"""docs/conformance.md lists every documented 4xx error of every operation the provider calls,
each with how it is handled; computed from the API spec, so a code the reference adds shows
up here as missing, and a code no one has read as unclassified."""

from __future__ import annotations

import ast
from pathlib import Path

import zoomcc.emulator
from zoomcc.apispec import load_api_spec
from zoomcc.apispec.documented_rules import objects_at
from zoomcc.apispec.error_table import BY_CODE, BY_OPERATION, handling
from zoomcc.apispec.rule_table import RULES, rules_for
from zoomcc.codegen.conformance import used_operations
from zoomcc.codegen.error_conformance import KIND_TEXT, error_rows

DOC = Path(__file__).resolve().parents[2] / "docs" / "conformance.md"


def _documented() -> set[tuple[str, int, int | None]]:
    return {
        (op.id, e.status, e.code)
        for op, _ in used_operations().values()
        for e in op.errors
        if 400 <= e.status < 500
    }


def test_every_documented_4xx_error_of_a_called_operation_has_a_row() -> None:
    rows = error_rows(op for op, _ in used_operations().values())
    listed = {(o, r.status, r.code) for r in rows for o in r.operations}
    assert sorted(_documented() - listed, key=str) == []


def test_every_row_is_in_the_generated_doc_with_its_handling() -> None:
    text = DOC.read_text(encoding="utf-8")
    for row in error_rows(op for op, _ in used_operations().values()):
        code = "" if row.code is None else str(row.code)
        start = f"| {row.status} | {code} | "
        lines = [line for line in text.splitlines() if line.startswith(start)]
        assert any(KIND_TEXT[row.handling.kind] in line for line in lines), start


def test_every_rule_names_an_operation_the_provider_calls_and_a_code_it_documents() -> None:
    used = {op_id: op for op_id, (op, _) in used_operations().items()}
    for rule in RULES:
        for op_id in rule.operations:
            assert op_id in used, (rule.code, op_id)
            assert rule.code in {e.code for e in used[op_id].errors}, (rule.code, op_id)


def test_a_documented_rule_is_handled_as_a_preview_rule_quoting_its_line() -> None:
    used = {op_id: op for op_id, (op, _) in used_operations().items()}
    for rule in RULES:
        op = used[rule.operations[0]]
        error = next(e for e in op.errors if e.code == rule.code)
        assert handling(op, error).kind == "preview"
        assert str(rule.line) in handling(op, error).reason


def test_no_documented_error_is_left_unclassified() -> None:
    rows = error_rows(op for op, _ in used_operations().values())
    left = sorted({(r.status, r.code) for r in rows if r.handling.kind == "unclassified"}, key=str)
    assert left == []


def _emulator_codes() -> set[int]:
    """Every code the emulator's source raises by hand (``ErrorDef(status, code, ...)``,
    ``RequestRefused(status, code, ...)``)."""
    codes: set[int] = set()
    for path in Path(zoomcc.emulator.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            code = node.args[1]
            if name not in ("ErrorDef", "RequestRefused") or not isinstance(code, ast.Constant):
                continue
            if isinstance(code.value, int):
                codes.add(code.value)
    return codes


def test_a_code_said_to_be_emulated_by_hand_is_raised_by_the_emulator() -> None:
    """``BY_CODE``/``BY_OPERATION`` entries marked ``emulator`` name codes the emulator's
    hooks raise; the generic not-found and already-exists answers come from the spec."""
    claimed = {c for c, (kind, _) in BY_CODE.items() if kind == "emulator"}
    claimed |= {c for (_, c), (kind, _) in BY_OPERATION.items() if kind == "emulator"}
    generic = {3603}  # "The name already exists.": the derived duplicate-name answer
    assert sorted(claimed - _emulator_codes() - generic) == []


def test_the_references_own_request_examples_break_no_documented_rule() -> None:
    """Where a rule's text reads two ways, the table takes the one the examples meet."""
    broken = []
    for op in load_api_spec().operations:
        example = op.request.example if op.request is not None else None
        for rule in rules_for(op.id):
            if rule.merged:  # about the object after a delta update, not the body
                continue
            for loc, item in objects_at(example, rule.at):
                if rule.failure(item) is not None:
                    broken.append((op.id, rule.code, loc, rule.failure(item)))
    assert broken == []
