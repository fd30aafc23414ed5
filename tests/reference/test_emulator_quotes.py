"""Every reference line the emulator quotes says what the emulator says it does.

Hand-written behaviour in ``zoomcc.emulator`` carries a comment such as
``# reference line 23104: "The main region cannot be deleted."``; this check reads the
reference (``../shared``, a separate CI step) and finds each quote on its line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import zoomcc.emulator
from zoomcc.apispec import generate

REFERENCE = generate.default_reference_path()
# A quote may run on over the comment's next lines ("# ..."); the first line is enough.
_QUOTE = re.compile(r'reference line (\d+)(?: \([^)]*\))?: "([^"\n]+)')


def _quotes() -> list[tuple[str, int, str]]:
    root = Path(zoomcc.emulator.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        for number, text in _QUOTE.findall(path.read_text(encoding="utf-8")):
            found.append((path.name, int(number), text.strip()))
    return found


QUOTES = _quotes()


def test_the_emulator_quotes_the_reference() -> None:
    assert len(QUOTES) >= 10


@pytest.mark.parametrize(("module", "line", "quote"), QUOTES)
def test_each_quote_is_on_its_reference_line(module: str, line: int, quote: str) -> None:
    lines = REFERENCE.read_text(encoding="utf-8").split("\n")
    assert quote in lines[line - 1], (module, line, lines[line - 1])
