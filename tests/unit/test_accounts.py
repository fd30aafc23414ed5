"""Account profiles on the provider side: what a resource's pickled provider carries, and
what moving a resource to another account does."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from pulumi.dynamic.dynamic import serialize_provider

from zoomcc.dynamic.base import PROVIDER_KEY
from zoomcc.dynamic.registry import provider_for

FIXTURES = Path(__file__).resolve().parents[1] / "support" / "fixtures"
OLD = {"name": "Languages", "skill_type": "text", "skill_category_id": "c1"}
MOVES = {
    "a resource moved to another account is replaced, the new one created first": (
        "sandbox", "production", ["account"],
    ),
    "a resource moved from the stack's own account to a profile is replaced": (
        None, "sandbox", ["account"],
    ),
    "a resource that stays in its account is not replaced": ("sandbox", "sandbox", []),
    "a resource of a stack without profiles is not replaced": (None, None, []),
}  # fmt: skip


def pickled(type_name: str, account: str | None) -> str:
    """The ``__provider`` a resource's state holds (what pulumi itself serialises)."""
    return serialize_provider(provider_for(type_name, account))


@pytest.mark.parametrize(("before", "after", "replaces"), MOVES.values(), ids=list(MOVES))
def test_moving_between_accounts(
    before: str | None, after: str | None, replaces: list[str]
) -> None:
    olds = {**OLD, PROVIDER_KEY: pickled("SkillCategory", before)}
    news = {**OLD, PROVIDER_KEY: pickled("SkillCategory", after)}
    diff = provider_for("SkillCategory", after).diff("c1", olds, news)
    assert diff.replaces == replaces
    assert diff.changes is bool(replaces)
    assert diff.delete_before_replace is False


def test_the_pickled_provider_names_the_type_and_the_profile_and_nothing_else() -> None:
    provider = provider_for("Queue", "sandbox")
    provider._stack_config = {"zoomcc:accounts": '{"sandbox": {"clientSecret": "s3cret"}}'}
    blob = base64.b64decode(serialize_provider(provider))
    assert b"sandbox" in blob and b"Queue" in blob
    assert b"s3cret" not in blob and b"accounts" not in blob
    assert len(blob) < 200


def test_without_an_account_the_pickle_is_the_one_0_1_0_wrote_byte_for_byte() -> None:
    """So a stack written before profiles existed shows no change after an upgrade."""
    written = json.loads((FIXTURES / "providers_pickled_by_0_1_0.json").read_text())
    assert written["Queue"]["class"] == "zoomcc.dynamic.provider:SpecProvider"
    assert pickled("Queue", None) == written["Queue"]["pickle"]
    assert pickled("Queue", "sandbox") != written["Queue"]["pickle"]
