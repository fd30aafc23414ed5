"""An asset's media beside the exported program: downloaded from the item's
``asset_item_file_url`` (the emulator serves uploads there, to the account's bearer token),
with a note asking for the file only where the URL does not answer; the token goes only to
the API's host or Zoom's."""

from __future__ import annotations

from pathlib import Path

import pytest

from zoomcc.client import ZoomClient
from zoomcc.client.downloads import needs_token
from zoomcc.emulator import EmulatorServer
from zoomcc.exporter import plan, read_account, selected_specs, write_project

MEDIA = b"ID3\x03 a welcome in two bars"


def an_asset(api: ZoomClient) -> str:
    """An audio asset with one uploaded item: its id."""
    made = api.request(
        "POST",
        "/contact_center/asset_library/assets",
        files=[
            ("asset_name", (None, "Welcome")),
            ("asset_type", (None, "audio")),
            ("asset_items[0].asset_item_language", (None, "en-US")),
            ("asset_items[0].is_default", (None, "true")),
            ("asset_items[0].upload_file", ("welcome.mp3", MEDIA)),
        ],
        rate_label="HEAVY",
    )
    return str(made["asset_id"])


def exported(api: ZoomClient, out: Path, download: bool) -> str:
    result = plan(read_account(api, selected_specs(["Asset", "AssetCategory"])))
    write_project(result, out, "dev", api.download if download else None)
    return (out / "__main__.py").read_text()


def test_an_items_media_is_downloaded_beside_the_program(
    api: ZoomClient, emulator: EmulatorServer, tmp_path: Path
) -> None:
    an_asset(api)
    text = exported(api, tmp_path, download=True)
    assert '"upload_file": "assets/asset_welcome/en_us.mp3"' in text
    assert (tmp_path / "assets/asset_welcome/en_us.mp3").read_bytes() == MEDIA
    assert "did not give this asset's media back" not in text


def test_media_whose_url_does_not_answer_is_asked_for_in_a_note(
    api: ZoomClient, emulator: EmulatorServer, tmp_path: Path
) -> None:
    an_asset(api)
    emulator.state.store.files.clear()  # the URL now answers 404
    text = exported(api, tmp_path, download=True)
    assert "put it at assets/asset_welcome/en_us.mp3" in " ".join(text.split("\n# "))
    assert not (tmp_path / "assets").exists()


def test_without_a_download_the_note_asks_for_the_media(
    api: ZoomClient, emulator: EmulatorServer, tmp_path: Path
) -> None:
    an_asset(api)
    assert "did not give this asset's media back" in exported(api, tmp_path, download=False)


def test_the_emulator_serves_a_file_only_to_the_accounts_token(
    api: ZoomClient, emulator: EmulatorServer
) -> None:
    asset = an_asset(api)
    got = api.request("GET", f"/contact_center/asset_library/assets/{asset}")
    url = got["asset_items"][0]["asset_item_file_url"]
    assert url.startswith(emulator.url + "/file/")
    assert api.download(url) == MEDIA
    # The same file by another name of the host: not the API's host, so no token is sent,
    # and the emulator refuses it.
    assert api.download(url.replace("127.0.0.1", "localhost")) is None


TOKEN_HOSTS = [
    ("http://127.0.0.1:8765/file/asset_library/ab/x.mp3", True),
    ("https://file.zoom.us/file/x.mp3", True),
    ("https://zoomgov.com/file/x.mp3", True),
    ("https://cdn.example.com/x.mp3", False),
    ("https://zoom.us.example.com/x.mp3", False),
]


@pytest.mark.parametrize(("url", "sent"), TOKEN_HOSTS)
def test_the_token_goes_only_to_the_apis_host_or_zooms(url: str, sent: bool) -> None:
    assert needs_token(url, "http://127.0.0.1:8765/v2") is sent


@pytest.mark.parametrize("url", ["ftp://file.zoom.us/x.mp3", "file:///etc/passwd", ""])
def test_only_http_urls_are_downloaded(api: ZoomClient, url: str) -> None:
    assert api.download(url) is None
