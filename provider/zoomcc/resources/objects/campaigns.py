"""Resource specs: campaigns."""

from __future__ import annotations

from zoomcc.resources.spec import ResourceSpec

SPECS: tuple[ResourceSpec, ...] = ()
