"""The provider of membership resources (see ``zoomcc.resources.membership``).

id = the parent's id; create adds the declared members; read keeps the declared members
still present; diff compares sets; update adds the new and removes the dropped; delete
removes only the declared members. Members added by anyone else are never touched.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    CreateResult,
    DiffResult,
    ReadResult,
    UpdateResult,
)

from zoomcc.client import NotFoundError, ZoomApiError, ZoomTransportError
from zoomcc.client.pagination import MAX_PAGE_SIZE
from zoomcc.dynamic.provider import CREATE_ATTEMPTS, SpecProvider
from zoomcc.dynamic.values import is_unknown, matches, normalize
from zoomcc.resources.membership import MembershipSpec

log = logging.getLogger("zoomcc.provider")

ATTEMPTS = CREATE_ATTEMPTS
"""Add (or remove) calls of one chunk at most, each after a fresh list proved it needed."""


class ParentVanishedError(Exception):
    """The parent of a membership does not exist (any more)."""


class MemberNotAddedError(Exception):
    """The API accepted the add call but some declared members are not there."""


class MembershipProvider(SpecProvider):
    """Add/remove the declared members of one parent; never touch the others."""

    def __repr__(self) -> str:
        return f"MembershipProvider({self.type_name!r})"

    @property
    def mspec(self) -> MembershipSpec:
        spec = self.spec
        if not isinstance(spec, MembershipSpec):
            raise TypeError(f"{spec.name} is not a membership resource")
        return spec

    # ---- check / diff -------------------------------------------------------------------
    import_refusal = "members already present are adopted as they are"

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        spec = self.mspec
        failures = self._check_failures(news)
        members = news.get(spec.members_field)
        if isinstance(members, list) and not is_unknown(members):
            ids = [self._member_id(m) for m in members]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                failures.append(
                    CheckFailure(
                        spec.members_field, f"{spec.name}: members declared twice: {dupes}"
                    )
                )
        return CheckResult(news, failures)

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        spec = self.mspec
        changed: list[str] = []
        for name in spec.input_fields:
            desired, before = news.get(name), olds.get(name)
            if desired is None and before is None:
                continue
            if is_unknown(desired) or not matches(desired, before):
                changed.append(name)
        replaces = [f for f in changed if f in spec.replace_fields]
        # Replacing removes the old members before adding the new ones: the same member may
        # be in both, and removing it after the add would undo the add.
        return DiffResult(changes=bool(changed), replaces=replaces, delete_before_replace=True)

    # ---- CRUD -----------------------------------------------------------------------------
    def create(self, props: dict[str, Any]) -> CreateResult:
        spec = self.mspec
        parent = self._parent(props)
        try:
            live = self._list(parent, props)
        except ParentVanishedError:
            raise ParentVanishedError(
                f"{spec.name}: {spec.parent_arg} {parent!r} does not exist in Zoom; "
                f"create the {spec.parent_type or 'parent'} first (or fix the id)"
            ) from None
        declared = self._declared(props)
        self._converge(parent, declared, [], live, props)
        try:
            outs = self._outputs(parent, props, verify=True)
        except MemberNotAddedError:
            # A failed create leaves nothing behind: take out what this call added.
            added = [m for m in declared if self._find(m, live) is None]
            self._remove(parent, added, self._list(parent, props), props)
            raise
        return CreateResult(parent, outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        spec = self.mspec
        parent = str(props.get(spec.parent_arg) or id_)
        try:
            outs = self._outputs(parent, props or {spec.parent_arg: parent})
        except ParentVanishedError:
            return ReadResult("", {})
        return ReadResult(id_, outs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        spec = self.mspec
        parent = self._parent(news)
        try:
            live = self._list(parent, news)
        except ParentVanishedError:
            raise ParentVanishedError(
                f"{spec.name}: {spec.parent_arg} {parent!r} no longer exists in Zoom "
                "(deleted outside Pulumi?); run `pulumi refresh`, then `pulumi up`"
            ) from None
        self._converge(parent, self._declared(news), self._declared(olds), live, news)
        return UpdateResult(self._outputs(parent, news, verify=True))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        spec = self.mspec
        parent = str(props.get(spec.parent_arg) or id_)
        try:
            live = self._list(parent, props)
        except ParentVanishedError:
            log.info("%s: %s %s is gone, and its members with it", spec.name, spec.parent_arg, id_)
            return
        declared = self._declared(props)
        present = [m for m in declared if self._find(m, live) is not None]
        self._remove(parent, present, live, props)

    # ---- the work -------------------------------------------------------------------------
    def _converge(
        self,
        parent: str,
        declared: list[Any],
        previously: list[Any],
        live: list[dict[str, Any]],
        props: dict[str, Any],
    ) -> None:
        """Add what is declared and missing, re-assign what differs, remove what was dropped."""
        spec = self.mspec
        wanted = {self._member_id(m) for m in declared}
        dropped = [
            m
            for m in previously
            if self._member_id(m) not in wanted and self._find(m, live) is not None
        ]
        to_add: list[Any] = []
        reassign: list[Any] = []
        for member in declared:
            found = self._find(member, live)
            if found is None:
                to_add.append(member)
            elif not self._attributes_match(member, found):
                reassign.append(member)
        self._remove(parent, dropped + reassign, live, props)
        self._add(parent, reassign + to_add, props)
        if dropped and spec.removal.mode == "none":
            log.warning(
                "%s: the API cannot remove members; %s stay in Zoom, no longer managed",
                spec.name,
                [self._member_id(m) for m in dropped],
            )

    def _add(self, parent: str, members: list[Any], props: dict[str, Any]) -> None:
        spec = self.mspec
        size = spec.max_add or len(members) or 1
        for start in range(0, len(members), size):
            self._add_recovering(parent, members[start : start + size], props)

    def _add_recovering(self, parent: str, members: list[Any], props: dict[str, Any]) -> None:
        """POST one chunk, never blindly again: after a 5xx or a lost connection the members
        are listed afresh; those there were added, those proven absent are sent again."""
        spec = self.mspec
        pending = members
        for attempt in range(1, ATTEMPTS + 1):
            try:
                self._add_call(parent, pending, props)
                return
            except (ZoomTransportError, ZoomApiError) as exc:
                if isinstance(exc, ZoomApiError) and exc.status < 500:
                    raise
                live = self._list(parent, props)
                pending = [m for m in pending if not self._present(m, live)]
                if not pending:
                    log.warning("%s: the add call failed (%s) but was applied", spec.name, exc)
                    return
                if attempt == ATTEMPTS:
                    raise
                log.warning(
                    "%s: the add call failed (%s) and %s are not there; sending them again",
                    spec.name,
                    type(exc).__name__,
                    [self._member_id(m) for m in pending],
                )

    def _add_call(self, parent: str, members: list[Any], props: dict[str, Any]) -> None:
        spec = self.mspec
        shared = {f: normalize(props[f]) for f in spec.shared_fields if props.get(f) is not None}
        body = {**shared, spec.members_field: [self._add_item(m) for m in members]}
        try:
            self.client.request(
                "POST",
                spec.add_url(parent),
                json=body,
                rate_label=spec.create_op.rate_label,
                operation=spec.create_op.id,
                not_found_codes=spec.parent_not_found_codes,
            )
        except NotFoundError as exc:
            if exc.code is not None and exc.code not in spec.parent_not_found_codes:
                raise
            raise ParentVanishedError(
                f"{spec.name}: {spec.parent_arg} {parent!r} does not exist in Zoom"
            ) from exc

    def _remove(
        self,
        parent: str,
        members: list[Any],
        live: list[dict[str, Any]],
        props: dict[str, Any],
    ) -> None:
        spec = self.mspec
        removal = spec.removal
        if spec.remove_op is None or not members:
            return
        pairs = [(m, self._member_id(m)) for m in members]
        if removal.live_id is not None:
            found = [(m, self._find(m, live)) for m in members]
            pairs = [(m, str(f[removal.live_id])) for m, f in found if f and f.get(removal.live_id)]
        size = 1 if removal.mode == "item" else removal.max_ids or len(pairs) or 1
        for start in range(0, len(pairs), size):
            self._remove_recovering(parent, pairs[start : start + size], props)

    def _remove_recovering(
        self, parent: str, pairs: list[tuple[Any, str]], props: dict[str, Any]
    ) -> None:
        """DELETE members (given with the ids they are removed by). After any failure the
        members are listed afresh: those gone are done (the call was applied, or they were
        already absent); a 5xx or a lost connection is tried again for the rest."""
        spec = self.mspec
        for attempt in range(1, ATTEMPTS + 1):
            try:
                self._remove_call(parent, [i for _, i in pairs], props)
                return
            except (ZoomTransportError, ZoomApiError) as exc:
                try:
                    live = self._list(parent, props)
                except ParentVanishedError:
                    log.info(
                        "%s: %s %s is gone with its members", spec.name, spec.parent_arg, parent
                    )
                    return
                pairs = [(m, i) for m, i in pairs if self._find(m, live) is not None]
                if not pairs:
                    log.info("%s: removed (%s answered %s)", spec.name, exc.operation, exc)
                    return
                retryable = isinstance(exc, ZoomTransportError) or exc.status >= 500
                if not retryable or attempt == ATTEMPTS:
                    raise

    def _remove_call(self, parent: str, ids: list[str], props: dict[str, Any]) -> None:
        spec = self.mspec
        op, removal = spec.remove_op, spec.removal
        assert op is not None
        params = self._filters(spec.remove_filters, props)
        body: dict[str, Any] | None = None
        if removal.mode == "item":
            (member_id,) = ids
            url = spec.remove_url(parent, member_id)
        else:
            url = spec.remove_url(parent)
            if removal.mode == "body":
                body = {removal.ids_field: ids}
            else:
                params[removal.ids_field] = ",".join(ids)  # arrays go comma-separated
        self.client.request(
            "DELETE",
            url,
            json=body,
            params=params or None,
            rate_label=op.rate_label,
            operation=op.id,
            not_found_codes=spec.member_not_found_codes | spec.parent_not_found_codes,
        )

    def _filters(self, names: tuple[str, ...], props: dict[str, Any]) -> dict[str, Any]:
        """Query values of shared fields: the declared value, else the API's documented
        default (``assign_type`` defaults to ``inbound``: what an add without it assigns)."""
        spec = self.mspec
        values = {n: normalize(props.get(n, spec.add_fields[n].default)) for n in names}
        return {n: v for n, v in values.items() if v is not None}

    def _list(self, parent: str, props: dict[str, Any]) -> list[dict[str, Any]]:
        return list(self._iter_members(parent, props))

    def _iter_members(self, parent: str, props: dict[str, Any]) -> Iterator[dict[str, Any]]:
        spec = self.mspec
        op = spec.list_op
        filters = self._filters(spec.list_filters, props)
        token: str | None = None
        while True:
            params = dict(filters)
            if spec.list_pages:
                params["page_size"] = MAX_PAGE_SIZE
                if token:
                    params["next_page_token"] = token
            try:
                page = self.client.request(
                    "GET",
                    spec.members_url(parent),
                    params=params or None,
                    rate_label=op.rate_label,
                    operation=op.id,
                    not_found_codes=spec.parent_not_found_codes,
                )
            except NotFoundError as exc:
                raise ParentVanishedError(f"{spec.name}: {parent} does not exist") from exc
            except ZoomApiError as exc:
                # Some parents (teams) answer 400 with their "does not exist" code.
                if exc.code in spec.parent_not_found_codes:
                    raise ParentVanishedError(f"{spec.name}: {parent} does not exist") from exc
                raise
            page = page or {}
            yield from (dict(i) for i in page.get(spec.list_key) or [])
            token = page.get("next_page_token") if spec.list_pages else None
            if not token:
                return

    def _outputs(
        self, parent: str, props: dict[str, Any], *, verify: bool = False
    ) -> dict[str, Any]:
        """The declared members still present (with their live attributes), and the rest
        of the declared arguments."""
        spec = self.mspec
        live = self._list(parent, props)
        declared = self._declared(props)
        kept: list[Any] = []
        missing: list[str] = []
        for member in declared:
            found = self._find(member, live)
            if found is None:
                missing.append(self._member_id(member))
                continue
            if isinstance(member, dict):
                item = dict(member)
                for attr, live_field in spec.attributes.items():
                    if live_field in found:
                        item[attr] = normalize(found[live_field])
                kept.append(item)
            else:
                kept.append(member)
        if verify and missing:
            raise MemberNotAddedError(
                f"{spec.name}: Zoom did not add {missing} to {spec.parent_arg} {parent!r} "
                "(unknown ids, or ids of the wrong kind?)"
            )
        outs: dict[str, Any] = {spec.parent_arg: parent, spec.members_field: kept}
        for name in spec.shared_fields:
            if props.get(name) is not None:
                outs[name] = normalize(props[name])
        return outs

    # ---- members ----------------------------------------------------------------------
    def _parent(self, props: dict[str, Any]) -> str:
        spec = self.mspec
        parent = props.get(spec.parent_arg)
        if not parent:
            raise ValueError(f"{spec.name}: '{spec.parent_arg}' is required")
        return str(parent)

    def _declared(self, props: dict[str, Any]) -> list[Any]:
        members = normalize(props.get(self.mspec.members_field) or [])
        return list(members) if isinstance(members, list) else []

    def _member_id(self, member: Any) -> str:
        key = self.mspec.member_key
        if key is not None and isinstance(member, dict):
            return str(member.get(key) or "")
        return str(member)

    def _add_item(self, member: Any) -> Any:
        if isinstance(member, dict):
            return {k: v for k, v in member.items() if v is not None}
        return member

    def _find(self, member: Any, live: list[dict[str, Any]]) -> dict[str, Any] | None:
        wanted = self._member_id(member)
        fold = "@" in wanted  # emails compare case-insensitively, ids exactly
        for item in live:
            for key in self.mspec.match_keys:
                value = str(item.get(key) or "")
                if value == wanted or (fold and value.lower() == wanted.lower()):
                    return item
        return None

    def _present(self, member: Any, live: list[dict[str, Any]]) -> bool:
        """Whether ``member`` is listed with its declared attributes."""
        found = self._find(member, live)
        return found is not None and self._attributes_match(member, found)

    def _attributes_match(self, member: Any, found: dict[str, Any]) -> bool:
        if not isinstance(member, dict):
            return True
        return all(
            member.get(attr) is None or matches(member.get(attr), found.get(live_field))
            for attr, live_field in self.mspec.attributes.items()
        )
