#!/usr/bin/env bash
# Kiosk soak: 24 simulated hours of an unattended kiosk in headless Chromium, memory printed every
# simulated hour (tests/bench/kiosk_soak.mjs). SOAK_HOURS, SOAK_STEP, SOAK_VISIT_MINUTES and
# SOAK_SIZE (e.g. 3840x2160) change the run. Figures go in docs/kiosk.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/build.sh" >/dev/null
log "kiosk soak: ${SOAK_HOURS:-24} simulated hours at ${SOAK_SIZE:-1920x1080}"
( cd "$ROOT" && node tests/bench/kiosk_soak.mjs )
