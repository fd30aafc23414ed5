"""Documented-rule checks on a list of items as a whole: repeats, sizes, a tree's depth.

The same :class:`~zoomcc.apispec.documented_rules.Check` contract (``blame`` names the list),
kept apart from the checks on single fields so each module stays small.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zoomcc.apispec.documented_rules import Check, Condition, Json, as_number


def _get(item: Mapping[str, Json], path: str) -> Json:
    """``item``'s value at the dotted ``path`` (``"parameter.variable_id"``), or ``None``."""
    found: Json = item
    for part in path.split("."):
        if not isinstance(found, Mapping):
            return None
        found = found.get(part)
    return found


def _group(value: Json) -> Json:
    """A value to group or compare by: numbers as floats (``1`` and ``1.0`` alike)."""
    number = as_number(value) if not isinstance(value, str) else None
    return value if number is None else number


@dataclass(frozen=True)
class MaxItems(Check):
    """``blame``, a list, has at most ``limit`` items (with ``within``: at most ``limit``
    items share one value of that field)."""

    blame: str
    """The field, e.g. ``"user_ids"``."""
    limit: int
    """The most items, e.g. ``100``."""
    within: str = ""
    """Count only items with the same value here, e.g. ``"parent_index"`` (one parent's
    children); items without it are not counted."""

    def failure(self, item: Mapping[str, Json]) -> str | None:
        value = item.get(self.blame)
        if not isinstance(value, list):
            return None
        if not self.within:
            if len(value) <= self.limit:
                return None
            return f"must have at most {self.limit} items (got {len(value)})"
        counts: dict[Json, tuple[Json, int]] = {}
        for one in value:
            found = one.get(self.within) if isinstance(one, Mapping) else None
            if found is None or isinstance(found, dict | list):
                continue
            shown, count = counts.get(_group(found), (found, 0))
            counts[_group(found)] = (shown, count + 1)
        for shown, count in counts.values():
            if count > self.limit:
                return (
                    f"must have at most {self.limit} items with one {self.within} "
                    f"(got {count} with {self.within} {shown!r})"
                )
        return None


@dataclass(frozen=True)
class Distinct(Check):
    """The items of the list ``blame`` differ in ``key`` (``"closure_name"``), or are
    distinct themselves when ``key`` is empty; items without the key are not compared."""

    blame: str
    """The list, e.g. ``"closures"``."""
    key: str = ""
    """The items' field compared, dotted into objects, e.g. ``"parameter.variable_id"``."""
    within: str = ""
    """Compare only items with the same value here, e.g. ``"parent_index"`` (one tier)."""
    only: Condition | None = None
    """Compare only the items that meet it, e.g. ``Condition("attribute_type",
    ("global_variable",))``."""

    def failure(self, item: Mapping[str, Json]) -> str | None:
        value = item.get(self.blame)
        if not isinstance(value, list):
            return None
        seen: list[tuple[Json, Json]] = []
        for one in value:
            if (self.key or self.only) and not isinstance(one, Mapping):
                continue
            if self.only is not None and not self.only.met(one):
                continue
            found = _get(one, self.key) if self.key else one
            group = one.get(self.within) if self.within else None
            if found is None:
                continue
            if (group, found) in seen:
                what = f"{self.key} " if self.key else ""
                where = f" within one {self.within}" if self.within else ""
                return f"must not repeat {what}{found!r}{where}"
            seen.append((group, found))
        return None


@dataclass(frozen=True)
class TreeDepth(Check):
    """The items of ``blame`` form a tree, each naming its parent's ``key`` in ``parent``
    (``root`` for the top); its tiers (a child of the root is on tier 1) number from ``low``
    to ``high``. An item whose parents do not lead to the root is not counted (it is
    discarded, line 8181), nor one without both fields (other rules require them)."""

    blame: str
    """The list, e.g. ``"sub_dispositions"``."""
    key: str
    """The items' own index, e.g. ``"current_index"``."""
    parent: str
    """The items' parent's index, e.g. ``"parent_index"``."""
    low: int
    """The fewest tiers, e.g. ``1``."""
    high: int
    """The most tiers, e.g. ``4``."""
    root: float = 0
    """The index that stands for the root, e.g. ``0``."""

    def failure(self, item: Mapping[str, Json]) -> str | None:
        value = item.get(self.blame)
        if not isinstance(value, list):
            return None
        parents: dict[float, float] = {}
        for one in value:
            if not isinstance(one, Mapping):
                continue
            index, parent = as_number(one.get(self.key)), as_number(one.get(self.parent))
            if index is not None and parent is not None:
                parents.setdefault(index, parent)
        if not parents:
            return None
        tiers = max(self._tier(index, parents) for index in parents)
        if self.low <= tiers <= self.high:
            return None
        return f"must have {self.low} to {self.high} tiers below the root (got {tiers})"

    def _tier(self, index: float, parents: Mapping[float, float]) -> int:
        """How many steps lead from ``index`` to the root; 0 when none do."""
        seen: set[float] = set()
        while index != self.root:
            if index in seen or index not in parents:
                return 0
            seen.add(index)
            index = parents[index]
        return len(seen)
