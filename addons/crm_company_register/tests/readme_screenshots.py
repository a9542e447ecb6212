"""The README picture of a company compared with the register, for scripts/screenshots.sh only (see
crm_extended's readme_screenshots for why neither test runner collects it)."""

import unittest

from odoo.tests import new_test_user, tagged

from odoo.addons.crm_extended.tests.readme_screenshots import SCREENSHOTS_DIR, ScreenshotCase

from .common import serve_recorded_registers


@tagged('post_install', '-at_install')
@unittest.skipUnless(SCREENSHOTS_DIR, 'the README pictures are taken by scripts/screenshots.sh')
class TestReadmeScreenshots(ScreenshotCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = new_test_user(
            cls.env,
            'register_screenshot_sales',
            name='Jana Dvořáková',
            groups='sales_team.group_sale_salesman',
            lang='en_US',
        )
        cls.server = serve_recorded_registers(cls)
        cls.company = cls.env['res.partner'].create(
            {
                'name': 'Alza',
                'is_company': True,
                'street': 'Dělnická 213/12',
                'city': 'Praha',
                'country_id': cls.env.ref('base.cz').id,
            }
        )

    def test_company_compared_with_the_register(self):
        self._capture(
            f'/odoo/contacts/{self.company.id}',
            'crm_company_register_screenshot_comparison',
            self.salesperson,
            'company_register_comparison.png',
        )
