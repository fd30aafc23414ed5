"""API calls per operation for every resource type, and state size per resource.

One stack holds one resource of every type in the catalog (CRUD, membership, settings), built
from the per-resource test data (tests/support/cases: ``declare``), plus one no-op dynamic
resource for comparison. Prerequisites (parents, members) are made
through the API before the stack, with unique names, and are not counted. It goes through
the real engine (Automation API, inline program): up (create) -> preview -> up (no changes)
-> refresh -> up (change each type's update fields) -> destroy. After each step the
emulator's request log is split per resource: a request whose path holds a resource's id (or
one of its prerequisites' ids) is that resource's; a request on a collection path with no id
(POST create, LIST) is charged to the one resource of that collection's type.

    .venv/bin/python -m bench.api_calls [--quick] [--json PATH]

``--quick``: one type of each kind of spec (the first CRUD type of each spec class, one
membership, one settings type) instead of all of them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import common
from bench.noop_provider import Noop
from tests.support.cases import Declared, declare
from tests.support.cases import program as declared_program
from zoomcc.emulator import EmulatorServer, LoggedRequest
from zoomcc.resources import catalog

PHASES = ("create", "preview", "up no-op", "refresh", "update", "delete")
WRITES = frozenset({"POST", "PATCH", "PUT", "DELETE"})
NOOP = "noop"


def selected_types(quick: bool) -> list[str]:
    names = [s.name for s in catalog.ALL]
    if not quick:
        return names
    picked: dict[str, str] = {}
    for spec in catalog.ALL:
        picked.setdefault(type(spec).__name__, spec.name)
    return [n for n in names if n in set(picked.values())]


def program(declared: list[Declared], variant: int) -> Callable[[], None]:
    """The declared resources, and one no-op resource for comparison."""
    resources = declared_program(declared, variant)

    def run() -> None:
        resources()
        Noop(NOOP, {"name": "Languages", "description": "Spoken" + (" v2" if variant == 2 else "")})

    return run


# -- attribution ------------------------------------------------------------------------------


def _static_segments() -> set[str]:
    found: set[str] = set()
    for spec in catalog.ALL:
        for attr in ("api_path", "item_path", "list_path"):
            path = getattr(spec, attr, None)
            if isinstance(path, str):
                found |= {s for s in path.split("/") if s and "{" not in s}
    return found


def segment_owners(declared: list[Declared], ids: dict[str, str]) -> dict[str, str]:
    """Path segment -> resource name: each resource's id and its prerequisites' ids.
    A segment two resources could claim, or a word of a static path, is dropped."""
    static = _static_segments()
    claims: dict[str, set[str]] = {}
    for d in declared:
        values = set(d.prereq_values)
        if d.name in ids:
            values.add(ids[d.name])
        for v in values:
            if len(v) >= 4 and v not in static:
                claims.setdefault(v, set()).add(d.name)
    return {v: next(iter(names)) for v, names in claims.items() if len(names) == 1}


def attribute(
    log: list[LoggedRequest], declared: list[Declared], owners: dict[str, str],
    operations: dict[str, list[str]] | None = None,
) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """Calls per resource name ("METHOD" counts; LIST = GET of a collection), and calls no
    resource claims. ``operations`` collects each resource's "METHOD operation" in order."""
    by_type = {d.type_name: d.name for d in declared}
    per: dict[str, Counter[str]] = {d.name: Counter() for d in declared}
    other: Counter[str] = Counter()
    for r in log:
        if r.operation == "oauth.token":
            other["token"] += 1
            continue
        segments = r.path.rstrip("/").split("/")
        owner = next((owners[s] for s in segments if s in owners), None)
        method = r.method
        if r.method == "GET" and r.operation and r.operation.endswith(".list"):
            method = "LIST"
        if owner is None:
            type_name = _type_of_collection(r.path)
            owner = by_type.get(type_name) if type_name else None
        if owner is None:
            other[f"{r.method} {r.path}"] += 1
        else:
            per[owner][method] += 1
            if operations is not None:
                operations.setdefault(owner, []).append(f"{r.method} {r.operation}")
    return per, other


def _type_of_collection(path: str) -> str | None:
    """The resource type whose collection path is the longest match of a logged path."""
    best: tuple[int, str] | None = None
    for spec in catalog.ALL:
        if path.endswith(spec.api_path) and (best is None
                                             or len(spec.api_path) > best[0]):
            best = (len(spec.api_path), spec.name)
    return best[1] if best else None


