"""Emulated collections for the campaigns resources (derived from their specs).

Irregular operations served as extra routes: the campaign status switch (capitalised enum
in, lower case out), block-list rules' batch create and delete by ids, inboxes' delete by
ids (``?inbox_ids=a,b``; the reference documents no parameter, the real API takes this one).
"""

from __future__ import annotations

import re
from typing import Any

from zoomcc.emulator.derive import collection_from_spec
from zoomcc.emulator.model import (
    OMIT,
    ApiCall,
    Collection,
    ErrorDef,
    ExtraRoute,
    FieldSpec,
    Obj,
    validation_error,
)
from zoomcc.emulator.store import Store, check_field
from zoomcc.resources.objects import campaigns as specs
from zoomcc.resources.spec import ResourceSpec

# Collection names are the store's keys: prefixed where another area may list "contacts".
_LISTS = "campaign_contact_lists"
_CONTACTS = "campaign_contact_list_contacts"


def _field(spec: Any) -> FieldSpec:
    return FieldSpec(spec.type, tuple(spec.enum or ()))


_PLACEHOLDER = re.compile(r"\$\{?(\w+)\}?|\{(\w+)\}")


def not_found_as_documented(spec: ResourceSpec, code: int | None = None) -> dict[str, Any]:
    """Overrides so each operation answers a missing object with its own documented message
    (the reference words them differently: "Contact list is not found" / "... not found.")."""
    ops = {"get": spec.read_op, "update": spec.update_op, "delete": spec.delete_op}
    messages: dict[str, str] = {}
    status = 404
    for name, op in ops.items():
        for err in op.errors if op is not None else []:
            ours = err.code == code or (code is None and err.code in spec.not_found_codes)
            if err.code is not None and err.status in (400, 404) and ours:
                messages[name] = _PLACEHOLDER.sub("{id}", err.message)
                code, status = err.code, err.status
                break
    if code is None or "get" not in messages:
        return {}
    return {
        "not_found": ErrorDef(status, code, messages["get"]),
        "not_found_messages": messages,
    }


# ---- contact lists, their contacts, custom fields -----------------------------------------


def _contacts_count(store: Store, data: Obj) -> Any:
    return len(store.items(_CONTACTS, str(data["contact_list_id"])))


CONTACT_LISTS = collection_from_spec(
    specs.CAMPAIGN_CONTACT_LIST,
    name=_LISTS,
    computed={"contacts_count": _contacts_count},
    **not_found_as_documented(specs.CAMPAIGN_CONTACT_LIST),
)
CONTACTS = collection_from_spec(
    specs.CAMPAIGN_CONTACT_LIST_CONTACT,
    name=_CONTACTS,
    parent_collection=_LISTS,
    # 5001 is the missing list (answered by the parent check); 5002 the missing contact.
    **not_found_as_documented(specs.CAMPAIGN_CONTACT_LIST_CONTACT, 5002),
)
CUSTOM_FIELDS = collection_from_spec(
    specs.CAMPAIGN_CONTACT_LIST_CUSTOM_FIELD,
    name="campaign_contact_list_custom_fields",
    **not_found_as_documented(specs.CAMPAIGN_CONTACT_LIST_CUSTOM_FIELD),
)


# ---- outbound campaigns ------------------------------------------------------------------


def _list_summaries(ids_field: str) -> Any:
    def compute(store: Store, data: Obj) -> Any:
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


def _queue_name(store: Store, data: Obj) -> Any:
    queue = store.get("queues", str(data.get("queue_id")))
    return OMIT if queue is None else queue.get("queue_name")


_CAMPAIGN_SPEC = specs.OUTBOUND_CAMPAIGN
_CAMPAIGNS = "outbound_campaigns"
_STATUS_OP = _CAMPAIGN_SPEC.status_op
_STATUS_FIELD = _field(_STATUS_OP.request.schema_.field("status")) if _STATUS_OP.request else None


def _set_campaign_status(store: Store, call: ApiCall) -> Any:
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


OUTBOUND_CAMPAIGNS = collection_from_spec(
    _CAMPAIGN_SPEC,
    name=_CAMPAIGNS,
    **not_found_as_documented(_CAMPAIGN_SPEC),
    computed={
        "campaign_contact_list": _list_summaries("campaign_contact_list_ids"),
        "campaign_do_not_contact_list": _list_summaries("campaign_do_not_contact_list_ids"),
        "queue_name": _queue_name,
    },
    defaults={
        **{
            name: f.default
            for name, f in _CAMPAIGN_SPEC.output_fields.items()
            if f.default is not None
        },
        "outbound_campaign_status": "draft",
    },
    extra_routes=(
        ExtraRoute(
            "PATCH",
            _CAMPAIGN_SPEC.collection_path + "/{id}/status",
            "status",
            _STATUS_OP.rate_label,
            _set_campaign_status,
        ),
    ),
)


