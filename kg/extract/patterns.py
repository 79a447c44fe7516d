"""The relation rules' patterns (``patterns.toml`` beside this module), matched per sentence.

A pattern set names what a rule looks for ("led_by": "chaired by", "presided over by";
"member_noun": "X is a member of A"); each of its ids holds spaCy :class:`~spacy.matcher.Matcher`
token patterns or :class:`~spacy.matcher.DependencyMatcher` patterns, and the rule reads the id
(a role, a frame) and, for a dependency pattern, the tokens of its nodes from the match. The
patterns keep spaCy's format; :func:`find_patterns` finds what spaCy's matchers would (a test
holds it to that) at the cost of a dictionary lookup per word for the one-token patterns and
anchors, where spaCy's matchers test every pattern at every token (6-16 % of the parse here).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("The network, chaired by Ann Lee, met.")
>>> [(m.pattern, doc[m.start:m.end].text) for m in find_patterns(doc)["led_by"]]
[('chair', 'chaired by')]
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .lexicon import LEXICON

__all__ = ["DEPENDENCY_PATTERNS", "TEXT_PATTERNS", "TOKEN_PATTERNS", "PatternMatch", "find_patterns"]

_SEPARATOR = "/"


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """One match of a pattern set: the pattern's id, the tokens ``start:end`` it spans and, for a
    dependency pattern, the token of each of its nodes by the node's ``RIGHT_ID``."""

    pattern: str
    start: int
    end: int
    nodes: dict[str, int] = field(default_factory=dict)


def _load() -> tuple[dict[str, tuple[tuple[str, list], ...]], dict[str, tuple[tuple[str, list], ...]],
                     dict[str, tuple[tuple[str, re.Pattern], ...]]]:
    data = tomllib.loads(resources.files(__package__).joinpath("patterns.toml").read_text(encoding="utf-8"))
    return _pattern_sets(data["patterns"]), _pattern_sets(data["dependency_patterns"]), _text_patterns(data["text_patterns"])


def _text_patterns(tables: dict) -> dict[str, tuple[tuple[str, re.Pattern], ...]]:
    """Regular expressions over a sentence's text, for what spaCy tokenises unevenly (numbers and
    ranges: "801-1000" is three tokens, "1001–1200" one); ``{@NAME}`` stands for the lexicon's word
    list ``NAME`` as an alternation. Each set is a list of {id, regex} tables, in the order tried."""
    def expand(regex: str) -> str:
        return re.sub(r"\{@(\w+)\}", lambda m: "|".join(map(re.escape, LEXICON.ordered[m.group(1)])), regex)

    return {name: tuple((item["id"], re.compile(expand(item["regex"]), re.I if item.get("ignore_case") else 0))
                        for item in items) for name, items in tables.items()}


def _pattern_sets(tables: dict) -> dict[str, tuple[tuple[str, list], ...]]:
    """Pattern tables with every ``{IN = "@NAME"}`` replaced by the lexicon's word list ``NAME``."""
    def expand(value):
        if isinstance(value, dict):
            return {k: list(LEXICON.ordered[v[1:]]) if k == "IN" and isinstance(v, str) and v.startswith("@")
                    else expand(v) for k, v in value.items()}
        return [expand(v) for v in value] if isinstance(value, list) else value

    return {name: tuple((pattern_id, expand(patterns)) for pattern_id, patterns in table.items())
            for name, table in tables.items()}


#: set -> ((pattern id, spaCy Matcher patterns), ...), in file order; the same for the DependencyMatcher;
#: and set -> ((pattern id, compiled regular expression), ...) for the text patterns
TOKEN_PATTERNS, DEPENDENCY_PATTERNS, TEXT_PATTERNS = _load()

#: how a dependency pattern's node reaches its tokens from its LEFT_ID's token (the operators used here)
_RELATIONS: dict[str, Callable[[Token], Iterable[Token]]] = {
    ">": lambda token: token.children,
    "<": lambda token: () if token.head.i == token.i else (token.head,),
    ">>": lambda token: (t for t in token.subtree if t.i != token.i),
    "<<": lambda token: token.ancestors,
}
#: token pattern keys read here, as Token attributes
_ATTRIBUTES = {"LOWER": "lower_", "LEMMA": "lemma_", "ORTH": "text", "DEP": "dep_", "POS": "pos_", "TAG": "tag_"}
#: the keys a one-token pattern or a dependency anchor can be looked up by, in order of preference
_INDEXED = ("LOWER", "LEMMA", "ORTH", "DEP")


