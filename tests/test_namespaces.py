"""The KG namespace mirrors ontologies/unikg.ttl (kg/namespaces.py)."""

from __future__ import annotations

import os
import subprocess
import sys

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


def _in_fresh_process(code: str, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("name", ["東北大学", "Мос University", "Ψ University"])
def test_namespaces_slugify_is_the_same_in_every_process(name):
    code = f"from kg.namespaces import mint_iri; print(mint_iri('University', {name!r}))"
    assert _in_fresh_process(code, "1") == _in_fresh_process(code, "2") == str(mint_iri("University", name)) + "\n"


@pytest.mark.parametrize("name, slug", [
    ("Peter the Great St. Petersburg Polytechnic University", "peter-the-great-st-petersburg-polytechnic-university"),
    ("Université Paris-Saclay", "universite-paris-saclay"),
    ("Universität Zürich – UZH", "universitat-zurich-uzh"),
    ("O'Higgins University", "o-higgins-university"),
    ("Frontier 2030", "frontier-2030"),
])
def test_namespaces_slugify_keeps_names_that_lose_no_letters(name, slug):
    assert slugify(name) == slug  # accents are dropped, letters are not: no digest, IRIs as before


@pytest.mark.parametrize("first, second", [
    ("Мос University", "Ψ University"),
    ("東北大学", "京都大学"),
    ("Приоритет-2030", "2030"),
    ("Московский университет", "Московскии университет"),  # й and и differ
    ("Ψ University", "University"),
])
def test_namespaces_names_that_lose_letters_never_share_an_iri(first, second):
    assert mint_iri("University", first) != mint_iri("University", second)


@pytest.mark.parametrize("name, slug", [
    ("Мос University", "university-e8b9e76e74cd"),
    ("東北大学", "6e91b0d23339"),
    ("Приоритет-2030", "2030-05e82f6abce0"),
])
def test_namespaces_slugify_adds_a_digest_of_lost_letters(name, slug):
    assert slugify(name) == slug  # the kept ASCII words, then 12 hex digits of sha256 of the whole name
    assert slugify(slug) == slug  # a slug is its own slug: keys slugified twice keep their IRI


@pytest.mark.parametrize("first, second", [
    ("МОС University", "мос  university"),  # case and spacing do not make another organisation
    ("Łódź University of Technology", "Lodz University of Technology"),
    ("Straße", "Strasse"),
])
def test_namespaces_slugify_same_name_same_slug(first, second):
    assert slugify(first) == slugify(second)


@pytest.mark.parametrize("name, slug", [
    ("University of Wrocław", "university-of-wroclaw"),
    ("Sabancı University", "sabanci-university"),
    ("University of Hawaiʻi at Mānoa", "university-of-hawaii-at-manoa"),  # the okina is a modifier letter
    ("Straße", "strasse"),
])
def test_namespaces_slugify_transliterates_latin_letters(name, slug):
    assert slugify(name) == slug
