"""The score breakdown is kept as data (crm_score_contributions) and written in the reader's language when read:
the scored leads are scored again to fill it, and the text written in one language goes. At the end of the
upgrade, once crm_lead_scoring, which scores them since it left crm_extended, is loaded too."""

from odoo import SUPERUSER_ID, api
from odoo.tools import split_every

from odoo.addons.crm_lead_scoring.models.crm_lead import SCORE_BATCH


def migrate(cr, version):
    cr.execute("SELECT id FROM crm_lead WHERE crm_score_breakdown IS NOT NULL AND crm_score_contributions IS NULL")
    lead_ids = [lead_id for (lead_id,) in cr.fetchall()]
    env = api.Environment(cr, SUPERUSER_ID, {})
    # In batches, as the nightly recompute scores them.
    for batch_ids in split_every(SCORE_BATCH, lead_ids):
        env['crm.lead'].browse(batch_ids)._crm_recompute_score()
    cr.execute('ALTER TABLE crm_lead DROP COLUMN IF EXISTS crm_score_breakdown')
