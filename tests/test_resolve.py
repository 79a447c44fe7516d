"""Stage 3: resolution of mentions to entities and relations to IRIs (kg/resolve.py)."""

from __future__ import annotations

import pytest

from kg.model import Document, Meta, Mention
from kg.model import Relation as R
from kg.namespaces import mint_iri
from kg.resolve import resolve_document

TEXT = "Zorlan Institute of Technology hosts forum\n\nOur university signed an agreement."
BWU = str(mint_iri("University", "Brightwater University"))
ZIT = str(mint_iri("University", "Zorlan Institute of Technology"))
KSTU = str(mint_iri("University", "Kama State Technical University"))
NLA = str(mint_iri("Alliance", "Northern Lakes Alliance"))


def _doc(title="Zorlan Institute of Technology hosts forum", **meta) -> Document:
    return Document("d1", TEXT, "d1.txt", Meta(title=title, **meta), "0" * 64)


def M(text, label, key=None, source="gazetteer", start=100, refers_to=None):  # noqa: N802 - a short constructor for tables
    return Mention("d1", start, start + len(text), text, label, key, source, refers_to)


OUR = M("Our university", "PUBLISHER", source="reference", start=50)
KAMA = M("Kama State Technical University", "University", "kama-state-technical-university")


@pytest.mark.parametrize("meta, publisher", [
    ({"publisher": "Brightwater University"}, BWU),
    ({"publisher": "BWU"}, BWU),
    ({"domains": ("cdn.example.com", "news.brightwater.edu.cn")}, BWU),
    ({"domains": ("english.zit.edu.cn",)}, ZIT),
    ({"publisher": "Oakridge University"}, str(mint_iri("University", "Oakridge University"))),
])
def test_resolve_publisher_from_option_or_host(gazetteer, meta, publisher):
    extraction = resolve_document(_doc(**meta), [OUR, KAMA], [], gazetteer)
    assert extraction.publisher == publisher


def test_resolve_publisher_from_headline(gazetteer):
    zit = M("Zorlan Institute of Technology", "University", "zorlan-institute-of-technology", start=0)
    extraction = resolve_document(_doc(), [zit, OUR, KAMA], [], gazetteer)
    assert extraction.publisher == ZIT


def test_resolve_no_publisher_without_reference(gazetteer):
    zit = M("Zorlan Institute of Technology", "University", "zorlan-institute-of-technology", start=0)
    assert resolve_document(_doc(), [zit, KAMA], [], gazetteer).publisher is None


def test_resolve_our_university_is_the_publisher(gazetteer):
    relation = R(OUR, "partnerOf", KAMA, "Our university signed an agreement with KSTU.")
    extraction = resolve_document(_doc(publisher="Brightwater University"), [OUR, KAMA], [relation], gazetteer)
    bwu = next(e for e in extraction.entities if e.iri == BWU)
    assert OUR in bwu.mentions
    assert [(r.subject, r.predicate, r.object) for r in extraction.relations] == [(BWU, "partnerOf", KSTU)]


def test_resolve_acronym_defined_in_text(gazetteer):
    full = M("Lumen Institute of Technology", "University", source="pattern", start=0)
    short = M("LIT", "University", source="acronym", start=60, refers_to="Lumen Institute of Technology")
    extraction = resolve_document(_doc(title=None), [full, short], [], gazetteer)
    [entity] = extraction.entities
    assert entity.iri == str(mint_iri("University", "Lumen Institute of Technology"))
    assert entity.acronyms == ("LIT",)
    assert len(entity.mentions) == 2


def test_resolve_gazetteer_acronym_and_name_are_one_entity(gazetteer):
    mentions = [M("Brightwater University", "University", "brightwater-university", start=0),
                M("BWU", "University", "brightwater-university", start=40)]
    [entity] = resolve_document(_doc(title=None), mentions, [], gazetteer).entities
    assert (entity.iri, entity.label, entity.key) == (BWU, "Brightwater University", "brightwater-university")


