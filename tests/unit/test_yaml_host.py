"""Pulumi YAML's language host is built once: a cached build is reused without Go, and
parallel workers wait on one build under the lock instead of each running `go install`."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from zoomcc.engine.yaml_host import HOST, YAML_VERSION, YamlHostUnavailableError, build_yaml_host

FAKE_GO = """#!/usr/bin/env bash
# Stands in for `go install`: counts its runs, takes a while, writes the binary to $GOBIN.
echo "$@" >> "{runs}"
sleep 1
printf '#!/bin/sh\\n' > "$GOBIN/{host}"
chmod +x "$GOBIN/{host}"
"""


@pytest.fixture()
def no_host_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PATH with the basic tools and a directory for a stand-in ``go``; no YAML host."""
    tools = tmp_path / "tools"
    tools.mkdir()
    monkeypatch.setenv("PATH", f"{tools}:/usr/bin:/bin")
    return tools


def test_a_cached_build_is_reused_without_go(no_host_on_path: Path, tmp_path: Path) -> None:
    cached = tmp_path / "cache" / f"bin-yaml-{YAML_VERSION}" / HOST
    cached.parent.mkdir(parents=True)
    cached.write_text("#!/bin/sh\n")
    assert build_yaml_host(tmp_path / "cache") == cached


def test_without_go_or_a_build_the_error_says_so(no_host_on_path: Path, tmp_path: Path) -> None:
    with pytest.raises(YamlHostUnavailableError, match="no `go` can build it"):
        build_yaml_host(tmp_path / "cache")


def test_parallel_workers_build_once(no_host_on_path: Path, tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    go = no_host_on_path / "go"
    go.write_text(FAKE_GO.format(runs=runs, host=HOST))
    go.chmod(0o755)
    with ThreadPoolExecutor(3) as pool:
        built = list(pool.map(lambda _: build_yaml_host(tmp_path / "cache"), range(3)))
    assert len(set(built)) == 1 and built[0].exists()
    assert runs.read_text().splitlines() == [
        f"install github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@{YAML_VERSION}"
    ]
