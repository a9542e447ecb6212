#!/usr/bin/env bash
# Run by the postgres image when it initialises the primary's data: the official image lets its user connect
# to databases only; a streaming replica also needs a replication connection, with the same password check.
set -euo pipefail
rule='host replication odoo all scram-sha-256'
grep -qxF "$rule" "$PGDATA/pg_hba.conf" || echo "$rule" >> "$PGDATA/pg_hba.conf"
