"""Stage 2a: finding mentions in parsed text (kg/extract/mentions.py).

Rules that only need tokens (gazetteer matching, head nouns, acronyms) run on the blank
pipeline and on the model; rules that need the tagger or parser are marked slow.
"""

from __future__ import annotations

import pytest
import spacy

from kg.extract.mentions import (
    Found, MentionFinder, _bodies_of_named, _full_names, _one_type_per_name, _surnames_of_persons, head_type,
)

PIPELINES = ["nlp", pytest.param("model_nlp", marks=pytest.mark.slow)]


def _find(nlp, gazetteer, text):
    doc = nlp(text)
    return [(f.text, f.label, f.key, f.source) for f in MentionFinder(nlp, gazetteer).find(doc)]


@pytest.fixture(params=PIPELINES)
def pipeline(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("text, expected", [
    ("Brightwater University hosted the forum.", ("Brightwater University", "University", "brightwater-university")),
    ("Delegates came to the BWU campus.", ("BWU", "University", "brightwater-university")),
    ("Delegates met at the University of Brightwater.", ("University of Brightwater", "University",
                                                         "brightwater-university")),
    ("The NLA met in June.", ("NLA", "Alliance", "northern-lakes-alliance")),
    ("It joined Frontier 2030 last year.", ("Frontier 2030", "Program", "frontier-2030")),
    ("It joined the Frontier 2030 programme.", ("Frontier 2030", "Program", "frontier-2030")),
])
def test_mentions_gazetteer_match(pipeline, gazetteer, text, expected):
    assert (*expected, "gazetteer") in _find(pipeline, gazetteer, text)


def test_mentions_leading_the_is_stripped(pipeline, gazetteer):
    found = _find(pipeline, gazetteer, "Leaders of the Northern Lakes Alliance met.")
    assert ("Northern Lakes Alliance", "Alliance", "northern-lakes-alliance", "gazetteer") in found


def test_mentions_acronym_matches_case_exactly(pipeline, gazetteer):
    assert _find(pipeline, gazetteer, "Old bwu buildings were renovated.") == []


def test_mentions_country_demonym(pipeline, gazetteer):
    found = _find(pipeline, gazetteer, "Several Russian universities attended.")
    assert ("Russian", "Country", "ru", "gazetteer") in found


def test_mentions_acronym_defined_in_text_then_used(pipeline, gazetteer):
    text = "The Lakeside Technical Universities Network (LTUN) was launched in May. LTUN now has ten members."
    found = _find(pipeline, gazetteer, text)
    assert found[0] == ("Lakeside Technical Universities Network", "Alliance", None, "pattern")
    acronyms = [f for f in found if f[0] == "LTUN"]
    assert len(acronyms) == 2  # the definition "(LTUN)" and the later use
    assert all(f[1:] == ("Alliance", None, "acronym") for f in acronyms)
    full = [f.refers_to for f in MentionFinder(pipeline, gazetteer).find(pipeline(text)) if f.text == "LTUN"]
    assert full == ["Lakeside Technical Universities Network"] * 2


@pytest.mark.parametrize("text, name, label", [
    ("The Harrow Science Committee met on Monday.", "Harrow Science Committee", "Organization"),
    ("He visited the Lumen Institute of Technology on Monday.", "Lumen Institute of Technology", "University"),
    ("He visited the Oakridge Institute of Marine Biology on Monday.", "Oakridge Institute of Marine Biology",
     "ResearchInstitute"),
    ("He spoke for the Danube Rivers League on Monday.", "Danube Rivers League", "Alliance"),
    ("It was placed in the Meridian Global Rankings again.", "Meridian Global Rankings", "Ranking"),
])
def test_mentions_unknown_organisation_typed_by_head_noun(pipeline, gazetteer, text, name, label):
    assert (name, label, None, "pattern") in _find(pipeline, gazetteer, text)


@pytest.mark.parametrize("words, kind", [
    ("Association of Sino-Russian Technical Universities", "Alliance"),
    ("Harbin Institute of Technology", "University"),
    ("Massachusetts Institute of Technology", "University"),
    ("Max Planck Institute for Chemistry", "ResearchInstitute"),
    ("State Committee for Science", "Organization"),
    ("QS World University Rankings", "Ranking"),
    ("Brightwater City", None),
    ("Consorcio de Universidades", "Alliance"),  # heads of Spanish, Portuguese, French names
    ("Associação Brasileira de Reitores", "Alliance"),
    ("Consejo Superior Universitario de Universidades", "Alliance"),
    ("Ministério da Educação", "Organization"),
    ("Fondation Universitaire", "Organization"),
])
def test_mentions_head_type(words, kind):
    assert head_type(words.split()) == kind


@pytest.mark.parametrize("text", [
    "Russian Universities sent delegates.",  # a generic plural, not a name
    "The School of Foreign Languages hosted the talk.",  # a unit of a university
])
def test_mentions_generic_names_are_not_organisations(pipeline, gazetteer, text):
    assert [f for f in _find(pipeline, gazetteer, text) if f[3] == "pattern"] == []


@pytest.mark.slow
def test_mentions_split_two_names_joined_by_and(model_nlp, gazetteer):
    text = "Later the Lumen Institute of Technology and Oakridge University signed the plan."
    found = _find(model_nlp, gazetteer, text)
    assert ("Lumen Institute of Technology", "University", None, "pattern") in found
    assert ("Oakridge University", "University", None, "pattern") in found


@pytest.mark.slow
@pytest.mark.parametrize("phrase", ["Our university", "This university", "our institute"])
def test_mentions_our_university_is_publisher(model_nlp, gazetteer, phrase):
    found = _find(model_nlp, gazetteer, f"{phrase} signed an agreement yesterday.")
    assert (phrase, "PUBLISHER", None, "reference") in found


@pytest.mark.slow
@pytest.mark.parametrize("phrase, label", [
    ("the association", "Alliance"),
    ("the alliance", "Alliance"),
    ("the programme", "Program"),
    ("the university", "University"),
])
def test_mentions_definite_description_is_anaphor(model_nlp, gazetteer, phrase, label):
    found = _find(model_nlp, gazetteer, f"Delegates praised {phrase} for its work.")
    assert (phrase, label, None, "reference") in found


@pytest.mark.slow
def test_mentions_the_association_of_is_not_an_anaphor(model_nlp, gazetteer):
    found = _find(model_nlp, gazetteer, "Delegates praised the association of engineers.")
    assert not any(f[3] == "reference" for f in found)


@pytest.mark.slow
@pytest.mark.parametrize("text, person", [
    ("The forum was opened by President Han Jiecai on Monday.", "Han Jiecai"),
    ("Rector Ilsur Gafarov welcomed the guests.", "Ilsur Gafarov"),
    ("Han Jiecai, President of Brightwater University, welcomed the guests.", "Han Jiecai"),
])
def test_mentions_titled_person(model_nlp, gazetteer, text, person):
    found = _find(model_nlp, gazetteer, text)
    assert any(f[0] == person and f[1] == "Person" for f in found), found


@pytest.mark.slow
def test_mentions_pronoun_it_points_to_subject(model_nlp, gazetteer):
    found = _find(model_nlp, gazetteer, "Brightwater University opened a new lab. It also joined the NLA.")
    it = next(f for f in found if f[0] == "It")
    assert it[1:3] == ("University", "brightwater-university")


@pytest.mark.slow
def test_mentions_the_qs_ranking_is_not_the_joint_ranking(model_nlp, builtin_gazetteer):
    found = _find(model_nlp, builtin_gazetteer, "In the QS World University Rankings 2024, Tsinghua University ranked 25th.")
    ranking = next(f for f in found if f[1] == "Ranking")
    assert ranking[2] == "qs-world-university-rankings"


def test_mentions_qs_without_article_links_to_qs(nlp, builtin_gazetteer):
    found = _find(nlp, builtin_gazetteer, "Tsinghua University rose in QS World University Rankings 2024.")
    assert ("QS World University Rankings", "Ranking", "qs-world-university-rankings", "gazetteer") in found


@pytest.mark.parametrize("text, expected", [
    # an acronym before "ranking" names the ranking; a publisher's acronym inside a title yields to the title
    ("Cairo University rose in the QS ranking this year.", ("QS ranking", "Ranking")),
    ("QS University Rankings assessed 3,000 universities.", ("QS University Rankings", "Ranking")),
    # an event word and "of" before a name are not part of it
    ("Launch of Pacific Research Universities Alliance (PRUA)", ("Pacific Research Universities Alliance", "Alliance")),
    # a one-word alias after a name's head noun is an alias, not part of the name
    ("The German-Japanese University Network HeKKSaGOn met.", ("German-Japanese University Network", "Alliance")),
    # an organisation typed by a generic head noun is retyped by what follows it
    ("Beijing Tech Group members signed it.", ("Beijing Tech Group", "Alliance")),
])
def test_mentions_real_text_names(nlp, builtin_gazetteer, text, expected):
    found = [(f.text, f.label) for f in MentionFinder(nlp, builtin_gazetteer).find(nlp(text))]
    assert expected in found


@pytest.mark.parametrize("text, expected, absent", [
    # a brand name right after the description it is given is a name of that kind
    ("Oulu joined the European university alliance Solstice in 2022.", ("Solstice", "Alliance"), None),
    ("Kazakhstan runs the state programme Bolashak Plus.", ("Bolashak Plus", "Program"), None),
    # "group" describes research groups and companies too; a title after the cue word is no name
    ("It was published by the Spanish research group Scimetrics.", None, "Scimetrics"),
    ("The alliance President spoke first.", None, "President"),
    # "on" inside a name that its bracketed acronym spells out with the words after it
    ("It joined the Global Alliance of Universities on Climate (GAUC) in 2024.",
     ("Global Alliance of Universities on Climate", "Alliance"), None),
    # a name with a university's head noun, its acronym, then a programme's cue word: a programme
    ("It is supported by the Global Class University (GCU) programme.", ("Global Class University", "Program"), None),
    # a name that ends in no head noun, right before a programme's cue word ("University" inside it)
    ("It joined the Reinventing University System programme.", ("Reinventing University System", "Program"), None),
])
def test_mentions_name_after_its_description(nlp, builtin_gazetteer, text, expected, absent):
    found = [(f.text, f.label) for f in MentionFinder(nlp, builtin_gazetteer).find(nlp(text))]
    if expected:
        assert expected in found
    if absent:
        assert not [f for f in found if f[0] == absent]


@pytest.mark.parametrize("text, key", [
    # a programme's status stands for the programme of the country the article is about
    ("Turkey announced that Gazi University is now a research university.", "research-universities-program-turkey"),
    ("Poland: the University of Warsaw keeps the status of research university.",
     "excellence-initiative-research-university"),
    # no programme of that country gives the status, or the status is not held yet
    ("Harvard University is a leading research university in the United States.", None),
    ("In Turkey, Selçuk University keeps the status of candidate research university.", None),
])
def test_mentions_programme_status_of_the_article_country(nlp, builtin_gazetteer, text, key):
    found = [f for f in MentionFinder(nlp, builtin_gazetteer).find(nlp(text)) if f.label == "Program"]
    assert [f.key for f in found] == ([key] if key else [])


def test_mentions_clipped_short_form_defined_in_brackets(nlp, builtin_gazetteer):
    """"Dalhousie University (Dal)": a bracketed short form that clips a word of the name is defined like an
    acronym and stands for the name wherever it is used; a whole word in brackets is no such form."""
    finder = MentionFinder(nlp, builtin_gazetteer)
    found = [(f.text, f.refers_to) for f in finder.find(nlp("Dalhousie University (Dal) rose. Dal President Kim Brooks spoke."))]
    assert ("Dal", "Dalhousie University") in found and found.count(("Dal", "Dalhousie University")) == 2
    from kg.extract.mentions import _clipped_form

    assert _clipped_form("Chula", "Chulalongkorn University")
    assert not _clipped_form("Lund", "Lund University")  # the whole word: a place
    assert not _clipped_form("Ltd", "Acme Holdings") and not _clipped_form("UK", "University of Kent")


def test_mentions_alias_after_head_noun_is_linked_to_the_name(nlp, builtin_gazetteer):
    found = MentionFinder(nlp, builtin_gazetteer).find(nlp("The German-Japanese University Network HeKKSaGOn met."))
    alias = next(f for f in found if f.text == "HeKKSaGOn")
    assert (alias.label, alias.source, alias.refers_to) == ("Alliance", "acronym", "German-Japanese University Network")


def test_mentions_short_names_of_known_universities(nlp, builtin_gazetteer):
    finder = MentionFinder(nlp, builtin_gazetteer)
    found = {(f.text, f.key) for f in finder.find(nlp("The other members are Duke, Tulane and Vanderbilt."))}
    assert {("Duke", "duke-university"), ("Tulane", "tulane-university")} <= found
    assert not [f for f in finder.find(nlp("The forum took place in Durham last year.")) if f.text == "Durham"]
    assert not [f for f in finder.find(nlp("Duke said hello.")) if f.text == "Duke"]  # no word about universities


def test_mentions_short_names_listed_together_in_a_sentence_about_universities(nlp, builtin_gazetteer):
    from conftest import parsed_doc

    # "Durham, Exeter and Warwick have joined the group .": no name in the list is a university by
    # itself; each is the short name of one, listed with the others as the subject of "joined"
    words = ["Durham", ",", "Exeter", "and", "Warwick", "have", "joined", "the", "group", "."]
    heads = [6, 0, 0, 2, 2, 6, 6, 8, 6, 6]
    deps = ["nsubj", "punct", "conj", "cc", "conj", "aux", "ROOT", "det", "dobj", "punct"]
    doc = parsed_doc(nlp, words, heads=heads, deps=deps, lemmas=[w.lower() if w != "joined" else "join" for w in words])
    found = {(f.text, f.key) for f in MentionFinder(nlp, builtin_gazetteer).find(doc)}
    assert {("Durham", "durham-university"), ("Exeter", "university-of-exeter"),
            ("Warwick", "university-of-warwick")} <= found
    # the same list with no word about universities is a list of towns
    words[6], words[8] = "visited", "coast"
    doc = parsed_doc(nlp, words, heads=heads, deps=deps)
    assert not [f for f in MentionFinder(nlp, builtin_gazetteer).find(doc) if f.label == "University"]


@pytest.mark.parametrize("text, expected", [
    ("The universities of Zurich and Geneva joined.", {("Zurich", "university-of-zurich"),
                                                       ("Geneva", "university-of-geneva")}),
    ("Zurich and Geneva universities joined.", {("Zurich", "university-of-zurich"), ("Geneva", "university-of-geneva")}),
    ("It was founded by the universities of Edinburgh, Bristol and Leeds.",
     {("Edinburgh", "university-of-edinburgh"), ("Bristol", "university-of-bristol"), ("Leeds", "university-of-leeds")}),
])
def test_mentions_universities_sharing_one_plural_head_noun(nlp, builtin_gazetteer, text, expected):
    found = MentionFinder(nlp, builtin_gazetteer).find(nlp(text))
    assert {(f.text, f.key) for f in found if f.label == "University"} == expected
    assert {f.refers_to for f in found if f.label == "University"} == {
        builtin_gazetteer.entries[key].name for _, key in expected}


@pytest.mark.parametrize("text", ["The universities of Germany and France signed it.",
                                  "The universities of Zurich joined.",  # one name: no shared head
                                  "The universities of Brightwick and Lowmoor joined."])  # none known
def test_mentions_plural_head_noun_without_known_universities_names_none(nlp, builtin_gazetteer, text):
    found = MentionFinder(nlp, builtin_gazetteer).find(nlp(text))
    assert not [f for f in found if f.label == "University"]


def test_mentions_unknown_university_listed_with_a_known_one_gets_the_singular_name(nlp, builtin_gazetteer):
    found = MentionFinder(nlp, builtin_gazetteer).find(nlp("The universities of Zurich and Brightwick joined."))
    assert ("Brightwick", None, "University of Brightwick") in {(f.text, f.key, f.refers_to) for f in found}


@pytest.mark.parametrize("first, expected", [
    ("Wallenberg", ("Wallenberg Excellence Initiative", None)),  # a proper name of its own: another programme
    ("Swiss", ("Swiss Excellence Initiative", None)),  # another country's programme
    ("New", ("Excellence Initiative", "german-universities-excellence-initiative")),  # a generic word
])
def test_mentions_known_programme_name_inside_a_longer_name(nlp, builtin_gazetteer, first, expected):
    from conftest import parsed_doc

    words = ["They", "joined", "the", first, "Excellence", "Initiative", "."]
    pos = ["PRON", "VERB", "DET", "ADJ" if first == "New" else "PROPN", "PROPN", "PROPN", "PUNCT"]
    doc = parsed_doc(nlp, words, pos=pos, heads=[1, 1, 5, 5, 5, 1, 1])
    found = MentionFinder(nlp, builtin_gazetteer).find(doc)
    assert [(f.text, f.key) for f in found if f.label == "Program"] == [expected]


@pytest.mark.parametrize("text", ["Please contact the Press Office for details.", "Write to the Communications Office today.",
                                  "Read more from the News Office."])
def test_mentions_news_office_boilerplate_is_no_organisation(nlp, builtin_gazetteer, text):
    assert MentionFinder(nlp, builtin_gazetteer).find(nlp(text)) == []


def test_mentions_coordinated_names_tagged_as_one_organisation_are_no_name(nlp, builtin_gazetteer):
    from conftest import parsed_doc
    from spacy.tokens import Span

    # "Brightwick , Lowmoor and Eastholm signed ." with the whole list tagged ORG
    words = ["Brightwick", ",", "Lowmoor", "and", "Eastholm", "signed", "."]
    doc = parsed_doc(nlp, words, heads=[5, 0, 0, 2, 2, 5, 5], deps=["nsubj", "punct", "conj", "cc", "conj", "ROOT", "punct"])
    doc.ents = [Span(doc, 0, 5, label="ORG")]
    assert not [f for f in MentionFinder(nlp, builtin_gazetteer).find(doc) if f.text == "Brightwick, Lowmoor and Eastholm"]
    # one name with a head noun keeps its commas: "Ministry of Education , Culture and Science"
    words = ["Ministry", "of", "Education", ",", "Culture", "and", "Science", "signed", "."]
    doc = parsed_doc(nlp, words, heads=[7, 0, 1, 2, 2, 4, 4, 7, 7],
                     deps=["nsubj", "prep", "pobj", "punct", "conj", "cc", "conj", "ROOT", "punct"])
    doc.ents = [Span(doc, 0, 7, label="ORG")]
    found = [f.text for f in MentionFinder(nlp, builtin_gazetteer).find(doc) if f.label == "Organization"]
    assert found == ["Ministry of Education , Culture and Science"]


@pytest.mark.parametrize("text, person", [
    ("Brightwater University's rector, Anna Berg, welcomed the decision.", "Anna Berg"),
    ("The university's Provost, Tom Hill.", "Tom Hill"),
])
def test_mentions_person_after_a_possessed_title_and_a_comma(nlp, gazetteer, text, person):
    assert (person, "Person") in [(f.text, f.label) for f in MentionFinder(nlp, gazetteer).find(nlp(text))]


def test_mentions_possessed_title_before_no_name_gives_no_person(nlp, gazetteer):
    found = MentionFinder(nlp, gazetteer).find(nlp("The university's rector, who arrived, spoke."))
    assert not [f for f in found if f.label == "Person"]


def test_mentions_short_form_before_a_title_is_the_university(nlp, builtin_gazetteer):
    doc = nlp("The University of Sydney signed it. Sydney Vice-Chancellor Mark Scott attended.")
    found = [(f.text, f.key) for f in MentionFinder(nlp, builtin_gazetteer).find(doc)]
    assert ("Sydney", "university-of-sydney") in found
    doc = nlp("The University of Sydney signed it. Sydney Harbour was calm.")
    assert ("Sydney", "university-of-sydney") not in [(f.text, f.key) for f in MentionFinder(nlp, builtin_gazetteer).find(doc)]


def test_mentions_name_with_a_misspelt_head_noun_is_a_university(nlp, gazetteer):
    found = MentionFinder(nlp, gazetteer).find(nlp("Delegates of the Univeristy of Oakridge met."))
    assert [(f.text, f.label) for f in found] == [("Univeristy of Oakridge", "University")]


@pytest.mark.parametrize("text, expected", [
    ("It topped the Guardian University Guide this year.", [("Guardian University Guide", "Ranking")]),
    ("Bath was named University of the Year.", []),  # an award, not a university
])
def test_mentions_guides_are_rankings_and_awards_no_names(nlp, gazetteer, text, expected):
    found = MentionFinder(nlp, gazetteer).find(nlp(text))
    assert [(f.text, f.label) for f in found if f.label != "Country"] == expected


def test_mentions_cued_name_with_a_capitalised_function_word(nlp, builtin_gazetteer):
    from conftest import parsed_doc

    words = ["It", "joined", "the", "Science", "Without", "Borders", "programme", "."]
    doc = parsed_doc(nlp, words, heads=[1, 1, 6, 6, 6, 6, 1, 1],
                     pos=["PRON", "VERB", "DET", "PROPN", "ADP", "PROPN", "NOUN", "PUNCT"])
    found = [(f.text, f.label) for f in MentionFinder(nlp, builtin_gazetteer).find(doc)]
    assert ("Science Without Borders", "Program") in found


@pytest.mark.parametrize("text, names", [
    ("It signed with UWI and North-West University.", ["North-West University"]),  # an acronym, then a name
    ("It is a pact between The UWI and North-West University.", ["North-West University"]),
    ("Delegates of the American University in Cairo met.", ["American University in Cairo"]),
    ("It joined the Instituto Tecnológico de Monterrey.", ["Instituto Tecnológico de Monterrey"]),
    ("Students of the École Normale Supérieure came.", ["École Normale Supérieure"]),
])
def test_mentions_names_without_the_gazetteer(nlp, gazetteer, text, names):
    found = [f.text for f in MentionFinder(nlp, gazetteer).find(nlp(text)) if f.label != "Country"]
    assert found == names
    assert head_type(names[-1].split()) == "University"


@pytest.mark.parametrize("word, pos, ent, expected", [
    ("Rankometrics", "PROPN", "", [("Rankometrics ranking", "Ranking")]),  # a publisher's one-word name
    ("Nigerian", "ADJ", "NORP", []),  # a nationality
])
def test_mentions_one_word_name_before_a_ranking_cue(nlp, gazetteer, word, pos, ent, expected):
    from conftest import parsed_doc

    words = ["It", "leads", "the", "latest", word, "ranking", "."]
    doc = parsed_doc(nlp, words, heads=[1, 1, 5, 5, 5, 1, 1], pos=["PRON", "VERB", "DET", "ADJ", pos, "NOUN", "PUNCT"])
    if ent:
        from spacy.tokens import Span
        doc.ents = [Span(doc, 4, 5, label=ent)]
    found = [(f.text, f.label) for f in MentionFinder(nlp, gazetteer).find(doc) if f.label != "Country"]
    assert found == expected


def test_mentions_universities_named_after_the_plural_head_noun(nlp, builtin_gazetteer):
    found = MentionFinder(nlp, builtin_gazetteer).find(nlp("It was set up by the universities Kyoto, Osaka and Tohoku."))
    assert {f.refers_to for f in found if f.label == "University"} == {"Kyoto University", "Osaka University",
                                                                        "Tohoku University"}


def test_mentions_name_cued_by_the_next_word(nlp, builtin_gazetteer):
    from conftest import parsed_doc

    doc = parsed_doc(nlp, ["Two", "Udice", "members", "won", "."], pos=["NUM", "PROPN", "NOUN", "VERB", "PUNCT"])
    found = [(f.text, f.label) for f in MentionFinder(nlp, builtin_gazetteer).find(doc)]
    assert ("Udice", "Alliance") in found


@pytest.mark.slow
@pytest.mark.parametrize("text", ["Our University Is Announced to Be A Research University",
                                  "The Top Universities met in Brightwater."])
def test_mentions_descriptions_in_title_case_are_no_names(model_nlp, builtin_gazetteer, text):
    found = [f.text for f in MentionFinder(model_nlp, builtin_gazetteer).find(model_nlp(text)) if f.label == "University"]
    assert not [name for name in found if name.endswith(("Research University", "Top Universities"))]


@pytest.mark.parametrize("text, person", [
    ("We met the president of Brightwater University, Mirjam van Praag, on Monday.", "Mirjam van Praag"),
    ("Welcome words came from Rector Prof. Maria Helena Nazaré today.", "Maria Helena Nazaré"),
    ("Professor Sir Hilary Beckles, Vice-Chancellor of BWU, spoke.", "Hilary Beckles"),
])
def test_mentions_people_named_after_titles(nlp, gazetteer, text, person):
    found = [(f.text, f.label) for f in MentionFinder(nlp, gazetteer).find(nlp(text))]
    assert (person, "Person") in found


@pytest.mark.parametrize("text, name", [
    ("Students of the University of Central Zorland at Birmingham protested.", "University of Central Zorland at Birmingham"),
    ("The Université Côte d’Azur was labelled.", "Université Côte d’Azur"),
])
def test_mentions_names_with_at_and_elisions(nlp, gazetteer, text, name):
    assert name in [f.text for f in MentionFinder(nlp, gazetteer).find(nlp(text))]


@pytest.mark.slow
@pytest.mark.parametrize("text, name", [
    ("The law adopted the “Departments of excellence” initiative in 2017.", "Departments of excellence"),
    ("Young scientists are funded under the «Zhas Galym» project.", "Zhas Galym"),
])
def test_mentions_quoted_programme_names(model_nlp, builtin_gazetteer, text, name):
    found = [(f.text, f.label) for f in MentionFinder(model_nlp, builtin_gazetteer).find(model_nlp(text))]
    assert (name, "Program") in found


@pytest.mark.slow
def test_mentions_surname_refers_to_the_person_named_before(model_nlp, gazetteer):
    found = MentionFinder(model_nlp, gazetteer).find(model_nlp(
        "Rector Ilsur Gafarov signed the memorandum. Gafarov said the network would grow. "
        "Gafarov Ramil, a student, asked a question."))
    parts = [(f.text, f.source, f.refers_to) for f in found if f.source == "name-part"]
    assert parts == [("Gafarov", "name-part", "Ilsur Gafarov")]  # not the first word of another full name


def test_mentions_typographic_apostrophe_matches_gazetteer_name(nlp, builtin_gazetteer):
    found = MentionFinder(nlp, builtin_gazetteer).find(nlp("Université Côte d’Azur joined the network."))
    assert [(f.text, f.key) for f in found if f.label == "University"] == \
        [("Université Côte d’Azur", "universite-cote-d-azur")]


@pytest.mark.slow
def test_mentions_campus_of_an_institute_system(model_nlp, builtin_gazetteer):
    """"IIT, Kanpur" is the gazetteer's "IIT Kanpur"; "NIT, Patna" style names of a system the
    gazetteer knows two campuses of ("IIT Jodhpur") are universities too; "USA, Texas" is not."""
    found = MentionFinder(model_nlp, builtin_gazetteer).find(model_nlp(
        "The nominated institutes are IIT, Kanpur and IIT Jodhpur. Delegates came from the USA, Texas."))
    universities = [(f.text, f.key) for f in found if f.label == "University"]
    assert universities == [("IIT, Kanpur", "indian-institute-of-technology-kanpur"), ("IIT Jodhpur", None)]


def test_mentions_name_after_a_spaced_dash_is_cut_from_the_heading():
    """An NER span "Ocean Studies – Zorvik Technical University": a list heading, a dash, then the name."""
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from kg.extract.mentions import _ner_spans
    doc = Doc(Vocab(), words=["Ocean", "Studies", "–", "Zorvik", "Technical", "University", "leads"])
    doc.ents = [Span(doc, 0, 6, label="ORG")]
    assert [(f.text, f.label) for f in _ner_spans(doc)] == [("Zorvik Technical University", "University")]


@pytest.mark.slow
def test_mentions_two_names_joined_by_and_the(model_nlp, gazetteer):
    found = _find(model_nlp, gazetteer, "We welcome the Lumen Institute of Technology and the University of Tarsk.")
    assert [f[0] for f in found if f[1] == "University"] == ["Lumen Institute of Technology", "University of Tarsk"]


def test_mentions_name_with_head_noun_tagged_person_is_kept_whole():
    """NER may tag "Universitat Rovira I Virgili" PERSON; a span with a head noun is no person,
    so the name is not cut after "Universitat"."""
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from kg.extract.mentions import _name_spans
    words = ["They", "joined", "Universitat", "Rovira", "I", "Virgili", "."]
    doc = Doc(Vocab(), words=words, sent_starts=[True] + [False] * 6,
              pos=["PRON", "VERB", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT"])
    doc.ents = [Span(doc, 2, 6, label="PERSON")]
    assert [(f.text, f.label) for f in _name_spans(doc)] == [("Universitat Rovira I Virgili", "University")]


@pytest.mark.parametrize("words, spaces", [
    (["Obafemi", "Ile", "-", "Ife", "came"], [True, False, False, True, False]),  # one word: a town
    (["the", "Africa-", "Apartheid", "era"], [True, True, True, False]),  # a broken hyphenation
])
def test_mentions_ner_person_needs_two_whole_words(words, spaces):
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from kg.extract.mentions import _ner_spans
    doc = Doc(Vocab(), words=words, spaces=spaces)
    start = 1
    doc.ents = [Span(doc, start, len(words) - 1, label="PERSON")]
    assert _ner_spans(doc) == []


@pytest.mark.slow
@pytest.mark.parametrize("text, names", [
    ("The Ministry of Higher Education, Research and Innovation and the General Secretariat for Investment (SGPI) "
     "announced the results.",
     ["Ministry of Higher Education, Research and Innovation", "General Secretariat for Investment"]),
    ("The Ministry of Education, Brightwater University and Zorlan Institute of Technology met.",
     ["Ministry of Education", "Brightwater University", "Zorlan Institute of Technology"]),
])
def test_mentions_ministry_with_a_list_of_portfolios(model_nlp, gazetteer, text, names):
    found = _find(model_nlp, gazetteer, text)
    assert [f[0] for f in found if f[1] in ("Organization", "University", "ResearchInstitute") and f[3] != "acronym"] == names


@pytest.mark.slow
def test_mentions_name_run_on_into_its_country_is_cut(model_nlp, gazetteer):
    """"Lumen University Russia" is cut when the text also names "Lumen University" alone."""
    found = _find(model_nlp, gazetteer, "Lumen University signed the memorandum. The partners thank Lumen University "
                                        "Russia for hosting.")
    assert [f[0] for f in found if f[1] == "University"] == ["Lumen University", "Lumen University"]


def test_mentions_region_adjective_is_no_country(nlp, builtin_gazetteer):
    found = MentionFinder(nlp, builtin_gazetteer).find(nlp("A South American member and an American member joined."))
    assert [(f.text, f.key) for f in found if f.label == "Country"] == [("American", "us")]


@pytest.mark.slow
@pytest.mark.parametrize("text, countries", [
    ("The chapel was built by Russian missionaries in 1955.", []),  # nobody's organisation
    ("Russian universities joined the network.", ["Russian"]),
    ("Of the 12 members, ten are Chinese and two are Russian.", ["Chinese", "Russian"]),  # said of the members
])
def test_mentions_nationality_counts_only_for_organisations(model_nlp, gazetteer, text, countries):
    assert [f[0] for f in _find(model_nlp, gazetteer, text) if f[1] == "Country"] == countries


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase", [
    ("The university works for the good of Higher Education in Europe.", "Higher Education"),
    ("The General Council agreed on the new president.", "General Council"),
    ("Staff moved to the Regional Headquarters last year.", "Regional Headquarters"),
])
def test_mentions_generic_phrases_in_title_case_are_no_organisations(model_nlp, builtin_gazetteer, text, phrase):
    found = MentionFinder(model_nlp, builtin_gazetteer).find(model_nlp(text))
    assert phrase not in [f.text for f in found]


@pytest.fixture(scope="module")
def with_imports():
    """The test gazetteer plus three records as `kg gazetteer import` adds them (not curated)."""
    from pathlib import Path

    from kg.gazetteer import build_gazetteer, read_toml_entries

    path = Path(__file__).parent / "data" / "gazetteer.toml"
    imported = [
        {"name": "Abubakar Plains University", "type": "University", "aliases": ["Federal University of Farming"],
         "acronyms": ["APU"], "country": "NG"},
        {"name": "Pine Ridge University, Westfield", "type": "University", "country": "CN"},
        {"name": "Dhanmondi University", "type": "University", "acronyms": ["DU"], "country": "RU"},
    ]
    return build_gazetteer([*((r, path.name) for r in read_toml_entries(path)),
                            *((r, "ror:test.jsonl") for r in imported)])


def test_mentions_imported_name_inside_a_longer_name_is_left_to_the_longer_name(pipeline, with_imports):
    found = _find(pipeline, with_imports, "The Federal University of Farming Kano hosted the meeting.")
    assert not [f for f in found if f[2] == "abubakar-plains-university"]
    assert ("Federal University of Farming Kano", "University", None, "pattern") in found


def test_mentions_listed_name_with_a_comma_does_not_swallow_the_next_name(pipeline, with_imports):
    text = "Its members are Brightwater University, Pine Ridge University, Westfield Forestry University and others."
    found = _find(pipeline, with_imports, text)
    assert not [f for f in found if f[2] == "pine-ridge-university-westfield"]
    assert ("Westfield Forestry University", "University", None, "pattern") in found


def test_mentions_acronym_defined_in_text_beats_the_gazetteer(pipeline, gazetteer):
    text = "Bay West University (BWU) opened a campus. BWU now has 900 students."
    found = MentionFinder(pipeline, gazetteer).find(pipeline(text))
    uses = [f for f in found if f.text == "BWU"]
    assert len(uses) == 2
    assert all(f.key is None and f.refers_to == "Bay West University" for f in uses)


def test_mentions_acronym_defined_with_a_spelling_variant_links_the_long_form(pipeline, gazetteer):
    text = "Bright Water University (BWU) opened a campus. BWU now has 900 students."
    found = MentionFinder(pipeline, gazetteer).find(pipeline(text))
    assert [f.key for f in found if f.text == "BWU"] == ["brightwater-university"] * 2
    assert [f.key for f in found if f.text == "Bright Water University"] == ["brightwater-university"]


def test_mentions_acronym_defined_after_or(pipeline, gazetteer):
    found = MentionFinder(pipeline, gazetteer).find(pipeline("The University of Kestrel or UK ranked sixth."))
    assert [(f.source, f.refers_to) for f in found if f.text == "UK"] == [("acronym", "University of Kestrel")]


def test_mentions_imported_acronym_needs_a_country_the_article_names(pipeline, with_imports):
    assert not [f for f in _find(pipeline, with_imports, "DU ranked sixth this year.") if f[0] == "DU"]
    assert ("DU", "University", "dhanmondi-university", "gazetteer") in _find(
        pipeline, with_imports, "In Russia, DU ranked sixth this year.")


def test_mentions_clipped_first_word_is_the_university_when_written_twice(pipeline, gazetteer):
    text = "Brightwater University hosted the forum. Bright welcomed the guests, and Bright thanked the NLA."
    clipped = [f for f in _find(pipeline, gazetteer, text) if f[0] == "Bright"]
    assert clipped == [("Bright", "University", "brightwater-university", "gazetteer")] * 2


def test_mentions_clipped_word_written_once_or_before_a_name_is_no_university(pipeline, gazetteer):
    once = "Brightwater University hosted the forum. Bright welcomed the guests."
    assert not [f for f in _find(pipeline, gazetteer, once) if f[0] == "Bright"]
    named = "Brightwater University hosted the forum. Bright Horizons sent a speaker; Bright Horizons paid."
    assert not [f for f in _find(pipeline, gazetteer, named) if f[0] == "Bright" and f[2] == "brightwater-university"]


@pytest.mark.slow
def test_mentions_programme_title_ending_of_a_known_university_is_cut_before_it(model_nlp, builtin_gazetteer):
    found = _find(model_nlp, builtin_gazetteer, "The Initiative of Excellence of Université Grenoble Alpes was confirmed.")
    assert ("Université Grenoble Alpes", "University") in [f[:2] for f in found]
    assert not [f for f in found if f[0].endswith("Grenoble Alpes") and f[1] == "Program"]


def test_mentions_undefined_initialism_of_a_university_named_in_full(pipeline, gazetteer):
    text = "Brightwater University hosted the forum. BU welcomed the guests."
    assert ("BU", "University", "brightwater-university", "acronym") in _find(pipeline, gazetteer, text)
    assert not [f for f in _find(pipeline, gazetteer, "BU welcomed the guests.") if f[0] == "BU"]  # no full name: no link


def test_mentions_undefined_initialism_of_a_name_the_gazetteer_lacks(pipeline, gazetteer):
    """"Belarusian State University ... BSU": the capitals of a name the text gives in full (and the
    gazetteer does not know) are its acronym; when two of the text's names spell it, neither."""
    found = _find(pipeline, gazetteer, "Belarusian State University improved its result. BSU rose 25 places.")
    assert [f[:2] for f in found if f[0] == "BSU"] == [("BSU", "University")]
    text = "Hillcrest State University and Harbor State University met in May. HSU signed an agreement."
    assert not [f for f in _find(pipeline, gazetteer, text) if f[0] == "HSU"]


def _brand_gazetteer():
    from kg.gazetteer import build_gazetteer

    return build_gazetteer([
        ({"name": "Aurora Universities Network", "type": "Alliance", "aliases": ["Aurora alliance"]}, "test"),
        ({"name": "Berlin University Alliance", "type": "Alliance", "city": "Berlin"}, "test"),
        ({"name": "Humboldt University of Berlin", "type": "University", "city": "Berlin"}, "test"),
    ])


def test_mentions_brand_word_alone_after_the_alliance_is_named(pipeline):
    text = "Rectors of the Aurora alliance met in Reykjavik. Aurora now has 17 members."
    found = _find(pipeline, _brand_gazetteer(), text)
    brands = [f for f in found if f[0] == "Aurora"]
    assert brands == [("Aurora", "Alliance", "aurora-universities-network", "gazetteer")]


def test_mentions_brand_word_needs_the_alliance_named_in_the_text(pipeline):
    assert [f for f in _find(pipeline, _brand_gazetteer(), "Aurora now has 17 members.") if f[0] == "Aurora"] == []


def test_mentions_a_brand_that_is_a_city_stays_the_city(pipeline):
    text = "The Berlin University Alliance met on Monday. The rectors then toured Berlin by bus."
    assert [f for f in _find(pipeline, _brand_gazetteer(), text) if f[0] == "Berlin"] == []


@pytest.mark.slow
@pytest.mark.parametrize("text, unit", [
    ("The statement was issued by the Public Relations Office of Brightwater University.", "Public Relations Office"),
    ("For details, write to the Office of Global Engagement at Brightwater University.", "Office of Global Engagement"),
    ("Prepared by the BWU Communication Department.", "BWU Communication Department"),
])
def test_mentions_internal_units_are_not_organisations(model_nlp, gazetteer, text, unit):
    """An office or department of an organisation is not an organisation of its own (issue 9: boilerplate)."""
    assert unit not in [name for name, *_ in _find(model_nlp, gazetteer, text)]


@pytest.mark.slow
def test_mentions_state_body_named_office_stays(model_nlp, gazetteer):
    """A state body whose name ends in 'Office' is an organisation (lexicon public_bodies)."""
    found = _find(model_nlp, gazetteer, "The grant came from the National Research and Innovation Office of Hungary.")
    assert any("Innovation Office" in name for name, *_ in found), found


@pytest.mark.slow
@pytest.mark.parametrize("text, street", [
    ("Address: 300 Zhongda Rd, Zhongli District, Taoyuan City.", "Zhongda"),
    ("Brightwater University, Meiring Naudé Road, Pretoria.", "Meiring Naudé"),
])
def test_mentions_streets_are_not_persons(model_nlp, gazetteer, text, street):
    """A street of an address is not a person, however the statistical model tags it."""
    assert not any(street in name and label == "Person" for name, label, *_ in _find(model_nlp, gazetteer, text))


def test_mentions_token_cache_is_not_reused_after_a_new_tokenizer_special_case(tmp_path):
    """Cached gazetteer tokens depend on the tokenizer's special cases ("Assoc." kept whole): a cache
    written before a special case was added must not be read after it."""
    import spacy
    from spacy.symbols import ORTH

    from kg.extract.mentions import _TokenCache

    nlp = spacy.blank("en")
    before = _TokenCache(nlp, tmp_path).path
    nlp.tokenizer.add_special_case("Assoc.", [{ORTH: "Assoc."}])
    assert _TokenCache(nlp, tmp_path).path != before


@pytest.mark.slow
def test_mentions_members_of_an_organisations_board_do_not_make_it_an_alliance(model_nlp, gazetteer):
    """'the members of the ZRF Board' are the board's members: the foundation stays an Organization."""
    found = _find(model_nlp, gazetteer, "The Zorland Research Foundation (ZRF) funds research. "
                                        "The ministry appoints the members of the ZRF Board.")
    assert {label for name, label, *_ in found if name in ("ZRF", "Zorland Research Foundation")} == {"Organization"}, found


@pytest.mark.slow
@pytest.mark.parametrize("text, place", [
    ("The institute is located in Chennai, Tamil Nadu, India.", "Tamil Nadu"),
    ("The programme brought visiting professors to Belo Horizonte for a semester.", "Belo Horizonte"),
])
def test_mentions_places_are_not_persons(model_nlp, gazetteer, text, place):
    """A city or region universities are in (places.toml, from ROR) is no person, however the
    statistical model tags it."""
    assert not any(name == place and label == "Person" for name, label, *_ in _find(model_nlp, gazetteer, text))


@pytest.mark.slow
@pytest.mark.parametrize("text, name", [
    ("The consortium was founded with the University of Engineering and Technology, Lahore, and two others.",
     "University of Engineering and Technology, Lahore"),
    ("Its partner, the Federal University of Agriculture, Abeokuta, hosted the meeting.",
     "Federal University of Agriculture, Abeokuta"),
    ("Delegates of the Zorkent State University named after A. Kadyrov attended.",
     "Zorkent State University named after A. Kadyrov"),
])
def test_mentions_name_goes_on_past_the_model(model_nlp, gazetteer, text, name):
    """A university named only for what it teaches takes the city written after it, and an
    institution takes the person it is named after: both are part of the name."""
    assert name in [found for found, *_ in _find(model_nlp, gazetteer, text)]


def test_mentions_extended_name_keeps_other_references():
    """A name extended past where it was found ("... named after A. Kadyrov") trims only the
    mentions it overlaps: a reference elsewhere that starts in lower case ("the programme") stays."""
    doc = spacy.blank("en")("Zorkent State University named after A. Kadyrov joined the programme .")
    university = Found(0, 3, "University", None, "ner", "Zorkent State University")
    programme = Found(8, 10, "Program", None, "reference", "the programme")
    assert [(f.text, f.source) for f in _full_names(doc, [university, programme])] == [
        ("Zorkent State University named after A. Kadyrov", "ner"), ("the programme", "reference")]


@pytest.mark.slow
@pytest.mark.parametrize("text, name", [
    ("The delegation of Harvard University, Cambridge, arrived.", "Harvard University"),
    ("Scientists of the University of Toronto, Ontario, took part.", "University of Toronto"),
])
def test_mentions_a_named_university_does_not_take_the_city_after_it(model_nlp, gazetteer, text, name):
    """A university whose name already has a place or person in it ends before ", City"."""
    names = [found for found, *_ in _find(model_nlp, gazetteer, text)]
    assert name in names and not any(n.startswith(name + ",") for n in names), names


@pytest.mark.slow
@pytest.mark.parametrize("text, body", [
    ("The Steering Committee of the Zorland Network met in Rome.", "Steering Committee"),
    ("The Rectors' Council of the Zorland Network approved the plan.", "Rectors' Council"),
    ("The Council of Rectors gathered in May.", "Council of Rectors"),
])
def test_mentions_a_body_named_only_by_what_it_is_is_no_entity(model_nlp, gazetteer, text, body):
    """A body named only by body words and office holders is some organisation's body, not a name."""
    assert body not in [name for name, *_ in _find(model_nlp, gazetteer, text)]


@pytest.mark.slow
def test_mentions_an_association_of_no_institutions_is_an_organisation(model_nlp, gazetteer):
    """An association whose name calls its members by a plural noun that is no institution's
    ("of Rating Makers", "of Southeast Asian Nations") is an organisation, not an alliance of universities."""
    found = _find(model_nlp, gazetteer, "The table is compiled by the Zorland Association of Rating Makers. "
                                        "The Zorland Association of Universities met in May.")
    labels = {name: label for name, label, *_ in found}
    assert labels.get("Zorland Association of Rating Makers") == "Organization", found
    assert labels.get("Zorland Association of Universities") == "Alliance", found


@pytest.mark.slow
def test_mentions_an_alliance_name_inside_a_longer_alliance_name_is_not_a_mention(model_nlp, builtin_gazetteer):
    """'Coimbra Group' in 'Coimbra Group of Brazilian Universities' is not the European Coimbra Group:
    the longer name, continued with 'of ... Universities', is another alliance."""
    found = _find(model_nlp, builtin_gazetteer, "The university is also a member of the Association of Universities of the "
                                        "Montevideo Group (AUGM) and of the Coimbra Group of Brazilian Universities (GCUB).")
    assert ("Coimbra Group", "Alliance") not in [(name, label) for name, label, *_ in found], found


@pytest.mark.slow
def test_mentions_an_acronym_of_clipped_words_stands_for_the_name(model_nlp, gazetteer):
    """'UNIBEN' (UNIversity of BENin), never defined in the text, stands for the university it clips."""
    found = _find(model_nlp, gazetteer, "The University of Benin hosts the centre. UNIBEN was founded in 1970.")
    assert ("UNIBEN", "University") in [(name, label) for name, label, *_ in found], found


@pytest.mark.slow
@pytest.mark.parametrize("text, person", [
    ("The rector Sandra Regina Goulart Almeida, who took office in March, welcomed the result.",
     "Sandra Regina Goulart Almeida"),
    ("At EPFL, Anna Fontcuberta i Morral succeeds Martin Vetterli.", "Anna Fontcuberta i Morral"),
])
def test_mentions_a_name_the_model_cut_in_two_is_one_person(model_nlp, gazetteer, text, person):
    """Two person spans side by side, or a name that goes on over a particle ('i', 'do'), are one person."""
    assert person in [name for name, label, *_ in _find(model_nlp, gazetteer, text) if label == "Person"]


@pytest.mark.slow
def test_mentions_no_person_from_headline_capitals_alone(model_nlp, gazetteer):
    """Words a title-case headline capitalises ('Retains Top Spot') are no person unless the text names
    them again below; a person the headline names and the body repeats stays, as does a contact line."""
    text = ("UoN Retains Top Spot in Kenya as Webometrics Ranking Places It 1,002nd Globally\n\nThe University of "
            "Nairobi kept first place this "
            "year. Justin Grant, University Communications and Marketing, 778.782.3210")
    persons = [name for name, label, *_ in _find(model_nlp, gazetteer, text) if label == "Person"]
    assert not any("Top Spot" in p for p in persons) and "Justin Grant" in persons, persons


@pytest.mark.slow
def test_mentions_a_centre_named_in_common_words_is_a_unit(model_nlp, gazetteer):
    """A centre named only in common English words (the lemmatizer's dictionary) is a university's
    unit; one with a proper name in it is an organisation."""
    found = _find(model_nlp, gazetteer, "The Centre for Advanced Materials and the Energy and Environment Center "
                                        "opened. The Zorlan Centre for Polar Research joined.")
    names = [name for name, *_ in found]
    assert "Centre for Advanced Materials" not in names and "Energy and Environment Center" not in names, names
    assert "Zorlan Centre for Polar Research" in names, names


@pytest.mark.parametrize("written", ["IdEx", "IDEX", "Idex"])
def test_mentions_mixed_case_acronym_matches_in_capitals_or_title_case(pipeline, builtin_gazetteer, written):
    """An acronym the gazetteer writes in mixed case ("IdEx") is found as news also writes it."""
    found = _find(pipeline, builtin_gazetteer, f"The jury confirmed the {written} of the university.")
    assert (written, "Program", "initiatives-d-excellence", "gazetteer") in found


@pytest.mark.slow
def test_mentions_unknown_name_takes_the_entry_of_its_known_acronym(model_nlp, builtin_gazetteer):
    """"Excellence Initiatives (Idex)": the translated name is the entry its bracketed acronym
    names, here and where the text repeats it without the acronym."""
    found = _find(model_nlp, builtin_gazetteer, "Two universities were labelled Excellence Initiatives (Idex) this year. "
                  "Six others have already been confirmed as Excellence Initiatives.")
    named = [(text, key) for text, label, key, _ in found if text == "Excellence Initiatives"]
    assert named == [("Excellence Initiatives", "initiatives-d-excellence")] * 2, found


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("The network joins the German universities of Saarland and Trier.",
     [("Saarland", "University of Saarland"), ("Trier", "University of Trier")]),
    ("It was set up by Padua together with the universities of Graz, Lyon 1 and Vilnius.",
     [("Graz", "University of Graz"), ("Lyon 1", "University of Lyon 1"), ("Vilnius", "Vilnius University")]),
    ("The meeting was held at the University of Sheffield. The network was founded by the British universities "
     "of Bristol, Leeds, Sheffield and York.", [("Bristol", "University of Bristol"), ("Leeds", "University of Leeds")]),
])
def test_mentions_universities_of_cities(model_nlp, builtin_gazetteer, text, expected):
    """"the universities of A, B and C" names one university per city, also cities the
    gazetteer knows no university of (places.toml), numbered ones ("Lyon 1"), and where one of
    them is already known from the text ("Sheffield" after "the University of Sheffield")."""
    finder = MentionFinder(model_nlp, builtin_gazetteer)
    found = [(f.text, f.refers_to) for f in finder.find(model_nlp(text)) if f.label == "University"]
    assert all(pair in found for pair in expected), found


