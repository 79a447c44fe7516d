"""Helpers shared by the benchmark scripts: machine facts, peak RSS, timing, tables."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def machine() -> str:
    """One line: date, CPU model, cores, RAM, Python."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
    except (OSError, StopIteration, ValueError):
        mem_kb = 0
    return (f"{time.strftime('%Y-%m-%d %H:%M')} | {cpu} | nproc={os.cpu_count()} | RAM={mem_kb / 2**20:.1f} GiB | "
            f"Python {platform.python_version()}")


def proc_status_mb(field: str = "VmHWM") -> float:
    """A memory field of /proc/self/status in MB (VmHWM = peak RSS, VmRSS = current RSS)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(func: Callable[[], object]) -> tuple[float, object]:
    """(seconds, result) of one call."""
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def median_time(func: Callable[[], object], repeat: int) -> float:
    """Median seconds over ``repeat`` calls."""
    return statistics.median(timed(func)[0] for _ in range(repeat))


def run_child(args: list[str], timeout: float | None = None) -> dict:
    """Run ``python SCRIPT args`` in a child process; parse the JSON object on its last stdout line."""
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"child {args} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_table(headers: list[str], rows: list[list[object]]) -> None:
    """Print a Markdown table (easy to paste into bench/README.md)."""
    cells = [[f"{v:.3g}" if isinstance(v, float) else str(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in cells:
        print("| " + " | ".join(v.ljust(w) for v, w in zip(row, widths)) + " |")


def verdict(ok: bool) -> str:
    """'meets target' or 'MISSES target'."""
    return "meets target" if ok else "MISSES target"
