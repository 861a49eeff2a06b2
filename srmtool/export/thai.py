"""Thai word breaking and line wrapping, shared by the PDF, the Excel sheet and the canvas.

Thai is written without spaces between words, and a line may only break between words. Neither
reportlab nor Qt without libthai knows where those are, so we ask a Thai word segmenter (newmm,
through the Rust ``nlpo3`` when it is installed, else pythainlp's own) and fill lines ourselves.

The segmenter and its dictionary take about half a second to load, so they load on first use,
never at import (the editor must start fast).

Contracts:
- ``"".join(words(t)) == t`` for every text ``t``.
- ``with_break_marks(t).replace(ZWSP, "") == t`` when ``t`` holds no U+200B of its own.
- ``wrap`` never breaks inside a word that fits on a line, and never inside a grapheme cluster.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

ZWSP = "\u200b"

Segmenter = Callable[[str], list[str]]

_THAI = re.compile("[\u0e00-\u0e7f]")
_CHUNKS = re.compile(r"\s+|\S+")
# A grapheme cluster: leading vowels, one base character, then above/below marks, SARA AM,
# LAKKHANGYAO and combining diacritics.
_CLUSTER = re.compile("[\u0e40-\u0e44]*.[\u0e31\u0e33-\u0e3a\u0e45\u0e47-\u0e4e\u0300-\u036f]*", re.S)

# Punctuation that belongs to the word after it (openers) or before it (closers): a line never
# ends with "(" nor starts with ")".
# A straight quote opens when none is open and closes otherwise.
_OPENERS = frozenset("([{<“‘«")
_CLOSERS = frozenset(")]}>”’»,.;:!?%…ๆฯ")
_STRAIGHT_QUOTES = frozenset("\"'")


def _corpus_file(name: str) -> Path:
    """A file of pythainlp's corpus folder, found without importing pythainlp (about 60 ms)."""
    import importlib.util

    spec = importlib.util.find_spec("pythainlp")
    if spec is None or not spec.submodule_search_locations:
        return Path()
    return Path(next(iter(spec.submodule_search_locations))) / "corpus" / name


def _load_nlpo3(dictionary: str, name: str) -> Segmenter | None:
    try:
        import nlpo3
    except ImportError:
        return None
    path = _corpus_file(dictionary)
    if not path.is_file():
        return None
    nlpo3.load_dict(str(path), name)

    def segment(text: str) -> list[str]:
        return list(nlpo3.segment(text, name))

    return segment


def _pythainlp_words(text: str) -> list[str]:
    from pythainlp.tokenize import newmm

    return list(newmm.segment(text))


def _pythainlp_syllables(text: str) -> list[str]:
    from pythainlp.tokenize import subword_tokenize

    return list(subword_tokenize(text, engine="dict"))


@cache
def _segmenter(dictionary: str, fallback: Segmenter) -> Segmenter:
    """nlpo3 over one of pythainlp's word lists (loaded once), or ``fallback`` without nlpo3."""
    return _load_nlpo3(dictionary, f"srmtool-{dictionary}") or fallback


def segmenter_loaded() -> bool:
    """Whether the word segmenter has been loaded (the first Thai word loads it)."""
    return _segmenter.cache_info().currsize > 0


@lru_cache(maxsize=100_000)
def _segment_chunk(chunk: str) -> tuple[str, ...]:
    if not _THAI.search(chunk):
        return (chunk,)
    pieces = _segmenter("words_th.txt", _pythainlp_words)(chunk)
    if "".join(pieces) != chunk:  # a segmenter must never change the text; be safe if one does
        return tuple(clusters(chunk))
    return tuple(_attach_punctuation([p for p in pieces if p]))


def _attach_punctuation(pieces: list[str]) -> list[str]:
    """Glue opening brackets and quotes to the next piece, closing ones to the previous piece."""
    out: list[str] = []
    carry = ""
    open_quotes: set[str] = set()
    for piece in pieces:
        if piece in _STRAIGHT_QUOTES:
            opening = piece not in open_quotes
            open_quotes ^= {piece}
        else:
            opening = all(c in _OPENERS for c in piece)
        piece = carry + piece
        carry = ""
        if opening:
            carry = piece
        elif out and all(c in _CLOSERS or c in _STRAIGHT_QUOTES for c in piece):
            out[-1] += piece
        else:
            out.append(piece)
    if carry:
        if out:
            out[-1] += carry
        else:
            out.append(carry)
    return out