@pytest.mark.slow
@pytest.mark.parametrize("text, former, current", [
    ("The Zorland Association of Universities, which was founded in 1925 as the Inter-University Board, met today.",
     "Inter-University Board", "Zorland Association of Universities"),
    ("Kama State Technical University, founded in 1934 as the Kama Polytechnic Institute, is the oldest.",
     "Kama Polytechnic Institute", "Kama State Technical University"),
])
def test_mentions_former_name_stands_for_the_organisation(model_nlp, gazetteer, text, former, current):
    """"X, founded in 1925 as Y": Y is X's former name (an alias of the same organisation), not a
    second organisation."""
    found = {f.text: f for f in MentionFinder(model_nlp, gazetteer).find(model_nlp(text))}
    assert found[former].refers_to == current and found[former].label == found[current].label, found


@pytest.mark.slow
def test_mentions_the_institute_is_a_reference(model_nlp, gazetteer):
    """"The Institute" in an institute of technology's news stands for an organisation named before."""
    assert ("The Institute", "University", None, "reference") in _find(
        model_nlp, gazetteer, "The Institute is a member of the Northern Lakes Alliance.")


def test_mentions_model_typed_name_takes_the_type_found_elsewhere():
    """"ACE Impact" typed a programme by its cue once, and an organisation by the statistical model
    elsewhere, is a programme everywhere; where nothing found it, the repeated name is found too."""
    words = "The Zorland Impact project began . Zorland Impact centres opened ; Zorland Impact grew .".split()
    chosen = [Found(1, 3, "Program", None, "pattern", "Zorland Impact"),
              Found(6, 8, "Organization", None, "ner", "Zorland Impact")]
    found = _one_type_per_name(chosen, words)
    assert [(f.start, f.label) for f in found] == [(1, "Program"), (6, "Program"), (11, "Program")]


