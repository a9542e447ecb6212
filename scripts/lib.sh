# Shared steps of the run and test commands: each one checks first and only installs or starts what is missing.
# Sourced by the scripts in this folder; every setting can be overridden from the environment.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
PYTHON="${PYTHON:-python3}"
ODOO_SERIES="19.0"
ODOO_ARCHIVE_URL="${ODOO_ARCHIVE_URL:-https://nightly.odoo.com/19.0/nightly/src/odoo_19.0.latest.tar.gz}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-5432}"
# The PostgreSQL role this checkout connects as, recorded in .local/ by its first setup (see ensure_db_role).
DB_USER="${DB_USER:-$(cat "$LOCAL/db_user" 2>/dev/null || true)}"
ADDONS="crm_extended,crm_lead_scoring,crm_customer_care,crm_sales_kpi,crm_accounting_link,crm_customer_value,crm_company_register,crm_personal_data,survey,website_crm,mass_mailing,event"
CONFIG="$LOCAL/odoo.conf"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then su postgres -c "$(printf '%q ' "$@")"; else sudo -u postgres "$@"; fi
}

ensure_system_packages() {
    local wanted=(postgresql postgresql-client libpq-dev libldap2-dev libsasl2-dev python3-dev build-essential gettext)
    [ "${WITH_BROWSER:-1}" = 1 ] && wanted+=(chromium)
    local missing=()
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} = 0 ] && return
    command -v apt-get >/dev/null || die "missing system packages (${missing[*]}) and no apt-get to install them"
    log "Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_postgres() {
    if ! pg_isready -q -h "$DB_HOST" -p "$DB_PORT"; then
        log "Starting the local PostgreSQL cluster"
        local cluster
        cluster=$(pg_lsclusters -h 2>/dev/null | awk -v port="$DB_PORT" '$3 == port {print $1" "$2; exit}')
        [ -n "$cluster" ] || die "no local PostgreSQL cluster listens on port $DB_PORT (see pg_lsclusters)"
        as_root pg_ctlcluster $cluster start
        for _ in $(seq 30); do pg_isready -q -h "$DB_HOST" -p "$DB_PORT" && break; sleep 1; done
        pg_isready -q -h "$DB_HOST" -p "$DB_PORT" || die "PostgreSQL did not start on $DB_HOST:$DB_PORT"
    fi
    ensure_db_role
}

# Each checkout connects as a PostgreSQL role of its own, which may create databases and nothing more,
# so that setting up one checkout never changes the password another one logs in with. The role's name
# and password live in .local/ only.
ensure_db_role() {
    mkdir -p "$LOCAL"
    local password_file="$LOCAL/db_password"
    if [ -n "${DB_PASSWORD:-}" ]; then
        printf '%s' "$DB_PASSWORD" > "$password_file"
    elif [ ! -s "$password_file" ]; then
        "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(24), end="")' > "$password_file"
    fi
    chmod 600 "$password_file"
    DB_PASSWORD="$(cat "$password_file")"
    DB_USER="${DB_USER:-$(earlier_db_user)}"
    DB_USER="${DB_USER:-$(checkout_db_user)}"
    if ! db_login_works "$DB_USER"; then
        log "Setting up the PostgreSQL role $DB_USER of this checkout"
        as_postgres psql -p "$DB_PORT" -v ON_ERROR_STOP=1 -q \
            -v role="$DB_USER" -v password="$DB_PASSWORD" -v checkout="$ROOT" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" LOGIN CREATEDB PASSWORD :'password';
COMMENT ON ROLE :"role" IS :'checkout';
SQL
    fi
    printf '%s' "$DB_USER" > "$LOCAL/db_user"
}

# A fresh checkout's role is named after the checkout's absolute path, so two checkouts never share one.
checkout_db_user() {
    printf 'crm_extended_%s' "$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)"
}

# A checkout set up before each one had a role of its own connects as the role its .local/odoo.conf names
# (odoo); it keeps that role, and with it its databases, as long as its recorded password still logs in.
earlier_db_user() {
    local user
    user=$(sed -n 's/^db_user *= *//p' "$CONFIG" 2>/dev/null || true)
    if [ -n "$user" ] && db_login_works "$user"; then printf '%s' "$user"; fi
}

db_login_works() {
    PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$1" -d postgres -Atqc 'select 1' >/dev/null 2>&1
}

pip_install() {
    "$PYTHON" -m pip install -q --disable-pip-version-check "$@"
}

