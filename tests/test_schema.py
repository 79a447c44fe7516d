"""The relation schema (kg/schema.py): one definition per relation type, read from the ontology."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph

from conftest import ONTOLOGY
from kg.schema import relation_types

CONTRACT = ("memberOf", "founder", "founded", "partnerOf", "participatesIn", "rankedIn", "country", "memberCount",
            "headOf")  # ../shared/CONTRACT.md, "Facts"


def test_schema_covers_the_contract():
    assert set(CONTRACT) <= set(relation_types())


@pytest.mark.parametrize("name", CONTRACT)
def test_schema_properties_are_declared_in_the_ontology(name):
    ontology = Graph().parse(ONTOLOGY)
    prop = relation_types()[name].prop
    assert (prop, RDF.type, OWL.ObjectProperty) in ontology or (prop, RDF.type, OWL.DatatypeProperty) in ontology
    assert ontology.value(prop, RDFS.domain) is not None and ontology.value(prop, RDFS.range) is not None


@pytest.mark.parametrize("name, subject, obj, ok", [
    ("memberOf", "University", "Alliance", True),
    ("memberOf", "Alliance", "Alliance", True),
    ("memberOf", "Person", "Alliance", False),
    ("participatesIn", "University", "Program", True),
    ("participatesIn", "University", "Ranking", False),
    ("headOf", "Person", "University", True),
    ("headOf", "University", "Person", False),
    ("founded", "Ranking", None, True),  # a ranking's first edition
    ("memberCount", "University", None, False),
])
def test_schema_signatures(name, subject, obj, ok):
    assert relation_types()[name].accepts(subject, obj) is ok


def test_schema_dispatch_flags():
    types = relation_types()
    assert [n for n in CONTRACT if types[n].literal] == ["founded", "country", "memberCount"]
    assert [n for n in CONTRACT if types[n].symmetric] == ["partnerOf"]
