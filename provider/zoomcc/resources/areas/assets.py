"""Resource specs of the assets area: the asset library, flows and their entry points."""

from __future__ import annotations

from zoomcc.resources.base import BaseSpec
from zoomcc.resources.call_shapes import (
    ExtraInput,
    FollowUp,
    Newest,
    NewestHolds,
    NewVersion,
    Upload,
)
from zoomcc.resources.membership import MembershipSpec
from zoomcc.resources.object_calls import NameRefusal
from zoomcc.resources.removal import Removal
from zoomcc.resources.spec import ItemMerge, ResourceSpec

FLOW_VERSION = Newest("flow_versions", "flow_version")
"""A flow's newest version: the edit call requires it (reference line 11288:
"flow_version (required)") and the publish call names it."""

ASSET_CATEGORY = ResourceSpec(
    name="AssetCategory",
    collection_path="/contact_center/asset_library/categories",
    item_path="/contact_center/asset_library/categories/{categoryId}",
    id_field="category_id",
    # Reference line 3966: "Duplicate category name"
    name_refusal=NameRefusal(400, 10015, 3966),
    renames={"name": "category_name", "scope": "category_scope"},
    summary="A folder of the asset library. `scope` (system or agent) cannot be changed in "
    "place: changing it replaces the category. A category still holding assets cannot be "
    "deleted.",
    example='prompts = zoomcc.AssetCategory("prompts", name="IVR prompts", scope="system")',
)

ASSET = ResourceSpec(
    name="Asset",
    collection_path="/contact_center/asset_library/assets",
    item_path="/contact_center/asset_library/assets/{assetId}",
    id_field="asset_id",
    # Reference line 3328: "Duplicate asset name"
    name_refusal=NameRefusal(400, 10007, 3328),
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
    # Create and update are multipart/form-data; the reference does not say how the
    # asset_items list is encoded (sent as asset_items[<i>].<field> parts). Items are matched
    # to the live ones by language; items no longer declared are deleted (reference line
    # 3806: "Delete asset items ... The default asset item can't be deleted.").
    upload=Upload("upload_file", in_list="asset_items"),
    merged_lists={
        "asset_items": ItemMerge(
            id_field="asset_item_id",
            match_on="asset_item_language",
            removal=Removal(
                "body", "/contact_center/asset_library/assets/{assetId}/items", "asset_item_ids"
            ),
        )
    },
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

FLOW = ResourceSpec(
    name="Flow",
    collection_path="/contact_center/flows",
    item_path="/contact_center/flows/{flowId}",
    id_field="flow_id",
    # Reference line 11099: "The flow name already exists"
    name_refusal=NameRefusal(400, 3202, 11099),
    renames={
        "name": "flow_name",
        "description": "flow_description",
        "file": "flow_file",
        "version_description": "flow_version_description",
    },
    # import_mode is "new" on create: "version" would silently turn a create into a new
    # version of another flow sharing the name and channel. Changed content is imported with
    # "version" (reference line 10956: '"version" checks for existing flow by name + channel
    # and imports as new version'): the flow keeps its id, entry points and queues.
    hidden_inputs=frozenset({"import_mode", "flow_version"}),
    upload=Upload(
        "flow_file",
        canonical_json=True,
        nodes="flow_nodes",
        parts={"import_mode": "new"},
        # reference line 10956: '"version" checks for existing flow by name + channel and
        # imports as new version'; line 11099: 3202 "The flow name already exists.".
        new_version=NewVersion(
            {"import_mode": "version"},
            refusal=3202,
            hint="the import matches flows by name and channel, so the file's channel "
            "probably changed: declare a new resource (another resource and flow name) to "
            "import it as a new flow",
        ),
    ),
    update_fills={"flow_version": FLOW_VERSION},
    # reference line 11594: "Publish a flow version. Any other published version of the
    # flow will be replaced with the one specified in this request."
    # Reference line 11197: a version's "flow_version_status", "draft", "published",
    # "archived" or "debugging": a newest version already published needs no publish call.
    follow_ups=(
        FollowUp(
            ("PUT", "/publish"),
            "publish",
            query={"flow_version": FLOW_VERSION},
            done_when=NewestHolds(FLOW_VERSION, "flow_version_status", "published"),
        ),
    ),
    extra_inputs=(
        ExtraInput(
            "publish",
            "Publish the flow (PUT .../publish) after each import or update. Setting it back "
            "to false does not unpublish: the API cannot.",
            type="boolean",
        ),
    ),
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

FLOW_ENTRY_POINTS = MembershipSpec(
    name="FlowEntryPoints",
    summary="Entry points (phone numbers, chat and email addresses) that start a flow, each "
    "with its optional language and customer identity source; changing those re-assigns "
    "the entry point. `enable_detect_language` (email flows) applies to the call.",
    add_path="/contact_center/flows/{flowId}/entry_points",
    parent_param="flowId",
    parent_arg="flow_id",
    parent_type="Flow",
    members_field="entry_points",
    member_key="entry_id",
    attributes={
        "entry_language": "entry_language",
        "customer_identity_source": "customer_identity_source",
    },
    live_keys=("entry_id", "entry_number"),
    shared_fields=("enable_detect_language",),
    removal=Removal("body", "/contact_center/flows/{flowId}/entry_points", ids_field="entry_ids"),
    example='zoomcc.FlowEntryPoints("support-numbers", flow_id=support_flow.id, '
    'entry_points=[{"entry_id": main_number_id, "entry_language": "en-US"}])',
)

SPECS: tuple[BaseSpec, ...] = (ASSET_CATEGORY, ASSET, FLOW, FLOW_ENTRY_POINTS)
