"""The SPARQL query library (``ontologies/queries/*.rq``) against a KB built from a tiny corpus.

One KB is built per module from three short articles written below (so expected values
can be read off the texts); every library query gets at least one test asserting a
concrete result, and ``test_queries_every_library_query_is_tested`` fails when a new
``.rq`` file is added without one. Error handling and the CLI output formats are tested
at the end.

The built-in gazetteer is loaded too: where a result mixes article facts with gazetteer
background facts, the assertions are about the article facts (selected by source) or
are consistency checks between two queries, never a count of gazetteer rows.
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import queries
from kg.cli import cli
from kg.errors import QueryError
from kg.pipeline import ingest
from kg.store import open_kb

pytestmark = pytest.mark.slow

RES = "https://w3id.org/unikg/resource/"
GAZETTEER = RES + "dataset/gazetteer"

ARTICLES = {
    "asrtu-admits-yanshan.txt": """\
        ASRTU admits Yanshan University as an observer

        4 September 2020

        Yanshan University joined the Association of Sino-Russian Technical Universities (ASRTU) as an observer in 2020.

        The Association of Sino-Russian Technical Universities was founded in 2011 by Harbin Institute of Technology and Bauman Moscow State Technical University. The association now counts 80 universities, of which 64 are full members and 16 are observers.

        Mikhail Gordin, Rector of Bauman Moscow State Technical University, welcomed the new observer. Yanshan University also signed a cooperation agreement with Moscow Aviation Institute.

        Harbin Institute of Technology is a member of the C9 League and took part in Project 985. In the 2024 QS World University Rankings, Harbin Institute of Technology placed 256th.
        """,
    "idea-league-changes.md": """\
        # IDEA League welcomes Chalmers as Imperial leaves

        12 May 2012

        Chalmers University of Technology joined the IDEA League in 2006. Imperial College London left the IDEA League in 2012.

        The IDEA League was founded in 1999 by Imperial College London, Delft University of Technology, ETH Zurich and RWTH Aachen University.

        In the Times Higher Education World University Rankings 2012, ETH Zurich was ranked 12th, while Chalmers University of Technology was placed in the 201-225 band.
        """,
    "russell-group-durham.txt": """\
        Durham University joins the Russell Group

        1 August 2012

        Durham University and the University of Exeter joined the Russell Group in 2012.

        Dr Wendy Piatt, Director General of the Russell Group, said the group now has 24 members.

        Durham University is also a member of the N8 Research Partnership.
        """,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(kb_dir, ingest report, {file name: article IRI}) of the corpus above, built once."""
    root = tmp_path_factory.mktemp("query-corpus")
    corpus = root / "articles"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(textwrap.dedent(text), encoding="utf-8")
    kb_dir = root / "kb"
    report = ingest([corpus], kb_dir, model=None)
    assert report.ok and report.ingested == len(ARTICLES), report.failed
    with open_kb(kb_dir, create=False) as kb:
        table = queries.run(kb, "SELECT ?a ?s WHERE { GRAPH ?a { ?a a unikg:Article ; unikg:source ?s } }")
    iris = {s.rsplit("/", 1)[-1]: a for a, s in table.rows}
    assert set(iris) == set(ARTICLES)
    return kb_dir, report, iris


@pytest.fixture
def kb(built):
    """The KB, opened per test (the store is locked while open, and the CLI tests open it themselves)."""
    with open_kb(built[0], create=False) as store:
        yield store


@pytest.fixture(scope="module")
def article(built):
    """Article IRI by file stem: article["asrtu-admits-yanshan"]."""
    return {name.rsplit(".", 1)[0]: iri for name, iri in built[2].items()}


def run(kb, name: str, **params: str) -> list[dict]:
    """Run a library query; rows as dicts."""
    table = queries.run(kb, name, params)
    return [dict(zip(table.columns, row)) for row in table.rows]


def only(rows: list[dict], **match) -> list[dict]:
    return [r for r in rows if all(r.get(k) == v for k, v in match.items())]


# --- one test (at least) per library query ---------------------------------------------


def test_queries_members_of_lists_observer_with_date_and_source(kb, article):
    rows = run(kb, "members-of", alliance="ASRTU")
    # asrtu-admits-yanshan: "Yanshan University joined ... ASRTU as an observer in 2020."
    yanshan = only(rows, memberLabel="Yanshan University", source=article["asrtu-admits-yanshan"])
    assert len(yanshan) == 1
    assert yanshan[0]["role"] == "observer"  # the skos:prefLabel of unikg:ObserverRole
    assert yanshan[0]["startDate"] == "2020"
    assert yanshan[0]["endDate"] is None
    assert "Yanshan University" in yanshan[0]["evidence"] and "observer" in yanshan[0]["evidence"]
    assert yanshan[0]["sourceTitle"] == "ASRTU admits Yanshan University as an observer"
    # asrtu-admits-yanshan: "founded in 2011 by Harbin Institute of Technology and Bauman ..." -> 2 founding members
    founders = only(rows, role="founding member", source=article["asrtu-admits-yanshan"])
    assert {r["memberLabel"] for r in founders} == {"Harbin Institute of Technology",
                                                   "Bauman Moscow State Technical University"}
    assert {r["startDate"] for r in founders} == {"2011"}
    # gazetteer rows carry the gazetteer as source, never an article
    assert all(r["source"] in (GAZETTEER, *article.values()) for r in rows)


