#!/usr/bin/env bash
# Regenerates the README pictures in docs/screenshots/: installs both addons with demo data into a throwaway
# database and runs the screenshot modules (which the test run leaves out): each opens a page in headless Chromium
# and saves it as PNG.
source "$(dirname "$0")/lib.sh"

setup_all
DB="${SCREENSHOTS_DB:-crm_extended_screenshots_$$}"
trap 'drop_db "$DB"' EXIT
drop_db "$DB"

log "Installing both addons with demo data into the throwaway database $DB"
odoo -c "$CONFIG" -d "$DB" -i "$ADDONS" --with-demo --stop-after-init --log-level=warn

log "Taking the screenshots"
export ODOO_RC="$CONFIG" CRM_SCREENSHOTS_DIR="$ROOT/docs/screenshots"
mkdir -p "$CRM_SCREENSHOTS_DIR"
"$PYTHON" -m pytest --odoo-config "$CONFIG" --odoo-database "$DB" --odoo-http -q \
    addons/crm_extended/tests/readme_screenshots.py addons/crm_payment_reminder/tests/readme_screenshots.py \
    addons/crm_company_register/tests/readme_screenshots.py "$@"
ls -l "$CRM_SCREENSHOTS_DIR"
