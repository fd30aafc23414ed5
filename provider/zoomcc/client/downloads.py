"""Fetching a file the API names by URL (an asset item's ``asset_item_file_url``): one GET,
with the client's bearer token only where the file is served by the API's own host or
Zoom's (never sent to a third party's), and nothing raised: a URL that does not answer with
the file is ``None`` to the caller, who falls back to asking the user for it."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import httpx

from .auth import TokenProvider
from .stats import StatsRecorder

logger = logging.getLogger("zoomcc.client")

ZOOM_HOSTS = ("zoom.us", "zoomgov.com")
"""Hosts whose files take the account's token (``file.zoom.us``, ``zoom.us``...)."""

MAX_BYTES = 200 * 1024 * 1024
"""A download larger than this is not a media file: given up."""


def needs_token(url: str, api_base_url: str) -> bool:
    """Whether ``url`` is served by the API's host or Zoom's (the token goes nowhere else)."""
    host = urlsplit(url).hostname or ""
    if host and host == urlsplit(api_base_url).hostname:
        return True
    return any(host == h or host.endswith("." + h) for h in ZOOM_HOSTS)


def download(
    http: httpx.Client,
    auth: TokenProvider,
    stats: StatsRecorder,
    url: str,
    api_base_url: str,
) -> bytes | None:
    """The file at ``url`` (http or https only), or None where it does not answer with one."""
    if urlsplit(url).scheme not in ("http", "https"):
        return None
    headers = {"Accept": "*/*"}
    if needs_token(url, api_base_url):
        headers["Authorization"] = f"Bearer {auth.get().value}"
    stats.request("GET")
    try:
        with http.stream("GET", url, headers=headers, follow_redirects=True) as response:
            if not response.is_success:
                logger.info("GET of a file answered %s", response.status_code)
                return None
            data = bytearray()
            for chunk in response.iter_bytes():
                data += chunk
                if len(data) > MAX_BYTES:
                    return None
            return bytes(data)
    except httpx.HTTPError as exc:
        logger.info("GET of a file failed: %s", type(exc).__name__)
        return None