def test_mentions_surname_is_the_person_named_in_full():
    """"Van de Walle" after "Rik Van de Walle" is that person, not a second one; a surname two
    persons share stays unlinked."""
    chosen = [Found(0, 4, "Person", None, "ner", "Rik Van de Walle"), Found(9, 12, "Person", None, "ner", "Van de Walle"),
              Found(14, 16, "Person", None, "ner", "Anna Berg"), Found(18, 20, "Person", None, "ner", "Lena Berg"),
              Found(22, 23, "Person", None, "ner", "Berg")]
    assert [f.refers_to for f in _surnames_of_persons(chosen)] == [None, "Rik Van de Walle", None, None, None]


@pytest.mark.slow
def test_mentions_school_named_in_common_words_is_a_unit(model_nlp, builtin_gazetteer):
    """"The School of Humanities" of a university is one of its units, not an organisation;
    "College of Europe" (named for a region) and "Lundquist College of Business" (for a person) are."""
    names = [text for text, *_ in _find(model_nlp, builtin_gazetteer, "The agreement with the University of Göttingen "
                                        "has been extended to the School of Humanities. The College of Europe met the "
                                        "Lundquist College of Business.")]
    assert "School of Humanities" not in names and "College of Europe" in names \
        and "Lundquist College of Business" in names, names