def ids_of(stack: Any) -> dict[str, str]:
    """Resource name -> id, from the exported state."""
    out: dict[str, str] = {}
    for res in stack.export_stack().deployment.get("resources", []):
        if res.get("id") and not res["type"].startswith("pulumi:"):
            out[res["urn"].rsplit("::", 1)[-1]] = str(res["id"])
    return out


def fmt_calls(c: Counter[str]) -> str:
    if not c:
        return "0"
    order = ["LIST", "POST", "PATCH", "PUT", "GET", "DELETE"]
    return " + ".join(f"{c[m]} {m}" for m in order if c[m])


def _size(value: Any) -> int:
    """A plain string's length, or the JSON size of a secret envelope (ciphertext)."""
    if value is None:
        return 0
    return len(value) if isinstance(value, str) else len(json.dumps(value, separators=(",", ":")))


def state_sizes(stack: Any) -> list[dict[str, Any]]:
    rows = []
    for res in stack.export_stack().deployment.get("resources", []):
        name = res["urn"].rsplit("::", 1)[-1]
        prov = res.get("inputs", {}).get("__provider")
        prov_out = res.get("outputs", {}).get("__provider")
        rows.append({
            "resource": name,
            "type": res["type"],
            "resource_bytes": len(json.dumps(res, separators=(",", ":"))),
            "provider_bytes_inputs": _size(prov),
            "provider_bytes_outputs": _size(prov_out),
            "provider_secret": isinstance(prov, dict),
            "inputs_bytes": len(json.dumps(res.get("inputs", {}), separators=(",", ":"))),
            "outputs_bytes": len(json.dumps(res.get("outputs", {}), separators=(",", ":"))),
            "largest_other_fields": sorted(
                ((k, _size(v) if isinstance(v, str) else len(json.dumps(v)))
                 for k, v in res.items() if k not in ("inputs", "outputs")),
                key=lambda kv: -kv[1],
            )[:3],
        })
    return rows


def compare(
    before: dict[str, Any], phases: dict[str, dict[str, Counter[str]]],
    totals: dict[str, int], declared: list[Declared],
) -> None:
    """Calls per step and per type, an earlier run's against this one's, as ratios."""
    old: dict[str, dict[str, dict[str, int]]] = before.get("calls", {})

    def count(per: dict[str, Any], name: str) -> int:
        return sum(v for k, v in per.get(name, {}).items())

    rows = []
    for phase in PHASES:
        was = sum(count(old.get(phase, {}), d.name) for d in declared)
        now = sum(count({n: dict(c) for n, c in phases[phase].items()}, d.name) for d in declared)
        rows.append([phase, was, now, now / was if was else None,
                     before.get("totals", {}).get(phase), totals.get(phase)])
    common.table("Calls per step, before and after (attributed to the stack's resources)",
                 ["step", "before", "after", "after/before", "all requests before",
                  "all requests after"], rows)
    changed = []
    for d in declared:
        cells = []
        for phase in PHASES:
            then = Counter(old.get(phase, {}).get(d.name, {}))
            after = phases[phase][d.name]
            same = then == after
            cells.append(fmt_calls(after) if same else f"{fmt_calls(then)} -> {fmt_calls(after)}")
        if any("->" in c for c in cells):
            changed.append([d.type_name, *cells])
    common.table("Types whose calls changed (before -> after)", ["type", *PHASES], changed)


