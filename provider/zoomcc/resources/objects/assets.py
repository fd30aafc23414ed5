"""Resource specs: assets (the asset library) and flows."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from zoomcc.apispec import FieldSpec, Operation
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
    # reference line 3612: "Only assets in archived status can be deleted. Set the asset to
    # archived through this API before deleting." (DELETE ...?archive=true; otherwise 404,
    # 10010 "Unable to delete asset directly, archive it first.", line 3623).
    archive_before_delete="archive",
    provider="zoomcc.dynamic.irregular_assets:AssetProvider",
    summary="An asset-library entry (audio prompt, image, slides, video, text or saved reply) "
    "with one item per language. An item's `upload_file` is a local path or a "
    "`pulumi.FileAsset`; the files are uploaded as multipart and diffed by content hash, so "
    "an unchanged file never triggers an update. Items are matched to the live ones by "
    "`asset_item_language`; items no longer declared are deleted. Zoom deletes only "
    "archived assets: deleting the resource archives the asset, then deletes it; an asset "
    "still used elsewhere (a flow, a queue) cannot be deleted until it is removed there.",
    example='greeting = zoomcc.Asset("greeting", name="Greeting", type="audio", '
    'category_id=prompts.id, items=[{"asset_item_language": "en-US", "is_default": True, '
    '"upload_file": pulumi.FileAsset("greeting.mp3")}])',
)

PUBLISH = "publish"
"""The synthetic Flow input: publish the flow after each import or update."""


@dataclass(frozen=True, eq=False)
class _FlowSpec(_UploadSpec):
    """Flows: besides ``content_hash``, a ``publish`` switch (the publish operation). The
    file's path is no diff of its own and forces nothing: a content change (seen through
    ``content_hash``) is imported as a new version of the same flow."""

    @cached_property
    def input_fields(self) -> dict[str, FieldSpec]:
        fields = dict(super().input_fields)
        fields[PUBLISH] = FieldSpec(
            name=PUBLISH,
            type="boolean",
            description="Publish the flow (PUT .../publish) after each import or update. "
            "Setting it back to false does not unpublish: the API cannot.",
        )
        return dict(sorted(fields.items()))

    @cached_property
    def replace_fields(self) -> frozenset[str]:
        return super().replace_fields - {"flow_file"}

    @cached_property
    def publish_op(self) -> Operation:
        """``PUT /flows/{flowId}/publish``, called after an import or update (``publish``)."""
        return self.api.op("PUT", self.item_path + "/publish")

    @cached_property
    def operations(self) -> tuple[Operation, ...]:
        return (*super().operations, self.publish_op)


FLOW = _FlowSpec(
    name="Flow",
    collection_path="/contact_center/flows",
    item_path="/contact_center/flows/{flowId}",
    id_field="flow_id",
    renames={
        "name": "flow_name",
        "description": "flow_description",
        "file": "flow_file",
        "version_description": "flow_version_description",
    },
    # import_mode is always "new" on create (the provider's choice, see irregular_flows);
    # flow_version (edit) is taken from the live flow_versions.
    hidden_inputs=frozenset({"import_mode", "flow_version"}),
    provider="zoomcc.dynamic.irregular_flows:FlowProvider",
    summary="A flow imported from another flow's exported JSON (`file`: a local path or a "
    "`pulumi.FileAsset`, uploaded as multipart). The file is diffed by a hash of its JSON "
    "re-dumped with sorted keys, so reformatting an unchanged file, or moving it, never "
    "triggers an update. `name`, `description` and `version_description` change in place; "
    "changed content is imported as a new version of the same flow (the flow id, its entry "
    "points and the queues using it are kept). `publish=True` publishes the flow after each "
    "import or update; `status` is read-only (the API changes it only by publishing).",
    example='support = zoomcc.Flow("support", name="Support IVR", '
    'file=pulumi.FileAsset("flows/support.json"), publish=True)',
)

SPECS: tuple[ResourceSpec, ...] = (ASSET_CATEGORY, ASSET, FLOW)
