import io
import json
import zipfile

from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

NAME = 'Ing. Radek Šťastný'
EMAIL = 'radek.stastny@example.com'

ACCOUNTING_QUERIES = {
    'account_move': """SELECT id, name, state, move_type, partner_id, commercial_partner_id, amount_total,
                              amount_residual, payment_state, invoice_partner_display_name
                         FROM account_move ORDER BY id""",
    'account_move_line': """SELECT id, move_id, partner_id, account_id, debit, credit, reconciled
                              FROM account_move_line ORDER BY id""",
    'account_payment': "SELECT id, move_id, amount, state, partner_id FROM account_payment ORDER BY id",
    'account_partial_reconcile': """SELECT id, debit_move_id, credit_move_id, amount
                                      FROM account_partial_reconcile ORDER BY id""",
}


@tagged('post_install', '-at_install')
class TestPersonalDataAccounting(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_dpo = new_test_user(
            cls.env,
            'cpda_dpo',
            groups='crm_personal_data.group_data_protection_officer',
            company_id=cls.company_data['company'].id,
        )
        cls.person = cls.env['res.partner'].create(
            {
                'name': NAME,
                'email': EMAIL,
                'phone': '+420 602 111 222',
                'vat': 'CZ7103192745',
                'street': 'Dlouhá 5',
                'city': 'Brno',
                'zip': '602 00',
            }
        )
        cls.invoice = cls.init_invoice('out_invoice', partner=cls.person, amounts=[1200.0], post=True)
        cls.env['account.payment.register'].with_context(
            active_model='account.move', active_ids=cls.invoice.ids
        ).create({})._create_payments()
        cls.draft = cls.init_invoice('out_invoice', partner=cls.person, amounts=[50.0])
        cls.stranger = cls.env['res.partner'].create({'name': 'Jan Bezfaktury', 'email': 'jan@example.com'})

    def _accounting_snapshot(self):
        self.env.flush_all()
        return {name: self.env.execute_query(SQL(query)) for name, query in ACCOUNTING_QUERIES.items()}

    def test_access_export_lists_invoices_and_orders_without_their_lines(self):
        action = self.person.with_user(self.user_dpo).action_privacy_access_export()
        attachment = self.env['ir.attachment'].browse(int(action['url'].split('/')[3].split('?')[0]))
        data = json.loads(zipfile.ZipFile(io.BytesIO(attachment.raw)).read('data.json'))
        self.assertEqual(
            [(row['name'], row['amount_total']) for row in data['invoices']], [(self.invoice.name, 1200.0)]
        )
        self.assertEqual(data['orders'], [])
        self.assertEqual(
            set(data['invoices'][0]), {'name', 'move_type', 'invoice_date', 'amount_total', 'currency_id', 'state'}
        )

    def test_erasure_keeps_what_issued_invoices_show_and_leaves_the_books_unchanged(self):
        before = self._accounting_snapshot()
        wizard = self.env['crm.personal.data.erasure'].with_user(self.user_dpo).create({'partner_id': self.person.id})
        self.assertIn(self.invoice.name, wizard.legal_hold_reasons)
        wizard.action_erase()
        self.assertEqual(self._accounting_snapshot(), before)
        self.assertEqual(
            (self.person.name, self.person.vat, self.person.street, self.person.city),
            (NAME, 'CZ7103192745', 'Dlouhá 5', 'Brno'),
        )
        self.assertEqual((self.person.email, self.person.phone, self.person.active), (False, False, False))
        log = self.env['privacy.log'].search([('crm_partner_id', '=', self.person.id)])
        self.assertIn(self.invoice.name, log.execution_details)

    def test_erasure_keeps_the_invoice_pdf_and_deletes_the_other_files(self):
        Attachment = self.env['ir.attachment']
        invoice_pdf = Attachment.create(
            {
                'name': f'{self.invoice.name}.pdf',
                'raw': b'%PDF-1.4 INV',
                'res_model': 'account.move',
                'res_id': self.invoice.id,
            }
        )
        self.invoice.message_post(body='Faktura', attachment_ids=invoice_pdf.ids, partner_ids=self.person.ids)
        contract = Attachment.create(
            {'name': 'smlouva.pdf', 'raw': b'%PDF-1.4 C', 'res_model': 'res.partner', 'res_id': self.person.id}
        )
        self.env['crm.personal.data.erasure'].with_user(self.user_dpo).create(
            {'partner_id': self.person.id}
        ).action_erase()
        self.assertTrue(invoice_pdf.exists())
        self.assertEqual(invoice_pdf.raw, b'%PDF-1.4 INV')
        self.assertFalse(contract.exists())

    def test_person_without_issued_invoices_is_erased_whole(self):
        self.env['crm.personal.data.erasure'].with_user(self.user_dpo).create(
            {'partner_id': self.stranger.id}
        ).action_erase()
        self.assertNotIn('Bezfaktury', self.stranger.name)
        self.assertFalse(self.stranger.email)
