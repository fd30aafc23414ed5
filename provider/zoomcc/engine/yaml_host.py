"""Find or build Pulumi YAML's language host, ``pulumi-language-yaml``, for Pulumi YAML
programs over the native plugin (``pulumi-resource-zoomcc``).

The host is not shipped with a CLI built from the Go module proxy; ``go install`` builds it
from there (pulumi-yaml v1.25.0, checked to run under CLI v3.259.0) in about two minutes,
once: the binary is cached beside the CLI's, under a file lock so that parallel test workers
wait for one build instead of each starting their own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from zoomcc.engine.locking import file_lock

YAML_VERSION = "v1.25.0"
YAML_MODULE = "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
HOST = "pulumi-language-yaml"


class YamlHostUnavailableError(RuntimeError):
    """No YAML language host could be found or built; the message says what failed."""


def build_yaml_host(cache: Path) -> Path:
    """``pulumi-language-yaml`` from PATH, else the cached build, else built now."""
    on_path = shutil.which(HOST)
    if on_path:
        return Path(on_path)
    target = cache / f"bin-yaml-{YAML_VERSION}"
    binary = target / HOST
    if binary.exists():
        return binary
    with file_lock(cache / "yaml-host.lock"):
        if binary.exists():  # another worker built it while this one waited
            return binary
        go = shutil.which("go")
        if go is None:
            raise YamlHostUnavailableError(f"{HOST} is not on PATH and no `go` can build it")
        partial = cache / "build-yaml"
        partial.mkdir(parents=True, exist_ok=True)
        print(f"zoomcc engine: building {HOST} {YAML_VERSION} (first run only)", file=sys.stderr)
        env = {**os.environ, "GOFLAGS": "-mod=mod", "GOBIN": str(partial)}
        done = subprocess.run(
            [go, "install", f"{YAML_MODULE}@{YAML_VERSION}"],
            cwd=partial,
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise YamlHostUnavailableError(f"`go install` failed:\n{done.stderr.strip()[-3000:]}")
        target.mkdir(parents=True, exist_ok=True)
        (partial / HOST).replace(binary)
    return binary


def link_beside(binary: Path, directory: Path) -> Path:
    """Put ``binary`` in ``directory`` under its own name: the YAML host next to the CLI, the
    CLI next to the shims (the engine looks beside itself first and takes what it finds there
    as bundled, with no warning about plugins from PATH). A hard link costs no space; else a
    copy."""
    link = directory / binary.name
    if link.exists() and link.stat().st_ino == binary.stat().st_ino:
        return link
    tmp = directory / f"{binary.name}.link"
    tmp.unlink(missing_ok=True)
    try:
        os.link(binary, tmp)
    except OSError:
        shutil.copy2(binary, tmp)
    tmp.replace(link)
    return link