@pytest.mark.slow
def test_mentions_model_name_trimmed_of_possessive_and_bracket(model_nlp, builtin_gazetteer):
    """The statistical model's names lose a leading possessive ("Its School of ...") and a trailing
    opening bracket with the acronym ("... Innovation (DSTI")."""
    names = [text for text, *_ in _find(model_nlp, builtin_gazetteer, "The Department of Science, Technology and "
                                        "Innovation (DSTI) funds chairs.")]
    assert "Department of Science, Technology and Innovation" in names, names
    assert not any(name.startswith("Its ") for name, *_ in _find(
        model_nlp, builtin_gazetteer, "Its Lundquist College of Business signed an agreement."))


@pytest.mark.slow
def test_mentions_acronym_spelling_the_whole_name_extends_it(model_nlp, builtin_gazetteer):
    """A name cut short at "and" is the whole name its bracketed acronym spells: "Kivu University of
    Health and Allied Sciences (KUHAS)", not "Kivu University of Health" and "Allied Sciences"."""
    found = _find(model_nlp, builtin_gazetteer, "Partners include Kivu University of Health and Allied Sciences "
                  "(KUHAS) and Ardhi University.")
    names = [text for text, *_ in found]
    assert "Kivu University of Health and Allied Sciences" in names and "Allied Sciences" not in names, found


