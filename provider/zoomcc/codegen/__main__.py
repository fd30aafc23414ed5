"""``python -m zoomcc.codegen [--check]``: regenerate the SDK classes, the docs and the
plugin's package schema."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from zoomcc.codegen import conformance, docs, schema, sdk

ROOT = Path(__file__).resolve().parents[3]
SDK_DIR = ROOT / "sdk" / "pulumi_zoomcc"
DOCS_DIR = ROOT / "docs" / "resources"
SCHEMA = ROOT / "provider" / "zoomcc" / "plugin" / "schema.json"
README = ROOT / "README.md"
TABLE = re.compile(r"(<!-- resources:start -->\n).*?(<!-- resources:end -->)", re.S)


def expected() -> dict[Path, str]:
    files = {SDK_DIR / n: t for n, t in sdk.render_all().items()}
    files.update({DOCS_DIR / n: t for n, t in docs.render_all().items()})
    files[ROOT / "docs" / "conformance.md"] = conformance.render()
    files[SCHEMA] = schema.render()
    if README.exists():
        text = README.read_text()
        files[README] = TABLE.sub(lambda m: m.group(1) + docs.render_index() + m.group(2), text)
    return files


def main(argv: list[str]) -> int:
    stale = [p for p, t in expected().items() if not p.exists() or p.read_text() != t]
    if "--check" in argv:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)} (run python -m zoomcc.codegen)")
        return 1 if stale else 0
    DOCS_DIR.mkdir(parents=True, exist_ok=True)
    for path, text in expected().items():
        path.write_text(text)
    print(f"wrote {len(stale)} changed file(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
