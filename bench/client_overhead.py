"""The API client alone against raw httpx calls to the same emulator endpoint.

The emulator runs in its own process (rate limits off). Both sides GET the same skill
category with a bearer token over one keep-alive connection pool: raw ``httpx.Client`` with
the header set by hand, and ``ZoomClient.request`` (pacing off: token cache, pacer slot,
retry loop, stats, error mapping, JSON parse). Rounds alternate between the two so drift
hits both alike; each side also runs with T threads sharing one client.

    .venv/bin/python -m bench.client_overhead [--quick] [--json PATH]
"""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx

from bench import common


def timed(call: Callable[[], Any], count: int, threads: int) -> float:
    """Seconds for `count` calls spread over `threads` threads."""
    per = count // threads

    def worker() -> None:
        for _ in range(per):
            call()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    start = time.perf_counter()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return time.perf_counter() - start


def main() -> None:
    p = common.parser(__doc__ or "")
    p.add_argument("--threads", type=int, default=4)
    args = p.parse_args()
    per_round, rounds = (200, 4) if args.quick else (500, 10)
    results: list[dict[str, Any]] = []
    with common.emulator_process() as emu:
        client = common.api_client(emu.api_base_url, pacing=False)
        made = client.request("POST", "/contact_center/skills/categories",
                              json={"skill_category_name": "Overhead", "skill_type": "text"})
        path = f"/contact_center/skills/categories/{made['skill_category_id']}"
        settings = client.settings
        token = httpx.post(
            settings.oauth_url,
            data={"grant_type": "account_credentials", "account_id": settings.account_id},
            auth=(settings.client_id, settings.client_secret.get_secret_value()),
        ).json()["access_token"]
        raw = httpx.Client(headers={"Authorization": f"Bearer {token}",
                                    "Accept": "application/json"})
        url = settings.base_url + path

        def raw_call() -> Any:
            resp = raw.get(url)
            resp.raise_for_status()
            return resp.json()

        def client_call() -> Any:
            return client.request("GET", path, rate_label="LIGHT")

        for threads in (1, args.threads):
            for call in (raw_call, client_call):  # warm-up
                timed(call, 50 * threads, threads)
            raw_t: list[float] = []
            cli_t: list[float] = []
            for _ in range(rounds):
                raw_t.append(timed(raw_call, per_round, threads))
                cli_t.append(timed(client_call, per_round, threads))
            calls = per_round // threads * threads
            raw_us = statistics.median(raw_t) / calls * 1e6
            cli_us = statistics.median(cli_t) / calls * 1e6
            results.append({"threads": threads, "calls_per_round": calls, "rounds": rounds,
                            "raw_us_per_call": raw_us, "client_us_per_call": cli_us,
                            "ratio": cli_us / raw_us, "overhead_us": cli_us - raw_us})
        raw.close()
        client.close()
    common.table(
        "ZoomClient.request vs raw httpx, GET one skill category (median of rounds)",
        ["threads", "calls/round", "rounds", "raw µs/call", "client µs/call", "ratio",
         "overhead µs"],
        [[r["threads"], r["calls_per_round"], r["rounds"], r["raw_us_per_call"],
          r["client_us_per_call"], r["ratio"], r["overhead_us"]] for r in results],
    )
    common.write_json(args.json, {"results": results})


if __name__ == "__main__":
    main()
