from odoo import models


class WebsiteVisitor(models.Model):
    _inherit = 'website.visitor'

    def _upsert_visitor(self, access_token, force_track_values=None):
        # A page view of the website is recorded here in SQL, beside the ORM: its leads are rescored as for a
        # track created through the ORM.
        visitor_id, upsert = super()._upsert_visitor(access_token, force_track_values=force_track_values)
        if force_track_values:
            self.env['website.track']._crm_rescore_visits([(visitor_id, force_track_values['url'])])
        return visitor_id, upsert
