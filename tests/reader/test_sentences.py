from casus.reader.sentences import split


def test_glued_sentences_and_abbreviations():
    text = "It was signed in June 2024.The Duma met. Lloyd J. Austin and Mr. Smith spoke. The U.S. agreed."
    assert [text[s:e] for s, e in split(text)] == [
        "It was signed in June 2024.", "The Duma met.", "Lloyd J. Austin and Mr. Smith spoke.", "The U.S. agreed."]


def test_an_abbreviation_at_the_end_of_a_compound_ends_no_sentence():
    text = "They signed the Indo-U.S. Basic Exchange Agreement. The Sino-U.K. Joint Declaration followed."
    assert [text[s:e] for s, e in split(text)] == [
        "They signed the Indo-U.S. Basic Exchange Agreement.", "The Sino-U.K. Joint Declaration followed."]
