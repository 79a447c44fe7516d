"""Export files written atomically and element by element.

A file is bytes and *sections*: runs of elements (a graph's text, an entity, a fact) sorted by
key. :func:`write_sections` writes a new file from the previous one: runs of unchanged elements
are copied from it (in the kernel, ``copy_file_range``), changed ones written from memory, and it
returns where each element now sits, for the next refresh. Every file is written to a temporary
name beside it, locked while written, and renamed over the old one (:func:`atomic_file`), so
readers and crashes see the old file or the new one; a later write removes what killed writers
left (:func:`remove_stale_temp_files`).
"""

from __future__ import annotations

import array
import base64
import bisect
import glob
import itertools
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_file", "remove_stale_temp_files", "write_sections", "read_elements", "section_index",
           "file_stat", "file_unchanged"]

_STALE_AFTER = 3600  # seconds; where files cannot be locked, an older temporary file is a dead export's


try:
    import fcntl
except ImportError:  # no advisory locks (Windows): temporary files are judged by age instead
    fcntl = None


def _is_stale(candidate: Path) -> bool:
    """Whether a temporary export file was left by a dead writer (a live one holds a lock on it)."""
    if fcntl is None:
        return time.time() - candidate.stat().st_mtime > _STALE_AFTER
    with open(candidate, "rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def remove_stale_temp_files(path: Path) -> None:
    """Remove what killed exports of ``path`` left behind (``.NAME.*.tmp`` beside it).

    A temporary file that its writer still holds locked is kept.

    >>> import tempfile; folder = Path(tempfile.mkdtemp()); _ = (folder / ".g.json.x.tmp").write_text("half")
    >>> remove_stale_temp_files(folder / "g.json"); list(folder.iterdir())
    []
    """
    for candidate in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if _is_stale(candidate):
                candidate.unlink()
        except FileNotFoundError:  # its writer finished meanwhile
            continue


@contextmanager
def atomic_file(path: Path):
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    The temporary file is locked while it is written, so a later export can tell a killed
    writer's leftover (removed) from a running writer's file (kept). It is synced to disk
    before the rename; when the block raises, it is removed and ``path`` is left as it was.

    Args:
        path: the file to replace.
    Yields:
        The temporary file's path, to write.

    >>> import tempfile; target = Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_file(target) as tmp:
    ...     _ = tmp.write_text("all or nothing")
    >>> target.read_text()
    'all or nothing'
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        else:
            os.close(fd)
        yield Path(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if fcntl is not None:
            os.close(fd)
        if os.path.exists(tmp):
            os.unlink(tmp)


def file_stat(path: Path) -> list[int]:
    """``[size, modification time in ns]`` of ``path``: what tells a file from a later rewrite of it."""
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


def file_unchanged(path: Path, recorded: dict | None) -> bool:
    """Whether ``path`` is still the file the state records (same size and modification time)."""
    try:
        return recorded is not None and recorded.get("stat") == file_stat(path)
    except OSError:
        return False


# -- files written element by element, unchanged runs copied from the previous file --------------

def _copy_range(source: int, target: int, offset: int, count: int) -> None:
    """Append ``count`` bytes of file ``source`` from ``offset`` to file ``target`` (in the kernel where it can)."""
    while count > 0:
        try:
            done = os.copy_file_range(source, target, count, offset)
        except (AttributeError, OSError):  # no copy_file_range here (or across these file systems)
            data = os.pread(source, min(count, 1 << 24), offset)
            done = os.write(target, data)
        if done <= 0:
            raise OSError(f"short copy from the previous export at byte {offset}")
        offset, count = offset + done, count - done


class _Output:
    """A file written through a buffer, with byte ranges of another file copied in between."""

    def __init__(self, fd: int, source: int | None):
        self.fd, self.source, self.size, self.buffer = fd, source, 0, []

    def write(self, data: bytes) -> None:
        self.buffer.append(data)
        self.size += len(data)
        if len(self.buffer) > 4096:
            self.flush()

    def copy(self, offset: int, count: int) -> None:
        self.flush()
        _copy_range(self.source, self.fd, offset, count)
        self.size += count

    def flush(self) -> None:
        data = memoryview(b"".join(self.buffer))
        self.buffer = []
        while data:
            data = data[os.write(self.fd, data):]


def section_index(section: dict | None) -> tuple[list[str], list[int], list[int]]:
    """A section as :func:`write_sections` records it, decoded: element keys (sorted), lengths, offsets.

    >>> import tempfile; path = Path(tempfile.mkdtemp()) / "list.txt"
    >>> record = write_sections(path, [b"[", ("items", b", "), b"]"], None, {"items": {"a": b"1", "b": b"22"}})
    >>> section_index(record["sections"]["items"])
    (['a', 'b'], [1, 2], [1, 4])
    """
    if not section or not section["count"]:
        return [], [], []
    if "_decoded" not in section:  # decoded once per run (the old state is not written again)
        lengths = list(array.array("I", base64.b64decode(section["lengths"])))
        starts = list(itertools.accumulate((n + section["sep"] for n in lengths[:-1]), initial=section["start"]))
        section["_decoded"] = section["keys"].split("\n"), lengths, starts
    return section["_decoded"]


def _write_section(out: _Output, old: dict | None, sep: bytes, changes: dict[str, bytes | None]) -> dict:
    """Write one section: old elements copied in runs, changed ones (``None``: removed) from ``changes``."""
    old_keys, old_lengths, starts = section_index(old)
    keys, lengths, start, position = [], [], out.size, 0

    def element(key: str, length: int) -> None:
        if keys:
            out.write(sep)
        keys.append(key)
        lengths.append(length)

    def run(first: int, end: int) -> None:  # old elements [first, end), with the separators between them
        if first < end:
            if keys:
                out.write(sep)
            out.copy(starts[first], starts[end - 1] + old_lengths[end - 1] - starts[first])
            keys.extend(old_keys[first:end])
            lengths.extend(old_lengths[first:end])

    for key in sorted(changes):
        found = bisect.bisect_left(old_keys, key, position)
        run(position, found)
        position = found + (found < len(old_keys) and old_keys[found] == key)
        data = changes[key]
        if data is not None:
            element(key, len(data))
            out.write(data)
    run(position, len(old_keys))
    return {"start": start, "sep": len(sep), "count": len(keys), "keys": "\n".join(keys),
            "lengths": base64.b64encode(array.array("I", lengths).tobytes()).decode()}


def write_sections(path: Path, parts: list, previous: dict | None, changes: dict[str, dict]) -> dict:
    """Replace ``path`` (atomically) by ``parts`` in turn: bytes as they are, and sections.

    A section's elements are the previous file's with ``changes[section]`` applied, in key order,
    separated by its separator; unchanged runs are copied from the previous file.

    Args:
        path: the file to write; its current content is the previous file ``previous`` describes.
        parts: bytes, or ``(section name, separator)``.
        previous: what the last call returned for ``path`` (None: no previous file to copy from).
        changes: by section, element key -> its new bytes, or None to remove it; without a
            previous file, every element.
    Returns:
        The record of the new file (its stat and where each element is) for the next call.

    >>> import tempfile; path = Path(tempfile.mkdtemp()) / "list.txt"
    >>> first = write_sections(path, [b"[", ("items", b", "), b"]"], None, {"items": {"b": b"2", "a": b"1"}})
    >>> path.read_bytes()
    b'[1, 2]'
    >>> _ = write_sections(path, [b"[", ("items", b", "), b"]"], first, {"items": {"c": b"3", "a": None}})
    >>> path.read_bytes()
    b'[2, 3]'
    """
    sections = (previous or {}).get("sections", {})
    with atomic_file(path) as tmp, (open(path, "rb") if sections else open(os.devnull, "rb")) as source:
        fd = os.open(tmp, os.O_WRONLY | os.O_TRUNC)
        try:
            out = _Output(fd, source.fileno())
            new_sections = {}
            for part in parts:
                if isinstance(part, bytes):
                    out.write(part)
                else:
                    name, sep = part
                    new_sections[name] = _write_section(out, sections.get(name), sep, changes.get(name, {}))
            out.flush()
        finally:
            os.close(fd)
    return {"stat": file_stat(path), "sections": new_sections}


def read_elements(path: Path, previous: dict, section: str, wanted) -> dict[str, bytes]:
    """The bytes of the elements ``wanted`` (keys) of ``section`` in ``path``, as ``previous``
    (what :func:`write_sections` returned for it) records them; keys it does not hold are left out.

    >>> import tempfile; path = Path(tempfile.mkdtemp()) / "list.txt"
    >>> record = write_sections(path, [("items", b"; ")], None, {"items": {"a": b"one", "b": b"two"}})
    >>> read_elements(path, record, "items", ["b", "z"])
    {'b': b'two'}
    """
    keys, lengths, starts = section_index(previous["sections"].get(section))
    found = {}
    with open(path, "rb") as handle:
        for key in wanted:
            index = bisect.bisect_left(keys, key)
            if index < len(keys) and keys[index] == key:
                handle.seek(starts[index])
                found[key] = handle.read(lengths[index])
    return found
