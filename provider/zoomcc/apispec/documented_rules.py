"""Rules the reference states only as error codes, read as data both sides can apply.

A :class:`DocumentedRule` is one documented 4xx error that the request body alone decides
("The `recurring_frequency_type` should not be empty when the `recurring_frequency` is
anything other than `Never`", code 3704). The provider applies it at preview (no API), the
emulator refuses a request that breaks it with the documented code and message. It lives
here, in the bottom layer, because it is a reading of the reference, not of either side.

``at`` addresses the object(s) the check reads, ``[]`` stepping into a list's items
(``"closures[]"`` is every closure item, ``""`` the body itself); a check names the one
field of that object it blames.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

Json = Any
"""A JSON value as ``json.loads`` returns it."""

_CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
"""A time of day, ``HH:mm`` on the 24-hour clock."""


@dataclass(frozen=True)
class Condition:
    """``field`` of the object holds one of ``values`` (``None`` for absent), or with
    ``negate`` none of them: ``Condition("recurring_frequency", (0, None), negate=True)``."""

    field: str
    """The object's field, e.g. ``"recurring_frequency"``."""
    values: tuple[Json, ...]
    """The values that meet it, e.g. ``(1, 2)``; ``None`` stands for an absent field."""
    negate: bool = False
    """Met when the value is none of ``values``, e.g. "anything other than `Never`"."""

    def met(self, item: Mapping[str, Json]) -> bool:
        """Whether ``item`` meets the condition."""
        return (item.get(self.field) in self.values) != self.negate

    def describe(self) -> str:
        """``recurring_frequency is 1 or 2``."""
        given = [v for v in self.values if v is not None] if self.negate else self.values
        shown = " or ".join("absent" if v is None else repr(v) for v in given)
        return f"{self.field} is {'not ' if self.negate else ''}{shown}"


class Check:
    """What one documented rule asks of an object; ``blame`` is the field it names."""

    blame: str

    def failure(self, item: Mapping[str, Json]) -> str | None:
        """Why ``item`` breaks the rule (without the field's name), or ``None``."""
        raise NotImplementedError

    def describe(self) -> str:
        """What the rule asks, where its documented message does not say (the docs' row)."""
        return ""


def _empty(value: Json) -> bool:
    return value is None or value == "" or value == [] or value == {}


@dataclass(frozen=True)
class Needs(Check):
    """``blame`` must be given and not empty ("should not be empty")."""

    blame: str
    """The field, e.g. ``"recurring_frequency_type"``."""

    def failure(self, item: Mapping[str, Json]) -> str | None:
        return "must be given" if _empty(item.get(self.blame)) else None


@dataclass(frozen=True)
class Within(Check):
    """``blame`` (a number, or each item of a list, numbers written as strings included) lies
    from ``low`` to ``high`` ("should be between `1` and `7`")."""

    blame: str
    """The field, e.g. ``"recurring_days_of_week"``."""
    low: float
    """The least value allowed, e.g. ``1``."""
    high: float
    """The greatest value allowed, e.g. ``7``."""
    step: float = 0
    """When not 0, values must be multiples of it (``5``: "in 5-minute intervals")."""

    def failure(self, item: Mapping[str, Json]) -> str | None:
        value = item.get(self.blame)
        for one in value if isinstance(value, list) else [value]:
            number = as_number(one)
            if number is None:
                continue
            if not self.low <= number <= self.high or (self.step and number % self.step):
                every = f" in steps of {self.step:g}" if self.step else ""
                return f"must be from {self.low:g} to {self.high:g}{every} (got {one!r})"
        return None


