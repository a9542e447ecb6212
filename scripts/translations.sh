#!/usr/bin/env bash
# Regenerates every addon's i18n/<addon>.pot from the code and views as Odoo exports them, and merges it into
# i18n/cs.po and i18n/sk.po: new terms arrive untranslated, removed ones leave. Installs the addons into a
# throwaway database to export from, and drops it at the end. Translate what msgattrib lists afterwards.
source "$(dirname "$0")/lib.sh"

setup_all
DB="${TRANSLATIONS_DB:-crm_extended_translations_$$}"
trap 'drop_db "$DB"' EXIT
drop_db "$DB"

log "Installing the addons into the throwaway database $DB"
odoo -c "$CONFIG" -d "$DB" -i "$ADDONS" --stop-after-init --log-level=warn

# Every addon of the folder, bridges that install themselves with the others included.
for manifest in "$ROOT"/addons/*/__manifest__.py; do
    module=$(basename "$(dirname "$manifest")")
    i18n="$ROOT/addons/$module/i18n"
    mkdir -p "$i18n"
    log "Exporting $module"
    "$PYTHON" -m odoo i18n export -c "$CONFIG" -d "$DB" -l pot -o "$i18n/$module.pot" "$module"
    for lang in cs sk; do
        [ -f "$i18n/$lang.po" ] || msginit --no-translator --no-wrap -l "$lang" -i "$i18n/$module.pot" -o "$i18n/$lang.po"
        msgmerge --quiet --update --backup=none --no-fuzzy-matching "$i18n/$lang.po" "$i18n/$module.pot"
        msgattrib --no-obsolete -o "$i18n/$lang.po" "$i18n/$lang.po"
        missing=$(msgattrib --untranslated --no-obsolete "$i18n/$lang.po" | grep -c '^msgid' || true)
        [ "$missing" -le 1 ] || printf '  %s/%s.po: %s terms to translate\n' "$module" "$lang" "$((missing - 1))" >&2
    done
done
