"""Streaming an archive: each record an article or an error naming file, line and field."""

from __future__ import annotations

import gzip
import json

import pytest

from casus.archive import RecordError, content_hash, iter_archive
from casus.errors import InputError

GOOD = "Norway and Kenya signed a defence cooperation agreement in Oslo on Monday, officials said."


def _lines(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


def test_bad_records_in_the_middle_are_reported_with_their_line_and_the_rest_is_read(tmp_path):
    archive = tmp_path / "news.jsonl"
    archive.write_bytes(_lines(
        {"id": "one", "text": GOOD},
        b'{"id": "two", "text": "cut off',
        b'{"id": "three", "text": "Caf\xe9 talks"}',
        b'{"id": "four", "text": "' + b"x" * (10 * 1024 * 1024 + 5) + b'"}',
        {"id": "five", "text": ""},
        {"id": "six", "text": GOOD + " Again."},
    ))
    out = list(iter_archive(archive))
    assert [r.article.id for r in out if not isinstance(r, RecordError)] == ["one", "six"]
    errors = [r for r in out if isinstance(r, RecordError)]
    assert [(e.line, e.field) for e in errors] == [(2, None), (3, None), (4, None), (5, "text")]
    assert errors[0].message.startswith("not JSON")
    assert "not UTF-8: byte 0xe9" in errors[1].message
    assert "over 10 MB" in errors[2].message
    assert str(errors[3]) == f"{archive}, line 5, field text: empty: 'text' has no text to read"


def test_a_gzip_archive_streams_like_a_plain_one(tmp_path):
    archive = tmp_path / "news.jsonl.gz"
    with gzip.open(archive, "wb") as out:
        out.write(_lines({"id": "one", "text": GOOD}, {"id": "two", "text": GOOD, "published": "2025-03-04"}))
    items = list(iter_archive(archive))
    assert [(i.article.id, i.origin) for i in items] == [("one", f"{archive}:1"), ("two", f"{archive}:2")]
    assert str(items[1].article.published) == "2025-03-04"


def test_a_truncated_gzip_archive_reports_where_it_broke_after_the_good_records(tmp_path):
    archive = tmp_path / "news.jsonl.gz"
    whole = gzip.compress(_lines(*({"id": f"n{n}", "text": f"{GOOD} Story {n}."} for n in range(200))))
    archive.write_bytes(whole[: len(whole) // 2])
    out = list(iter_archive(archive))
    assert isinstance(out[-1], RecordError) and "compressed stream is corrupt" in out[-1].message
    assert all(not isinstance(r, RecordError) for r in out[:-1]) and len(out) > 1


def test_a_folder_is_read_in_name_order_with_single_articles_beside_batches(tmp_path):
    (tmp_path / "b.jsonl").write_bytes(_lines({"id": "batch-1", "text": GOOD}))
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "notes.csv").write_text("ignored,file\n")
    (tmp_path / "c.html").write_text("<html><body></body></html>")
    out = list(iter_archive(tmp_path))
    assert [r.article.id if not isinstance(r, RecordError) else "error" for r in out] == ["a", "batch-1", "error"]
    assert out[2].file == str(tmp_path / "c.html")


def test_the_same_story_under_two_ids_has_one_content_hash_and_another_date_another(tmp_path):
    archive = tmp_path / "news.jsonl"
    archive.write_bytes(_lines({"id": "x", "text": GOOD}, {"id": "y", "text": GOOD},
                               {"id": "z", "text": GOOD, "published": "2024-01-02"}))
    x, y, z = (i.content_hash for i in iter_archive(archive))
    assert x == y != z
    assert x == content_hash(next(iter(iter_archive(archive))).article)


def test_an_archive_that_does_not_exist_or_holds_nothing_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_archive(tmp_path / "missing.jsonl"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="an empty folder"):
        list(iter_archive(tmp_path / "empty"))
