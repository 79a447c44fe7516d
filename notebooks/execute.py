"""Execute the notebooks in place against the sample data, so that a code host shows their figures.

    .venv/bin/python notebooks/execute.py                       # every notebook of this folder
    .venv/bin/python notebooks/execute.py notebooks/02_*.ipynb  # some of them

Each notebook runs in a fresh kernel of this interpreter, from this folder, without ``UNIKG_KB``
(so each builds its own KB of ``data/articles`` in a temporary folder) and with the inline
matplotlib backend. Cell timings are dropped; the outputs are kept, with figures reduced to 256
colours (a quarter of the bytes). Needs the ``test`` extra (nbclient, nbformat, ipykernel,
matplotlib). tests/test_notebooks.py checks the saved outputs.
"""

from __future__ import annotations

import base64
import io
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CELL_TIMEOUT = 300  # seconds


def execute(path: Path) -> int:
    """Run one notebook top to bottom and save it with its outputs; returns its size in bytes."""
    import nbclient
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                output.data["image/png"] = _small_png(output.data["image/png"])
    nbformat.write(notebook, path)
    return path.stat().st_size


def _small_png(data: str) -> str:
    """A base64 PNG figure in 256 colours: plots lose nothing visible, the file shrinks 3-5 times."""
    from PIL import Image

    image = Image.open(io.BytesIO(base64.b64decode(data)))
    buffer = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(buffer, "PNG", optimize=True)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def main(paths: list[str]) -> None:
    from ipykernel.kernelspec import write_kernel_spec

    os.environ.pop("UNIKG_KB", None)
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    with tempfile.TemporaryDirectory() as tmp:
        write_kernel_spec(Path(tmp) / "kernels" / "python3")  # this interpreter, before any user kernel
        os.environ["JUPYTER_PATH"] = tmp
        for path in [Path(p).resolve() for p in paths] or sorted(HERE.glob("[0-9][0-9]_*.ipynb")):
            print(f"{path.name}: {execute(path):,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
