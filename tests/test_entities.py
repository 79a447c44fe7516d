"""One identity per organisation across articles; duplicates, merges and splits (kg entities)."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.pipeline import ingest
from kg.store import open_kb

pytestmark = pytest.mark.slow

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


def test_entities_five_surface_forms_in_four_articles_are_one_node(tmp_path):
    kb = tmp_path / "kb"
    ingest(_write(tmp_path / "first", ["a1-krtu-joins.txt"]), kb)  # defines the acronym
    ingest(_write(tmp_path / "later", ["a2-krtu-agreement.txt", "a3-krtu-lab.txt", "a4-kstu.txt"]), kb)
    # forms: "Kama River Technical University", "KRTU" (defined, then bare in another article),
    # "the Kama-River Technical University", "Kama River Technological University"
    assert _iris_named(kb, "Kama River") | _iris_named(kb, "Kama-River") == {
        "https://w3id.org/unikg/resource/org/kama-river-technical-university"}
    with open_kb(kb, create=False) as store:
        partners = {row["o"].value for row in store.query(
            "SELECT ?o WHERE { <https://w3id.org/unikg/resource/org/kama-river-technical-university> unikg:partnerOf ?o }")}
    assert "https://w3id.org/unikg/resource/org/tsinghua-university" in partners  # "KRTU signed ... with Tsinghua"


def test_entities_similar_names_stay_two_nodes(tmp_path):
    kb = tmp_path / "kb"
    ingest(_write(tmp_path / "docs", ["a4-kstu.txt"]), kb)
    technical = _iris_named(kb, "State Technical University")
    assert len(technical) == 2  # Kama State Technical University and Volga State Technical University


def test_entities_acronym_defined_earlier_in_the_same_run_resolves(tmp_path):
    kb = tmp_path / "kb"
    ingest(_write(tmp_path / "docs", ["a1-krtu-joins.txt", "a2-krtu-agreement.txt"]), kb)  # sorted: a1 first
    assert _iris_named(kb, "KRTU") == set()  # never an entity of its own
    assert "https://w3id.org/unikg/resource/org/kama-river-technical-university" in _labels(kb)


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


def test_entities_merge_unknown_name_is_an_error(tmp_path):
    kb = tmp_path / "kb"
    ingest(_write(tmp_path / "docs", ["a4-kstu.txt"]), kb)
    result = CliRunner().invoke(cli, ["entities", "merge", "Nowhere University", "Kama State Technical University",
                                      "--kb", str(kb)])
    assert result.exit_code == 1
    assert "Error: no entity in the KB is named 'Nowhere University'" in result.output


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
