"""Stage 4: mapping extractions onto the ontology (kg/mapping.py)."""

from __future__ import annotations

import dataclasses

import pyshacl
import pytest
from conftest import GOLDEN, ONTOLOGY, SHAPES, assert_isomorphic, make_small_extraction
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.mapping import date_literal, map_entities, map_gazetteer, map_to_graph
from kg.namespaces import ENTITIES_GRAPH, GAZETTEER_GRAPH, KG, article_graph

FACT_CLASSES = (KG.Membership, KG.RankingPlacement, KG.MemberCount, KG.Headship, KG.Assertion)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def _conforms(data: Graph, shapes: Graph, ontology: Graph) -> tuple[bool, str]:
    # pyshacl mixes ont_graph into a copy of the data graph; doing the mix here is the same check,
    # and avoids pyshacl's very slow ont_graph path (minutes for this ontology)
    conforms, _, text = pyshacl.validate(data + ontology, shacl_graph=shapes, inference="none")
    return conforms, text


def _without_country(extraction):
    return dataclasses.replace(extraction, relations=tuple(r for r in extraction.relations if r.predicate != "country"))


def test_mapping_golden_graph(small_union):
    """The article graph plus its entity descriptions (which go to the shared entities graph)."""
    expected = Graph().parse(GOLDEN / "small_article.ttl")
    assert_isomorphic(expected, small_union)


def test_mapping_article_graph_holds_no_entity_descriptions(small_graph, small_entities):
    """Entities are described once, in the entities graph, not again in every article graph."""
    entities = set(small_graph.objects(article_graph("small-1"), KG.mentions))
    assert entities and not any((e, RDFS.label, None) in small_graph for e in entities)
    assert all((e, RDFS.label, None) in small_entities for e in entities)
    assert small_entities.identifier == ENTITIES_GRAPH


def test_mapping_graph_identifier_is_article(small_graph):
    assert small_graph.identifier == article_graph("small-1")


def test_mapping_same_input_gives_isomorphic_graph():
    first, second = map_to_graph(make_small_extraction()), map_to_graph(make_small_extraction())
    assert_isomorphic(first, second)
    assert set(first) == set(second)  # not only isomorphic: the very same IRIs


def test_mapping_every_fact_has_evidence_and_provenance(small_graph):
    article = article_graph("small-1")
    facts = {s for cls in FACT_CLASSES for s in small_graph.subjects(RDF.type, cls)}
    assert len(facts) == 9  # make_small_extraction has 9 relations, one node each
    for fact in facts:
        assert len(list(small_graph.objects(fact, KG.evidence))) == 1, fact
        assert list(small_graph.objects(fact, PROV.wasDerivedFrom)) == [article], fact
        assert small_graph.value(fact, KG.extractor) == Literal("kg.rules.v1")


def test_mapping_former_member_has_no_direct_member_of(small_graph):
    kstu = URIRef("https://w3id.org/unikg/resource/org/kama-state-technical-university")
    assert (kstu, KG.memberOf, None) not in small_graph
    membership = small_graph.value(predicate=KG.member, object=kstu)
    assert small_graph.value(membership, KG.role) == KG.FormerMemberRole
    assert small_graph.value(membership, KG.endDate) == Literal("2021", datatype=XSD.gYear)


@pytest.mark.parametrize("value, datatype", [("2011", XSD.gYear), ("2011-05", XSD.gYearMonth),
                                             ("2011-05-04", XSD.date)])
def test_mapping_date_literal_datatype(value, datatype):
    literal = date_literal(value)
    assert (str(literal), literal.datatype) == (value, datatype)


@pytest.mark.parametrize("prop, literal", [
    (KG.startDate, Literal("2023-03", datatype=XSD.gYearMonth)),
    (KG.endDate, Literal("2021", datatype=XSD.gYear)),
    (KG.foundingDate, Literal("2012-05-04", datatype=XSD.date)),
    (KG.published, Literal("2023-03-12", datatype=XSD.date)),
    (KG.edition, Literal("2024", datatype=XSD.gYear)),
    (KG.rank, Literal(88)),
    (KG.memberCount, Literal(12)),
])
def test_mapping_literal_types_in_graph(small_graph, prop, literal):
    assert literal in set(small_graph.objects(None, prop))


def _with_entities(extraction) -> Graph:
    graph = Graph()
    for triple in (*map_to_graph(extraction), *map_entities(extraction)):
        graph.add(triple)
    return graph


