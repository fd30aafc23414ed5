"""check(): apply a spec's derived-field rules (``resources.derived``) to the inputs.

The inputs check() returns are what preview shows, what the state records and what
create/update send: deriving here keeps the three the same, so a derived value never diffs.
"""

from __future__ import annotations

from typing import Any

from pulumi.runtime.rpc import UNKNOWN

from zoomcc.dynamic.validation import to_api
from zoomcc.dynamic.values import is_unknown
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.derived_fields import derived_rules


def with_derived(spec: BaseSpec, inputs: dict[str, Any]) -> dict[str, Any]:
    """``inputs`` (friendly names) with every derived field filled in or normalised; a value
    derived from one not known yet (preview) is unknown too."""
    rules = derived_rules(spec.rules)
    if not rules:
        return inputs
    out = dict(inputs)
    document = to_api(spec, {k: v for k, v in inputs.items() if v is not None})
    for api_field, rule in rules:
        friendly = spec.friendly(api_field)
        declared = document.get(api_field)
        if is_unknown(declared):
            continue
        if declared is None and any(is_unknown(document.get(f)) for f in rule.sources()):
            out[friendly] = UNKNOWN
            continue
        value = rule.derive(declared, document)
        if value is not None:
            out[friendly] = value
            document[api_field] = value
    return out
