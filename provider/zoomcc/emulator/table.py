"""The collections ``zoomcc emulator`` serves, in dependency order.

Each is derived from the API spec (:mod:`zoomcc.emulator.derive`) in its area's module under
:mod:`zoomcc.emulator.groups`, with hooks only for behaviour the reference states in prose;
the links and settings on parent objects come from :mod:`zoomcc.emulator.relations`.
"""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.groups import COLLECTIONS
from zoomcc.emulator.model import Collection
from zoomcc.emulator.relations import COLLECTIONS as RELATIONS

DEFAULT_COLLECTIONS: Final[tuple[Collection, ...]] = COLLECTIONS + RELATIONS
"""The collections ``zoomcc emulator`` serves, in dependency order."""
