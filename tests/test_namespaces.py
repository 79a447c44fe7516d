"""The KG namespace mirrors ontologies/unikg.ttl (kg/namespaces.py)."""

from __future__ import annotations

import pytest
from conftest import ONTOLOGY
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import OWL, SKOS

from kg.namespaces import KG, mint_iri, slugify

DECLARED = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual, OWL.SymmetricProperty,
            SKOS.ConceptScheme, KG.Role)


@pytest.fixture(scope="module")
def ontology_terms() -> set[str]:
    graph = Graph().parse(ONTOLOGY)
    ns = str(KG._NS)
    return {str(s)[len(ns):] for cls in DECLARED for s in graph.subjects(RDF.type, cls)
            if isinstance(s, URIRef) and str(s).startswith(ns)}


def test_namespaces_every_kg_term_is_in_ontology(ontology_terms):
    assert set(KG.__annotations__) - ontology_terms == set()


def test_namespaces_every_ontology_term_is_in_kg(ontology_terms):
    assert ontology_terms - set(KG.__annotations__) == set()
    assert len(ontology_terms) == 61  # unikg.ttl: 16 classes, 17 + 21 properties, 6 roles, RoleScheme


def test_namespaces_every_used_term_is_declared():
    graph = Graph().parse(ONTOLOGY)
    ns = str(KG._NS)
    used = {str(t)[len(ns):] for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(ns)}
    assert used - set(KG.__annotations__) == set()


def test_namespaces_unknown_term_raises():
    with pytest.raises(AttributeError):
        KG.Unknown  # noqa: B018


@pytest.mark.parametrize("kind, key, iri", [
    ("University", "Brightwater University", "org/brightwater-university"),
    ("Alliance", "Northern Lakes Alliance", "org/northern-lakes-alliance"),
    ("Program", "Frontier 2030", "program/frontier-2030"),
    ("Person", "Han Lirong", "person/han-lirong"),
    ("Country", "ru", "country/RU"),
    ("Article", "a-1", "article/a-1"),
])
def test_namespaces_mint_iri(kind, key, iri):
    assert mint_iri(kind, key) == URIRef("https://w3id.org/unikg/resource/" + iri)


def test_namespaces_slugify_is_stable():
    assert slugify("Université d'Artois") == slugify("Université d'Artois") == "universite-d-artois"
