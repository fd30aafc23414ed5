"""0.1.0's provider class paths, kept so the states it wrote load (docs/upgrading.md).

The engine stores a dynamic provider pickled by reference, its module path and class name;
0.1.0 wrote five classes under three modules that no longer exist. Those module names are
registered here as aliases of this module, and each class name resolves, when unpickling
asks for it, to ``SpecProvider``: these objects are data on their specs now, served by the
object kind's provider. ``zoomcc.dynamic`` imports this module, so the old paths resolve
as soon as anything under it is imported; ``SpecProvider`` is imported only when asked for
(``__getattr__``, PEP 562), so that costs nothing else.
"""

from __future__ import annotations

import sys

OLD_CLASSES: dict[str, tuple[str, ...]] = {
    "zoomcc.dynamic.irregular_assets": ("AssetProvider",),
    "zoomcc.dynamic.irregular_flows": ("FlowProvider",),
    "zoomcc.dynamic.irregular_campaigns": (
        "OutboundCampaignProvider",
        "BulkDeleteProvider",  # Inbox
        "BlockListRuleProvider",  # IP and phone block-list rules
    ),
}
"""0.1.0's module path -> the provider classes it held, e.g. ``irregular_flows``:
``FlowProvider``."""

_NAMES = frozenset(name for names in OLD_CLASSES.values() for name in names)


def __getattr__(name: str) -> type:
    if name not in _NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from zoomcc.dynamic.provider import SpecProvider

    return SpecProvider


for _old in OLD_CLASSES:
    sys.modules.setdefault(_old, sys.modules[__name__])
