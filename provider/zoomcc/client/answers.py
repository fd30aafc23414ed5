"""Reading Zoom's answers and shaping what is sent: error bodies, paths, uploads.

Pure functions the send loop (``sending``) uses; no state, no I/O beyond reading files.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import httpx

from .redact import scrub


def relative_path(path: str) -> str:
    """Only paths under base_url: an absolute URL would carry our token elsewhere."""
    if "://" in path or path.startswith("//"):
        raise ValueError(f"path must be relative to base_url, got {path!r}")
    return path if path.startswith("/") else "/" + path


INVALID_TOKEN_CODE = 124
"""Zoom's code for an access token it no longer takes ("Invalid access token." / "Access
token has expired.", reference line 1649); an HTTP 401 says the same."""


def refuses_token(response: httpx.Response) -> bool:
    """Whether the API refused the call's access token (so a renewed one may pass)."""
    return response.status_code == 401 or _code(_json(response)) == INVALID_TOKEN_CODE


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _code(body: Any) -> int | None:
    """The `code` of Zoom's error body, an int or a string of digits."""
    raw_code = body.get("code") if isinstance(body, dict) else None
    if isinstance(raw_code, int) and not isinstance(raw_code, bool):
        return raw_code
    if isinstance(raw_code, str) and raw_code.strip().isdigit():
        return int(raw_code)
    return None


def parse_zoom_error(
    response: httpx.Response, secrets: tuple[str, ...]
) -> tuple[int | None, str, list[dict[str, Any]]]:
    """Zoom's `{"code", "message", "errors"}` body, or the best description available."""
    body = _json(response)
    code = _code(body)
    message = ""
    errors: list[dict[str, Any]] = []
    if isinstance(body, dict):
        raw_message = body.get("message") or body.get("reason") or body.get("error")
        if isinstance(raw_message, str):
            message = raw_message
        raw_errors = body.get("errors")
        if isinstance(raw_errors, list):
            errors = [
                {k: scrub(str(v), secrets) for k, v in e.items()}
                for e in raw_errors
                if isinstance(e, dict)
            ]
    if not message:
        text = response.text.strip() if body is None else ""
        message = text or response.reason_phrase or ""
    return code, scrub(" ".join(message.split()), secrets), errors


def materialize_files(files: Any) -> Any:
    """Read file objects once so a retried multipart upload resends the same bytes."""
    if files is None:
        return None
    items = files.items() if isinstance(files, Mapping) else files
    out: list[tuple[str, Any]] = []
    for name, value in items:
        if isinstance(value, tuple) and len(value) >= 2 and hasattr(value[1], "read"):
            value = (value[0], value[1].read(), *value[2:])
        elif hasattr(value, "read"):
            filename = os.path.basename(str(getattr(value, "name", None) or "upload"))
            value = (filename, value.read())
        out.append((name, value))
    return out