@pytest.mark.slow
def test_mentions_acronym_of_a_model_found_name_and_with_its_cue(model_nlp, builtin_gazetteer):
    """An acronym defined for a name only the statistical model found, where it spells the name, is
    found wherever the text uses it, also with its kind's cue word ("the KREST Project")."""
    doc = model_nlp("The university will receive funds under the Kivu Research Excellence and Skills Transformation "
                    "(KREST) Project. The KREST Project was launched in 2021 by the government.")
    found = MentionFinder(model_nlp, builtin_gazetteer).find(doc)
    refer = {f.text: f.refers_to for f in found}
    assert refer.get("KREST") == "Kivu Research Excellence and Skills Transformation", found
    assert refer.get("KREST Project") == "Kivu Research Excellence and Skills Transformation", found


@pytest.mark.slow
def test_mentions_name_run_on_into_its_city_is_cut(model_nlp, builtin_gazetteer):
    """"Jelgava University Bratislava" in a masthead is the "Jelgava University" the text names
    without its city: one name, not two organisations."""
    names = [text for text, *_ in _find(model_nlp, builtin_gazetteer, "Jelgava University Bratislava\n\n"
                                        "Jelgava University has elected a new rector.")]
    assert "Jelgava University Bratislava" not in names and names.count("Jelgava University") == 2, names


