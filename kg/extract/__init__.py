"""Stage 2, spaCy: documents -> mentions and candidate relations.

No spaCy object leaves this package: results are :class:`~kg.model.Mention` and
:class:`~kg.model.Relation` values whose subjects and objects are mentions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ExtractionError
from ..gazetteer import Gazetteer
from ..model import Document, Mention, Relation
from .components import add_extraction, facts_of, mentions_of
from .mentions import Found
from .nlp import load_nlp

__all__ = ["add_extraction", "extract_documents", "load_nlp"]


def _to_mention(doc_id: str, spacy_doc, found: Found) -> Mention:
    if found.source == "implicit":  # a reference with no words in the text (the publisher)
        return Mention(doc_id, -1, -1, found.text, found.label, found.key, found.source, found.refers_to)
    span = spacy_doc[found.start:found.end]
    return Mention(doc_id, span.start_char, span.end_char, found.text, found.label, found.key, found.source,
                   found.refers_to)


def _start(nlp: Language, document: Document) -> Doc:
    """The tokenised Doc of a document, with the publication date the relation rules read."""
    doc = nlp.make_doc(document.text)
    doc._.kg_published = document.meta.published
    return doc


def extract_documents(
    documents: Iterable[Document], nlp: Language, gazetteer: Gazetteer, batch_size: int = 32, workers: int = 1,
    cache_dir: Path | None = None, on_error: Callable[[ExtractionError], None] | None = None,
) -> Iterator[tuple[Document, list[Mention], list[Relation]]]:
    """Parse documents in batches and find their mentions and candidate relations, all inside
    ``nlp.pipe`` (the ``kg_mentions_v1`` and ``kg_relations_v1`` components), so batching and
    ``workers`` cover extraction too.

    Args:
        documents: cleaned documents.
        nlp: a spaCy pipeline with a parser and NER (``load_nlp()``).
        gazetteer: the background knowledge used for matching names.
        batch_size: documents per ``nlp.pipe`` batch (16-64 suits news articles).
        workers: spaCy processes (``n_process``); parsing is the costly part.
        cache_dir: where to keep tokenised gazetteer patterns between runs (the KB's cache folder).
        on_error: called with the error of a document the extraction failed on, which is then
            skipped (the others go on); without it, that error is raised.
    Returns:
        An iterator of (document, mentions, relations between mentions).
    Raises:
        ExtractionError: the extraction failed on a document and ``on_error`` is None.
    """
    nlp = add_extraction(nlp, gazetteer, cache_dir)
    for spacy_doc, document in nlp.pipe(((_start(nlp, d), d) for d in documents), as_tuples=True,
                                        batch_size=batch_size, n_process=workers):
        if spacy_doc._.kg_error:
            error = ExtractionError(f"{document.source}: extraction failed ({spacy_doc._.kg_error}); this is a fault "
                                    "of unikg, not of the article: please report it with the article attached")
            if on_error is None:
                raise error
            on_error(error)
            continue
        found = mentions_of(spacy_doc)
        facts = facts_of(spacy_doc)
        implicit = [f for fact in facts for f in (fact.subject, fact.object) if isinstance(f, Found) and f.source == "implicit"]
        mentions = {f: _to_mention(document.doc_id, spacy_doc, f) for f in [*found, *implicit[:1]]}
        relations = [
            Relation(
                mentions[fact.subject],
                fact.predicate,
                mentions[fact.object] if isinstance(fact.object, Found) else fact.object,
                fact.evidence,
                fact.qualifiers,
                tuple(sorted(fact.features)),
            )
            for fact in facts
        ]
        yield document, list(mentions.values()), relations