def test_mapping_article_graph_conforms_to_shapes(shapes, ontology):
    conforms, text = _conforms(_with_entities(_without_country(make_small_extraction())), shapes, ontology)
    assert conforms, text


def test_mapping_article_graph_with_country_conforms_to_shapes(small_union, shapes, ontology):
    conforms, text = _conforms(small_union, shapes, ontology)
    assert conforms, text


def test_mapping_shapes_catch_a_fact_without_evidence(small_graph, shapes, ontology):
    graph = _with_entities(_without_country(make_small_extraction()))
    graph.remove((None, KG.evidence, None))
    conforms, text = _conforms(graph, shapes, ontology)
    assert not conforms
    assert "unikg:evidence" in text


def test_mapping_entities_have_one_label_and_type(small_graph, small_entities):
    for entity in small_graph.objects(article_graph("small-1"), KG.mentions):
        assert len(list(small_entities.objects(entity, RDFS.label))) == 1
        assert len(list(small_entities.objects(entity, RDF.type))) == 1


def test_mapping_gazetteer_graph(gazetteer):
    graph = map_gazetteer(gazetteer)
    assert graph.identifier == GAZETTEER_GRAPH
    bwu = URIRef("https://w3id.org/unikg/resource/org/brightwater-university")
    nla = URIRef("https://w3id.org/unikg/resource/org/northern-lakes-alliance")
    assert (nla, KG.founder, bwu) in graph
    assert (bwu, KG.country, URIRef("https://w3id.org/unikg/resource/country/CN")) in graph
    assert (bwu, URIRef("http://www.w3.org/2002/07/owl#sameAs"),
            URIRef("http://www.wikidata.org/entity/Q99990001")) in graph
    memberships = list(graph.subjects(RDF.type, KG.Membership))
    assert len(memberships) == 2  # tests/data/gazetteer.toml: 1 member + 1 observer of the NLA


def test_mapping_gazetteer_graph_conforms_to_shapes(gazetteer, shapes, ontology):
    conforms, text = _conforms(map_gazetteer(gazetteer), shapes, ontology)
    assert conforms, text


def test_mapping_ended_headship_keeps_its_node_without_the_head_of_shortcut(shapes, ontology):
    from kg.model import Relation

    small = make_small_extraction()
    han = next(e.iri for e in small.entities if e.kind == "Person")
    bwu = next(e.iri for e in small.entities if e.label == "Brightwater University")
    former = Relation(han, "headOf", bwu, "Han Lirong, president from 2015 to 2022, was succeeded by ...",
                      (("role", "president"), ("ended", "true"), ("since", "2015"), ("until", "2022")))
    extraction = dataclasses.replace(small, relations=tuple(r for r in small.relations if r.predicate != "headOf")
                                     + (former,))
    graph = map_to_graph(extraction)
    assert (URIRef(han), KG.headOf, URIRef(bwu)) not in graph  # no longer the head
    headship = graph.value(predicate=KG.person, object=URIRef(han))
    assert graph.value(headship, RDF.type) == KG.Headship
    assert graph.value(headship, KG.startDate) == Literal("2015", datatype=XSD.gYear)
    assert graph.value(headship, KG.endDate) == Literal("2022", datatype=XSD.gYear)
    conforms, text = _conforms(_with_entities(_without_country(extraction)), shapes, ontology)
    assert conforms, text


def test_mapping_founding_membership_of_a_dissolved_alliance_ends_without_the_member_of_shortcut():
    from kg.model import Relation

    small = make_small_extraction()
    bwu = next(e.iri for e in small.entities if e.label == "Brightwater University")
    nla = next(e.iri for e in small.entities if e.kind == "Alliance")
    ended = Relation(bwu, "memberOf", nla, "The consortium was dissolved in March 2023.",
                     (("role", "founding"), ("since", "2019"), ("until", "2023-03")))
    extraction = dataclasses.replace(small, relations=tuple(r for r in small.relations if r.predicate != "memberOf")
                                     + (ended,))
    graph = map_to_graph(extraction)
    assert (URIRef(bwu), KG.memberOf, URIRef(nla)) not in graph  # a membership that ended is no current one
    membership = graph.value(predicate=KG.member, object=URIRef(bwu))
    assert graph.value(membership, KG.role) == KG.FoundingMemberRole
    assert graph.value(membership, KG.endDate) is not None
