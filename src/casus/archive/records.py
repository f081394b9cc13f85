"""Records of a news archive, streamed: one article or one error at a time.

An archive is a JSONL file (``.jsonl``/``.ndjson``, optionally gzip-compressed:
``.gz``) of ``{id?, url?, published?, text | html}`` records, or a folder of such
files and of single articles (``.txt``, ``.html``, ``.json``), read in name order.

Nothing is read whole: lines are read with a bound (``MAX_BYTES``), so an
over-size record costs at most that much memory and is reported, not loaded,
and the memory a batch needs stays flat whatever the archive's size. Each bad
record becomes a :class:`RecordError` naming the file, the line and, where one
is at fault, the field; the records around it are read as usual.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from casus.errors import InputError
from casus.reader.inputs import MAX_BYTES, Article, article_from_line, load_articles

ARCHIVE_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
SINGLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".json")


@dataclass(frozen=True)
class Item:
    """One article of the archive, with where it came from and its content hash."""

    article: Article
    origin: str  # "file:line", or the file for a single article
    content_hash: str


@dataclass(frozen=True)
class RecordError:
    """A record that could not become an article: reported and skipped."""

    file: str
    line: int | None
    field: str | None
    message: str

    def to_json(self) -> dict:
        return {"file": self.file, "line": self.line, "field": self.field, "message": self.message}

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        if self.field:
            where += f", field {self.field}"
        return f"{where}: {self.message}"


def content_hash(article: Article) -> str:
    """The article's identity for a batch: its text and its publication date.

    The date is part of it because the reading depends on it (relative dates are
    resolved against it); the id and URL are not, so the same story filed twice
    under two ids is read once.
    """
    published = article.published.isoformat() if article.published else ""
    return hashlib.sha256(f"{published}\n{article.text}".encode()).hexdigest()


def archive_files(path: Path) -> list[Path]:
    """The files of an archive: the file itself, or a folder's readable files in name order."""
    if not path.exists():
        raise InputError(str(path), "no such file or folder")
    if path.is_file():
        return [path]
    files = [
        p for p in sorted(path.rglob("*"))
        if p.is_file() and not p.name.startswith(".") and p.name.lower().endswith(ARCHIVE_SUFFIXES + SINGLE_SUFFIXES)
    ]
    if not files:
        raise InputError(str(path), "an empty folder: no .jsonl, .jsonl.gz, .txt, .html or .json file in it")
    return files


def iter_archive(path: str | Path, published: dt.date | None = None) -> Iterator[Item | RecordError]:
    """Every record of the archive at ``path``, as an :class:`Item` or a :class:`RecordError`.

    ``published`` is the date for records that carry none. Raises ``InputError``
    only when the archive itself cannot be opened (no such path, an empty folder).
    """
    for file in archive_files(Path(path)):
        name = str(file)
        if _is_jsonl(file):
            yield from _iter_jsonl(file, published)
        else:
            try:
                for article in load_articles(file, published):
                    yield Item(article, name, content_hash(article))
            except InputError as error:
                yield RecordError(name, error.line, getattr(error, "field", None), error.message)


def _is_jsonl(file: Path) -> bool:
    """JSONL by its suffix; a file given alone with another suffix is taken for JSONL too."""
    return file.name.lower().endswith(ARCHIVE_SUFFIXES) or not file.name.lower().endswith(SINGLE_SUFFIXES)


def _open(file: Path) -> BinaryIO:
    if file.name.lower().endswith(".gz"):
        return gzip.open(file, "rb")
    return file.open("rb")


def _iter_jsonl(file: Path, published: dt.date | None) -> Iterator[Item | RecordError]:
    name = str(file)
    stem = file.name.split(".")[0]
    number = 0
    try:
        stream = _open(file)
    except OSError as error:
        yield RecordError(name, None, None, f"cannot be read: {error.strerror or error}")
        return
    with stream:
        while True:
            try:
                raw = stream.readline(MAX_BYTES + 1)
            except (OSError, EOFError, zlib.error) as error:
                # A truncated or corrupt gzip stream: nothing after this point can be trusted.
                yield RecordError(name, number + 1, None, f"the compressed stream is corrupt ({error}); "
                                  "the rest of this file is not read")
                return
            if not raw:
                return
            number += 1
            if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                _skip_line(stream)
                yield RecordError(name, number, None, "over 10 MB; casus reads articles of at most 10 MB")
                continue
            if not raw.strip():
                continue
            try:
                article = article_from_line(raw.rstrip(b"\r\n"), name, number, stem, published)
            except InputError as error:
                yield RecordError(name, number, getattr(error, "field", None), error.message)
                continue
            yield Item(article, f"{name}:{number}", content_hash(article))


def _skip_line(stream: BinaryIO) -> None:
    """Read past the rest of an over-size line in bounded pieces."""
    while True:
        piece = stream.readline(1 << 20)
        if not piece or piece.endswith(b"\n"):
            return