def test_resolve_the_association_is_the_last_alliance(gazetteer):
    nla = M("Northern Lakes Alliance", "Alliance", "northern-lakes-alliance", start=0)
    anaphor = M("the association", "Alliance", source="reference", start=80)
    relation = R(KAMA, "memberOf", anaphor, "KSTU joined the association.", (("role", "member"),))
    extraction = resolve_document(_doc(title=None), [nla, KAMA, anaphor], [relation], gazetteer)
    assert [(r.subject, r.object) for r in extraction.relations] == [(KSTU, NLA)]


@pytest.mark.parametrize("relation", [
    R(M("China", "Country", "cn"), "partnerOf", KAMA, "relations between China and KSTU"),
    R(KAMA, "memberOf", M("Brightwater University", "University", "brightwater-university"), "KSTU joined BWU"),
    R(KAMA, "rankedIn", M("Frontier 2030", "Program", "frontier-2030"), "KSTU ranked 5th in Frontier 2030"),
    R(M("Northern Lakes Alliance", "Alliance", "northern-lakes-alliance"), "participatesIn",
      M("Frontier 2030", "Program", "frontier-2030"), "NLA was selected for Frontier 2030"),
    R(KAMA, "headOf", M("Brightwater University", "University", "brightwater-university"), "KSTU heads BWU"),
    R(KAMA, "memberCount", "12", "KSTU has 12 members"),
])
def test_resolve_signature_check_drops_ill_typed_facts(gazetteer, relation):
    mentions = [m for m in (relation.subject, relation.object) if isinstance(m, Mention)]
    assert resolve_document(_doc(title=None), mentions, [relation], gazetteer).relations == ()


def test_resolve_well_typed_fact_is_kept(gazetteer):
    relation = R(KAMA, "participatesIn", M("Frontier 2030", "Program", "frontier-2030"), "KSTU was selected")
    extraction = resolve_document(_doc(title=None), [relation.subject, relation.object], [relation], gazetteer)
    assert [(r.subject, r.predicate) for r in extraction.relations] == [(KSTU, "participatesIn")]


def test_resolve_founders_become_founding_members(gazetteer):
    nla = M("Northern Lakes Alliance", "Alliance", "northern-lakes-alliance", start=0)
    bwu = M("Brightwater University", "University", "brightwater-university", start=40)
    said = "The NLA was founded in 2012 by BWU and KSTU."
    relations = [R(nla, "founded", "2012", said), R(nla, "founder", bwu, said), R(nla, "founder", KAMA, said)]
    extraction = resolve_document(_doc(title=None), [nla, bwu, KAMA], relations, gazetteer)
    memberships = {(r.subject, r.object, r.qualifiers) for r in extraction.relations if r.predicate == "memberOf"}
    assert memberships == {(BWU, NLA, (("role", "founding"), ("since", "2012"))),
                           (KSTU, NLA, (("role", "founding"), ("since", "2012")))}


def test_resolve_founding_role_wins_over_member(gazetteer):
    nla = M("Northern Lakes Alliance", "Alliance", "northern-lakes-alliance", start=0)
    relations = [R(KAMA, "memberOf", nla, "KSTU is a member of the NLA.", (("role", "member"), ("since", "2015"))),
                 R(nla, "founder", KAMA, "KSTU founded the NLA.")]
    extraction = resolve_document(_doc(title=None), [nla, KAMA], relations, gazetteer)
    [membership] = [r for r in extraction.relations if r.predicate == "memberOf"]
    assert dict(membership.qualifiers) == {"role": "founding", "since": "2015"}


def test_resolve_partner_of_is_ordered(gazetteer):
    bwu = M("Brightwater University", "University", "brightwater-university", start=0)
    forward = resolve_document(_doc(title=None), [bwu, KAMA], [R(bwu, "partnerOf", KAMA, "x")], gazetteer)
    backward = resolve_document(_doc(title=None), [bwu, KAMA], [R(KAMA, "partnerOf", bwu, "x")], gazetteer)
    assert [(r.subject, r.object) for r in forward.relations] == [(r.subject, r.object) for r in backward.relations]


