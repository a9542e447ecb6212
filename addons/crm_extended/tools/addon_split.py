"""Upgrade steps for a capability that leaves an addon for an addon of its own, as Odoo's upgrade scripts move
fields and records between modules: every record keeps its database row and its XML id's name, and only the
module that owns it changes. The new addon is then upgraded, not installed, so that the records it declares
``noupdate`` keep what the users changed in them.

What moves is read from the new addon's own files, so that its code is the one list of what it holds: the XML ids
its data and demo files declare, the models and fields its Python classes declare, and what Odoo derives from those
(ir.model, ir.model.fields and their selections, constraints, many2many relations, the ids of _inherits parents).
An id that the old addon still declares itself stays with it.
"""

import ast
import csv
import logging
import sys
from pathlib import Path

from lxml import etree

from odoo.modules.module import Manifest, adapt_version
from odoo.modules.module_graph import ModuleGraph
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# The XML elements whose id attribute names a record (odoo/tools/convert.py).
RECORD_TAGS = {'record', 'template', 'menuitem', 'function', 'report', 'act_window'}
# Folders of an addon whose Python classes are not models of it.
NOT_MODEL_FOLDERS = {'tests', 'migrations', 'upgrades', 'controllers', 'tools', 'static'}


def move_capability(cr, source, target):
    """Give ``target`` what it declares of what ``source`` holds in this database, and have it upgraded."""
    manifest = _manifest(target)
    source_state = _module_state(cr, source)
    if source_state not in ('installed', 'to upgrade'):
        return
    moved = _declarations(target, manifest)
    kept = _declarations(source, _manifest(source))
    names, patterns = _moved_xmlids(moved, kept)
    _blank_inheriting_views(cr, source)
    cr.execute(
        SQL(
            """UPDATE ir_model_data imd SET module = %(target)s
            WHERE imd.module = %(source)s
              AND (imd.name = ANY(%(names)s) OR imd.name LIKE ANY(%(patterns)s)
                   OR imd.name = ANY(SELECT moved || '_' || replace(imd.model, '.', '_') FROM unnest(%(names)s) moved))
              AND NOT EXISTS (SELECT FROM ir_model_data other
                               WHERE other.module = %(target)s AND other.name = imd.name)""",
            target=target,
            source=source,
            names=sorted(names),
            patterns=sorted(patterns),
        )
    )
    _logger.info("%s: %s XML ids moved to %s", source, cr.rowcount, target)
    _move_schema_records(cr, source, target, moved, kept)
    _upgrade_as_installed(cr, source, target, adapt_version(manifest['version']))


def rename_addon(cr, old, new):
    """Make ``new`` the installed addon that ``old`` was: its records, constraints and state pass to ``new``."""
    manifest = _manifest(new)
    cr.execute("SELECT id, state, demo FROM ir_module_module WHERE name = %s", [old])
    row = cr.fetchone()
    if not row or row[1] not in ('installed', 'to upgrade'):
        return
    old_id, _state, demo = row
    _blank_inheriting_views(cr, old)
    cr.execute("UPDATE ir_model_data SET module = %s WHERE module = %s", [new, old])
    cr.execute("SELECT id FROM ir_module_module WHERE name = %s", [new])
    [new_id] = cr.fetchone()
    for table in ('ir_model_constraint', 'ir_model_relation'):
        cr.execute(SQL("UPDATE %s SET module = %s WHERE module = %s", SQL.identifier(table), new_id, old_id))
    cr.execute(
        "UPDATE ir_module_module SET state = 'to upgrade', latest_version = %s, demo = %s WHERE id = %s",
        [adapt_version(manifest['version']), demo, new_id],
    )
    cr.execute(
        "DELETE FROM ir_model_data WHERE module = 'base' AND model = 'ir.module.module' AND name = %s",
        ['module_' + old],
    )
    cr.execute("DELETE FROM ir_module_module WHERE id = %s", [old_id])
    _upgrade_dependents(cr, new)
    _logger.info("%s renamed %s", old, new)


