from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CompanyRegisterCommon


@tagged('post_install', '-at_install')
class TestVatPayer(CompanyRegisterCommon):
    def _accounts(self, partner):
        partner.invalidate_recordset(['crm_published_bank_account_ids'])
        return [(account.acc_number, account.date_published) for account in partner.crm_published_bank_account_ids]

    def test_reliable_payer_gets_its_published_accounts(self):
        partner = self._company(name='Alza.cz a.s.', vat='CZ27082440', country_id=self.czechia.id)
        partner.with_user(self.salesperson).action_crm_check_vat_payer()
        self.assertEqual(partner.crm_vat_reliability, 'reliable')
        self.assertFalse(partner.crm_vat_unreliable_since)
        self.assertTrue(partner.crm_vat_checked_on)
        self.assertEqual(
            self._accounts(partner),
            [
                ('19-8412180/0100', date(2015, 6, 22)),
                ('2727272727/2700', date(2013, 4, 1)),
            ],
            'leading zeros dropped as accounts are written; an account no longer published is left out',
        )
        [(method, path, body)] = self.server.requests
        self.assertEqual((method, path), ('POST', '/adis'))
        self.assertIn('StatusNespolehlivyPlatceRequest', body)
        self.assertIn('>27082440</', body, 'the DIČ is asked for without its country prefix')

    def test_unreliable_payer_and_one_not_registered_are_answered_in_one_request(self):
        self.server.routes[('POST', '/adis')] = [(200, 'adis_batch_unreliable.xml', 0)]
        alza = self._company(name='Alza.cz a.s.', vat='CZ27082440')
        kubicek = self._company(name='Stavby Kubíček s.r.o.', vat='CZ 28164059')
        person = self._company(name='Jan Novák', vat='CZ7001011234')
        (alza | kubicek | person)._crm_update_vat_status()
        self.assertEqual(len(self.server.requests), 1)
        self.assertEqual(alza.crm_vat_reliability, 'reliable')
        self.assertEqual(kubicek.crm_vat_reliability, 'unreliable')
        self.assertEqual(kubicek.crm_vat_unreliable_since, date(2026, 10, 21))
        self.assertEqual(
            self._accounts(kubicek),
            [('SK3112000000198742637541', date(2021, 9, 7)), ('2401187733/2010', date(2016, 3, 1))],
        )
        self.assertEqual(person.crm_vat_reliability, 'not_registered')
        self.assertFalse(person.crm_published_bank_account_ids)

    def test_same_answer_again_changes_no_account(self):
        partner = self._company(name='Alza.cz a.s.', vat='CZ27082440')
        partner._crm_update_vat_status()
        accounts = partner.crm_published_bank_account_ids
        self.assertFalse(partner._crm_update_vat_status(), 'nothing changed')
        self.assertEqual(partner.crm_published_bank_account_ids, accounts, 'the same accounts are kept, not recreated')

    def test_check_of_a_batch_costs_the_same_queries_for_more_companies(self):
        self.server.routes[('POST', '/adis')] = [(200, 'adis_batch_unreliable.xml', 0)]
        one_each = (
            self._company(name='Alza.cz a.s.', vat='CZ27082440')
            | self._company(name='Stavby Kubíček s.r.o.', vat='CZ28164059')
            | self._company(name='Jan Novák', vat='CZ7001011234')
        )
        twice_each = (
            one_each
            | self._company(name='Alza.cz a.s. (pobočka)', vat='CZ27082440')
            | self._company(name='Stavby Kubíček (sklad)', vat='CZ28164059')
            | self._company(name='Jan Novák (dílna)', vat='CZ7001011234')
        )
        twice_each._crm_update_vat_status()
        # Unchanged answers: reading the batch and stamping the check, one write per kind of answer.
        self._queries(one_each, '_crm_update_vat_status')
        queries = self._queries(one_each, '_crm_update_vat_status')
        self.assertEqual(self._queries(twice_each, '_crm_update_vat_status'), queries)
        self.assertLessEqual(queries, 12)

    def test_service_down_for_maintenance_is_explained(self):
        self.server.routes[('POST', '/adis')] = [(200, 'adis_maintenance.xml', 0)]
        partner = self._company(name='Alza.cz a.s.', vat='CZ27082440')
        action = partner.with_user(self.salesperson).action_crm_check_vat_payer()
        self.assertEqual(action['params']['title'], 'Register unreachable')
        self.assertIn('down for maintenance', action['params']['message'])
        self.assertFalse(partner.crm_vat_checked_on)

    def test_answer_that_cannot_be_read_is_reported(self):
        partner = self._company(name='Alza.cz a.s.', vat='CZ27082440')
        for answer in ('adis_truncated.xml', 'ares_maintenance.html'):
            self.server.routes[('POST', '/adis')] = [(200, answer, 0)]
            with self.subTest(answer=answer), self.assertRaisesRegex(UserError, 'cannot be read'):
                partner._crm_update_vat_status()

    def test_soap_fault_is_a_refusal(self):
        self.server.routes[('POST', '/adis')] = [(500, 'adis_fault.xml', 0)]
        partner = self._company(name='Alza.cz a.s.', vat='CZ27082440')
        with self.assertRaisesRegex(UserError, 'refused the request'):
            partner._crm_update_vat_status()
        self.assertEqual(len(self.server.requests), 3, 'an error status is asked twice more with a backoff')

    def test_unreachable_service_is_reported(self):
        self.env['ir.config_parameter'].sudo().set_param(
            'crm_company_register.adis_url', f'{self._unreachable_url()}/adis'
        )
        partner = self._company(name='Alza.cz a.s.', vat='CZ27082440')
        with self.assertRaisesRegex(UserError, 'cannot be reached right now'):
            partner._crm_update_vat_status()

    def test_only_a_czech_vat_number_is_checked(self):
        partner = self._company(name='Drevovýroba Zvolen s.r.o.', vat='SK2020123456')
        with self.assertRaisesRegex(UserError, 'Only a Czech VAT number'):
            partner.with_user(self.salesperson).action_crm_check_vat_payer()
        self.assertFalse(self.server.requests)

    def test_company_filled_from_ares_is_checked_and_saved_when_the_service_is_down(self):
        self.server.routes[('POST', '/adis')] = [(200, 'adis_maintenance.xml', 0)]
        partner = self._company(name='Alza', company_registry='27082440')
        action = self._open_wizard(partner).action_apply()
        self.assertEqual(partner.vat, 'CZ27082440', 'the company is saved all the same')
        self.assertEqual(action['tag'], 'display_notification')
        self.assertIn('down for maintenance', action['params']['message'])

    def test_account_numbers_typed_either_way_compare_equal(self):
        vat_register = self.env['crm.vat.payer.register']
        for typed in ('19-8412180/0100', '000019-0008412180/0100', 'CZ25 0100 0000 1900 0841 2180'):
            with self.subTest(typed=typed):
                self.assertEqual(vat_register._domestic_account(typed), '19-8412180/0100')
        self.assertEqual(vat_register._domestic_account('CZ5527000000002727272727'), '2727272727/2700')

    def test_salesperson_reads_published_accounts_but_cannot_change_them(self):
        partner = self._company(name='Alza.cz a.s.', vat='CZ27082440')
        partner._crm_update_vat_status()
        account = partner.crm_published_bank_account_ids[0].with_user(self.salesperson)
        self.assertTrue(account.acc_number)
        with self.assertRaises(AccessError):
            account.acc_number = '1/0100'
        with self.assertRaises(AccessError):
            account.create({'partner_id': partner.id, 'acc_number': '1/0100'})

    def test_lookups_switched_off_for_the_company_refuse_politely(self):
        self.env.company.crm_register_lookup = False
        partner = self._company(name='Alza', company_registry='27082440', vat='CZ27082440')
        self.assertFalse(partner.with_user(self.salesperson).crm_register_lookup_enabled)
        with self.assertRaisesRegex(UserError, 'switched off'):
            self._open_wizard(partner)
        with self.assertRaisesRegex(UserError, 'switched off'):
            partner.with_user(self.salesperson).action_crm_check_vat_payer()
        self.assertFalse(self.server.requests)
