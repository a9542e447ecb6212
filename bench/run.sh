#!/usr/bin/env bash
# Builds the tier's template database when it is missing, then measures on a throwaway copy of it.
#   bench/run.sh [small|medium|large] [options of bench/run.py, e.g. --install]
# SCALE=2 multiplies the tier's counts (template bench_template_<tier>_x2).
source "$(dirname "$0")/../scripts/lib.sh"

TIER="${1:-small}"
shift || true
SCALE="${SCALE:-1}"
WITH_BROWSER=0 setup_all

# The OCA peers from PyPI, for Odoo 19.0. --no-deps: their only requirement is Odoo itself, and letting pip
# resolve it would replace libraries Odoo pins (lxml among them) with newer ones.
if ! "$PYTHON" -c 'import odoo.addons.account_invoice_overdue_warn, odoo.addons.account_financial_risk' 2>/dev/null; then
    log "Installing the OCA peers account_invoice_overdue_warn and account_financial_risk"
    pip_install --no-deps "odoo-addon-account-invoice-overdue-warn>=19.0,<19.1" \
        "odoo-addon-account-financial-risk>=19.0,<19.1" || log "The OCA peers could not be installed: reported as unavailable"
fi

export ODOO_RC="$CONFIG"
log "Template database of the $TIER tier (built once, then reused)"
"$PYTHON" "$ROOT/bench/generate.py" "$TIER" --scale "$SCALE"
log "Measuring"
"$PYTHON" "$ROOT/bench/run.py" "$TIER" --scale "$SCALE" "$@"