@dataclass(frozen=True, slots=True)
class _Spec:
    """One token's attributes in a pattern: (Token attribute, value or None, IN values or None) each."""

    attributes: tuple[tuple[str, str | None, frozenset[str] | None], ...]

    def accepts(self, token: Token) -> bool:
        return all(getattr(token, attribute) == value if values is None else getattr(token, attribute) in values
                   for attribute, value, values in self.attributes)


def _spec(attributes: dict, where: str) -> _Spec:
    spec = []
    for key, value in attributes.items():
        if key not in _ATTRIBUTES or isinstance(value, dict) and set(value) != {"IN"}:
            raise ValueError(f"patterns.toml: {where} uses {key} = {value!r}; a dependency pattern's nodes and "
                             f"one-token patterns read {', '.join(_ATTRIBUTES)} with a value or an IN list")
        spec.append((_ATTRIBUTES[key], None if isinstance(value, dict) else value,
                     frozenset(value["IN"]) if isinstance(value, dict) else None))
    return _Spec(tuple(spec))


@dataclass(frozen=True, slots=True)
class _Node:
    """A dependency pattern's node after the anchor: reached from ``left`` by ``relation``."""

    name: str
    left: str
    relation: str
    spec: _Spec


def _node(node: dict, where: str) -> _Node:
    if node["REL_OP"] not in _RELATIONS:
        raise ValueError(f"patterns.toml: {where} uses REL_OP {node['REL_OP']!r}; use one of {', '.join(_RELATIONS)}")
    return _Node(node["RIGHT_ID"], node["LEFT_ID"], node["REL_OP"], _spec(node["RIGHT_ATTRS"], where))


def _one_token(spec: dict) -> bool:
    """A one-token pattern the index can take: plain attributes, one of them a word or a dependency label."""
    return all(key in _ATTRIBUTES and (not isinstance(v, dict) or set(v) == {"IN"}) for key, v in spec.items()) \
        and any(key in _INDEXED for key in spec)


def _compile() -> tuple[dict, dict, list[tuple[str, list]]]:
    """Sort the patterns: one-token patterns and dependency anchors into an index by word (or
    dependency label), longer token patterns for spaCy's Matcher; and each dependency pattern's walk."""
    index: dict[str, dict[str, list[tuple[str, _Spec]]]] = {}
    walks: dict[str, tuple[str, tuple[_Node, ...]]] = {}
    longer: list[tuple[str, list]] = []

    def add(key: str, attributes: dict, where: str) -> None:
        by = next(k for k in _INDEXED if k in attributes)
        value = attributes[by]
        for word in (value["IN"] if isinstance(value, dict) else [value]):
            index.setdefault(_ATTRIBUTES[by], {}).setdefault(word, []).append((key, _spec(attributes, where)))

    for name, entries in TOKEN_PATTERNS.items():
        for pattern_id, patterns in entries:
            key = f"{name}{_SEPARATOR}{pattern_id}"
            for pattern in patterns:
                if len(pattern) == 1 and _one_token(pattern[0]):
                    add(key, pattern[0], f"[patterns.{name}] {pattern_id}")
                else:
                    longer.append((key, pattern))
    for name, entries in DEPENDENCY_PATTERNS.items():
        for pattern_id, patterns in entries:
            for i, pattern in enumerate(patterns):
                key, where = f"{name}{_SEPARATOR}{pattern_id}{_SEPARATOR}{i}", f"[dependency_patterns.{name}] {pattern_id}"
                if not _one_token(pattern[0]["RIGHT_ATTRS"]):
                    raise ValueError(f"patterns.toml: {where}: the first node (the anchor) needs a LOWER, LEMMA, "
                                     f"ORTH or DEP to be found by")
                add(key, pattern[0]["RIGHT_ATTRS"], where)
                walks[key] = (pattern[0]["RIGHT_ID"], tuple(_node(node, where) for node in pattern[1:]))
    return index, walks, longer


