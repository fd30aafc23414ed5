"""Providers for the campaigns area's irregular API shapes.

* outbound campaigns: the status is set by its own operation, with a capitalised enum;
* block-list rules: create takes a list of rules, delete a list of ids;
* inboxes: no single-item DELETE, ``DELETE /inboxes`` takes the ids.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from zoomcc.client import ZoomApiError
from zoomcc.dynamic.provider import SpecProvider
from zoomcc.resources.objects.campaigns import BatchCreateSpec, BulkDeleteSpec, CampaignSpec

_STATUS = "outbound_campaign_status"


class BulkDeleteProvider(SpecProvider):
    """Deletes through the collection's DELETE, which takes a list of ids."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.type_name!r})"

    @property
    def bulk_spec(self) -> BulkDeleteSpec:
        spec = self.spec
        if not isinstance(spec, BulkDeleteSpec):
            raise TypeError(f"{spec.name} is not deleted in bulk")
        return spec

    def _delete_call(self, object_id: str, props: dict[str, Any]) -> None:
        spec = self.bulk_spec
        body = {spec.delete_ids_field: [object_id]} if spec.delete_ids_field else None
        params = {spec.delete_ids_param: object_id} if spec.delete_ids_param else None
        self.client.request(
            "DELETE",
            spec.collection_url(props),
            json=body,
            params=params,
            rate_label=spec.delete_op.rate_label,
            operation=spec.delete_op.id,
            not_found_codes=spec.not_found_codes,
        )


class BlockListRuleProvider(BulkDeleteProvider):
    """One rule per resource, created through the batch create (a list of one)."""

    def _create_call(self, url: str, body: dict[str, Any], props: dict[str, Any]) -> Any:
        spec = self.bulk_spec
        if not isinstance(spec, BatchCreateSpec):
            raise TypeError(f"{spec.name} is not created in batches")
        answer = self.client.request(
            "POST",
            url,
            json={spec.batch_key: [body]},
            rate_label=spec.create_op.rate_label,
            operation=spec.create_op.id,
        )
        created = (answer or {}).get(spec.batch_key) or []
        if len(created) != 1:
            raise ZoomApiError(
                status=0,
                code=None,
                message=f"the create response listed {len(created)} rules, expected one",
                operation=spec.create_op.id,
                method="POST",
                path=url,
            )
        return created[0]


class OutboundCampaignProvider(SpecProvider):
    """Applies ``status`` through ``PATCH .../{campaignId}/status`` (``Draft``, ``Ready``...).

    GET answers the status in lower case, which is what the argument takes, so an unchanged
    status never shows a diff; the status call is made only when the live status differs.
    """

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.type_name!r})"

    def _update_body(self, payload: dict[str, Any], *, only: dict[str, Any]) -> dict[str, Any]:
        body = super()._update_body(payload, only=only)
        if _STATUS in payload and _STATUS in only:
            body[_STATUS] = payload[_STATUS]
        return body

    def _patch(self, object_id: str, body: dict[str, Any], props: dict[str, Any]) -> None:
        body = dict(body)
        status = body.pop(_STATUS, None)
        super()._patch(object_id, body, props)
        if status is not None:
            self._set_status(object_id, str(status), props)

    def _set_status(self, object_id: str, status: str, props: dict[str, Any]) -> None:
        spec = self.spec
        if not isinstance(spec, CampaignSpec):
            raise TypeError(f"{spec.name} has no status operation")
        live = self._get(object_id, props).get(_STATUS)
        if str(live or "").lower() == status.lower():
            return
        op = spec.status_op
        self.client.request(
            op.method,
            spec.status_path.replace("{campaignId}", quote(object_id, safe="")),
            json={"status": status.capitalize()},
            rate_label=op.rate_label,
            operation=op.id,
            not_found_codes=spec.not_found_codes,
        )
