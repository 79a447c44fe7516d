"""Scaling of extraction with the length of one article, in one run.

Times ``kg.pipeline.extract_text`` on one synthetic article of N paragraphs and of 2N, 4N
paragraphs, and prints each time as a ratio to the N-paragraph time: linear processing gives
about 2 and 4 (issue: a 96 k-character text once took 8 s and a 984 k one over 15 minutes,
because sentence marks and per-sentence entity look-ups rescanned the whole document).

Usage::

    python bench/long_text.py [-n 200] [--model NAME]
"""

from __future__ import annotations

import argparse

import common  # noqa: F401  (puts the project root on sys.path)
from common import machine, print_table, timed

from kg.pipeline import extract_text

PARAGRAPH = ("Tsinghua University joined the Asian Universities Alliance in 2017. It is a member of the "
             "C9 League and ranked 14th in the QS World University Rankings.\n\n")


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=200, help="paragraphs of the shortest article")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    print(f"# long-text scaling -- {machine()}")
    extract_text("Warm-up\n\nTsinghua University.", model=args.model)  # model and gazetteer loaded outside timing
    rows, base = [], None
    for factor in (1, 2, 4):
        text = "Headline\n\n" + PARAGRAPH * (args.n * factor)
        seconds, _ = timed(lambda: extract_text(text, model=args.model))
        base = base or seconds
        rows.append([f"{args.n * factor} paragraphs ({len(text):,} chars)", seconds, seconds / base])
    print_table(["article", "seconds", "ratio to shortest"], rows)
    print("\nlinear processing: ratios near 2 and 4")


if __name__ == "__main__":
    main()
