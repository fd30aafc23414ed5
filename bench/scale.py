"""`pulumi up` of N resources against the emulator: wall time and peak memory, side by side
with N no-op dynamic resources (the engine's floor), in the same run.

Each run gets a fresh emulator (in its own process, rate limits off) and a fresh file
backend. Peak RSS is the sum over this process (the inline program), the Pulumi CLI and
the provider process, sampled every 50 ms. The zoomcc resources are SkillCategories with
distinct names (create = natural-key LIST + POST + GET); the no-op resources carry the
same inputs.

Three runs per N: the no-op floor; zoomcc as shipped (the provider paces itself to the
plan's limits and stack config cannot turn pacing off; ``--plan business`` doubles the
paced rates); zoomcc with pacing off through the bench/unpaced/sitecustomize.py shim.

    .venv/bin/python -m bench.scale [--quick] [--n 50 200 500] [--plan pro] [--json PATH]
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from typing import Any

import pulumi_zoomcc as zoomcc
from bench import common
from bench.noop_provider import Noop


def zoomcc_program(n: int) -> Callable[[], None]:
    def run() -> None:
        for i in range(n):
            zoomcc.SkillCategory(f"cat-{i}", name=f"Category {i}", description=f"Bench {i}",
                                 skill_type="text")

    return run


def noop_program(n: int) -> Callable[[], None]:
    def run() -> None:
        for i in range(n):
            Noop(f"cat-{i}", {"name": f"Category {i}", "description": f"Bench {i}",
                              "skill_type": "text"})

    return run


def _emulator_stats(api_base_url: str) -> dict[str, Any]:
    admin = api_base_url.rsplit("/v2", 1)[0] + "/_emulator/stats"
    with urllib.request.urlopen(admin, timeout=10) as resp:  # loopback only
        data: dict[str, Any] = json.loads(resp.read())
    return data


def one_run(kind: str, n: int, plan: str | None) -> dict[str, Any]:
    with common.emulator_process() as emu, common.scratch_dir(f"bench-scale-{kind}-") as work:
        extra = {"plan": plan} if plan else {}
        program = noop_program(n) if kind == "noop" else zoomcc_program(n)
        env = common.unpaced_env() if kind == "zoomcc-unpaced" else None
        stack = common.make_stack(
            work, program, common.stack_config(emu.api_base_url, **extra), env=env
        )
        sampler = common.RssSampler(exclude={emu.pid})
        with sampler:
            watch = common.Stopwatch()
            result = stack.up()
            wall = watch.elapsed
        state_bytes = len(json.dumps(stack.export_stack().deployment, separators=(",", ":")))
        stats = _emulator_stats(emu.api_base_url)
    changes = {str(k): v for k, v in (result.summary.resource_changes or {}).items()}
    return {
        "kind": kind,
        "n": n,
        "wall_s": wall,
        "peak_rss_mib": common.mib(sampler.peak_total),
        "peak_rss_by_process_mib": {k: common.mib(v) for k, v in sampler.peak_by_role.items()},
        "created": changes.get("create", 0),
        "api_requests": stats.get("requests"),
        "objects": stats.get("objects"),
        "state_bytes": state_bytes,
    }


def main() -> None:
    p = common.parser(__doc__ or "")
    p.add_argument("--n", type=int, nargs="+", help="resource counts (default 50 200 500)")
    p.add_argument("--plan", choices=["pro", "business"], default=None,
                   help="zoomcc:plan for the provider's pacing (default: the provider's, pro)")
    args = p.parse_args()
    ns = args.n or ([20, 50] if args.quick else [50, 200, 500])
    common.engine_environ()
    runs: list[dict[str, Any]] = []
    rows = []
    for n in ns:
        pair = {}
        for kind in ("noop", "zoomcc", "zoomcc-unpaced"):
            common.console.print(f"N={n} {kind} ...")
            pair[kind] = run = one_run(kind, n, args.plan)
            runs.append(run)
        z, u, f = pair["zoomcc"], pair["zoomcc-unpaced"], pair["noop"]
        paced_floor = n / 10.0 if (args.plan or "pro") == "pro" else n / 20.0
        rows.append([
            n, f["wall_s"], z["wall_s"], z["wall_s"] / f["wall_s"], paced_floor,
            u["wall_s"], u["wall_s"] / f["wall_s"],
            f["peak_rss_mib"], z["peak_rss_mib"], u["peak_rss_mib"],
            max(z["peak_rss_mib"], u["peak_rss_mib"]) / f["peak_rss_mib"],
            z["api_requests"], z["state_bytes"] / n, f["state_bytes"] / n,
        ])
        common.console.print(pair)
    common.table(
        f"pulumi up of N resources (plan {args.plan or 'pro (default)'}, emulator limits off)",
        ["N", "no-op s", "paced s", "paced/no-op", "pacing floor s", "unpaced s",
         "unpaced/no-op", "no-op MiB", "paced MiB", "unpaced MiB", "RSS ratio (max)",
         "API requests", "state B/res", "no-op state B/res"],
        rows,
    )
    common.write_json(args.json, {"plan": args.plan or "pro", "runs": runs})


if __name__ == "__main__":
    main()
