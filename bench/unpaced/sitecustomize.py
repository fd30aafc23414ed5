"""Benchmark-only shim: turn the provider's client-side pacing off.

``bench.scale --unpaced`` puts this directory first on the provider process's PYTHONPATH.
Stack config has no key for ``ClientSettings.pacing`` (docs/performance.md proposes
``zoomcc:pacing``), so this raises every label's rate to a value that never waits. The
client's code path is unchanged: the pacer still reserves a slot per request.
"""

from __future__ import annotations

try:
    from zoomcc.client import pacing as _pacing
except ImportError:  # not the zoomcc environment: nothing to do
    pass
else:
    for _rates in _pacing.RATE_LIMITS.values():
        for _label in _rates:
            _rates[_label] = 1e9
