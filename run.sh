#!/usr/bin/env bash
# Start the application on the built-in demo data (pass a data file to open it instead).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$ROOT/scripts/setup.sh"
exec "$ROOT/.venv/bin/python" -m app "$@"