def test_resolve_credits_become_persons(gazetteer):
    extraction = resolve_document(_doc(title=None, credits=(("translator", "Lin Qiao"),)), [KAMA], [], gazetteer)
    person = next(e for e in extraction.entities if e.kind == "Person")
    assert person.label == "Lin Qiao"
    assert person.mentions[0].source == "credit:translator"


def test_resolve_stated_country(gazetteer):
    oak = M("Oakridge University", "University", source="pattern", start=0)
    extraction = resolve_document(_doc(title=None), [oak], [R(oak, "country", "RU", "Oakridge University (Russia)")],
                                  gazetteer)
    assert extraction.entities[0].country == "RU"
    assert [(r.predicate, r.object) for r in extraction.relations] == [("country", "RU")]


def test_resolve_pronouns_are_never_names(builtin_gazetteer):
    """"It" points at its antecedent for facts, but is no alias or label of it."""
    from kg.model import Document, Meta, Mention

    document = Document("p", "Tsinghua University joined. It grew.", "p.txt", Meta(), "0" * 64)
    mentions = [Mention("p", 0, 19, "Tsinghua University", "University", "tsinghua-university", "gazetteer"),
                Mention("p", 29, 31, "It", "University", "tsinghua-university", "gazetteer")]
    extraction = resolve_document(document, mentions, [], builtin_gazetteer)
    [entity] = extraction.entities
    assert len(entity.mentions) == 2 and "It" not in entity.aliases and entity.label == "Tsinghua University"


def test_resolve_headline_publisher_keeps_the_type_the_text_gave(builtin_gazetteer):
    """A group named "... Universities" that the headline is about stays an alliance (not a
    university), so "the network" later refers to it."""
    from kg.model import Document, Meta, Mention

    text = "Pacific Innovative Universities marks 20 years\n\nOur university network grew. Tsinghua University joined the network."
    document = Document("h", text, "h.txt", Meta(title="Pacific Innovative Universities marks 20 years"), "0" * 64)
    group = Mention("h", 0, 31, "Pacific Innovative Universities", "Alliance", None, "ner")
    tsinghua = Mention("h", 78, 97, "Tsinghua University", "University", "tsinghua-university", "gazetteer")
    network = Mention("h", 105, 116, "the network", "Alliance", None, "reference")
    mentions = [group, Mention("h", 48, 62, "Our university", "PUBLISHER", None, "reference"), tsinghua, network]
    joined = R(tsinghua, "memberOf", network, "Tsinghua University joined the network.", (("role", "member"),))
    extraction = resolve_document(document, mentions, [joined], builtin_gazetteer)
    kinds = {e.label: e.kind for e in extraction.entities}
    assert kinds["Pacific Innovative Universities"] == "Alliance"
    [membership] = extraction.relations
    assert membership.object == str(mint_iri("Alliance", "Pacific Innovative Universities"))


def test_resolve_name_with_and_without_of_is_one_entity(builtin_gazetteer):
    from kg.model import Document, Meta, Mention

    text = "European University Zorland joined. The European University of Zorland said so."
    document = Document("z", text, "z.txt", Meta(), "0" * 64)
    mentions = [Mention("z", 0, 26, "European University Zorland", "University", None, "pattern"),
                Mention("z", 36, 65, "The European University of Zorland", "University", None, "pattern")]
    extraction = resolve_document(document, mentions, [], builtin_gazetteer)
    assert len(extraction.entities) == 1


def test_resolve_the_alliance_before_any_is_named_is_the_next_one(builtin_gazetteer):
    from kg.model import Document, Meta, Mention

    text = "The founding members of the Alliance met. They signed the Zorlan Alliance charter."
    document = Document("c", text, "c.txt", Meta(), "0" * 64)
    early = Mention("c", 24, 36, "the Alliance", "Alliance", None, "reference")
    named = Mention("c", 57, 71, "Zorlan Alliance", "Alliance", None, "pattern")
    extraction = resolve_document(document, [early, named], [], builtin_gazetteer)
    [alliance] = extraction.entities
    assert early in alliance.mentions and alliance.label == "Zorlan Alliance"


