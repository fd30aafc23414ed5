"""The collections ``zoomcc emulator`` serves, in dependency order.

Each is derived from the API spec (:mod:`zoomcc.emulator.derive`) in its area's module under
:mod:`zoomcc.emulator.areas`, with hooks only for behaviour the reference states in prose;
the routes under parent objects (memberships, settings, actions) come from
:mod:`zoomcc.emulator.stand_in_parents`.
"""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.areas import COLLECTIONS
from zoomcc.emulator.collection import Collection
from zoomcc.emulator.stand_in_parents import COLLECTIONS as STAND_INS

DEFAULT_COLLECTIONS: Final[tuple[Collection, ...]] = COLLECTIONS + STAND_INS
"""The collections ``zoomcc emulator`` serves, in dependency order."""
