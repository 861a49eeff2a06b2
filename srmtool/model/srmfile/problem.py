"""The one kind of fault a `.srm` file can have: a place in the file and a Thai and an English message."""

from __future__ import annotations


class FileProblem(Exception):
    """Something wrong at ``where`` in the file; the file name is added by the caller."""

    def __init__(self, where: str, message_en: str, message_th: str) -> None:
        super().__init__(message_en)
        self.where = where
        self.message_en = message_en
        self.message_th = message_th
