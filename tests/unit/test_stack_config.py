"""The provider's stack settings: a typo or a bad value is named at preview, never ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zoomcc.client.pacing import HEADROOM
from zoomcc.dynamic.config import (
    CLIENTS,
    SETTINGS,
    ConfigurationError,
    config_problems,
    resolve_settings,
)

GOOD = {
    "zoomcc:accountId": "a",
    "zoomcc:clientId": "c",
    "zoomcc:clientSecret": "s",
    "zoomcc:baseUrl": "http://127.0.0.1:8765/v2",
    "zoomcc:plan": "business",
    "zoomcc:pacing": "false",
    "zoomcc:rateLimits": json.dumps({"LIGHT": 30, "medium": "15"}),
    "zoomcc:adoptExisting": "matching",
    "zoomcc:accounts": json.dumps(
        {
            "sandbox": {
                "accountId": "sa",
                "clientId": "sc",
                "clientSecret": "ss",
                "baseUrl": "http://127.0.0.1:8766/v2",
                "rateLimits": {"HEAVY": 8},
            },
            "production": {"accountId": "pa", "clientId": "pc", "clientSecret": "ps"},
        }
    ),
    "other:key": "not ours",
}


def with_profile(**settings: str) -> dict[str, str]:
    """``zoomcc:accounts`` with one profile, ``sandbox``, holding ``settings``."""
    return {"zoomcc:accounts": json.dumps({"sandbox": settings})}


PROBLEMS = {
    "a misspelt setting is refused with the right name": (
        {"zoomcc:basUrl": "http://127.0.0.1:8765/v2"},
        "unknown setting zoomcc:basUrl: did you mean zoomcc:baseUrl?",
    ),
    "a plan Zoom does not sell is refused": ({"zoomcc:plan": "gold"}, "zoomcc:plan is 'gold'"),
    "pacing must be true or false": ({"zoomcc:pacing": "nope"}, "zoomcc:pacing is 'nope'"),
    "a base URL must be a URL": ({"zoomcc:baseUrl": "api.zoom.us"}, "must be an http(s) URL"),
    "adoption has two modes": (
        {"zoomcc:adoptExisting": "always"},
        "zoomcc:adoptExisting is 'always'",
    ),
    "a misspelt setting in an account profile is refused with the right name": (
        with_profile(acountId="a"),
        "unknown setting zoomcc:accounts.sandbox.acountId: did you mean accountId?",
    ),
    "a profile's values are checked like the stack's own": (
        with_profile(plan="gold"),
        "zoomcc:accounts.sandbox.plan is 'gold'",
    ),
    "an account's rate limits are by label, and the labels are Zoom's": (
        {"zoomcc:rateLimits": json.dumps({"LITE": 30})},
        "zoomcc:rateLimits.LITE is not a rate-limit label: the labels are LIGHT, MEDIUM, HEAVY",
    ),
    "a rate limit of zero is refused": (
        {"zoomcc:rateLimits": json.dumps({"LIGHT": 0})},
        "zoomcc:rateLimits.LIGHT is 0; it must be a positive number of requests per second",
    ),
    "a negative rate limit is refused": (
        {"zoomcc:rateLimits": json.dumps({"HEAVY": -5})},
        "zoomcc:rateLimits.HEAVY is -5; it must be a positive number",
    ),
    "a rate limit must be a number": (
        {"zoomcc:rateLimits": json.dumps({"MEDIUM": "fast"})},
        "zoomcc:rateLimits.MEDIUM is 'fast'; it must be a positive number",
    ),
    "rate limits are a map of label to number": (
        {"zoomcc:rateLimits": "30"},
        "zoomcc:rateLimits must map rate-limit labels to requests per second",
    ),
    "a profile's rate limits are checked like the stack's own": (
        with_profile(rateLimits={"LIGHT": 0}),  # type: ignore[arg-type]
        "zoomcc:accounts.sandbox.rateLimits.LIGHT is 0",
    ),
    "profiles must be a map of maps": (
        {"zoomcc:accounts": json.dumps({"sandbox": "a"})},
        "zoomcc:accounts must map each profile name to its settings",
    ),
}


def test_a_complete_and_correct_config_has_no_problems() -> None:
    assert config_problems(GOOD) == []


@pytest.mark.parametrize(("config", "expected"), PROBLEMS.values(), ids=list(PROBLEMS))
def test_config_problems(config: dict[str, str], expected: str) -> None:
    problems = config_problems({**GOOD, **config})
    assert len(problems) == 1
    assert expected in problems[0]


def test_a_problem_is_one_line() -> None:
    for config, _ in PROBLEMS.values():
        assert all("\n" not in problem for problem in config_problems({**GOOD, **config}))


@pytest.mark.parametrize(
    ("account", "expected"),
    [
        (None, {"LIGHT": 30.0, "MEDIUM": 15.0, "HEAVY": 10.0}),
        ("sandbox", {"LIGHT": 40.0, "MEDIUM": 20.0, "HEAVY": 8.0}),
        ("production", {"LIGHT": 20.0, "MEDIUM": 10.0, "HEAVY": 5.0}),
    ],
    ids=["the stack's limits", "a profile's own limits", "a profile without any: its plan's"],
)
def test_configured_rate_limits_reach_the_pacer_over_the_plan(
    account: str | None, expected: dict[str, float]
) -> None:
    """Stack (business plan, LIGHT and MEDIUM set): its own; a profile reads only its own
    (its plan is pro unless set), each paced at 95% of the limit like the plan's."""
    config = {**GOOD}
    if account == "sandbox":
        profiles = json.loads(GOOD["zoomcc:accounts"])
        profiles["sandbox"]["plan"] = "business"
        config["zoomcc:accounts"] = json.dumps(profiles)
    pacer = CLIENTS.get(resolve_settings(config, environ={}, account=account)).pacer
    paced = {label: 1 / pacer.interval(label) for label in expected}
    assert paced == pytest.approx({k: v * HEADROOM for k, v in expected.items()})


