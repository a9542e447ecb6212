#!/usr/bin/env bash
# A streaming replica of the local PostgreSQL server, for the load test's read-only routes:
#   bench/load/replica.sh start [port]   # copies the server with pg_basebackup, starts it in standby mode on
#                                        # 127.0.0.1 (a free port unless given) and prints the port
#   bench/load/replica.sh stop           # stops it and deletes its copy
# It lives in .local/replica, runs as the postgres system user and listens on loopback only. The copy holds every
# database of the server, as any physical replica does.
source "$(dirname "$0")/../../scripts/lib.sh"

REPLICA="$LOCAL/replica"
DATA="$REPLICA/data"
SLOT="replica_of_${DB_USER:-$(checkout_db_user)}"

server_bin() {
    local major
    major=$(as_postgres psql -p "$DB_PORT" -Atqc 'show server_version_num')
    major=$((major / 10000))
    [ -x "/usr/lib/postgresql/$major/bin/pg_ctl" ] || die "no PostgreSQL $major server programs in /usr/lib/postgresql/$major/bin"
    printf '/usr/lib/postgresql/%s/bin' "$major"
}

# A hot standby must allow at least as much as its primary of these settings, or it refuses to start.
primary_settings() {
    local setting
    for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
        printf "%s = %s\n" "$setting" "$(as_postgres psql -p "$DB_PORT" -Atqc "show $setting")"
    done
}

start() {
    local port="${1:-$(free_port)}" bin
    bin=$(server_bin)
    stop >/dev/null 2>&1 || true
    mkdir -p "$REPLICA"
    chown postgres: "$REPLICA"
    chmod 700 "$REPLICA"
    log "Copying the PostgreSQL server on port $DB_PORT into .local/replica (pg_basebackup)"
    # -R writes standby.signal and the connection to the primary: the copy starts as its streaming standby. Its
    # replication slot keeps the primary's WAL until the replica has it, however busy the primary is.
    as_postgres pg_basebackup -p "$DB_PORT" -D "$DATA" -R -X stream -c fast -C -S "$SLOT" >&2
    as_postgres tee "$DATA/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$REPLICA'
hot_standby = on
# Counts every statement run on the replica, so the load test can tell which ones it served.
shared_preload_libraries = 'pg_stat_statements'
$(primary_settings)
CONF
    as_postgres tee "$DATA/pg_hba.conf" >/dev/null <<'HBA'
local all postgres peer
host all all 127.0.0.1/32 scram-sha-256
HBA
    log "Starting the replica on 127.0.0.1:$port"
    as_postgres "$bin/pg_ctl" -D "$DATA" -l "$REPLICA/postgresql.log" -w start >&2
    [ "$(as_postgres psql -h "$REPLICA" -p "$port" -Atqc 'select pg_is_in_recovery()')" = t ] \
        || die "the replica on port $port is not in standby mode (see .local/replica/postgresql.log)"
    echo "$port" > "$REPLICA/port"
    echo "$port"
}

stop() {
    if [ -d "$DATA" ]; then
        log "Stopping the replica and deleting .local/replica"
        as_postgres "$(server_bin)/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
        rm -rf "$REPLICA"
    fi
    # A slot nobody reads would keep the primary's WAL for ever.
    as_postgres psql -p "$DB_PORT" -Atqc \
        "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '$SLOT'" >/dev/null
}

case "${1:-}" in
    start) shift; start "$@" ;;
    stop) stop ;;
    *) die "usage: $0 start [port] | stop" ;;
esac
