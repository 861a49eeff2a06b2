"""Errors a user can read, in Thai and English."""

from __future__ import annotations


class ReadableError(Exception):
    """An error with a Thai and an English message about a place (``where``) in what was read.

    ``where`` is ``line 3, column 7`` or a JSON path such as ``objectives[4].perspective``, empty
    when the whole input is at fault. ``str()`` gives the English text; use ``message(lang)`` for
    the user's language. Subclasses say what the message is about (``subject``).
    """

    def __init__(self, where: str, message_en: str, message_th: str) -> None:
        self.where = where
        self.message_en = message_en
        self.message_th = message_th
        super().__init__(self.message("en"))

    def subject(self, lang: str) -> str:
        raise NotImplementedError

    def message(self, lang: str = "en") -> str:
        if lang == "th":
            place = f" ({self.where})" if self.where else ""
            return f"{self.subject(lang)}{place}: {self.message_th}"
        place = f" (at {self.where})" if self.where else ""
        return f"{self.subject(lang)}{place}: {self.message_en}"


class MapFileError(ReadableError):
    """A `.srm` file (``path``) that cannot be read or written; see ``ReadableError``."""

    def __init__(self, path: str, where: str, message_en: str, message_th: str) -> None:
        self.path = path
        super().__init__(where, message_en, message_th)

    def subject(self, lang: str) -> str:
        return self.path
