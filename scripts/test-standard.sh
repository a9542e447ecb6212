#!/usr/bin/env bash
# Runs Odoo's own crm and sale_crm test suites in a database where both addons are installed.
# Odoo runs at_install tests right after each module is loaded, so crm's at_install tests run before our
# addons are loaded, exactly as in any Odoo database; the post_install tests run with our addons in place.
source "$(dirname "$0")/lib.sh"

setup_all
DB="${TEST_DB:-crm_extended_standard_$$}"
LOG="$LOCAL/test-standard.log"
trap 'drop_db "$DB"' EXIT
drop_db "$DB"

log "Running Odoo's crm and sale_crm tests with both addons installed (log: .local/test-standard.log)"
odoo -c "$CONFIG" -d "$DB" -i "crm,sale_crm,$ADDONS" --test-enable --test-tags /crm,/sale_crm \
    --http-port "$(free_port)" --stop-after-init --log-level=test > "$LOG" 2>&1 || true
grep -E " (ERROR|CRITICAL) |^(FAIL|ERROR):" "$LOG" | head -40 || true
summary=$(grep -E "odoo.tests.result: [0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests" "$LOG" | tail -1 | sed 's/.*odoo.tests.result: //')
echo "Odoo's crm and sale_crm tests: ${summary:-no result}"
[[ "$summary" =~ ^0\ failed,\ 0\ error\(s\)\ of\ [1-9][0-9]*\ tests ]] || die "Odoo's crm/sale_crm tests failed with our addons installed"