def test_queries_roles_are_the_words_of_the_networkx_graph(kb):
    from kg.export import to_networkx

    rows = run(kb, "members-of", alliance="ASRTU")
    graph = to_networkx(kb, full=True)
    alliance = queries.resolve_entity(kb, "ASRTU").value
    edges = {(u, role) for u, _, role in graph.in_edges(alliance, data="role") if role}
    assert {(r["member"], r["role"]) for r in rows} == edges  # one vocabulary: the roles' skos:prefLabel


def test_queries_members_of_lists_former_member_with_end_date(kb, article):
    rows = run(kb, "members-of", alliance="IDEA League")
    # idea-league-changes: "Imperial College London left the IDEA League in 2012."
    imperial = only(rows, memberLabel="Imperial College London", source=article["idea-league-changes"])
    assert [(r["role"], r["endDate"]) for r in imperial] == [("former member", "2012")]


def test_queries_alliances_of_gives_role_since_and_source(kb, article):
    rows = run(kb, "alliances-of", university="Yanshan University")
    from_article = only(rows, source=article["asrtu-admits-yanshan"])
    # asrtu-admits-yanshan: one membership sentence about Yanshan
    assert len(from_article) == 1
    row = from_article[0]
    assert row["allianceLabel"] == "Association of Sino-Russian Technical Universities"
    assert (row["role"], row["since"], row["until"]) == ("observer", "2020", None)
    # the acronym resolves to the same entity as the label
    assert run(kb, "alliances-of", university="YSU") == rows


def test_queries_common_members_finds_member_of_both_alliances(kb, article):
    rows = run(kb, "common-members", alliance1="ASRTU", alliance2="C9 League")
    hit = only(rows, memberLabel="Harbin Institute of Technology")
    assert len(hit) == 1
    # asrtu-admits-yanshan: HIT co-founded ASRTU and "is a member of the C9 League"
    assert "founding member" in hit[0]["roles1"]
    assert "full member" in hit[0]["roles2"]
    assert article["asrtu-admits-yanshan"] in hit[0]["sources1"].split()
    assert article["asrtu-admits-yanshan"] in hit[0]["sources2"].split()
    # Yanshan is in ASRTU only
    assert not only(rows, memberLabel="Yanshan University")
    # symmetric in its parameters
    swapped = run(kb, "common-members", alliance1="C9 League", alliance2="ASRTU")
    assert {r["member"] for r in swapped} == {r["member"] for r in rows}


def test_queries_common_members_excludes_former_members(kb):
    # idea-league-changes: Imperial left the IDEA League (no memberOf triple any more)
    rows = run(kb, "common-members", alliance1="IDEA League", alliance2="Russell Group")
    assert not only(rows, memberLabel="Imperial College London")


def test_queries_membership_timeline_orders_joins_and_leaves(kb, article):
    rows = run(kb, "membership-timeline", alliance="IDEA League")
    # idea-league-changes: 4 founding members in 1999 (one of them Imperial, now former),
    # Chalmers joined in 2006, Imperial left in 2012 -> 5 joins + 1 leave
    assert len(rows) == 6
    assert all(r["source"] == article["idea-league-changes"] for r in rows)
    events = [(r["date"], r["event"], r["memberLabel"]) for r in rows]
    assert events[-2:] == [("2006", "joined", "Chalmers University of Technology"),
                           ("2012", "left", "Imperial College London")]
    assert [d for d, _, _ in events] == sorted(d for d, _, _ in events)
    assert {m for d, e, m in events if d == "1999"} == {
        "Delft University of Technology", "ETH Zurich", "RWTH Aachen University", "Imperial College London"}
    assert {r["dateKind"] for r in rows} == {"stated"}


def test_queries_membership_timeline_ignores_gazetteer(kb, article):
    rows = run(kb, "membership-timeline", alliance="Russell Group")
    # russell-group-durham: "Durham University and the University of Exeter joined the Russell Group in 2012."
    for name in ("Durham University", "University of Exeter"):
        assert [(r["date"], r["event"]) for r in only(rows, memberLabel=name)] == [("2012", "joined")]
    assert {r["source"] for r in rows} == {article["russell-group-durham"]}


