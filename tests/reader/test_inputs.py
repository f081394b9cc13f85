"""Articles in: each kind of input, each kind of bad input with its message, the first pass.

Every fixture is written here, in our own words, into ``tmp_path``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from casus.errors import DataFileError, InputError
from casus.reader.inputs import MAX_BYTES, Article, Prefilter, load_articles, worth_reading
from casus.yamlio import load as load_yaml

CASES = load_yaml((Path(__file__).parent / "prefilter_cases.yaml").read_text(encoding="utf-8"))

STORY = (
    "The two governments signed a defence treaty in the capital on Wednesday. Under the treaty, "
    "an attack on either country will be met by both, the foreign minister told reporters after the "
    "ceremony, which was held behind closed doors."
)
PAGE = """<!DOCTYPE html>
<html><head>
<title>Neighbours sign defence treaty | The Daily Example</title>
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<link rel="canonical" href="https://news.example.org/defence-treaty">
</head><body>
<nav><a href="/">Home</a> | <a href="/sport">Sport</a> | <a href="/weather">Weather</a></nav>
<article>
<h1>Neighbours sign defence treaty</h1>
<p>The two governments signed a defence treaty in the capital on Tuesday, promising to come to
each other's aid if either is attacked by a third country.</p>
<p>The foreign minister said the agreement would be sent to parliament for ratification within a
month, and that talks on a separate trade deal would continue over the summer.</p>
</article>
<footer>Copyright 2024 The Daily Example. All rights reserved.</footer>
</body></html>
"""
GERMAN = (
    "Die beiden Regierungen haben am Mittwoch in der Hauptstadt einen Verteidigungsvertrag "
    "unterzeichnet, sagte der Außenminister nach der Zeremonie vor Journalisten."
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def batch(tmp_path: Path, *records: object, name: str = "batch.jsonl") -> Path:
    lines = [record if isinstance(record, str) else json.dumps(record) for record in records]
    return write(tmp_path, name, "\n".join(lines) + "\n")


def message(source: object, **kwargs: object) -> str:
    with pytest.raises(InputError) as caught:
        load_articles(source, **kwargs)
    return str(caught.value)


# -- each kind of input ----------------------------------------------------------------


def test_a_text_file_is_one_article_with_its_text_exactly_as_written(tmp_path):
    text = STORY + "\r\n\r\nSecond paragraph, with Windows line ends kept as they are.\n"
    path = write(tmp_path, "treaty-story.txt", text)
    [article] = load_articles(path, published=dt.date(2024, 3, 6))
    assert article == Article("treaty-story", text, dt.date(2024, 3, 6), None, str(path))


def test_a_text_file_without_a_date_has_none(tmp_path):
    [article] = load_articles(write(tmp_path, "story.txt", STORY))
    assert article.published is None


def test_the_published_flag_may_be_given_as_text(tmp_path):
    [article] = load_articles(write(tmp_path, "story.txt", STORY), published="2024-03-06")
    assert article.published == dt.date(2024, 3, 6)


def test_a_byte_order_mark_is_dropped(tmp_path):
    [article] = load_articles(write(tmp_path, "story.txt", b"\xef\xbb\xbf" + STORY.encode()))
    assert article.text == STORY


def test_an_html_file_gives_its_main_text_title_date_and_url(tmp_path):
    [article] = load_articles(write(tmp_path, "page.html", PAGE))
    assert article.text.startswith("Neighbours sign defence treaty\n")
    assert "promising to come to\neach other's aid" in article.text or "promising to come to each other" in article.text
    assert "Sport" not in article.text and "Copyright" not in article.text
    assert article.title == "Neighbours sign defence treaty"
    assert article.published == dt.date(2024, 3, 5)
    assert article.url == "https://news.example.org/defence-treaty"
    assert article.id == "page"


def test_the_flag_wins_over_the_html_metadata(tmp_path):
    [article] = load_articles(write(tmp_path, "page.html", PAGE), published=dt.date(2024, 3, 7))
    assert article.published == dt.date(2024, 3, 7)


def test_html_without_a_date_in_its_metadata_has_none_not_a_guess_from_the_text(tmp_path):
    page = PAGE.replace('<meta property="article:published_time" content="2024-03-05T09:30:00Z">', "")
    [article] = load_articles(write(tmp_path, "page.htm", page))
    assert article.published is None


def test_html_is_recognised_by_its_content_whatever_the_suffix(tmp_path):
    [article] = load_articles(write(tmp_path, "saved-page.txt", PAGE))
    assert article.title == "Neighbours sign defence treaty"


def test_standard_input_is_one_article(tmp_path):
    [article] = load_articles("-", published=dt.date(2024, 3, 6), stdin=io.BytesIO(STORY.encode()))
    assert article == Article("stdin", STORY, dt.date(2024, 3, 6))


def test_standard_input_may_be_a_jsonl_batch():
    lines = "\n".join(json.dumps({"id": f"s{n}", "text": STORY}) for n in range(2))
    articles = load_articles("-", stdin=io.BytesIO(lines.encode()))
    assert [article.id for article in articles] == ["s0", "s1"]


def test_a_jsonl_batch_reads_text_and_html_lines(tmp_path):
    path = batch(
        tmp_path,
        {"id": "first", "text": STORY, "published": "2024-03-06", "url": "https://example.org/1"},
        "",
        {"html": PAGE},
    )
    first, second = load_articles(path)
    assert first == Article("first", STORY, dt.date(2024, 3, 6), "https://example.org/1", str(path))
    assert second.id == "batch:3"  # no id: the file's stem and the line number
    assert second.title == "Neighbours sign defence treaty"
    assert second.published == dt.date(2024, 3, 5)  # from the page's metadata
    assert second.url == "https://news.example.org/defence-treaty"


def test_in_a_batch_a_lines_own_date_wins_over_the_flag_and_the_flag_fills_the_rest(tmp_path):
    path = batch(
        tmp_path,
        {"id": "dated", "text": STORY, "published": "2024-03-06"},
        {"id": "undated", "text": STORY},
        {"id": "page", "html": PAGE},
        {"id": "null", "text": STORY, "published": None},
    )
    dates = {article.id: article.published for article in load_articles(path, published=dt.date(2025, 1, 1))}
    assert dates == {"dated": dt.date(2024, 3, 6), "undated": dt.date(2025, 1, 1),
                     "page": dt.date(2025, 1, 1), "null": dt.date(2025, 1, 1)}


def test_a_json_file_is_one_record_like_a_jsonl_line(tmp_path):
    record = {"id": "seed-like", "text": STORY, "published": "2024-03-06", "gold": {"agreements": []}}
    path = write(tmp_path, "annotated.json", json.dumps(record))
    assert load_articles(path) == [Article("seed-like", STORY, dt.date(2024, 3, 6), None, str(path))]


def test_a_json_file_without_text(tmp_path):
    path = write(tmp_path, "annotated.json", '{"id": "x"}')
    assert message(path) == f"{path}: has neither 'text' nor 'html'"


def test_a_date_with_a_time_keeps_its_day(tmp_path):
    path = batch(tmp_path, {"id": "a", "text": STORY, "published": "2024-03-06T23:10:00+02:00"})
    assert load_articles(path)[0].published == dt.date(2024, 3, 6)


def test_a_text_of_names_that_no_language_claims_is_let_through(tmp_path):
    text = "NATO, CSTO, AUKUS: Finland, Sweden, Norway, Denmark, Poland, Estonia, Latvia, Lithuania summit Vilnius"
    [article] = load_articles(write(tmp_path, "names.txt", text))
    assert article.text == text


def test_a_short_text_is_not_judged_for_its_language(tmp_path):
    [article] = load_articles(write(tmp_path, "short.txt", "Pact signed."))
    assert article.text == "Pact signed."


# -- bad input: each with its exact message ------------------------------------------------


def test_a_missing_file(tmp_path):
    path = tmp_path / "nowhere.txt"
    assert message(path) == f"{path}: no such file"


def test_a_directory(tmp_path):
    assert message(tmp_path) == f"{tmp_path}: is a directory, not an article"


@pytest.mark.parametrize("content", ["", "  \n\t\n"])
def test_an_empty_file(tmp_path, content):
    path = write(tmp_path, "empty.txt", content)
    assert message(path) == f"{path}: empty: there is no text to read"


def test_empty_standard_input():
    assert message("-", stdin=io.BytesIO(b"")) == "<stdin>: empty: there is no text to read"


def test_a_binary_file_with_a_nul_byte(tmp_path):
    path = write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert message(path) == f"{path}: binary, not text (a NUL byte at offset 8)"


def test_a_binary_file_of_control_characters(tmp_path):
    path = write(tmp_path, "blob.txt", bytes(range(1, 32)) * 20 + b"\xff\xfe")
    assert message(path) == f"{path}: binary, not text (mostly control characters)"


def test_a_file_that_is_not_utf8_names_the_first_bad_byte(tmp_path):
    path = write(tmp_path, "latin1.txt", "The minister met the press.\nThe café was closed.".encode("latin-1"))
    assert message(path) == (
        f"{path}: not UTF-8: byte 0xe9 at offset 35, line 2, column 8 is not valid UTF-8; save the file as UTF-8"
    )


def test_a_utf16_file_is_named_as_such(tmp_path):
    path = write(tmp_path, "utf16.txt", STORY.encode("utf-16"))
    assert message(path) == (
        f"{path}: not UTF-8 but UTF-16 (it starts with a UTF-16 byte-order mark); save the file as UTF-8"
    )


def test_a_file_over_10_mb(tmp_path):
    path = write(tmp_path, "huge.txt", b"a" * (MAX_BYTES + 1))
    assert message(path) == f"{path}: over 10 MB (10,485,761 bytes); casus reads articles of at most 10 MB"


def test_a_jsonl_line_over_10_mb_while_the_batch_may_be_larger(tmp_path):
    line = json.dumps({"id": "big", "text": "a " * (MAX_BYTES // 2 + 1)})
    path = batch(tmp_path, {"id": "small", "text": STORY}, line)
    assert message(path) == (
        f"{path}, line 2: over 10 MB ({len(line):,} bytes); casus reads articles of at most 10 MB"
    )


def test_standard_input_over_10_mb():
    data = io.BytesIO(b"a" * (MAX_BYTES + 1))
    assert message("-", stdin=data) == "<stdin>: over 10 MB; casus reads articles of at most 10 MB"


def test_a_file_not_in_english(tmp_path):
    path = write(tmp_path, "bericht.txt", GERMAN)
    assert message(path) == f"{path}: not English: it reads as German (de, 100% sure); casus reads English articles"


def test_an_html_page_not_in_english(tmp_path):
    page = PAGE.replace("<p>The two governments", f"<p>{GERMAN} {GERMAN}</p><p>The two governments")
    page = page.replace("<h1>Neighbours sign defence treaty</h1>", "")
    page = page.split("<p>The two governments")[0] + "</article></body></html>"
    path = write(tmp_path, "seite.html", page)
    assert message(path).startswith(f"{path}: not English: it reads as German (de, ")


def test_html_with_no_article_text(tmp_path):
    path = write(tmp_path, "blank.html", "<html><head><title>Only a title</title></head><body></body></html>")
    assert message(path) == f"{path}: no article text found in the HTML"


def test_a_bad_published_flag(tmp_path):
    path = write(tmp_path, "story.txt", STORY)
    assert message(path, published="19 June 2024") == (
        f"{path}: bad date in published: '19 June 2024' is not a date YYYY-MM-DD"
    )


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("this is not json", "not JSON: Expecting value (column 1)"),
        ('{"text": "unterminated', "not JSON: Unterminated string starting at (column 10)"),
        ('["a", "list"]', "not a JSON object but list"),
        ('{"id": "x", "url": "https://example.org"}', "has neither 'text' nor 'html'"),
        ('{"text": "   "}', "empty: 'text' has no text to read"),
        ('{"html": ""}', "empty: 'html' has no text to read"),
        ('{"text": 42}', "'text' must be a string, not int"),
        ('{"id": [1], "text": "Pact signed."}', "'id' must be a string or a number, not list"),
        ('{"text": "Pact signed.", "published": "2024-02-30"}',
         "bad date in 'published': '2024-02-30' is not a date YYYY-MM-DD"),
        ('{"text": "Pact signed.", "published": 20240219}',
         "bad date in 'published': 20240219 is not a date YYYY-MM-DD"),
        (json.dumps({"text": GERMAN}), "not English: it reads as German (de, 100% sure); casus reads English articles"),
    ],
)
def test_a_bad_jsonl_line_names_its_line(tmp_path, line, problem):
    path = batch(tmp_path, {"id": "good", "text": STORY}, line)
    assert message(path) == f"{path}, line 2: {problem}"


def test_a_jsonl_line_not_in_utf8(tmp_path):
    path = write(tmp_path, "batch.jsonl", b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    assert message(path) == (
        f"{path}, line 2: not UTF-8: byte 0xe9 at offset 13 of the line is not valid UTF-8; save the file as UTF-8"
    )


def test_a_jsonl_id_used_twice(tmp_path):
    path = batch(tmp_path, {"id": "a", "text": STORY}, {"id": "b", "text": STORY}, {"id": "a", "text": STORY})
    assert message(path) == f"{path}, line 3: id 'a' already used on line 1"


@pytest.mark.parametrize("content", ["", "\n\n", "\n \n"])
def test_an_empty_batch(tmp_path, content):
    path = write(tmp_path, "batch.jsonl", content)
    assert message(path) == f"{path}: empty: there is no article in the batch"


def test_a_bad_line_stops_the_whole_batch_before_anything_is_returned(tmp_path):
    path = batch(tmp_path, *({"id": str(n), "text": STORY} for n in range(5)), "{}")
    assert message(path) == f"{path}, line 6: has neither 'text' nor 'html'"


def test_input_errors_exit_with_code_3(tmp_path):
    with pytest.raises(InputError) as caught:
        load_articles(write(tmp_path, "empty.txt", ""))
    assert caught.value.exit_code == 3
    assert caught.value.path == str(tmp_path / "empty.txt") and caught.value.line is None


# -- the first pass ------------------------------------------------------------------------


@pytest.mark.parametrize("text", CASES["keep"])
def test_the_first_pass_keeps_treaty_news(text):
    assert worth_reading(text)


@pytest.mark.parametrize("text", CASES["skip"])
def test_the_first_pass_skips_ordinary_news(text):
    assert not worth_reading(text)


def test_the_first_pass_needs_both_kinds_of_word_in_one_sentence():
    assert not worth_reading("The deal was signed on Monday. Separately, the army held a parade.")
    assert worth_reading("The deal on the army's new bases was signed on Monday.")


def test_acronyms_match_as_written():
    assert worth_reading("The NATO summit opens today.")
    assert not worth_reading("The senator spoke about the Sconato family restaurant.")


def test_the_first_pass_keeps_every_dev_treaty_story():
    """Every hand-annotated article with a gold agreement (../shared, read where it is,
    never copied) passes; a story with nothing to find may be skipped."""
    folder = Path(__file__).resolve().parents[2].parent / "shared" / "dev-articles"
    articles = sorted(folder.glob("*.json"))
    if not articles:
        pytest.skip(f"no dev articles under {folder}")
    records = [(path.name, json.loads(path.read_text())) for path in articles]
    missed = [name for name, r in records if r["gold"]["agreements"] and not worth_reading(r["text"])]
    assert missed == []


def test_a_prefilter_file_is_checked_on_load(tmp_path):
    bad = tmp_path / "prefilter.yaml"
    bad.write_text("schema: casus.prefilter.v1\nsource: test\nstrong: ['(unclosed']\nacronyms: []\n"
                   "agreement: [deal]\nsecurity: [army]\n")
    with pytest.raises(DataFileError, match=r"strong\[0\]: bad regular expression"):
        Prefilter.from_file(bad)
    bad.write_text("schema: casus.prefilter.v1\nsource: test\nstrong: [Pact]\nacronyms: []\nagreement: [deal]\n"
                   "security: [army]\n")
    with pytest.raises(DataFileError, match=r"strong\[0\]: must be lower case"):
        Prefilter.from_file(bad)
    bad.write_text("schema: casus.prefilter.v1\nsource: test\nstrong: [pact]\nacronyms: []\nagreement: [deal]\n")
    with pytest.raises(DataFileError, match="field security: missing or not a list"):
        Prefilter.from_file(bad)


def test_another_prefilter_file_in_the_same_format_can_be_used(tmp_path):
    own = tmp_path / "mine.yaml"
    own.write_text("schema: casus.prefilter.v1\nsource: test\nstrong: [armistice]\nacronyms: [UN]\n"
                   "agreement: [deal]\nsecurity: [army]\n")
    first_pass = Prefilter.from_file(own)
    assert first_pass("The Armistice held.") and first_pass("The UN met.") and not first_pass("The pact held.")
    assert not first_pass("The un-met need.")


def test_an_empty_list_of_patterns_matches_nothing(tmp_path):
    own = tmp_path / "mine.yaml"
    own.write_text("schema: casus.prefilter.v1\nsource: test\nstrong: []\nacronyms: []\n"
                   "agreement: [deal]\nsecurity: [army]\n")
    first_pass = Prefilter.from_file(own)
    assert not first_pass("Any words at all.") and first_pass("The army deal.")


def test_a_signing_verb_beside_weapons_alone_is_an_arms_purchase_not_worth_reading(tmp_path):
    own = tmp_path / "mine.yaml"
    own.write_text("schema: casus.prefilter.v1\nsource: test\nstrong: []\nacronyms: []\n"
                   "agreement: [agreement]\nsecurity: [troops]\nsigning: [signed]\nhardware: [tanks]\n")
    first_pass = Prefilter.from_file(own)
    assert not first_pass("The ministry signed for forty tanks.")
    assert first_pass("They signed a plan to station troops.")
    assert first_pass("An agreement on tanks was reached.")
    assert not first_pass("They signed. Tanks rolled past.")


def test_the_optional_lists_of_a_prefilter_file_must_be_lists(tmp_path):
    bad = tmp_path / "prefilter.yaml"
    bad.write_text("schema: casus.prefilter.v1\nsource: test\nstrong: []\nacronyms: []\n"
                   "agreement: [deal]\nsecurity: [army]\nhardware: tanks\n")
    with pytest.raises(DataFileError, match="field hardware: not a list"):
        Prefilter.from_file(bad)
