"""Client settings: defaults, the environment, ZoomGov, validation; the secret hidden."""

from __future__ import annotations

import pickle

import pytest

from tests.support.client_calls import SECRET, settings
from zoomcc.client import ClientSettings


def test_settings_defaults_and_repr_hide_secret() -> None:
    s = settings()
    assert s.base_url == "https://api.zoom.us/v2"
    assert s.oauth_url == "https://zoom.us/oauth/token"
    assert s.plan == "pro" and s.max_retries == 4 and s.timeout == 30.0
    assert s.user_agent.startswith("pulumi-zoomcc/")
    assert s.client_secret.get_secret_value() == SECRET
    for text in (repr(s), str(s), s.model_dump_json()):
        assert SECRET not in text
    with pytest.raises(TypeError, match="not picklable"):
        pickle.dumps(s)


def test_settings_from_env_and_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZOOM_ACCOUNT_ID", "env-acct")
    monkeypatch.setenv("ZOOM_CLIENT_ID", "env-client")
    monkeypatch.setenv("ZOOM_CLIENT_SECRET", SECRET)
    monkeypatch.setenv("ZOOM_BASE_URL", "http://127.0.0.1:9999/v2/")
    monkeypatch.setenv("ZOOM_OAUTH_URL", "http://127.0.0.1:9999/oauth/token")
    monkeypatch.setenv("ZOOMCC_PLAN", "Business")
    s = ClientSettings.from_env(client_id="cfg-client", account_id=None)
    assert s.account_id == "env-acct"  # None overrides fall back to the environment
    assert s.client_id == "cfg-client"
    assert s.base_url == "http://127.0.0.1:9999/v2"
    assert s.oauth_url == "http://127.0.0.1:9999/oauth/token"
    assert s.plan == "business"
    assert not s.follows_api_url


def test_settings_from_env_missing_names_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ZOOM_CLIENT_ID", "only-client")
    with pytest.raises(ValueError, match="ZOOM_ACCOUNT_ID, ZOOM_CLIENT_SECRET") as info:
        ClientSettings.from_env()
    assert "only-client" not in str(info.value)


def test_settings_zoomgov_and_validation() -> None:
    gov = ClientSettings.zoomgov(account_id="a", client_id="c", client_secret=SECRET)
    assert gov.base_url == "https://api.zoomgov.com/v2"
    assert gov.oauth_url == "https://zoomgov.com/oauth/token"
    assert gov.follows_api_url
    with pytest.raises(ValueError):
        settings(plan="free")
    with pytest.raises(ValueError):
        settings(base_url="api.zoom.us/v2")
    with pytest.raises(ValueError):
        settings(client_secret="  ")
