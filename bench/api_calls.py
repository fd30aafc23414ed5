"""API calls per operation for every resource type, and state size per resource.

One stack holds one resource of every type (two queues: with and without an update-only
field) plus one no-op dynamic resource for comparison. It goes through the real engine
(Automation API, inline program): up (create) -> preview -> up (no changes) -> refresh ->
up (change one field of each) -> destroy. After each step the emulator's request log is
split per resource: a POST by the name in its body, every other call by the id in its path.

    .venv/bin/python -m bench.api_calls [--quick] [--json PATH]
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pulumi

import pulumi_zoomcc as zoomcc
from bench import common
from bench.noop_provider import Noop
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer, LoggedRequest
from zoomcc.resources import catalog

PHASES = ("create", "preview", "up no-op", "refresh", "update", "delete")
WRITES = frozenset({"POST", "PATCH", "PUT", "DELETE"})

# resource name -> (type, the API name field and value sent on create)
RESOURCES: dict[str, tuple[str, str, str]] = {
    "category": ("SkillCategory", "skill_category_name", "Languages"),
    "skill": ("Skill", "skill_name", "French"),
    "queue-min": ("Queue", "queue_name", "Sales"),
    "queue-full": ("Queue", "queue_name", "Support"),
    "team": ("Team", "team_name", "Tier 1"),
    "disposition": ("Disposition", "disposition_name", "Resolved"),
    "disposition-set": ("DispositionSet", "disposition_set_name", "Outcomes"),
    "hours": ("BusinessHours", "business_hour_name", "Office"),
    "closures": ("ClosureSet", "closure_set_name", "Holidays"),
}

# Why each type's create costs what it does (the API's minimum is one POST).
CREATE_NOTES: dict[str, str] = {
    "Queue (update-only fields)": "POST + PATCH (wrap-up, max wait... are PATCH-only) + GET",
}


def program(variant: int) -> Callable[[], None]:
    v2 = " v2" if variant == 2 else ""

    def run() -> None:
        cat = zoomcc.SkillCategory(
            "category", name="Languages", description="Spoken" + v2,
            skill_type="proficiency", max_proficiency_level=5,
        )
        skill = zoomcc.Skill(
            "skill", name="French" if not v2 else "Français", skill_category_id=cat.id
        )
        zoomcc.Queue("queue-min", name="Sales", description="Sales" + v2, channel="voice")
        zoomcc.Queue(
            "queue-full", name="Support", description="Support" + v2, channel="voice",
            max_wait_time=600 if v2 else 300,
        )
        team = zoomcc.Team("team", name="Tier 1", description="Tier" + v2,
                           parent_team_id=ROOT_TEAM_ID)
        disp = zoomcc.Disposition("disposition", name="Resolved", status="active",
                                  description="Fixed" + v2)
        dset = zoomcc.DispositionSet("disposition-set", name="Outcomes", status="active",
                                     description="Outcomes" + v2, disposition_ids=[disp.id])
        hours = zoomcc.BusinessHours(
            "hours", name="Office", description="Office" + v2, timezone="America/New_York",
            hours={"hour_type": 2, "custom_hours": [
                {"day_of_week": d, "custom_hour_type": 2,
                 "custom_hour_ranges": [{"start_time": "09:00", "end_time": "17:00"}]}
                for d in range(1, 6)]},
        )
        closures = zoomcc.ClosureSet(
            "closures", name="Holidays", description="Holidays" + v2,
            timezone="America/New_York",
            closures=[{"closure_name": "New Year", "closure_hour_type": 1,
                       "start_time": "2027-01-01T00:00:00Z",
                       "end_time": "2027-01-02T00:00:00Z", "recurring_frequency": 0}],
        )
        Noop("noop", {"name": "Languages", "description": "Spoken" + v2})
        for res in (cat, skill, team, disp, dset, hours, closures):
            pulumi.export(f"id-{res._name}", res.id)

    return run


def attribute(
    log: list[LoggedRequest], ids: dict[str, str]
) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """Calls per resource name ("METHOD" counts), and calls no resource claims."""
    by_name = {(field, value): name for name, (_t, field, value) in RESOURCES.items()}
    per: dict[str, Counter[str]] = {name: Counter() for name in RESOURCES}
    other: Counter[str] = Counter()
    for r in log:
        if r.operation == "oauth.token":
            other["token"] += 1
            continue
        owner: str | None = None
        if r.method == "POST" and isinstance(r.body, dict):
            owner = next(
                (n for (f, v), n in by_name.items() if r.body.get(f) in (v, v + " v2")), None
            )
        method = r.method
        if owner is None:
            segments = r.path.rstrip("/").split("/")
            owner = next((n for n, i in ids.items() if i in segments), None)
        if owner is None and r.method == "GET" and r.operation and r.operation.endswith(".list"):
            # A listing (the natural-key check before a create): charge it to the next
            # resource of that type that has not had one yet.
            method = "LIST"
            type_name = _type_of_collection(r.path)
            pending = [n for n, (t, _f, _v) in RESOURCES.items()
                       if t == type_name and not per[n]["LIST"]]
            owner = pending[0] if pending else next(
                (n for n, (t, _f, _v) in RESOURCES.items() if t == type_name), None)
        if owner is None:
            other[f"{r.method} {r.path}"] += 1
        else:
            per[owner][method] += 1
    return per, other


def _type_of_collection(path: str) -> str | None:
    """The resource type whose collection path is the longest match of a logged path."""
    best: tuple[int, str] | None = None
    for spec in catalog.ALL:
        if path.endswith(spec.collection_path) and (best is None
                                                     or len(spec.collection_path) > best[0]):
            best = (len(spec.collection_path), spec.name)
    return best[1] if best else None


def ids_of(stack: Any) -> dict[str, str]:
    """Resource name -> Zoom id, from the exported state."""
    dep = stack.export_stack().deployment
    out: dict[str, str] = {}
    for res in dep.get("resources", []):
        name = res["urn"].rsplit("::", 1)[-1]
        if name in RESOURCES and res.get("id"):
            out[name] = str(res["id"])
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


def main() -> None:
    args = common.parser(__doc__ or "").parse_args()
    common.engine_environ()
    phases: dict[str, dict[str, Counter[str]]] = {}
    unclaimed: dict[str, Counter[str]] = {}
    totals: dict[str, int] = {}
    with EmulatorServer(port=0) as emu, common.scratch_dir("bench-calls-") as work:
        stack = common.make_stack(work, program(1), common.stack_config(emu.api_base_url))
        ids: dict[str, str] = {}

        def step(phase: str, run: Callable[[], Any]) -> None:
            emu.state.clear_requests()
            run()
            log = emu.state.requests
            totals[phase] = len(log)
            nonlocal ids
            ids = ids or ids_of(stack)
            phases[phase], unclaimed[phase] = attribute(log, ids)

        step("create", lambda: stack.up())
        ids = ids_of(stack)
        sizes = state_sizes(stack)
        state_total = len(json.dumps(stack.export_stack().deployment, separators=(",", ":")))
        step("preview", lambda: stack.preview())
        step("up no-op", lambda: stack.up())
        step("refresh", lambda: stack.refresh())
        stack.workspace.program = program(2)
        step("update", lambda: stack.up())
        step("delete", lambda: stack.destroy())
        left = emu.state.object_count()

    rows = []
    for name, (type_name, _f, _v) in RESOURCES.items():
        label = type_name + (" (update-only field)" if name == "queue-full" else "")
        rows.append([label, *(fmt_calls(phases[p][name]) for p in PHASES)])
    common.table("API calls per resource and operation, through the engine", ["resource", *PHASES],
                 rows)
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
    common.console.print(f"whole deployment: {state_total} bytes; objects left after destroy: "
                         f"{left}; unattributed calls: "
                         f"{ {p: dict(c) for p, c in unclaimed.items() if c} }")
    common.write_json(args.json, {
        "calls": {p: {n: dict(c) for n, c in per.items()} for p, per in phases.items()},
        "unattributed": {p: dict(c) for p, c in unclaimed.items()},
        "totals": totals,
        "types": {n: t for n, (t, _f, _v) in RESOURCES.items()},
        "rate_labels": {s.name: {"create": s.create_op.rate_label, "read": s.read_op.rate_label,
                                 "delete": s.delete_op.rate_label} for s in catalog.ALL},
        "state": sizes,
        "state_total_bytes": state_total,
        "objects_left": left,
    })


if __name__ == "__main__":
    main()
