"""sopreview: run SOP review meetings (PermenPANRB 35/2012) and write the notulen."""

__version__ = "0.1.0"
