"""The generic Pulumi dynamic provider driven by resource specs."""

from zoomcc.dynamic import compat_0_1_0 as compat_0_1_0  # 0.1.0's class paths resolve
