from odoo import fields
from odoo.tests import tagged, users

from odoo.addons.crm_extended.tests.common import CrmExtendedCommon, HistoryListPerformanceMixin


class CrmEventCommon(CrmExtendedCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_contact.email = 'jana.novakova@pivovar-hodonin.example.com'
        cls.colleague = cls.env['res.partner'].create(
            {'name': 'Petr Malý', 'parent_id': cls.customer.id, 'email': 'petr.maly@pivovar-hodonin.example.com'}
        )
        cls.webinar = cls.env['event.event'].create(
            {
                'name': 'Webinář: Prediktivní údržba',
                'date_begin': '2026-03-10 09:00:00',
                'date_end': '2026-03-10 11:00:00',
                'user_id': cls.user_sales_own.id,
            }
        )

    @classmethod
    def _register(cls, partner, **values):
        return cls.env['event.registration'].create({'event_id': cls.webinar.id, 'partner_id': partner.id, **values})


@tagged('post_install', '-at_install')
class TestEventHistory(CrmEventCommon):
    def _entries(self, partner, user=None):
        # The entries of a contact are cached for every user alike: read them afresh as this one.
        self.env.invalidate_all()
        partner = partner.with_user(user or self.user_sales_own)
        entries = partner.crm_company_history_entry_ids if partner.is_company else partner.crm_history_entry_ids
        return [(entry.kind, entry.name, entry.date) for entry in entries]

    def test_registration_and_attendance_are_in_the_history_on_the_day_of_the_event(self):
        registration = self._register(self.customer_contact)
        self.assertEqual(
            self._entries(self.customer_contact),
            [('event_registered', 'Webinář: Prediktivní údržba', fields.Datetime.to_datetime('2026-03-10 09:00:00'))],
        )
        registration.action_set_done()
        self.env.invalidate_all()
        self.assertEqual(self._entries(self.customer_contact)[0][0], 'event_attended')
        self.assertEqual(self._entries(self.customer)[0][0], 'event_attended')

    def test_cancelled_registration_is_in_the_history(self):
        self._register(self.customer_contact).action_cancel()
        self.assertEqual(self._entries(self.customer_contact)[0][0], 'event_cancelled')

    def test_a_colleague_booked_by_the_contact_is_in_the_colleagues_history(self):
        self._register(self.customer_contact, name='Petr Malý', email='petr.maly@pivovar-hodonin.example.com')
        self.assertEqual([kind for kind, _name, _date in self._entries(self.colleague)], ['event_registered'])
        self.assertEqual(self._entries(self.customer_contact), [])

    def test_an_attendee_unknown_to_the_crm_stays_with_the_contact_who_booked(self):
        self._register(self.customer_contact, name='Host', email='host@example.com')
        self.assertEqual([kind for kind, _name, _date in self._entries(self.customer_contact)], ['event_registered'])

    def test_the_event_name_is_shown_in_the_language_of_the_user(self):
        self.env['res.lang']._activate_lang('cs_CZ')
        self.webinar.with_context(lang='cs_CZ').name = 'Webinář: Prediktivní údržba strojů'
        self.webinar.with_context(lang='en_US').name = 'Webinar: Predictive maintenance'
        self._register(self.customer_contact)
        for lang, name in (
            ('cs_CZ', 'Webinář: Prediktivní údržba strojů'),
            ('en_US', 'Webinar: Predictive maintenance'),
        ):
            with self.subTest(lang=lang):
                self.env.invalidate_all()
                self.assertEqual(
                    self.customer_contact.with_user(self.user_sales_own)
                    .with_context(lang=lang)
                    .crm_history_entry_ids.name,
                    name,
                )

    def test_registrations_of_another_company_are_hidden(self):
        other_company = self.env['res.company'].create({'name': 'Jiná firma s.r.o.'})
        self.webinar.company_id = other_company
        self._register(self.customer_contact)
        self.assertEqual(self._entries(self.customer_contact, self.user_sales_manager), [])


@tagged('post_install', '-at_install', 'crm_extended_performance')
class TestEventHistoryPerformance(HistoryListPerformanceMixin, CrmEventCommon):
    def _create_entries(self, count):
        contacts = (
            self.env['res.partner']
            .sudo()
            .create(
                [
                    {
                        'name': f'Perf Attendee {index}',
                        'parent_id': self.customer.id,
                        'email': f'perf.attendee.{index}@pivovar-hodonin.example.com',
                    }
                    for index in range(10)
                ]
            )
        )
        self.env['event.registration'].sudo().create(
            [
                {
                    'event_id': self.webinar.id,
                    'partner_id': contacts[index % 10].id,
                }
                for index in range(count)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()

    @users('crm_sales_own')
    def test_history_list_with_events_query_count_is_flat_as_data_grows(self):
        self._assert_history_list_is_flat(300, crm_sales_own=5)
