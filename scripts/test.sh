#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs what the tests need (Debian packages for the
# browser and LibreOffice tests, npm packages), then type checks, lints and runs the whole jest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
npm ci --no-audit --no-fund
npm run check
npx jest --ci --maxWorkers=2
