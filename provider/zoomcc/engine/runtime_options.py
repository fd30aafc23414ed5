"""What a project's ``runtime.options`` in Pulumi.yaml asks of the Python host, read the way
Pulumi's own host reads them (``parseOptions`` and ``ResolveToolchain`` in
sdk/python/cmd/pulumi-language-python and sdk/python/toolchain), or refused in one line.

The documented Python options are ``virtualenv``, ``toolchain`` and ``typechecker``. This host
runs programs with pip-style virtualenvs only: ``toolchain: poetry`` and ``uv`` (named, or
detected from a ``poetry.lock``/``uv.lock`` as the official host does when no toolchain is
named) are refused, since they need those tools to create and enter their environments.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

OPTIONS = ("virtualenv", "toolchain", "typechecker")
"""The options Pulumi documents for ``runtime: python``."""

TOOLCHAINS = ("pip", "poetry", "uv")
SUPPORTED_TOOLCHAINS = ("pip",)
Typechecker = Literal["mypy", "pyright"]
TYPECHECKERS: dict[str, Typechecker] = {"mypy": "mypy", "pyright": "pyright"}

VENV_HELP = "https://www.pulumi.com/docs/intro/languages/python/#virtual-environments"


class RuntimeOptionError(ValueError):
    """A runtime option this host cannot honour; the message is one line for the user."""


@dataclass(frozen=True)
class PythonRuntime:
    """How the project's program is run."""

    virtualenv: Path | None = None
    """The virtualenv's absolute path, or None to run in this host's interpreter;
    e.g. ``Path("/home/me/support-center/venv")`` for ``virtualenv: venv``."""

    virtualenv_option: str = ""
    """The option as Pulumi.yaml spells it, for messages; e.g. ``"venv"``."""

    typechecker: Typechecker | None = None
    """The checker run over the program directory before the program; e.g. ``"mypy"``."""

    @property
    def python(self) -> str:
        """The interpreter that runs the program (and the typechecker)."""
        if self.virtualenv is None:
            return sys.executable
        return str(self.virtualenv / "bin" / "python")


def _text(options: Mapping[str, object], name: str) -> str | None:
    value = options.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise RuntimeOptionError(f"{name} option must be a string")
    return value


def _searchup(start: Path, name: str) -> Path | None:
    for directory in (start, *start.parents):
        if (directory / name).exists():
            return directory / name
    return None


def parse_runtime_options(
    options: Mapping[str, object], root: Path, program_dir: Path
) -> PythonRuntime:
    """The runtime the project asks for. ``root`` is the folder of Pulumi.yaml, against which
    a relative ``virtualenv`` is resolved (as ``resolveVirtualEnvironmentPath`` does)."""
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise RuntimeOptionError(
            f"unsupported runtime option {', '.join(unknown)} in Pulumi.yaml: the Python "
            f"runtime's options are {', '.join(OPTIONS)}"
        )
    typechecker = _text(options, "typechecker")
    if typechecker is not None and typechecker not in TYPECHECKERS:
        raise RuntimeOptionError(f"unsupported typechecker option: {typechecker}")
    toolchain = _text(options, "toolchain")
    if toolchain is not None and toolchain not in TOOLCHAINS:
        raise RuntimeOptionError(f"unsupported toolchain option: {toolchain}")
    if toolchain is None:  # the official host's "auto": a lock file picks the tool
        for tool, lock in (("uv", "uv.lock"), ("poetry", "poetry.lock")):
            found = _searchup(program_dir, lock)
            if found is not None:
                raise RuntimeOptionError(
                    f"found {found}, so Pulumi's Python host would use {tool}, which zoomcc "
                    "engine's host does not support: set `toolchain: pip` and `virtualenv` "
                    "in Pulumi.yaml's runtime options"
                )
    elif toolchain not in SUPPORTED_TOOLCHAINS:
        raise RuntimeOptionError(
            f"toolchain {toolchain} is not supported by zoomcc engine's Python host (only pip "
            "is): use `toolchain: pip` with a `virtualenv`, or Pulumi's own "
            "pulumi-language-python"
        )
    venv = _text(options, "virtualenv") or ""
    path = (root / venv) if venv and not os.path.isabs(venv) else Path(venv) if venv else None
    return PythonRuntime(
        virtualenv=path,
        virtualenv_option=venv,
        typechecker=TYPECHECKERS[typechecker] if typechecker is not None else None,
    )


def is_virtualenv(path: Path) -> bool:
    """A virtualenv is a folder with ``bin/python`` (``IsVirtualEnv``)."""
    return (path / "bin" / "python").is_file()


def check_virtualenv(runtime: PythonRuntime) -> None:
    """Refuse a ``virtualenv`` that is not one, as ``ValidateVenv`` does, in one line."""
    venv = runtime.virtualenv
    if venv is None or is_virtualenv(venv):
        return
    state = "doesn't exist" if not venv.exists() else "doesn't appear to be a virtual environment"
    raise RuntimeOptionError(
        f"The 'virtualenv' option in Pulumi.yaml is set to {runtime.virtualenv_option!r}, but "
        f"{str(venv)!r} {state}; create it with `python3 -m venv {venv}` and "
        f"`{venv}/bin/python -m pip install -r requirements.txt` (or run `pulumi install`); "
        f"see {VENV_HELP}"
    )


def activated_env(env: Mapping[str, str], venv: Path | None) -> dict[str, str]:
    """``env`` with the virtualenv activated (``ActivateVirtualEnv``): its bin first on PATH,
    VIRTUAL_ENV set, PYTHONHOME dropped."""
    result = dict(env)
    if venv is None:
        return result
    result.pop("PYTHONHOME", None)
    result["PATH"] = os.pathsep.join(filter(None, [str(venv / "bin"), env.get("PATH", "")]))
    result["VIRTUAL_ENV"] = str(venv)
    return result
