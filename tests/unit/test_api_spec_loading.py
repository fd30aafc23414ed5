"""The packaged spec is read lazily: each operation is parsed when first asked for, and what a
lookup returns is what parsing the whole document gives."""

from __future__ import annotations

import io
import json
from importlib import resources

import pytest

from zoomcc.apispec import SPEC_RESOURCE, ApiSpec, Operation, generate, load_api_spec
from zoomcc.apispec.spec import _Whole

TEXT = resources.files("zoomcc.apispec").joinpath(SPEC_RESOURCE).read_text(encoding="utf-8")
WHOLE = _Whole.model_validate_json(TEXT).operations


def test_the_lazy_spec_holds_every_operation_of_the_document_in_order() -> None:
    lazy = ApiSpec.from_json(TEXT)
    assert [k.id for k in lazy.keys] == [o.id for o in WHOLE]
    assert lazy.operations == WHOLE


@pytest.mark.parametrize("op", WHOLE[::37], ids=lambda o: o.id)
def test_a_lookup_parses_only_the_operation_it_finds(op: Operation) -> None:
    lazy = ApiSpec.from_json(TEXT)
    assert lazy.op(op.method, op.path) == op
    assert repr(lazy) == f"ApiSpec({len(WHOLE)} operations, 1 parsed)"
    assert lazy.by_id(op.id) is lazy.op(op.method, op.path)


def test_text_in_another_layout_is_parsed_whole() -> None:
    compact = json.dumps(json.loads(TEXT), separators=(",", ":"))
    spec = ApiSpec.from_json(compact)
    assert repr(spec) == f"ApiSpec({len(WHOLE)} operations, {len(WHOLE)} parsed)"
    assert spec == ApiSpec.from_json(TEXT)


def test_rendering_the_lazy_spec_gives_the_packaged_text_back() -> None:
    assert generate.render(load_api_spec()) == TEXT


def test_an_unknown_operation_names_what_the_path_supports() -> None:
    with pytest.raises(KeyError, match="supports DELETE, GET, PATCH"):
        load_api_spec().op("PUT", "/contact_center/skills/categories/{skillCategoryId}")


def test_given_a_way_to_reopen_it_the_spec_reads_each_operation_again_once() -> None:
    opened: list[int] = []

    def reopen() -> io.BytesIO:
        opened.append(1)
        return io.BytesIO(TEXT.encode())

    lazy = ApiSpec.from_json(TEXT, reopen=reopen)
    op = WHOLE[5]
    assert lazy.op(op.method, op.path) == op
    assert lazy.by_id(op.id) == op
    assert len(opened) == 1


def test_the_packaged_spec_keeps_no_copy_of_its_text() -> None:
    held = [v for v in vars(load_api_spec()).values() if isinstance(v, bytes | str)]
    assert held and all(len(v) < 1_000 for v in held)
