"""Candidate targets and progress values read out of Chinese policy text (issue 6, part 2).

Qt-free: the CLI (``extract``) and the GUI review table both read a file with :func:`read_document`, call
:func:`extract`, and save what the user accepts with :func:`target_from_candidate` / :func:`entry_from_candidate`
through the Editor.
"""

from app.services.extraction.candidates import extract
from app.services.extraction.documents import read_document
from app.services.extraction.model import Candidate
from app.services.extraction.saving import (
    deadline_date,
    entry_from_candidate,
    guess_kind,
    period_from_label,
    target_from_candidate,
)

__all__ = [
    "Candidate",
    "deadline_date",
    "entry_from_candidate",
    "extract",
    "guess_kind",
    "period_from_label",
    "read_document",
    "target_from_candidate",
]
