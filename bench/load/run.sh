#!/usr/bin/env bash
# Load test of a real server in prefork mode on a copy of a bench tier; builds the tier's template when missing.
#   bench/load/run.sh [small|medium|large] [options of bench/load/load.py, e.g. --duration 60 --requests 3000]
# REPLICA=1 starts a streaming replica of the database server first (bench/load/replica.sh) and serves the
# read-only routes from it; the replica is removed afterwards.
source "$(dirname "$0")/../../scripts/lib.sh"

TIER="${1:-small}"
shift || true
WITH_BROWSER=0 setup_all
export ODOO_RC="$CONFIG"
log "Template database of the $TIER tier (built once, then reused)"
"$PYTHON" "$ROOT/bench/generate.py" "$TIER"
replica=()
if [ "${REPLICA:-0}" = 1 ]; then
    trap '"$ROOT/bench/load/replica.sh" stop' EXIT
    replica=(--replica-port "$("$ROOT/bench/load/replica.sh" start)")
fi
log "Load test"
"$PYTHON" "$ROOT/bench/load/load.py" "$TIER" "${replica[@]}" "$@"
