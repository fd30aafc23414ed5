"""One ``pulumi.dynamic.ResourceProvider`` for every resource, parameterised by its spec.

The instance pickled into the state holds only the resource type's name: the class is
imported by reference from the installed package, so state stays small, carries no
secret, and code fixes reach existing resources.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    ResourceProvider,
    UpdateResult,
)

from zoomcc.client import NotFoundError, ZoomApiError, ZoomClient, ZoomTransportError
from zoomcc.dynamic import by_name
from zoomcc.dynamic.config import (
    CLIENTS,
    ConfigurationError,
    config_problems,
    resolve_settings,
)
from zoomcc.dynamic.deletion import delete_defaults
from zoomcc.dynamic.derivation import with_derived
from zoomcc.dynamic.names import NAMES
from zoomcc.dynamic.refusals import refused_delete
from zoomcc.dynamic.validation import input_failures, to_api
from zoomcc.dynamic.values import extract, is_unknown, matches, normalize
from zoomcc.resources import catalog
from zoomcc.resources.spec import ResourceSpec

log = logging.getLogger("zoomcc.provider")

PROVIDER_KEY = "__provider"
CREATE_ATTEMPTS = 3
"""POSTs of one create at most, each after the previous one was proven not applied."""
IMPORT_KEY = "import_id"
"""Argument of every resource: the id of an existing object to adopt instead of creating."""
ADOPTION_KEY = "adoption_changes"
"""Output: for an adopted object, the fields adoption changed and their previous values."""


class ObjectVanishedError(Exception):
    """The object in the state no longer exists in Zoom."""


class AdoptionError(Exception):
    """``import_id`` names no object, or one that differs where it cannot be changed."""


class NameConflictError(Exception):
    """Creating would duplicate an existing object's name."""


