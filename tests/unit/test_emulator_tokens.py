"""The emulator's OAuth endpoint and bearer tokens, over real HTTP: the account-credentials
grant, refusals, expiry and the token switches."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.support.emulator_calls import api as api  # fixture: a client with a token
from tests.support.emulator_calls import ask_token, assert_error, get_token
from tests.support.emulator_calls import emu as emu  # fixture: this module's emulator
from tests.support.emulator_calls import fresh_state as fresh_state  # fixture: autouse reset
from zoomcc.emulator import EmulatorServer


def test_token_flow_returns_a_bearer_token_for_the_configured_account(emu: EmulatorServer) -> None:
    response = ask_token(emu.oauth_url, in_query=True)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "scope", "api_url"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    assert body["api_url"] == emu.url
    check = httpx.get(
        emu.api_base_url + "/contact_center/queues",
        headers={"Authorization": f"Bearer {body['access_token']}"},
    )
    assert check.status_code == 200


@pytest.mark.parametrize(
    ("form", "auth", "error"),
    [
        ({"account_id": "emulator-account"}, ("emulator-client", "wrong"), "invalid_client"),
        ({"account_id": "emulator-account"}, ("someone-else", "emulator-secret"), "invalid_client"),
        ({"account_id": "other-account"}, ("emulator-client", "emulator-secret"), "invalid_client"),
        ({"account_id": "emulator-account"}, None, "invalid_client"),
    ],
)
def test_bad_credentials_are_refused(
    emu: EmulatorServer, form: dict[str, str], auth: tuple[str, str] | None, error: str
) -> None:
    response = ask_token(emu.oauth_url, account_id=form["account_id"], auth=auth)
    assert response.status_code == 400
    assert response.json() == {"reason": "Invalid client_id or client_secret", "error": error}


def test_wrong_grant_type_is_refused(emu: EmulatorServer) -> None:
    response = ask_token(emu.oauth_url, "client_credentials")
    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"


def test_configured_credentials_replace_the_defaults() -> None:
    with EmulatorServer(port=0, account_id="acc", client_id="cid", client_secret="s3") as emu:
        assert emu.credentials == {"account_id": "acc", "client_id": "cid", "client_secret": "s3"}
        ok = ask_token(emu.oauth_url, account_id="acc", auth=("cid", "s3"))
        default = ask_token(emu.oauth_url)
    assert ok.status_code == 200
    assert default.status_code == 400


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic Zm9vOmJhcg=="}],
    ids=["missing", "unknown", "not-bearer"],
)
def test_api_requires_a_valid_bearer_token(emu: EmulatorServer, headers: dict[str, str]) -> None:
    response = httpx.get(emu.api_base_url + "/contact_center/queues", headers=headers)
    assert_error(response, 401, 124, "Invalid access token.")


def test_expire_tokens_switch_invalidates_issued_tokens(
    emu: EmulatorServer, api: httpx.Client
) -> None:
    assert api.get("/contact_center/queues").status_code == 200
    assert httpx.post(emu.admin_url + "/expire_tokens").status_code == 204
    assert_error(api.get("/contact_center/queues"), 401, 124, "Access token has expired.")
    fresh = {"Authorization": f"Bearer {get_token(emu)}"}
    assert api.get("/contact_center/queues", headers=fresh).status_code == 200


def test_token_lifetime_is_configurable(emu: EmulatorServer) -> None:
    emu.state.configure(token_lifetime=0.3)
    response = ask_token(emu.oauth_url)
    assert response.json()["expires_in"] == 1
    headers = {"Authorization": f"Bearer {response.json()['access_token']}"}
    url = emu.api_base_url + "/contact_center/teams"
    assert httpx.get(url, headers=headers).status_code == 200
    time.sleep(0.4)
    assert_error(httpx.get(url, headers=headers), 401, 124, "Access token has expired.")


def test_token_endpoint_failure_switch(emu: EmulatorServer) -> None:
    emu.state.configure(token_failure_status=503)
    response = ask_token(emu.oauth_url)
    assert response.status_code == 503
    assert "access_token" not in response.json()
    emu.state.configure(token_failure_status=None)
    get_token(emu)