def test_queries_placements_gives_rank_edition_and_source(kb, article):
    rows = run(kb, "placements", university="HIT")
    # asrtu-admits-yanshan: "In the 2024 QS World University Rankings, Harbin Institute of Technology placed 256th."
    assert len(rows) == 1
    row = rows[0]
    assert (row["rankingLabel"], row["rank"], row["position"], row["edition"]) == (
        "QS World University Rankings", 256, "256", "2024")
    assert row["rankBand"] is None
    assert row["source"] == article["asrtu-admits-yanshan"]


def test_queries_placements_gives_band(kb):
    rows = run(kb, "placements", university="Chalmers University of Technology")
    # idea-league-changes: "Chalmers ... was placed in the 201-225 band" of THE 2012
    assert [(r["rankBand"], r["rank"], r["position"], r["edition"]) for r in rows] == [
        ("201-225", None, "201-225", "2012")]


def test_queries_ranking_results_lists_universities_of_a_ranking(kb):
    rows = run(kb, "ranking-results", ranking="Times Higher Education World University Rankings")
    # idea-league-changes: ETH Zurich 12th and Chalmers 201-225, both in the 2012 edition; exact ranks first
    assert [(r["universityLabel"], r["position"], r["edition"]) for r in rows] == [
        ("ETH Zurich", "12", "2012"), ("Chalmers University of Technology", "201-225", "2012")]


def test_queries_program_participants_in_alliance(kb, article):
    rows = run(kb, "program-participants-in-alliance", program="Project 985", alliance="C9 League")
    hit = only(rows, universityLabel="Harbin Institute of Technology")
    # asrtu-admits-yanshan: HIT "is a member of the C9 League and took part in Project 985"
    assert len(hit) == 1
    assert article["asrtu-admits-yanshan"] in hit[0]["programSources"].split()
    assert article["asrtu-admits-yanshan"] in hit[0]["membershipSources"].split()
    # Yanshan takes part in neither
    assert not only(rows, universityLabel="Yanshan University")


def test_queries_program_participants_gives_evidence(kb, article):
    rows = run(kb, "program-participants", program="Project 985")
    hit = only(rows, universityLabel="Harbin Institute of Technology", source=article["asrtu-admits-yanshan"])
    assert len(hit) == 1
    assert "took part in Project 985" in hit[0]["evidence"]


def test_queries_member_count_check_compares_stated_and_found(kb, article):
    rows = run(kb, "member-count-check")
    asrtu = {r["role"]: r for r in only(rows, allianceLabel="Association of Sino-Russian Technical Universities")}
    # asrtu-admits-yanshan: "counts 80 universities, of which 64 are full members and 16 are observers"
    assert {role: r["stated"] for role, r in asrtu.items()} == {"all": 80, "full member": 64, "observer": 16}
    assert {r["source"] for r in asrtu.values()} == {article["asrtu-admits-yanshan"]}
    # russell-group-durham: "the group now has 24 members"
    assert [r["stated"] for r in only(rows, allianceLabel="Russell Group")] == [24]
    for r in rows:
        assert r["missing"] == r["stated"] - r["found"]
    # found = distinct current members: the same number members-of gives (former members excluded)
    members = run(kb, "members-of", alliance="ASRTU")
    current = {m["member"] for m in members if m["role"] != "former member"}
    observers = {m["member"] for m in members if m["role"] == "observer"}
    assert asrtu["all"]["found"] == len(current)
    assert asrtu["observer"]["found"] == len(observers)
    assert "Yanshan University" in {m["memberLabel"] for m in members if m["member"] in observers}


def test_queries_partners_of_matches_both_directions(kb, article):
    # asrtu-admits-yanshan: "Yanshan University also signed a cooperation agreement with Moscow Aviation Institute."
    # (stored in one direction only; the query must find it from either side)
    forward = run(kb, "partners-of", organization="Yanshan University")
    backward = run(kb, "partners-of", organization="Moscow Aviation Institute")
    assert [(r["partnerLabel"], r["source"]) for r in forward] == [
        ("Moscow Aviation Institute", article["asrtu-admits-yanshan"])]
    assert [(r["partnerLabel"], r["source"]) for r in backward] == [
        ("Yanshan University", article["asrtu-admits-yanshan"])]
    assert "cooperation agreement" in forward[0]["evidence"]
    assert forward[0]["partnerType"] == "University"


def test_queries_articles_mentioning_gives_title_date_and_fact_count(kb, article):
    rows = run(kb, "articles-mentioning", entity="Yanshan University")
    # only asrtu-admits-yanshan names Yanshan; its facts about it: the membership and the partnership
    assert len(rows) == 1
    row = rows[0]
    assert row["article"] == article["asrtu-admits-yanshan"]
    assert (row["title"], row["published"], row["facts"]) == (
        "ASRTU admits Yanshan University as an observer", "2020-09-04", 2)
    assert row["source"].endswith("asrtu-admits-yanshan.txt")


