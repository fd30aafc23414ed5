"""`pulumi up` and `pulumi refresh` of N resources against the emulator, against their floors,
in one run: calls, wall time and peak memory.

Each run gets a fresh emulator (in its own process, rate limits off) and a fresh file
backend. The zoomcc resources are N SkillCategories with distinct names (a type whose
create answer documents every GET field and whose list items do too); the no-op resources
carry the same inputs. Three runs per N:

* ``noop``: N no-op dynamic resources, the engine's floor (up and refresh);
* ``zoomcc``: as shipped, the provider pacing itself to the plan's limits (Pro: LIGHT 20/s,
  MEDIUM 10/s). Its floor is what the limits allow for the calls no create can do without:
  N POSTs at LIGHT, N/20 s on Pro (``--plan business``: N/40 s);
* ``zoomcc-unpaced``: pacing off (the bench/unpaced shim), against the no-op floor.

Each run ups the stack, then refreshes it (``pulumi refresh --skip-preview``, as the
Automation API runs it). Peak RSS (of the up) is the sum over this process (the inline
program), the Pulumi CLI and the provider process, sampled every 50 ms. Requests are counted
from the emulator's request log, by method (LIST = a GET of the collection).

    .venv/bin/python -m bench.scale [--quick] [--n 50 200 500] [--plan pro] [--json PATH]

``--pairs K``: instead, the paced target of issue 25 (a paced up of 500 within 1.1x the
larger of the no-op engine floor and the rate floor), K pairs of a no-op and a paced up per
N (``--n``, default 500) in turn, each pair's ratio and the min / median, and where the
paced up's time went (lead, span of the API requests against the pacer's, tail).

``--steps N``: instead, the stack of N SkillCategories and N Skills (one per category) through
every step, paced as shipped: up (create), preview, up with no change, refresh, up after a
description change on the N categories (update), destroy; the calls of each step by method
and per resource (the issue-25 stack: ``--steps 150``).
"""

from __future__ import annotations

import json
import os
import statistics
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pulumi_zoomcc as zoomcc
from bench import common
from bench.noop_provider import Noop
from zoomcc.client.pacing import HEADROOM, RATE_LIMITS

KINDS = ("noop", "zoomcc", "zoomcc-unpaced")
LIGHT_PER_S = {"pro": 20.0, "business": 40.0}
COLLECTIONS = frozenset({"/v2/contact_center/skills/categories", "/v2/contact_center/skills"})


def zoomcc_program(n: int) -> Callable[[], None]:
    def run() -> None:
        for i in range(n):
            zoomcc.SkillCategory(f"cat-{i}", name=f"Category {i}", description=f"Bench {i}",
                                 skill_type="text")

    return run


def skills_program(n: int, variant: int) -> Callable[[], None]:
    """N categories (their description changed in ``variant`` 2) and one Skill in each."""

    def run() -> None:
        for i in range(n):
            suffix = " v2" if variant == 2 else ""
            cat = zoomcc.SkillCategory(f"cat-{i}", name=f"Category {i}",
                                       description=f"Bench {i}{suffix}", skill_type="text")
            zoomcc.Skill(f"skill-{i}", name=f"Skill {i}", skill_category_id=cat.id)

    return run


def steps_run(n: int, plan: str | None) -> dict[str, Any]:
    """Every step of the N + N stack; calls per step (all of them against the API)."""
    with common.emulator_process() as emu, common.scratch_dir("bench-steps-") as work:
        extra = {"plan": plan} if plan else {}
        config = common.stack_config(emu.api_base_url, **extra)
        stack = common.make_stack(work, skills_program(n, 1), config)
        take_calls(emu.api_base_url)
        steps: dict[str, Any] = {}

        def step(name: str, run: Callable[[], Any], resources: int) -> None:
            watch = common.Stopwatch()
            run()
            calls = take_calls(emu.api_base_url)
            steps[name] = {
                "calls": dict(calls), "api_requests": api_calls(calls), "resources": resources,
                "per_resource": api_calls(calls) / resources, "wall_s": watch.elapsed,
            }
            common.console.print(name, steps[name])

        step("create", stack.up, 2 * n)
        step("preview", stack.preview, 2 * n)
        step("up no-op", stack.up, 2 * n)
        step("refresh", stack.refresh, 2 * n)
        stack.workspace.program = skills_program(n, 2)
        step("update", stack.up, n)
        step("destroy", stack.destroy, 2 * n)
        objects = _admin(emu.api_base_url, "stats").get("objects")
    return {"n": n, "steps": steps, "objects_left": objects}


