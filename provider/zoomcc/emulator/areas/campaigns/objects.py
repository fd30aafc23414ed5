"""Outbound campaigns, their contact lists, block-list rules and inboxes (derived from the
API spec).

Irregular operations served as extra routes: the campaign status switch (capitalised enum
in, lower case out), block-list rules' batch create and delete by ids (the ids in the body),
inboxes' delete by ids (``?inbox_ids=a,b``: the reference documents no parameter, the real
API's query parameters have this one).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Final

from zoomcc.apispec import FieldSpec as ApiField
from zoomcc.apispec import load_api_spec
from zoomcc.apispec.server_defaults import NEW_CAMPAIGN
from zoomcc.emulator.collection import (
    OMIT,
    ApiCall,
    Collection,
    Computed,
    RouteHandler,
    StoreAccess,
)
from zoomcc.emulator.derive import api_route, derive, rule_of
from zoomcc.emulator.field_rules import check_field, check_object
from zoomcc.emulator.refusals import ErrorDef, Json, Obj, validation_error

IdsOf = Callable[[ApiCall], list[str]]
"""Where a delete-by-ids call carries its ids."""

# Collection names are the store's keys: prefixed where another area may list "contacts".
_LISTS = "campaign_contact_lists"
_CONTACTS = "campaign_contact_list_contacts"


# ---- contact lists, their contacts, custom fields -----------------------------------------


def _contacts_count(store: StoreAccess, data: Obj) -> Json:
    return len(store.items(_CONTACTS, str(data["contact_list_id"])))


CONTACT_LISTS = derive(
    "/contact_center/outbound_campaign/contact_lists",
    name=_LISTS,
    computed={"contacts_count": _contacts_count},
)
CONTACTS = derive(
    "/contact_center/outbound_campaign/contact_lists/{contactListId}/contacts",
    name=_CONTACTS,
    parent_collection=_LISTS,
    # 5001 is the missing list (answered by the parent check); 5002 the missing contact.
    not_found_code=5002,
)
CUSTOM_FIELDS = derive(
    "/contact_center/outbound_campaign/contact_list_custom_fields",
    name="campaign_contact_list_custom_fields",
)


# ---- outbound campaigns ------------------------------------------------------------------


def _list_summaries(ids_field: str) -> Computed:
    def compute(store: StoreAccess, data: Obj) -> Json:
        ids = data.get(ids_field)
        if ids is None:
            return OMIT
        out = []
        for list_id in ids:
            found = store.get(_LISTS, str(list_id))
            if found is None:
                continue
            out.append(
                {
                    "contact_list_id": found["contact_list_id"],
                    "contact_list_name": found.get("contact_list_name"),
                    "contact_list_description": found.get("contact_list_description", ""),
                    "contacts_count": str(_contacts_count(store, found)),
                }
            )
        return out

    return compute


def _queue_name(store: StoreAccess, data: Obj) -> Json:
    queue = store.get("queues", str(data.get("queue_id")))
    return OMIT if queue is None else queue.get("queue_name")


_CAMPAIGNS = "outbound_campaigns"
_CAMPAIGNS_PATH = "/contact_center/outbound_campaign/campaigns"
_STATUS_OP = load_api_spec().op("PATCH", _CAMPAIGNS_PATH + "/{campaignId}/status")
_STATUS_FIELD = rule_of(_STATUS_OP.request.schema_.field("status")) if _STATUS_OP.request else None


def _set_campaign_status(store: StoreAccess, call: ApiCall) -> Json:
    coll = store.collection(_CAMPAIGNS)
    found = store.get(coll.name, call.path_params["id"])
    if found is None:
        raise coll.not_found_error("update", call.path_params["id"])
    if not isinstance(call.body, dict) or set(call.body) - {"status"}:
        raise validation_error("Validation Failed.")
    status = call.body.get("status", "Draft")
    if _STATUS_FIELD is not None:
        check_field("status", _STATUS_FIELD, status)
    found["outbound_campaign_status"] = str(status).lower()
    return None


OUTBOUND_CAMPAIGNS = derive(
    _CAMPAIGNS_PATH,
    name=_CAMPAIGNS,
    computed={
        "campaign_contact_list": _list_summaries("campaign_contact_list_ids"),
        "campaign_do_not_contact_list": _list_summaries("campaign_do_not_contact_list_ids"),
        "queue_name": _queue_name,
    },
    extra_routes=(
        api_route(
            "PATCH",
            _CAMPAIGNS_PATH + "/{id}/status",
            "status",
            _set_campaign_status,
            id_param="campaignId",
        ),
    ),
)
# A new campaign is a draft (the status enum's first value, lower case as GET shows it).
OUTBOUND_CAMPAIGNS = dataclasses.replace(
    OUTBOUND_CAMPAIGNS,
    defaults={**OUTBOUND_CAMPAIGNS.defaults, **NEW_CAMPAIGN},
)


# ---- deletes by a list of ids; batch creates --------------------------------------------


def _delete_by_ids(collection: str, id_field: str, ids_of: IdsOf) -> RouteHandler:
    def handler(store: StoreAccess, call: ApiCall) -> Json:
        coll = store.collection(collection)
        ids = ids_of(call)
        if not ids:
            raise validation_error(f"Validation Failed. No {id_field} to delete.")
        missing = [i for i in ids if store.get(coll.name, i) is None]
        if missing:
            raise coll.not_found_error("delete", ", ".join(missing))
        for object_id in ids:
            store.delete(coll.name, object_id)
        return None

    return handler


def _ids_in_body(field: str) -> IdsOf:
    def ids(call: ApiCall) -> list[str]:
        found = call.body.get(field) if isinstance(call.body, dict) else None
        if not isinstance(found, list) or len(found) > 20:
            raise validation_error(f"`{field}` is required (at most 20).")
        return [str(i) for i in found]

    return ids


def _ids_in_query(param: str) -> IdsOf:
    def ids(call: ApiCall) -> list[str]:
        return [i for i in call.query.get(param, "").split(",") if i]

    return ids


def _only_array(fields: list[ApiField]) -> ApiField:
    (found,) = [f for f in fields if f.type == "array"]
    return found


_DUPLICATE_RULE: Final = ErrorDef(400, 1507, "Duplicated block list rule.")


def _batch_create(collection: str, path: str, key: str, scope: tuple[str, ...]) -> RouteHandler:
    """Create every rule of the list (each checked as a create body), answer them all."""
    op = load_api_spec().op("POST", path)
    assert op.request is not None
    holder = _only_array(op.request.schema_.fields)
    batch_key = holder.name
    item_specs = holder.items.fields if holder.items is not None else []
    item_fields = {f.name: rule_of(f) for f in item_specs}
    required = [f.name for f in item_specs if f.required]

    def handler(store: StoreAccess, call: ApiCall) -> Json:
        items = call.body.get(batch_key) if isinstance(call.body, dict) else None
        if not isinstance(call.body, dict) or set(call.body) - {batch_key}:
            raise validation_error("Validation Failed.")
        if not isinstance(items, list) or not items:
            raise validation_error(f"`{batch_key}` is required.")
        if len(items) > 20:
            raise validation_error("Block list rule supports a maximum of 20.")
        for item in items:
            if not isinstance(item, dict):
                raise validation_error("Validation Failed.")
            check_object(item, item_fields, required=required)
            scoped = [(f, item.get(f)) for f in scope]
            for other in store.items(collection):
                if other.get(key) == item.get(key) and all(other.get(f) == v for f, v in scoped):
                    raise _DUPLICATE_RULE.error()
        made = store.seed(collection, items)
        return {batch_key: made}

    return handler


def _block_list(path: str, name: str, key: str, scope: tuple[str, ...]) -> Collection:
    """The rules as the reference documents them: create takes a list of rules, delete a
    list of ids (both on the collection path); there is no single-item update or delete."""
    delete = load_api_spec().op("DELETE", path)
    assert delete.request is not None
    ids_field = _only_array(delete.request.schema_.fields).name
    derived = derive(path, name=name)
    # reference line 4303: "Block list rules do not exist: `ipAddressBlockListRuleId1`,
    # `ipAddressBlockListRuleId2`." lists the missing ids.
    missing = next(e for e in delete.errors if e.status == 404 and e.code is not None)
    return dataclasses.replace(
        derived,
        natural_key=key,
        natural_key_scope=scope,
        duplicate_error=_DUPLICATE_RULE,
        not_found_messages={
            **derived.not_found_messages,
            "delete": re.sub(r"`\w+1`, `\w+2`", "{id}", missing.message),
        },
        extra_routes=(
            api_route("POST", path, "create", _batch_create(name, path, key, scope), status=201),
            api_route(
                "DELETE",
                path,
                "delete",
                _delete_by_ids(name, derived.id_field, _ids_in_body(ids_field)),
            ),
        ),
    )


IP_ADDRESS_RULES = _block_list(
    "/contact_center/block_list_rules/ip_addresses",
    "ip_address_block_list_rules",
    "ip_address",
    (),
)
# A number and a prefix of the same digits are different rules.
PHONE_NUMBER_RULES = _block_list(
    "/contact_center/block_list_rules/phone_numbers",
    "phone_block_list_rules",
    "phone_number",
    ("match_type",),
)

_INBOXES = "/contact_center/inboxes"
INBOXES = derive(
    _INBOXES,
    name="inboxes",
    extra_routes=(
        api_route(
            "DELETE",
            _INBOXES,
            "delete",
            _delete_by_ids("inboxes", "inbox_id", _ids_in_query("inbox_ids")),
        ),
    ),
)

COLLECTIONS: tuple[Collection, ...] = (
    CONTACT_LISTS,
    CONTACTS,
    CUSTOM_FIELDS,
    OUTBOUND_CAMPAIGNS,
    IP_ADDRESS_RULES,
    PHONE_NUMBER_RULES,
    INBOXES,
)