def test_queries_facts_about_covers_membership_and_assertions(kb, article):
    rows = run(kb, "facts-about", entity="Yanshan University")
    mine = only(rows, source=article["asrtu-admits-yanshan"])
    by_type = {(r["factType"], r["predicate"], r["otherLabel"]): r for r in mine}
    # asrtu-admits-yanshan: observer membership (2020) and the partnership stated from MAI's side
    assert set(by_type) == {("Membership", "memberOf", "Association of Sino-Russian Technical Universities"),
                            ("Assertion", "^partnerOf", "Moscow Aviation Institute")}
    membership = by_type["Membership", "memberOf", "Association of Sino-Russian Technical Universities"]
    assert membership["qualifiers"] == "role=observer; start=2020"
    assert membership["fact"].startswith(RES + "fact/")


def test_queries_facts_about_covers_every_qualified_node_class(kb, article):
    seen = set()
    for entity in ("ASRTU", "Mikhail Gordin", "ETH Zurich", "QS World University Rankings", "IDEA League"):
        seen |= {(r["factType"], r["predicate"]) for r in run(kb, "facts-about", entity=entity)
                 if r["source"] in article.values()}
    # asrtu-admits-yanshan: counts 80/64/16, Gordin is rector, HIT 256th in QS, ASRTU founded 2011;
    # idea-league-changes: ETH 12th in THE 2012, IDEA League founded 1999 by four universities
    assert {("MemberCount", "memberCount"), ("Headship", "headOf"), ("RankingPlacement", "rankedIn"),
            ("RankingPlacement", "ranks"), ("Membership", "hasMember"), ("Membership", "memberOf"),
            ("Assertion", "founder"), ("Assertion", "foundingDate"), ("Assertion", "^founder")} <= seen
    counts = only(run(kb, "facts-about", entity="ASRTU"), factType="MemberCount")
    assert sorted((r["other"], r["qualifiers"]) for r in counts) == [
        (16, "role=observer"), (64, "role=full member"), (80, "role=all")]


def test_queries_heads_of_gives_person_and_position(kb, article):
    rows = run(kb, "heads-of", organization="Bauman Moscow State Technical University")
    # asrtu-admits-yanshan: "Mikhail Gordin, Rector of Bauman Moscow State Technical University"
    mine = only(rows, source=article["asrtu-admits-yanshan"])
    assert [(r["personLabel"], r["position"], r["published"]) for r in mine] == [
        ("Mikhail Gordin", "rector", "2020-09-04")]
    # russell-group-durham: "Dr Wendy Piatt, Director General of the Russell Group"
    assert [r["personLabel"] for r in run(kb, "heads-of", organization="Russell Group")] == ["Wendy Piatt"]


def test_queries_entities_gives_type_country_and_article_count(kb):
    rows = {r["label"]: r for r in run(kb, "entities")}
    # asrtu-admits-yanshan is the only article naming Yanshan (a Chinese university, acronym YSU)
    yanshan = rows["Yanshan University"]
    assert (yanshan["type"], yanshan["countryCode"], yanshan["articles"]) == ("University", "CN", 1)
    assert "YSU" in yanshan["acronyms"].split(", ")
    # russell-group-durham names Wendy Piatt once; people have no country
    assert (rows["Wendy Piatt"]["type"], rows["Wendy Piatt"]["countryCode"], rows["Wendy Piatt"]["articles"]) == (
        "Person", None, 1)
    # most-mentioned first: nothing is mentioned by more than one of the three articles,
    # so every mentioned entity comes before the gazetteer-only ones (articles = 0)
    counts = [r["articles"] for r in run(kb, "entities")]
    assert counts == sorted(counts, reverse=True) and max(counts) == 1 and min(counts) == 0


def test_queries_articles_lists_every_article_with_fact_counts(kb, built, article):
    _, report, _ = built
    rows = {r["article"]: r for r in run(kb, "articles")}
    assert set(rows) == set(article.values())  # the three files of ARTICLES
    assert sum(r["facts"] for r in rows.values()) == report.facts  # every fact belongs to one article
    asrtu = rows[article["asrtu-admits-yanshan"]]
    assert (asrtu["title"], asrtu["published"]) == ("ASRTU admits Yanshan University as an observer", "2020-09-04")
    # russell-group-durham: Durham and Exeter joined (2 memberships), Piatt heads the group, 24 members, and
    # Durham "is also a member of the N8 Research Partnership" (typed an alliance by "member of the")
    assert rows[article["russell-group-durham"]]["facts"] == 5
    # newest first: 2020-09-04, 2012-08-01, 2012-05-12
    assert [r["article"] for r in run(kb, "articles")] == [
        article["asrtu-admits-yanshan"], article["russell-group-durham"], article["idea-league-changes"]]


