"""The stack being rehearsed, read through the `pulumi` CLI without changing it: its name,
its configuration (secrets decrypted in memory, from a pipe), its deployment (ciphertext
only), and the accounts its configuration reaches."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from zoomcc.client import ClientSettings
from zoomcc.dynamic.accounts import profiles
from zoomcc.dynamic.config import ConfigurationError, resolve_settings
from zoomcc.exporter.credentials import config_values


class StackError(Exception):
    """The stack cannot be read or copied (the message says which command and why)."""


def pulumi(
    args: Sequence[str],
    cwd: Path,
    env: Mapping[str, str],
    stdin: str | None = None,
    timeout: float = 1800,
) -> subprocess.CompletedProcess[str]:
    """One `pulumi` command, its output captured (never printed: it may hold secrets)."""
    exe = shutil.which("pulumi", path=env.get("PATH"))
    if exe is None:
        raise StackError("no `pulumi` on PATH: add `$(zoomcc engine)` to PATH")
    return subprocess.run(
        [exe, *args, "--non-interactive"],
        cwd=cwd,
        env=dict(env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def checked(
    args: Sequence[str], cwd: Path, env: Mapping[str, str], stdin: str | None = None
) -> str:
    """A `pulumi` command's stdout; StackError with its last error line when it fails."""
    done = pulumi(args, cwd, env, stdin)
    if done.returncode != 0:
        lines = [ln for ln in (done.stderr or done.stdout).splitlines() if ln.strip()]
        raise StackError(f"`pulumi {' '.join(args[:2])}` failed: {lines[-1] if lines else '?'}")
    return done.stdout


@dataclass(frozen=True)
class Stack:
    """A stack of the project in ``cwd``, as the user's environment reaches it."""

    cwd: Path
    """The project directory, ``/home/me/infra``."""
    name: str
    """The stack as the user names it, ``prod`` or ``my-org/contact-center/prod``."""
    env: Mapping[str, str]
    """The environment its commands run in (the backend, the passphrase)."""

    @classmethod
    def find(cls, cwd: Path, name: str | None, env: Mapping[str, str] | None = None) -> Stack:
        """The stack ``name``, or the one selected in ``cwd``."""
        environ = dict(os.environ if env is None else env)
        if not (cwd / "Pulumi.yaml").is_file() and not (cwd / "Pulumi.yml").is_file():
            raise StackError(f"{cwd} holds no Pulumi.yaml: give the project with --cwd")
        if name is None:
            name = checked(["stack", "--show-name"], cwd, environ).strip()
        return cls(cwd, name, environ)

    def config(self) -> dict[str, Any]:
        """The stack's configuration, secrets in plain text: kept in memory only."""
        raw = checked(
            ["config", "--json", "--show-secrets", "--stack", self.name], self.cwd, self.env
        )
        return config_values(raw)

    def deployment(self) -> dict[str, Any]:
        """`pulumi stack export`: the state, its secrets as the stack's own ciphertext."""
        document: dict[str, Any] = json.loads(
            checked(["stack", "export", "--stack", self.name], self.cwd, self.env)
        )
        return document

    @property
    def short_name(self) -> str:
        """``org/project/dev`` -> ``dev``."""
        return self.name.rsplit("/", 1)[-1]

    def config_file(self) -> Path:
        """Where the project keeps the stack's settings (``Pulumi.dev.yaml``, in the folder
        ``stackConfigDir`` of ``Pulumi.yaml`` names, if it names one)."""
        folder = self.cwd
        for name in ("Pulumi.yaml", "Pulumi.yml"):
            if (self.cwd / name).is_file():
                project = yaml.safe_load((self.cwd / name).read_text("utf-8")) or {}
                if isinstance(project, dict) and project.get("stackConfigDir"):
                    folder = self.cwd / str(project["stackConfigDir"])
        return folder / f"Pulumi.{self.short_name}.yaml"


@dataclass(frozen=True)
class Account:
    """One account the stack's resources reach: the stack's own, or a profile's."""

    profile: str | None
    """The profile in ``zoomcc:accounts``, ``"sandbox"`` (None: the stack's own settings)."""
    settings: ClientSettings
    """How to reach it: base URL, credentials, plan (``ClientSettings(base_url=...)``)."""

    @property
    def label(self) -> str:
        return f"profile {self.profile}" if self.profile else "the stack's account"


def accounts(config: Mapping[str, Any], environ: Mapping[str, str]) -> list[Account]:
    """Every account of the stack, read as the provider reads them: the stack's own settings
    (or the ``ZOOM_*`` environment) and each profile's. A stack whose resources all name
    profiles may lack settings of its own: its account is then left out."""
    found: list[Account] = []
    names = sorted(profiles(config))
    try:
        found.append(Account(None, resolve_settings(config, environ)))
    except ConfigurationError:
        if not names:
            raise
    found += [Account(name, resolve_settings(config, environ, name)) for name in names]
    return found
