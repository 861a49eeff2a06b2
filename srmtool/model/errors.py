"""Errors a user can read, in Thai and English."""

from __future__ import annotations


class MapFileError(Exception):
    """A `.srm` file that cannot be read or written.

    ``path`` is the file, ``where`` the place in it (``line 3, column 7`` or a JSON path such as
    ``objectives[4].perspective``; empty when the whole file is at fault), and the message exists in
    Thai and English. ``str()`` gives the English text; use ``message(lang)`` for the user's language.
    """

    def __init__(self, path: str, where: str, message_en: str, message_th: str) -> None:
        self.path = path
        self.where = where
        self.message_en = message_en
        self.message_th = message_th
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        if lang == "th":
            place = f" ({self.where})" if self.where else ""
            return f"{self.path}{place}: {self.message_th}"
        place = f" (at {self.where})" if self.where else ""
        return f"{self.path}{place}: {self.message_en}"
