#!/usr/bin/env bash
# Installs everything the product and its tests need on a fresh machine: the npm packages, the
# built extension, server and CLI (dist/), and the real editor (code-server with its Node 24)
# plus Debian's Chromium for end-to-end tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
npm ci --no-audit --no-fund
npm run --silent build
bash scripts/install-editor.sh
