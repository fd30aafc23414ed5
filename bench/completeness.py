"""Per object type, from the API spec: does the create answer stand for the GET (create in one
call), and do list items (refresh by collection)? Where not, the GET fields they lack.

Prints the markdown table docs/performance.md carries (derived by
``zoomcc.dynamic.completeness``, never written by hand).

    .venv/bin/python -m bench.completeness
"""

from __future__ import annotations

from zoomcc.dynamic.completeness import (
    list_complete,
    missing_from_create,
    missing_from_list,
    response_complete,
)
from zoomcc.resources import catalog

SHOWN = 4
"""Missing fields named per cell; the rest are counted."""


def _missing(fields: tuple[str, ...]) -> str:
    top = sorted({f.split(".")[0].split("[")[0] for f in fields})
    named = ", ".join(f"`{f}`" for f in top[:SHOWN])
    more = f" and {len(top) - SHOWN} more" if len(top) > SHOWN else ""
    return f"no: lacks {named}{more}"


def rows() -> list[tuple[str, str, str]]:
    out = []
    for spec in catalog.OBJECTS:
        created = "yes" if response_complete(spec) else _missing(missing_from_create(spec))
        listed = "yes" if list_complete(spec) else _missing(missing_from_list(spec))
        out.append((spec.name, created, listed))
    return out


def main() -> None:
    table = rows()
    print("| type | create answer has every GET field (no GET after POST) | "
          "list items have every GET field (refresh by collection) |")
    print("|---|---|---|")
    for name, created, listed in table:
        print(f"| {name} | {created} | {listed} |")
    print()
    print(f"create in one call: {sum(r[1] == 'yes' for r in table)} of {len(table)} types; "
          f"refresh by collection: {sum(r[2] == 'yes' for r in table)} of {len(table)}")


if __name__ == "__main__":
    main()