def main() -> None:
    p = common.parser(__doc__ or "")
    p.add_argument("--before", type=Path, metavar="PATH",
                   help="an earlier run's JSON: print calls per step before and after")
    args = p.parse_args()
    common.engine_environ()
    types = selected_types(args.quick)
    phases: dict[str, dict[str, Counter[str]]] = {}
    operations: dict[str, dict[str, list[str]]] = {p: {} for p in PHASES}
    unclaimed: dict[str, Counter[str]] = {}
    totals: dict[str, int] = {}
    failures: dict[str, str] = {}
    with EmulatorServer(port=0) as emu, common.scratch_dir("bench-calls-") as work:
        api = common.api_client(emu.api_base_url)
        declared, skipped = declare(api, emu, types)
        seeded = emu.state.object_count()
        before = {k: len(v) for k, v in emu.state.user_objects().items()}
        stack = common.make_stack(work, program(declared, 1),
                                  common.stack_config(emu.api_base_url, pacing="false"))
        owners: dict[str, str] = {}

        def step(phase: str, run: Callable[[], Any]) -> None:
            emu.state.clear_requests()
            try:
                run()
            except Exception as exc:
                failures[phase] = str(exc)[-2000:]
            log = emu.state.requests
            totals[phase] = len(log)
            nonlocal owners
            owners = owners or segment_owners(declared, ids_of(stack))
            operations[phase] = {}
            phases[phase], unclaimed[phase] = attribute(log, declared, owners, operations[phase])

        step("create", lambda: stack.up())
        owners = segment_owners(declared, ids_of(stack))
        operations["create"] = {}
        phases["create"], unclaimed["create"] = attribute(
            emu.state.requests, declared, owners, operations["create"]
        )
        created = ids_of(stack)
        sizes = state_sizes(stack)
        state_total = len(json.dumps(stack.export_stack().deployment, separators=(",", ":")))
        step("preview", lambda: stack.preview())
        step("up no-op", lambda: stack.up())
        step("refresh", lambda: stack.refresh())
        stack.workspace.program = program(declared, 2)
        step("update", lambda: stack.up())
        step("delete", lambda: stack.destroy())
        left = emu.state.object_count() - seeded
        left_by_collection = {k: len(v) - before.get(k, 0)
                              for k, v in emu.state.user_objects().items()
                              if len(v) != before.get(k, 0)}

    not_created = {d.type_name: "not in the state after the create step"
                   for d in declared if d.name not in created}
    rows = []
    for d in declared:
        if d.type_name in not_created:
            continue
        rows.append([d.type_name, d.kind, *(fmt_calls(phases[p][d.name]) for p in PHASES)])
    common.table("API calls per resource and operation, through the engine",
                 ["type", "kind", *PHASES], rows)
    common.table(
        "Requests per step (all resources; token = OAuth token requests)",
        ["step", "total requests", "writes", "token", "unattributed"],
        [[p, totals[p],
          sum(c[m] for c in phases[p].values() for m in WRITES),
          unclaimed[p].get("token", 0),
          sum(v for k, v in unclaimed[p].items() if k != "token")] for p in PHASES],
    )
    common.table(
        "State size per resource (bytes, compact JSON of stack export)",
        ["resource", "type", "whole resource", "__provider (inputs)", "__provider (outputs)",
         "inputs", "outputs", "largest other fields"],
        [[s["resource"], s["type"].rsplit(":", 1)[-1], s["resource_bytes"],
          s["provider_bytes_inputs"], s["provider_bytes_outputs"], s["inputs_bytes"],
          s["outputs_bytes"],
          ", ".join(f"{k} {v}" for k, v in s["largest_other_fields"])] for s in sizes],
    )
    above = {r[0]: r[2] for r in rows if r[2] != "1 POST"}
    common.console.print(f"create above one POST: {above}")
    common.console.print(f"whole deployment: {state_total} bytes; objects left after destroy "
                         f"(beyond prerequisites): {left} {left_by_collection}; "
                         "unattributed calls: "
                         f"{ {p: dict(c) for p, c in unclaimed.items() if c} }")
    if skipped or not_created or failures:
        common.console.print(f"not measured: { {**skipped, **not_created} }; "
                             f"failed steps: {failures}")
    if args.before is not None:
        compare(json.loads(args.before.read_text()), phases, totals, declared)
    common.write_json(args.json, {
        "quick": args.quick,
        "calls": {p: {n: dict(c) for n, c in per.items()} for p, per in phases.items()},
        "operations": operations,
        "unattributed": {p: dict(c) for p, c in unclaimed.items()},
        "totals": totals,
        "types": {d.name: {"type": d.type_name, "kind": d.kind} for d in declared},
        "not_measured": {**skipped, **not_created},
        "failed_steps": failures,
        "rate_labels": {s.name: {"create": s.create_op.rate_label, "read": s.read_op.rate_label,
                                 "delete": s.delete_op.rate_label} for s in catalog.OBJECTS},
        "state": sizes,
        "state_total_bytes": state_total,
        "objects_left": left,
        "objects_left_by_collection": left_by_collection,
    })


if __name__ == "__main__":
    main()
