"""Ingest on Dask (kg/cluster.py): the same KB as a local ingest, a killed worker, bad input.

One 2-worker ``LocalCluster`` and one local ingest of the sample corpus (``data/articles``) are
shared by the module; tests that need their own cluster start it through ``kg ingest``.
Needs the pretrained model (the workers parse the articles).
"""

from __future__ import annotations

import os
import shutil
import signal

import pytest
from conftest import ARTICLES, ROOT, assert_same_graphs, named_graphs
from rdflib import Graph

from kg.cli import cli
from kg.errors import KgError
from kg.pipeline import ingest
from kg.store import open_kb

distributed = pytest.importorskip("distributed")
from kg.cluster import local_cluster  # noqa: E402  (after the skip)

pytestmark = pytest.mark.slow

SAMPLE = ROOT / "data" / "articles"
SAMPLE_ARTICLES = 14  # data/articles: 14 sample articles (.txt, .md, .html) beside their gold files


@pytest.fixture(scope="module")
def cluster():
    """A 2-worker LocalCluster (one thread each), the one `kg ingest --executor dask --workers 2` starts."""
    with local_cluster(2) as cluster:
        yield cluster


@pytest.fixture
def client(cluster):
    with distributed.Client(cluster) as client:
        client.wait_for_workers(2, timeout=120)
        yield client


@pytest.fixture(scope="module")
def local_graphs(tmp_path_factory) -> dict[str, Graph]:
    """The named graphs of a local (one-process) ingest of the sample corpus."""
    kb_dir = tmp_path_factory.mktemp("local") / "kb"
    report = ingest([SAMPLE], kb_dir, export=False)
    assert (report.ingested, report.failed) == (SAMPLE_ARTICLES, [])
    return named_graphs(kb_dir)


def test_cluster_ingest_on_two_workers_matches_local(cluster, client, local_graphs, tmp_path):
    report = ingest([SAMPLE], tmp_path / "kb", executor="dask", scheduler=cluster.scheduler_address,
                    partition_size=2, export=False)
    assert (report.ingested, report.skipped, report.failed) == (SAMPLE_ARTICLES, 0, [])
    assert_same_graphs(local_graphs, tmp_path / "kb")
    again = ingest([SAMPLE], tmp_path / "kb", executor="dask", scheduler=cluster.scheduler_address, export=False)
    assert (again.ingested, again.skipped) == (0, SAMPLE_ARTICLES)  # skipped by content hash, before any work is sent


def test_cluster_changed_article_is_sent_again(cluster, client, tmp_path):
    corpus = tmp_path / "articles"
    shutil.copytree(ARTICLES, corpus)
    kb_dir = tmp_path / "kb"
    ingest([corpus], kb_dir, executor="dask", scheduler=cluster.scheduler_address, export=False)
    article = corpus / "bwu-joins-nla.txt"
    article.write_text(article.read_text().replace("as an observer", "as an associate member"))
    report = ingest([corpus], kb_dir, executor="dask", scheduler=cluster.scheduler_address, export=False)
    assert (report.ingested, report.skipped) == (1, 2)  # tests/data/articles holds 3 articles, one changed
    with open_kb(kb_dir) as kb:
        assert kb.article_count() == 3


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"  \n", "file is empty or only whitespace"),
    ("scan.txt", b"%PDF-1.5 binary", "this is a PDF document, not text"),
])
def test_cluster_bad_article_is_reported_others_ingested(cluster, client, tmp_path, name, data, message):
    corpus = tmp_path / "articles"
    shutil.copytree(ARTICLES, corpus)
    (corpus / name).write_bytes(data)
    report = ingest([corpus], tmp_path / "kb", executor="dask", scheduler=cluster.scheduler_address, export=False)
    assert report.ingested == 3  # tests/data/articles holds 3 good articles
    assert len(report.failed) == 1
    where, text = report.failed[0]
    assert where == str(corpus / name)
    assert message in text


def test_cluster_killed_worker_loses_nothing(cluster, client, local_graphs, tmp_path):
    pids = client.run(os.getpid)
    victim = sorted(pids.values())[0]
    killed = []

    def kill_once(source, outcome):
        if not killed:  # after the first article is written, while the others are in flight
            os.kill(victim, signal.SIGKILL)
            killed.append(source)

    report = ingest([SAMPLE], tmp_path / "kb", executor="dask", scheduler=cluster.scheduler_address,
                    partition_size=1, export=False, on_article=kill_once)
    assert killed
    assert victim not in client.run(os.getpid).values()  # the nanny started a new worker process
    assert (report.ingested, report.failed) == (SAMPLE_ARTICLES, [])
    assert_same_graphs(local_graphs, tmp_path / "kb")


def test_cluster_cli_ingest_on_a_running_scheduler(cluster, client, runner, tmp_path):
    result = runner.invoke(cli, ["ingest", str(ARTICLES), "--kb", str(tmp_path / "kb"), "--executor", "dask",
                                 "--scheduler", cluster.scheduler_address, "--partition-size", "2", "--no-export"])
    assert result.exit_code == 0, result.output
    assert "3 ingested, 0 unchanged (skipped), 0 failed" in result.output  # tests/data/articles holds 3 articles