def test_queries_founders_gives_date_founders_and_founding_members(kb, article):
    rows = only(run(kb, "founders", organization="IDEA League"), source=article["idea-league-changes"])
    # idea-league-changes: "The IDEA League was founded in 1999 by Imperial College London, Delft University of
    # Technology, ETH Zurich and RWTH Aachen University."
    assert [r["value"] for r in only(rows, kind="foundingDate")] == ["1999"]
    four = {"Imperial College London", "Delft University of Technology", "ETH Zurich", "RWTH Aachen University"}
    assert {r["valueLabel"] for r in only(rows, kind="founder")} == four
    assert all("founded in 1999" in r["evidence"] for r in rows if r["kind"] == "founder")
    # Imperial left: its membership is FormerMemberRole, so it is no longer a *founding member* row
    assert {r["valueLabel"] for r in only(rows, kind="foundingMember")} == four - {"Imperial College London"}


def test_queries_entity_card_shows_labels_country_and_graphs(kb, article):
    rows = run(kb, "entity-card", entity="Yanshan University")
    labels = only(rows, kind="label")
    assert [r["value"] for r in labels] == ["Yanshan University"]
    # described once, by the gazetteer (articles only mention it; see kg.mapping.map_entities)
    assert labels[0]["graphs"].split() == ["https://w3id.org/unikg/resource/graph/gazetteer"]
    assert [r["valueLabel"] for r in only(rows, kind="country")] == ["China"]
    assert "YSU" in {r["value"] for r in only(rows, kind="acronym")}


# --- the library as a whole --------------------------------------------------------------


def test_queries_library_files_are_documented():
    items = queries.library()
    assert len(items) >= 14
    for item in items:
        text = item.sparql
        assert item.summary, f"{item.name}: no '# summary:' line"
        assert re.search(rf"^#\s+kg query {re.escape(item.name)}\b", text, re.M), f"{item.name}: no example call"
        for param, kind in zip(item.params, item.param_kinds):
            if kind == "page":  # limit/offset of a full scan: appended by kg.queries, not in the text
                continue
            assert f"?{param}" in text.split("# param:")[-1], f"{item.name}: parameter {param} is unused"
            assert re.search(rf"^#.*--param \"?{param}=", text, re.M), f"{item.name}: example lacks --param {param}"
        # the VALUES block is injected after the first "WHERE {": it must not be in a comment
        first = re.search(r"\bWHERE\s*\{", text, re.I)
        assert first and not text[:first.start()].rsplit("\n", 1)[-1].lstrip().startswith("#"), item.name


def test_queries_every_library_query_is_tested():
    tested = set(re.findall(r'\brun\(kb, "([\w-]+)"', Path(__file__).read_text(encoding="utf-8")))
    untested = {q.name for q in queries.library()} - tested
    assert not untested, f"library queries without a test: {sorted(untested)}"


# --- errors ------------------------------------------------------------------------------


def test_queries_unknown_name_is_a_query_error(kb):
    with pytest.raises(QueryError, match="no-such-query"):
        queries.run(kb, "no-such-query")


def test_queries_missing_param_names_it(kb):
    with pytest.raises(QueryError, match=r"--param alliance2=VALUE"):
        queries.run(kb, "common-members", {"alliance1": "ASRTU"})


def test_queries_unknown_param_is_a_query_error(kb):
    with pytest.raises(QueryError, match="no parameter colour"):
        queries.run(kb, "members-of", {"alliance": "ASRTU", "colour": "red"})


def test_queries_unknown_entity_is_a_query_error(kb):
    with pytest.raises(QueryError, match="Atlantis Polytechnic"):
        queries.run(kb, "members-of", {"alliance": "Atlantis Polytechnic"})


def test_queries_syntax_error_gives_line_and_column(kb):
    with pytest.raises(QueryError) as info:
        queries.run(kb, "SELECT ?x WHERE {\n  ?x ?y\n}")
    # the parser reports "error at LINE:COLUMN"; the bad triple pattern is on line 2 or 3
    assert re.search(r"error at [23]:\d+", str(info.value)), str(info.value)


# --- CLI ---------------------------------------------------------------------------------


def test_queries_cli_list_shows_every_query():
    result = CliRunner().invoke(cli, ["query", "--list"])
    assert result.exit_code == 0, result.output
    listed = {line.split()[0] for line in result.output.splitlines() if line.strip()}
    assert listed == {q.name for q in queries.library()}
    assert "[params: alliance1, alliance2]" in result.output


