"""Program-side lookups: the stack's `zoomcc:*` config reaches the API from the program."""

from __future__ import annotations

from typing import Any

import pulumi

from zoomcc.lookup import lookup

_KEYS = ("accountId", "clientId", "clientSecret", "baseUrl", "oauthUrl", "plan")


def run_lookup(
    type_name: str, *, id: str | None = None, name: str | None = None, **parents: str | None
) -> pulumi.Output[dict[str, Any]]:
    """The object as a dict of its fields (plus ``id``); the secret stays an Output.
    ``parents`` narrow a look-up by name where names repeat across parents (units...)."""
    config = pulumi.Config("zoomcc")
    secret = config.get_secret("clientSecret") or pulumi.Output.from_input("")

    def resolve(client_secret: str) -> dict[str, Any]:
        stack_config = {f"zoomcc:{k}": config.get(k) for k in _KEYS if k != "clientSecret"}
        if client_secret:
            stack_config["zoomcc:clientSecret"] = client_secret
        given = {k: v for k, v in parents.items() if v is not None}
        return lookup(type_name, stack_config, object_id=id, name=name, parents=given)

    return secret.apply(resolve)