odoo_is_installed() {
    "$PYTHON" -c "import sys, odoo.release as r; sys.exit(r.series != '$ODOO_SERIES')" 2>/dev/null
}

ensure_odoo() {
    odoo_is_installed && return
    local src="${ODOO_SRC:-}"
    if [ -z "$src" ]; then
        src="$LOCAL/odoo-$ODOO_SERIES"
        if [ ! -f "$src/odoo/release.py" ]; then
            log "Downloading the Odoo $ODOO_SERIES source archive"
            mkdir -p "$src"
            if ! curl -fsSL --retry 2 "$ODOO_ARCHIVE_URL" | tar -xz -C "$src" --strip-components=1; then
                rm -rf "$src"
                die "Odoo $ODOO_SERIES is not importable and its source archive could not be downloaded.
Point ODOO_SRC at an Odoo $ODOO_SERIES source tree (the folder that holds odoo/ and addons/) and run again:
    ODOO_SRC=/path/to/odoo-$ODOO_SERIES $0"
            fi
        fi
    fi
    [ -f "$src/odoo/release.py" ] || die "ODOO_SRC=$src is not an Odoo source tree (no odoo/release.py)"
    log "Installing Odoo $ODOO_SERIES from $src"
    pip_install -r "$src/requirements.txt"
    pip_install setuptools wheel
    # Odoo's own requirements pin every library; --no-deps keeps its setup.py from pulling newer ones.
    pip_install --no-deps --no-build-isolation -e "$src"
    odoo_is_installed || die "Odoo was installed from $src but python cannot import Odoo $ODOO_SERIES"
}

ensure_python_packages() {
    local stamp="$LOCAL/requirements.sha1"
    local digest
    digest=$(sha1sum "$ROOT/requirements.txt" | cut -d' ' -f1)
    [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ] && "$PYTHON" -c 'import pytest_odoo, xlsxwriter' 2>/dev/null && return
    log "Installing Python packages from requirements.txt"
    pip_install -r "$ROOT/requirements.txt"
    echo "$digest" > "$stamp"
}

# .local/odoo.conf: config/odoo.conf with absolute paths and the generated secrets, never committed.
write_local_config() {
    local admin_file="$LOCAL/admin_passwd"
    [ -s "$admin_file" ] || "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(24), end="")' > "$admin_file"
    chmod 600 "$admin_file"
    sed -e "s|^addons_path *=.*|addons_path = $ROOT/addons|" \
        -e "s|^data_dir *=.*|data_dir = $LOCAL/data|" \
        -e "s|^db_host *=.*|db_host = $DB_HOST|" \
        -e "s|^db_port *=.*|db_port = $DB_PORT|" \
        -e "s|^db_user *=.*|db_user = $DB_USER|" \
        "$ROOT/config/odoo.conf" > "$CONFIG.tmp"
    printf 'db_password = %s\nadmin_passwd = %s\n' "$DB_PASSWORD" "${ODOO_ADMIN_PASSWD:-$(cat "$admin_file")}" >> "$CONFIG.tmp"
    chmod 600 "$CONFIG.tmp"
    mv "$CONFIG.tmp" "$CONFIG"
}

setup_all() {
    cd "$ROOT"
    # A command started by another one that already prepared everything only needs the database password
    # (its role was read from .local/ above).
    if [ "${CRM_SETUP_DONE:-0}" = 1 ]; then
        DB_PASSWORD="$(cat "$LOCAL/db_password")"
        return
    fi
    ensure_system_packages
    ensure_postgres
    ensure_odoo
    ensure_python_packages
    write_local_config
}

odoo() {
    "$PYTHON" -m odoo "$@"
}

free_port() {
    "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

db_psql() {
    PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"
}

# Database names are shared by every role of the PostgreSQL server: prints the role that owns database $1, if any.
db_owner() {
    db_psql -d postgres -Atqc "select pg_get_userbyid(datdba) from pg_database where datname = '$1'"
}

# Not "with (force)": PostgreSQL 15 refuses it to a role that is not superuser while autovacuum is in the database;
# a plain drop, once this role's sessions have ended, makes the autovacuum worker quit.
drop_db() {
    db_psql -d postgres -qc "select pg_terminate_backend(pid, 10000) from pg_stat_activity
        where datname = '$1' and usename = current_user and pid <> pg_backend_pid()" >/dev/null 2>&1 || true
    db_psql -d postgres -qc "drop database if exists \"$1\"" >/dev/null 2>&1 || true
    rm -rf "$LOCAL/data/filestore/$1"
}
