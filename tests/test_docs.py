"""Documentation stays true: the README's CLI reference, help texts, docstrings."""

import subprocess
import sys
from pathlib import Path

import click
import pytest

from kg.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def test_docs_readme_cli_reference_is_up_to_date():
    result = subprocess.run([sys.executable, "-m", "cogapp", "--check", str(ROOT / "README.md")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, f"README CLI reference is stale; run `cog -r README.md`\n{result.stdout}{result.stderr}"


def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("path,command", list(_commands(cli)), ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_docs_every_command_has_help_and_is_in_readme(path, command):
    assert command.help and command.help.strip(), f"kg {' '.join(path)} has no help text"
    readme = (ROOT / "README.md").read_text()
    assert f"Usage: kg {' '.join(path)} " in readme, f"kg {' '.join(path)} is missing from the README CLI reference"


def test_docs_readme_opens_with_the_two_commands():
    lines = (ROOT / "README.md").read_text().splitlines()
    block = lines[lines.index("```bash") + 1:lines.index("```bash") + 3]
    assert "kg ingest data/articles" in block[0]
    assert "pytest" in block[1]
    test_command = block[1].rsplit("&& ", 1)[-1].strip()
    assert test_command in (ROOT / ".ci" / "run").read_text(), f".ci/run must run the README's test command {test_command!r}"