@pytest.fixture
def cli_run(built):
    """Run `kg query ... --kb KB` in-process (no test may hold the KB open meanwhile)."""
    def invoke(*args: str):
        return CliRunner().invoke(cli, ["query", *args, "--kb", str(built[0])])
    return invoke


def test_queries_cli_csv_tsv_json_shapes(cli_run, built):
    with open_kb(built[0], create=False) as kb:
        expected = queries.run(kb, "placements", {"university": "HIT"})
    args = ("placements", "--param", "university=HIT", "--format")
    csv_out = cli_run(*args, "csv")
    assert csv_out.exit_code == 0, csv_out.output
    table = list(csv.reader(io.StringIO(csv_out.output)))
    assert tuple(table[0]) == expected.columns
    table = [row for row in table if row]  # see test_queries_cli_csv_ends_without_blank_line
    assert len(table) == 1 + len(expected.rows) == 2  # header + HIT's one QS placement
    assert table[1][expected.columns.index("rank")] == "256"
    assert table[1][expected.columns.index("rankBand")] == ""  # None -> empty cell

    tsv_out = cli_run(*args, "tsv")
    assert tsv_out.exit_code == 0, tsv_out.output
    lines = tsv_out.output.rstrip("\n").split("\n")  # (trailing blank line: see the xfail test below)
    assert lines[0].split("\t") == list(expected.columns) and len(lines) == 2

    json_out = cli_run(*args, "json")
    assert json_out.exit_code == 0, json_out.output
    data = json.loads(json_out.output)
    assert isinstance(data, list) and len(data) == 1
    assert list(data[0]) == list(expected.columns)
    assert (data[0]["rank"], data[0]["rankBand"], data[0]["edition"]) == (256, None, "2024")


def test_queries_cli_csv_ends_without_blank_line(cli_run):
    result = cli_run("placements", "--param", "university=HIT", "--format", "csv")
    assert result.exit_code == 0
    assert not result.output.endswith("\n\n")


def test_queries_cli_missing_param_exits_1(cli_run):
    result = cli_run("members-of")
    assert result.exit_code == 1
    assert "--param alliance=VALUE" in result.output


def test_queries_full_scans_are_declared_and_paginate(kb):
    scans = {item.name for item in queries.library() if item.scan}
    assert {"entities", "articles"} <= scans  # the queries no parameter narrows
    everything = run(kb, "entities", limit="100000")
    first, second = run(kb, "entities", limit="2"), run(kb, "entities", limit="2", offset="2")
    assert first + second == everything[:4]
    assert len(run(kb, "entities")) == min(len(everything), queries.PAGE_SIZE)
    with pytest.raises(QueryError, match="limit"):
        run(kb, "entities", limit="0")
    with pytest.raises(QueryError, match="offset"):
        run(kb, "entities", offset="-1")


def test_queries_kg_entities_lists_every_page(kb):
    """`kg entities` pages through the full-scan query instead of stopping after the first page."""
    from kg.cli import _all_pages
    from kg import queries

    everything = queries.run(kb, "entities", {"limit": "100000"})
    size = len(everything.rows) // 4 + 1  # five pages or so, the last one short (each page is a full scan)
    paged = _all_pages(kb, "entities", size=size)
    assert len(everything.rows) > 2 * size and sorted(map(str, paged.rows)) == sorted(map(str, everything.rows))


def test_queries_prefixed_names_the_cli_shows_paste_into_kg_query(kb):
    """`kg query` shows org:… names; the same names work inside a query without PREFIX lines."""
    from kg import queries

    table = queries.run(kb, "SELECT ?e WHERE { ?e a unikg:Alliance } LIMIT 1")
    shown = queries._short(str(table.rows[0][0]))
    assert shown.startswith("org:")
    again = queries.run(kb, f"ASK {{ {shown} a unikg:Alliance }}")
    assert again.rows[0][0] in (True, "true")


# --- one row per fact (default) vs one row per statement (detail=all) ---------------------

#: key columns of a fact per query with a detail=all variant, and parameters for the corpus above
FACT_KEYS = {
    "members-of": (("member", "role", "startDate", "endDate"), {"alliance": "ASRTU"}),
    "alliances-of": (("alliance", "role", "since", "until"), {"university": "HIT"}),
    "placements": (("ranking", "rank", "rankBand", "edition"), {"university": "HIT"}),
    "ranking-results": (("university", "rank", "rankBand", "edition"),
                        {"ranking": "Times Higher Education World University Rankings"}),
    "heads-of": (("person", "position"), {"organization": "Russell Group"}),
    "program-participants": (("university",), {"program": "Project 985"}),
    "partners-of": (("partner",), {"organization": "Yanshan University"}),
    "founders": (("kind", "value"), {"organization": "IDEA League"}),
    "facts-about": (("predicate", "other", "qualifiers"), {"entity": "ASRTU"}),
    "membership-timeline": (("event", "member", "role", "dateKind"), {"alliance": "IDEA League"}),
    "member-count-check": (("alliance", "role", "stated"), {}),
}


