"""The trigger patterns ask first for a word a match must begin with: the same matches,
fewer scans."""

import pytest

from casus.reader.rules import _leading_words, load_rules


@pytest.mark.parametrize("pattern, words", [
    (r"\bsign(?:s|ed|ing)?\b", ("sign",)),
    (r"\b(?:seal|formali[sz])(?:e|es)", ("seal", "formali")),
    (r"(?<!to )\b(?:forg(?:e|es)|penn?(?:s|ed)?|cement)\b", ("forg", "pen", "cement")),
    (r"\b(?:re)?join(?:s|ed)\b", None),  # an alternative that opens with a group
    (r"\b(?:is|are) no longer", None),  # words too short to be worth asking for
    (r"(?<!had )\blaps(?:es|ed)\b", ("laps",)),
    (r"\b(?:article|clause)\b[^.;:]{0,60}?", ("article", "clause")),
    (r"(?<![\w-])(?:end|ends)\b", None),  # no word boundary first
])
def test_the_words_a_match_must_begin_with(pattern, words):
    assert _leading_words(pattern) == words


SENTENCES = [
    "Chile and Peru signed a defence treaty on Monday and sealed their alliance.",
    "The Senate ratified the pact; Moscow later suspended its participation and then withdrew.",
    "Türkiye's parliament APPROVED Sweden's accession; İstanbul hosted the signing.",
    "Nothing happened at the summit, where the ministers spoke of fishing quotas.",
    "Argentina penned a memorandum, forged an alliance and let the old treaty lapse.",
]


def test_every_trigger_pattern_finds_the_same_matches_gated_as_plain():
    for patterns in load_rules().events.values():
        for rx in patterns:
            plain = getattr(rx, "_compiled", rx)
            for sentence in SENTENCES:
                assert [m.span() for m in rx.finditer(sentence)] == [m.span() for m in plain.finditer(sentence)]
                assert [m.span() for m in rx.finditer(sentence, 5, 40)] == [
                    m.span() for m in plain.finditer(sentence, 5, 40)]
