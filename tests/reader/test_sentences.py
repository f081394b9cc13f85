from casus.reader.sentences import split


def test_glued_sentences_and_abbreviations():
    text = "It was signed in June 2024.The Duma met. Lloyd J. Austin and Mr. Smith spoke. The U.S. agreed."
    assert [text[s:e] for s, e in split(text)] == [
        "It was signed in June 2024.", "The Duma met.", "Lloyd J. Austin and Mr. Smith spoke.", "The U.S. agreed."]
