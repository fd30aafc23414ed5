"""`zoomcc export` of an account holding 1,000 objects: requests made, wall time, memory,
and the floor Zoom's rate limits allow for those requests.

``seed_account`` fills an emulator with 1,000 objects spread over the collections of the
first eight resource types (through ``emu.state.seed``, no API calls); ``measure_export``
runs the real `zoomcc export` command against it (every type: objects, memberships and
settings), paced as it ships (Pro limits). The floor is the time the requests it made take
at exactly Pro's per-label rates, each label's budget used at once (the largest, over
labels, of requests / rate): no client can read the same things faster.

    .venv/bin/python -m bench.export_seed [--quick] [--json PATH] [--command snapshot]

``--command snapshot`` measures `zoomcc snapshot FILE` instead (what `zoomcc rehearse` reads
first): the same reader, no program written.
"""

from __future__ import annotations

from typing import Any

from bench import common
from zoomcc.client.pacing import RATE_LIMITS
from zoomcc.emulator import ROOT_TEAM_ID, EmulatorServer

# collection -> share of the objects, and how to make the i-th one
_MAKERS: dict[str, Any] = {
    "skill_categories": lambda i: {"skill_category_name": f"Category {i}", "skill_type": "text"},
    "queues": lambda i: {"queue_name": f"Queue {i}", "channel": "voice",
                         "queue_description": f"Seeded {i}"},
    "teams": lambda i: {"team_name": f"Team {i}", "parent_team_id": ROOT_TEAM_ID},
    "dispositions": lambda i: {"disposition_name": f"Disposition {i}", "status": "active"},
    "business_hours": lambda i: {"business_hour_name": f"Hours {i}",
                                 "timezone": "America/New_York", "hours": {"hour_type": 1}},
    "closures": lambda i: {"closure_set_name": f"Closures {i}", "timezone": "America/New_York",
                           "closures": []},
}


def seed_account(emu: EmulatorServer, total: int = 1000) -> dict[str, int]:
    """Seed `total` objects: skills under the first seeded categories, the rest spread
    evenly over the other collections. Returns the count per collection."""
    known = {c.name for c in emu.state.collections}
    makers = {k: v for k, v in _MAKERS.items() if k in known}
    per = total // (len(makers) + 1)
    counts: dict[str, int] = {}
    for name, make in makers.items():
        counts[name] = len(emu.state.seed(name, [make(i) for i in range(per)]))
    categories = emu.state.objects("skill_categories")
    rest = total - sum(counts.values())
    skills = [{"skill_name": f"Skill {i}",
               "skill_category_id": categories[i % len(categories)]["skill_category_id"]}
              for i in range(rest)]
    counts["skills"] = len(emu.state.seed("skills", skills))
    return counts


def floor_seconds(labels: dict[str, int], plan: str = "pro") -> float:
    """The time ``labels`` (requests per rate-limit label) take at exactly the plan's rates,
    every label paced on its own (Zoom counts each label separately)."""
    rates = RATE_LIMITS[plan]
    return max((n / rates[label] for label, n in labels.items() if label in rates), default=0)


def measure_export(
    emu: EmulatorServer, objects: int = 0, command: str = "export"
) -> dict[str, Any] | None:
    """Run `zoomcc export` (or `zoomcc snapshot`) against `emu` and return its figures (wall
    time, peak RSS, API calls from ``emu.state.requests``, the rate-limit floor, ratios,
    output size)."""
    import os
    import resource
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    creds = emu.credentials
    env = {
        **os.environ,
        "ZOOM_ACCOUNT_ID": creds["account_id"],
        "ZOOM_CLIENT_ID": creds["client_id"],
        "ZOOM_CLIENT_SECRET": creds["client_secret"],
        "ZOOM_BASE_URL": emu.api_base_url,
    }
    emu.state.clear_requests()
    out = Path(tempfile.mkdtemp(prefix="zoomcc-export-bench-"))
    watch = common.Stopwatch()
    written = out / ("__main__.py" if command == "export" else "snapshot.json")
    args = ["--out", str(out)] if command == "export" else [str(written)]
    done = subprocess.run(
        [sys.executable, "-m", "zoomcc.cli", command, *args],
        env=env, capture_output=True, text=True, check=True, cwd=out,
    )
    seconds = watch.elapsed
    calls = [r for r in emu.state.requests if r.operation != "oauth.token"]
    lists = sum(1 for r in calls if (r.operation or "").endswith(".list"))
    labels: dict[str, int] = {}
    for r in calls:
        labels[r.rate_label or "LIGHT"] = labels.get(r.rate_label or "LIGHT", 0) + 1
    floor = floor_seconds(labels)
    return {
        "seconds": round(seconds, 2),
        "floor_seconds": round(floor, 2),
        "time_over_floor": round(seconds / floor, 2) if floor else None,
        "requests_per_object": round(len(calls) / objects, 2) if objects else None,
        "requests_by_label": labels,
        "requests": len(calls),
        "list_requests": lists,
        "get_requests": len(calls) - lists,
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        f"{'program' if command == 'export' else 'snapshot'}_bytes": written.stat().st_size,
        "summary": done.stdout.strip(),
    }


def main() -> None:
    p = common.parser(__doc__ or "")
    p.add_argument("--command", choices=["export", "snapshot"], default="export")
    args = p.parse_args()
    total = 200 if args.quick else 1000
    with EmulatorServer(port=0) as emu:
        watch = common.Stopwatch()
        counts = seed_account(emu, total)
        seeded_s = watch.elapsed
        objects = emu.state.object_count()
        figure = measure_export(emu, objects, args.command)
    common.table(f"Seeded account ({objects} objects in {seeded_s:.2f} s)",
                 ["collection", "objects"], sorted(counts.items()))
    common.console.print(figure)
    common.write_json(args.json, {"seeded": counts, "objects": objects, args.command: figure})


if __name__ == "__main__":
    main()
