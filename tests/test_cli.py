"""The ``kg`` command line (kg/cli.py): exit codes, error messages, help texts.

Ingest runs use ``--model blank`` (no download, fast); what is extracted is tested elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from conftest import ARTICLES, put_url
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    return folder


@pytest.fixture(scope="module")
def built_kb(tmp_path_factory):
    """One KB per module, built from tests/data/articles with the blank pipeline; tests only read it."""
    kb = tmp_path_factory.mktemp("cli") / "kb"
    result = CliRunner().invoke(cli, ["ingest", str(ARTICLES), "--kb", str(kb), "--model", "blank"])
    assert result.exit_code == 0, result.output
    return kb


def test_cli_ingest_ok(runner, corpus, tmp_path):
    kb = tmp_path / "kb"
    result = runner.invoke(cli, ["ingest", str(corpus), "--kb", str(kb), "--model", "blank"])
    assert result.exit_code == 0, result.output
    assert "3 ingested, 0 unchanged (skipped), 0 failed" in result.stderr  # tests/data/articles: 3 articles
    assert (kb / "graph.ttl").exists()
    again = runner.invoke(cli, ["ingest", str(corpus), "--kb", str(kb), "--model", "blank", "--no-export"])
    assert again.exit_code == 0
    assert "0 ingested, 3 unchanged (skipped), 0 failed" in again.stderr


def test_cli_ingest_bad_files_exit_1_with_error_lines(runner, corpus, tmp_path):
    (corpus / "empty.txt").write_text("")
    (corpus / "scan.txt").write_bytes(b"%PDF-1.4")
    result = runner.invoke(cli, ["ingest", str(corpus), "--kb", str(tmp_path / "kb"), "--model", "blank"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert errors == [
        f"Error: {corpus / 'empty.txt'}: file is empty or only whitespace; nothing to ingest",
        f"Error: {corpus / 'scan.txt'}: this is a PDF document, not text; convert it to .txt, .md or .html first",
    ]
    assert "3 ingested, 0 unchanged (skipped), 2 failed" in result.stderr


def test_cli_ingest_control_characters_do_not_break_graphml(runner, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Brightwater University joins the Northern\x01 Lakes Alliance\n12 March 2023\n"
                                  "Brightwater University\x02 became an observer of the Northern Lakes Alliance.\n")
    kb = tmp_path / "kb"
    result = runner.invoke(cli, ["ingest", str(folder), "--kb", str(kb), "--model", "blank"])
    assert result.exit_code == 0, result.output
    assert "1 ingested" in result.stderr
    text = (kb / "graph.graphml").read_text()
    assert "Northern Lakes Alliance" in text and "\x01" not in text


def test_cli_ingest_reports_pipe_and_over_long_article_and_goes_on(runner, corpus, tmp_path):
    os.mkfifo(corpus / "pipe.txt")
    line = "Brightwater University opened a campus in the north of the country.\n"
    (corpus / "huge.txt").write_text("A headline about four words\n" + line * 14_000)
    result = runner.invoke(cli, ["ingest", str(corpus), "--kb", str(tmp_path / "kb"), "--model", "blank"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert errors == [  # the body: a 27-character headline, then 14,000 paragraphs of 67 characters, "\n\n" apart
        f"Error: {corpus / 'huge.txt'}: 966,027 characters of text, over the limit of 900,000 for one article; "
        "split it into smaller files",
        f"Error: {corpus / 'pipe.txt'}: this is a named pipe (FIFO), not a regular file; "
        "give a .txt, .md or .html file",
    ]
    assert "3 ingested, 0 unchanged (skipped), 2 failed" in result.stderr  # tests/data/articles: 3 articles


def test_cli_ingest_strict_stops_on_missing_path(runner, tmp_path):
    missing = tmp_path / "nope"
    result = runner.invoke(cli, ["ingest", str(missing), "--kb", str(tmp_path / "kb"), "--strict", "--model", "blank"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {missing}: no such file or folder; check the path\n"


def test_cli_ingest_kb_is_a_file(runner, corpus, tmp_path):
    kb = tmp_path / "kb.txt"
    kb.write_text("x")
    result = runner.invoke(cli, ["ingest", str(corpus), "--kb", str(kb), "--model", "blank"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {kb}: --kb must be a folder, but this is a file; choose another path\n"


def test_cli_ingest_kb_is_foreign_folder(runner, corpus, tmp_path):
    result = runner.invoke(cli, ["ingest", str(corpus), "--kb", str(corpus), "--model", "blank"])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {corpus}: folder is not empty and is not a unikg KB (no kb.json); "
                             "use an empty or new folder for --kb\n")


@pytest.mark.parametrize("args, message", [
    (["ingest"], "Missing argument 'PATHS...'"),
    (["ingest", "x.txt", "--batch-size", "0"], "Invalid value for '--batch-size'"),
    (["ingest", "x.txt", "--colour"], "No such option '--colour'"),
    (["export"], "Missing option '--format'"),
    (["export", "--format", "xml"], "Invalid value for '--format'"),
    (["query"], "give a SPARQL query, a .rq file, - (stdin) or a library query name (see --list)"),
    (["eval", "/no/such/dir"], "Directory '/no/such/dir' does not exist"),
])
def test_cli_usage_errors_exit_2(runner, tmp_path, args, message):
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_cli_query_inline_sparql(runner, built_kb):
    sparql = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a unikg:Article }"
    result = runner.invoke(cli, ["query", sparql, "--kb", str(built_kb), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [int(row["n"]) for row in json.loads(result.stdout)] == [3]  # 3 articles ingested


@pytest.mark.parametrize("fmt, check", [
    ("csv", lambda out: out.splitlines()[0] == "n" and out.splitlines()[1] == "3"),
    ("tsv", lambda out: out.splitlines()[1] == "3"),
    ("table", lambda out: "3" in out),
])
def test_cli_query_formats(runner, built_kb, fmt, check):
    sparql = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a unikg:Article }"
    result = runner.invoke(cli, ["query", sparql, "--kb", str(built_kb), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert check(result.stdout.strip().replace("\r", "")), result.stdout


def test_cli_query_syntax_error(runner, built_kb):
    result = runner.invoke(cli, ["query", "SELEC ?x", "--kb", str(built_kb)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: SPARQL syntax error: ")


def test_cli_query_without_kb(runner, tmp_path):
    result = runner.invoke(cli, ["query", "SELECT * WHERE { ?s ?p ?o }", "--kb", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'none'}: no KB here; run `kg ingest --kb {tmp_path / 'none'} ...` first\n"


def test_cli_ingest_kb_under_a_file(runner, corpus, tmp_path):
    kb = corpus / "a.txt" / "kb"
    (corpus / "a.txt").write_text("x")
    result = runner.invoke(cli, ["ingest", str(corpus), "--kb", str(kb), "--model", "blank"])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {kb}: cannot create or open a KB here (Not a directory); "
                             "choose a folder you can write to for --kb\n")


@pytest.mark.parametrize("kb", ["/etc/passwd/kb", "/proc/x", "/sys/x"])
def test_cli_ingest_kb_in_system_folders_is_one_line_error(runner, corpus, kb):
    if not os.path.exists(kb.rsplit("/", 1)[0]):
        pytest.skip(f"no {kb.rsplit('/', 1)[0]} on this system")
    result = runner.invoke(cli, ["ingest", str(corpus), "--kb", kb, "--model", "blank"])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"Error: {kb}: cannot create or open a KB here (")  # errno text varies
    assert result.stderr.endswith("); choose a folder you can write to for --kb\n")


def test_cli_query_kb_of_another_version(runner, tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "kb.json").write_text('{"format": "unikg-kb", "version": 99}')
    result = runner.invoke(cli, ["query", "SELECT * WHERE { ?s ?p ?o }", "--kb", str(kb)])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {kb / 'kb.json'}: this KB has format version 99, but this unikg reads "
                             "version 1; open it with the unikg that wrote it, or choose another folder for --kb\n")


def test_cli_query_bad_param(runner, built_kb):
    result = runner.invoke(cli, ["query", "members-of", "--kb", str(built_kb), "--param", "alliance"])
    assert result.exit_code == 2
    assert "'alliance' is not NAME=VALUE" in result.stderr


def test_cli_export_turtle_to_file(runner, built_kb, tmp_path):
    out = tmp_path / "out.ttl"
    result = runner.invoke(cli, ["export", "--kb", str(built_kb), "--format", "turtle", "-o", str(out)])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out)
    assert len(graph) == len(Graph().parse(built_kb / "graph.ttl"))
    assert len(graph) > 0


def test_cli_export_to_stdout(runner, built_kb):
    result = runner.invoke(cli, ["export", "--kb", str(built_kb), "--format", "ntriples"])
    assert result.exit_code == 0
    assert len(Graph().parse(data=result.stdout, format="nt")) > 0


def test_cli_eval_tiny_gold(runner, tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "c9.txt").write_text("Peking University and Tsinghua University meet\n\n"
                                     "Peking University and Tsinghua University held a joint forum.\n")
    (gold_dir / "c9.gold.json").write_text(json.dumps({
        "article": "c9.txt",
        "entities": [{"name": "Peking University", "type": "University", "aliases": ["PKU"]},
                     {"name": "Tsinghua University", "type": "University"},
                     {"name": "C9 League", "type": "Alliance"}],
        "relations": [{"s": "Peking University", "p": "partnerOf", "o": "Tsinghua University"}],
    }))
    result = runner.invoke(cli, ["eval", str(gold_dir), "--model", "blank", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["articles"] == 1
    assert scores["entities"]["University"] == {"tp": 2, "fp": 0, "fn": 0}
    assert scores["entities"]["Alliance"] == {"tp": 0, "fp": 0, "fn": 1}
    assert scores["entity_f1"] == pytest.approx(0.8)  # P = 2/2, R = 2/3


def test_cli_eval_table(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Peking University opens a lab\n\nPeking University opened a lab.\n")
    (tmp_path / "a.gold.json").write_text(json.dumps({"article": "a.txt", "relations": [],
                                                      "entities": [{"name": "Peking University", "type": "University"}]}))
    result = runner.invoke(cli, ["eval", str(tmp_path), "--model", "blank"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("articles scored: 1\n")


def test_cli_eval_no_gold_files(runner, tmp_path):
    result = runner.invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {tmp_path}: no *.gold.json files here; point kg eval at a folder of "
                             "gold annotations\n")


def test_cli_remove_unknown_article(runner, built_kb):
    result = runner.invoke(cli, ["remove", "nope", "--kb", str(built_kb), "--no-export"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: no article 'nope' in {built_kb}; see `kg query articles`\n"


def test_cli_help(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "query", "export", "eval", "remove", "gazetteer"):
        assert command in result.stdout


def _commands(group, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("path, command", list(_commands(cli)), ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_cli_every_command_has_help(runner, path, command):
    assert (command.help or "").strip(), f"kg {' '.join(path)} has no help text"
    result = runner.invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert command.help.strip().splitlines()[0][:40] in " ".join(result.stdout.split())


def test_cli_gazetteer_lookup(runner):
    result = runner.invoke(cli, ["gazetteer", "lookup", "ASRTU"])
    assert result.exit_code == 0
    assert "Association of Sino-Russian Technical Universities\tAlliance\t" in result.stdout


def _article_sources(kb) -> list[str]:
    from kg.store import open_kb

    with open_kb(kb, create=False, read_only=True) as store:
        return sorted(row["s"].value for row in store.query("SELECT ?s WHERE { ?a a unikg:Article ; unikg:source ?s }"))


def test_cli_ingest_stdin_named_by_source_replaces_the_changed_text(runner, tmp_path):
    kb = tmp_path / "kb"
    name = "https://news.brightwater.edu.cn/2023/nla"
    for when in ("2023", "2022"):  # the corrected article: another year
        text = f"Brightwater University joins the Northern Lakes Alliance\n\nBrightwater University joined the " \
               f"Northern Lakes Alliance in {when}.\n"
        result = runner.invoke(cli, ["ingest", "-", "--source", name, "--kb", str(kb), "--model", "blank", "--no-export"],
                               input=text)
        assert result.exit_code == 0, result.output
        assert "1 ingested" in result.stderr
    assert _article_sources(kb) == [name]  # one article, replaced; not two side by side


def test_cli_ingest_source_needs_stdin(runner, corpus, tmp_path):
    result = runner.invoke(cli, ["ingest", str(corpus), "--source", "x", "--kb", str(tmp_path / "kb")])
    assert result.exit_code == 2
    assert "Invalid value for --source: names the article read from stdin" in result.stderr


def test_cli_ingest_stores_urls_or_paths_relative_to_the_folder_given(runner, corpus, tmp_path):
    kb = tmp_path / "kb"
    result = runner.invoke(cli, ["ingest", str(corpus), "--kb", str(kb), "--model", "blank"])
    assert result.exit_code == 0, result.output
    # tests/data/articles: a .txt (no URL: its name), a .md and an .html stating their URLs
    assert _article_sources(kb) == ["bwu-joins-nla.txt", "https://news.zit.edu.cn/2024/gat",
                                    "https://www.nla-universities.org/news/2023/forum"]
    for name in ("graph.ttl", "graph.trig", "graph.graphml", "graph.json"):
        assert str(tmp_path) not in (kb / name).read_text(encoding="utf-8"), name


# --- output that fits the terminal and says what it did (issue 11, item 10) --------------------


def test_cli_query_reads_the_query_from_stdin(runner, built_kb):
    sparql = "SELECT (COUNT(DISTINCT ?a) AS ?n)\nWHERE { ?a a unikg:Article }\n"
    result = runner.invoke(cli, ["query", "-", "--kb", str(built_kb), "--format", "json"], input=sparql)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": 3}]  # 3 articles ingested


def test_cli_query_list_as_json(runner):
    from kg import queries

    result = runner.invoke(cli, ["query", "--list", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [q["name"] for q in listed] == [q.name for q in queries.library()]
    assert {"name": "common-members", "params": ["alliance1", "alliance2"]}.items() <= listed[3].items()
    assert all(q["summary"] for q in listed)


def test_cli_query_unknown_name_suggests_the_closest(runner, built_kb):
    result = runner.invoke(cli, ["query", "member-of", "--kb", str(built_kb)])
    assert result.exit_code == 1
    assert result.stderr == ("Error: 'member-of' is neither SPARQL nor a library query; did you mean 'members-of'? "
                             "see `kg query --list`\n")


def test_cli_query_table_fits_the_terminal(runner, built_kb):
    sparql = "SELECT ?fact ?evidence ?article WHERE { ?fact unikg:evidence ?evidence ; prov:wasDerivedFrom ?article }"
    wide = runner.invoke(cli, ["query", sparql, "--kb", str(built_kb)], env={"COLUMNS": None})  # (pytest-xdist sets it)
    assert max(len(line) for line in wide.stdout.splitlines()) > 100  # piped: one line a row, as wide as needed
    result = runner.invoke(cli, ["query", sparql, "--kb", str(built_kb)], env={"COLUMNS": "72"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 72
    assert lines[0].split() == ["fact", "evidence", "article"] and lines[-1] == f"({len(wide.stdout.splitlines()) - 3} rows)"


def test_cli_remove_says_what_it_did(runner, corpus, tmp_path):
    kb = tmp_path / "kb"
    assert runner.invoke(cli, ["ingest", str(corpus), "--kb", str(kb), "--model", "blank", "--no-export"]).exit_code == 0
    result = runner.invoke(cli, ["remove", str(corpus / "bwu-joins-nla.txt"), "--kb", str(kb), "--no-export"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"removed 1 article from {kb} (2 left)\n"  # tests/data/articles: 3 articles


def test_cli_export_to_a_file_says_what_it_wrote(runner, built_kb, tmp_path):
    out = tmp_path / "out.trig"
    result = runner.invoke(cli, ["export", "--kb", str(built_kb), "--format", "trig", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {out} (trig, {out.stat().st_size:,} bytes)\n"


def test_cli_export_full_adds_the_background_knowledge(runner, built_kb, tmp_path):
    import networkx as nx

    graphs = {}
    for args in ([], ["--full"]):
        out = tmp_path / f"graph{len(args)}.json"
        result = runner.invoke(cli, ["export", "--kb", str(built_kb), "--format", "json", "-o", str(out), *args])
        assert result.exit_code == 0, result.output
        graphs[bool(args)] = nx.node_link_graph(json.loads(out.read_text()))
    assert graphs[True].number_of_nodes() > graphs[False].number_of_nodes()  # the gazetteer's entities
    assert "country" in {p for _, _, p in graphs[True].edges(data="predicate")}
    assert "country" not in {p for _, _, p in graphs[False].edges(data="predicate")}


def test_cli_entities_duplicates_none_found_says_so(runner, tmp_path):
    from kg.store import open_kb

    open_kb(tmp_path / "kb").close()
    result = runner.invoke(cli, ["entities", "--duplicates", "--kb", str(tmp_path / "kb")])
    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == (
        "", f"no likely duplicates in {tmp_path / 'kb'} (among the entities the gazetteer does not list)\n")


def test_cli_query_does_not_import_spacy(built_kb):
    """`kg query` starts fast: neither the library nor a query loads spaCy (issue 13, item 5)."""
    import subprocess
    import sys

    code = ("import sys\nfrom kg.cli import cli\n"
            "for args in (['query', '--list'], ['query', 'members-of', '--param', 'alliance=Northern Lakes Alliance',"
            " '--kb', sys.argv[1], '--timeout', '0']):\n"
            "    cli(args, standalone_mode=False)\n"
            "print(sorted(m for m in ('spacy', 'thinc', 'sklearn', 'trafilatura') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code, str(built_kb)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


# --- URLs through fsspec (issue 10) --------------------------------------------------------------


def test_cli_ingest_url_folder_skips_unchanged_and_reports_bad_articles(runner, memory_url, tmp_path):
    kb, news = tmp_path / "kb", f"{memory_url}/news"
    for path in ARTICLES.iterdir():
        put_url(f"{news}/2024/{path.name}", path.read_bytes())
    put_url(f"{news}/scan.txt", b"%PDF-1.4")
    args = ["ingest", f"{news}/", "--kb", str(kb), "--model", "blank", "--no-export"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("Error: ")] == [
        f"Error: {news}/scan.txt: this is a PDF document, not text; convert it to .txt, .md or .html first"]
    assert "3 ingested, 0 unchanged (skipped), 1 failed" in result.stderr  # tests/data/articles: 3 articles
    # the .txt: its URL; the .md and the .html state their own URLs, as when read from files
    assert _article_sources(kb) == ["https://news.zit.edu.cn/2024/gat", "https://www.nla-universities.org/news/2023/forum",
                                    f"{news}/2024/bwu-joins-nla.txt"]
    put_url(f"{news}/2024/bwu-joins-nla.txt", (ARTICLES / "bwu-joins-nla.txt").read_text().replace(
        "as an observer", "as an associate member"))
    again = runner.invoke(cli, args)
    assert "1 ingested, 2 unchanged (skipped), 1 failed" in again.stderr
    assert len(_article_sources(kb)) == 3  # the changed article replaced, not added


def test_cli_ingest_url_needs_its_protocols_package(runner, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "s3fs", None)  # `import s3fs` fails as if not installed
    result = runner.invoke(cli, ["ingest", "s3://news-bucket/2024/", "--kb", str(tmp_path / "kb"), "--model", "blank"])
    assert result.exit_code == 1
    assert "Error: s3://news-bucket/2024/: s3:// needs s3fs: pip install s3fs\n" in result.stderr


def test_cli_ingest_memory_url_cannot_go_to_dask_workers(runner, memory_url, tmp_path):
    pytest.importorskip("distributed")
    put_url(f"{memory_url}/a.txt", "Brightwater University joins the Northern Lakes Alliance\n\nIt joined.\n")
    result = runner.invoke(cli, ["ingest", memory_url, "--kb", str(tmp_path / "kb"), "--executor", "dask",
                                 "--no-export"])
    assert result.exit_code == 1  # refused before a cluster is started: nothing else to ingest
    assert (f"Error: {memory_url}/a.txt: a memory:// file lives in this process only, Dask workers cannot open it; "
            "ingest it without --executor dask") in result.stderr
