"""The Flow provider: flows imported from exported flow JSON, as multipart.

- ``file`` is a local path or a ``pulumi.FileAsset`` (check() turns it into its path). check()
  records in ``content_hash`` the SHA-256 of the file's JSON re-dumped with sorted keys and
  no insignificant whitespace, so reformatting or moving an unchanged file shows no diff;
  the path itself is never diffed. A file that is not JSON fails check (the API would answer
  3203 "The flow is invalid").
- Create imports with ``import_mode=new`` (the argument is hidden): ``version`` would
  silently turn a create into a new version of some other flow that happens to share the
  name and channel.
- Changed content is imported in place with ``import_mode=version``, which the reference
  says "checks for existing flow by name + channel and imports as new version": the flow
  keeps its id, entry points and the queues using it (a replacement would have to delete
  the flow first, names being unique, and the API refuses to delete a flow in use, 3209).
  Name and description are edited first, so the import finds the flow under its declared
  name. Should the import land elsewhere (a changed channel), the stray flow is deleted and
  the update fails, naming the way out (a new resource name).
- The edit call requires ``flow_version``: the newest of the live ``flow_versions``.
- ``publish=True`` calls ``PUT /flows/{flowId}/publish?flow_version=<newest>`` after each
  create and update. A flow whose GET lists no version is neither edited nor published: the
  call fails, naming the flow and ``flow_version``.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from typing import Any

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    CreateResult,
    DiffResult,
    UpdateResult,
)

from zoomcc.client import NotFoundError, ZoomApiError
from zoomcc.dynamic.irregular_assets import Part, file_path
from zoomcc.dynamic.provider import ObjectVanishedError, SpecProvider
from zoomcc.dynamic.values import is_unknown
from zoomcc.resources.objects.assets import CONTENT_HASH, FLOW, PUBLISH

_FILE = "flow_file"
_VERSIONS = "flow_versions"
_VERSION = "flow_version"
"""Required by the edit call's body (PATCH /flows/{flowId}) and named by the publish call's
query: both act on one version."""
_NAME_TAKEN = 3202
"""Import: "The flow name already exists."."""


def normalized_content(data: bytes) -> bytes:
    """The JSON in ``data`` re-dumped canonically (sorted keys, compact); ValueError if none."""
    parsed = json.loads(data)
    return json.dumps(parsed, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def flow_hash(path: Any) -> tuple[str | None, str | None]:
    """(SHA-256 of the file's normalized JSON, problem); (None, None) while the path is unknown."""
    if path is None or is_unknown(path):
        return None, None
    try:
        with open(str(file_path(path)), "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return None, f"cannot read {path!r}: {exc.strerror or exc}"
    try:
        canonical = normalized_content(data)
    except ValueError as exc:
        return None, f"{path!r} is not exported flow JSON: {exc}"
    return hashlib.sha256(canonical).hexdigest(), None


class FlowVersionError(Exception):
    """The flow's GET lists no version to edit or publish."""


def latest_version(flow: dict[str, Any]) -> int | None:
    """The newest ``flow_version`` of a flow as GET shows it."""
    versions: list[int] = [
        v[_VERSION]
        for v in flow.get(_VERSIONS) or []
        if isinstance(v, dict) and isinstance(v.get(_VERSION), int)
    ]
    return max(versions) if versions else None


class FlowProvider(SpecProvider):
    """Flows: multipart import, in-place version import, edit by version, publish."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.type_name!r})"

    @property
    def _file_key(self) -> str:
        return self.spec.friendly(_FILE)

    def _with_file(self, props: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
        """The FileAsset turned into its path, and the content hash recorded."""
        props = copy.copy(props)
        key = self._file_key
        if props.get(key) is not None and not is_unknown(props[key]):
            props[key] = file_path(props[key])
        digest, problem = flow_hash(props.get(key))
        if digest is not None:
            props[CONTENT_HASH] = digest
        return props, problem

    # ---- check / diff -----------------------------------------------------------------------
    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        news, problem = self._with_file(news)
        result = super().check(olds, news)
        failures = list(result.failures or [])
        if problem is not None:
            failures.append(CheckFailure(self._file_key, f"{self.spec.name}: {problem}"))
        return CheckResult(result.inputs, failures)

    def diff(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        # The path says nothing about the content: content_hash carries the change.
        news = {k: v for k, v in news.items() if k != self._file_key}
        return super().diff(id_, olds, news)

    # ---- create / update ----------------------------------------------------------------------
    def create(self, props: dict[str, Any]) -> CreateResult:
        props = self._with_file(props)[0]
        result = super().create(props)
        if props.get(PUBLISH) is True:
            try:
                self._publish(str(result.id), props)
                outs = self._read_outputs(str(result.id), props)
            except Exception:
                self._delete_quietly(str(result.id), props)
                raise
            if result.outs and "adoption_changes" in result.outs:
                outs["adoption_changes"] = result.outs["adoption_changes"]
            return CreateResult(result.id, outs)
        return result

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        news = self._with_file(news)[0]
        result = super().update(id_, olds, news)  # name, descriptions (edit by version)
        changed = news.get(CONTENT_HASH) is not None and news.get(CONTENT_HASH) != olds.get(
            CONTENT_HASH
        )
        if changed:
            self._import_version(id_, news)
        if changed or news.get(PUBLISH) is True:
            if news.get(PUBLISH) is True:
                self._publish(id_, news)
            outs = self._read_outputs(id_, news)
            for key in ("import_id", "adoption_changes"):
                if result.outs and key in result.outs:
                    outs[key] = result.outs[key]
            return UpdateResult(outs)
        return result

    # ---- the irregular calls --------------------------------------------------------------------
    def _form(self, body: dict[str, Any], mode: str) -> list[Part]:
        parts: list[Part] = [("import_mode", (None, mode))]
        for name, value in body.items():
            if value is None or name not in self.spec.create_fields or name == "import_mode":
                continue
            if name == _FILE:
                path = str(file_path(value))
                with open(path, "rb") as handle:
                    parts.append((name, (os.path.basename(path), handle.read())))
            else:
                parts.append((name, (None, str(value))))
        return parts

    def _create_call(self, url: str, body: dict[str, Any], props: dict[str, Any]) -> Any:
        op = self.spec.create_op
        return self.client.request(
            "POST", url, files=self._form(body, "new"), rate_label=op.rate_label, operation=op.id
        )

    def _import_version(self, object_id: str, props: dict[str, Any]) -> None:
        spec = self.spec
        op = spec.create_op
        url = spec.collection_url(props)
        hint = (
            "the import matches flows by name and channel, so the file's channel probably "
            "changed. Declare the flow as a new resource (another resource name and flow "
            "name) to import it as a new flow"
        )
        try:
            made = self.client.request(
                "POST",
                url,
                files=self._form(self._payload(props), "version"),
                rate_label=op.rate_label,
                operation=op.id,
            )
        except ZoomApiError as exc:
            if exc.code != _NAME_TAKEN:
                raise
            # No flow of that name and channel: the import tried a new flow under our name.
            raise ZoomApiError(
                status=exc.status,
                code=exc.code,
                message=f"the new content of flow {object_id} could not be imported as a "
                f"version ({exc.message}): {hint}",
                operation=op.id,
                method="POST",
                path=url,
            ) from exc
        landed = str((made or {}).get(spec.id_field) or "")
        if landed and landed != object_id:
            self._delete_quietly(landed, props)
            raise ZoomApiError(
                status=0,
                code=None,
                message=f"importing the new content of flow {object_id} as a version created "
                f"another flow ({landed}, now deleted): {hint}",
                operation=op.id,
                method="POST",
                path=url,
            )

    def _patch(self, object_id: str, body: dict[str, Any], props: dict[str, Any]) -> None:
        """The edit call, with the newest live version as its required ``flow_version``."""
        body = {k: v for k, v in body.items() if k != _VERSION}
        if not body:
            return
        body[_VERSION] = self._newest_version(object_id, props, "edited")
        super()._patch(object_id, body, props)

    def _publish(self, object_id: str, props: dict[str, Any]) -> None:
        """Publish the newest version, named by ``flow_version`` (the publish call's query
        parameter: "Any other published version of the flow will be replaced with the one
        specified in this request", reference line 11594)."""
        spec = self.spec
        op = FLOW.publish_op
        version = self._newest_version(object_id, props, "published")
        try:
            self.client.request(
                "PUT",
                spec.item_url(object_id, props) + "/publish",
                params={_VERSION: version},
                rate_label=op.rate_label,
                operation=op.id,
                not_found_codes=spec.not_found_codes,
            )
        except NotFoundError as exc:
            raise ObjectVanishedError(f"{spec.name} {object_id} does not exist") from exc

    def _newest_version(self, object_id: str, props: dict[str, Any], doing: str) -> int:
        """The newest live ``flow_version``; a flow whose GET lists none cannot be edited or
        published (both name the version), so that fails here, naming the flow and field."""
        version = latest_version(self._get(object_id, props))
        if version is None:
            raise FlowVersionError(
                f"{self.spec.name} {object_id} cannot be {doing}: its GET lists no "
                f"'{_VERSIONS}' with a '{_VERSION}', and the call requires '{_VERSION}'. "
                "Check the flow in the Zoom web portal (it may still be importing), then "
                "run the update again."
            )
        return version