def test_resolve_source_credit_is_an_organisation(builtin_gazetteer):
    from kg.model import Document, Meta

    meta = Meta(credits=(("source", "Forbes Zorland"), ("translator", "Lv Bo")))
    extraction = resolve_document(Document("s", "Text.", "s.txt", meta, "0" * 64), [], [], builtin_gazetteer)
    assert {(e.label, e.kind) for e in extraction.entities} == {("Forbes Zorland", "Organization"), ("Lv Bo", "Person")}


def test_resolve_the_qs_ranking_links_to_the_qs_rankings(builtin_gazetteer):
    from kg.model import Document, Meta, Mention

    document = Document("q", "It rose in the QS ranking.", "q.txt", Meta(), "0" * 64)
    extraction = resolve_document(document, [Mention("q", 15, 25, "QS ranking", "Ranking", None, "pattern")], [],
                                  builtin_gazetteer)
    assert [e.label for e in extraction.entities] == ["QS World University Rankings"]


def test_resolve_counted_founders_are_the_listed_members(gazetteer):
    """"Two universities founded X" and two members of X listed: they are its founders and
    founding members; with a third member listed, no one is made a founder."""
    alliance = M("Northern Lakes Alliance", "Alliance", "northern-lakes-alliance", start=0)
    kama = M("Kama State Technical University", "University", "kama-state-technical-university", start=60)
    zorlan = M("Zorlan Institute of Technology", "University", "zorlan-institute-of-technology", start=100)
    brightwater = M("Brightwater University", "University", "brightwater-university", start=140)
    count = R(alliance, "memberCount", "2", "Two universities founded the alliance.", (("role", "founding"),))
    members = [R(m, "memberOf", alliance, "Its members are ...") for m in (kama, zorlan)]
    extraction = resolve_document(_doc(title=None), [alliance, kama, zorlan], [count, *members], gazetteer)
    founders = {r.object for r in extraction.relations if r.predicate == "founder"}
    assert founders == {r.subject for r in extraction.relations if r.predicate == "memberOf"}
    assert len(founders) == 2
    assert {r.qualifier("role") for r in extraction.relations if r.predicate == "memberOf"} == {"founding"}
    third = R(brightwater, "memberOf", alliance, "Its members are ...")
    extraction = resolve_document(_doc(title=None), [alliance, kama, zorlan, brightwater],
                                  [count, *members, third], gazetteer)
    assert not [r for r in extraction.relations if r.predicate == "founder"]


@pytest.mark.parametrize("evidence, country_entity", [
    ("Russian Lakes University hosted the forum.", False),  # the country only inside the name: an attribute
    ("Russian Lakes University (Russia) hosted the forum.", True),  # stated outside the name too
])
def test_resolve_country_entity_only_when_stated_outside_the_name(gazetteer, evidence, country_entity):
    name = M("Russian Lakes University", "University", source="pattern", start=0)
    extraction = resolve_document(_doc(title=None), [name], [R(name, "country", "RU", evidence)], gazetteer)
    assert any(e.kind == "Country" for e in extraction.entities) is country_entity
    [university] = [e for e in extraction.entities if e.kind == "University"]
    assert university.country == "RU"


@pytest.mark.parametrize("second, same", [
    ("Saule Rakhmetullina", True),  # one person, the surname transliterated two ways
    ("Saule Bekova", False),  # another person with the same given name
])
def test_resolve_person_spelt_two_ways_is_one_entity(gazetteer, second, same):
    first = M("Saule Rahmatullina", "Person", source="ner", start=0)
    other = M(second, "Person", source="ner", start=80)
    persons = [e for e in resolve_document(_doc(title=None), [first, other], [], gazetteer).entities if e.kind == "Person"]
    assert len(persons) == (1 if same else 2)


def test_resolve_misspelt_name_found_as_an_organisation_links_to_a_university(gazetteer):
    """The NER finds "Kama State Technical Universty" (no head noun it knows, so an Organization):
    a close spelling of a gazetteer university is that university."""
    typo = M("Kama State Technical Universty", "Organization", None, source="ner")
    extraction = resolve_document(_doc(), [typo], [], gazetteer)
    assert [(e.iri, e.kind) for e in extraction.entities] == [(KSTU, "University")]


