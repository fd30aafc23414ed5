"""What a rehearsal reports: the change (as `zoomcc review` sums it up), the API calls it made
by kind, and every refusal with its resource and the API's message; as text or JSON."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from zoomcc.emulator import LoggedRequest

_MARKUP = re.compile(r"<\{%[^%]*%\}>|\x1b\[[0-9;]*m")
"""The engine's colour markup (``<{%reset%}>``) and terminal colour codes."""


@dataclass
class Refusal:
    """One resource the account refused, and why, in the API's words."""

    resource: str
    """``Queue support``: the resource's type and Pulumi name."""
    message: str
    """What the provider said: ``Queue named 'Sales' already exists in Zoom ...``."""
    urn: str = ""
    api: list[str] = field(default_factory=list)
    """What the account answered the resource's refused calls, status, code and message:
    ``PATCH /v2/contact_center/queues/abc: 404 1201 Queue does not exist: abc.``."""


@dataclass
class Rehearsal:
    """The outcome of one rehearsal."""

    stack: str
    """The rehearsed stack, ``dev``."""
    accounts: list[dict[str, Any]] = field(default_factory=list)
    """Each account read: ``{"account": ..., "objects": 12, "requests": 40, "unreadable": []}``."""
    steps: dict[str, int] = field(default_factory=dict)
    """The preview's steps by kind: ``{"create": 1, "replace": 2, "same": 10}``."""
    effects: list[str] = field(default_factory=list)
    """`zoomcc review`'s lines: ``Queue Billing: replaced``."""
    calls: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per phase (``preview``, ``up``), the calls by kind: ``{"POST create_a_queue": 1}``."""
    failed_calls: list[str] = field(default_factory=list)
    """Calls the account answered with an error: ``POST /contact_center/queues: 409``."""
    refusals: list[Refusal] = field(default_factory=list)
    """Each resource refused, in the preview or the update: ``Refusal("Queue sales", ...)``."""
    preview_ok: bool = False
    """Whether `pulumi preview` of the copy succeeded (``True``)."""
    up_ok: bool = False
    """Whether `pulumi up` of the copy succeeded: the verdict (``False``: exit 1)."""
    review: str = ""
    """Where the picture was written (``--review DIR``)."""

    @property
    def passed(self) -> bool:
        return self.preview_ok and self.up_ok

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "passed": self.passed}, indent=2)

    def text(self) -> str:
        lines = [f"Rehearsal of stack {self.stack} on a copy of its account"]
        for account in self.accounts:
            lines.append(
                f"  read {account['objects']} objects, memberships and settings of "
                f"{account['account']} with {account['requests']} requests, writing nothing"
            )
        shown = ", ".join(f"{n} {k}" for k, n in sorted(self.steps.items()) if k != "same")
        lines.append(f"Preview: {shown or 'no changes'}")
        lines += [f"  - {e}" for e in self.effects]
        for phase, calls in self.calls.items():
            lines.append(f"API calls during {phase}: {sum(calls.values())}")
            lines += [f"  {n:>5}  {kind}" for kind, n in sorted(calls.items())]
        if self.failed_calls:
            lines.append("Calls the account refused:")
            lines += [f"  {c}" for c in self.failed_calls]
        if self.refusals:
            lines.append("Refusals:")
            for refusal in self.refusals:
                lines.append(f"  {refusal.resource}: {refusal.message}")
                lines += [f"    the account answered {answer}" for answer in refusal.api]
        if self.review:
            lines.append(f"Picture: {self.review}")
        verdict = (
            "passed" if self.passed else ("up failed" if self.preview_ok else "preview failed")
        )
        lines.append(f"Rehearsal {verdict}.")
        return "\n".join(lines)


def calls_by_kind(requests: Iterable[LoggedRequest]) -> dict[str, int]:
    """``{"GET get_a_queue": 3, "POST oauth.token": 1}``."""
    return dict(Counter(f"{r.method} {r.operation_id or r.operation or r.path}" for r in requests))


def refused_writes(requests: Iterable[LoggedRequest]) -> list[LoggedRequest]:
    """Write calls the emulator refused (a read's 404 is how a provider checks a name)."""
    return [r for r in requests if r.status is not None and r.status >= 400 and r.method != "GET"]


def shown(request: LoggedRequest) -> str:
    """``PATCH /v2/contact_center/queues/abc: 404 1201 Queue does not exist: abc.``."""
    return f"{request.method} {request.path}: {request.status} {request.error or ''}".strip()


def failed(requests: Iterable[LoggedRequest]) -> list[str]:
    """The refused write calls, each with the account's answer."""
    return [shown(r) for r in refused_writes(requests)]


def attach_api_answers(
    refusals: list[Refusal], requests: Iterable[LoggedRequest], ids: Mapping[str, str]
) -> None:
    """Give each refusal the account's answers to the refused calls on its object (``ids``:
    urn -> the object's id in the state, found in the call's path)."""
    refused = refused_writes(requests)
    for refusal in refusals:
        object_id = ids.get(refusal.urn)
        if object_id:
            refusal.api += [shown(r) for r in refused if object_id in r.path.split("/")]


def resource_of(urn: str) -> str:
    """``urn:...::pulumi-python:dynamic/zoomcc:Queue::support`` -> ``Queue support``."""
    parts = urn.split("::")
    if len(parts) < 2:
        return urn
    kind = parts[-2].rsplit("$", 1)[-1].rsplit(":", 1)[-1]
    return f"{kind} {parts[-1]}"


def plain(message: str) -> str:
    return " ".join(_MARKUP.sub("", message).split())


def refusals_in_output(output: str) -> list[Refusal]:
    """Each error the engine reported on a resource, from `pulumi up --json`: one document
    (with ``diagnostics``) or a stream of engine events, one per line."""
    try:
        document = json.loads(output or "{}")
    except ValueError:
        return refusals_in_events(output.splitlines())
    if isinstance(document, dict) and "diagnostics" in document:
        return refusals_in_preview(document)
    return refusals_in_events(output.splitlines())


def refusals_in_events(lines: Iterable[str]) -> list[Refusal]:
    """Each error diagnostic on a resource in a stream of engine events."""
    found: list[Refusal] = []
    for line in lines:
        try:
            event = json.loads(line)
        except ValueError:
            continue
        diag = event.get("diagnosticEvent") if isinstance(event, dict) else None
        if isinstance(diag, dict) and diag.get("severity") == "error" and diag.get("urn"):
            urn = str(diag["urn"])
            found.append(Refusal(resource_of(urn), plain(str(diag.get("message", ""))), urn))
    return found


def refusals_in_preview(preview: Mapping[str, Any]) -> list[Refusal]:
    """Each error `pulumi preview --json` reported on a resource."""
    found = []
    for diag in preview.get("diagnostics") or []:
        if isinstance(diag, dict) and diag.get("severity") == "error" and diag.get("urn"):
            urn = str(diag["urn"])
            found.append(Refusal(resource_of(urn), plain(str(diag.get("message", ""))), urn))
    return found