class SpecProvider(ResourceProvider):
    """CRUD for one resource type, all of it derived from ``catalog.get(type_name)``."""

    serialize_as_secret_always = False  # nothing secret is ever in here

    def __init__(self, type_name: str) -> None:
        super().__init__()
        self.type_name = type_name
        self._stack_config: dict[str, Any] = {}

    def __reduce__(self) -> tuple[Any, ...]:
        # Only the type name, as constructor arguments. No instance dict is pickled: besides
        # keeping config out of the state, this avoids pulumi's serialize_provider, which
        # wraps pickle's _batch_setitems once more on every call and so recurses past the
        # interpreter's limit after ~1,000 resources whose providers pickle a dict.
        return (type(self), (self.type_name,))

    def __repr__(self) -> str:
        return f"SpecProvider({self.type_name!r})"

    @property
    def spec(self) -> ResourceSpec:
        return catalog.get(self.type_name)

    def configure(self, req: ConfigureRequest) -> None:
        # Keep only our namespace; the client is built lazily so preview needs no credentials.
        raw = getattr(req.config, "_props", {}) or {}
        self._stack_config = {k: v for k, v in raw.items() if k.startswith("zoomcc:")}
        problems = config_problems(self._stack_config)
        if problems:  # at preview, before any API call: a typo must not fall back to defaults
            raise ConfigurationError("zoomcc: " + "; ".join(problems))

    @property
    def client(self) -> ZoomClient:
        return CLIENTS.get(resolve_settings(self._stack_config))

    # ---- check / diff (no network) ----------------------------------------------------
    import_refusal: str | None = None
    """Why ``import_id`` makes no sense for this kind of resource (None: it is supported)."""

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        news = with_derived(self.spec, news)  # derived-field rules: what preview shows
        return CheckResult(news, self._check_failures(news))

    def _check_failures(self, news: dict[str, Any]) -> list[CheckFailure]:
        """The inputs against the API's field tree and the spec's rules; and ``import_id``."""
        spec = self.spec
        inputs = {k: v for k, v in news.items() if k not in (PROVIDER_KEY, IMPORT_KEY)}
        failures = [CheckFailure(p, r) for p, r in input_failures(spec, inputs)]
        reported = {f.property for f in failures}
        failures += [  # the API lists these objects only per parent (address books per unit)
            CheckFailure(
                argument,
                f"{spec.name}: '{argument}' is required: the API keeps these objects per "
                f"{argument} (it lists them only by it)",
            )
            for argument in spec.missing_list_parents(inputs)
            if argument not in reported
        ]
        adopt = news.get(IMPORT_KEY)
        if adopt is not None and self.import_refusal is not None:
            reason = f"{spec.name}: 'import_id' is not supported: {self.import_refusal}"
            failures.append(CheckFailure(IMPORT_KEY, reason))
        elif adopt is not None and not is_unknown(adopt) and not isinstance(adopt, str):
            failures.append(
                CheckFailure(IMPORT_KEY, f"{spec.name}: 'import_id' must be an id string")
            )
        return failures

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        spec = self.spec
        changed: list[str] = []
        for friendly, desired in news.items():
            if desired is None or friendly == IMPORT_KEY or friendly not in spec.friendly_to_api:
                continue
            api_field = spec.friendly_to_api[friendly]
            if api_field not in spec.input_fields:
                continue
            if is_unknown(desired) or not matches(
                desired, olds.get(friendly), ordered=api_field in spec.ordered
            ):
                changed.append(friendly)
        replaces = [f for f in changed if spec.friendly_to_api[f] in spec.replace_fields]
        # A replacement under the same name cannot exist beside the old object (names are
        # unique), so the old one goes first; a renamed replacement is created first.
        key = spec.natural_key
        same_name = key is not None and key not in changed and key in news
        return DiffResult(
            changes=bool(changed),
            replaces=replaces,
            delete_before_replace=bool(replaces) and same_name,
        )

    # ---- create / read / update / delete ------------------------------------------------
    def create(self, props: dict[str, Any]) -> CreateResult:
        spec = self.spec
        adopt = props.get(IMPORT_KEY)
        if adopt:
            return self._adopt(str(adopt), props)
        payload = self._payload(props)
        twin = self._refuse_name_conflict(payload, props)
        if twin is not None:
            return self._adopt(twin, props)
        create_body = {k: v for k, v in payload.items() if k in spec.create_fields}
        url = spec.collection_url(props)
        created = self._post_with_recovery(url, create_body, payload, props)
        object_id = str((created or {}).get(spec.id_field) or "")
        if not object_id:
            raise ZoomApiError(
                status=0,
                code=None,
                message=f"the create response carried no {spec.id_field}",
                operation=spec.create_op.id,
                method="POST",
                path=url,
            )
        try:
            after_create = {  # path parents and delete-time values are no body's
                k: v
                for k, v in payload.items()
                if k not in spec.create_fields and k not in spec.non_body_inputs
            }
            if after_create:
                self._patch(object_id, self._update_body(payload, only=after_create), props)
            outs = self._read_outputs(object_id, props)
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
        try:
            outs = self._read_outputs(id_, props)
        except ObjectVanishedError:
            return ReadResult("", {})
        return ReadResult(id_, outs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        payload = self._payload(news)
        body = self._update_body(payload, only=payload)
        try:
            if set(body) & set(self.spec.merged_lists):
                body = merge_items(self.spec, body, self._get(id_, news))
            self._patch(id_, body, news)
        except (NotFoundError, ObjectVanishedError) as exc:
            raise ObjectVanishedError(
                f"{self.spec.name} {id_} no longer exists in Zoom (deleted outside "
                "Pulumi?); run `pulumi refresh` to drop it from the state, then `pulumi up`"
            ) from exc
        outs = self._read_outputs(id_, news)
        if IMPORT_KEY in olds and ADOPTION_KEY in olds:
            outs[ADOPTION_KEY] = olds[ADOPTION_KEY]
        return UpdateResult(outs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        try:
            self._delete_call(id_, props)
        except NotFoundError:
            # Only the operation's documented not-found codes: a refusal stays an error.
            log.info("%s %s was already gone", self.spec.name, id_)
        except ZoomApiError as exc:
            advice = refused_delete(self.spec, id_, exc)
            if advice is None:
                raise
            raise advice from exc
        NAMES.discard(id_)

    # ---- the API calls a subclass may replace where the API is irregular ------------------
    def _create_call(self, url: str, body: dict[str, Any], props: dict[str, Any]) -> Any:
        """POST the new object; returns the response body (which carries the id)."""
        spec = self.spec
        return self.client.request(
            "POST",
            url,
            json=body,
            rate_label=spec.create_op.rate_label,
            operation=spec.create_op.id,
        )

    def _delete_call(self, object_id: str, props: dict[str, Any]) -> None:
        """DELETE the object, archived first where Zoom deletes only archived objects
        (``archive_before_delete``); NotFoundError means it was already gone."""
        spec = self.spec
        op = spec.delete_op
        query: dict[str, Any] = dict(self._delete_params(props))
        steps: list[dict[str, Any]] = [query]
        if spec.archive_before_delete is not None:
            steps.insert(0, {**query, spec.archive_before_delete: True})
        for params in steps:
            self.client.request(
                "DELETE",
                spec.item_url(object_id, props),
                params=params or None,
                rate_label=op.rate_label,
                operation=op.id,
                not_found_codes=spec.not_found_codes,
            )

    # ---- adoption and name conflicts ------------------------------------------------------
    def _adopt(self, object_id: str, props: dict[str, Any]) -> CreateResult:
        """Take over an existing object: read it, bring it to the declared inputs, no POST."""
        spec = self.spec
        try:
            live = normalize(self._get(object_id, props))
        except ObjectVanishedError:
            raise AdoptionError(
                f"{spec.name}: there is no object with id {object_id!r} to adopt "
                f"({spec.read_op.method} {spec.item_url(object_id, props)} found nothing); "
                "check import_id, or remove it to create a new object"
            ) from None
        payload = self._payload(props)
        differs = {k: v for k, v in payload.items() if k in live and not matches(v, live.get(k))}
        frozen = sorted(spec.friendly(k) for k in differs if k in spec.replace_fields)
        if frozen:
            shown = ", ".join(
                f"{f}: {live.get(spec.friendly_to_api[f])!r} in Zoom, "
                f"{payload[spec.friendly_to_api[f]]!r} declared"
                for f in frozen
            )
            raise AdoptionError(
                f"{spec.name} {object_id}: cannot adopt, these arguments differ and cannot "
                f"be changed in place ({shown}); declare Zoom's values or create a new object"
            )
        missing = {
            k: v for k, v in payload.items() if k not in live and k not in spec.non_body_inputs
        }
        if differs or missing:
            body = self._update_body(payload, only={**differs, **missing})
            if set(body) & set(spec.merged_lists):
                body = merge_items(spec, body, live)
            self._patch(object_id, body, props)
        outs = self._read_outputs(object_id, props)
        outs[ADOPTION_KEY] = {spec.friendly(k): live.get(k) for k in sorted(differs) if k in body}
        return CreateResult(object_id, outs)

    def _delete_params(self, props: dict[str, Any]) -> dict[str, str]:
        """The DELETE's query parameters: the delete-time arguments, else their defaults."""
        spec = self.spec
        given = spec.delete_params(props)
        missing = {p: how for p, how in spec.delete_query.items() if p not in given}
        return {**given, **delete_defaults(self.client, spec, missing)} if missing else given

    def _post_with_recovery(
        self, url: str, body: dict[str, Any], payload: dict[str, Any], props: dict[str, Any]
    ) -> Any:
        """POST, never blindly again: after a 5xx or a lost connection the object is looked up
        by its name; found, it is the one we made; proven absent, the POST is sent again.

        Objects without a unique name (contacts) are looked up as the objects the list gained
        since just before the POST: one new object is ours, none proves absence. That costs
        one listing per create of those types, and only of those."""
        spec = self.spec
        before = None if spec.natural_key_api is not None else self._listed_ids(payload, props)
        for attempt in range(1, CREATE_ATTEMPTS + 1):
            try:
                return self._create_call(url, body, props)
            except (ZoomTransportError, ZoomApiError) as exc:
                if isinstance(exc, ZoomApiError) and exc.status < 500:
                    raise
                if before is not None:
                    found = sorted(self._listed_ids(payload, props) - before)
                else:
                    found = self._find_all_by_natural_key(payload, props)
                if len(found) == 1:
                    log.warning(
                        "%s: recovered %s after a lost create response", spec.name, found[0]
                    )
                    return {spec.id_field: found[0]}
                if found or attempt == CREATE_ATTEMPTS:
                    raise
                log.warning(
                    "%s: create failed (%s) and Zoom holds no such object; sending it again",
                    spec.name,
                    type(exc).__name__,
                )
        raise AssertionError("unreachable")

    def _refuse_name_conflict(self, payload: dict[str, Any], props: dict[str, Any]) -> str | None:
        """Never create a second object under a taken name: point at adoption instead.

        With ``zoomcc:adoptExisting matching`` an existing object whose every value the create
        call sets already matches is returned for adoption (how an interrupted ``up``
        converges); adoption then brings the other declared values in line.
        """
        spec = self.spec
        if spec.natural_key_api is None or payload.get(spec.natural_key_api) is None:
            return None
        hit = by_name.taken(self.client, spec, payload, props)
        if hit is None:
            return None
        existing = hit.object_id
        hint = ""
        if self._adopt_existing == "matching":
            live = normalize(hit.live if hit.live is not None else self._get(existing, props))
            # What our own create call would have set; an interrupted create may not have
            # reached its follow-up PATCH, and adoption sets the rest anyway.
            differs = sorted(
                spec.friendly(k)
                for k, v in payload.items()
                if k in spec.create_fields and k in live and not matches(v, live[k])
            )
            if not differs:
                log.warning(
                    "%s: adopting %s, which matches every declared value", spec.name, existing
                )
                return existing
            hint = f" It differs in {', '.join(differs)}, so it is not adopted automatically."
        raise NameConflictError(
            f"{spec.name} named {payload[spec.natural_key_api]!r} already exists "
            f"in Zoom (id {existing}). Adopt it with import_id={existing!r}, "
            f"or choose another {spec.natural_key}.{hint}"
        )

    @property
    def _adopt_existing(self) -> str:
        value = self._stack_config.get("zoomcc:adoptExisting") or os.environ.get(
            "ZOOMCC_ADOPT_EXISTING", "never"
        )
        return str(value).strip().lower()

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

    def _patch(self, object_id: str, body: dict[str, Any], props: dict[str, Any]) -> None:
        spec = self.spec
        op = spec.update_op
        if op is None or not body:
            return
        self.client.request(
            op.method,
            spec.item_url(object_id, props),
            json=body,
            rate_label=op.rate_label,
            operation=op.id,
            not_found_codes=spec.not_found_codes,
        )

    def _get(self, object_id: str, props: dict[str, Any]) -> dict[str, Any]:
        spec = self.spec
        try:
            found = self.client.request(
                "GET",
                spec.item_url(object_id, props),
                rate_label=spec.read_op.rate_label,
                operation=spec.read_op.id,
                not_found_codes=spec.not_found_codes,
            )
        except NotFoundError as exc:
            raise ObjectVanishedError(f"{spec.name} {object_id} does not exist") from exc
        return dict(found or {})

    def _read_outputs(self, object_id: str, props: dict[str, Any]) -> dict[str, Any]:
        """Outputs in friendly names: every field the API returns, and every declared input."""
        spec = self.spec
        live = normalize(self._get(object_id, props))
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
        return outs

    def _listed_ids(self, payload: dict[str, Any], props: dict[str, Any]) -> set[str]:
        """The ids the collection lists now (under the object's parent)."""
        listed = by_name.listing(self.client, self.spec, props, payload, by_name=False)
        return {object_id for _, object_id in listed}

    def _find_all_by_natural_key(self, payload: dict[str, Any], props: dict[str, Any]) -> list[str]:
        """Ids of the objects holding the payload's name, asked afresh (no cache)."""
        return [hit.object_id for hit in by_name.find(self.client, self.spec, payload, props)]

    def _delete_quietly(self, object_id: str, props: dict[str, Any]) -> None:
        try:
            self.delete(object_id, props)
        except Exception:  # the original error matters more
            log.exception(
                "%s: could not clean up %s after a failed create", self.spec.name, object_id
            )


def merge_items(spec: ResourceSpec, body: dict[str, Any], live: dict[str, Any]) -> dict[str, Any]:
    """Turn declared lists into item-by-item patches against the live object."""
    merged = dict(body)
    for field, how in spec.merged_lists.items():
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
        items += [{how.id_field: i[how.id_field], how.delete_flag: True} for i in unused]
        merged[field] = items
    return merged
