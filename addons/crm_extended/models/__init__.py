from . import crm_codebook_mixin