def as_number(value: Json) -> float | None:
    """``value`` as a number (``"5"`` included, ``True`` not), else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Ordered(Check):
    """``start`` comes before ``blame`` (the end); ISO 8601 date-times or ``HH:mm`` times,
    other values left to the format rules. ``strict``: "greater than", else "not earlier"."""

    start: str
    """The field that comes first, e.g. ``"start_time"``."""
    blame: str
    """The field that comes last, e.g. ``"end_time"``."""
    strict: bool = True
    """Equal values break the rule, e.g. ``True`` for 3703."""

    def failure(self, item: Mapping[str, Json]) -> str | None:
        first, last = item.get(self.start), item.get(self.blame)
        order = _order(first, last)
        if order is None or order < 0 or (order == 0 and not self.strict):
            return None
        relation = "after" if self.strict else "after or equal to"
        return (
            f"must be {relation} {self.start} (got {self.start}={first!r}, {self.blame}={last!r})"
        )


@dataclass(frozen=True)
class SamePeriod(Check):
    """``start`` and ``blame`` (the end, exclusive: ``2023-02-01T00:00`` ends January) fall in
    one calendar ``period``, in the times' own offsets."""

    start: str
    """The first field, e.g. ``"start_time"``."""
    blame: str
    """The last field, e.g. ``"end_time"``."""
    period: Literal["year", "month", "week"]
    """The calendar unit, e.g. ``"month"``."""

    def failure(self, item: Mapping[str, Json]) -> str | None:
        first, last = _datetime(item.get(self.start)), _datetime(item.get(self.blame))
        if first is None or last is None or last <= first.replace(tzinfo=last.tzinfo):
            return None
        last = last - timedelta(microseconds=1)
        if _period(first, self.period) == _period(last, self.period):
            return None
        return f"must be in the same {self.period} as {self.start}"


def _period(moment: datetime, period: str) -> tuple[int, ...]:
    if period == "year":
        return (moment.year,)
    if period == "month":
        return (moment.year, moment.month)
    iso = moment.isocalendar()
    return (iso.year, iso.week)


@dataclass(frozen=True)
class Prefix(Check):
    """``blame``, a string, starts with ``prefix`` ("must start with `https://`")."""

    blame: str
    """The field, e.g. ``"launch_url"``."""
    prefix: str
    """What it starts with, e.g. ``"https://"``."""

    def failure(self, item: Mapping[str, Json]) -> str | None:
        value = item.get(self.blame)
        if not isinstance(value, str) or value.startswith(self.prefix):
            return None
        return f"must start with {self.prefix!r} (got {value!r})"


@dataclass(frozen=True)
class MaxChars(Check):
    """``blame``, a string or each string of a list, has at most ``limit`` characters."""

    blame: str
    """The field, e.g. ``"values"``."""
    limit: int
    """The most characters, e.g. ``300``."""

    def describe(self) -> str:
        return f"at most {self.limit} characters each"

    def failure(self, item: Mapping[str, Json]) -> str | None:
        value = item.get(self.blame)
        for index, one in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(one, str) and len(one) > self.limit:
                what = f"item {index}" if isinstance(value, list) else "got"
                return f"must be at most {self.limit} characters ({what}: {len(one)})"
        return None


@dataclass(frozen=True)
class NoSpaces(Check):
    """``blame``, a string, holds no space."""

    blame: str
    """The field, e.g. ``"custom_field_name"``."""

    def failure(self, item: Mapping[str, Json]) -> str | None:
        value = item.get(self.blame)
        if not isinstance(value, str) or " " not in value:
            return None
        return f"must not contain spaces (got {value!r})"


@dataclass(frozen=True)
class IpAddress(Check):
    """``blame``, a string, is an IPv4 or IPv6 address ("Invalid IP address.")."""

    blame: str
    """The field, e.g. ``"ip_address"``."""

    def failure(self, item: Mapping[str, Json]) -> str | None:
        value = item.get(self.blame)
        if not isinstance(value, str):
            return None
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return f"must be an IPv4 or IPv6 address (got {value!r})"
        return None


@dataclass(frozen=True)
class NotBoth(Check):
    """``blame`` and ``other`` are not both ``true`` ("Cannot enable both")."""

    blame: str
    """The field named, e.g. ``"enable_agent_whisper_announcement"``."""
    other: str
    """The field it excludes, e.g. ``"enable_agent_alert_tone"``."""

    def failure(self, item: Mapping[str, Json]) -> str | None:
        if item.get(self.blame) is True and item.get(self.other) is True:
            return f"cannot be true while {self.other} is true"
        return None


