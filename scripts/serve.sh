#!/usr/bin/env bash
# Serves build/web on http://127.0.0.1:$CCAP_PORT (default 8080) until interrupted, as a production
# server should: each file as the .br or .gz that the build made, with its Content-Encoding, and
# .wasm as application/wasm (scripts/static_server.mjs: npm's http-server; docs/deploy.md).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ -f "$WEB_OUT/ccap.wasm" ] || die "nothing to serve in $WEB_OUT: run scripts/build.sh"
[ -f "$ROOT/node_modules/http-server/package.json" ] || die "the npm package http-server is missing: run scripts/setup.sh"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already in use: stop what runs there, or choose another with CCAP_PORT=8081"
fi
log "Clean Air Atlas is at  http://127.0.0.1:$PORT/   (Ctrl+C stops the server)"
exec node "$ROOT/scripts/static_server.mjs" "$WEB_OUT" --host 127.0.0.1 --port "$PORT"
