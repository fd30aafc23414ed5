"""What an update sends: only the fields that changed, lists patched item by item.

An update's body holds the declared fields whose value the state does not hold (compared as
diff compares them), plus the fields the PATCH requires; never every declared field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zoomcc.dynamic.values import matches
from zoomcc.resources.call_shapes import CONTENT_HASH
from zoomcc.resources.removal import Removal
from zoomcc.resources.spec import ItemMerge, ResourceSpec


def changed_fields(
    spec: ResourceSpec, payload: dict[str, Any], olds: dict[str, Any], news: dict[str, Any]
) -> dict[str, Any]:
    """The payload's fields whose value the state does not hold (as diff compares them);
    the uploaded files' field also when their content hash changed."""
    files = spec.upload and (spec.upload.in_list or spec.upload.file_field)
    rehashed = news.get(CONTENT_HASH.name) != olds.get(CONTENT_HASH.name)
    return {
        k: v
        for k, v in payload.items()
        if (k == files and rehashed)
        or not matches(v, olds.get(spec.friendly(k)), ordered=k in spec.ordered)
    }


def merge_items(
    merged_lists: Mapping[str, ItemMerge], body: dict[str, Any], live: Mapping[str, Any]
) -> tuple[dict[str, Any], list[tuple[Removal, list[str]]]]:
    """Turn declared lists into item-by-item patches against the live object; the live
    items no longer declared are flagged in the body, or returned with the removal whose
    call takes them after the update."""
    merged, stale = dict(body), []
    for field, how in merged_lists.items():
        if field not in body:
            continue
        unused = [item for item in live.get(field) or [] if item.get(how.id_field)]
        items: list[dict[str, Any]] = []
        for wanted in body[field]:
            twin = next(
                (i for i in unused if i.get(how.match_on) == wanted.get(how.match_on)), None
            )
            if twin is not None:
                unused.remove(twin)
                items.append({**wanted, how.id_field: twin[how.id_field]})
            else:
                items.append(dict(wanted))
        if how.delete_flag:
            items += [{how.id_field: i[how.id_field], how.delete_flag: True} for i in unused]
        elif how.removal and unused:
            stale.append((how.removal, [str(i[how.id_field]) for i in unused]))
        merged[field] = items
    return merged, stale


def with_declared_items(
    spec: ResourceSpec, outs: dict[str, Any], props: Mapping[str, Any]
) -> dict[str, Any]:
    """Each live item of a merged list with the declared values of the fields its GET does
    not return (an asset item's ``upload_file``: GET answers ``asset_item_file_url``), as
    write-only arguments are kept, so declared items match the outputs."""
    for field, how in spec.merged_lists.items():
        key = spec.friendly(field)
        declared = {i.get(how.match_on): i for i in props.get(key) or [] if isinstance(i, Mapping)}
        if isinstance(outs.get(key), list):
            outs[key] = [{**_set(declared.get(i.get(how.match_on))), **i} for i in outs[key]]
    return outs


def _set(item: Mapping[str, Any] | None) -> dict[str, Any]:
    return {k: v for k, v in (item or {}).items() if v is not None}