def test_queries_detail_variants_are_the_fact_queries():
    assert {q.name for q in queries.library() if q.detail_sparql} == set(FACT_KEYS)


@pytest.mark.parametrize("name", sorted(FACT_KEYS))
def test_queries_default_rows_are_the_facts_of_the_statements(kb, name):
    """Each rewritten query gives the facts its statement-level form (the former query) gives,
    one row each, with the number of distinct articles among the statements' sources."""
    keys, params = FACT_KEYS[name]
    facts = run(kb, name, **params)
    statements = run(kb, name, **params, detail="all")
    assert statements, f"{name}: the corpus has no statement to compare"
    by_key: dict[tuple, set] = {}
    for row in statements:
        by_key.setdefault(tuple(row[k] for k in keys), set()).add(row["source"])
    assert sorted(map(str, (tuple(r[k] for k in keys) for r in facts))) == sorted(map(str, by_key))  # one row per fact
    for row in facts:
        sources = by_key[tuple(row[k] for k in keys)]
        assert row["articles"] == len(sources - {GAZETTEER})
        assert row["source"] in sources


def test_queries_detail_all_is_refused_where_rows_are_not_statements(kb):
    with pytest.raises(QueryError, match="no detail=all variant"):
        queries.run(kb, "entities", {"detail": "all"})
    with pytest.raises(QueryError, match="detail='every'"):
        queries.run(kb, "members-of", {"alliance": "ASRTU", "detail": "every"})
    assert queries.run(kb, "members-of", {"alliance": "ASRTU", "detail": "facts"}) == queries.run(
        kb, "members-of", {"alliance": "ASRTU"})


U = "https://w3id.org/unikg/ontology#"
R = "https://w3id.org/unikg/resource/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LABELS = {"org/north": "North University", "org/south": "South University", "org/league": "Lake League",
          "ranking/table": "World Table", "program/p1": "Program One", "person/ann": "Ann Head"}


def _repeated_statements(article: str) -> list[tuple]:
    """One article's facts, (subject, predicate, object) in N-Triples terms; every article states the same."""
    n, s, league = f"<{R}org/north>", f"<{R}org/south>", f"<{R}org/league>"
    node = lambda kind: f"<{R}fact/{article}-{kind}>"  # noqa: E731
    said = lambda kind, text: [(node(kind), f"<{U}evidence>", f'"{text} ({article})"'),  # noqa: E731
                               (node(kind), "<http://www.w3.org/ns/prov#wasDerivedFrom>", f"<{R}article/{article}>")]
    triples = [(f"<{R}article/{article}>", f"<{RDF}type>", f"<{U}Article>"),
               (f"<{R}article/{article}>", f"<{U}title>", f'"Title of {article}"'),
               (n, f"<{U}memberOf>", league), (n, f"<{U}rankedIn>", f"<{R}ranking/table>"),
               (f"<{R}person/ann>", f"<{U}headOf>", n), (league, f"<{U}memberCount>", '"12"^^<http://www.w3.org/2001/XMLSchema#integer>')]
    triples += [(node("m"), f"<{RDF}type>", f"<{U}Membership>"), (node("m"), f"<{U}member>", n),
                (node("m"), f"<{U}organization>", league), (node("m"), f"<{U}role>", f"<{U}FoundingMemberRole>"),
                (node("m"), f"<{U}startDate>", '"2001"^^<http://www.w3.org/2001/XMLSchema#gYear>')] + said("m", "North founded the league")
    triples += [(node("r"), f"<{RDF}type>", f"<{U}RankingPlacement>"), (node("r"), f"<{U}university>", n),
                (node("r"), f"<{U}ranking>", f"<{R}ranking/table>"), (node("r"), f"<{U}rank>", '"7"^^<http://www.w3.org/2001/XMLSchema#integer>'),
                (node("r"), f"<{U}edition>", '"2020"^^<http://www.w3.org/2001/XMLSchema#gYear>')] + said("r", "North ranked 7th")
    triples += [(node("h"), f"<{RDF}type>", f"<{U}Headship>"), (node("h"), f"<{U}person>", f"<{R}person/ann>"),
                (node("h"), f"<{U}organization>", n), (node("h"), f"<{U}position>", '"rector"')] + said("h", "Ann, rector of North")
    triples += [(node("c"), f"<{RDF}type>", f"<{U}MemberCount>"), (node("c"), f"<{U}organization>", league),
                (node("c"), f"<{U}count>", '"12"^^<http://www.w3.org/2001/XMLSchema#integer>')] + said("c", "The league has 12 members")
    for kind, (subject, prop, value, text) in {"a1": (n, "partnerOf", s, "North and South signed"),
                                               "a2": (n, "participatesIn", f"<{R}program/p1>", "North joined Program One"),
                                               "a3": (league, "founder", n, "North founded the league")}.items():
        triples.append((subject, f"<{U}{prop}>", value))
        triples += [(node(kind), f"<{RDF}type>", f"<{U}Assertion>"), (node(kind), f"<{RDF}subject>", subject),
                    (node(kind), f"<{RDF}predicate>", f"<{U}{prop}>"), (node(kind), f"<{RDF}object>", value)] + said(kind, text)
    return triples


