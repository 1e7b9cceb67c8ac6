#!/usr/bin/env bash
# Runs the real-editor end-to-end tests: the workbench UI test (installs the newest
# twelve-factor-doctor-*.vsix, or $TFD_VSIX) and the extension-host integration tests (load the
# built extension from the repository). Expects `npm run package` to have run. Installs the
# editor first when needed (fast when it is already there). Exits non-zero if either fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/install-editor.sh

status=0
echo "== workbench UI test"
node --test --test-reporter=spec test/e2e/ui.test.mjs || status=1

echo "== extension-host integration tests"
node test/e2e/run-exthost.mjs || status=1

exit "$status"