# ---- deletes by a list of ids; batch creates --------------------------------------------


def _delete_by_ids(spec: ResourceSpec, ids_of: Any) -> Any:
    def handler(store: Store, call: ApiCall) -> Any:
        coll = store.collection(spec.list_key)
        ids = ids_of(call)
        if not ids:
            raise validation_error(f"Validation Failed. No {spec.id_field} to delete.")
        missing = [i for i in ids if store.get(coll.name, i) is None]
        if missing:
            raise coll.not_found_error("delete", ", ".join(missing))
        for object_id in ids:
            store.delete(coll.name, object_id)
        return None

    return handler


def _ids_in_body(field: str) -> Any:
    def ids(call: ApiCall) -> list[str]:
        found = call.body.get(field) if isinstance(call.body, dict) else None
        if not isinstance(found, list) or len(found) > 20:
            raise validation_error(f"`{field}` is required (at most 20).")
        return [str(i) for i in found]

    return ids


def _ids_in_query(param: str) -> Any:
    def ids(call: ApiCall) -> list[str]:
        return [i for i in call.query.get(param, "").split(",") if i]

    return ids


def _batch_create(spec: Any) -> Any:
    """Create every rule of the list (each checked as a create body), answer them all."""
    item_fields = {name: _field(f) for name, f in spec.create_fields.items()}
    required = [name for name, f in spec.create_fields.items() if f.required]

    def handler(store: Store, call: ApiCall) -> Any:
        coll = store.collection(spec.list_key)
        items = call.body.get(spec.batch_key) if isinstance(call.body, dict) else None
        if not isinstance(call.body, dict) or set(call.body) - {spec.batch_key}:
            raise validation_error("Validation Failed.")
        if not isinstance(items, list) or not items:
            raise validation_error(f"`{spec.batch_key}` is required.")
        if len(items) > 20:
            raise validation_error("Block list rule supports a maximum of 20.")
        for item in items:
            if not isinstance(item, dict):
                raise validation_error("Validation Failed.")
            for name, value in item.items():
                if name not in item_fields:
                    raise validation_error(f"Validation Failed. Unknown field: {name}.")
                check_field(name, item_fields[name], value)
            for name in required:
                if item.get(name) is None:
                    raise validation_error(f"Validation Failed. Missing required field: {name}.")
            key = spec.natural_key_api
            scope = [(f, item.get(f)) for f in spec.natural_key_scope]
            for other in store.items(coll.name):
                if other.get(key) == item.get(key) and all(other.get(f) == v for f, v in scope):
                    raise (coll.duplicate_error or _DUPLICATE_RULE).error(name=item.get(key))
        made = store.seed(coll.name, items)
        return {spec.batch_key: made}

    return handler


_DUPLICATE_RULE = ErrorDef(400, 1507, "Duplicated block list rule.")


def _block_list(spec: Any) -> Collection:
    """The collection as the reference documents it (create takes the list under
    ``batch_key``); the batch create and the delete by ids are extra routes."""
    return collection_from_spec(
        spec,
        omitted_ops=frozenset({"update", "delete"}),
        not_found_messages={
            # "Block list rules do not exist: `id1`, `id2`." lists the missing ids.
            "delete": next(
                re.sub(r"`\w+1`, `\w+2`", "{id}", e.message)
                for e in spec.delete_op.errors
                if e.code in spec.not_found_codes
            )
        },
        extra_routes=(
            ExtraRoute(
                "POST",
                spec.collection_path,
                "create",
                spec.create_op.rate_label,
                _batch_create(spec),
                success_status=201,
            ),
            ExtraRoute(
                "DELETE",
                spec.collection_path,
                "delete",
                spec.delete_op.rate_label,
                _delete_by_ids(spec, _ids_in_body(spec.delete_ids_field)),
            ),
        ),
    )


IP_ADDRESS_RULES = _block_list(specs.IP_ADDRESS_BLOCK_LIST_RULE)
PHONE_NUMBER_RULES = _block_list(specs.PHONE_NUMBER_BLOCK_LIST_RULE)

INBOXES = collection_from_spec(
    specs.INBOX,
    omitted_ops=frozenset({"delete"}),
    extra_routes=(
        ExtraRoute(
            "DELETE",
            specs.INBOX.collection_path,
            "delete",
            specs.INBOX.delete_op.rate_label,
            _delete_by_ids(specs.INBOX, _ids_in_query(specs.INBOX.delete_ids_param)),
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
