"""One identity per organisation across articles; duplicates, merges and splits (kg entities);
looking up the names researchers type (library query parameters, merge/split, the Python API).

The ingest tests need the pretrained model (slow); the lookup tests use a KB written by hand."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.pipeline import ingest
from kg.store import open_kb

# Four articles of our own; "Kama River Technical University" is in no gazetteer.
ARTICLES = {
    "a1-krtu-joins.txt": "Kama River Technical University joins the Worldwide Universities Network\n\n"
                         "Kama River Technical University (KRTU) became a member of the Worldwide Universities "
                         "Network in 2022, the network said on Monday.\n",
    "a2-krtu-agreement.txt": "KRTU signs an agreement with Tsinghua University\n\n"
                             "KRTU signed a cooperation agreement with Tsinghua University on student exchange.\n",
    "a3-krtu-lab.txt": "New laboratory at the Kama-River Technical University\n\n"
                       "The Kama-River Technical University opened a laboratory for river engineering. "
                       "Kama River Technological University has trained engineers since 1958.\n",
    "a4-kstu.txt": "Kama State Technical University signs an agreement with Tomsk Polytechnic University\n\n"
                   "Kama State Technical University signed an agreement with Tomsk Polytechnic University. "
                   "Volga State Technical University joined the agreement later.\n",
}


def _write(folder: Path, names) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / name
        path.write_text(ARTICLES[name], encoding="utf-8")
        paths.append(path)
    return paths


def _labels(kb_dir: Path) -> dict[str, set[str]]:
    with open_kb(kb_dir, create=False) as kb:
        rows = kb.query("""SELECT DISTINCT ?e ?label WHERE { GRAPH ?g { ?article unikg:mentions ?e }
                           ?e rdfs:label ?label }""")
        found: dict[str, set[str]] = {}
        for row in rows:
            found.setdefault(row["e"].value, set()).add(row["label"].value)
    return found


def _iris_named(kb_dir: Path, word: str) -> set[str]:
    return {iri for iri, labels in _labels(kb_dir).items() if any(word in label for label in labels)}


@pytest.mark.slow
def test_entities_five_surface_forms_in_four_articles_are_one_node(tmp_path):
    kb = tmp_path / "kb"
    ingest(_write(tmp_path / "first", ["a1-krtu-joins.txt"]), kb)  # defines the acronym
    ingest(_write(tmp_path / "later", ["a2-krtu-agreement.txt", "a3-krtu-lab.txt", "a4-kstu.txt"]), kb, learned=True)
    # forms: "Kama River Technical University", "KRTU" (defined, then bare in another article),
    # "the Kama-River Technical University", "Kama River Technological University"
    assert _iris_named(kb, "Kama River") | _iris_named(kb, "Kama-River") == {
        "https://w3id.org/unikg/resource/org/kama-river-technical-university"}
    with open_kb(kb, create=False) as store:
        partners = {row["o"].value for row in store.query(
            "SELECT ?o WHERE { <https://w3id.org/unikg/resource/org/kama-river-technical-university> unikg:partnerOf ?o }")}
    assert "https://w3id.org/unikg/resource/org/tsinghua-university" in partners  # "KRTU signed ... with Tsinghua"


@pytest.mark.slow
def test_entities_similar_names_stay_two_nodes(tmp_path):
    kb = tmp_path / "kb"
    ingest(_write(tmp_path / "docs", ["a4-kstu.txt"]), kb)
    technical = _iris_named(kb, "State Technical University")
    assert len(technical) == 2  # Kama State Technical University and Volga State Technical University


@pytest.mark.slow
def test_entities_acronym_defined_earlier_in_the_same_run_resolves(tmp_path):
    kb = tmp_path / "kb"
    ingest(_write(tmp_path / "docs", ["a1-krtu-joins.txt", "a2-krtu-agreement.txt"]), kb)  # sorted: a1 first
    assert _iris_named(kb, "KRTU") == set()  # never an entity of its own
    assert "https://w3id.org/unikg/resource/org/kama-river-technical-university" in _labels(kb)


@pytest.mark.slow
def test_entities_duplicates_listed_then_merge_and_split_are_respected(tmp_path):
    kb = tmp_path / "kb"
    first = tmp_path / "docs" / "volga.txt"
    first.parent.mkdir()
    first.write_text("Volga State Technical University signs an agreement with Tomsk Polytechnic University\n\n"
                     "Volga State Technical University signed an agreement with Tomsk Polytechnic University. "
                     "Volga State Technological University will host the first joint seminar.\n", encoding="utf-8")
    ingest([first], kb)
    runner = CliRunner()
    listed = runner.invoke(cli, ["entities", "--duplicates", "--kb", str(kb)])
    assert listed.exit_code == 0
    assert "Volga State Technical University" in listed.output and "Volga State Technological University" in listed.output
    merged = runner.invoke(cli, ["entities", "merge", "Volga State Technical University",
                                 "Volga State Technological University", "--kb", str(kb)])
    assert merged.exit_code == 0, merged.output
    assert len(_iris_named(kb, "Volga")) == 1
    assert "Volga State" not in runner.invoke(cli, ["entities", "--duplicates", "--kb", str(kb)]).output
    # a later article naming the merged entity links to the kept one
    later = tmp_path / "later" / "volga-campus.txt"
    later.parent.mkdir()
    later.write_text("Volga State Technological University opens a campus\n\nVolga State Technological University "
                     "opened a new campus in Samara.\n", encoding="utf-8")
    ingest([later], kb)
    assert _iris_named(kb, "Volga") == {"https://w3id.org/unikg/resource/org/volga-state-technical-university"}
    # after a split, that name gets its own entity again in later ingests
    split = runner.invoke(cli, ["entities", "split", "Volga State Technical University",
                                "Volga State Technological University", "--kb", str(kb)])
    assert split.exit_code == 0, split.output
    again = tmp_path / "again" / "volga-lab.txt"
    again.parent.mkdir()
    again.write_text("Volga State Technological University opens a laboratory\n\nVolga State Technological "
                     "University opened a laboratory for shipbuilding.\n", encoding="utf-8")
    ingest([again], kb)
    assert "https://w3id.org/unikg/resource/org/volga-state-technological-university" in _iris_named(kb, "Volga")


@pytest.mark.slow
def test_entities_merge_unknown_name_is_an_error(tmp_path):
    kb = tmp_path / "kb"
    ingest(_write(tmp_path / "docs", ["a4-kstu.txt"]), kb)
    result = CliRunner().invoke(cli, ["entities", "merge", "Nowhere University", "Kama State Technical University",
                                      "--kb", str(kb)])
    assert result.exit_code == 1
    assert "Error: KEEP: no entity in the KB is named 'Nowhere University'" in result.output


@pytest.mark.slow
def test_entities_bad_import_leaves_the_gazetteer_untouched(tmp_path):
    kb = tmp_path / "kb"
    good = tmp_path / "good.csv"
    good.write_text("name,type,country\nKama River Technical University,University,RU\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["gazetteer", "import", str(good), "--kb", str(kb)]).exit_code == 0
    stored = (kb / "gazetteer" / "good.jsonl").read_bytes()
    truncated = tmp_path / "good.json"  # same import name, broken content
    truncated.write_text('[{"name": "X University", "domains": [], "alpha_two_code": "RU"', encoding="utf-8")
    result = runner.invoke(cli, ["gazetteer", "import", str(truncated), "--format", "hipo", "--kb", str(kb)])
    assert result.exit_code == 1 and "Error:" in result.output
    assert (kb / "gazetteer" / "good.jsonl").read_bytes() == stored


@pytest.mark.slow
def test_entities_remove_article_drops_its_facts_and_its_own_entities(tmp_path):
    kb = tmp_path / "kb"
    paths = _write(tmp_path / "docs", ["a1-krtu-joins.txt", "a4-kstu.txt"])
    ingest(paths, kb)
    assert _iris_named(kb, "Kama River")
    result = CliRunner().invoke(cli, ["remove", str(paths[0]), "--kb", str(kb)])
    assert result.exit_code == 0, result.output
    assert not _iris_named(kb, "Kama River")  # mentioned by the removed article only
    assert _iris_named(kb, "Kama State")  # the other article and its entities stay
    with open_kb(kb, create=False) as store:
        assert store.article_count() == 1
        described = {r["e"].value for r in store.query(
            "SELECT ?e WHERE { GRAPH <https://w3id.org/unikg/resource/graph/entities> { ?e rdfs:label ?l } }")}
    assert "https://w3id.org/unikg/resource/org/kama-river-technical-university" not in described


@pytest.mark.slow
def test_entities_ambiguous_acronym_goes_to_the_entity_the_context_supports(tmp_path):
    """CESAER is the engineering-schools association and also a French research unit in ROR."""
    from kg.gazetteer import build_gazetteer, gazetteer_records
    from kg.pipeline import extract_text

    french_lab = {"name": "Centre d'Economie et Sociologie appliquées à l'Agriculture et aux Espaces Ruraux",
                  "type": "ResearchInstitute", "acronyms": ["CESAER"], "country": "FR", "ror": ["0334tmt82"],
                  "status": "active"}
    gazetteer = build_gazetteer([*gazetteer_records(), (french_lab, "ror:test.json")])
    extraction = extract_text("CESAER welcomes two new members\n\nCESAER, the association of European universities "
                              "of science and technology, welcomed Aalto University as a member in 2023.",
                              gazetteer=gazetteer)
    kinds = {e.label: e.kind for e in extraction.entities}
    assert kinds.get("CESAER") == "Alliance"
    assert not any("Sociologie" in label for label in kinds)


# --- looking up names typed by researchers (fast: a KB written by hand) ------------------------

LOOKUP_KB = """
@prefix org: <https://w3id.org/unikg/resource/org/> .
@prefix ranking: <https://w3id.org/unikg/resource/ranking/> .
@prefix article: <https://w3id.org/unikg/resource/article/> .
@prefix fact: <https://w3id.org/unikg/resource/fact/> .
@prefix unikg: <https://w3id.org/unikg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
org:quacquarelli-symonds a unikg:Organization ; rdfs:label "Quacquarelli Symonds" ;
    skos:altLabel "QS" ; unikg:acronym "QS" .
