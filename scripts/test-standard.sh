#!/usr/bin/env bash
# Runs Odoo's own crm and sale_crm test suites in a database where both addons are installed.
# Odoo runs at_install tests right after each module is loaded, so crm's at_install tests run before our
# addons are loaded, exactly as in any Odoo database; the post_install tests run with our addons in place.
source "$(dirname "$0")/lib.sh"

setup_all
DB="${TEST_DB:-crm_extended_standard_$$}"
trap 'drop_db "$DB"' EXIT
drop_db "$DB"

log "Installing crm, sale_crm and both addons with Odoo's crm and sale_crm tests enabled"
odoo -c "$CONFIG" -d "$DB" -i "crm,sale_crm,$ADDONS" --test-enable --test-tags /crm,/sale_crm \
    --stop-after-init --log-level=test 2>&1 | tee "$LOCAL/test-standard.log" | grep -E " (ERROR|CRITICAL) |FAIL:|tests? (failed|error)|: [0-9]+ failed" || true
summary=$(grep -E "odoo.tests.result: .*tests" "$LOCAL/test-standard.log" | tail -1)
echo "$summary"
if grep -qE " (ERROR|CRITICAL) " "$LOCAL/test-standard.log" || ! grep -q "tests" <<<"$summary"; then
    die "Odoo's crm/sale_crm tests failed with our addons installed (log: .local/test-standard.log)"
fi
