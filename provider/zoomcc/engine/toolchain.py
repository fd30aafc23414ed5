"""Find or build the Pulumi CLI, and write the plugin shims the engine needs.

Where `pulumi` is not on PATH the pinned CLI is built from the Go module proxy into a
cache directory (minutes the first time, nothing after). The Go language host for Python
is not served by the proxy, so a Python implementation of the language-host protocol
(``zoomcc.engine.langhost``) stands in for it; the dynamic provider plugin is a shim that
runs ``python -m pulumi.dynamic`` in the interpreter the stack uses; the native plugin
(``pulumi-resource-zoomcc``) is a shim running ``zoomcc.plugin.main`` in this interpreter; and
with ``yaml=True`` Pulumi YAML's language host is built too (``engine.yaml_host``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from zoomcc.engine.locking import file_lock
from zoomcc.engine.yaml_host import YamlHostUnavailableError, build_yaml_host, link_beside

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


DYNAMIC_PROVIDER_SHIM = r"""# pulumi.dynamic (failures by their message) in the project's
# virtualenv, which the engine names in PULUMI_RUNTIME_VIRTUALENV (Pulumi.yaml's runtime
# option), relative to the program's folder as Pulumi's own
# sdk/python/dist/pulumi-resource-pulumi-python does, or to the folder of Pulumi.yaml above it
# as the language host does; else in {python}.
host=zoomcc.engine.provider_host
venv="${PULUMI_RUNTIME_VIRTUALENV:-}"
if [ -z "$venv" ]; then exec "{python}" -u -m "$host" "$@"; fi
venv="${venv%/}"
# The engine starts this in the program's folder; with `main:` that is below the folder of
# Pulumi.yaml, which the language host resolves the option against: look there too.
base="$PWD"
while [ ! -f "$base/$venv/bin/python" ] && [ ! -f "$base/Pulumi.yaml" ] \
  && [ ! -f "$base/Pulumi.yml" ] && [ "$base" != / ]; do base=$(dirname "$base"); done
[ -f "$base/$venv/bin/python" ] || base="$PWD"
case "$venv" in /*) ;; *) venv="$base/$venv" ;; esac
if [ -f "$venv/bin/python" ]; then
  PATH="$venv/bin:$PATH" VIRTUAL_ENV="$venv" exec env -u PYTHONHOME \
    "$venv/bin/python" -u -m "$host" "$@"
fi
echo "The 'virtualenv' option in Pulumi.yaml is set to \"$PULUMI_RUNTIME_VIRTUALENV\"," \
  "but \"$venv\" is not a virtual environment: create it with \`python3 -m venv $venv\`." >&2
exit 1
"""
"""The dynamic provider plugin: ``{python}`` is this interpreter."""


def write_shims(target: Path, python: str) -> None:
    """Plugin executables the engine looks for on PATH, bound to ``python``."""
    target.mkdir(parents=True, exist_ok=True)
    shims = {
        "pulumi-resource-pulumi-python": DYNAMIC_PROVIDER_SHIM.replace("{python}", python),
        "pulumi-language-python": f'exec "{python}" -u -m zoomcc.engine.langhost "$@"\n',
        # The native plugin, beside the CLI: found without the engine's "taken from PATH"
        # warning, in the interpreter this project is installed in.
        "pulumi-resource-zoomcc": f'exec "{python}" -u -m zoomcc.plugin.main "$@"\n',
    }
    for name, body in shims.items():
        path = target / name
        text = "#!/usr/bin/env bash\n" + body
        if not path.exists() or path.read_text() != text:
            tmp = path.with_suffix(".tmp")
            tmp.write_text(text)
            tmp.chmod(0o755)
            tmp.replace(path)


def ensure_engine(python: str | None = None, *, yaml: bool = False) -> EngineToolchain:
    """A usable engine: `pulumi` from PATH, or the pinned build from the cache (built by one
    process at a time); with ``yaml``, Pulumi YAML's language host beside it."""
    with file_lock(cache_dir() / "engine.lock"):
        return _find_or_build(python or sys.executable, yaml)


def _find_or_build(python: str, yaml: bool) -> EngineToolchain:
    """The shims for ``python``, and `pulumi` from PATH or the cache (built if absent)."""
    tag = hashlib.sha256(python.encode()).hexdigest()[:12]
    shims = cache_dir() / f"shims-{tag}"
    write_shims(shims, python)
    if yaml:
        try:
            link_beside(build_yaml_host(cache_dir()), shims)
        except YamlHostUnavailableError as exc:
            raise EngineUnavailableError(str(exc)) from exc
    on_path = shutil.which("pulumi")
    if on_path and not os.environ.get("ZOOMCC_FORCE_BUILD"):
        return EngineToolchain(Path(on_path), (shims,), built=False)
    bin_dir = cache_dir() / f"bin-{PULUMI_VERSION}"
    existed = (bin_dir / "pulumi").exists()
    binary = link_beside(build_cli(bin_dir), shims)
    return EngineToolchain(binary, (shims,), built=not existed)


def engine_env(toolchain: EngineToolchain, base: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for running the engine offline with the shims first on PATH."""
    env = dict(os.environ if base is None else base)
    entries = [str(p) for p in toolchain.path_entries]
    env["PATH"] = os.pathsep.join([*entries, env.get("PATH", "")])
    env.setdefault("PULUMI_SKIP_UPDATE_CHECK", "true")
    env.setdefault("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true")
    env.setdefault("PULUMI_CONFIG_PASSPHRASE", "")
    return env
