"""Snake-casing: the one way a CamelCase or camelCase name is spelled in Python, at the bottom
layer so every package reads it alike: the API's path parameters (``{skillCategoryId}``), the
SDK's module names, the exporter's program names, the plugin's property names."""

from __future__ import annotations

import re
from typing import Final

_BOUNDARY: Final = re.compile(r"(?<!^)(?=[A-Z])")


def snake(name: str) -> str:
    """``QueueOperatingHours`` -> ``queue_operating_hours``, ``skillCategoryId`` ->
    ``skill_category_id``: an underscore before every capital but a first one, all lower
    case (so it undoes ``camel`` of the plugin's property names: ``aBC`` -> ``a_b_c``)."""
    return _BOUNDARY.sub("_", name).lower()
