"""Program-side lookups: the stack's `zoomcc:*` config reaches the API from the program."""

from __future__ import annotations

from typing import Any, TypeVar, cast

import pulumi
from pulumi.runtime.rpc import translate_output_properties

from zoomcc.lookup import lookup

Result = TypeVar("Result")

_KEYS = ("accountId", "clientId", "clientSecret", "baseUrl", "oauthUrl", "plan", "rateLimits")


def run_lookup(
    type_name: str,
    *,
    id: str | None = None,
    name: str | None = None,
    account: str | None = None,
    **parents: str | None,
) -> pulumi.Output[dict[str, Any]]:
    """The object as a dict of its fields (plus ``id``); the secret stays an Output.
    ``parents`` narrow a look-up by name where names repeat across parents (units...);
    ``account`` names a profile of ``zoomcc:accounts`` (default: the stack's own settings)."""
    config = pulumi.Config("zoomcc")
    if account is not None:
        # The profiles, secrets included, as the JSON the provider reads them from.
        profiles = config.get_secret("accounts") or pulumi.Output.from_input("")
        secret = pulumi.Output.from_input("")
    else:
        profiles = pulumi.Output.from_input("")
        secret = config.get_secret("clientSecret") or pulumi.Output.from_input("")

    def resolve(values: list[str]) -> dict[str, Any]:
        client_secret, accounts = values
        stack_config = {f"zoomcc:{k}": config.get(k) for k in _KEYS if k != "clientSecret"}
        if client_secret:
            stack_config["zoomcc:clientSecret"] = client_secret
        if accounts:
            stack_config["zoomcc:accounts"] = accounts
        given = {k: v for k, v in parents.items() if v is not None}
        return lookup(
            type_name, stack_config, object_id=id, name=name, parents=given, account=account
        )

    return pulumi.Output.all(secret, profiles).apply(resolve)


def as_result(result_type: type[Result], found: dict[str, Any]) -> Result:
    """A lookup's dict as its typed result (``GetQueueResult``): nested objects become their
    output classes, as the engine does for a resource's outputs; still a dict."""
    return cast(Result, translate_output_properties(found, lambda key: key, result_type))
