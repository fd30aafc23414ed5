"""Per object type, from the API spec: does the create answer stand for the GET (create in one
call), and do list items (refresh by collection)? Where not, the GET fields they lack.

A second table: how a create checks the name (the POST's own documented refusal, or a look-up
before it shared by the creates of one process), and whether an update's outputs follow from
the old outputs and the PATCH body (no GET after the PATCH) or why not.

Prints the markdown tables docs/performance.md carries (derived by
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
from zoomcc.dynamic.update_outputs import underived
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


def call_rows() -> list[tuple[str, str, str]]:
    out = []
    for spec in catalog.OBJECTS:
        refusal = spec.name_refusal
        if refusal is not None:
            code = f"{refusal.status} / {refusal.code}" if refusal.code else str(refusal.status)
            named = f"POST first: refused with {code} (reference line {refusal.line})"
        elif spec.natural_key_api is None:
            named = "no unique name: the parent listed before the POST"
        else:
            named = "asked before the POST (first create by name, then one shared listing)"
        why = underived(spec)
        update = "derived (no GET)" if not why else "no update (replaced)" if (
            spec.update_op is None
        ) else "GET after the PATCH: " + "; ".join(why[:2])
        out.append((spec.name, named, update))
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
    print()
    calls = call_rows()
    print("| type | duplicate-name check | update outputs |")
    print("|---|---|---|")
    for name, named, update in calls:
        print(f"| {name} | {named} | {update} |")
    print()
    print(f"POST first: {sum(r[1].startswith('POST') for r in calls)} of {len(calls)} types; "
          f"update outputs derived: {sum(r[2].startswith('derived') for r in calls)} of "
          f"{len(calls)}")


if __name__ == "__main__":
    main()
