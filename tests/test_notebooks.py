"""The notebooks in ``notebooks/``: committed with their outputs, and each runs top to bottom.

The outputs are committed so that a code host shows the figures (issue 11, item 13); they are
made by ``python notebooks/execute.py`` against the sample data. The fast tests read the
notebook JSON only: outputs from one top-to-bottom run, figures, no errors, small, no local
paths. The slow tests execute every notebook in a fresh ``python3`` kernel of the interpreter
running pytest (the project's venv), with the notebooks folder as working directory, as CI
does; each notebook then builds its own KB from ``data/articles`` with the pretrained spaCy
model, hence ``slow``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
CELL_TIMEOUT = 300  # seconds per cell; a whole notebook takes 10-20 s on 2 cores


def _code_cells(path: Path) -> list[dict]:
    return [cell for cell in json.loads(path.read_text(encoding="utf-8"))["cells"] if cell["cell_type"] == "code"]


@pytest.fixture
def venv_kernel(tmp_path, monkeypatch) -> str:
    """A ``python3`` kernelspec for ``sys.executable``, found before any user-installed one."""
    kernelspec = pytest.importorskip("ipykernel.kernelspec")
    kernelspec.write_kernel_spec(tmp_path / "kernels" / "python3")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.delenv("UNIKG_KB", raising=False)
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    return "python3"


def _execute(path: Path, kernel: str):
    """Run a notebook in a fresh kernel, cwd = its folder; raises CellExecutionError on the first error."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    client = nbclient.NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name=kernel,
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return notebook


def test_notebooks_exist_and_are_numbered():
    # the three notebooks of this folder: 01 build, 02 SPARQL, 03 NetworkX
    assert len(NOTEBOOKS) >= 3
    for path in NOTEBOOKS:
        assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name), f"{path.name}: name it NN_what.ipynb"


MAX_NOTEBOOK_BYTES = 400_000  # the three notebooks with outputs: 74 kB, 289 kB, 233 kB (figures in 256 colours)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_committed_with_outputs_of_one_run(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    cells = _code_cells(path)
    counts = [cell["execution_count"] for cell in cells]
    assert counts == list(range(1, len(cells) + 1)), f"{path.name}: run it top to bottom with notebooks/execute.py"
    outputs = [output for cell in cells for output in cell["outputs"]]
    assert [o for o in outputs if "image/png" in o.get("data", {})], f"{path.name} shows no figure"
    assert not [o for o in outputs if o["output_type"] == "error"], f"{path.name} has an error output"
    assert not [c for c in cells if "execution" in c.get("metadata", {})], f"{path.name} has cell timings"
    assert path.stat().st_size <= MAX_NOTEBOOK_BYTES, f"{path.name}: outputs too large"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_outputs_hold_no_local_paths(path):
    text = json.dumps([cell["outputs"] for cell in _code_cells(path)])
    for local in (str(ROOT), "/tmp/", "/home/", "/root/", "/Users/"):
        assert local not in text, f"{path.name}: an output shows {local!r}; print paths relative to the checkout"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_read_the_kb_from_unikg_kb(path):
    assert any('os.environ.get("UNIKG_KB")' in "".join(cell["source"]) for cell in _code_cells(path))


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_run_top_to_bottom(path, venv_kernel):
    notebook = _execute(path, venv_kernel)
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert images, f"{path.name} drew no plot"


@pytest.mark.slow
def test_notebooks_share_a_kb_through_unikg_kb(tmp_path, venv_kernel, monkeypatch):
    kb_dir = tmp_path / "kb"
    monkeypatch.setenv("UNIKG_KB", str(kb_dir))
    _execute(NOTEBOOK_DIR / "01_build_and_inspect.ipynb", venv_kernel)
    assert (kb_dir / "kb.json").is_file()
    notebook = _execute(NOTEBOOK_DIR / "02_sparql_to_pandas.ipynb", venv_kernel)
    printed = "".join(o.get("text", "") for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs)
    assert str(kb_dir) in printed and "ingested" not in printed  # read the KB of notebook 01, built nothing


def test_notebooks_kernel_is_this_interpreter(venv_kernel):
    kernelspec = pytest.importorskip("jupyter_client.kernelspec")
    assert kernelspec.KernelSpecManager().get_kernel_spec(venv_kernel).argv[0] == sys.executable
