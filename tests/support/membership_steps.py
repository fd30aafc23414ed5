"""Steps the membership tests share: the calls a test makes "outside Pulumi" (as someone in the
web portal would), what Zoom lists, and whether the provider's requests kept to their query
contract."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs

from tests.support.cases import MembershipCase
from zoomcc.apispec import Operation
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.resources.membership import MembershipSpec


def member_id(spec: MembershipSpec, member: Any) -> str:
    return str(member[spec.member_key]) if spec.member_key else str(member)


def filters(case: MembershipCase, op: Operation | None) -> dict[str, Any]:
    """The shared fields ``op`` takes in its query (``assign_type``), as the case declares
    them or as the API defaults them: what picks this case's kind of member."""
    spec = case.spec
    if op is None:
        return {}
    return {
        f: case.extra.get(f, spec.add_fields[f].default)
        for f in spec.shared_fields
        if op.query_param(f) is not None
    }


def live_members(api: ZoomClient, case: MembershipCase, parent: str) -> set[str]:
    """Every member of ``parent`` in Zoom, by each of the ids it can be named by."""
    spec = case.spec
    page = api.request("GET", spec.members_url(parent), params=filters(case, spec.list_op) or None)
    found: set[str] = set()
    for item in page.get(spec.list_key) or []:
        found |= {str(item[k]) for k in spec.match_keys if item.get(k)}
    return found


def add_outside(api: ZoomClient, case: MembershipCase, parent: str, member: Any) -> None:
    spec = case.spec
    api.request("POST", spec.add_url(parent), json={**case.extra, spec.members_field: [member]})


def remove_outside(api: ZoomClient, case: MembershipCase, parent: str, member: Any) -> None:
    spec = case.spec
    one = member_id(spec, member)
    params = filters(case, spec.remove_op)
    mode = spec.removal.mode
    if mode == "item":
        api.request("DELETE", spec.remove_url(parent, one), params=params or None)
    elif mode == "query":
        api.request(
            "DELETE", spec.remove_url(parent), params={**params, spec.removal.ids_field: one}
        )
    else:
        api.request("DELETE", spec.remove_url(parent), json={spec.removal.ids_field: [one]})


def calls(emulator: EmulatorServer, spec: MembershipSpec) -> list[tuple[Operation, dict[str, str]]]:
    """The logged requests to ``spec``'s operations, each with the query it carried."""
    routes = sorted(
        (
            (re.compile("^/v2" + re.sub(r"\{[^}/]+\}", "[^/]+", op.path) + "$"), op)
            for op in spec.operations
        ),
        key=lambda route: route[1].path.count("{"),  # literal segments win
    )
    found = []
    for request in emulator.state.requests:
        op = next(
            (
                op
                for pattern, op in routes
                if op.method == request.method and pattern.match(request.path)
            ),
            None,
        )
        if op is not None:
            query = {k: v[-1] for k, v in parse_qs(request.query, keep_blank_values=True).items()}
            found.append((op, query))
    return found


def query_violations(emulator: EmulatorServer, case: MembershipCase) -> list[str]:
    """Where the requests to ``case``'s operations broke their query contract: a parameter
    the operation does not take, a required one missing, or a shared field (``assign_type``)
    the operation takes left out or sent with another value than the case's."""
    found = []
    for op, query in calls(emulator, case.spec):
        found += [f"{op.id}: {k} is not a parameter" for k in query if op.query_param(k) is None]
        found += [f"{op.id}: {k} is required" for k in op.required_query if k not in query]
        found += [
            f"{op.id}: {k}={query.get(k)!r}, not {v!r}"
            for k, v in filters(case, op).items()
            if query.get(k) != v
        ]
    return found
