"""Articles in: text files, HTML files, standard input and JSONL batches.

``load_articles`` reads one source and returns its articles, or raises
:class:`casus.errors.InputError` naming the file (and the line, for JSONL) and what is
wrong with it. It writes nothing anywhere, and it checks a whole batch before it
returns any of it, so a bad line stops the batch before the reader sees any article.

What counts as bad input: an empty file (or one of only white space), a binary file
(a NUL byte, or mostly control characters), text that is not UTF-8 (the message gives
the offset, line and column of the first bad byte), more than 10 MB (a text or HTML
file or standard input; in a JSONL batch, one line), text that is not English, a JSONL
line that is not a JSON object or has neither ``text`` nor ``html``, and a date that is
not ``YYYY-MM-DD``.

Where the publication date comes from, most explicit first:

1. a JSONL line's own ``published`` field (the batch's author set it for that article);
2. the ``published`` argument (the CLI's ``--published`` flag), for every article of
   the source that does not carry its own;
3. the HTML's metadata (``article:published_time`` and the like, read by trafilatura
   without guessing from the page's text), for HTML only;
4. otherwise unknown (``None``): relative dates stay unresolved.

So the flag beats what a library guesses from a page, and a date written next to one
article in a batch beats a flag given for the whole batch.

``worth_reading`` is the cheap first pass: regular expressions from
``data/prefilter.yaml`` that keep every article with treaty, alliance, defence or
accession vocabulary and let ordinary news (sport, weather, markets, elections) skip
the spaCy pipeline.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from casus import yamlio
from casus.errors import DataFileError, InputError

MAX_BYTES = 10 * 1024 * 1024
"""The largest article (a text or HTML file, standard input, or one JSONL line)."""

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PREFILTER_FILE = Path(__file__).parent / "data" / "prefilter.yaml"

# The commonest English function words. In English news prose they are a third or more
# of all words; in other languages written in Latin script, under a tenth.
_ENGLISH_WORDS = frozenset(
    """the of and to a in is that for it on was with as by at from be are this have
    has had not but or an were which their its they he she his her will would said
    been who after than about over into more also we our you there when what all
    one new two other could should can may up out if no so""".split()
)
_MIN_WORDS_FOR_LANGUAGE = 8
_ENGLISH_RATIO = 0.2
_LANGUAGE_CONFIDENCE = 0.8
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Article:
    """One article to read: its text exactly as given (evidence offsets index into it)."""

    id: str
    text: str
    published: dt.date | None = None
    url: str | None = None
    path: str | None = None
    title: str | None = None


def load_articles(
    source: str | Path, published: dt.date | str | None = None, *, stdin: BinaryIO | None = None
) -> list[Article]:
    """The articles of a text file, HTML file, JSONL batch, or standard input (``"-"``).

    ``published`` is the date for articles that do not carry their own (see the module
    notes for the order). ``stdin`` replaces ``sys.stdin.buffer`` (for tests).
    A file is JSONL by its suffix (``.jsonl``, ``.ndjson``) and HTML by its suffix
    (``.html``, ``.htm``, ``.xhtml``) or by starting with ``<!doctype html`` or
    ``<html``; a ``.json`` file is one record in the JSONL line format (so an
    annotated gold file reads as its article); standard input is JSONL when it starts
    with ``{``.
    """
    name = str(source)
    flag = _parse_date(published, name, None, "published") if isinstance(published, str) else published
    if name == "-":
        data = _read_stream(stdin if stdin is not None else sys.stdin.buffer, "<stdin>")
        if data.lstrip()[:1] == b"{":
            return _load_jsonl(data, "<stdin>", "stdin", flag)
        return [_load_single(data, "<stdin>", "stdin", None, flag)]
    path = Path(source)
    data = _read_file(path, name)
    if path.suffix.lower() in JSONL_SUFFIXES:
        return _load_jsonl(data, name, path.stem, flag)
    if path.suffix.lower() == ".json":
        return [_load_json(data, name, path.stem, flag)]
    return [_load_single(data, name, path.stem, path, flag)]


# -- reading bytes -----------------------------------------------------------------


def _read_file(path: Path, name: str) -> bytes:
    try:
        if path.is_dir():
            raise InputError(name, "is a directory, not an article")
        size = path.stat().st_size
        if size > MAX_BYTES and path.suffix.lower() not in JSONL_SUFFIXES:
            raise InputError(name, f"over 10 MB ({_megabytes(size)}); casus reads articles of at most 10 MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "cannot be read: permission denied") from None
    except OSError as error:
        raise InputError(name, f"cannot be read: {error.strerror or error}") from None


def _read_stream(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(name, "over 10 MB; casus reads articles of at most 10 MB")
    return data


def _megabytes(size: int) -> str:
    return f"{size:,} bytes"


def _decode(data: bytes, name: str, line: int | None = None) -> str:
    """Text from bytes, or the reason it is not an article's text."""
    if not data.strip():
        raise InputError(name, "empty: there is no text to read", line)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(name, "not UTF-8 but UTF-16 (it starts with a UTF-16 byte-order mark); save the file as UTF-8",
                         line)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(name, f"binary, not text (a NUL byte at offset {nul})", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if _control_share(data[:65536].decode("latin-1")) > 0.1:
            raise InputError(name, "binary, not text (mostly control characters)", line) from None
        start = error.start
        row = data.count(b"\n", 0, start) + 1
        column = start - (data.rfind(b"\n", 0, start) + 1) + 1
        where = f"offset {start}, line {row}, column {column}" if line is None else f"offset {start} of the line"
        raise InputError(
            name, f"not UTF-8: byte 0x{data[start]:02x} at {where} is not valid UTF-8; save the file as UTF-8", line
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if _control_share(text[:65536]) > 0.1:
        raise InputError(name, "binary, not text (mostly control characters)", line)
    if not text.strip():
        raise InputError(name, "empty: there is no text to read", line)
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Unicode's Cc, less tab, line ends, form feed


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


# -- one article ---------------------------------------------------------------------


def _load_single(data: bytes, name: str, article_id: str, path: Path | None, flag: dt.date | None) -> Article:
    text = _decode(data, name)
    if (path is not None and path.suffix.lower() in HTML_SUFFIXES) or _looks_like_html(text):
        return _from_html(text, name, None, article_id, None, flag, path)
    check_english(text, name)
    return Article(article_id, text, flag, None, str(path) if path else None)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def _from_html(
    html: str, name: str, line: int | None, article_id: str, url: str | None, published: dt.date | None,
    path: Path | None,
) -> Article:
    import trafilatura  # imported here: it costs a second, and only HTML needs it

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (document.text or "").strip() if document is not None else ""
    if not body:
        raise InputError(name, "no article text found in the HTML", line)
    title = (document.title or "").strip() or None
    text = body if title is None or body.startswith(title) else f"{title}\n\n{body}"
    check_english(text, name, line)
    if published is None and document.date:
        try:
            published = dt.date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    return Article(article_id, text, published, url or document.url or None, str(path) if path else None, title)


# -- JSONL batches -------------------------------------------------------------------


def _load_jsonl(data: bytes, name: str, stem: str, flag: dt.date | None) -> list[Article]:
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        article = article_from_line(raw, name, number, stem, flag)
        if article.id in seen:
            raise InputError(name, f"id {article.id!r} already used on line {seen[article.id]}", number)
        seen[article.id] = number
        articles.append(article)
    if not articles:
        raise InputError(name, "empty: there is no article in the batch")
    return articles


def article_from_line(raw: bytes, name: str, number: int, stem: str, flag: dt.date | None = None) -> Article:
    """The article of one JSONL line, or an ``InputError`` naming ``name``, the line and the field.

    Shared by whole-file batches and the streaming archive reader (``casus.archive``).
    """
    if len(raw) > MAX_BYTES:
        raise InputError(name, f"over 10 MB ({_megabytes(len(raw))}); casus reads articles of at most 10 MB", number)
    line = _decode(raw, name, number)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(name, f"not JSON: {error.msg} (column {error.colno})", number) from None
    if not isinstance(record, dict):
        raise InputError(name, f"not a JSON object but {type(record).__name__}", number)
    return _from_record(record, name, number, stem, flag)


def _load_json(data: bytes, name: str, stem: str, flag: dt.date | None) -> Article:
    """A ``.json`` file: one record as on a JSONL line (so an annotated gold file reads too)."""
    try:
        record = json.loads(_decode(data, name))
    except json.JSONDecodeError as error:
        raise InputError(name, f"not JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
    if not isinstance(record, dict):
        raise InputError(name, f"not a JSON object but {type(record).__name__}")
    return _from_record(record, name, None, stem, flag)


def article_from_record(record: dict, name: str = "article") -> Article:
    """One article given as a mapping (``text`` or ``html``, ``published``, ``url``, ``id``), checked as a
    line of a JSON Lines file is; errors name ``name`` and the field."""
    return _from_record(record, name, None, name, None)


def _from_record(record: dict, name: str, number: int | None, stem: str, flag: dt.date | None) -> Article:
    for key in ("text", "html", "url"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(name, f"{key!r} must be a string, not {type(record[key]).__name__}", number, key)
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, (str, int)):
        raise InputError(name, f"'id' must be a string or a number, not {type(raw_id).__name__}", number, "id")
    article_id = str(raw_id) if raw_id is not None else stem if number is None else f"{stem}:{number}"
    own = record.get("published")
    published = _parse_date(own, name, number, "'published'") if own is not None else flag
    url = record.get("url")
    if record.get("text") is not None:
        text = record["text"]
        if not text.strip():
            raise InputError(name, "empty: 'text' has no text to read", number, "text")
        check_english(text, name, number)
        return Article(article_id, text, published, url, name)
    if record.get("html") is not None:
        if not record["html"].strip():
            raise InputError(name, "empty: 'html' has no text to read", number, "html")
        article = _from_html(record["html"], name, number, article_id, url, published, None)
        return Article(article.id, article.text, article.published, article.url, name, article.title)
    raise InputError(name, "has neither 'text' nor 'html'", number, "text")


def _parse_date(value: object, name: str, line: int | None, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ].*)?", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError(name, f"bad date in {field}: {value!r} is not a date YYYY-MM-DD", line, field.strip("'"))


# -- language ------------------------------------------------------------------------


def check_english(text: str, name: str, line: int | None = None) -> None:
    """Raise ``InputError`` unless ``text`` is English (too short to tell counts as English).

    Two tiers: English prose is a third or more function words ("the", "of", "and"),
    which costs one pass over the words; only text below that share goes to py3langid
    (naive Bayes over byte n-grams, 97 languages, its model inside the wheel), which
    decides and names the language in the message; below 80 % confidence it does not
    turn the article away.
    """
    words = _WORD.findall(text[:20000].lower())
    if len(words) < _MIN_WORDS_FOR_LANGUAGE:
        return
    if sum(word in _ENGLISH_WORDS for word in words) / len(words) >= _ENGLISH_RATIO:
        return
    language, probability = _language_identifier().classify(text[:20000])
    if language == "en" or probability < _LANGUAGE_CONFIDENCE:
        return  # English, or too unsure to turn an article away (a list of names, a table)
    raise InputError(
        name, f"not English: it reads as {_language_name(language)} ({language}, {probability:.0%} sure); "
        "casus reads English articles", line,
    )


@functools.cache
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _language_name(code: str) -> str:
    import pycountry

    language = pycountry.languages.get(alpha_2=code)
    return language.name if language is not None else "another language"


# -- the first pass ------------------------------------------------------------------


_NOTHING = re.compile(r"(?!)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n")
_PREFILTER_KEYS = {"schema": str, "source": str, "strong": list, "acronyms": list, "agreement": list, "security": list}
_OPTIONAL_PREFILTER_KEYS = {"signing": list, "hardware": list}


class Prefilter:
    """Regular expressions that say whether an article may hold an agreement.

    Worth reading when a ``strong`` pattern or an acronym occurs anywhere, or when one
    sentence holds an ``agreement`` noun with a ``security`` or ``hardware`` word, or a
    ``signing`` verb with a ``security`` word. A signing verb beside hardware alone is an
    arms purchase ("signed for twelve fighter jets"), the commonest false alarm of ordinary
    war news. See the notes in ``data/prefilter.yaml``; another file in the same format can
    replace it (``signing`` and ``hardware`` are optional there).
    """

    def __init__(self, strong: re.Pattern, acronyms: re.Pattern, agreement: re.Pattern, security: re.Pattern,
                 signing: re.Pattern | None = None, hardware: re.Pattern | None = None) -> None:
        self.strong, self.acronyms, self.agreement, self.security = strong, acronyms, agreement, security
        self.signing = signing or _NOTHING
        self.hardware = hardware or _NOTHING

    @classmethod
    def from_file(cls, path: str | Path) -> Prefilter:
        path = Path(path)
        try:
            data = yamlio.load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise DataFileError(str(path), None, None, f"cannot be read: {error}") from None
        except Exception as error:  # noqa: BLE001 - any YAML parser error
            raise DataFileError(str(path), None, None, f"not valid YAML: {error}") from None
        if not isinstance(data, dict):
            raise DataFileError(str(path), None, None, "must be a mapping")
        known = {**_PREFILTER_KEYS, **_OPTIONAL_PREFILTER_KEYS}
        for key in data.keys() - known.keys():
            raise DataFileError(str(path), None, key, "unknown key; expected " + ", ".join(known))
        for key, kind in known.items():
            optional = key in _OPTIONAL_PREFILTER_KEYS
            if (key in data or not optional) and not isinstance(data.get(key), kind):
                raise DataFileError(str(path), None, key, f"{'' if optional else 'missing or '}not a {kind.__name__}")
        if data["schema"] != "casus.prefilter.v1":
            raise DataFileError(str(path), None, "schema", f"is {data['schema']!r}; expected 'casus.prefilter.v1'")

        def compiled(key: str) -> re.Pattern:
            for index, pattern in enumerate(data[key]):
                if not isinstance(pattern, str) or not pattern.strip():
                    raise DataFileError(str(path), f"{key}[{index}]", None, "must be a non-empty string")
                if key != "acronyms" and re.sub(r"\\.", "", pattern) != re.sub(r"\\.", "", pattern).lower():
                    raise DataFileError(str(path), f"{key}[{index}]", None,
                                        "must be lower case: it is matched against the lower-cased text")
                try:
                    re.compile(pattern)
                except re.error as error:
                    raise DataFileError(str(path), f"{key}[{index}]", None, f"bad regular expression: {error}") from None
            if not data[key]:
                return _NOTHING  # an empty list matches nothing
            return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in data[key]) + r")\b")

        return cls(compiled("strong"), compiled("acronyms"), compiled("agreement"), compiled("security"),
                   *(compiled(key) if key in data else None for key in ("signing", "hardware")))

    known: re.Pattern = _NOTHING  # names of known agreements the patterns alone would miss

    def __call__(self, text: str) -> bool:
        if self.acronyms.search(text) or self.known.search(text):
            return True
        lower = text.lower()  # cheaper than matching case-insensitively, by about four times
        if self.strong.search(lower):
            return True
        has_deal = self.agreement.search(lower) or self.signing.search(lower)
        if not has_deal or not (self.security.search(lower) or self.hardware.search(lower)):
            return False
        return any(self._sentence_worth_reading(sentence) for sentence in _SENTENCE_BREAK.split(lower))

    def _sentence_worth_reading(self, sentence: str) -> bool:
        if self.security.search(sentence):
            return bool(self.agreement.search(sentence) or self.signing.search(sentence))
        return bool(self.hardware.search(sentence) and self.agreement.search(sentence))


@functools.cache
def default_prefilter() -> Prefilter:
    """The first pass of ``data/prefilter.yaml`` (read and checked once), which also keeps
    an article naming a known agreement (``casus.reader.known``: "the Simla Agreement",
    "the EDCA") that its patterns alone would let go."""
    from casus.reader.known import known_agreements, names_pattern

    prefilter = Prefilter.from_file(PREFILTER_FILE)
    missed = [name for name in known_agreements() if not prefilter(name)]
    prefilter.known = names_pattern(missed) or _NOTHING
    return prefilter


def worth_reading(text: str) -> bool:
    """False when the cheap first pass finds nothing an agreement could be made of."""
    return default_prefilter()(text)
