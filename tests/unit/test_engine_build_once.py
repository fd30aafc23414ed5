"""The engine is built once per machine, however many processes ask for it at once: parallel
test workers (pytest-xdist) on a fresh machine all find no CLI, and one of them builds it while
the others wait and reuse it.

Building the real CLI takes minutes, so ``go`` here is a stand-in that records each call and
takes a second to "build"; the processes asking for the engine are real, and so is the cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FAKE_GO = """#!/usr/bin/env bash
echo "$1" >> "{calls}"
if [ "$1" = build ]; then
  while [ "$1" != -o ]; do shift; done
  mkdir -p "$(dirname "$2")"
  sleep 1
  printf '#!/usr/bin/env bash\\necho built\\n' > "$2"
  chmod +x "$2"
fi
"""
"""Stands in for ``go``: ``go get`` succeeds at once; ``go build -o PATH`` writes PATH."""

ASK = "from zoomcc.engine.toolchain import ensure_engine; print(ensure_engine().pulumi)"
"""One process asking for the engine."""

PROCESSES = 3


def test_processes_that_find_no_cli_at_once_build_it_once_and_all_use_it(tmp_path: Path) -> None:
    tools = tmp_path / "tools"
    tools.mkdir()
    calls = tmp_path / "go-calls"
    go = tools / "go"
    go.write_text(FAKE_GO.format(calls=calls))
    go.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{tools}{os.pathsep}/usr/bin{os.pathsep}/bin",  # no `pulumi` on it
        "ZOOMCC_CACHE_DIR": str(tmp_path / "cache"),
    }
    env.pop("ZOOMCC_FORCE_BUILD", None)
    askers = [
        subprocess.Popen(
            [sys.executable, "-c", ASK], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(PROCESSES)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in askers]

    assert [code for code, _, _ in results] == [0] * PROCESSES, [err for _, _, err in results]
    assert calls.read_text().split() == ["get", "build"]
    found = {Path(out.decode().strip()) for _, out, _ in results}
    assert len(found) == 1
    (pulumi,) = found
    assert subprocess.run([str(pulumi)], capture_output=True, text=True).stdout == "built\n"
