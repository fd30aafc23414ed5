"""Find or build the Pulumi CLI, and write the plugin shims the engine needs.

Where `pulumi` is not on PATH the pinned CLI is built from the Go module proxy into a
cache directory (minutes the first time, nothing after). The Go language host for Python
is not served by the proxy, so a Python implementation of the language-host protocol
(``zoomcc.engine.langhost``) stands in for it; the dynamic provider plugin is a shim that
runs ``python -m pulumi.dynamic`` in the interpreter the stack uses.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PULUMI_VERSION = "v3.259.0"
CLI_MODULE = "github.com/pulumi/pulumi/pkg/v3"
SDK_MODULE = "github.com/pulumi/pulumi/sdk/v3"
CLIPBOARD_REPLACE = (
    "github.com/atotto/clipboard => github.com/tgummerer/clipboard "
    "v0.0.0-20241001131231-d02d263e614e"
)


class EngineUnavailableError(RuntimeError):
    """No Pulumi CLI could be found or built; the message says what failed."""


@dataclass(frozen=True)
class EngineToolchain:
    pulumi: Path
    path_entries: tuple[Path, ...]
    built: bool


def cache_dir() -> Path:
    root = os.environ.get("ZOOMCC_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "pulumi-zoomcc"
    )
    return Path(root)


def _log(message: str) -> None:
    print(f"zoomcc engine: {message}", file=sys.stderr, flush=True)


def build_cli(target: Path) -> Path:
    """Build the pinned CLI with `go build` into ``target``; reuse it when present."""
    binary = target / "pulumi"
    if binary.exists():
        return binary
    go = shutil.which("go")
    if go is None:
        raise EngineUnavailableError("`pulumi` is not on PATH and `go` is not there to build it")
    work = cache_dir() / "build-cli"
    work.mkdir(parents=True, exist_ok=True)
    (work / "go.mod").write_text(
        "module zoomcc/pulumibuild\n\ngo 1.24\n\n"
        f"require (\n\t{CLI_MODULE} {PULUMI_VERSION}\n\t{SDK_MODULE} {PULUMI_VERSION}\n)\n\n"
        f"replace {CLIPBOARD_REPLACE}\n"
    )
    (work / "tools.go").write_text(
        f'//go:build tools\n\npackage tools\n\nimport _ "{CLI_MODULE}/cmd/pulumi"\n'
    )
    env = {**os.environ, "GOFLAGS": "-mod=mod"}
    _log(f"building pulumi {PULUMI_VERSION} from the Go module proxy (first run only)")
    steps = [
        [go, "get", f"{CLI_MODULE}/cmd/pulumi@{PULUMI_VERSION}"],
        [
            go,
            "build",
            "-trimpath",
            "-tags",
            "osusergo,grpcnotrace",
            "-ldflags",
            f"-X {SDK_MODULE}/go/common/version.Version={PULUMI_VERSION}",
            "-o",
            str(target / "pulumi.partial"),
            f"{CLI_MODULE}/cmd/pulumi",
        ],
    ]
    for step in steps:
        done = subprocess.run(step, cwd=work, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise EngineUnavailableError(
                f"`{' '.join(step[:3])}` failed:\n{done.stderr.strip()[-3000:]}"
            )
    target.mkdir(parents=True, exist_ok=True)
    (target / "pulumi.partial").rename(binary)
    return binary


def write_shims(target: Path, python: str) -> None:
    """Plugin executables the engine looks for on PATH, bound to ``python``."""
    target.mkdir(parents=True, exist_ok=True)
    shims = {
        "pulumi-resource-pulumi-python": (
            "host=zoomcc.engine.provider_host\n"  # pulumi.dynamic, failures by their message
            'if [ -n "${PULUMI_RUNTIME_VIRTUALENV:-}" ] && '
            '[ -x "$PULUMI_RUNTIME_VIRTUALENV/bin/python" ]; then\n'
            '  exec "$PULUMI_RUNTIME_VIRTUALENV/bin/python" -u -m "$host" "$@"\nfi\n'
            f'exec "{python}" -u -m "$host" "$@"\n'
        ),
        "pulumi-language-python": f'exec "{python}" -u -m zoomcc.engine.langhost "$@"\n',
    }
    for name, body in shims.items():
        path = target / name
        text = "#!/usr/bin/env bash\n" + body
        if not path.exists() or path.read_text() != text:
            tmp = path.with_suffix(".tmp")
            tmp.write_text(text)
            tmp.chmod(0o755)
            tmp.replace(path)


@contextmanager
def _cache_lock() -> Iterator[None]:
    """Hold the cache to this process: parallel test workers (pytest-xdist) that all find no
    CLI on a fresh machine wait for the first one's build instead of each building it (or
    writing the same shim) at once."""
    root = cache_dir()
    root.mkdir(parents=True, exist_ok=True)
    with open(root / "engine.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_engine(python: str | None = None) -> EngineToolchain:
    """A usable engine: `pulumi` from PATH, or the pinned build from the cache (built by one
    process at a time)."""
    with _cache_lock():
        return _find_or_build(python or sys.executable)


def _find_or_build(python: str) -> EngineToolchain:
    """The shims for ``python``, and `pulumi` from PATH or the cache (built if absent)."""
    tag = hashlib.sha256(python.encode()).hexdigest()[:12]
    shims = cache_dir() / f"shims-{tag}"
    write_shims(shims, python)
    on_path = shutil.which("pulumi")
    if on_path and not os.environ.get("ZOOMCC_FORCE_BUILD"):
        return EngineToolchain(Path(on_path), (shims,), built=False)
    bin_dir = cache_dir() / f"bin-{PULUMI_VERSION}"
    existed = (bin_dir / "pulumi").exists()
    binary = _link_beside(build_cli(bin_dir), shims)
    return EngineToolchain(binary, (shims,), built=not existed)


def _link_beside(binary: Path, shims: Path) -> Path:
    """Put the CLI next to the shims, so the engine finds its plugins "bundled" beside it
    instead of warning about plugins taken from PATH. A hard link costs no space."""
    target = shims / "pulumi"
    if target.exists() and target.stat().st_ino == binary.stat().st_ino:
        return target
    tmp = shims / "pulumi.link"
    tmp.unlink(missing_ok=True)
    try:
        os.link(binary, tmp)
    except OSError:
        shutil.copy2(binary, tmp)
    tmp.replace(target)
    return target


def engine_env(toolchain: EngineToolchain, base: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for running the engine offline with the shims first on PATH."""
    env = dict(os.environ if base is None else base)
    entries = [str(p) for p in toolchain.path_entries]
    env["PATH"] = os.pathsep.join([*entries, env.get("PATH", "")])
    env.setdefault("PULUMI_SKIP_UPDATE_CHECK", "true")
    env.setdefault("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true")
    env.setdefault("PULUMI_CONFIG_PASSPHRASE", "")
    return env