def test_rate_limits_come_from_the_environment_too() -> None:
    environ = {"ZOOMCC_RATE_LIMITS": '{"LIGHT": 25}'}
    config = {k: v for k, v in GOOD.items() if k != "zoomcc:rateLimits"}
    assert resolve_settings(config, environ=environ).rate_limits == {"LIGHT": 25.0}


def test_every_setting_is_in_the_readme() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert [key for key in SETTINGS if f"zoomcc:{key}" not in readme] == []


def test_missing_credentials_name_the_keys_and_the_host_they_are_for() -> None:
    with pytest.raises(ConfigurationError) as missing:
        resolve_settings({"zoomcc:accountId": "a"}, environ={})
    message = str(missing.value)
    assert "https://api.zoom.us/v2" in message
    assert "zoomcc:clientId" in message and "zoomcc:clientSecret" in message
    assert "zoomcc:accountId" not in message


def test_an_account_profile_is_read_on_its_own_never_from_the_stack_or_the_environment() -> None:
    environ = {"ZOOM_CLIENT_SECRET": "production secret from the environment"}
    config = {**GOOD, **with_profile(accountId="sa", clientId="sc")}
    with pytest.raises(ConfigurationError) as missing:
        resolve_settings(config, environ=environ, account="sandbox")
    message = str(missing.value)
    assert "account 'sandbox'" in message and "https://api.zoom.us/v2" in message
    assert "--secret --path 'zoomcc:accounts.sandbox.clientSecret'" in message
    assert "production secret" not in message


def test_an_unknown_account_names_the_profile_it_could_mean() -> None:
    with pytest.raises(ConfigurationError, match="did you mean 'sandbox'"):
        resolve_settings(GOOD, environ={}, account="sandbx")


def test_each_account_has_its_own_client_so_its_own_token_and_pacing() -> None:
    sandbox = resolve_settings(GOOD, environ={}, account="sandbox")
    production = resolve_settings(GOOD, environ={}, account="production")
    assert (sandbox.account_id, sandbox.base_url) == ("sa", "http://127.0.0.1:8766/v2")
    assert (production.account_id, production.base_url) == ("pa", "https://api.zoom.us/v2")
    assert CLIENTS.get(sandbox) is not CLIENTS.get(production)
    assert CLIENTS.get(sandbox) is CLIENTS.get(resolve_settings(GOOD, account="sandbox"))


@pytest.mark.parametrize(
    ("config", "said"),
    [(GOOD, None), ({**GOOD, "zoomcc:basUrl": "http://x/v2"}, "did you mean zoomcc:baseUrl?")],
    ids=["good settings pass", "a typo fails the program"],
)
def test_the_program_checks_the_stack_settings_before_its_first_resource(
    config: dict[str, str], said: str | None
) -> None:
    """The SDK's check, run by every resource's constructor: a RunError is the stack's
    error, once, where the provider would report it on whichever resource came first."""
    import pulumi
    from pulumi.runtime.config import CONFIG

    from pulumi_zoomcc._credentials import require_valid_config

    token = CONFIG.set(dict(config))
    try:
        if said is None:
            require_valid_config()
        else:
            with pytest.raises(pulumi.RunError, match=said):
                require_valid_config()
    finally:
        CONFIG.reset(token)
