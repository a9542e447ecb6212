"""Every user-visible string of the addons is in the shipped template and translated to Czech and Slovak."""
import pathlib

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

ADDONS = pathlib.Path(__file__).resolve().parent.parent / 'addons'
MODULES = ('crm_extended', 'crm_accounting_link', 'crm_payment_reminder', 'crm_company_register',
           'crm_company_register_accounting', 'crm_lead_scoring_credit', 'crm_lead_scoring_website',
           'crm_personal_data', 'crm_personal_data_accounting', 'crm_sales_effectiveness_accounting',
           'crm_customer_care_accounting', 'crm_customer_care_survey')
LANGUAGES = ('cs', 'sk')


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
