#!/usr/bin/env bash
# Runs every test: both addons' tests with pytest-odoo (browser tours included, through its HTTP server)
# and the end-to-end tests in tests/ against real server processes, on throwaway databases; before them,
# Odoo's own crm and sale_crm suites with both addons installed (STANDARD=0 leaves those out).
source "$(dirname "$0")/lib.sh"

setup_all
DB="${TEST_DB:-crm_extended_test_$$}"
export E2E_TEMPLATE_DB="${DB}_template"
cleanup() { drop_db "$DB"; drop_db "$E2E_TEMPLATE_DB"; }
trap cleanup EXIT
cleanup

log "Installing both addons into the throwaway database $DB"
odoo -c "$CONFIG" -d "$DB" -i "$ADDONS" --stop-after-init --log-level=warn
db_psql -d postgres -qc "create database \"$E2E_TEMPLATE_DB\" template \"$DB\""

if [ "${STANDARD:-1}" = 1 ]; then
    "$ROOT/scripts/test-standard.sh"
fi

log "Running the tests"
export ODOO_RC="$CONFIG"
"$PYTHON" -m pytest --odoo-config "$CONFIG" --odoo-database "$DB" --odoo-http "$@"