def noop_program(n: int) -> Callable[[], None]:
    def run() -> None:
        for i in range(n):
            Noop(f"cat-{i}", {"name": f"Category {i}", "description": f"Bench {i}",
                              "skill_type": "text"})

    return run


def _admin(api_base_url: str, what: str, method: str = "GET") -> Any:
    url = api_base_url.rsplit("/v2", 1)[0] + "/_emulator/" + what
    req = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(req, timeout=30) as resp:  # loopback only
        body = resp.read()
    return json.loads(body) if body else None


def take_log(api_base_url: str) -> list[dict[str, Any]]:
    """The emulator's request log since the last call, and the log emptied."""
    logged: list[dict[str, Any]] = _admin(api_base_url, "requests")["requests"]
    _admin(api_base_url, "requests", "DELETE")
    return logged


def take_calls(api_base_url: str) -> Counter[str]:
    """The API requests since the last call, by method (LIST: a GET of the collection),
    and the log emptied."""
    return count_calls(take_log(api_base_url))


def count_calls(logged: list[dict[str, Any]]) -> Counter[str]:
    """Requests by method (LIST: a GET of the collection; the OAuth token as ``token``)."""
    calls: Counter[str] = Counter()
    for r in logged:
        if r.get("operation") == "oauth.token":
            calls["token"] += 1
        elif r["method"] == "GET" and r["path"] in COLLECTIONS:
            calls["LIST"] += 1
        else:
            calls[r["method"]] += 1
    return calls


def api_calls(calls: Counter[str]) -> int:
    return sum(v for k, v in calls.items() if k != "token")


def timeline(logged: list[dict[str, Any]], started: float, ended: float) -> dict[str, float]:
    """Where a paced up's time went, from the emulator's clock (same machine): ``lead`` from
    the up's start to the first API request (engine, program and provider start, token),
    ``span`` from the first API request to the last one's start, ``tail`` from there to the
    up's end (the last create's answer, the engine's last checkpoint, exit)."""
    starts = sorted(r["time"] - r["duration_ms"] / 1000 for r in logged if r.get("rate_label"))
    if not starts:
        return {}
    return {"lead_s": starts[0] - started, "span_s": starts[-1] - starts[0],
            "tail_s": ended - starts[-1]}


def pacer_span(calls: int, plan: str) -> float:
    """The shortest span the client's pacer allows ``calls`` LIGHT requests: evenly spaced
    at 95% of the limit (``zoomcc.client.pacing``)."""
    return max(calls - 1, 0) / (RATE_LIMITS[plan]["LIGHT"] * HEADROOM)


TRACE_DIR = Path(__file__).resolve().parent / "provider_trace"