def _manifest(addon):
    manifest = Manifest.for_addon(addon, display_warning=False)
    if manifest is None:
        raise RuntimeError(
            f"The addon {addon} is not in the addons path: add the folder that holds it to the addons path "
            f"before this upgrade, which moves records into it."
        )
    return manifest


def _module_state(cr, name):
    cr.execute("SELECT state FROM ir_module_module WHERE name = %s", [name])
    row = cr.fetchone()
    return row and row[0]


class Declarations:
    """What an addon's files declare: XML ids of records, and models with their fields and constraints."""

    def __init__(self):
        self.xmlids = set()
        self.models = set()  # models the addon defines (_name)
        self.fields = {}  # {model: {field}} of every model the addon defines or extends
        self.constraints = {}  # {model: {constraint}}


def _declarations(addon, manifest):
    declared = Declarations()
    path = Path(manifest.path)
    for name in (*manifest.get('data', ()), *manifest.get('demo', ())):
        _read_data_file(addon, path / name, declared)
    for source in path.rglob('*.py'):
        if not NOT_MODEL_FOLDERS & set(source.relative_to(path).parts[:-1]):
            _read_python_file(source, declared)
    return declared


def _read_data_file(addon, file, declared):
    if file.suffix == '.csv':
        with file.open(newline='', encoding='utf-8') as rows:
            ids = (row.get('id', '') for row in csv.DictReader(rows))
            declared.xmlids.update(_local_xmlid(addon, xmlid) for xmlid in ids)
    elif file.suffix == '.xml':
        for element in etree.parse(str(file)).iter(*RECORD_TAGS):
            declared.xmlids.add(_local_xmlid(addon, element.get('id', '')))
    declared.xmlids.discard(None)


def _local_xmlid(addon, xmlid):
    module, dot, name = xmlid.rpartition('.')
    if not name or (dot and module != addon):
        return None
    return name


def _read_python_file(file, declared):
    for node in ast.walk(ast.parse(file.read_text(encoding='utf-8'))):
        if not isinstance(node, ast.ClassDef):
            continue
        assigned = {
            target.id: statement.value
            for statement in node.body
            if isinstance(statement, ast.Assign)
            for target in statement.targets
            if isinstance(target, ast.Name)
        }
        model = _model_name(assigned)
        if not model:
            continue
        if '_name' in assigned:
            declared.models.add(model)
        for attribute, value in assigned.items():
            kind = _called(value)
            if kind and kind[0] == 'fields':
                declared.fields.setdefault(model, set()).add(attribute)
            elif kind in (('models', 'Constraint'), ('models', 'Index'), ('models', 'UniqueIndex')):
                declared.constraints.setdefault(model, set()).add(attribute.lstrip('_'))


def _model_name(assigned):
    for attribute in ('_name', '_inherit'):
        value = assigned.get(attribute)
        if isinstance(value, ast.List) and value.elts:
            value = value.elts[0]
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return value.value
    return None