def _entities_of(builtin_gazetteer, names: list[str], label: str = "University") -> list[str]:
    """The entities that one sentence per name, each a pattern-found mention of ``label``, resolves to."""
    from kg.model import Document, Meta, Mention

    text = ". ".join(names) + "."
    mentions, at = [], 0
    for name in names:
        mentions.append(Mention("m", at, at + len(name), name, label, None, "pattern"))
        at += len(name) + 2
    extraction = resolve_document(Document("m", text, "m.txt", Meta(), "0" * 64), mentions, [], builtin_gazetteer)
    return sorted(e.label for e in extraction.entities)


def test_resolve_misspelt_name_is_the_organisation_named_before(builtin_gazetteer):
    """'Zorland Universtity of Mining' in a tag line is the 'Zorland University of Mining' the article named."""
    assert _entities_of(builtin_gazetteer, ["Zorland University of Mining", "Zorland Universtity of Mining"]) == \
        ["Zorland University of Mining"]


def test_resolve_ministry_named_with_part_of_its_portfolios_is_the_one_named_in_full(builtin_gazetteer):
    """'Ministry of Education' in a tag line after 'Ministry of Education and Science' is that
    ministry; 'Ministry of Education' and 'Ministry of Health' stay two."""
    assert _entities_of(builtin_gazetteer, ["Ministry of Education and Science", "Ministry of Education"],
                        "Organization") == ["Ministry of Education and Science"]
    assert len(_entities_of(builtin_gazetteer, ["Ministry of Education", "Ministry of Health"], "Organization")) == 2


def test_resolve_names_a_letter_or_two_apart_stay_apart(builtin_gazetteer):
    """'Chonnam National University' and 'Chungnam National University' are two universities."""
    assert len(_entities_of(builtin_gazetteer, ["Chonnam National Universiti", "Chungnam National Universiti"])) == 2


def test_resolve_a_national_programme_is_not_linked_from_an_article_about_another_country(builtin_gazetteer):
    """'Research University Programme' in an article that names Ethiopia is not Turkey's programme
    of a like name (the gazetteer's entry has country TR); in an article about Turkey it is."""
    from kg.model import Document, Meta, Mention

    def programme(country: str, key: str) -> str:
        text = f"{country} universities. Research University Programme."
        mentions = [Mention("p", 0, len(country), country, "Country", key, "gazetteer"),
                    Mention("p", len(country) + 15, len(text) - 1, "Research University Programme", "Program", None, "pattern")]
        extraction = resolve_document(Document("p", text, "p.txt", Meta(), "0" * 64), mentions, [], builtin_gazetteer)
        return next(e.key for e in extraction.entities if e.kind == "Program")

    assert programme("Ethiopian", "et") is None
    assert programme("Turkish", "tr") == "research-universities-program-turkey"


def test_resolve_names_that_differ_by_a_word_stay_apart(builtin_gazetteer):
    """'Volga State Technical University' and 'Volga State Technological University' may be two
    universities: another word is no typo ('kg entities --duplicates' leaves that to the user)."""
    assert len(_entities_of(builtin_gazetteer, ["Zorland State Technical Universiti",
                                                "Zorland State Technological Universiti"])) == 2


def test_resolve_publisher_counts_an_acronym_as_its_name(gazetteer):
    """The university an article is about, when only "our university" says there is a publisher:
    "KSTU" (an acronym defined for the full name) counts for the full name, so the publisher is
    that one entity, not a second one named "KSTU"."""
    name = "Kama State Technical University named after A. Zorin"
    mentions = [OUR, M(name, "University", source="pattern", start=150),
                *(M("KSTU", "University", source="acronym", start=200 + 10 * i, refers_to=name) for i in range(3))]
    extraction = resolve_document(_doc(title=None), mentions, [], gazetteer)
    (entity,) = [e for e in extraction.entities if e.kind == "University"]
    assert extraction.publisher == entity.iri and entity.label == name