def one_run(
    kind: str, n: int, plan: str | None, skip_checkpoints: bool = False,
    trace: Path | None = None,
) -> dict[str, Any]:
    with common.emulator_process() as emu, common.scratch_dir(f"bench-scale-{kind}-") as work:
        extra = {"plan": plan} if plan else {}
        program = noop_program(n) if kind == "noop" else zoomcc_program(n)
        env = dict(common.unpaced_env()) if kind == "zoomcc-unpaced" else {}
        if skip_checkpoints:  # the engine then writes the state once, at the end
            env["PULUMI_SKIP_CHECKPOINTS"] = "true"
        if trace is not None:  # the provider's calls, timed (bench/provider_trace)
            env["PYTHONPATH"] = os.pathsep.join([str(TRACE_DIR), os.environ.get("PYTHONPATH", "")])
            env["ZOOMCC_TRACE"] = str(trace.with_name(f"{trace.name}.{kind}.{n}"))
        stack = common.make_stack(
            work, program, common.stack_config(emu.api_base_url, **extra), env=env or None
        )
        take_calls(emu.api_base_url)
        sampler = common.RssSampler(exclude={emu.pid})
        with sampler:
            watch, started = common.Stopwatch(), time.time()
            result = stack.up()
            up_s, ended = watch.elapsed, time.time()
        up_log = take_log(emu.api_base_url)
        up_calls = count_calls(up_log)
        state_bytes = len(json.dumps(stack.export_stack().deployment, separators=(",", ":")))
        watch = common.Stopwatch()
        stack.refresh()
        refresh_s = watch.elapsed
        refresh_calls = take_calls(emu.api_base_url)
        objects = _admin(emu.api_base_url, "stats").get("objects")
    changes = {str(k): v for k, v in (result.summary.resource_changes or {}).items()}
    return {
        "kind": kind,
        "n": n,
        "wall_s": up_s,
        "peak_rss_mib": common.mib(sampler.peak_total),
        "peak_rss_by_process_mib": {k: common.mib(v) for k, v in sampler.peak_by_role.items()},
        "created": changes.get("create", 0),
        "up_calls": dict(up_calls),
        "api_requests": api_calls(up_calls),
        "timeline": timeline(up_log, started, ended),
        "refresh_s": refresh_s,
        "refresh_calls": dict(refresh_calls),
        "refresh_requests": api_calls(refresh_calls),
        "objects": objects,
        "state_bytes": state_bytes,
    }


def paced_pair_row(n: int, plan: str, noop: dict[str, Any], paced: dict[str, Any]) -> list[Any]:
    """One pair of the paced target: the paced up against the larger of its two floors, and
    where the paced up's time went."""
    floor = n / LIGHT_PER_S[plan]
    t = paced["timeline"]
    pacer = pacer_span(paced["api_requests"], plan)
    return [
        n, noop["wall_s"], floor, paced["wall_s"], paced["wall_s"] / max(floor, noop["wall_s"]),
        t.get("lead_s"), t.get("span_s"), pacer, t.get("span_s", 0.0) - pacer, t.get("tail_s"),
        paced["api_requests"],
    ]


def paced_target(
    ns: list[int], pairs: int, plan: str, skip: bool, trace: Path | None = None
) -> list[dict[str, Any]]:
    """``pairs`` no-op and paced ups of each N, in turn (no-op first, then paced first, so a
    drift of the machine's speed falls on both): the issue-25 target, paced up of 500
    within 1.1x the larger of the no-op engine floor and the rate floor, pair by pair."""
    runs: list[dict[str, Any]] = []
    rows: list[list[Any]] = []
    for n in ns:
        ratios = []
        for i in range(pairs):
            order = ("noop", "zoomcc") if i % 2 == 0 else ("zoomcc", "noop")
            pair = {kind: one_run(kind, n, plan, skip, trace) for kind in order}
            runs += [pair["noop"], pair["zoomcc"]]
            rows.append(paced_pair_row(n, plan, pair["noop"], pair["zoomcc"]))
            ratios.append(rows[-1][4])
            common.console.print(f"N={n} pair {i + 1}: paced / max(floors) = {ratios[-1]:.3f}")
        rows.append([f"{n}: min / median of {pairs}", None, None, None,
                     f"{min(ratios):.3f} / {statistics.median(ratios):.3f}"] + [None] * 6)
    common.table(
        f"paced up of N SkillCategories ({plan}) against max(no-op engine floor, rate floor), "
        "pair by pair; the paced up's time: lead + span + tail",
        ["N", "no-op engine s", "rate floor s (N/limit)", "paced s", "paced / max(floors)",
         "lead s", "span s", "pacer's span s", "span over pacer s", "tail s", "API requests"],
        rows,
    )
    return runs


