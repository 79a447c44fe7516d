"""The extraction lexicons, read once from ``lexicon.toml`` beside this module.

One copy of each word list: rules import them from here, never define their own.

>>> "members" in LEXICON.context["Alliance"].after
True
>>> "withdraw" in LEXICON.words["leave"], LEXICON.ordered["head_titles"][0]
(True, 'vice-chancellor')

The places universities are in and the words of universities' names come from ``places.toml``
(derived from ROR by ``scripts/ror-places.py``), read when first asked for:

>>> "Tamil Nadu" in places().names, "Technology" in places().name_words
(True, True)
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

__all__ = ["LEXICON", "ContextCues", "Lexicon", "Places", "places"]


@dataclass(frozen=True, slots=True)
class ContextCues:
    """Words around a name that say what kind of organisation it is."""

    after: frozenset[str]
    apposition: frozenset[str]
    before: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    context: dict[str, ContextCues]
    short_name_context: frozenset[str]
    short_name_not_before: frozenset[str]
    triggers: dict[str, frozenset[str]]
    generic_modifiers: frozenset[str]
    #: the rules' word lists (``[words]``): ``words`` for membership tests, ``ordered`` where order matters
    words: dict[str, frozenset[str]]
    ordered: dict[str, tuple[str, ...]]
    #: a status's words (lower case) -> the programmes (gazetteer keys) that give it (``[programme_statuses]``)
    statuses: dict[tuple[str, ...], tuple[str, ...]]


def _load() -> Lexicon:
    data = tomllib.loads(resources.files(__package__).joinpath("lexicon.toml").read_text(encoding="utf-8"))
    context = {kind: ContextCues(frozenset(cues["after"]), frozenset(cues["apposition"]), tuple(cues["before"]))
               for kind, cues in data["context"].items()}
    short = data["short_names"]
    triggers = {name: frozenset(words) for name, words in data["triggers"].items()}
    return Lexicon(context, frozenset(short["context"]), frozenset(short["not_before"]), triggers,
                   frozenset(data["generic_names"]["modifiers"]),
                   {name: frozenset(words) for name, words in data["words"].items()},
                   {name: tuple(words) for name, words in data["words"].items()},
                   {tuple(status.split()): tuple(keys) for status, keys in data["programme_statuses"].items()})


LEXICON = _load()


@dataclass(frozen=True, slots=True)
class Places:
    """Cities and regions that universities are in, and the words that recur in universities' names
    ("Technology", "Agriculture": no place, no person)."""

    names: frozenset[str]
    name_words: frozenset[str]


@functools.cache
def places() -> Places:
    """The place names and name words of ``places.toml`` (read once, when first needed)."""
    data = tomllib.loads(resources.files(__package__).joinpath("places.toml").read_text(encoding="utf-8"))
    return Places(frozenset(data["places"]), frozenset(data["name_words"]))
