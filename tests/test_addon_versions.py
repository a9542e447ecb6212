"""An addon's version moves with its data model: when the models, fields, selection values or SQL constraints an
addon brings change, its manifest version must change too, so that ``-u`` runs its migrations and an integrator
sees from the version that the upgrade touches the database.

addon_schemas.json next to this file records, per addon, the version and a digest of the data model it was
recorded with. The test fails when the digest changes under the same version, and asks for the file to be
updated when the version changes."""

import ast
import hashlib
import json
import pathlib

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

HERE = pathlib.Path(__file__).parent
ADDONS_DIR = HERE.parent / 'addons'
RECORDED = HERE / 'addon_schemas.json'

# What of a model reaches the database, each row tagged with the addon whose XML id declares it.
SCHEMA_QUERIES = {
    'models': """SELECT d.module, m.model FROM ir_model m
                  JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id""",
    'fields': """SELECT d.module, f.model, f.name, f.ttype, f.relation, f.relation_table, f.column1, f.column2,
                        f.store, f.required, f.index, f.translate, f.company_dependent, f.on_delete
                   FROM ir_model_fields f
                   JOIN ir_model_data d ON d.model = 'ir.model.fields' AND d.res_id = f.id""",
    'selections': """SELECT d.module, f.model, f.name, s.value FROM ir_model_fields_selection s
                       JOIN ir_model_fields f ON f.id = s.field_id
                       JOIN ir_model_data d ON d.model = 'ir.model.fields.selection' AND d.res_id = s.id""",
    'constraints': """SELECT mm.name, c.name, c.type, c.definition FROM ir_model_constraint c
                        JOIN ir_module_module mm ON mm.id = c.module""",
}


def manifest_version(addon):
    return ast.literal_eval((ADDONS_DIR / addon / '__manifest__.py').read_text())['version']


@tagged('post_install', '-at_install')
class TestAddonVersions(TransactionCase):
    def _schema_digests(self, addons):
        rows = {addon: [] for addon in addons}
        for kind, query in SCHEMA_QUERIES.items():
            self.env.cr.execute(SQL(query))
            for module, *row in self.env.cr.fetchall():
                if module in rows:
                    rows[module].append([kind, *row])
        return {
            addon: hashlib.sha256(json.dumps(sorted(rows[addon], key=str), default=str).encode()).hexdigest()
            for addon in addons
        }

    def test_a_changed_data_model_comes_with_a_new_version(self):
        addons = sorted(path.parent.name for path in ADDONS_DIR.glob('*/__manifest__.py'))
        recorded = json.loads(RECORDED.read_text())
        current = {
            addon: {'version': manifest_version(addon), 'schema': digest}
            for addon, digest in self._schema_digests(addons).items()
        }
        changed_without_version = [
            addon
            for addon in addons
            if addon in recorded
            and current[addon]['schema'] != recorded[addon]['schema']
            and current[addon]['version'] == recorded[addon]['version']
        ]
        self.assertFalse(
            changed_without_version,
            'The data model of these addons changed but their version did not: bump the version in the manifest '
            '(with a migration where an upgrade needs one), then record it in tests/addon_schemas.json.',
        )
        self.assertEqual(
            recorded,
            current,
            'tests/addon_schemas.json is behind the addons; after checking the versions, record:\n'
            + json.dumps(current, indent=4, sort_keys=True),
        )
