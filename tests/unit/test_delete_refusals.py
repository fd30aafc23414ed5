"""Deleting: archive first where Zoom asks it, "gone" only for documented not-found codes,
and a refusal that tells the user what to do (a scripted Zoom on httpx.MockTransport)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.support.scripted_zoom import Answer, Scripted
from zoomcc.client import ZoomApiError
from zoomcc.resources import catalog

ASSET = "/contact_center/asset_library/assets/a1"
CATEGORY = "/contact_center/asset_library/categories/c1"


GONE = Answer.error(404, 10009, "Asset not found.")
IN_USE = Answer.error(404, 10002, "This asset is being used.")
NOT_ARCHIVED = Answer.error(404, 10010, "Unable to delete asset directly, archive it first.")
CATEGORY_IN_USE = Answer.error(404, 10019, "This asset category is being used.")
DONE = Answer(204)


@dataclass(frozen=True)
class DeleteCase:
    name: str
    type_name: str
    answers: list[Answer]
    sent: list[str]
    """The requests sent, as ``METHOD path?query``."""
    advice: str | None
    """A fragment of the error's message; None: the delete succeeds."""


CASES = [
    DeleteCase(
        "an asset is archived, then deleted",
        "Asset",
        [DONE, DONE],
        [f"DELETE {ASSET}?archive=true", f"DELETE {ASSET}?"],
        None,
    ),
    DeleteCase(
        "an asset already gone (10009) is gone",
        "Asset",
        [GONE],
        [f"DELETE {ASSET}?archive=true"],
        None,
    ),
    DeleteCase(
        "an asset in use (10002) stays, and the error says to remove its uses",
        "Asset",
        [IN_USE],
        [f"DELETE {ASSET}?archive=true"],
        "Asset a1 cannot be deleted: it is still used by another object",
    ),
    DeleteCase(
        "an asset still not archived (10010) stays, and the error says to archive it",
        "Asset",
        [DONE, NOT_ARCHIVED],
        [f"DELETE {ASSET}?archive=true", f"DELETE {ASSET}?"],
        "Asset a1 cannot be deleted before it is archived",
    ),
    DeleteCase(
        "a category in use (10019) names the resources that use categories",
        "AssetCategory",
        [CATEGORY_IN_USE],
        [f"DELETE {CATEGORY}?"],
        "still used by another object (Asset.category_id",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_delete(case: DeleteCase) -> None:
    object_id = "a1" if case.type_name == "Asset" else "c1"
    zoom = Scripted(case.type_name, case.answers)
    if case.advice is None:
        zoom.provider.delete(object_id, {})
    else:
        with pytest.raises(ZoomApiError) as refused:
            zoom.provider.delete(object_id, {})
        assert case.advice in str(refused.value)
        assert refused.value.code == case.answers[-1].body["code"]
    assert zoom.sent == case.sent
    assert zoom.answers == []


def test_an_assets_not_found_codes_are_only_asset_not_found() -> None:
    """Derived from the reference: 10009 is "gone"; 10010 and 10002 are refusals."""
    assert catalog.get_object("Asset").not_found_codes == frozenset({10009})
    assert catalog.get_object("AssetCategory").not_found_codes == frozenset({10023})
