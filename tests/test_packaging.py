"""Packaging: what a plain (not editable) install carries (pyproject.toml, kg/data/).

The query library (``ontologies/queries``), the built-in gazetteer (``data/gazetteer``) and the
ontology are package data, reached through ``importlib.resources``. The test builds the package
with setuptools' ``build_py`` (offline, no wheel tooling needed) and runs the CLI from the build
alone; ``.ci/run`` goes further and installs the real wheel into a fresh virtualenv.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted(p.name for p in (ROOT / "ontologies" / "queries").glob("*.rq"))
GAZETTEER = sorted(p.name for p in (ROOT / "data" / "gazetteer").glob("*.toml"))


def test_packaging_data_reached_through_importlib_resources():
    from kg.gazetteer import builtin_dir
    from kg.queries import library_dir

    data = resources.files("kg").joinpath("data")
    assert sorted(p.name for p in data.joinpath("queries").iterdir() if p.name.endswith(".rq")) == QUERIES
    assert sorted(p.name for p in data.joinpath("gazetteer").iterdir() if p.name.endswith(".toml")) == GAZETTEER
    assert data.joinpath("unikg.ttl").read_bytes() == (ROOT / "ontologies" / "unikg.ttl").read_bytes()
    assert library_dir() == Path(str(data.joinpath("queries")))
    assert builtin_dir() == Path(str(data.joinpath("gazetteer")))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The package as setuptools builds it for a wheel (``build_py``), outside the checkout."""
    out = tmp_path_factory.mktemp("build")
    subprocess.run([sys.executable, "-W", "ignore", "-c", "from setuptools import setup; setup()", "-q",
                    "egg_info", "--egg-base", str(out), "build_py", "--build-lib", str(out / "lib")],
                   cwd=ROOT, check=True, capture_output=True)
    return out / "lib"


def test_packaging_build_carries_queries_gazetteer_and_ontology(built):
    data = built / "kg" / "data"
    assert sorted(p.name for p in (data / "queries").glob("*.rq")) == QUERIES
    assert sorted(p.name for p in (data / "gazetteer").glob("*.toml")) == GAZETTEER
    assert (data / "unikg.ttl").is_file()
    assert not any(p.is_symlink() for p in data.rglob("*"))  # copies, not the checkout's links


@pytest.mark.parametrize("args, expected", [
    (["query", "--list"], "members-of"),
    (["gazetteer", "stats"], "with Wikidata / ROR IDs"),
])
def test_packaging_cli_works_from_the_build_alone(built, tmp_path, args, expected):
    env = {**os.environ, "PYTHONPATH": str(built)}
    env.pop("KG_GAZETTEER", None)
    code = "import sys, kg; assert kg.__file__.startswith(sys.argv[1]), kg.__file__; from kg.cli import cli; cli(sys.argv[2:])"
    result = subprocess.run([sys.executable, "-c", code, str(built), *args], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