ranking:qs-world-university-rankings a unikg:Ranking ; rdfs:label "QS World University Rankings" ;
    skos:altLabel "QS rankings" .
ranking:qs-asia-university-rankings a unikg:Ranking ; rdfs:label "QS Asia University Rankings" .
org:university-of-south-africa a unikg:University ; rdfs:label "University of South Africa" ; unikg:acronym "UNISA" .
org:university-of-south-australia a unikg:University ; rdfs:label "University of South Australia" ;
    unikg:acronym "UniSA" .
org:harbin-engineering-university a unikg:University ; rdfs:label "Harbin Engineering University" .
org:hellenic-east-university a unikg:University ; rdfs:label "Hellenic East University" .
org:university-of-queensland a unikg:University ; rdfs:label "The University of Queensland" ; unikg:acronym "UQ" .
"""
ARTICLE = """
@prefix org: <https://w3id.org/unikg/resource/org/> .
@prefix ranking: <https://w3id.org/unikg/resource/ranking/> .
@prefix article: <https://w3id.org/unikg/resource/article/> .
@prefix fact: <https://w3id.org/unikg/resource/fact/> .
@prefix unikg: <https://w3id.org/unikg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
article:{id} a unikg:Article ; unikg:title "{title}" ; unikg:source "{id}.txt" ;
    unikg:mentions org:{university}, ranking:qs-world-university-rankings .
