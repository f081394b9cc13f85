"""How a name is reduced to a lookup key.

Names reach casus from treaty files, the command line and news text, spelled in
many ways: "U.S." and "US", "Côte d’Ivoire" and "Cote dIvoire", "the Gambia" and
"Gambia", "St. Lucia" and "Saint Lucia". Every name is reduced to one key before
it is compared, so the data files list a name once and any spelling finds it.
"""

from __future__ import annotations

import re
import unicodedata

# Apostrophes and full stops vanish (so "U.S." is "us" and "d'Ivoire" is "divoire");
# every other run of punctuation or space becomes one space.
_VANISH = re.compile(r"[.'’‘`´ʻʼ]")
_SEPARATORS = re.compile(r"[\W_]+")


def strip_accents(text: str) -> str:
    """``text`` without its accents (é→e, ș→s), case and punctuation kept: "Côte d'Ivoire"
    is "Cote d'Ivoire". The stdlib's NFKD plus dropping combining marks; no extra
    dependency (unidecode) is needed for the Latin names we hold."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def normalize(text: str) -> str:
    """Return the lookup key of ``text``: case, accents, punctuation, spacing and a
    leading "the" do not count, and "saint" is the same word as "st".

    >>> normalize("The  U.S.")
    'us'
    >>> normalize("Côte d’Ivoire") == normalize("cote dIvoire")
    True
    """
    plain = strip_accents(text).casefold().replace("&", " and ")
    plain = _VANISH.sub("", plain)
    words = _SEPARATORS.sub(" ", plain).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join("st" if word == "saint" else word for word in words)


def compact(key: str) -> str:
    """The key without spaces, for codes typed with spaces or dots ("U. S.")."""
    return key.replace(" ", "")
