#!/usr/bin/env bash
# Runs the lint checks, then every test: the addons' tests with pytest-odoo (browser tours included, through its
# HTTP server) and the end-to-end tests in tests/ against real server processes, on throwaway databases; meanwhile, in the
# background, Odoo's own crm and sale_crm suites with both addons installed (STANDARD=0 leaves those out),
# whose result tests/test_standard_suites.py waits for, so that pytest's closing line reports everything.
source "$(dirname "$0")/lib.sh"

setup_all
# The full run starts with OCA's checks (.pre-commit-config.yaml), which fail on any new violation.
if [ $# -eq 0 ]; then
    log "Linting: pre-commit run --all-files"
    (cd "$ROOT" && "$PYTHON" -m pre_commit run --all-files --show-diff-on-failure)
fi
DB="${TEST_DB:-crm_extended_test_$$}"
export E2E_TEMPLATE_DB="${DB}_template"
cleanup() { wait; drop_db "$DB"; drop_db "$E2E_TEMPLATE_DB"; }
trap cleanup EXIT
cleanup

log "Installing both addons into the throwaway database $DB"
odoo -c "$CONFIG" -d "$DB" -i "$ADDONS" --stop-after-init --log-level=warn
db_psql -d postgres -qc "create database \"$E2E_TEMPLATE_DB\" template \"$DB\""

export CRM_SETUP_DONE=1
# A run narrowed by pytest arguments leaves Odoo's suites out unless STANDARD=1 asks for them.
if [ "${STANDARD:-$(( $# == 0 ))}" = 1 ]; then
    export STANDARD_OUTPUT="$LOCAL/test-standard.out" STANDARD_RESULT="$LOCAL/test-standard.rc"
    rm -f "$STANDARD_RESULT"
    log "Running Odoo's crm and sale_crm suites in the background (output: .local/test-standard.out)"
    ( "$ROOT/scripts/test-standard.sh" > "$STANDARD_OUTPUT" 2>&1; echo $? > "$STANDARD_RESULT.tmp"
      mv "$STANDARD_RESULT.tmp" "$STANDARD_RESULT" ) &
fi

export ODOO_RC="$CONFIG"
in_registry() { "$PYTHON" -m pytest --odoo-config "$CONFIG" --odoo-database "$DB" --odoo-http "$@"; }
if [ $# -gt 0 ]; then
    log "Running the tests"
    in_registry "$@"
    exit
fi

# The end-to-end tests that drive real server processes, each on databases of their own, run beside the tests
# inside this process's registry: on two cores, the waits of one group are the other's time to compute.
SERVER_OUTPUT="$LOCAL/test-servers.out"
mapfile -t server_tests < <(grep -L -E '^(from|import) odoo' "$ROOT"/tests/test_*.py)
mapfile -t registry_tests < <(grep -l -E '^(from|import) odoo' "$ROOT"/tests/test_*.py)
log "Running the end-to-end tests against real servers in the background (output: .local/test-servers.out)"
"$PYTHON" -m pytest -p no:odoo "${server_tests[@]}" > "$SERVER_OUTPUT" 2>&1 &
servers=$!
log "Running the tests inside the registry"
status=0
in_registry "$ROOT"/addons/*/tests "${registry_tests[@]}" || status=$?
wait "$servers" || status=$?
log "The end-to-end tests against real servers"
cat "$SERVER_OUTPUT"
exit "$status"