@pytest.fixture(scope="module")
def repeated_kb(tmp_path_factory):
    """A hand-made KB: three articles (a1, a2, a3) stating the same facts, each with its own sentence."""
    import pyoxigraph as ox

    lines = [f"<{R}{key}> <http://www.w3.org/2000/01/rdf-schema#label> \"{label}\" <{R}graph/entities> ."
             for key, label in LABELS.items()]
    for article in ("a1", "a2", "a3"):
        lines += [f"{s} {p} {o} <{R}article/{article}> ." for s, p, o in _repeated_statements(article)]
    path = tmp_path_factory.mktemp("repeated") / "kb"
    with open_kb(path) as kb:
        kb.store.load("\n".join(lines).encode(), ox.RdfFormat.N_QUADS)
    return path


@pytest.mark.parametrize("name, params, match", [
    ("members-of", {"alliance": R + "org/league"}, {"memberLabel": "North University", "role": "founding member", "startDate": "2001"}),
    ("alliances-of", {"university": R + "org/north"}, {"allianceLabel": "Lake League", "role": "founding member"}),
    ("placements", {"university": R + "org/north"}, {"rankingLabel": "World Table", "rank": 7, "edition": "2020"}),
    ("ranking-results", {"ranking": R + "ranking/table"}, {"universityLabel": "North University", "rank": 7}),
    ("heads-of", {"organization": R + "org/north"}, {"personLabel": "Ann Head", "position": "rector"}),
    ("program-participants", {"program": R + "program/p1"}, {"universityLabel": "North University"}),
    ("partners-of", {"organization": R + "org/south"}, {"partnerLabel": "North University"}),
    ("founders", {"organization": R + "org/league"}, {"kind": "founder", "valueLabel": "North University"}),
    ("founders", {"organization": R + "org/league"}, {"kind": "foundingMember", "valueLabel": "North University"}),
    ("facts-about", {"entity": R + "org/north"}, {"predicate": "partnerOf", "otherLabel": "South University"}),
    ("facts-about", {"entity": R + "org/north"}, {"predicate": "memberOf", "qualifiers": "role=founding member; start=2001"}),
    ("facts-about", {"entity": R + "org/north"}, {"predicate": "headedBy", "otherLabel": "Ann Head"}),
    ("membership-timeline", {"alliance": R + "org/league"}, {"event": "joined", "date": "2001"}),
    ("member-count-check", {}, {"allianceLabel": "Lake League", "stated": 12}),
])
def test_queries_a_fact_of_three_articles_is_one_row_with_its_count(repeated_kb, name, params, match):
    with open_kb(repeated_kb, create=False) as kb:
        facts = only(run(kb, name, **params), **match)
        statements = only(run(kb, name, **params, detail="all"), **match)
    # the three articles of repeated_kb state each fact once
    assert len(facts) == 1 and facts[0]["articles"] == 3
    assert len(statements) == 3
    assert {r["source"] for r in statements} == {f"{R}article/{a}" for a in ("a1", "a2", "a3")}
    sample = facts[0]
    assert sample["source"] in {r["source"] for r in statements}
    assert sample["evidence"] == next(r["evidence"] for r in statements if r["source"] == sample["source"])
    assert sample["sourceTitle"] == f"Title of {sample['source'].rsplit('/', 1)[-1]}"


def test_queries_bind_writes_parameters_into_patterns():
    import pyoxigraph as ox

    term = ox.NamedNode(R + "org/league")
    text = queries._bind("SELECT ?m WHERE { ?x a ?c . { SELECT ?m WHERE { ?m <urn:p> ?alliance } } }  # ?alliance",
                         {ox.Variable("alliance"): term})
    assert f"?m <urn:p> <{R}org/league>" in text and f"VALUES (?alliance) {{ (<{R}org/league>) }}" in text
    assert text.endswith("# ?alliance")  # comments are left alone
    projected = queries._bind("SELECT ?alliance WHERE { { SELECT ?alliance WHERE { ?m <urn:p> ?alliance } } }",
                              {ox.Variable("alliance"): term})
    assert "<urn:p> ?alliance" in projected and projected.count("VALUES (?alliance)") == 2  # projected: bound by VALUES
