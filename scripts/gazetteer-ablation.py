"""Score extraction as if the built-in gazetteer did not know some kinds of organisation.

A proxy for articles about organisations we never curated: the dev articles' universities are
mostly in ``data/gazetteer``, so ``kg eval`` there says little about a university it has never
seen. This script copies the built-in gazetteer without the entries of the kinds it drops (and
without the member, founder and participant lists that name them), then runs ``kg eval`` on it.

    python scripts/gazetteer-ablation.py ../shared/corpus/dev                      # drop universities and institutes
    python scripts/gazetteer-ablation.py ../shared/corpus/dev --drop Alliance -- --extractor rules

Prints the ``kg eval`` tables.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: entry keys that name other entries, dropped with them (the loader checks that every named entry exists)
NAMING_KEYS = ("members", "former_members", "founders", "founding_members", "observers", "participants")


def ablated(source: Path, target: Path, kinds: set[str]) -> tuple[int, int]:
    """Write ``source``'s TOML files to ``target`` without entries of ``kinds``; (dropped, kept)."""
    dropped = kept = 0
    for path in sorted(source.glob("*.toml")):
        blocks = re.split(r"(?m)^(?=\[\[entity\]\])", path.read_text(encoding="utf-8"))
        out = []
        for block in blocks:
            kind = re.search(r'(?m)^type\s*=\s*"([^"]+)"', block)
            if block.startswith("[[entity]]") and kind and kind.group(1) in kinds:
                dropped += 1
                continue
            kept += block.startswith("[[entity]]")
            out.append(re.sub(rf"(?ms)^(?:{'|'.join(NAMING_KEYS)})\s*=\s*\[.*?\]\s*$", "", block))
        (target / path.name).write_text("".join(out), encoding="utf-8")
    return dropped, kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", help="folder of articles with gold files, as for kg eval")
    parser.add_argument("--drop", nargs="+", default=["University", "ResearchInstitute"], help="entry types to leave out")
    parser.add_argument("eval_args", nargs="*", help="more kg eval options, after --")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="unikg-ablation-") as folder:
        dropped, kept = ablated(ROOT / "data" / "gazetteer", Path(folder), set(args.drop))
        print(f"gazetteer without {', '.join(args.drop)}: {dropped} entries dropped, {kept} kept", flush=True)
        kg = [sys.executable, "-m", "kg.cli"]
        return subprocess.call([*kg, "eval", args.gold_dir, *args.eval_args], env={**os.environ, "KG_GAZETTEER": folder})


if __name__ == "__main__":
    sys.exit(main())