def main() -> None:
    p = common.parser(__doc__ or "")
    p.add_argument("--n", type=int, nargs="+", help="resource counts (default 50 200 500)")
    p.add_argument("--plan", choices=["pro", "business"], default=None,
                   help="zoomcc:plan for the provider's pacing (default: the provider's, pro)")
    p.add_argument("--skip-checkpoints", action="store_true",
                   help="PULUMI_SKIP_CHECKPOINTS=true: the engine writes no state mid-run")
    p.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS),
                   help="which runs (default all three)")
    p.add_argument("--steps", type=int, metavar="N",
                   help="the N SkillCategories + N Skills stack through every step instead")
    p.add_argument("--pairs", type=int, metavar="K",
                   help="instead: K no-op and paced ups of each N in turn, the paced target")
    p.add_argument("--trace", type=Path, metavar="PATH",
                   help="with --pairs: log the provider's Configure/Check/Create times to "
                        "PATH.<kind>.<N> (bench/provider_trace)")
    args = p.parse_args()
    if args.pairs:
        common.engine_environ()
        plan = args.plan or "pro"
        pair_runs = paced_target(
            args.n or [500], args.pairs, plan, args.skip_checkpoints, args.trace
        )
        common.write_json(args.json, {"plan": plan, "pairs": args.pairs, "runs": pair_runs})
        return
    if args.steps:
        common.engine_environ()
        result = steps_run(args.steps, args.plan)
        common.table(
            f"{args.steps} SkillCategories + {args.steps} Skills: API calls per step",
            ["step", "API requests", "resources", "per resource", "by method", "s"],
            [[name, r["api_requests"], r["resources"], r["per_resource"],
              " + ".join(f"{v} {k}" for k, v in sorted(r["calls"].items()) if k != "token"),
              r["wall_s"]] for name, r in result["steps"].items()],
        )
        common.write_json(args.json, {"plan": args.plan or "pro", **result})
        return
    ns = args.n or ([20, 50] if args.quick else [50, 200, 500])
    plan = args.plan or "pro"
    common.engine_environ()
    runs: list[dict[str, Any]] = []
    up_rows, refresh_rows, unpaced_rows = [], [], []
    for n in ns:
        pair = {}
        for kind in args.kinds:
            common.console.print(f"N={n} {kind} ...")
            pair[kind] = run = one_run(kind, n, args.plan, args.skip_checkpoints)
            runs.append(run)
            common.console.print(run)
        if len(pair) < len(KINDS):
            continue
        z, u, f = pair["zoomcc"], pair["zoomcc-unpaced"], pair["noop"]
        floor = n / LIGHT_PER_S[plan]
        up_rows.append([
            n, z["wall_s"], floor, z["wall_s"] / floor, f["wall_s"],
            z["wall_s"] / max(floor, f["wall_s"]),
            z["up_calls"].get("POST", 0) / n, z["api_requests"],
            " + ".join(f"{v} {k}" for k, v in sorted(z["up_calls"].items()) if k != "token"),
        ])
        refresh_rows.append([
            n, z["refresh_requests"],
            " + ".join(f"{v} {k}" for k, v in sorted(z["refresh_calls"].items()) if k != "token"),
            z["refresh_s"], f["refresh_s"], z["refresh_s"] / f["refresh_s"],
            u["refresh_s"], u["refresh_s"] / f["refresh_s"],
        ])
        unpaced_rows.append([
            n, f["wall_s"], u["wall_s"], u["wall_s"] / f["wall_s"],
            f["peak_rss_mib"], u["peak_rss_mib"], u["peak_rss_mib"] / f["peak_rss_mib"],
            z["peak_rss_mib"], z["state_bytes"] / n, f["state_bytes"] / n,
        ])
    common.table(
        f"pulumi up of N SkillCategories paced at {plan} limits, against N POSTs at LIGHT",
        ["N", "paced s", "floor s (N POSTs)", "paced/floor", "no-op engine s",
         "paced / max(floors)", "POSTs per create", "API requests", "requests by method"],
        up_rows,
    )
    common.table(
        "pulumi refresh of N SkillCategories (paced as shipped; no-op floor)",
        ["N", "API requests", "by method", "paced s", "no-op s", "paced/no-op",
         "unpaced s", "unpaced/no-op"],
        refresh_rows,
    )
    common.table(
        "pulumi up of N, unpaced, against the no-op engine floor",
        ["N", "no-op s", "unpaced s", "unpaced/no-op", "no-op MiB", "unpaced MiB",
         "RSS unpaced/no-op", "paced MiB", "state B/res", "no-op state B/res"],
        unpaced_rows,
    )
    common.write_json(
        args.json, {"plan": plan, "skip_checkpoints": args.skip_checkpoints, "runs": runs}
    )


if __name__ == "__main__":
    main()
