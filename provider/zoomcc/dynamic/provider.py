"""The provider of the object kind: one ``pulumi.dynamic.ResourceProvider`` for every
object type, parameterised by its ``ResourceSpec``.

Create adopts (``adoption``) or POSTs without ever sending twice blindly (``recovery``),
and reads the object back only where the create's answer lacks a GET field
(``completeness``); read answers from one listing of the collection where list items carry
every GET field (``collection_reads``); update patches only what changed (``changes``)
and derives its outputs from the old ones and the body where they follow (``update_outputs``);
delete deletes (archived first where Zoom asks, with delete-time query
parameters). Irregular call shapes a spec declares (``resources.call_shapes``) are sent by
``call_shapes`` and ``uploads``, each called from one place here.
"""

from __future__ import annotations

import logging
from typing import Any

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    CreateResult,
    ReadResult,
    UpdateResult,
)

from zoomcc.client import NotFoundError, UnexpectedAnswerError, ZoomApiError
from zoomcc.dynamic import by_name, call_shapes, uploads
from zoomcc.dynamic.adoption import (
    ADOPTION_KEY,
    adopt_existing,
    adoption_changes,
    as_read_back,
    create_differences,
    name_conflict,
    nothing_to_adopt,
    with_adoption_preview,
)
from zoomcc.dynamic.base import (
    IMPORT_KEY,
    OLD_INPUTS_KEY,
    PROVIDER_KEY,
    BaseProvider,
    FieldDiff,
    as_read,
)
from zoomcc.dynamic.collection_reads import READS
from zoomcc.dynamic.completeness import answer_as_read
from zoomcc.dynamic.delete_refusals import refused_delete
from zoomcc.dynamic.deletion import delete_defaults
from zoomcc.dynamic.drift import differing, refreshed_inputs
from zoomcc.dynamic.recovery import create_recovering
from zoomcc.dynamic.resource_api import ResourceApi
from zoomcc.dynamic.taken_names import NAMES
from zoomcc.dynamic.update_body import changed_fields, merge_items, with_declared_items
from zoomcc.dynamic.update_outputs import derivable, derived_live
from zoomcc.dynamic.validation import to_api
from zoomcc.dynamic.values import extract, normalize, without
from zoomcc.resources.spec import ResourceSpec

log = logging.getLogger("zoomcc.provider")


class ObjectVanishedError(Exception):
    """The object in the state no longer exists in Zoom."""