def test_cluster_cli_starts_a_local_cluster(runner, tmp_path):
    result = runner.invoke(cli, ["ingest", str(ARTICLES), "--kb", str(tmp_path / "kb"), "--executor", "dask",
                                 "--workers", "1", "--no-export"])
    assert result.exit_code == 0, result.output
    assert "3 ingested" in result.output  # tests/data/articles holds 3 articles


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "tcp://127.0.0.1:1"], "Error: Invalid value for --scheduler: works with --executor dask only"),
    (["--partition-size", "4"], "Error: Invalid value for --partition-size: works with --executor dask only"),
    (["--executor", "dask", "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"],
     "Error: Invalid value for --workers: sets the processes of a local Dask cluster"),
])
def test_cluster_cli_options_need_the_dask_executor(runner, tmp_path, args, message):
    result = runner.invoke(cli, ["ingest", str(ARTICLES), "--kb", str(tmp_path / "kb"), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_cluster_cli_refuses_stdin(runner, tmp_path):
    result = runner.invoke(cli, ["ingest", "-", "--kb", str(tmp_path / "kb"), "--executor", "dask"], input="text")
    assert result.exit_code == 2
    assert "Dask workers read files, not standard input (-)" in result.output


def test_cluster_cli_unreachable_scheduler_is_a_clear_error(runner, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.cluster.WORKER_TIMEOUT", 2.0)
    result = runner.invoke(cli, ["ingest", str(ARTICLES), "--kb", str(tmp_path / "kb"), "--executor", "dask",
                                 "--scheduler", "tcp://127.0.0.1:9", "--no-export"])
    assert result.exit_code == 1
    assert "Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert "start one with `dask scheduler`" in result.output


def test_cluster_without_dask_installed_is_a_clear_error(runner, tmp_path, monkeypatch):
    import sys

    monkeypatch.delitem(sys.modules, "kg.cluster", raising=False)
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails as if not installed
    result = runner.invoke(cli, ["ingest", str(ARTICLES), "--kb", str(tmp_path / "kb"), "--executor", "dask"])
    assert result.exit_code == 1
    assert ("Error: --executor dask needs dask and distributed (distributed is not installed); "
            "run `pip install 'unikg[dask]'`") in result.output


def test_cluster_model_missing_on_the_workers_is_a_clear_error(cluster, client, tmp_path):
    with pytest.raises(KgError, match="^on the Dask workers: cannot load spaCy model 'no_such_model'"):
        ingest([ARTICLES], tmp_path / "kb", executor="dask", scheduler=cluster.scheduler_address,
               model="no_such_model", export=False)
    report = ingest([ARTICLES], tmp_path / "kb", executor="dask", scheduler=cluster.scheduler_address, export=False)
    assert report.ingested == 3  # the workers are fine afterwards; tests/data/articles holds 3 articles


def test_cluster_workers_of_another_unikg_version_are_refused(cluster, client, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.cluster.version", lambda name: "0.0.0")  # in this process only: workers report theirs
    with pytest.raises(KgError, match=r"has unikg .*, this process 0\.0\.0; install the same unikg on every worker"):
        ingest([ARTICLES], tmp_path / "kb", executor="dask", scheduler=cluster.scheduler_address, export=False)


def test_cluster_keeps_a_bounded_number_of_partitions_in_flight(cluster, client, tmp_path, monkeypatch):
    import kg.cluster

    most = []

    class Counting(distributed.as_completed):
        def add(self, future):
            super().add(future)
            most.append(self.count())  # futures submitted and not yet handed back

    monkeypatch.setattr(kg.cluster, "as_completed", Counting)
    report = ingest([SAMPLE], tmp_path / "kb", executor="dask", scheduler=cluster.scheduler_address,
                    partition_size=1, export=False)
    assert report.ingested == SAMPLE_ARTICLES
    assert len(most) == SAMPLE_ARTICLES  # one partition per article
    assert max(most) <= kg.cluster.IN_FLIGHT * 2  # two partitions per thread of the 2 workers


def test_cluster_workers_open_file_urls_and_match_a_local_ingest(cluster, client, tmp_path, monkeypatch):
    """The writer sends URLs (not bytes) and the workers open them; a file:// URL is its local file,
    so the KB is the one a local ingest of the folder builds."""
    import kg.cluster

    local_kb = tmp_path / "local"
    assert ingest([ARTICLES], local_kb, export=False).ingested == 3  # tests/data/articles holds 3 articles
    sent = []
    partitions = kg.cluster._partitions
    monkeypatch.setattr(kg.cluster, "_partitions", lambda sources, size: (
        sent.extend(batch) or batch for batch in partitions(sources, size)))
    report = ingest([ARTICLES.as_uri() + "/"], tmp_path / "kb", executor="dask", scheduler=cluster.scheduler_address,
                    partition_size=1, export=False)
    assert (report.ingested, report.skipped, report.failed) == (3, 0, [])
    assert [(source.path, source.url) for source in sent] == [
        (None, (ARTICLES / name).as_uri()) for name in ("bwu-joins-nla.txt", "nla-forum.html", "zit-ranking.md")]
    assert_same_graphs(named_graphs(local_kb), tmp_path / "kb")
    again = ingest([ARTICLES.as_uri()], tmp_path / "kb", executor="dask", scheduler=cluster.scheduler_address,
                   export=False)
    assert (again.ingested, again.skipped) == (0, 3)  # skipped by content hash, before any work is sent
