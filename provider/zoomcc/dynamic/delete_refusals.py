"""What to tell the user when Zoom refuses to delete an object that still exists.

A refused delete is never "already gone" (see ``zoomcc.client.errors.means_not_found``):
the object stays in Zoom, so the error must say what to do before deleting again.
"""

from __future__ import annotations

import re

from zoomcc.client import AuthenticationError, RateLimitError, ZoomApiError
from zoomcc.resources import catalog
from zoomcc.resources.spec import ResourceSpec

_IN_USE = re.compile(r"\bbeing used\b|\bin use\b", re.I)
"""Asset 10002 "This asset is being used.", asset category 10019 "This asset category is
being used.", flow 3209 "Current flow is in use for the following areas" (reference lines
3623, 4028, and the flow delete's errors)."""
_ARCHIVE_FIRST = re.compile(r"\barchive it first\b", re.I)
"""Asset 10010 "Unable to delete asset directly, archive it first." (reference line 3623)."""


def users_of(spec: ResourceSpec) -> list[str]:
    """``Type.argument`` of every resource whose argument holds this type's ids."""
    return sorted(
        f"{other.name}.{other.friendly(api_field)}"
        for other in catalog.ALL
        for api_field, target in other.references.items()
        if target == spec.name
    )


def refused_delete(spec: ResourceSpec, object_id: str, exc: ZoomApiError) -> ZoomApiError | None:
    """The refusal ``exc`` restated with what the user must do, or None when there is nothing
    to add (the error then stands as Zoom gave it)."""
    if isinstance(exc, AuthenticationError | RateLimitError) or not 400 <= exc.status < 500:
        return None
    what = f"{spec.name} {object_id}"
    if _IN_USE.search(exc.message):
        users = users_of(spec)
        where = (
            f"by another object ({', '.join(users)}, or objects outside this stack)"
            if users
            else "by another object (a flow, a queue, a campaign...)"
        )
        advice = (
            f"{what} cannot be deleted: it is still used {where}. Zoom says: {exc.message} "
            f"Remove it from what uses it first, then delete it again."
        )
    elif _ARCHIVE_FIRST.search(exc.message):
        advice = (
            f"{what} cannot be deleted before it is archived. Zoom says: {exc.message} "
            "Archive it in Zoom (or retry: the provider archives before deleting), then "
            "delete it again."
        )
    else:
        return None
    return ZoomApiError(
        exc.status,
        exc.code,
        advice,
        exc.operation,
        exc.method,
        exc.path,
        errors=exc.errors,
    )
