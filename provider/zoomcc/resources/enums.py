"""What each enum value means, read from the field's description in the API spec.

The reference lists meanings in prose ("* `1` &mdash; Monday * `2` &mdash; Tuesday", "0 - Reply
goodbye message, then disconnect. 1 - Route to queue.", "US: `United States`"); the SDK's
docstrings, the docs and check()'s errors show them beside the bare values ("6 (Saturday)").
"""

from __future__ import annotations

import re
from functools import cache

from zoomcc.apispec import FieldSpec

_SEPARATOR = r"[`']?(?:\s+(?:\u2014|\u2013|-)\s+|:\s*)"
# Prose that follows the last meaning ("- sg - Singapore **Channels** voice, video").
_TRAILERS = (" **Channels**", " Supported channel", " Channel types")


def _marker(value: str | int) -> re.Pattern[str]:
    """The place a value's meaning starts: the value, quoted or not, after a bullet, a dash,
    a space or the start, then a dash, an em dash or a colon."""
    return re.compile(r"(?:^|(?<=[\s*\-]))[`']?" + re.escape(str(value)) + _SEPARATOR)


def _clean(text: str) -> str:
    for stop in _TRAILERS:
        text = text.split(stop)[0]
    text = text.replace("`", "").replace("**", "").replace("&quot;", '"').replace("\\n", " ")
    text = " ".join(text.split())
    for stop in (". ",):
        cut = text.find(stop)
        if cut > 0:
            text = text[:cut]
    return text.strip(" .*-,;")


@cache
def _meanings(values: tuple[str | int, ...], description: str) -> tuple[tuple[str | int, str], ...]:
    text = description.replace("&mdash;", "—")
    starts: list[tuple[int, int, str | int]] = []
    for value in values:
        found = _marker(value).search(text)
        if found is not None:
            starts.append((found.start(), found.end(), value))
    starts.sort(key=lambda s: s[0])
    result: list[tuple[str | int, str]] = []
    for index, (_, end, value) in enumerate(starts):
        stop = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        # Values listed bare between meanings ("phone - E.164 format percent currency").
        marked = {s[2] for s in starts}
        for other in values:
            if other not in marked and isinstance(other, str) and len(other) > 2:
                bare = re.compile(r"\s[`']?" + re.escape(other) + r"[`']?(?=\s|$)")
                found_bare = bare.search(text, end, stop)
                if found_bare is not None:
                    stop = found_bare.start()
        meaning = _clean(text[end:stop])
        if meaning and meaning.lower() != str(value).lower():
            result.append((value, meaning))
    # One stray match in prose ("between `1`, lowest, and `5`") is not a list of meanings.
    if len(values) > 1 and len(result) < 2:
        return ()
    return tuple(result)


def meanings(field: FieldSpec) -> dict[str | int, str]:
    """Value -> meaning for the enum values whose meaning the description states."""
    if not field.enum:
        return {}
    return dict(_meanings(tuple(field.enum), field.description))


def shown(field: FieldSpec, value: str | int) -> str:
    """A value as a user reads it: ``6 (Saturday)``, ``'us' (United States)``."""
    meaning = meanings(field).get(value)
    plain = repr(value)
    return f"{plain} ({meaning})" if meaning else plain


def allowed(field: FieldSpec) -> str:
    """Every allowed value with its meaning: ``1 (Monday), 2 (Tuesday), ... or 7 (Sunday)``."""
    values = [shown(field, v) for v in field.enum or ()]
    if len(values) < 2:
        return "".join(values)
    return ", ".join(values[:-1]) + " or " + values[-1]
