#!/usr/bin/env bash
# Runs every test: both addons' tests with pytest-odoo (browser tours included, through its HTTP server)
# and the end-to-end tests in tests/ against real server processes, on throwaway databases.
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

log "Running the tests"
export ODOO_RC="$CONFIG"
"$PYTHON" -m pytest -p no:cacheprovider --odoo-config "$CONFIG" --odoo-database "$DB" --odoo-http \
    addons/crm_extended/tests addons/crm_accounting_link/tests tests "$@"
