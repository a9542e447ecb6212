"""Every user-visible string of the addons is in the shipped template and translated to Czech and Slovak."""

import ast
import pathlib

import polib
from lxml import etree

from odoo.modules import Manifest
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader, code_translations

ADDONS = pathlib.Path(__file__).resolve().parent.parent / 'addons'
MODULES = tuple(sorted(path.parent.name for path in ADDONS.glob('*/__manifest__.py')))
LANGUAGES = ('cs', 'sk')
LANGUAGE_CODES = ('cs_CZ', 'sk_SK')
# Labels that Czech and Slovak write as English does: letters, acronyms and loanwords.
SAME_IN_EVERY_LANGUAGE = {
    'A:',
    'B:',
    'AI',
    'CAC vs CLV',
    'Email',
    'Marketing',
    'Peppol ID',
    'Reference',
    'RFM',
    'Segment',
}
# What a form shows of a node besides its text.
LABEL_ATTRIBUTES = ('string', 'placeholder', 'title', 'help', 'aria-label', 'confirm', 'data-tooltip')


def has_letters(text):
    return any(character.isalpha() for character in text)


@tagged('post_install', '-at_install')
class TestTranslations(TransactionCase):
    def _source_terms(self, module):
        reader = TranslationModuleReader(self.env.cr, modules=[module])
        return {source for _module, _type, _name, _res_id, source, _value, _comments in reader}

    def _shipped(self, module, name):
        return polib.pofile(str(ADDONS / module / 'i18n' / name))

    def test_templates_are_up_to_date(self):
        for module in MODULES:
            with self.subTest(module=module):
                shipped = {entry.msgid for entry in self._shipped(module, f'{module}.pot')}
                self.assertEqual(shipped, self._source_terms(module), f'regenerate i18n/{module}.pot')

    def test_czech_and_slovak_translate_every_term(self):
        for module in MODULES:
            terms = {entry.msgid for entry in self._shipped(module, f'{module}.pot')}
            for language in LANGUAGES:
                with self.subTest(module=module, language=language):
                    catalog = self._shipped(module, f'{language}.po')
                    translated = {entry.msgid for entry in catalog.translated_entries()}
                    self.assertFalse(terms - translated, f'terms missing from {module}/i18n/{language}.po')
                    self.assertTrue(catalog.metadata.get('Language', '').startswith(language))

    def test_data_and_demo_of_our_chatter_models_log_no_creation_line(self):
        # Odoo loads data and demo files with no language and before the addon's translations: the line
        # "<description> created" would name the model in English and say "created" in the installer's language.
        chatter_models = set(
            self.env['ir.model']
            .search([('is_mail_thread', '=', True)])
            .filtered(lambda model: self.env[model.model]._original_module in MODULES)
            .mapped('model')
        )
        for module in MODULES:
            manifest = Manifest.for_addon(module)
            for path in manifest['data'] + manifest['demo']:
                if not path.endswith('.xml'):
                    continue
                for record in etree.parse(str(ADDONS / module / path)).iter('record'):
                    if record.get('model') in chatter_models:
                        with self.subTest(file=f'{module}/{path}', record=record.get('id')):
                            self.assertTrue(
                                _creates_without_log(record),
                                'give its <odoo>, <data> or <record> the context {\'mail_create_nolog\': True}',
                            )


def _creates_without_log(node):
    """Whether the context of the node, or of a node around it, keeps the creation line out of the chatter."""
    while node is not None:
        context = node.get('context')
        if context and 'mail_create_nolog' in context and ast.literal_eval(context).get('mail_create_nolog'):
            return True
        node = node.getparent()
    return False


@tagged('post_install', '-at_install')
class TestTranslationsLoaded(TransactionCase):
    """What Czech and Slovak users read once their languages are loaded, from Odoo's catalogues and ours."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in LANGUAGE_CODES:
            cls.env['res.lang']._activate_lang(code)
        cls.env['ir.module.module'].search([('state', '=', 'installed')])._update_translations(list(LANGUAGE_CODES))

    def test_our_models_are_named_in_czech_and_slovak(self):
        names = [name for name in self.env.registry if self.env[name]._original_module in MODULES]
        models = self.env['ir.model'].search([('model', 'in', names)])
        english = {model.model: model.name for model in models.with_context(lang='en_US')}
        for code in LANGUAGE_CODES:
            with self.subTest(language=code):
                untranslated = {
                    model.model for model in models.with_context(lang=code) if model.name == english[model.model]
                }
                self.assertFalse(untranslated, 'these models are named in English: translate their description')

    def test_our_view_labels_read_in_czech_and_slovak(self):
        arch = self.env['ir.ui.view']._fields['arch_db']
        views = self.env['ir.ui.view'].browse(
            self.env['ir.model.data'].search([('model', '=', 'ir.ui.view'), ('module', 'in', MODULES)]).mapped('res_id')
        )
        for code in LANGUAGE_CODES:
            with self.subTest(language=code):
                untranslated = set()
                for view in views:
                    source = view.with_context(lang='en_US').arch_db
                    dictionary = arch.get_translation_dictionary(source, {code: view.with_context(lang=code).arch_db})
                    untranslated |= {
                        (view.xml_id, term)
                        for term, translations in dictionary.items()
                        if translations[code] == term
                        and has_letters(text := arch.get_text_content(term))
                        and text not in SAME_IN_EVERY_LANGUAGE
                    }
                self.assertFalse(untranslated, 'these labels of our views read in English')

    def _form_labels(self, model, code):
        """The texts and labelled attributes of the model's form, and the options of its radio buttons."""
        form = self.env[model].with_context(lang=code).get_views([(False, 'form')])
        arch = etree.fromstring(form['views']['form']['arch'])
        labels = set()
        for node in arch.iter(etree.Element):
            labels.update(node.get(attribute) for attribute in LABEL_ATTRIBUTES if node.get(attribute))
            labels.update(text.strip() for text in (node.text, node.tail) if text and text.strip())
        fields = form['models'][model]['fields']
        for node in arch.iter('field'):
            if node.get('widget') == 'radio' and node.get('name') in fields and node.get('invisible') != '1':
                labels.update(label for _value, label in fields[node.get('name')]['selection'])
        return {label for label in labels if has_letters(label)}

    def test_contact_and_opportunity_forms_read_in_czech_and_slovak(self):
        # The forms are Odoo's: where its catalogues leave a label out, the addon showing the form ships it.
        for model in ('res.partner', 'crm.lead'):
            english = self._form_labels(model, 'en_US')
            for code in LANGUAGE_CODES:
                with self.subTest(form=model, language=code):
                    untranslated = (self._form_labels(model, code) & english) - SAME_IN_EVERY_LANGUAGE
                    self.assertFalse(untranslated, 'these labels of the form read in English')

    def test_contact_photo_button_reads_in_czech_and_slovak(self):
        for code in LANGUAGE_CODES:
            with self.subTest(language=code):
                terms = {
                    message['id']: message['string']
                    for module in self.env.registry._init_modules
                    for message in code_translations.get_web_translations(module, code)['messages']
                }
                self.assertNotEqual(terms.get('Add Photo', 'Add Photo'), 'Add Photo')
