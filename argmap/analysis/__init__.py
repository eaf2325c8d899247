"""Analysis of argument maps: free functions over the graph.

- :mod:`~argmap.analysis.structure`: conclusions, premises, chains, depth and
  :func:`~argmap.analysis.structure.check` (structural findings).
- :mod:`~argmap.analysis.semantics`: Dung frameworks (:class:`AF`), grounded,
  complete, preferred and stable extensions, acceptance, and
  :func:`af_from_map`.
- :mod:`~argmap.analysis.iccma`: APX, TGF and i23 files.
- :mod:`~argmap.analysis.gradual`: h-categorizer and DF-QuAD strengths.
- :mod:`~argmap.analysis.evaluate`: one label and number per claim under any
  of these semantics, for tables and drawings (``evaluate.evaluate``).
"""

from argmap.analysis.gradual import df_quad, h_categorizer
from argmap.analysis.iccma import read_apx, read_i23, read_tgf, write_apx, write_i23, write_tgf
from argmap.analysis.semantics import (
    AF,
    af_from_map,
    complete_extensions,
    credulously_accepted,
    grounded_extension,
    grounded_labelling,
    preferred_extensions,
    sceptically_accepted,
    stable_extensions,
)
from argmap.analysis.structure import Finding, basic_premises, chains, check, depth, main_conclusions

__all__ = [
    "AF",
    "Finding",
    "af_from_map",
    "basic_premises",
    "chains",
    "check",
    "complete_extensions",
    "credulously_accepted",
    "depth",
    "df_quad",
    "grounded_extension",
    "grounded_labelling",
    "h_categorizer",
    "main_conclusions",
    "preferred_extensions",
    "read_apx",
    "read_i23",
    "read_tgf",
    "sceptically_accepted",
    "stable_extensions",
    "write_apx",
    "write_i23",
    "write_tgf",
]