@pytest.mark.slow
def test_mentions_country_opening_a_model_found_name_gives_way(model_nlp, builtin_gazetteer):
    """"Japan Advanced Semiconductor Manufacturing" is one organisation, not Japan and some words."""
    found = _find(model_nlp, builtin_gazetteer, "Kumamoto University leads the project. Our partners in this project "
                  "include Japan Advanced Semiconductor Manufacturing (JASM).")
    assert ("Japan Advanced Semiconductor Manufacturing", "Organization") in [(t, label) for t, label, *_ in found], found


@pytest.mark.slow
def test_mentions_acronym_after_the_cue_word_is_the_names(model_nlp, builtin_gazetteer):
    """"the Leiden-Delft-Erasmus alliance (LDE)": LDE spells the name before the cue, so it is that name's."""
    doc = model_nlp("Two projects involve the Leiden-Delft-Erasmus alliance (LDE). The LDE has a joint office in Delft.")
    found = MentionFinder(model_nlp, builtin_gazetteer).find(doc)
    assert [f.refers_to for f in found if f.text == "LDE"] == ["Leiden-Delft-Erasmus", "Leiden-Delft-Erasmus"], found


@pytest.mark.slow
def test_mentions_company_is_no_person_and_its_country_no_acronym(model_nlp, builtin_gazetteer):
    """"Keysight Technologies (USA)": a company the statistical model takes for a person is an
    organisation, and the country in brackets after it is no acronym of its name; a legal form
    ("Ltd") makes a name a company's."""
    found = _find(model_nlp, builtin_gazetteer, "The flagship's partners include Nokia (Finland) and Keysight "
                  "Technologies (USA). The university signed an agreement with Tata Consultancy Services Ltd.")
    labels = {text: label for text, label, *_ in found}
    assert labels.get("Keysight Technologies") == "Organization", found
    assert labels.get("Tata Consultancy Services Ltd.") == "Organization", found
    assert labels.get("USA") == "Country", found