@dataclass(frozen=True)
class NotAbove(Check):
    """The number ``blame`` is at most the number ``limit`` ("less than or equal to")."""

    blame: str
    """The field named, e.g. ``"auto_close_alert_message_time"``."""
    limit: str
    """The field bounding it, e.g. ``"auto_close_timeout"``."""

    def failure(self, item: Mapping[str, Json]) -> str | None:
        value, limit = as_number(item.get(self.blame)), as_number(item.get(self.limit))
        if value is None or limit is None or value <= limit:
            return None
        return f"must be at most {self.limit} (got {value:g} > {limit:g})"


@dataclass(frozen=True)
class DocumentedRule:
    """One documented error a request body alone decides; see the module docstring."""

    code: int
    """Zoom's error code, e.g. ``3704``."""
    line: int
    """The reference line that documents it, e.g. ``16154``."""
    operations: tuple[str, ...]
    """The operation ids that document it, e.g. ``("create_a_closure_set",)``."""
    at: str
    """The object(s) checked, e.g. ``"closures[]"``; ``""`` for the body."""
    check: Check
    """What the object must satisfy, e.g. ``Needs("recurring_frequency_type")``."""
    when: tuple[Condition, ...] = ()
    """Conditions on the same object, all met for the rule to apply."""
    merged: bool = False
    """About the object after a delta update (closure sets' PATCH leaves items it does not
    name): the emulator judges it on the merged object, not on the body as sent."""

    @property
    def reads(self) -> frozenset[str]:
        """The object's fields the rule looks at (the check's and the conditions')."""
        named = {v for v in vars(self.check).values() if isinstance(v, str)}
        return frozenset(named | {c.field for c in self.when})

    def applies(self, item: Mapping[str, Json]) -> bool:
        """Whether the conditions hold for ``item``."""
        return all(c.met(item) for c in self.when)

    def failure(self, item: Json) -> str | None:
        """Why the object ``item`` breaks the rule (field not named), or ``None``."""
        if not isinstance(item, Mapping) or not self.applies(item):
            return None
        found = self.check.failure(item)
        if found is None:
            return None
        condition = " and ".join(c.describe() for c in self.when if c.field != "closure_id")
        shown = f"{found}{f' when {condition}' if condition else ''}"
        return f"{shown} (API reference line {self.line}, error {self.code})"


def objects_at(document: Json, at: str) -> Iterator[tuple[tuple[str, ...], Json]]:
    """Every (location, object) ``at`` addresses in ``document``; a location is the field
    names and list indexes from the top (``("closures", "0")``)."""
    yield from _walk(document, at.split(".") if at else [], ())


def _walk(
    current: Json, parts: list[str], loc: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], Json]]:
    if not parts:
        if isinstance(current, Mapping):
            yield loc, current
        return
    part, rest = parts[0], parts[1:]
    key = part.removesuffix("[]")
    if not isinstance(current, Mapping) or current.get(key) is None:
        return
    found = current[key]
    if not part.endswith("[]"):
        yield from _walk(found, rest, (*loc, key))
    elif isinstance(found, list):
        for index, item in enumerate(found):
            yield from _walk(item, rest, (*loc, key, str(index)))


def _datetime(value: Json) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _order(first: Json, last: Json) -> int | None:
    """-1, 0 or 1 comparing two ``HH:mm`` times or two zoned date-times; else ``None``."""
    if not isinstance(first, str) or not isinstance(last, str):
        return None
    if _CLOCK.fullmatch(first) and _CLOCK.fullmatch(last):
        return (first > last) - (first < last)
    if _CLOCK.fullmatch(first) or _CLOCK.fullmatch(last):
        return None
    a, b = _datetime(first), _datetime(last)
    if a is None or b is None or (a.tzinfo is None) != (b.tzinfo is None):
        return None
    return (a > b) - (a < b)
