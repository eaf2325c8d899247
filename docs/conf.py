"""Sphinx configuration of argmap's documentation (``make docs``)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent))

import argmap  # noqa: E402

project = "argmap"
author = "argmap developers"
copyright = "argmap developers, MIT licence"
release = version = argmap.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "numpydoc",
    "sphinx_copybutton",
    "apigen",
    "gallery",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_generated/*.md", "**/_*.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"argmap {release}"
html_static_path: list[str] = []
# The copy button leaves out prompts and output, so a doctest copies as code that runs.
copybutton_prompt_text = r">>> |\.\.\.(?: |$)"
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

autosummary_generate = False
autodoc_member_order = "bysource"
autodoc_typehints = "none"  # numpydoc's Parameters section gives the types
autodoc_default_options = {"exclude-members": "__init__, __new__"}
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False

nitpicky = True
nitpick_ignore_regex = [
    (r"py:.*", r"(nx|networkx|np|numpy|pd|pandas|pydot|os|re|typing|collections|pathlib|io)\..*"),
    (r"py:.*", r"(json|html|textwrap|csv|random|difflib|argparse|warnings)\..*"),  # no intersphinx offline
    (r"py:.*", r"argmap\._.*"),  # private helpers named in prose
]
nitpick_ignore = [("py:data", "FREE_ARGUMENTS")]  # an argmap.analysis.iccma constant outside __all__
suppress_warnings = ["ref.citation"]  # numpydoc References sections that the text does not cite