def _called(value):
    """('fields', 'Char') for ``fields.Char(...)``."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and isinstance(value.func.value, ast.Name):
        return value.func.value.id, value.func.attr
    return None


def _moved_xmlids(moved, kept):
    """The XML id names that move, and LIKE patterns for the ids Odoo derives from whole models."""
    names = moved.xmlids - kept.xmlids
    patterns = set()
    for model in moved.models - kept.models:
        table = model.replace('.', '_')
        names.add(f'model_{table}')
        patterns.update(
            _like(prefix) for prefix in (f'field_{table}__', f'selection__{table}__', f'constraint_{table}_')
        )
    for model, fields in moved.fields.items():
        if model in moved.models - kept.models:
            continue
        table = model.replace('.', '_')
        for field in fields - kept.fields.get(model, set()):
            names.add(f'field_{table}__{field}')
            patterns.add(_like(f'selection__{table}__{field}__'))
    for model, constraints in moved.constraints.items():
        table = model.replace('.', '_')
        names.update(f'constraint_{table}_{name}' for name in constraints - kept.constraints.get(model, set()))
    return names, patterns


def _like(prefix):
    return prefix.replace('\\', '\\\\').replace('_', '\\_').replace('%', '\\%') + '%'


def _move_schema_records(cr, source, target, moved, kept):
    """Constraints and many2many tables name their module by id, not by XML id."""
    models = sorted(moved.models - kept.models)
    constraints = sorted(
        f"{model.replace('.', '_')}_{name}"
        for model, names in moved.constraints.items()
        for name in names - kept.constraints.get(model, set())
    )
    for table in ('ir_model_constraint', 'ir_model_relation'):
        cr.execute(
            SQL(
                """UPDATE %(table)s row SET module = (SELECT id FROM ir_module_module WHERE name = %(target)s)
                WHERE row.module = (SELECT id FROM ir_module_module WHERE name = %(source)s)
                  AND (row.model IN (SELECT id FROM ir_model WHERE model = ANY(%(models)s))
                       OR row.name = ANY(%(constraints)s))""",
                table=SQL.identifier(table),
                target=target,
                source=source,
                models=models,
                constraints=constraints,
            )
        )


def _blank_inheriting_views(cr, module):
    """While an addon loads, the views it extends are checked together with the extensions in the database, some
    of which still name fields or extend views that now come from a new addon. Every extension of the module is
    loaded again from its files, or removed, in this upgrade: emptied until then."""
    cr.execute(
        """UPDATE ir_ui_view view SET arch_db = jsonb_build_object('en_US', '<data/>'), arch_prev = NULL
            FROM ir_model_data imd
           WHERE imd.model = 'ir.ui.view' AND imd.res_id = view.id AND imd.module = %s
             AND NOT COALESCE(imd.noupdate, false) AND view.inherit_id IS NOT NULL""",
        [module],
    )


def _upgrade_as_installed(cr, source, target, version):
    cr.execute(
        """UPDATE ir_module_module new SET state = 'to upgrade', latest_version = %s, demo = old.demo
             FROM ir_module_module old
            WHERE new.name = %s AND old.name = %s AND new.state IN ('uninstalled', 'to install')
        RETURNING new.demo""",
        [version, target, source],
    )
    for (demo,) in cr.fetchall():
        _load_as_upgrade(target, version=version, demo=demo)
    _upgrade_dependents(cr, target)


def _upgrade_dependents(cr, module):
    """The installed addons that now depend on ``module`` load after it, and load their files again, their views
    included."""
    cr.execute(
        """WITH RECURSIVE dependent(id) AS (
               SELECT dep.module_id FROM ir_module_module_dependency dep WHERE dep.name = %s
               UNION
               SELECT dep.module_id FROM ir_module_module_dependency dep
                 JOIN ir_module_module mod ON mod.name = dep.name
                 JOIN dependent ON dependent.id = mod.id
           )
           UPDATE ir_module_module SET state = 'to upgrade'
            WHERE id IN (SELECT id FROM dependent) AND state = 'installed'
        RETURNING name""",
        [module],
    )
    for (dependent,) in cr.fetchall():
        _blank_inheriting_views(cr, dependent)
        _load_as_upgrade(dependent)


def _load_as_upgrade(name, **values):
    """Odoo decides how each addon of the modules it loads in one pass loads before the first one does: an upgraded
    bridge's new dependency is installed, as on a new database, which would write the records it now holds back to
    the state of its files, and an addon that depends on it only loads its code. The same decision, made again for
    the addons of this pass still to load: upgraded. Addons of later passes read it from the database."""
    graph = _graph_being_loaded()
    if graph is None or name not in graph:
        return
    node = graph[name]
    node.state = node.load_state = 'to upgrade'
    if 'version' in values:
        node.installed_version = node.load_version = values['version']
    if 'demo' in values:
        node.demo = values['demo']


def _graph_being_loaded():
    frame = sys._getframe(1)
    while frame is not None:
        graph = frame.f_locals.get('graph')
        if isinstance(graph, ModuleGraph):
            return graph
        frame = frame.f_back
    return None
