"""Emulated collections for the campaigns resources (derived from their specs).

Irregular operations served as extra routes: the campaign status switch (capitalised enum
in, lower case out), block-list rules' batch create and delete by ids, inboxes' delete by
ids (``?inbox_ids=a,b``; the reference documents no parameter, the real API takes this one).
"""

from __future__ import annotations

from typing import Any

from zoomcc.emulator.derive import collection_from_spec
from zoomcc.emulator.model import (
    OMIT,
    ApiCall,
    Collection,
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


# ---- contact lists, their contacts, custom fields -----------------------------------------


def _contacts_count(store: Store, data: Obj) -> Any:
    return len(store.items(_CONTACTS, str(data["contact_list_id"])))


CONTACT_LISTS = collection_from_spec(
    specs.CAMPAIGN_CONTACT_LIST, name=_LISTS, computed={"contacts_count": _contacts_count}
)
CONTACTS = collection_from_spec(
    specs.CAMPAIGN_CONTACT_LIST_CONTACT, name=_CONTACTS, parent_collection=_LISTS
)
CUSTOM_FIELDS = collection_from_spec(
    specs.CAMPAIGN_CONTACT_LIST_CUSTOM_FIELD, name="campaign_contact_list_custom_fields"
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
    def handler(store: Store, call: ApiCall) -> Any:
        coll = store.collection(spec.list_key)
        items = call.body.get(spec.batch_key) if isinstance(call.body, dict) else None
        if not isinstance(items, list) or not items or len(items) > 20:
            raise validation_error(f"`{spec.batch_key}` is required (at most 20).")
        made = [store.create(coll.name, item) for item in items]
        return {spec.batch_key: made}

    return handler


def _block_list(spec: Any) -> Collection:
    create = spec.create_fields
    return collection_from_spec(
        spec,
        fields={name: _field(f) for name, f in create.items()},
        create_fields=tuple(create),
        required_on_create=tuple(n for n, f in create.items() if f.required),
        create_view=tuple(spec.output_fields),
        omitted_ops=frozenset({"update", "delete"}),
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
