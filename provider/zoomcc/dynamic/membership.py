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
    CreateResult,
    UpdateResult,
)

from zoomcc.client import NotFoundError, ZoomApiError, ZoomTransportError
from zoomcc.dynamic.base import FieldDiff
from zoomcc.dynamic.members import (
    add_item,
    as_declared,
    attributes_match,
    declared,
    listed_member,
    member_id,
    present,
)
from zoomcc.dynamic.parent import ParentProvider, ParentVanishedError
from zoomcc.dynamic.recovery import CREATE_ATTEMPTS
from zoomcc.dynamic.values import is_unknown, normalize
from zoomcc.resources.membership import MembershipSpec

log = logging.getLogger("zoomcc.provider")

ATTEMPTS = CREATE_ATTEMPTS
"""Add (or remove) calls of one chunk at most, each after a fresh list proved it needed."""


class MemberNotAddedError(Exception):
    """The API accepted the add call but some declared members are not there."""


class MembershipProvider(ParentProvider[MembershipSpec]):
    """Add/remove the declared members of one parent; never touch the others."""

    kind = MembershipSpec
    import_refusal = "members already present are adopted as they are"

    # ---- check / diff -------------------------------------------------------------------
    def _kind_failures(self, inputs: dict[str, Any], reported: set[str]) -> list[CheckFailure]:
        spec = self.spec
        members = inputs.get(spec.members_field)
        if not isinstance(members, list) or is_unknown(members):
            return []
        ids = [member_id(spec, m) for m in members]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if not dupes:
            return []
        return [CheckFailure(spec.members_field, f"{spec.name}: members declared twice: {dupes}")]

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> FieldDiff:
        # An argument no longer declared is a change too (the members it listed leave).
        return self.on_parent_diff(olds, news, undeclared_changes=True)

    # ---- CRUD -----------------------------------------------------------------------------
    def create(self, props: dict[str, Any]) -> CreateResult:
        spec = self.spec
        parent = self._parent(props)
        try:
            live = self._list(parent, props)
        except ParentVanishedError:
            raise self._absent_on_create(parent) from None
        wanted = declared(spec, props)
        self._converge(parent, wanted, [], live, props)
        try:
            outs = self._outputs(parent, props, verify=True)
        except MemberNotAddedError:
            # A failed create leaves nothing behind: take out what this call added.
            added = [m for m in wanted if listed_member(spec, m, live) is None]
            self._remove(parent, added, self._list(parent, props), props)
            raise
        return CreateResult(parent, outs)

    def _read_outputs(self, parent: str, props: dict[str, Any]) -> dict[str, Any]:
        return self._outputs(parent, props)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        spec = self.spec
        parent = self._parent(news)
        try:
            live = self._list(parent, news)
        except ParentVanishedError:
            raise self._absent_on_update(parent) from None
        self._converge(parent, declared(spec, news), declared(spec, olds), live, news)
        return UpdateResult(self._outputs(parent, news, verify=True))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        spec = self.spec
        parent = self._parent_or_id(id_, props)
        try:
            live = self._list(parent, props)
        except ParentVanishedError:
            log.info("%s: %s %s is gone, and its members with it", spec.name, spec.parent_arg, id_)
            return
        listed = [m for m in declared(spec, props) if listed_member(spec, m, live) is not None]
        self._remove(parent, listed, live, props)

    # ---- the work -------------------------------------------------------------------------
    def _converge(
        self,
        parent: str,
        members: list[Any],
        previously: list[Any],
        live: list[dict[str, Any]],
        props: dict[str, Any],
    ) -> None:
        """Add what is declared and missing, re-assign what differs, remove what was dropped."""
        spec = self.spec
        wanted = {member_id(spec, m) for m in members}
        dropped = [
            m
            for m in previously
            if member_id(spec, m) not in wanted and listed_member(spec, m, live) is not None
        ]
        to_add: list[Any] = []
        reassign: list[Any] = []
        for member in members:
            found = listed_member(spec, member, live)
            if found is None:
                to_add.append(member)
            elif not attributes_match(spec, member, found):
                reassign.append(member)
        self._remove(parent, dropped + reassign, live, props)
        self._add(parent, reassign + to_add, props)
        if dropped and spec.removal.mode == "none":
            log.warning(
                "%s: the API cannot remove members; %s stay in Zoom, no longer managed",
                spec.name,
                [member_id(spec, m) for m in dropped],
            )

    def _add(self, parent: str, members: list[Any], props: dict[str, Any]) -> None:
        spec = self.spec
        size = spec.max_add or len(members) or 1
        for start in range(0, len(members), size):
            self._add_recovering(parent, members[start : start + size], props)

    def _add_recovering(self, parent: str, members: list[Any], props: dict[str, Any]) -> None:
        """POST one chunk, never blindly again: after a 5xx or a lost connection the members
        are listed afresh; those there were added, those proven absent are sent again."""
        spec = self.spec
        pending = members
        for attempt in range(1, ATTEMPTS + 1):
            try:
                self._add_call(parent, pending, props)
                return
            except (ZoomTransportError, ZoomApiError) as exc:
                if isinstance(exc, ZoomApiError) and exc.status < 500:
                    raise
                live = self._list(parent, props)
                pending = [m for m in pending if not present(spec, m, live)]
                if not pending:
                    log.warning("%s: the add call failed (%s) but was applied", spec.name, exc)
                    return
                if attempt == ATTEMPTS:
                    raise
                log.warning(
                    "%s: the add call failed (%s) and %s are not there; sending them again",
                    spec.name,
                    type(exc).__name__,
                    [member_id(spec, m) for m in pending],
                )

    def _add_call(self, parent: str, members: list[Any], props: dict[str, Any]) -> None:
        spec = self.spec
        shared = {f: normalize(props[f]) for f in spec.shared_fields if props.get(f) is not None}
        body = {**shared, spec.members_field: [add_item(m) for m in members]}
        try:
            self.client.call(
                spec.add_op,
                spec.add_url(parent),
                json=body,
                not_found_codes=spec.parent_not_found_codes,
            )
        except NotFoundError as exc:
            if not self._parent_gone(exc):
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
        spec = self.spec
        removal = spec.removal
        if spec.remove_op is None or not members:
            return
        pairs = [(m, member_id(spec, m)) for m in members]
        if removal.live_id is not None:
            found = [(m, listed_member(spec, m, live)) for m in members]
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
        spec = self.spec
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
                pairs = [(m, i) for m, i in pairs if listed_member(spec, m, live) is not None]
                if not pairs:
                    log.info("%s: removed (%s answered %s)", spec.name, exc.operation, exc)
                    return
                retryable = isinstance(exc, ZoomTransportError) or exc.status >= 500
                if not retryable or attempt == ATTEMPTS:
                    raise

    def _remove_call(self, parent: str, ids: list[str], props: dict[str, Any]) -> None:
        spec = self.spec
        op, removal = spec.remove_op, spec.removal
        assert op is not None
        params = self._filters(spec.remove_filters, props)
        body: dict[str, Any] | None = None
        if removal.mode == "item":
            (member_id,) = ids
            url = spec.remove_url(parent, member_id)
        else:
            url = spec.remove_url(parent)
            body, query = removal.request(ids)
            params |= query or {}
        self.client.call(
            op,
            url,
            json=body,
            params=params or None,
            not_found_codes=spec.member_not_found_codes | spec.parent_not_found_codes,
        )

    def _filters(self, names: tuple[str, ...], props: dict[str, Any]) -> dict[str, Any]:
        """Query values of shared fields: the declared value, else the API's documented
        default (``assign_type`` defaults to ``inbound``: what an add without it assigns)."""
        spec = self.spec
        values = {n: normalize(props.get(n, spec.add_fields[n].default)) for n in names}
        return {n: v for n, v in values.items() if v is not None}

    def members_of(self, parent: str, props: dict[str, Any]) -> list[Any]:
        """Every member ``parent`` has now, as the resource declares them (``pulumi import``
        of the membership, by its parent's id, declares them all)."""
        return as_declared(self.spec, self._list(parent, props))

    def _list(self, parent: str, props: dict[str, Any]) -> list[dict[str, Any]]:
        return list(self._iter_members(parent, props))

    def _iter_members(self, parent: str, props: dict[str, Any]) -> Iterator[dict[str, Any]]:
        spec = self.spec
        filters = self._filters(spec.list_filters, props)
        try:
            yield from (
                dict(item)
                for item in self.client.list(
                    spec.list_op,
                    spec.members_url(parent),
                    spec.list_key,
                    filters or None,
                    not_found_codes=spec.parent_not_found_codes,
                )
            )
        except NotFoundError as exc:
            raise self._vanished(parent) from exc
        except ZoomApiError as exc:
            # Some parents (teams) answer 400 with their "does not exist" code.
            if exc.code in spec.parent_not_found_codes:
                raise self._vanished(parent) from exc
            raise

    def _outputs(
        self, parent: str, props: dict[str, Any], *, verify: bool = False
    ) -> dict[str, Any]:
        """The declared members still present (with their live attributes), and the rest
        of the declared arguments."""
        spec = self.spec
        live = self._list(parent, props)
        kept: list[Any] = []
        missing: list[str] = []
        for member in declared(spec, props):
            found = listed_member(spec, member, live)
            if found is None:
                missing.append(member_id(spec, member))
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
