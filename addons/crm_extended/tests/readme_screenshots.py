"""The README pictures, taken by scripts/screenshots.sh.

Pictures, not checks: neither the test run nor Odoo's test runner loads this module (its name does not start
with ``test_`` and the package does not import it); scripts/screenshots.sh names it explicitly.
"""

import base64
import io
import os
import unittest
from datetime import datetime, timedelta
from pathlib import Path
from unittest.mock import patch

from PIL import Image

from odoo.tests import new_test_user, tagged
from odoo.tests.common import ChromeBrowser

from .test_tours import BrowserTourCase

# Set by scripts/screenshots.sh: the folder the README pictures are written to.
SCREENSHOTS_DIR = os.environ.get('CRM_SCREENSHOTS_DIR')


def save_screenshot(png_data, path):
    """Write the page as a 256-colour PNG: the web client's flat colours survive it and the file stays small."""
    image = Image.open(io.BytesIO(png_data)).convert('RGB')
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)


def capture_tour_screenshot(case, url, tour, login, filename):
    """Run the tour that opens a page and capture the browser window once it has passed, into the README
    pictures folder. The accounting addon takes its pictures with this too."""
    captured = {}
    wait_for_tour = ChromeBrowser._wait_code_ok

    def wait_then_capture(browser, *args, **kwargs):
        wait_for_tour(browser, *args, **kwargs)
        captured['png'] = browser._websocket_request('Page.captureScreenshot', params={'format': 'png'})['data']

    with patch.object(ChromeBrowser, '_wait_code_ok', wait_then_capture):
        case.start_tour(url, tour, login=login)
    path = Path(SCREENSHOTS_DIR, filename)
    save_screenshot(base64.b64decode(captured['png']), path)
    case._logger.info('Screenshot %s: %d bytes', path.name, path.stat().st_size)


class ScreenshotCase(BrowserTourCase):
    """Opens a page with a tour and captures the browser window once the tour has passed."""

    browser_size = '1280x800'

    def _capture(self, url, tour, user, filename):
        capture_tour_screenshot(self, url, tour, user.login, filename)


@tagged('post_install', '-at_install')
@unittest.skipUnless(SCREENSHOTS_DIR, 'the README pictures are taken by scripts/screenshots.sh')
class TestReadmeScreenshots(ScreenshotCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True, tracking_disable=True))
        cls.manager = new_test_user(
            cls.env, 'screenshot_manager', name='Eva Králová', groups='base.group_system,sales_team.group_sale_manager'
        )
        cls.salespeople = (
            cls.manager
            | new_test_user(
                cls.env, 'screenshot_salesperson', name='Jana Dvořáková', groups='sales_team.group_sale_salesman'
            )
            | new_test_user(
                cls.env, 'screenshot_colleague', name='Petr Svoboda', groups='sales_team.group_sale_salesman'
            )
        )
        cls.customers = cls._create_customers()
        cls._create_interactions()

    @classmethod
    def _create_customers(cls):
        ref = cls.env.ref
        companies = cls.env['res.partner'].create(
            [
                {
                    'name': name,
                    'is_company': True,
                    'city': city,
                    'country_id': ref(country).id,
                    'crm_company_type_ids': [(6, 0, ref('crm_extended.crm_company_type_customer').ids)],
                    'crm_company_status_id': ref(status).id,
                }
                for name, city, country, status in [
                    ('Pivovar Hodonín s.r.o.', 'Hodonín', 'base.cz', 'crm_extended.crm_company_status_current'),
                    ('Strojírny Přerov a.s.', 'Přerov', 'base.cz', 'crm_extended.crm_company_status_current'),
                    ('Kovolis Brno s.r.o.', 'Brno', 'base.cz', 'crm_extended.crm_company_status_potential'),
                    ('Stavby Žilina s.r.o.', 'Žilina', 'base.sk', 'crm_extended.crm_company_status_former'),
                ]
            ]
        )
        cls.env['res.partner'].create(
            [
                {
                    'name': 'Jana Nováková',
                    'parent_id': companies[0].id,
                    'crm_position_id': ref('crm_extended.crm_contact_position_buyer').id,
                },
                {
                    'name': 'Tomáš Horák',
                    'parent_id': companies[0].id,
                    'crm_position_id': ref('crm_extended.crm_contact_position_managing_director').id,
                },
            ]
        )
        return companies

    @classmethod
    def _create_interactions(cls):
        """Three months of work with every type in every state, most of it with the first customer."""
        subjects = {
            'crm_extended.crm_interaction_type_email': 'Price list for the next season',
            'crm_extended.crm_interaction_type_quote': 'Quote for 40 stainless tanks',
            'crm_extended.crm_interaction_type_note': 'Prefers delivery on Tuesdays',
            'crm_extended.crm_interaction_type_meeting': 'Visit of the bottling line',
            'crm_extended.crm_interaction_type_contract': 'Framework contract renewal',
            'crm_extended.crm_interaction_type_phone_call': 'Delivery date of the April order',
        }
        states = ['resolved', 'resolved', 'in_progress', 'planned', 'resolved', 'cancelled']
        now = datetime.now().replace(minute=0, second=0, microsecond=0)
        values = []
        for index in range(30):
            type_xmlid = list(subjects)[index % len(subjects)]
            state = states[index % len(states)]
            days = 3 * index - 90 if state in ('resolved', 'cancelled') else index - 10
            values.append(
                {
                    'subject': subjects[type_xmlid],
                    'interaction_type_id': cls.env.ref(type_xmlid).id,
                    'partner_id': cls.customers[0 if index % 3 else index // 3 % len(cls.customers)].id,
                    'user_id': cls.salespeople[index % len(cls.salespeople)].id,
                    'date': now + timedelta(days=days),
                    # A cancelled interaction was planned first: a new one cannot start cancelled.
                    'state': 'planned' if state == 'cancelled' else state,
                }
            )
        interactions = cls.env['crm.interaction'].create(values)
        interactions.browse(interactions.ids[len(states) - 1 :: len(states)]).action_cancel()

    def test_contact_with_history(self):
        self._capture(
            f'/odoo/contacts/{self.customers[0].id}',
            'crm_extended_screenshot_contact_history',
            self.manager,
            'contact_history.png',
        )

    def test_interactions_kanban(self):
        self._capture(
            '/odoo/action-crm_extended.crm_interaction_action?view_type=kanban',
            'crm_extended_screenshot_interactions_kanban',
            self.manager,
            'interactions_kanban.png',
        )

    def test_interactions_pivot(self):
        self._capture(
            '/odoo/action-crm_extended.crm_interaction_action?view_type=pivot',
            'crm_extended_screenshot_interactions_pivot',
            self.manager,
            'interactions_pivot.png',
        )

    def test_interactions_graph(self):
        self._capture(
            '/odoo/action-crm_extended.crm_interaction_action?view_type=graph',
            'crm_extended_screenshot_interactions_graph',
            self.manager,
            'interactions_graph.png',
        )

    def test_settings_codebooks(self):
        self._capture(
            '/odoo/settings', 'crm_extended_screenshot_settings_codebooks', self.manager, 'settings_codebooks.png'
        )
