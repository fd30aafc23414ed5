"""The base of every generated resource class."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import pulumi
import pulumi.dynamic

from pulumi_zoomcc._credentials import require_credentials, require_valid_config
from zoomcc.dynamic.accounts import ACCOUNT_KEY
from zoomcc.dynamic.adoption import ADOPTION_KEY
from zoomcc.dynamic.registry import provider_for
from zoomcc.resources import catalog


class ZoomResource(pulumi.dynamic.Resource, module="zoomcc", name="Resource"):
    """A Contact Center object managed through the spec-driven dynamic provider.

    Every output the API documents is registered (as an unknown until create), so
    ``queue.cc_queue_id`` and friends can be used as inputs of other resources.
    """

    _type_name: ClassVar[str]

    def __init__(
        self,
        resource_name: str,
        args: Mapping[str, Any],
        opts: pulumi.ResourceOptions | None = None,
        *,
        account: str | None = None,
    ) -> None:
        spec = catalog.get(self._type_name)
        outputs = set(spec.output_fields) | set(spec.input_fields)
        props: dict[str, Any] = {spec.friendly(f): None for f in sorted(outputs)}
        props[ADOPTION_KEY] = None
        props.update({k: v for k, v in args.items() if v is not None})
        if account is not None:
            # Only the profile's name: its credentials stay in the stack configuration.
            if not isinstance(account, str) or not account:
                raise TypeError(
                    f"{self._type_name} {resource_name!r}: account must be the name of a "
                    "profile in zoomcc:accounts, as a plain string"
                )
            props[ACCOUNT_KEY] = account
        require_valid_config()  # one error of the stack, not one on whichever resource is first
        require_credentials(account)  # at `up`: one error, not one per resource
        super().__init__(provider_for(spec.name, account), resource_name, props, opts)