@pytest.mark.slow
def test_mentions_generic_name_takes_its_city_after_a_dash(model_nlp, builtin_gazetteer):
    """"the Medical University – Pleven": a university named for what it teaches takes the city after a dash."""
    names = [text for text, *_ in _find(model_nlp, builtin_gazetteer, "The first place goes to the Medical "
                                        "University – Pleven, followed by the Medical University – Varna.")]
    assert "Medical University – Pleven" in names and "Medical University – Varna" in names, names


@pytest.mark.slow
def test_mentions_acronym_written_in_lower_case(model_nlp, builtin_gazetteer):
    """"squ and gutech sign agreement" in a related-news line: the lower-case form of an acronym the
    text uses is that organisation, but not where it is an English word ("the ace of ...")."""
    doc = model_nlp("Sultan Qaboos University (SQU) was founded in 1986. The ACE centre opened.\n\n"
                    "Related: squ and Dhofar University sign agreement · the ace of spades")
    found = MentionFinder(model_nlp, builtin_gazetteer).find(doc)
    assert [f.key for f in found if f.text == "squ"] == ["sultan-qaboos-university"], found
    assert not [f for f in found if f.text == "ace"], found


@pytest.mark.slow
def test_mentions_acronym_spells_a_name_across_on_and_its_later_uses_follow(model_nlp, builtin_gazetteer):
    """"the Institute for Policy and Strategy on National Competitiveness (IPSNC)": the acronym spells
    the name across "and" and "on", so the whole is one name, and every later "IPSNC" stands for it."""
    doc = model_nlp("The ranking is compiled by the Institute for Policy and Strategy on National Competitiveness "
                    "(IPSNC) in Seoul. IPSNC publishes it every June.")
    found = MentionFinder(model_nlp, builtin_gazetteer).find(doc)
    full = "Institute for Policy and Strategy on National Competitiveness"
    assert full in [f.text for f in found], found
    assert [f.refers_to for f in found if f.text == "IPSNC"] == [full, full], found


@pytest.mark.slow
def test_mentions_name_whose_acronym_spells_it_is_not_cut_before_a_person(model_nlp, builtin_gazetteer):
    """"Universiti Teknologi Brunei (UTB)": the model takes "Teknologi Brunei" for a person, but the
    acronym spells the whole name, so the name is not cut after its head noun."""
    doc = model_nlp("Universiti Teknologi Brunei (UTB), the second Bruneian university in the table, is placed "
                    "in the 201–300 band.")
    found = MentionFinder(model_nlp, builtin_gazetteer).find(doc)
    assert ("Universiti Teknologi Brunei", "University") in [(f.text, f.label) for f in found], found
    assert [f.refers_to for f in found if f.text == "UTB"] == ["Universiti Teknologi Brunei"], found


@pytest.mark.slow
def test_mentions_eu_funding_programmes(model_nlp, builtin_gazetteer):
    """Erasmus+, Horizon 2020 and Horizon Europe are programmes; "Erasmus University Rotterdam" is not Erasmus+."""
    found = _find(model_nlp, builtin_gazetteer, "The alliance is funded by Erasmus+ and by Horizon Europe, which "
                  "followed Horizon 2020. Erasmus University Rotterdam is a partner.")
    labels = {text: label for text, label, *_ in found}
    assert labels.get("Erasmus+") == labels.get("Horizon Europe") == labels.get("Horizon 2020") == "Program", found
    assert labels.get("Erasmus University Rotterdam") == "University", found


@pytest.mark.slow
def test_mentions_impact_and_paper_rankings(model_nlp, builtin_gazetteer):
    """WURI ("World's Universities with Real Impact") and the NTU Ranking are rankings."""
    found = _find(model_nlp, builtin_gazetteer, "Hanyang University is 12th in the World's Universities with Real "
                  "Impact (WURI) and 150th in the NTU Ranking.")
    labels = {text: label for text, label, *_ in found}
    assert labels.get("World's Universities with Real Impact") == labels.get("NTU Ranking") == "Ranking", found


def test_mentions_boards_project_units_and_streets_are_no_organisations(pipeline, gazetteer):
    """"the Board of Governors", "the Project Implementation Unit", "the Project Steering Committee"
    are bodies of an organisation named elsewhere, and "Avenida da Universidade" is a street of an
    address: none is an organisation of its own."""
    found = _find(pipeline, gazetteer, "The Board of Governors and the Board of Trustees met. The Project "
                  "Implementation Unit reports to the Project Steering Committee. Address: Avenida da Universidade, Taipa.")
    assert found == [], found


@pytest.mark.slow
def test_mentions_name_opened_by_its_acronym(model_nlp, builtin_gazetteer):
    """A name found without its first words is whole when its bracketed acronym spells them
    ("Skills for a Vibrant Economy (SAVE) Project": the "a" gives the acronym's A), and the acronym
    stands for the whole name."""
    found = _find(model_nlp, builtin_gazetteer, "The Ministry launched the Skills for a Vibrant Economy (SAVE) Project in 2022.")
    texts = [text for text, *_ in found]
    assert "Skills for a Vibrant Economy" in texts and "Vibrant Economy" not in texts, found


def test_mentions_university_names_of_honour_and_saints(pipeline, gazetteer):
    """A quoted name of honour closes a university's name ('Sofia University "St. Kliment
    Ohridski"') and a saints' title opens one ("Ss. Cyril and Methodius University")."""
    found = _find(pipeline, gazetteer, 'Delegations of Sofia University "St. Kliment Ohridski" came to Ss. Cyril and '
                  "Methodius University.")
    texts = [text for text, *_ in found]
    assert 'Sofia University "St. Kliment Ohridski"' in texts, found
    assert "Ss. Cyril and Methodius University" in texts, found


