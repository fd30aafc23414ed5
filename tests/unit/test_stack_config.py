"""The provider's stack settings: a typo or a bad value is named at preview, never ignored."""

from __future__ import annotations

import pytest

from zoomcc.dynamic.config import config_problems

GOOD = {
    "zoomcc:accountId": "a",
    "zoomcc:clientId": "c",
    "zoomcc:clientSecret": "s",
    "zoomcc:baseUrl": "http://127.0.0.1:8765/v2",
    "zoomcc:plan": "business",
    "zoomcc:pacing": "false",
    "zoomcc:adoptExisting": "matching",
    "other:key": "not ours",
}

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
}


def test_a_complete_and_correct_config_has_no_problems() -> None:
    assert config_problems(GOOD) == []


@pytest.mark.parametrize(("config", "expected"), PROBLEMS.values(), ids=list(PROBLEMS))
def test_config_problems(config: dict[str, str], expected: str) -> None:
    problems = config_problems({**GOOD, **config})
    assert len(problems) == 1
    assert expected in problems[0]


def test_missing_credentials_name_the_keys_and_the_host_they_are_for() -> None:
    from zoomcc.dynamic.config import ConfigurationError, resolve_settings

    with pytest.raises(ConfigurationError) as missing:
        resolve_settings({"zoomcc:accountId": "a"}, environ={})
    message = str(missing.value)
    assert "https://api.zoom.us/v2" in message
    assert "zoomcc:clientId" in message and "zoomcc:clientSecret" in message
    assert "zoomcc:accountId" not in message
