"""Achieved request rate against Zoom's per-second limits, with the emulator enforcing them.

The emulator runs with ``rate_limits_enabled=True`` (Pro plan: LIGHT 20/s, MEDIUM 10/s,
sliding one-second window, 429 beyond it). Two measurements:

1. the client alone: T threads share one ``ZoomClient`` (pacing on, plan pro) and call a
   LIGHT operation (GET one skill category) or a MEDIUM one (list skill categories) for
   D seconds;
2. through the engine: ``pulumi up`` of N skill categories (LIST + POST + GET each), then
   ``pulumi refresh`` (one LIGHT GET each).

Rate = accepted requests of a label / the span from the first to the last of them;
fraction = rate / limit. 429s and failed operations are counted from the emulator's log
and from the client's exceptions / the engine's result.

    .venv/bin/python -m bench.rate_limits [--quick] [--json PATH]
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import pulumi_zoomcc as zoomcc
from bench import common
from zoomcc.emulator import EmulatorServer, LoggedRequest
from zoomcc.emulator.config import DEFAULT_RATE_LIMITS


def achieved(log: list[LoggedRequest], label: str) -> dict[str, Any]:
    ok = sorted(r.time for r in log if r.rate_label == label and r.status is not None
                and 200 <= r.status < 300)
    limited = sum(1 for r in log if r.rate_label == label and r.rate_limited)
    span = ok[-1] - ok[0] if len(ok) > 1 else 0.0
    rate = (len(ok) - 1) / span if span > 0 else 0.0
    limit = DEFAULT_RATE_LIMITS[label]
    return {"label": label, "accepted": len(ok), "rate_limited_429": limited, "span_s": span,
            "rate_per_s": rate, "limit_per_s": limit, "fraction": rate / limit}


def client_alone(emu: EmulatorServer, label: str, threads: int, seconds: float) -> dict[str, Any]:
    client = common.api_client(emu.api_base_url, plan="pro")
    made = client.request("POST", "/contact_center/skills/categories",
                          json={"skill_category_name": "Rate", "skill_type": "text"})
    item = f"/contact_center/skills/categories/{made['skill_category_id']}"
    time.sleep(1.1)  # let the emulator's window forget the setup calls
    emu.state.clear_requests()
    failures: list[str] = []
    done = Counter[str]()
    deadline = time.monotonic() + seconds
    lock = threading.Lock()

    def call() -> None:
        if label == "LIGHT":
            client.request("GET", item, rate_label="LIGHT")
        else:
            client.request("GET", "/contact_center/skills/categories", rate_label="MEDIUM",
                           params={"page_size": 300})

    def worker() -> None:
        while time.monotonic() < deadline:
            try:
                call()
                with lock:
                    done["ok"] += 1
            except Exception as exc:  # a failed operation is the figure, not a crash
                with lock:
                    failures.append(f"{type(exc).__name__}: {exc}")

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    stats = client.stats
    client.close()
    result = achieved(emu.state.requests, label)
    result.update({"mode": f"client alone, {threads} threads", "operations_ok": done["ok"],
                   "failed_operations": len(failures), "failures": failures[:5],
                   "client_retries": getattr(stats, "retries", None)})
    return result


def through_engine(emu: EmulatorServer, n: int) -> list[dict[str, Any]]:
    def program() -> None:
        for i in range(n):
            zoomcc.SkillCategory(f"cat-{i}", name=f"Category {i}", skill_type="text")

    out: list[dict[str, Any]] = []
    with common.scratch_dir("bench-rate-") as work:
        stack = common.make_stack(work, program, common.stack_config(emu.api_base_url))
        steps: list[tuple[str, Callable[[], Any], list[str]]] = [
            ("up", stack.up, ["LIGHT", "MEDIUM"]),
            ("refresh", stack.refresh, ["LIGHT"]),
            ("destroy", stack.destroy, ["LIGHT"]),
        ]
        for step, run, labels in steps:
            time.sleep(1.1)
            emu.state.clear_requests()
            watch = common.Stopwatch()
            failed = 0
            try:
                res = run()
                changes = dict(res.summary.resource_changes or {})
                ok = res.summary.result == "succeeded"
            except Exception as exc:  # counted, and the message kept
                changes, ok = {"error": str(exc)[:300]}, False
                failed = 1
            wall = watch.elapsed
            log = emu.state.requests
            seen = {r.rate_label for r in log if r.rate_label}
            for label in [lb for lb in labels if lb in seen] or sorted(seen):
                row = achieved(log, label)
                row.update({"mode": f"engine {step}, N={n}", "wall_s": wall,
                            "succeeded": ok, "failed_operations": failed if ok else 1,
                            "changes": changes})
                out.append(row)
    return out


def main() -> None:
    p = common.parser(__doc__ or "")
    p.add_argument("--threads", type=int, default=8)
    args = p.parse_args()
    seconds = 5.0 if args.quick else 20.0
    n = 40 if args.quick else 150
    common.engine_environ()
    rows: list[dict[str, Any]] = []
    with EmulatorServer(port=0, rate_limits_enabled=True) as emu:
        for label in ("LIGHT", "MEDIUM"):
            common.console.print(f"client alone, {label}, {seconds:.0f} s ...")
            rows.append(client_alone(emu, label, args.threads, seconds))
        emu.state.reset()
        common.console.print(f"engine, N={n} ...")
        rows += through_engine(emu, n)
    common.table(
        "Achieved rate with the emulator enforcing Pro limits",
        ["mode", "label", "accepted", "429s", "span s", "rate /s", "limit /s", "fraction",
         "failed ops"],
        [[r["mode"], r["label"], r["accepted"], r["rate_limited_429"], r["span_s"],
          r["rate_per_s"], r["limit_per_s"], r["fraction"], r["failed_operations"]]
         for r in rows],
    )
    common.write_json(args.json, {"rows": rows, "threads": args.threads, "seconds": seconds,
                                  "n": n})


if __name__ == "__main__":
    main()