@pytest.mark.slow
def test_mentions_kind_word_before_a_known_name_makes_another_university(model_nlp, builtin_gazetteer):
    """"Technological University of Havana" is not the (known) University of Havana with a word before it."""
    found = _find(model_nlp, builtin_gazetteer, "The Technological University of Havana signed with the University of Havana.")
    texts = [text for text, *_ in found]
    assert texts.count("University of Havana") == 1 and "Technological University of Havana" in texts, found


def test_mentions_events_and_a_bare_plural_are_no_alliances(pipeline, gazetteer):
    """"the Annual Network Meeting" is an event (its last word), not a network; "Universities" alone
    before the cue word "network" names no alliance."""
    found = _find(pipeline, gazetteer, "The 2027 Annual Network Meeting will be hosted in Lima. It joined the Adriatic "
                  "and Ionian Universities network last year.")
    assert [text for text, label, *_ in found if label == "Alliance"] == [], found


@pytest.mark.slow
def test_mentions_former_name_under_the_name_of(model_nlp, builtin_gazetteer):
    """"Founded in 1986 under the name of Y, X is ...": Y is X's former name (it refers to X), not
    another university."""
    doc = model_nlp("Founded in 1986 under the name of Université du Sud, the University of Sfax is the largest "
                    "university of the region.")
    found = {f.text: f for f in MentionFinder(model_nlp, builtin_gazetteer).find(doc)}
    assert found["Université du Sud"].refers_to == "University of Sfax", found


@pytest.mark.slow
def test_mentions_stop_word_is_no_lowercase_acronym(model_nlp, builtin_gazetteer):
    """Once "Times Higher Education (THE)" is named, the article "the" is still an article, not the
    publisher in lower case (a lower-case acronym must be no English word, function words included)."""
    doc = model_nlp("The table is compiled by Times Higher Education (THE). Established in 1982, the University of "
                    "Botswana is the oldest university in the country.")
    found = MentionFinder(model_nlp, builtin_gazetteer).find(doc)
    assert [f.text for f in found if f.text == "the"] == [], found


def test_mentions_fund_is_a_funding_programme(pipeline, gazetteer):
    """A fund that the text names ("the Zorland Skills Development Fund") is a funding programme
    (GOLD_FORMAT: Program), so universities can take part in it."""
    found = _find(pipeline, gazetteer, "Three universities will benefit from the Zorland Skills Development Fund.")
    assert ("Zorland Skills Development Fund", "Program") in [(text, label) for text, label, *_ in found], found


def test_mentions_company_heads_make_companies_not_fields():
    """A name that a company's last word ends is a company's ("Lao Telecom", "Varichem Pharmaceuticals"),
    but "Technologies" and "Systems" also end fields, which are no organisations."""
    from kg.extract.mentions import head_type

    assert head_type(["Lao", "Telecom"]) == head_type(["Varichem", "Pharmaceuticals"]) == "Organization"
    assert head_type(["Communication", "Technologies"]) is None


def test_mentions_numbered_universities(pipeline, gazetteer):
    """A university's number is part of its name ("University of Algiers 1", "University of Yaoundé I"),
    but not a table's next column ("University of Zorland 9 2,085,000")."""
    found = _find(pipeline, gazetteer, "The University of Algiers 1 and the University of Yaoundé I signed an agreement.")
    texts = [text for text, *_ in found]
    assert "University of Algiers 1" in texts and "University of Yaoundé I" in texts, found
    found = _find(pipeline, gazetteer, "University of Zorland 9 2,085,000")
    assert "University of Zorland 9" not in [text for text, *_ in found], found


@pytest.mark.slow
def test_mentions_head_first_names_keep_the_person_they_are_named_after(model_nlp, builtin_gazetteer):
    """A Romance head noun opens the name and what follows belongs to it, a person's name included:
    "Universidade Eduardo Mondlane", "Pontificia Universidad Católica del Ecuador" (in English word
    order, "X University Darkhan Bilyalov", the person after the head noun is another mention)."""
    doc = model_nlp("The Pontificia Universidad Católica del Ecuador joined the network. The Universidade Eduardo "
                    "Mondlane hosted the event.")
    texts = [f.text for f in MentionFinder(model_nlp, builtin_gazetteer).find(doc)]
    assert "Pontificia Universidad Católica del Ecuador" in texts and "Universidade Eduardo Mondlane" in texts, texts


def test_mentions_state_department_named_for_portfolios(pipeline, gazetteer):
    """"Department of Higher Education, Research, Science and Technology (DHERST)" is a government
    department (portfolios only, three of them or an acronym after it); a university's "Department of
    Physics" stays a unit."""
    found = _find(pipeline, gazetteer, "The Department of Higher Education, Research, Science and Technology (DHERST) "
                  "awarded the scholarships. The Department of Physics hosted it.")
    texts = [text for text, *_ in found]
    assert "Department of Higher Education, Research, Science and Technology" in texts, found
    assert ("Department of Physics", "pattern") not in [(text, source) for text, _, _, source in found], found


@pytest.mark.slow
def test_mentions_university_in_its_city_before_its_acronym_is_one_name(model_nlp, gazetteer):
    """"Comenius University in Bratislava (UNIBA)": the city belongs to the name when the acronym
    follows it; "Comenius University in Bratislava hosted" keeps the city out."""
    texts = [t for t, *_ in _find(model_nlp, gazetteer, "Comenius University in Bratislava (UNIBA) hosted the meeting.")]
    assert "Comenius University in Bratislava" in texts
    texts = [t for t, *_ in _find(model_nlp, gazetteer, "Comenius University in Bratislava hosted the meeting.")]
    assert "Comenius University in Bratislava" not in texts


@pytest.mark.slow
def test_mentions_name_repeated_in_lower_case_is_the_same_organisation(model_nlp, gazetteer):
    """A related-news line writes "the eastfield university of technology" after the text named
    "Eastfield University of Technology": the same organisation (not one capitalised word of it)."""
    found = MentionFinder(model_nlp, gazetteer).find(model_nlp(
        "Eastfield University of Technology hosted the meeting.\nRelated:\n- the eastfield university of technology "
        "opens a new campus"))
    repeat = [f for f in found if f.text == "eastfield university of technology"]
    assert len(repeat) == 1 and repeat[0].label == "University"
    assert repeat[0].refers_to == "Eastfield University of Technology"


@pytest.mark.slow
def test_mentions_office_or_street_is_no_person(model_nlp, gazetteer):
    """A byline office ("Press Center of KSU") or a street of an address ("Munidasa Mawatha") that the
    model tags PERSON is no person; a rector's name still is."""
    found = MentionFinder(model_nlp, gazetteer).find(model_nlp(
        "Rector Elena Petrova opened the week.\nPress Center of KSU\nCumaratunga Munidasa Mawatha, Colombo 03"))
    persons = [f.text for f in found if f.label == "Person"]
    assert "Elena Petrova" in persons
    assert not any("Press" in p or "Mawatha" in p for p in persons), persons


def test_mentions_board_named_after_an_organisation_is_that_organisation():
    """"the IBH Board", "the NWO Executive Board": a governing body named by an organisation's
    acronym is a mention of that organisation (its chair heads it); a board named by no mention of
    the text stays a name of its own."""
    words = ("International Lake Constance University ( IBH ) met The IBH Board chose . The NWO Executive Board "
             "met . The Kandor Board met").split()
    chosen = [Found(0, 4, "Alliance", None, "pattern", "International Lake Constance University"),
              Found(5, 6, "Alliance", None, "acronym", "IBH", "International Lake Constance University"),
              Found(9, 11, "Organization", None, "pattern", "IBH Board"),
              Found(14, 17, "Organization", None, "pattern", "NWO Executive Board"),
              Found(20, 22, "Organization", None, "pattern", "Kandor Board")]
    found = _bodies_of_named(chosen, words)
    assert (found[2].start, found[2].end, found[2].text, found[2].label, found[2].refers_to) == \
        (9, 10, "IBH", "Alliance", "International Lake Constance University")
    assert found[3:] == chosen[3:]


def test_mentions_board_of_an_organisation_is_that_organisation():
    """"the Board of Directors of AdeKUS", "University of X Board of Trustees": a board named with
    the organisation the text names is a mention of that organisation, on the organisation's words."""
    words = ("Anton de Kom University ( AdeKUS ) met . The Board of Directors of AdeKUS met . "
             "Anton de Kom University Board of Trustees met").split()
    chosen = [Found(0, 4, "University", None, "pattern", "Anton de Kom University"),
              Found(5, 6, "University", None, "acronym", "AdeKUS", "Anton de Kom University"),
              Found(10, 15, "Organization", None, "pattern", "Board of Directors of AdeKUS"),
              Found(17, 24, "University", None, "pattern", "Anton de Kom University Board of Trustees")]
    found = _bodies_of_named(chosen, words)
    assert (found[2].start, found[2].end, found[2].text, found[2].refers_to) == (14, 15, "AdeKUS", "Anton de Kom University")
    assert (found[3].start, found[3].end, found[3].text) == (17, 21, "Anton de Kom University")
