"""Which arguments are files to upload (a flow's ``flow_file``, an asset item's
``upload_file``): typed ``str | pulumi.Asset`` and described as such, not as the reference's
multipart field."""

from __future__ import annotations

from zoomcc.codegen.sdk_names import type_name
from zoomcc.codegen.types import singular
from zoomcc.resources.base import BaseSpec
from zoomcc.resources.spec import ResourceSpec

FILE_TYPE = "str | pulumi.Asset"
FILE_DOC = (
    "The file to upload: a local path or a `pulumi.FileAsset`, sent as multipart form data. "
    "Its content's SHA-256 is kept in `content_hash`: changed content is a change, a moved "
    "or renamed file is not."
)


def file_fields(spec: BaseSpec) -> set[str]:
    """A top-level file argument by its API name (``flow_file``); a list item's file field as
    ``<item class>.<field>`` (``AssetItem.upload_file``)."""
    if not isinstance(spec, ResourceSpec) or spec.upload is None:
        return set()
    upload = spec.upload
    if upload.in_list is None:
        return {upload.file_field}
    return {f"{singular(type_name(spec, upload.in_list))}.{upload.file_field}"}
