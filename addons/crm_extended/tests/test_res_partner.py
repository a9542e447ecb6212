from odoo.tests import Form, tagged

from .common import CrmExtendedCommon


@tagged('post_install', '-at_install')
class TestResPartnerCodebooks(CrmExtendedCommon):
    def test_position_fills_empty_job_title(self):
        self.assertEqual(self.customer_contact.function, 'Buyer')

    def test_position_keeps_a_job_title_already_written(self):
        contact = self.env['res.partner'].create(
            {
                'name': 'Petr Malý',
                'function': 'Head of purchasing',
                'crm_position_id': self.position_buyer.id,
            }
        )
        self.assertEqual(contact.function, 'Head of purchasing')

    def test_position_chosen_later_fills_only_empty_job_titles(self):
        director = self.env.ref('crm_extended.crm_contact_position_director')
        titled = self.env['res.partner'].create({'name': 'Titled', 'function': 'CEO'})
        untitled = self.env['res.partner'].create({'name': 'Untitled'})
        (titled | untitled).write({'crm_position_id': director.id})
        self.assertEqual(titled.function, 'CEO')
        self.assertEqual(untitled.function, 'Director')

    def test_position_fills_job_title_in_the_form(self):
        with Form(self.env['res.partner'].with_user(self.user_sales_own)) as contact:
            contact.name = 'Eva Dvořáková'
            contact.crm_position_id = self.position_buyer
            self.assertEqual(contact.function, 'Buyer')

    def test_position_fills_job_title_in_the_contact_language(self):
        for code in ('cs_CZ', 'sk_SK'):
            self.env['res.lang']._activate_lang(code)
        self.position_buyer.update_field_translations('name', {'cs_CZ': 'Nákupčí', 'sk_SK': 'Nákupca'})
        partners = self.env['res.partner'].with_user(self.user_sales_own).with_context(lang='cs_CZ')
        slovak = partners.create({'name': 'Ján Horváth', 'lang': 'sk_SK', 'crm_position_id': self.position_buyer.id})
        self.assertEqual(slovak.function, 'Nákupca')
        company = partners.create({'name': 'Drevovýroba Zvolen s.r.o.', 'is_company': True, 'lang': 'sk_SK'})
        colleague = partners.create({'name': 'Mária Kováčová', 'parent_id': company.id})
        colleague.write({'crm_position_id': self.position_buyer.id})
        self.assertEqual(colleague.function, 'Nákupca', 'a contact speaks the language of its company')
        with Form(partners) as contact:
            contact.name = 'Eva Dvořáková'
            contact.lang = 'sk_SK'
            contact.crm_position_id = self.position_buyer
            self.assertEqual(contact.function, 'Nákupca')

    def test_contacts_carry_their_company_classification(self):
        self.assertEqual(self.customer_contact.crm_company_status_id, self.company_status_current)
        self.customer.write(
            {
                'crm_company_status_id': self.company_status_potential.id,
                'crm_company_type_ids': [(4, self.company_type_supplier.id)],
            }
        )
        self.assertEqual(self.customer_contact.crm_company_status_id, self.company_status_potential)
        self.assertEqual(
            self.customer_contact.crm_company_type_ids, self.company_type_customer | self.company_type_supplier
        )

    def test_company_status_filter_finds_companies_and_their_contacts(self):
        found = (
            self.env['res.partner']
            .with_user(self.user_sales_own)
            .search([('crm_company_status_id', '=', self.company_status_current.id)])
        )
        self.assertEqual(found, self.customer | self.customer_contact)

    def test_address_type_is_kept_on_a_child_address(self):
        warehouse = self.env['res.partner'].create(
            {
                'name': 'Sklad Břeclav',
                'parent_id': self.customer.id,
                'type': 'delivery',
                'crm_address_type_id': self.address_type_warehouse.id,
            }
        )
        self.assertEqual(self.customer.child_ids.filtered('crm_address_type_id'), warehouse)

    def test_salesperson_classifies_a_company(self):
        company = (
            self.env['res.partner']
            .with_user(self.user_sales_own)
            .create(
                {
                    'name': 'Média Plus a.s.',
                    'is_company': True,
                    'crm_company_type_ids': [(6, 0, self.env.ref('crm_extended.crm_company_type_media').ids)],
                    'crm_company_status_id': self.company_status_potential.id,
                }
            )
        )
        self.assertEqual(company.crm_company_type_ids.name, 'Media')


@tagged('post_install', '-at_install')
class TestCrmLeadCodebooks(CrmExtendedCommon):
    def test_opportunity_shows_its_customer_classification(self):
        lead = (
            self.env['crm.lead']
            .with_user(self.user_sales_own)
            .create(
                {
                    'name': 'Nové tanky',
                    'type': 'opportunity',
                    'partner_id': self.customer_contact.id,
                }
            )
        )
        self.assertEqual(lead.crm_partner_company_type_ids, self.company_type_customer)
        self.assertEqual(lead.crm_partner_company_status_id, self.company_status_current)

    def test_lead_converted_to_new_customer_carries_industry_and_company_type(self):
        industry = self.env.ref('base.res_partner_industry_C')
        lead = (
            self.env['crm.lead']
            .with_user(self.user_sales_own)
            .create(
                {
                    'name': 'Poptávka lisů',
                    'type': 'lead',
                    'partner_name': 'Lisovna Zlín s.r.o.',
                    'contact_name': 'Karel Svoboda',
                    'email_from': 'karel@lisovna.example',
                    'crm_industry_id': industry.id,
                    'crm_company_type_ids': [(6, 0, self.company_type_customer.ids)],
                }
            )
        )
        lead._handle_partner_assignment(create_missing=True)
        company = lead.partner_id.commercial_partner_id
        self.assertTrue(company.is_company)
        self.assertEqual(company.name, 'Lisovna Zlín s.r.o.')
        self.assertEqual(company.industry_id, industry)
        self.assertEqual(company.crm_company_type_ids, self.company_type_customer)
