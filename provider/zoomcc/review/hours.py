"""Business hours and closures in words ("Mon-Fri 09:00-18:00, closed 14 Jul 2027"), and
what a change to them means for a caller ("closes at 17:00 instead of 18:00 on Fridays").

Day numbers follow the API: ``day_of_week`` and ``recurring_days_of_week`` are
"`1` — Monday … `7` — Sunday" (the business hours and closures models of the API spec;
tests/unit/test_review_hours.py reads them from the checked-in spec).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

DASH = "\u2013"
"""An en dash, between the ends of a range as typeset (Mon-Fri printed with it)."""

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
PLURAL = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ALL_DAY = (("00:00", "24:00"),)
Ranges = tuple[tuple[str, str], ...]
"""A day's opening ranges (start, end), "HH:MM"; empty when closed that day."""
CLOSED: Ranges = ()


@dataclass(frozen=True)
class Week:
    """Opening ranges per day, Monday first, and the timezone they are in."""

    days: tuple[Ranges, ...]
    timezone: str = ""


def week_of(hours: Mapping[str, Any] | None, timezone: str = "") -> Week:
    """A business hours object's ``hours`` as a week (``hour_type`` 1: 24 hours, 7 days;
    2: custom; ``custom_hour_type`` 0 disabled, 1 24 hours, 2 the ranges given)."""
    if not hours or _int(hours.get("hour_type")) == 1:
        return Week((ALL_DAY,) * 7, timezone)
    days: list[Ranges] = [CLOSED] * 7
    for day in hours.get("custom_hours") or []:
        index = _int(day.get("day_of_week")) - 1
        if not 0 <= index < 7:
            continue
        kind = _int(day.get("custom_hour_type"))
        if kind == 1:
            days[index] = ALL_DAY
        elif kind == 2:
            days[index] = tuple(
                (str(r.get("start_time", "")), str(r.get("end_time", "")))
                for r in day.get("custom_hour_ranges") or []
            )
    return Week(tuple(days), timezone)


def _int(value: Any) -> int:
    """Integers arrive as floats from the engine."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def ranges_words(ranges: Ranges) -> str:
    if ranges == ALL_DAY:
        return "24 hours"
    return ", ".join(f"{start}{DASH}{end}" for start, end in ranges) or "closed"


def day_span(indexes: Sequence[int], plural: bool = False) -> str:
    """``[0, 1, 2, 3, 4]`` -> "Mon-Fri"; ``[4]`` -> "Fri" (or "Fridays")."""
    runs: list[list[int]] = []
    for i in sorted(indexes):
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    if plural and len(runs) == 1 and len(runs[0]) == 1:
        return PLURAL[runs[0][0]]
    words = [
        DAYS[run[0]]
        if len(run) == 1
        else f"{DAYS[run[0]]}{DASH}{DAYS[run[-1]]}"
        if len(run) > 2
        else f"{DAYS[run[0]]}, {DAYS[run[1]]}"
        for run in runs
    ]
    return ", ".join(words)


def week_words(week: Week) -> str:
    """ "Mon-Fri 09:00-18:00" (days with the same hours grouped, closed days left out)."""
    if all(day == ALL_DAY for day in week.days):
        return "24/7"
    groups: dict[Ranges, list[int]] = {}
    for index, ranges in enumerate(week.days):
        if ranges:
            groups.setdefault(ranges, []).append(index)
    if not groups:
        return "always closed"
    ordered = sorted(groups.items(), key=lambda item: item[1][0])
    return "; ".join(f"{day_span(days)} {ranges_words(ranges)}" for ranges, days in ordered)


def closure_words(closure: Mapping[str, Any]) -> str:
    """ "14 Jul 2027", "25 Dec every year", "1 Jan 2027 12:00-18:00" (en dashes)."""
    start, end = str(closure.get("start_time", "")), str(closure.get("end_time", ""))
    date = _date(start)
    frequency = _int(closure.get("recurring_frequency"))
    if frequency == 1:
        date = _date(start, with_year=False) + " every year"
    elif frequency == 2:
        date = f"day {start[8:10].lstrip('0')} of every month"
    elif frequency == 3:
        weekdays = [_int(d) - 1 for d in closure.get("recurring_days_of_week") or []]
        date = f"every {day_span([d for d in weekdays if 0 <= d < 7]) or DAYS[0]}"
    elif end[:10] > start[:10] and not _is_next_midnight(start, end):
        date = f"{_date(start, with_year=False)}{DASH}{_date(end)}"
    if _int(closure.get("closure_hour_type")) == 2:
        date += f" {start[11:16]}{DASH}{end[11:16]}"
    return date


def _date(iso: str, with_year: bool = True) -> str:
    try:
        year, month, day = int(iso[0:4]), int(iso[5:7]), int(iso[8:10])
    except ValueError:
        return iso
    text = f"{day} {MONTHS[month - 1]}"
    return f"{text} {year}" if with_year else text


def _is_next_midnight(start: str, end: str) -> bool:
    """An all-day closure written as [day 00:00, next day 00:00) is that one day."""
    from datetime import date, timedelta

    try:
        first, last = date.fromisoformat(start[:10]), date.fromisoformat(end[:10])
    except ValueError:
        return False
    return last - first == timedelta(days=1) and end[11:16] in ("", "00:00")


def closures_words(closures: Sequence[Mapping[str, Any]]) -> list[str]:
    return [closure_words(c) for c in closures]


def schedule_words(week: Week | None, closures: Sequence[str]) -> str:
    """The whole of a queue's opening in one line: "Mon-Fri 09:00-18:00, closed 14 Jul 2027"."""
    text = "account default hours" if week is None else week_words(week)
    if week is not None and week.timezone:
        text += f" ({week.timezone})"
    if closures:
        text += ", closed " + ", ".join(closures)
    return text


def _day_change(old: Ranges, new: Ranges) -> str:
    if not old:
        return f"now open {ranges_words(new)}"
    if not new:
        return f"now closed (was open {ranges_words(old)})"
    if len(old) == len(new) == 1:
        (old_start, old_end), (new_start, new_end) = old[0], new[0]
        if old_start == new_start:
            return f"closes at {new_end} instead of {old_end}"
        if old_end == new_end:
            return f"opens at {new_start} instead of {old_start}"
    return f"open {ranges_words(new)} instead of {ranges_words(old)}"


def week_changes(old: Week, new: Week) -> list[str]:
    """One phrase per distinct change, its days named: "closes at 17:00 instead of 18:00 on
    Fridays"."""
    found: list[str] = []
    if old.timezone and new.timezone and old.timezone != new.timezone:
        found.append(f"hours now in {new.timezone} instead of {old.timezone}")
    by_change: dict[str, list[int]] = {}
    for index, (before, after) in enumerate(zip(old.days, new.days, strict=True)):
        if before != after:
            by_change.setdefault(_day_change(before, after), []).append(index)
    for change, days in sorted(by_change.items(), key=lambda item: item[1][0]):
        found.append(f"{change} on {day_span(days, plural=True)}")
    return found


def closure_changes(old: Sequence[str], new: Sequence[str]) -> list[str]:
    added = [c for c in new if c not in old]
    removed = [c for c in old if c not in new]
    found = []
    if added:
        found.append("now also closed " + ", ".join(added))
    if removed:
        found.append("no longer closed " + ", ".join(removed))
    return found
