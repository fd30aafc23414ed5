"""Creates that never POST blindly twice: after a 5xx or a lost connection the object is
looked for; found, it is the one we made; proven absent, the POST is sent again."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from zoomcc.client import ZoomApiError, ZoomTransportError
from zoomcc.resources.spec import ResourceSpec

log = logging.getLogger("zoomcc.provider")

CREATE_ATTEMPTS = 5
"""POSTs of one create at most, each after the previous one was proven not applied. At 10%
faults three in a row fail about once in a thousand creates (an `up` of every type then
failed about one run in twenty); five make it about once in 100,000."""


def create_recovering(
    spec: ResourceSpec, send: Callable[[], Any], made_since: Callable[[], list[str]]
) -> Any:
    """``send()``'s answer; after a failure that may hide an applied create, ``made_since()``
    (ids of objects that may be ours): one is ours, none proves absence, several is an
    error (the failure is raised)."""
    for attempt in range(1, CREATE_ATTEMPTS + 1):
        try:
            return send()
        except (ZoomTransportError, ZoomApiError) as exc:
            if isinstance(exc, ZoomApiError) and exc.status < 500:
                raise
            found = made_since()
            if len(found) == 1:
                log.warning("%s: recovered %s after a lost create response", spec.name, found[0])
                return {spec.id_field: found[0]}
            if found or attempt == CREATE_ATTEMPTS:
                raise
            log.warning(
                "%s: create failed (%s) and Zoom holds no such object; sending it again",
                spec.name,
                type(exc).__name__,
            )
    raise AssertionError("unreachable")