def _openers(longer: list[tuple[str, list]]) -> dict[str, frozenset[str]] | None:
    """The first words of the longer token patterns, by Token attribute: a sentence without one is
    not given to spaCy's Matcher at all. None: some longer pattern starts without a word (or with
    an optional one), so the Matcher always runs."""
    openers: dict[str, frozenset[str]] = {}
    for _, pattern in longer:
        by = next((k for k in ("LOWER", "LEMMA", "ORTH") if k in pattern[0] and "OP" not in pattern[0]), None)
        if by is None:
            return None
        value = pattern[0][by]
        words = value["IN"] if isinstance(value, dict) else [value]
        openers[_ATTRIBUTES[by]] = openers.get(_ATTRIBUTES[by], frozenset()) | frozenset(words)
    return openers


#: word (or label) -> (pattern key, spec) by Token attribute; dependency pattern key -> (anchor, nodes);
#: the token patterns of more than one token; their first words
_INDEX, _WALKS, _LONGER = _compile()
_OPENERS = _openers(_LONGER)
_matchers: dict[int, tuple[Vocab, Matcher]] = {}


def _matcher(vocab: Vocab) -> Matcher:
    """spaCy's Matcher with the token patterns of more than one token, built once per vocabulary."""
    if id(vocab) not in _matchers:
        matcher = Matcher(vocab)
        for key, pattern in _LONGER:
            matcher.add(key, [pattern], greedy="LONGEST")
        _matchers[id(vocab)] = (vocab, matcher)
    return _matchers[id(vocab)][1]


def _walk(nodes: tuple[_Node, ...], bound: dict[str, Token], start: int, end: int) -> Iterator[dict[str, Token]]:
    """Every way to give the remaining ``nodes`` tokens of the sentence ``start:end``, as spaCy's
    DependencyMatcher would (distinct tokens, each reached from its LEFT_ID by its REL_OP)."""
    if not nodes:
        yield bound
        return
    node, rest = nodes[0], nodes[1:]
    taken = {t.i for t in bound.values()}
    for token in _RELATIONS[node.relation](bound[node.left]):
        if start <= token.i < end and token.i not in taken and node.spec.accepts(token):
            yield from _walk(rest, {**bound, node.name: token}, start, end)


def _hits(doclike: Doc | Span, offset: int) -> Iterator[tuple[str, int, int]]:
    """(pattern key, start, end) of every indexed one-token pattern and every longer token pattern
    (spaCy's Matcher runs only on a sentence with a word that opens one)."""
    opened = _OPENERS is None
    for token in doclike:
        for attribute, table in _INDEX.items():
            for key, spec in table.get(getattr(token, attribute), ()):
                if spec.accepts(token):
                    yield key, token.i, token.i + 1
        opened = opened or any(getattr(token, attribute) in words for attribute, words in _OPENERS.items())
    if opened:
        strings = doclike.vocab.strings
        for match_id, start, end in _matcher(doclike.vocab)(doclike):
            yield strings[match_id], start + offset, end + offset


def find_patterns(doclike: Doc | Span) -> dict[str, list[PatternMatch]]:
    """Every pattern set's matches in a Doc or a sentence (token indices of the Doc), by set name,
    in text order; sets without a match are absent.

    Patterns are spaCy Matcher token patterns and DependencyMatcher patterns. One-token patterns
    and the anchors (first nodes) of dependency patterns are looked up by their word in an index
    (a dict per attribute: no pass over the text per pattern); longer token patterns run on
    spaCy's Matcher; a dependency pattern's other nodes are followed along the parse from its
    anchor (``>``, ``<``, ``>>``, ``<<``).
    """
    found: dict[str, list[PatternMatch]] = {}
    doc = doclike.doc if isinstance(doclike, Span) else doclike
    offset = doclike.start if isinstance(doclike, Span) else 0
    parsed = doc.has_annotation("DEP")
    for key, start, end in dict.fromkeys(_hits(doclike, offset)):  # a word may be found by two attributes
        if key not in _WALKS:
            name, pattern_id = key.split(_SEPARATOR, 1)
            found.setdefault(name, []).append(PatternMatch(pattern_id, start, end))
        elif parsed:  # a dependency pattern needs the parse
            name, pattern_id, _ = key.split(_SEPARATOR)
            anchor, nodes = _WALKS[key]
            for bound in _walk(nodes, {anchor: doc[start]}, offset, offset + len(doclike)):
                tokens = {node: token.i for node, token in bound.items()}
                found.setdefault(name, []).append(
                    PatternMatch(pattern_id, min(tokens.values()), max(tokens.values()) + 1, tokens))
    for matches in found.values():
        matches.sort(key=lambda m: (m.start, m.end))
    return found