def test_resolve_name_with_and_without_its_name_of_honour_is_one_university(builtin_gazetteer):
    """'University of Shkodra "Luigj Gurakuqi"' and "University of Shkodra" in one article are one
    university, labelled with the full name whichever comes first; the quotes that close the name stay."""
    full, short = 'Universiti of Zorland "Luigj Gurakuqi"', "Universiti of Zorland"
    assert _entities_of(builtin_gazetteer, [full, short]) == [full]
    assert _entities_of(builtin_gazetteer, [short, full]) == [full]


def test_resolve_no_fuzzy_link_across_a_place_name(builtin_gazetteer):
    """"University of Sousse" (a Tunisian city) is not a misspelling of the University of Sussex."""
    assert _entities_of(builtin_gazetteer, ["University of Sousse"]) == ["University of Sousse"]


def test_resolve_romance_university_of_is_the_english_name(builtin_gazetteer):
    """"Université de Zorland" (a French masthead or footer) and "University of Zorland" in one
    article are one university."""
    assert len(_entities_of(builtin_gazetteer, ["University of Zorland", "Université de Zorland"])) == 1
    assert len(_entities_of(builtin_gazetteer, ["Università di Zorland", "University of Zorland"])) == 1


@pytest.mark.parametrize("first, second, one", [
    ("Adam Barka University of Abéché", "Adam Barka University", True),  # the seat left out, after the full name
    ("Gaston Berger University", "Gaston Berger University of Saint-Louis", True),  # or before it
    ("Biblical Institute", "Pontifical Biblical Institute", True),  # a leading word left out
    ("Tallinn University", "Tallinn University of Technology", False),  # a subject: another university
    ("University of Puerto Rico", "University of Puerto Rico at Mayagüez", False),  # a system and its campus
    ("University of Sarajevo", "International University of Sarajevo", False),  # a kind of university in front
    ("Technological University", "Technological University of the Shannon", False),  # no name of its own
])
def test_resolve_one_university_named_with_and_without_its_seat(gazetteer, first, second, one):
    mentions = [M(first, "University", source="pattern", start=0), M(second, "University", source="pattern", start=60)]
    entities = resolve_document(_doc(title=None), mentions, [], gazetteer).entities
    assert (len(entities) == 1) == one, [(e.label, e.aliases) for e in entities]
    if one:
        assert entities[0].label == max(first, second, key=len)


def test_resolve_short_form_takes_the_full_names_kind(gazetteer):
    """"Biblical Institute" (a research institute by its head noun) is the "Pontifical Biblical
    Institute" named before it, a university: the entity has the full name's kind."""
    mentions = [M("Pontifical Biblical Institute", "University", source="pattern", start=0),
                M("Biblical Institute", "ResearchInstitute", source="pattern", start=40),
                M("Biblical Institute", "ResearchInstitute", source="pattern", start=80)]
    [entity] = resolve_document(_doc(title=None), mentions, [], gazetteer).entities
    assert (entity.label, entity.kind) == ("Pontifical Biblical Institute", "University")


def test_resolve_house_style_the_university_names_no_publisher(gazetteer):
    """Many "the University" and a university named twice: the publisher is that university, never
    an entity called "University"."""
    mentions = [M("Lumen Institute of Technology", "University", source="pattern", start=0),
                M("Lumen Institute of Technology", "University", source="pattern", start=40)]
    mentions += [M("the University", "University", source="reference", start=80 + 20 * i) for i in range(4)]
    extraction = resolve_document(_doc(title=None), mentions, [], gazetteer)
    assert extraction.publisher == str(mint_iri("University", "Lumen Institute of Technology"))
    assert "University" not in {e.label for e in extraction.entities}


def test_resolve_university_named_with_its_city_keeps_that_name(gazetteer):
    """"Adam Mickiewicz University in Poznań": the city after the name is part of many official
    names, kept as another name of the entity (its label stays the name without it)."""
    text = "Adam Mickiewicz University in Poznań signed the agreement."
    document = Document("d1", text, "d1.txt", Meta(title=None), "0" * 64)
    mention = Mention("d1", 0, 26, "Adam Mickiewicz University", "University", None, "pattern", None)
    [entity] = resolve_document(document, [mention], [], gazetteer).entities
    assert entity.label == "Adam Mickiewicz University"
    assert "Adam Mickiewicz University in Poznań" in entity.aliases
