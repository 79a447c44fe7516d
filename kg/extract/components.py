"""Extraction as spaCy pipeline components, so ``nlp.pipe`` (batching, ``n_process``) covers it.

Two factories, added after the statistical components by :func:`add_extraction`:

- ``kg_mentions_v1`` finds the mentions (:mod:`kg.extract.mentions`: gazetteer, head nouns,
  acronyms, references, NER) and writes them to ``doc.spans["kg_mentions"]`` (label: the
  entity type or reference kind, ``kb_id``: the gazetteer key, ``id``: where it came from), and
  to ``doc._.kg_refers_to`` the full name each acronym, pronoun or surname stands for (by span index);
- ``kg_relations_v1`` reads those spans and writes the candidate facts of
  :mod:`kg.extract.relations` and :mod:`kg.extract.candidates` to ``doc._.kg_facts`` as plain,
  msgpack-serialisable lists, so a Doc carries them through spaCy's worker processes.

The publication date the relation rules use as the default date of reported events is read
from ``doc._.kg_published``. Both components save their settings and the gazetteer they match
against with ``to_disk``/``from_disk``, so a pipeline saved with ``nlp.to_disk`` extracts the
same facts when loaded again.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import sys
from dataclasses import asdict
from pathlib import Path

import spacy
from preshed.maps import PreshMap
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import Gazetteer, GazEntry, GroupLink, load_gazetteer, read_cache_file, write_cache_file
from . import mentions
from .mentions import Found, MentionFinder, _TokenCache, _variants
from .relations import Fact, find_relations

__all__ = ["MENTIONS", "RELATIONS", "SPANS_KEY", "StoredMatcherFinder", "TokenTable", "add_extraction", "facts_of",
           "mentions_of"]

MENTIONS = "kg_mentions_v1"  # spaCy allows no "." in factory names
RELATIONS = "kg_relations_v1"
SPANS_KEY = "kg_mentions"


def _extensions() -> None:
    for name in ("kg_facts", "kg_published", "kg_refers_to", "kg_error"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class _GazetteerComponent:
    """Shared by both components: a gazetteer set by :func:`add_extraction`, saved with the pipeline."""

    def __init__(self, nlp: Language, name: str):
        _extensions()
        self.nlp = nlp
        self.name = name
        self.gazetteer: Gazetteer | None = None

    def use(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def _gazetteer(self) -> Gazetteer:
        if self.gazetteer is None:
            self.gazetteer = load_gazetteer()
        return self.gazetteer

    def to_disk(self, path, exclude=()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        gazetteer = self._gazetteer()
        data = {"entries": [asdict(e) for e in gazetteer.entries.values()], "links": [asdict(link) for link in gazetteer.links],
                "blocked": {k: sorted(v) for k, v in gazetteer.blocked.items()}}
        (folder / "gazetteer.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path, exclude=()):
        data = json.loads((Path(path) / "gazetteer.json").read_text(encoding="utf-8"))
        entries = [GazEntry(**{k: _tuples(v) if k != "labels" else tuple(map(tuple, v)) for k, v in e.items()})
                   for e in data["entries"]]
        self.use(Gazetteer({e.key: e for e in entries}, [GroupLink(**link) for link in data["links"]],
                           {k: set(v) for k, v in data["blocked"].items()}))
        return self


def _tuples(value):
    return tuple(value) if isinstance(value, list) else value


class MentionComponent(_GazetteerComponent):
    """``kg_mentions_v1``: mentions of entities, as ``doc.spans["kg_mentions"]``."""

    def __init__(self, nlp: Language, name: str):
        super().__init__(nlp, name)
        self.cache_dir: Path | None = None
        self._finder: MentionFinder | None = None

    def use(self, gazetteer: Gazetteer, cache_dir: Path | None = None) -> None:
        if gazetteer is not self.gazetteer:
            self._finder = None  # rebuilt for the new gazetteer at the next document
        super().use(gazetteer)
        self.cache_dir = cache_dir

    def ready(self) -> None:
        """Build (or load from the cache) the gazetteer matcher now, not at the first document:
        processes forked afterwards (spaCy's ``n_process``, :mod:`kg.forked`) inherit it."""
        if self._finder is None:
            self._finder = StoredMatcherFinder(self.nlp, self._gazetteer(), self.cache_dir)

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        try:
            found = self._finder.find(doc)
        except Exception as exc:  # noqa: BLE001 - a fault of ours on one article: kept on the Doc, the batch goes on
            doc._.kg_error = f"finding mentions: {type(exc).__name__}: {exc}"
            found = []
        doc.spans[SPANS_KEY] = [Span(doc, f.start, f.end, label=f.label, kb_id=f.key or "", span_id=f.source)
                                for f in found]
        doc._.kg_refers_to = {str(i): f.refers_to for i, f in enumerate(found) if f.refers_to}
        return doc


class RelationComponent(_GazetteerComponent):
    """``kg_relations_v1``: candidate facts between the mentions, as ``doc._.kg_facts``."""

    def __init__(self, nlp: Language, name: str, candidates: bool):
        super().__init__(nlp, name)
        self.candidates = candidates

    def __call__(self, doc: Doc) -> Doc:
        if doc._.kg_error:
            return doc  # the mentions failed: no facts from half of them
        found = mentions_of(doc)
        try:
            facts = find_relations(doc.sents, found, doc._.kg_published, self._gazetteer(), self.candidates)
        except Exception as exc:  # noqa: BLE001 - a fault of ours on one article: kept on the Doc, the batch goes on
            doc._.kg_error = f"finding relations: {type(exc).__name__}: {exc}"
            facts = []
        doc._.kg_facts = [_plain(fact) for fact in facts]
        return doc

    def to_disk(self, path, exclude=()) -> None:
        super().to_disk(path, exclude)
        (Path(path) / "cfg.json").write_text(json.dumps({"candidates": self.candidates}), encoding="utf-8")

    def from_disk(self, path, exclude=()):
        self.candidates = json.loads((Path(path) / "cfg.json").read_text(encoding="utf-8"))["candidates"]
        return super().from_disk(path, exclude)


class TokenTable:
    """Gazetteer names as token sequences: the matches of a spaCy ``PhraseMatcher`` built from the
    same patterns, in the same order, as ``(key, start, end)``, from a table that loads in
    milliseconds (a ``PhraseMatcher`` is rebuilt name by name, and each new word and key becomes a
    vocabulary entry: seconds for the 20k names of ROR and Hipo).

    ``lower``: compare lower-case forms (``attr="LOWER"``), else the exact texts (``"ORTH"``).
    ``patterns``: token sequence -> the keys it names, in the order the ``PhraseMatcher`` reports them.

    >>> table = TokenTable({("tsinghua", "university"): ("tsinghua-university",)}, lower=True)
    >>> table(spacy.blank("en")("Tsinghua University and Peking University"))
    [('tsinghua-university', 0, 2)]
    """

    def __init__(self, patterns: dict[tuple[str, ...], tuple[str, ...]], lower: bool,
                 lengths: dict[str, list[int]] | None = None):
        self.patterns = patterns
        self.lower = lower
        if lengths is None:
            found: dict[str, set[int]] = {}
            for words in patterns:
                found.setdefault(words[0], set()).add(len(words))
            lengths = {word: sorted(sizes) for word, sizes in found.items()}
        self.lengths = lengths  # first word -> lengths of the patterns it starts

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        words = [t.lower_ for t in doc] if self.lower else [t.text for t in doc]
        size, patterns, matches = len(words), self.patterns, []
        for start, word in enumerate(words):
            for length in self.lengths.get(word, ()):  # shortest first, as the PhraseMatcher's trie walk
                if start + length > size:
                    break
                keys = patterns.get(tuple(words[start:start + length]))
                if keys:
                    matches.extend((key, start, start + length) for key in keys)
        return matches

    @classmethod
    def build(cls, nlp: Language, patterns: dict[str, list[str]], tokens: _TokenCache, lower: bool) -> TokenTable:
        """Tokenise the pattern texts (by key) as ``PhraseMatcher.add`` sees them: the token texts,
        or (``lower``) the ``LOWER`` attribute spaCy gives a word, computed as its vocabulary does."""
        lower_of = nlp.vocab.lex_attr_getters.get(LOWER, str.lower)
        missing = [text for texts in patterns.values() for text in texts if text not in tokens.known]
        tokens.docs(missing)  # tokenised once and kept in the token cache; no Doc or vocabulary entry otherwise
        order: dict[tuple[str, ...], PreshMap] = {}
        by_id: dict[int, str] = {}
        for key, texts in patterns.items():
            key_id = nlp.vocab.strings[key]  # the match ID the PhraseMatcher would report
            by_id[key_id] = key
            for text in texts:
                words = tokens.known[text][0]
                if words:
                    words = tuple(map(lower_of, words)) if lower else tuple(words)
                    order.setdefault(words, PreshMap(8))[key_id] = 1
        # keys sharing a name come back in the order of the PhraseMatcher's node (a PreshMap filled
        # in the same order): MentionFinder._choose may keep the first
        return cls({words: tuple(by_id[i] for i in ids.keys()) for words, ids in order.items()}, lower)


class StoredMatcherFinder(MentionFinder):
    """A :class:`MentionFinder` built once per gazetteer, model and version of this code, and kept
    in ``cache_dir``: the next process loads it (its :class:`TokenTable` matchers and name
    indexes) instead of building it.

    The file is named by a digest of the gazetteer's fingerprint, the spaCy model and version
    and the source of the extraction modules, so any change to them builds a new one. It is
    written with :mod:`marshal` (plain dicts, tuples and strings; 10× faster to read than JSON)
    and read only from the KB's own cache folder.
    """

    def __init__(self, nlp: Language, gazetteer: Gazetteer, cache_dir: Path | None = None):
        path = _finder_path(nlp, gazetteer, cache_dir) if cache_dir is not None else None
        state = _read_state(path) if path is not None else None
        if state is not None:
            self.__dict__.update(state)
            self.gazetteer = gazetteer
            return
        self._tokens = _TokenCache(nlp, cache_dir)
        super().__init__(nlp, gazetteer, None)
        self._tokens.save()
        del self._tokens
        if path is not None:
            _write_state(path, self)

    def _add(self, nlp: Language, matcher, patterns: dict[str, list[str]], tokens: _TokenCache) -> None:
        lower = matcher is self.names
        variants = {key: list(dict.fromkeys(_variants(texts))) for key, texts in patterns.items()}
        table = TokenTable.build(nlp, variants, self._tokens, lower)
        if lower:
            self.names = table
        else:
            self.exact = table
        self._keys.update((key, key) for key in patterns)  # a TokenTable reports keys, not string IDs


def _finder_path(nlp: Language, gazetteer: Gazetteer, cache_dir: Path) -> Path:
    digest = hashlib.sha256()
    for module in (mentions, sys.modules[__name__]):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(repr((gazetteer.fingerprint(), spacy.__version__, nlp.meta.get("name"), nlp.meta.get("version"),
                        nlp.meta.get("lang"), marshal.version, sys.version_info[:2])).encode())
    return Path(cache_dir) / f"finder-{digest.hexdigest()[:24]}.marshal"


def _read_state(path: Path) -> dict | None:
    state = read_cache_file(path)  # None: none yet, damaged or another Python: built again
    if not isinstance(state, dict):
        return None
    for name in ("names", "exact"):
        state[name] = TokenTable(*state[name])
    return state


def _write_state(path: Path, finder: StoredMatcherFinder) -> None:
    state = {name: value for name, value in vars(finder).items() if name != "gazetteer"}
    for name in ("names", "exact"):
        state[name] = (state[name].patterns, state[name].lower, state[name].lengths)
    try:
        write_cache_file(path, state)
    except (ValueError, OSError):
        return  # an attribute marshal cannot write, or a read-only KB folder: built in every process
    for old in path.parent.glob("finder-*.marshal"):
        if old != path:
            old.unlink(missing_ok=True)


@Language.factory(MENTIONS)
def make_mention_component(nlp: Language, name: str) -> MentionComponent:
    """Mentions of universities, alliances, rankings, programmes, organisations, people, countries."""
    return MentionComponent(nlp, name)


@Language.factory(RELATIONS, default_config={"candidates": True})
def make_relation_component(nlp: Language, name: str, candidates: bool) -> RelationComponent:
    """Facts between mentions: the rules' facts, and (``candidates``) every other compatible pair."""
    return RelationComponent(nlp, name, candidates)


def add_extraction(nlp: Language, gazetteer: Gazetteer, cache_dir: Path | None = None) -> Language:
    """Add (once) and set up the extraction components at the end of ``nlp``.

    >>> from kg.extract.nlp import load_nlp
    >>> nlp = add_extraction(load_nlp("blank"), load_gazetteer())
    >>> nlp.pipe_names[-2:]
    ['kg_mentions_v1', 'kg_relations_v1']
    """
    for name in (MENTIONS, RELATIONS):
        if name not in nlp.component_names:  # disabled components are still there
            nlp.add_pipe(name)
    nlp.get_pipe(MENTIONS).use(gazetteer, cache_dir)
    nlp.get_pipe(RELATIONS).use(gazetteer)
    nlp.get_pipe(MENTIONS).ready()
    return nlp


def mentions_of(doc: Doc) -> list[Found]:
    """The mentions ``kg_mentions_v1`` stored in a Doc."""
    refers_to = doc._.kg_refers_to or {}
    return [Found(span.start, span.end, span.label_, span.kb_id_ or None, span.id_, span.text, refers_to.get(str(i)))
            for i, span in enumerate(doc.spans.get(SPANS_KEY, []))]


def _ref(found: Found) -> list:
    return [found.start, found.end, found.label, found.key, found.source, found.text, found.refers_to]


def _plain(fact: Fact) -> list:
    obj = _ref(fact.object) if isinstance(fact.object, Found) else fact.object
    return [_ref(fact.subject), fact.predicate, obj, fact.evidence, [list(q) for q in fact.qualifiers], sorted(fact.features)]


def facts_of(doc: Doc) -> list[Fact]:
    """The facts ``kg_relations_v1`` stored in a Doc, as :class:`~kg.extract.relations.Fact` values."""
    facts = []
    for subject, predicate, obj, evidence, qualifiers, features in doc._.kg_facts or []:
        facts.append(Fact(Found(*subject), predicate, Found(*obj) if isinstance(obj, list) else obj, evidence,
                          tuple(tuple(q) for q in qualifiers), frozenset(features)))
    return facts
