"""Copying a stack whose secrets the copy cannot share: Pulumi Cloud's ``service`` provider,
a cloud KMS. The original's engine decrypts them into a pipe (`pulumi stack export
--show-secrets`, `pulumi config --show-secrets`), and the copy encrypts them again, from its
standard input, under a passphrase made for it and held in memory: no decrypted secret is
written to disk or put on a command line."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from zoomcc.rehearsal.stack import Stack, checked

Leaf = tuple[str, str, bool]
"""(``--path`` key, value as text, whether it is secret)."""

_PLAIN_SEGMENT = re.compile(r"^[A-Za-z_][\w-]*$")


def one_time_env(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` with a fresh passphrase for the copy (never the original's)."""
    fresh = {k: v for k, v in env.items() if k != "PULUMI_CONFIG_PASSPHRASE_FILE"}
    fresh["PULUMI_CONFIG_PASSPHRASE"] = secrets.token_urlsafe(32)
    return fresh


def plain_deployment(stack: Stack, copy_settings_file: Path) -> dict[str, Any]:
    """The state with its secrets in plain text (in memory), naming the copy's secrets
    provider (its passphrase and the salt `pulumi stack init` wrote for it), so `pulumi stack
    import` encrypts them under the copy's (with none named, the CLI panics)."""
    document: dict[str, Any] = json.loads(
        checked(["stack", "export", "--show-secrets", "--stack", stack.name], stack.cwd, stack.env)
    )
    salt = (yaml.safe_load(copy_settings_file.read_text("utf-8")) or {}).get("encryptionsalt")
    deployment = document.setdefault("deployment", {})
    deployment["secrets_providers"] = {"type": "passphrase", "state": {"salt": salt}}
    return document


def leaves(settings: Mapping[str, Any], values: Mapping[str, Any]) -> list[Leaf]:
    """Every configured value, as ``pulumi config set --path`` keys: which are secret comes
    from the original's settings file (``secure:`` leaves), the plain text from
    ``values`` (`pulumi config --json --show-secrets`, keyed by top-level key)."""
    config = settings.get("config") or {}
    found: list[Leaf] = []
    for key, node in config.items():
        found += _walk(_quoted(str(key)), node, values.get(str(key)))
    return found


def _walk(path: str, node: Any, value: Any) -> Iterator[Leaf]:
    if isinstance(node, dict) and set(node) == {"secure"}:
        yield path, _text(value), True
    elif isinstance(node, dict):
        for name, child in node.items():
            sub = value.get(name) if isinstance(value, dict) else None
            yield from _walk(f"{path}.{_quoted(str(name))}", child, sub)
    elif isinstance(node, list):
        for i, child in enumerate(node):
            sub = value[i] if isinstance(value, list) and i < len(value) else None
            yield from _walk(f"{path}[{i}]", child, sub)
    else:
        yield path, _text(value if value is not None else node), False


def _quoted(segment: str) -> str:
    """A ``--path`` segment: as is where plain, else ``["a.b"]``."""
    if ":" in segment or _PLAIN_SEGMENT.match(segment):
        return segment
    return json.dumps([segment])


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value)


def copy_settings(stack: Stack, project: Path, stack_name: str, env: Mapping[str, str]) -> None:
    """Set every value of the original's settings on the copy: plain ones in one call,
    each secret through standard input."""
    original = stack.config_file()
    settings = yaml.safe_load(original.read_text("utf-8")) if original.is_file() else {}
    values = stack.config()
    found = leaves(settings or {}, values)
    plain = [
        arg for key, text, secret in found if not secret for arg in ("--plaintext", f"{key}={text}")
    ]
    if plain:
        checked(["config", "set-all", "--path", *plain, "--stack", stack_name], project, env)
    for key, text, secret in found:
        if secret:
            checked(
                ["config", "set", "--secret", "--path", key, "--stack", stack_name],
                project,
                env,
                text,
            )
