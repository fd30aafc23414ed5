"""Format rules the API reference states only in prose, declared as data on a resource spec.

A spec lists ``rules=((path, rule), ...)``. The path names API fields, ``[]`` stepping into
every item of a list: ``"hours.custom_hours[].custom_hour_ranges[].start_time"`` addresses
each range's start time, ``"outbound_settings.queue_caller_ids[]"`` each caller id, and
``"hours.custom_hours[].custom_hour_ranges[]"`` each range object (for ``Before``).

``check()`` applies them after the pydantic validation (see ``zoomcc.dynamic.validation``):
a rule sees only known values of the expected type, and returns a message or ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

_E164 = re.compile(r"\+[1-9]\d{1,14}")
_DIGITS = re.compile(r"\+?\d{1,15}")
_CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})")


class Rule:
    """One check of one value (a string, or an object for ``Before``)."""

    def failure(self, value: Any, document: Mapping[str, Any]) -> str | None:
        """Why ``value`` breaks the rule, or ``None``; ``document`` is the whole API payload
        (for conditions on other fields)."""
        raise NotImplementedError

    def describe(self) -> str:
        """The rule in a few words, for the docs."""
        raise NotImplementedError


@dataclass(frozen=True)
class E164(Rule):
    """A phone number in E.164: ``+``, the country code, then the number (15 digits at most).

    ``partial`` also accepts digits without ``+`` and prefixes (block-list rules match "a
    specific phone number" or "all numbers starting with the specified digits")."""

    partial: bool = False

    def failure(self, value: Any, document: Mapping[str, Any]) -> str | None:
        if not isinstance(value, str):
            return None
        if self.partial:
            if _DIGITS.fullmatch(value):
                return None
            return (
                "must be a phone number or prefix in E.164 digits: an optional '+' then 1 to "
                f"15 digits, no spaces, dashes or letters (got {value!r})"
            )
        if _E164.fullmatch(value):
            return None
        return (
            "must be a phone number in E.164 format: '+', the country code and the number, "
            f"15 digits at most, no spaces or dashes, e.g. '+14155550100' (got {value!r})"
        )

    def describe(self) -> str:
        if self.partial:
            return "E.164 digits or a prefix of them (optional `+`, 1 to 15 digits)"
        return "a phone number in E.164 format (`+14155550100`)"


@dataclass(frozen=True)
class Clock(Rule):
    """A time of day as ``HH:mm`` on the 24-hour clock, ``00:00`` to ``23:59``."""

    def failure(self, value: Any, document: Mapping[str, Any]) -> str | None:
        if not isinstance(value, str) or _CLOCK.fullmatch(value):
            return None
        return (
            f"must be a time of day as HH:mm on the 24-hour clock, 00:00 to 23:59 (got {value!r})"
        )

    def describe(self) -> str:
        return "a time of day, `HH:mm` on the 24-hour clock (`00:00` to `23:59`)"


@dataclass(frozen=True)
class IsoDateTime(Rule):
    """A date and time in ISO 8601 with a time zone: ``yyyy-MM-ddTHH:mm:ssZ`` or with an
    offset (``+02:00``)."""

    def failure(self, value: Any, document: Mapping[str, Any]) -> str | None:
        if not isinstance(value, str):
            return None
        if _ISO_DATETIME.fullmatch(value) and _parse_datetime(value) is not None:
            return None
        return (
            "must be a date and time in ISO 8601 format with a time zone, "
            f"yyyy-MM-ddTHH:mm:ssZ or yyyy-MM-ddTHH:mm:ss+hh:mm (got {value!r})"
        )

    def describe(self) -> str:
        return "an ISO 8601 date and time with a zone (`2027-01-01T00:00:00Z`)"


@dataclass(frozen=True)
class MaxLength(Rule):
    """A string of at most ``limit`` characters."""

    limit: int

    def failure(self, value: Any, document: Mapping[str, Any]) -> str | None:
        if not isinstance(value, str) or len(value) <= self.limit:
            return None
        return f"must be at most {self.limit} characters long (got {len(value)} characters)"

    def describe(self) -> str:
        return f"at most {self.limit} characters"


@dataclass(frozen=True)
class Before(Rule):
    """Applied to an object: its ``start`` field comes before its ``end`` field. Both are
    ``HH:mm`` clock times or both ISO 8601 date-times; values in another format are left to
    the format rules. ``strict=False`` (the default) allows equal values, as the reference
    puts it: "end_time should not be earlier than the start_time"."""

    start: str
    end: str
    strict: bool = False

    def failure(self, value: Any, document: Mapping[str, Any]) -> str | None:
        if not isinstance(value, Mapping):
            return None
        first, last = value.get(self.start), value.get(self.end)
        order = _order(first, last)
        if order is None or order < 0 or (order == 0 and not self.strict):
            return None
        relation = "before" if self.strict else "before or equal to"
        return (
            f"'{self.start}' must be {relation} '{self.end}' "
            f"(got {self.start}={first!r}, {self.end}={last!r})"
        )

    def describe(self) -> str:
        relation = "before" if self.strict else "not after"
        return f"`{self.start}` {relation} `{self.end}`"


@dataclass(frozen=True)
class When(Rule):
    """``rule`` applies only when the top-level API field ``field`` equals ``equals``
    (a variable's values: at most 300 characters "if `variable_type` is
    `address_book_variable`")."""

    field: str
    equals: Any
    rule: Rule

    def failure(self, value: Any, document: Mapping[str, Any]) -> str | None:
        if document.get(self.field) != self.equals:
            return None
        found = self.rule.failure(value, document)
        return None if found is None else f"{found}, when {self.field} is {self.equals!r}"

    def describe(self) -> str:
        return f"{self.rule.describe()}, when `{self.field}` is `{self.equals}`"


@dataclass(frozen=True)
class Requires(Rule):
    """Applied to an object (``""``: the arguments themselves): its ``field`` must be given,
    where the reference says so in prose or an error rather than in the schema ("Missing
    required field: skill_category_id"); with ``when``, only while another of its fields
    has a value (``("template_type", "update")``). Unconditional at the top, the SDK makes
    the argument required too."""

    field: str
    quote: str
    """The reference line that states it, e.g. ``"line 34470: For `update` template, it is
    required."``."""
    when: tuple[str, Any] | None = None

    def missing(self, value: Any) -> str | None:
        """Why ``value`` (the object) lacks the field, without naming it, or ``None``."""
        if not isinstance(value, Mapping) or value.get(self.field) is not None:
            return None
        if self.when is not None and value.get(self.when[0]) != self.when[1]:
            return None
        condition = "" if self.when is None else f" when {self.when[0]} is {self.when[1]!r}"
        return f"required{condition} (the API reference, {self.quote})"

    def failure(self, value: Any, document: Mapping[str, Any]) -> str | None:
        reason = self.missing(value)
        return None if reason is None else f"'{self.field}' is {reason}"

    def describe(self) -> str:
        condition = "" if self.when is None else f" when `{self.when[0]}` is `{self.when[1]!r}`"
        return f"`{self.field}` is required{condition} (API reference {self.quote})"


@dataclass(frozen=True)
class Between(Rule):
    """A number from ``low`` to ``high``, both included ("Maximum ring time must be between 15
    and 120 seconds")."""

    low: float
    high: float

    def failure(self, value: Any, document: Mapping[str, Any]) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        if self.low <= value <= self.high:
            return None
        return f"must be between {self.low:g} and {self.high:g} (got {value!r})"

    def describe(self) -> str:
        return f"from {self.low:g} to {self.high:g}"


@dataclass(frozen=True)
class OneOf(Rule):
    """Applied to an object: at most one of ``fields`` is given ("Provide either
    `audio_asset_id` or `audio_variable`, but not both")."""

    fields: tuple[str, ...]

    def failure(self, value: Any, document: Mapping[str, Any]) -> str | None:
        if not isinstance(value, Mapping):
            return None
        given = [f for f in self.fields if value.get(f) is not None]
        if len(given) < 2:
            return None
        return f"give either {' or '.join(repr(f) for f in self.fields)}, not both (got {given})"

    def describe(self) -> str:
        return "either " + " or ".join(f"`{f}`" for f in self.fields) + ", not both"


def required_arguments(rules: tuple[tuple[str, Rule], ...]) -> frozenset[str]:
    """Top-level API fields a rule makes required whatever else is given."""
    return frozenset(
        r.field for p, r in rules if isinstance(r, Requires) and not p and r.when is None
    )


def _parse_datetime(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _order(first: Any, last: Any) -> int | None:
    """-1, 0 or 1 comparing two clock times or two date-times; ``None`` when not comparable."""
    if not isinstance(first, str) or not isinstance(last, str):
        return None
    if _CLOCK.fullmatch(first) and _CLOCK.fullmatch(last):
        return (first > last) - (first < last)
    if _ISO_DATETIME.fullmatch(first) and _ISO_DATETIME.fullmatch(last):
        a, b = _parse_datetime(first), _parse_datetime(last)
        if a is None or b is None:
            return None
        try:
            return (a > b) - (a < b)
        except TypeError:  # one naive, one aware: cannot happen with the pattern's zone
            return None
    return None


def locate(document: Any, path: str) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every (location, value) ``path`` addresses in ``document``; a location is the API
    field names and list indexes from the top (``("hours", "custom_hours", "0", ...)``).
    Missing fields and values of the wrong shape address nothing."""
    yield from _walk(document, path.split(".") if path else [], ())


def _walk(
    current: Any, parts: list[str], loc: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], Any]]:
    if not parts:
        if current is not None:
            yield loc, current
        return
    part, rest = parts[0], parts[1:]
    over_list = part.endswith("[]")
    key = part[:-2] if over_list else part
    if not isinstance(current, Mapping) or current.get(key) is None:
        return
    found = current[key]
    if not over_list:
        yield from _walk(found, rest, (*loc, key))
    elif isinstance(found, list):
        for index, item in enumerate(found):
            yield from _walk(item, rest, (*loc, key, str(index)))
