"""Research exports: dyad-year tables (peacesciencer's columns) and the obligation network as GraphML."""

from casus.exports.dyads import COLUMNS, PLEDGES, YEAR_RULES, Coverage, DyadYears, dyad_years
from casus.exports.graphml import ObligationGraph, obligation_graph

__all__ = ["COLUMNS", "PLEDGES", "YEAR_RULES", "Coverage", "DyadYears", "ObligationGraph", "dyad_years",
           "obligation_graph"]
