"""Resource specs: assets (the asset library) and flows."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from zoomcc.apispec import FieldSpec
from zoomcc.resources.spec import ResourceSpec

CONTENT_HASH = "content_hash"
"""The synthetic input holding a digest of the uploaded files, filled in by check()."""


@dataclass(frozen=True, eq=False)
class _UploadSpec(ResourceSpec):
    """Objects uploaded as multipart: ``content_hash`` is an argument the provider computes
    from the files' bytes during check, so a changed file shows a diff and an unchanged one
    none (a file path alone says nothing about the content)."""

    @cached_property
    def input_fields(self) -> dict[str, FieldSpec]:
        fields = dict(super().input_fields)
        fields[CONTENT_HASH] = FieldSpec(
            name=CONTENT_HASH,
            type="string",
            description="The SHA-256 of the uploaded content, computed by the provider "
            "during check; leave it unset.",
        )
        return dict(sorted(fields.items()))


ASSET_CATEGORY = ResourceSpec(
    name="AssetCategory",
    collection_path="/contact_center/asset_library/categories",
    item_path="/contact_center/asset_library/categories/{categoryId}",
    id_field="category_id",
    renames={"name": "category_name", "scope": "category_scope"},
    summary="A folder of the asset library. `scope` (system or agent) cannot be changed in "
    "place: changing it replaces the category. A category still holding assets cannot be "
    "deleted.",
    example='prompts = zoomcc.AssetCategory("prompts", name="IVR prompts", scope="system")',
)

ASSET = _UploadSpec(
    name="Asset",
    collection_path="/contact_center/asset_library/assets",
    item_path="/contact_center/asset_library/assets/{assetId}",
    id_field="asset_id",
    renames={
        "name": "asset_name",
        "description": "asset_description",
        "type": "asset_type",
        "items": "asset_items",
    },
    references={"category_id": "AssetCategory"},
    # Archived assets come back with restore=true; that is not a setting to manage.
    hidden_inputs=frozenset({"restore"}),
    provider="zoomcc.dynamic.irregular_assets:AssetProvider",
    summary="An asset-library entry (audio prompt, image, slides, video, text or saved reply) "
    "with one item per language. An item's `upload_file` is a local path or a "
    "`pulumi.FileAsset`; the files are uploaded as multipart and diffed by content hash, so "
    "an unchanged file never triggers an update. Items are matched to the live ones by "
    "`asset_item_language`; items no longer declared are deleted.",
    example='greeting = zoomcc.Asset("greeting", name="Greeting", type="audio", '
    'category_id=prompts.id, items=[{"asset_item_language": "en-US", "is_default": True, '
    '"upload_file": pulumi.FileAsset("greeting.mp3")}])',
)

SPECS: tuple[ResourceSpec, ...] = (ASSET_CATEGORY, ASSET)
