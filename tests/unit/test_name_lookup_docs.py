"""docs/performance.md says, per type, how an object is found by name: the spec decides."""

from __future__ import annotations

import re
from pathlib import Path

from zoomcc.resources import catalog

DOC = Path(__file__).resolve().parents[2] / "docs" / "performance.md"
ROW = re.compile(r"^\| (\w+) \| `(\w+)` \| (.+) \|$")


def test_the_name_lookup_table_matches_the_specs() -> None:
    documented = {
        m.group(1): m.group(3)
        for line in DOC.read_text(encoding="utf-8").splitlines()
        if (m := ROW.match(line)) and m.group(1) in catalog.BY_NAME
    }
    derived = {
        spec.name: spec.name_lookup()
        for spec in catalog.OBJECTS
        if spec.natural_key is not None and not spec.path_inputs
    }
    assert documented == derived
