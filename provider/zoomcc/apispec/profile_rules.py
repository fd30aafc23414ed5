"""Documented rules of consumer routing profiles' priority lists (``rule_table`` gathers
them with the rest; see ``zoomcc.apispec.documented_rules``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from zoomcc.apispec.documented_rules import Condition, DocumentedRule
from zoomcc.apispec.list_checks import Distinct

_CONSUMER_LINES: Final = (
    (31432, "create_a_consumer_routing_profile"),
    (31859, "update_a_consumer_routing_profiles_details"),
)
_VARIABLE: Final = Condition("attribute_type", ("global_variable", "address_book_variable"))
"""A priority on a variable, named by ``parameter.variable_id`` (line 31128: "Only used when
`attribute_type` is `global_variable` or `address_book_variable`")."""

# 4011: "Consumer routing profile has duplicated priority attributes."; 4014: "Duplicate
# variables in the consumer routing profile." Read per list: the examples (create lines
# 31207/31227, update 31815/31835) put one `global_variable` priority on the same variable in
# both lists. Within a list, a variable attribute is the variable (4014), any other its
# `attribute_type` (4011): if every attribute type counted once, no list could repeat a
# variable and 4014 could never be answered.
CONSUMER_RULES: Final[tuple[DocumentedRule, ...]] = tuple(
    DocumentedRule(code, line, (op,), "", check)
    for key in ("top_priorities", "accumulated_priorities")
    for code, check in (
        (4011, Distinct(key, "attribute_type", only=replace(_VARIABLE, negate=True))),
        (4014, Distinct(key, "parameter.variable_id", only=_VARIABLE)),
    )
    for line, op in _CONSUMER_LINES
)
"""Consumer routing profiles: each priority list on its own."""
