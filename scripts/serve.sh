#!/usr/bin/env bash
# Serves build/web on http://127.0.0.1:$CCAP_PORT (default 8080) until interrupted.
# Python's http.server sends .wasm as application/wasm; it does not compress (fine locally).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ -f "$WEB_OUT/ccap.wasm" ] || die "nothing to serve in $WEB_OUT: run scripts/build.sh"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already in use: stop what runs there, or choose another with CCAP_PORT=8081"
fi
log "Clean Air Atlas is at  http://127.0.0.1:$PORT/   (Ctrl+C stops the server)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WEB_OUT"