def words(text: str) -> list[str]:
    """Tokens whose boundaries are the allowed break points; whitespace runs are tokens too."""
    out: list[str] = []
    for match in _CHUNKS.finditer(text):
        chunk = match.group()
        if chunk.isspace():
            out.append(chunk)
        else:
            out.extend(_segment_chunk(chunk))
    return out


def with_break_marks(text: str) -> str:
    """The text with U+200B at every Thai word boundary (none next to whitespace).

    Qt without libthai breaks Thai anywhere; with these marks it breaks only between words.
    """
    if not _THAI.search(text):
        return text
    tokens = words(text)
    out: list[str] = []
    previous = ""
    for token in tokens:
        if (
            out
            and not token.isspace()
            and not previous.isspace()
            and (_THAI.search(token[:1]) or _THAI.search(previous[-1:]))
        ):
            out.append(ZWSP)
        out.append(token)
        previous = token
    return "".join(out)


def clusters(word: str) -> list[str]:
    """Grapheme clusters: the smallest pieces a line may ever be cut into."""
    return _CLUSTER.findall(word)


def _pieces(word: str) -> list[str]:
    """Syllables of a word too long for a line (falls back to clusters for non-Thai words)."""
    if not _THAI.search(word):
        return clusters(word)
    pieces = _segmenter("syllables_th.txt", _pythainlp_syllables)(word)
    if "".join(pieces) != word:
        return clusters(word)
    return [p for p in pieces if p]


def _split_long(word: str, measure: Callable[[str], float], max_width: float, first_room: float) -> list[str]:
    """Cut a word wider than a line into parts: the first fits ``first_room``, the rest ``max_width``.

    Cuts fall between syllables where possible, else between grapheme clusters; a single cluster
    wider than the line gets a part of its own.
    """
    units: list[str] = []
    for piece in _pieces(word):
        units.extend([piece] if measure(piece) <= max_width else clusters(piece))
    parts: list[str] = []
    current, width, room = "", 0.0, first_room
    for unit in units:
        unit_width = measure(unit)
        if current and width + unit_width > room:
            parts.append(current)
            current, width, room = "", 0.0, max_width
        current += unit
        width += unit_width
    if current:
        parts.append(current)
    return parts


def _wrap_paragraph(paragraph: str, measure: Callable[[str], float], max_width: float) -> list[list[str]]:
    lines: list[list[str]] = []
    line: list[str] = []
    width = 0.0
    space, space_width = "", 0.0  # whitespace waiting between the line and the next word

    for token in words(paragraph):
        if token.isspace():
            if line:
                space, space_width = token, measure(token)
            continue
        token_width = measure(token)
        if line and width + space_width + token_width <= max_width:
            line.extend((space, token))
            width += space_width + token_width
        elif token_width <= max_width:
            if line:
                lines.append(line)
            line, width = [token], token_width
        else:
            room = max_width - width - space_width
            parts: list[str] = []
            if line and room > 0.3 * max_width:  # start the long word on this line
                parts = _split_long(token, measure, max_width, room)
                if measure(parts[0]) > room:
                    parts = []
                else:
                    line.extend((space, parts.pop(0)))
                    if not parts:  # it fitted after all (measure need not add up exactly)
                        width = sum(measure(t) for t in line)
                        space, space_width = "", 0.0
                        continue
            if line:
                lines.append(line)
            if not parts:
                parts = _split_long(token, measure, max_width, max_width)
            lines.extend([part] for part in parts[:-1])
            line, width = [parts[-1]], measure(parts[-1])
        space, space_width = "", 0.0
    if line:
        lines.append(line)
    return lines


def wrap_tokens(text: str, measure: Callable[[str], float], max_width: float) -> list[list[str]]:
    """Lines of tokens filling ``max_width`` as measured by ``measure(token)``.

    ``\\n`` is a hard break (an empty paragraph gives an empty line); lines start and end with a
    word, never with whitespace. An empty text gives no lines.
    """
    if not text:
        return []
    lines: list[list[str]] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(_wrap_paragraph(paragraph, measure, max_width) or [[]])
    return lines


def wrap(text: str, measure: Callable[[str], float], max_width: float) -> list[str]:
    """Lines of text filling ``max_width``; see ``wrap_tokens``."""
    return ["".join(line) for line in wrap_tokens(text, measure, max_width)]