class SpecProvider(BaseProvider[ResourceSpec]):
    """CRUD for one object type, all of it derived from its ``ResourceSpec``."""

    kind = ResourceSpec

    @property
    def api(self) -> ResourceApi:
        """The object's calls through the stack's client."""
        return ResourceApi(self.spec, self.client)

    # ---- check / diff (no network) ----------------------------------------------------
    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        news, problems = uploads.with_files(self.spec, news)  # paths and content_hash
        result = super().check(olds, news)
        inputs = with_adoption_preview(self.spec, olds, result.inputs, news.get(IMPORT_KEY))
        return CheckResult(inputs, as_read([*(result.failures or []), *problems], self.spec.name))

    def _kind_failures(self, inputs: dict[str, Any], reported: set[str]) -> list[CheckFailure]:
        spec = self.spec
        return [  # the API lists these objects only per parent (address books per unit)
            CheckFailure(
                argument,
                f"{spec.name}: '{argument}' is required: the API keeps these objects per "
                f"{argument} (it lists them only by it)",
            )
            for argument in spec.missing_list_parents(inputs)
            if argument not in reported
        ]

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> FieldDiff:
        spec = self.spec
        changed = differing(spec, news, olds)
        moved = self.account_replaces(olds)
        replaces = [f for f in changed if spec.friendly_to_api[f] in spec.replace_fields]
        # A replacement under the same name cannot exist beside the old object (names are
        # unique), so the old one goes first; a renamed replacement, or one in another
        # account, is created first.
        key = spec.natural_key
        same_name = key is not None and key not in changed and key in news and not moved
        return FieldDiff(changed, replaces + moved, bool(replaces) and same_name)

    # ---- create / read / update / delete ------------------------------------------------
    def create(self, props: dict[str, Any]) -> CreateResult:
        spec = self.spec
        props = uploads.with_files(spec, props)[0]
        adopt = props.get(IMPORT_KEY)
        if adopt:
            return self._adopt(str(adopt), props)
        payload = self._payload(props)
        # Zoom refuses a taken name itself: POST first. Not where the stack expects existing
        # objects (adoptExisting matching): adopting one must send no write, refused or not.
        matching = adopt_existing(self._stack_config) == "matching"
        refusal = None if matching else spec.name_refusal
        twin = None if refusal is not None else self._refuse_name_conflict(payload, props)
        if twin is not None:
            return self._adopt(twin, props)
        create_body = {k: v for k, v in payload.items() if k in spec.create_fields}
        url = spec.collection_url(props)
        try:
            created = self._post_with_recovery(create_body, payload, props)
        except ZoomApiError as exc:
            if refusal is None or not refusal.refuses(exc.status, exc.code):
                raise
            twin = self._refuse_name_conflict(payload, props, refused=exc)
            return self._adopt(str(twin), props)
        object_id = str((created or {}).get(spec.id_field) or "")
        if not object_id:
            raise UnexpectedAnswerError(
                f"the create response carried no {spec.id_field}", spec.create_op.id, "POST", url
            )
        try:
            after_create = {  # what only the update body carries (not extra inputs)
                k: v
                for k, v in payload.items()
                if k not in spec.create_fields and k in spec.update_fields
            }
            if after_create:
                self._patch(object_id, self._update_body(payload, only=after_create), props)
            checked = call_shapes.follow_ups(self, object_id, payload, props)
            answered = answer_as_read(spec, created, after_create, payload)
            outs = self._read_outputs(object_id, props, answered or checked)
        except Exception:
            # Never leave an orphan that the state does not know about.
            self._delete_quietly(object_id, props)
            raise
        if spec.natural_key_api is not None:
            NAMES.add(
                by_name.index_key(spec, props, payload), by_name.key_of(spec, payload), object_id
            )
        return CreateResult(object_id, outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        def alone() -> dict[str, Any] | None:
            try:
                return self._get(id_, props)
            except ObjectVanishedError:
                return None

        declared = props.pop(OLD_INPUTS_KEY, None)  # given by this project's provider host
        live = READS.read(self.client, self.spec, id_, props, alone)  # one listing serves many
        if live is None:
            return ReadResult("", {})
        outs = self._read_outputs(id_, props, live)
        return ReadResult(id_, outs, refreshed_inputs(self.spec, declared, outs))

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        news = uploads.with_files(self.spec, news)[0]
        payload = self._payload(news)
        changed = changed_fields(self.spec, payload, olds, news)
        body = self._update_body(payload, only=changed)
        asked = {  # a follow-up that only sets a value the state already holds is not sent
            call.when
            for call in self.spec.follow_ups
            if call.if_differs and call.when not in changed
        }
        try:
            self._patch(id_, body, news)
            call_shapes.import_new_version(self, id_, payload, olds, news)
            checked = call_shapes.follow_ups(self, id_, without(payload, asked), news)
        except (NotFoundError, ObjectVanishedError) as exc:
            raise ObjectVanishedError(
                f"{self.spec.name} {id_} no longer exists in Zoom (deleted outside "
                "Pulumi?); run `pulumi refresh` to drop it from the state, then `pulumi up`"
            ) from exc
        if checked is None and derivable(self.spec):  # the state and the body say it all
            checked = derived_live(self.spec, olds, body)
        outs = self._read_outputs(id_, news, checked)  # else read after the PATCH: current
        if IMPORT_KEY in olds and ADOPTION_KEY in olds:
            outs[ADOPTION_KEY] = olds[ADOPTION_KEY]
        return UpdateResult(outs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        try:
            # ResourceApi.delete: archived first, or by id list, where the spec says.
            self.api.delete(id_, props, self._delete_params(id_, props))
        except NotFoundError:
            # Only the operation's documented not-found codes: a refusal stays an error.
            log.info("%s %s was already gone", self.spec.name, id_)
        except ZoomApiError as exc:
            advice = refused_delete(self.spec, id_, exc)
            if advice is None:
                raise
            raise advice from exc
        NAMES.discard(id_)

    # ---- adoption and name conflicts ------------------------------------------------------
    def _adopt(self, object_id: str, props: dict[str, Any]) -> CreateResult:
        """Take over an existing object: read it, bring it to the declared inputs, no POST."""
        spec = self.spec
        try:
            live = normalize(self._get(object_id, props))
        except ObjectVanishedError:
            raise nothing_to_adopt(spec, object_id, spec.item_url(object_id, props)) from None
        payload = self._payload(props)
        differs, missing = adoption_changes(spec, object_id, payload, as_read_back(spec, live))
        body: dict[str, Any] = {}
        if differs or missing:
            body = self._update_body(payload, only={**differs, **missing})
            self._patch(object_id, body, props, live)
        checked = call_shapes.follow_ups(self, object_id, payload, props)
        unchanged = live if not body and not spec.follow_ups else None  # nothing written since
        outs = self._read_outputs(object_id, props, checked or unchanged)
        sent = {*body, *(call.when for call in spec.follow_ups)}
        outs[ADOPTION_KEY] = {spec.friendly(k): live.get(k) for k in sorted(differs) if k in sent}
        return CreateResult(object_id, outs)

    def _delete_params(self, object_id: str, props: dict[str, Any]) -> dict[str, str]:
        """The DELETE's query parameters: the delete-time arguments, else their defaults."""
        spec = self.spec
        given = spec.delete_params(props)
        missing = {p: how for p, how in spec.delete_query.items() if p not in given}
        if not missing:
            return given
        return {**given, **delete_defaults(self.client, spec, missing, object_id)}

    def _post_with_recovery(
        self, body: dict[str, Any], payload: dict[str, Any], props: dict[str, Any]
    ) -> Any:
        """POST, never blindly again (``recovery``). The object is looked for by its name;
        objects without a unique name (contacts) as the objects the list gained since just
        before the POST, which costs one listing per create of those types only."""
        spec = self.spec
        before = self._listed_ids(props) if spec.natural_key_api is None else None

        def made_since() -> list[str]:
            if before is not None:
                return sorted(self._listed_ids(props) - before)
            return self._find_all_by_natural_key(payload, props)

        return create_recovering(spec, lambda: self.api.create(body, props), made_since)

    def _refuse_name_conflict(
        self, payload: dict[str, Any], props: dict[str, Any], refused: ZoomApiError | None = None
    ) -> str | None:
        """Never create a second object under a taken name: point at adoption instead.

        With ``zoomcc:adoptExisting matching`` an existing object whose every value the create
        call sets already matches is returned for adoption (how an interrupted ``up``
        converges); adoption then brings the other declared values in line. After Zoom
        ``refused`` the name (``NameRefusal``) its holder is asked for afresh; none found in
        the object's scope, the refusal stands.
        """
        spec = self.spec
        named = spec.natural_key_api is not None and payload.get(spec.natural_key_api) is not None
        if refused is not None:
            hits = by_name.objects_named(self.client, spec, payload, props) if named else []
            if not hits:
                raise refused
        hit = (
            min(hits, key=lambda h: h.object_id)
            if refused is not None
            else (by_name.taken(self.client, spec, payload, props) if named else None)
        )
        if hit is None:
            return None
        differs: list[str] | None = None
        if adopt_existing(self._stack_config) == "matching":
            live = normalize(hit.live if hit.live is not None else self._get(hit.object_id, props))
            differs = create_differences(spec, payload, as_read_back(spec, live))
            if not differs:
                log.warning(
                    "%s: adopting %s, which matches every declared value",
                    spec.name,
                    hit.object_id,
                )
                return hit.object_id
        raise name_conflict(spec, payload, hit.object_id, differs)

    # ---- helpers ----------------------------------------------------------------------------
    def _payload(self, props: dict[str, Any]) -> dict[str, Any]:
        spec = self.spec
        inputs = {k: v for k, v in props.items() if k != PROVIDER_KEY and v is not None}
        return {k: v for k, v in to_api(spec, inputs).items() if k in spec.input_fields}

    def _update_body(self, payload: dict[str, Any], *, only: dict[str, Any]) -> dict[str, Any]:
        """Every declared updatable field: some PATCH bodies require fields left unchanged."""
        spec = self.spec
        fields = spec.update_fields
        body = {k: v for k, v in payload.items() if k in fields and k in only}
        for name, field in fields.items():
            if field.required and name not in body and name in payload:
                body[name] = payload[name]
        return body

    def _patch(
        self,
        object_id: str,
        body: dict[str, Any],
        props: dict[str, Any],
        live: dict[str, Any] | None = None,
    ) -> None:
        """Send the update: lists item by item against the live object (``merged_lists``),
        with the values the spec fills from it (a flow's ``flow_version``); then remove the
        live items the body cannot."""
        spec = self.spec
        if spec.update_op is None or not body:
            return
        if live is None and (spec.update_fills or set(body) & set(spec.merged_lists)):
            live = self._get(object_id, props)
        body, stale = merge_items(spec.merged_lists, body, live or {})
        subject = f"{spec.name} {object_id} cannot be edited"
        for name, how in spec.update_fills.items():
            body[name] = call_shapes.value(how, body, live or {}, subject)
        self.api.update(object_id, body, props)
        for removal, ids in stale:
            self.api.delete_ids(removal, ids, props, object_id)

    def _get(self, object_id: str, props: dict[str, Any]) -> dict[str, Any]:
        spec = self.spec
        try:
            return self.api.get(object_id, props)
        except NotFoundError as exc:
            raise ObjectVanishedError(f"{spec.name} {object_id} does not exist") from exc

    def _read_outputs(
        self, object_id: str, props: dict[str, Any], live: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Outputs in friendly names: every field the API returns (``live``: an answer that
        stands for the GET, else the GET's), and every declared input."""
        spec = self.spec
        live = normalize(self._get(object_id, props) if live is None else live)
        outs: dict[str, Any] = {}
        for api_field in spec.output_fields:
            if api_field in live:
                outs[spec.friendly(api_field)] = live[api_field]
        for api_field, path in spec.read_back.items():
            outs[spec.friendly(api_field)] = extract(
                live, path, subject=f"{spec.name} {object_id} '{spec.friendly(api_field)}'"
            )
        for friendly, value in props.items():
            if friendly in (PROVIDER_KEY, ADOPTION_KEY) or friendly in outs:
                continue
            if friendly == IMPORT_KEY:
                outs[friendly] = value
                continue
            if spec.friendly_to_api.get(friendly) in spec.input_fields:
                # Write-only for the API (not returned by GET): keep what was declared.
                outs[friendly] = normalize(value)
        return with_declared_items(spec, outs, props)

    def _listed_ids(self, props: dict[str, Any]) -> set[str]:
        """The ids the collection lists now (under the object's parent)."""
        return set(self.api.listed_ids(props, self.spec.list_params(props)))

    def _find_all_by_natural_key(self, payload: dict[str, Any], props: dict[str, Any]) -> list[str]:
        """Ids of the objects holding the payload's name, asked afresh (no cache)."""
        hits = by_name.objects_named(self.client, self.spec, payload, props)
        return [hit.object_id for hit in hits]

    def _delete_quietly(self, object_id: str, props: dict[str, Any]) -> None:
        try:
            self.delete(object_id, props)
        except Exception:  # the original error matters more
            log.exception(
                "%s: could not clean up %s after a failed create", self.spec.name, object_id
            )
