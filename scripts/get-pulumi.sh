#!/usr/bin/env bash
# Make a Pulumi CLI available offline: use `pulumi` from PATH, else build the pinned
# version from the Go module proxy into a cache directory (a second run takes seconds).
# Prints the directory to prepend to PATH.  Also writes the dynamic-provider shim
# `pulumi-resource-pulumi-python`, and tries to build the Python language host.
set -euo pipefail

PULUMI_VERSION="${PULUMI_VERSION:-v3.259.0}"
LANGHOST_COMMIT="${LANGHOST_COMMIT:-a05d88f24d05}"
CACHE_DIR="${ZOOMCC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-zoomcc}"
BIN_DIR="$CACHE_DIR/bin-$PULUMI_VERSION"
mkdir -p "$BIN_DIR"
log() { echo "get-pulumi: $*" >&2; }

write_shim() {
  cat >"$BIN_DIR/pulumi-resource-pulumi-python" <<'SHIM'
#!/usr/bin/env bash
# Dynamic-provider plugin: run pulumi.dynamic in the program's interpreter.
if [ -n "${PULUMI_RUNTIME_VIRTUALENV:-}" ] && [ -x "$PULUMI_RUNTIME_VIRTUALENV/bin/python" ]; then
  exec "$PULUMI_RUNTIME_VIRTUALENV/bin/python" -u -m pulumi.dynamic "$@"
fi
exec "${ZOOMCC_PYTHON:-python3}" -u -m pulumi.dynamic "$@"
SHIM
  chmod +x "$BIN_DIR/pulumi-resource-pulumi-python"
}

if [ -z "${ZOOMCC_FORCE_BUILD:-}" ] && command -v pulumi >/dev/null 2>&1 && [ "$(command -v pulumi)" != "$BIN_DIR/pulumi" ]; then
  write_shim
  log "using pulumi from PATH: $(command -v pulumi)"
  echo "$BIN_DIR"
  exit 0
fi

if [ ! -x "$BIN_DIR/pulumi" ]; then
  command -v go >/dev/null 2>&1 || { log "neither pulumi nor go is on PATH"; exit 1; }
  src="$CACHE_DIR/build-cli"
  mkdir -p "$src"
  cat >"$src/go.mod" <<MOD
module zoomcc/pulumibuild

go 1.24

require (
	github.com/pulumi/pulumi/pkg/v3 $PULUMI_VERSION
	github.com/pulumi/pulumi/sdk/v3 $PULUMI_VERSION
)

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
MOD
  cat >"$src/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
GO
  log "building pulumi $PULUMI_VERSION from the Go module proxy (first run only; several minutes)"
  (
    cd "$src"
    export GOFLAGS=-mod=mod
    go mod tidy -e >/dev/null 2>&1 || true
    go get github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@"$PULUMI_VERSION" >&2
    go build -trimpath -tags osusergo,grpcnotrace \
      -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION" \
      -o "$BIN_DIR/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
  )
  mv "$BIN_DIR/pulumi.tmp" "$BIN_DIR/pulumi"
fi

if [ ! -x "$BIN_DIR/pulumi-language-python" ] && [ ! -e "$BIN_DIR/.langhost-unavailable" ]; then
  lsrc="$CACHE_DIR/build-langhost"
  mkdir -p "$lsrc"
  log "trying the Python language host (commit $LANGHOST_COMMIT)"
  if (
    cd "$lsrc"
    [ -f go.mod ] || go mod init zoomcc/langhostbuild >/dev/null 2>&1
    export GOFLAGS=-mod=mod
    go get github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3@"$LANGHOST_COMMIT" >&2 &&
      go build -trimpath -o "$BIN_DIR/pulumi-language-python" github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3 >&2
  ); then
    log "language host built"
  else
    log "language host not available from the module proxy; Automation API inline programs still work"
    touch "$BIN_DIR/.langhost-unavailable"
  fi
fi

write_shim
echo "$BIN_DIR"
