"""Teaching: standard form, argumentation schemes and critical questions, exercises and grading.

These are free functions over an :class:`~argmap.model.ArgumentMap`; the HTML page that shows them
beside the diagram is :mod:`argmap.page.html`.
"""

from argmap.schemes import CriticalQuestion, Scheme
from argmap.teaching.exercises import Exercises, make_exercises
from argmap.teaching.grading import Comparison, compare
from argmap.teaching.schemes import (  # after the submodule, ``schemes`` names the function
    ArgumentQuestion,
    UnknownSchemeError,
    add_question_attack,
    get_scheme,
    inference_questions,
    open_questions,
    schemes,
)
from argmap.teaching.standard_form import standard_form

__all__ = [
    "ArgumentQuestion",
    "Comparison",
    "CriticalQuestion",
    "Exercises",
    "Scheme",
    "UnknownSchemeError",
    "add_question_attack",
    "compare",
    "get_scheme",
    "inference_questions",
    "make_exercises",
    "open_questions",
    "schemes",
    "standard_form",
]
