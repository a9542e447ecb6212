from odoo.tests import tagged

from odoo.addons.crm_personal_data.tests.common import EMAIL, NAME, PHONE, CrmPersonalDataCommon


@tagged('post_install', '-at_install')
class TestPersonalDataEvent(CrmPersonalDataCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.env['res.partner'].create({'name': NAME, 'email': EMAIL, 'phone': PHONE})
        cls.webinar = cls.env['event.event'].create(
            {'name': 'Webinář: Moderní varny', 'date_begin': '2026-03-10 09:00:00', 'date_end': '2026-03-10 11:00:00'}
        )
        cls.question = cls.env['event.question'].create(
            {'title': 'Co vás zajímá?', 'question_type': 'text_box', 'event_ids': [(4, cls.webinar.id)]}
        )
        cls.registration = cls.env['event.registration'].create(
            {
                'event_id': cls.webinar.id,
                'partner_id': cls.person.id,
                'name': NAME,
                'email': EMAIL,
                'phone': PHONE,
                'company_name': 'Pivovar Hodonín',
                'registration_answer_ids': [
                    (0, 0, {'question_id': cls.question.id, 'value_text_box': f'{NAME}: chlazení mladiny'})
                ],
            }
        )
        cls.registration.action_set_done()
        # A colleague the person booked: the colleague's data, not the person's.
        cls.colleague_registration = cls.env['event.registration'].create(
            {
                'event_id': cls.webinar.id,
                'partner_id': cls.person.id,
                'name': 'Petr Malý',
                'email': 'petr.maly@pivovar-hodonin.example.com',
            }
        )

    def test_access_export_lists_the_event_registrations_of_the_person(self):
        data = self._exported_data(self.person)
        self.assertEqual(
            [
                (row['event_id'], row['state'], row['name'], row['email'], row['phone'])
                for row in data['event_registrations']
            ],
            [('Webinář: Moderní varny', 'Attended', NAME, EMAIL, self.registration.phone)],
        )

    def test_erasure_anonymises_the_registrations_and_keeps_the_attendance(self):
        self.env['crm.personal.data.erasure'].with_user(self.user_dpo).create(
            {'partner_id': self.person.id}
        ).action_erase()
        Registration = self.env['event.registration'].with_context(active_test=False)
        for value in (NAME, EMAIL, PHONE, '777123456', '777 123 456', 'Průšová', 'Pivovar Hodonín'):
            with self.subTest(value=value):
                self.assertFalse(
                    Registration.search(
                        [
                            '|',
                            '|',
                            '|',
                            ('name', 'ilike', value),
                            ('email', 'ilike', value),
                            ('phone', 'ilike', value),
                            ('company_name', 'ilike', value),
                        ]
                    )
                )
                self.assertFalse(self.env['event.registration.answer'].search([('value_text_box', 'ilike', value)]))
                self.assertFalse(
                    self.env['mail.message'].search([('model', '=', 'event.registration'), ('body', 'ilike', value)])
                )
        self.assertEqual((self.registration.name, self.registration.state), ('Erased', 'done'))
        self.assertEqual(self.webinar.seats_taken, 2)
        self.assertEqual(
            (self.colleague_registration.name, self.colleague_registration.email),
            ('Petr Malý', 'petr.maly@pivovar-hodonin.example.com'),
        )
