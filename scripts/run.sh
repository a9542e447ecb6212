#!/usr/bin/env bash
# Serves the web client on 127.0.0.1 with a database that has both addons and demo data.
# A second run reuses the database; UPDATE=1 upgrades the addons first.
source "$(dirname "$0")/lib.sh"

DB="${ODOO_DB:-crm_extended}"
PORT="${ODOO_PORT:-8069}"
WITH_BROWSER=0 setup_all

addons_installed() {
    [ "$(db_psql -d "$DB" -Atqc "select count(*) from ir_module_module
        where name in ('crm_extended', 'crm_accounting_link') and state = 'installed'" 2>/dev/null)" = 2 ]
}

owner=$(db_owner "$DB")
[ -z "$owner" ] || [ "$owner" = "$DB_USER" ] || die "the database $DB belongs to the PostgreSQL role $owner, \
not to this checkout's role $DB_USER; give this checkout a database of its own: ODOO_DB=${DB}_2 $0"
if [ -z "$owner" ] || ! addons_installed; then
    log "Creating database $DB with both addons and demo data (a few minutes, once)"
    odoo -c "$CONFIG" -d "$DB" -i "$ADDONS" --with-demo --load-language=cs_CZ,sk_SK --stop-after-init
elif [ "${UPDATE:-0}" = 1 ]; then
    log "Upgrading the addons in $DB"
    odoo -c "$CONFIG" -d "$DB" -u "$ADDONS" --stop-after-init
fi

cat >&2 <<MSG

  Odoo is starting on http://127.0.0.1:$PORT/odoo
  Log in with admin / admin (the demo administrator); demo users log in with their login as password.
  Press Ctrl+C to stop.

MSG
exec "$PYTHON" -m odoo -c "$CONFIG" -d "$DB" --db-filter "^$DB\$" --http-interface 127.0.0.1 --http-port "$PORT"