fact:{id} a unikg:RankingPlacement ; unikg:university org:{university} ;
    unikg:ranking ranking:qs-world-university-rankings ; unikg:rank {rank} ;
    unikg:evidence "{title}." ; prov:wasDerivedFrom article:{id} .
"""
QS_WUR = "https://w3id.org/unikg/resource/ranking/qs-world-university-rankings"
HEU = "https://w3id.org/unikg/resource/org/harbin-engineering-university"


@pytest.fixture(scope="module")
def lookup_kb(tmp_path_factory) -> Path:
    """Two articles (HEU and UQ placed in the QS World University Rankings) and look-alike names:
    the company QS, two QS rankings, UNISA/UniSA, two universities with the initials HEU."""
    from rdflib import Graph

    from kg.namespaces import ENTITIES_GRAPH, article_graph

    path = tmp_path_factory.mktemp("lookup") / "kb"
    with open_kb(path) as kb:
        kb.upsert_entities(Graph(identifier=ENTITIES_GRAPH).parse(data=LOOKUP_KB, format="turtle"))
        for doc_id, title, university, rank in (
                ("heu-qs", "HEU rises to 500th in the QS World University Rankings", "harbin-engineering-university", 500),
                ("uq-qs", "UQ climbs to 43rd in the QS World University Rankings", "university-of-queensland", 43)):
            text = ARTICLE.format(id=doc_id, title=title, university=university, rank=rank)
            kb.replace_graph(Graph(identifier=article_graph(doc_id)).parse(data=text, format="turtle"))
    return path


def _query(kb: Path, *args: str):
    return CliRunner().invoke(cli, ["query", *args, "--kb", str(kb), "--format", "csv", "--timeout", "0"])


def test_entities_lookup_takes_only_the_type_the_parameter_expects(lookup_kb):
    result = _query(lookup_kb, "ranking-results", "--param", "ranking=QS")
    assert result.exit_code == 1  # before: the company Quacquarelli Symonds, and 0 rows
    assert result.stderr.startswith("Error: --param ranking: 'QS' fits 2 entities (Ranking); "
                                    "choose one with --pick N or give its IRI:\n"
                                    f"  1. QS World University Rankings (Ranking) <{QS_WUR}>, in 2 articles\n"
                                    "  2. QS Asia University Rankings (Ranking) <")
    assert "Quacquarelli" not in result.stderr
    picked = _query(lookup_kb, "ranking-results", "--param", "ranking=QS", "--pick", "1")
    assert picked.exit_code == 0, picked.output
    assert [line.split(",")[2] for line in picked.stdout.splitlines()[1:]] == [
        "The University of Queensland", "Harbin Engineering University"]  # by rank: 43, 500
    assert picked.stderr == (f"--param ranking=QS: QS World University Rankings (Ranking) <{QS_WUR}>, in 2 articles, "
                             "words of the name\n")


def test_entities_lookup_lists_every_entity_an_ambiguous_name_fits(lookup_kb):
    result = _query(lookup_kb, "placements", "--param", "university=UniSA")
    assert result.exit_code == 1  # before: the University of South Africa, without a word
    assert result.stderr == (
        "Error: --param university: 'UniSA' fits 2 entities (University or ResearchInstitute); "
        "choose one with --pick N or give its IRI:\n"
        "  1. University of South Australia (University) "
        "<https://w3id.org/unikg/resource/org/university-of-south-australia>, in no article\n"
        "  2. University of South Africa (University) "
        "<https://w3id.org/unikg/resource/org/university-of-south-africa>, in no article\n")  # same case first


@pytest.mark.parametrize("pick, chosen", [("2", "south-australia"), ("university=1", "south-africa")])  # by label
def test_entities_lookup_pick_chooses_a_candidate(lookup_kb, pick, chosen):
    result = _query(lookup_kb, "alliances-of", "--param", "university=unisa", "--pick", pick)
    assert result.exit_code == 0, result.output
    assert f"<https://w3id.org/unikg/resource/org/university-of-{chosen}>" in result.stderr


def test_entities_lookup_pick_out_of_range(lookup_kb):
    result = _query(lookup_kb, "alliances-of", "--param", "university=unisa", "--pick", "3")
    assert result.exit_code == 1
    assert result.stderr == "Error: --param university: 'unisa' has 2 candidates; --pick takes 1 to 2\n"


def test_entities_lookup_knows_acronyms_the_articles_use(lookup_kb):
    result = _query(lookup_kb, "placements", "--param", "university=HEU")
    assert result.exit_code == 0, result.output  # before: no entity in the KB is named 'HEU'
    assert result.stdout.splitlines()[1].startswith(f"{QS_WUR},QS World University Rankings,500,500,")
    assert result.stderr == (f"--param university=HEU: Harbin Engineering University (University) <{HEU}>, "
                             "in 1 article, acronym in articles\n")  # not Hellenic East University: no article


def test_entities_lookup_names_the_entity_of_another_type(lookup_kb):
    result = _query(lookup_kb, "placements", "--param", "university=QS")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: --param university: no University or ResearchInstitute in the KB is named 'QS'; it names "
        "Quacquarelli Symonds (Organization) <https://w3id.org/unikg/resource/org/quacquarelli-symonds>, in no "
        "article. Give an IRI to use another entity anyway\n")


def test_entities_lookup_for_merge_and_split_lists_candidates(lookup_kb):
    for args in (["merge", "UniSA", "Hellenic East University"], ["split", "UniSA", "Uni SA"]):
        result = CliRunner().invoke(cli, ["entities", *args, "--kb", str(lookup_kb)])
        assert result.exit_code == 1  # before: merged into / split from the University of South Africa
        assert "'UniSA' fits 2 entities (entity); give the IRI of one:\n  1. University of South Australia" in result.stderr
    assert not (lookup_kb / "decisions.json").exists()


def test_entities_lookup_merge_looks_up_other_among_keeps_type(lookup_kb):
    result = CliRunner().invoke(cli, ["entities", "merge", QS_WUR, "QS", "--kb", str(lookup_kb)])
    assert result.exit_code == 1  # "QS" among rankings: two candidates, never the company
    assert result.stderr.startswith("Error: OTHER: 'QS' fits 2 entities (Ranking); give the IRI of one:\n")


def test_entities_lookup_in_the_python_api(lookup_kb):
    import kg

    with open_kb(lookup_kb, create=False, read_only=True) as kb:
        with pytest.raises(kg.AmbiguousNameError) as error:
            kg.query_df(kb, "placements", university="UniSA")
        assert [c.label for c in error.value.candidates] == ["University of South Australia", "University of South Africa"]
        assert "'UniSA' fits 2 entities (University or ResearchInstitute); pass the IRI of one:\n" in str(error.value)
        assert kg.query_df(kb, "placements", university="HEU")["rank"].tolist() == [500]
        assert [c.iri for c in kg.find_entities(kb, "qs", ("Ranking",))][0] == QS_WUR
        assert [c.how for c in kg.find_entities(kb, "QS")] == ["name"]  # any type: the company's name


@pytest.mark.slow
def test_entities_article_graphs_do_not_depend_on_earlier_runs(tmp_path):
    """The same articles in one run, or in two runs in the other order, give isomorphic article
    graphs: nothing learned from one article changes another's unless --learned asks for it."""
    from rdflib import Dataset
    from rdflib.compare import isomorphic

    from kg.export import export

    paths = _write(tmp_path / "docs", sorted(ARTICLES))
    ingest(paths, tmp_path / "one")
    later = [p for p in paths if p.name.startswith("a2")]  # uses the acronym a1 defines
    ingest([p for p in paths if p not in later], tmp_path / "two")
    ingest(later, tmp_path / "two")

    def article_graphs(kb_dir):
        with open_kb(kb_dir, create=False) as kb:
            export(kb, "trig", tmp_path / f"{kb_dir.name}.trig")
        dataset = Dataset().parse(tmp_path / f"{kb_dir.name}.trig", format="trig")
        return {str(g.identifier): g for g in dataset.graphs() if "/article/" in str(g.identifier)}

    one, two = article_graphs(tmp_path / "one"), article_graphs(tmp_path / "two")
    assert one.keys() == two.keys() and len(one) == len(ARTICLES)
    assert all(isomorphic(one[name], two[name]) for name in one)
