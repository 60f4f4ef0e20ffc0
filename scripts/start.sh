#!/usr/bin/env bash
# Quick start: install what is missing, build, and serve the app with its built-in data.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh" --serve
exec "$ROOT/scripts/serve.sh"
