"""Background knowledge: universities, alliances, programs, rankings and countries.

The built-in gazetteer is a folder of TOML files (``data/gazetteer/*.toml``) that we curate
by hand; each file is a list of ``[[entity]]`` tables (see ``data/gazetteer/README.md``).
Entries with the same canonical name (or the same Wikidata QID) are merged, so several
files may describe one organisation. Loading validates every record and names the file
and entry of any problem.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import marshal
import os
import sys
import tempfile
import re
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from .errors import ConfigError
from .namespaces import slugify

__all__ = [
    "generic_word",
    "same_distinctive_words",
    "ENTRY_TYPES",
    "GazEntry",
    "Gazetteer",
    "ROLE_FIELDS",
    "builtin_dir",
    "cached_gazetteer",
    "gazetteer_files",
    "read_cache_file",
    "read_gazetteer_cache",
    "write_cache_file",
    "write_gazetteer_cache",
    "load_gazetteer",
    "read_toml_entries",
    "normalize_name",
]

ENTRY_TYPES = frozenset(
    {"University", "ResearchInstitute", "Alliance", "Ranking", "Program", "Organization", "Country"}
)
#: member-list fields of a group and the membership role each one states
ROLE_FIELDS = {
    "members": "member",
    "founding_members": "founding",
    "observers": "observer",
    "associate_members": "associate",
    "former_members": "former",
}
_LIST_FIELDS = ("acronyms", "aliases", "domains", "demonyms", "founders", "participants", *ROLE_FIELDS)
_TEXT_FIELDS = ("name", "type", "country", "code", "city", "founded", "wikidata", "ror", "notes", "status")
_ALLOWED = frozenset(_LIST_FIELDS + _TEXT_FIELDS + ("labels",))
#: Hong Kong and Macau are reported as China, as our annotators (and most articles) do.
_COUNTRY_FOLD = {"HK": "CN", "MO": "CN"}


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One organisation, program, ranking or country of the gazetteer."""

    key: str
    name: str
    kind: str
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    labels: tuple[tuple[str, str], ...] = ()  # (language, name)
    country: str | None = None
    city: str | None = None
    founded: str | None = None
    wikidata: tuple[str, ...] = ()
    ror: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    active: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        """Every English name: canonical, aliases and acronyms."""
        return (self.name, *self.aliases, *self.acronyms)


@dataclass(frozen=True, slots=True)
class GroupLink:
    """A gazetteer fact between two entries: membership, participation or founding."""

    subject: str  # key
    predicate: str  # memberOf | participatesIn | founder
    object: str  # key
    role: str | None = None
    source: str = ""
    since: str | None = None


@dataclass
class Gazetteer:
    """Entries plus their links, with the indexes the linker needs."""

    entries: dict[str, GazEntry] = field(default_factory=dict)
    links: list[GroupLink] = field(default_factory=list)
    #: normalised names that must not link to these keys (a researcher's `kg entities split`)
    blocked: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        self._country_codes = {}
        self._fuzzy_memo: dict = {}  # answers of fuzzy(), valid until the entries change
        self._fingerprint: str | None = None
        self.__dict__.pop("_fuzzy_names", None)
        self._cities: frozenset[str] | None = None
        self.by_name: dict[str, set[str]] = defaultdict(set)
        self.by_acronym: dict[str, set[str]] = defaultdict(set)
        self.by_domain: dict[str, str] = {}
        self.by_wikidata: dict[str, str] = {}
        self.by_demonym: dict[str, str] = {}
        for entry in self.entries.values():
            for name in (entry.name, *entry.aliases, *(v for _, v in entry.labels)):
                self.by_name[normalize_name(name)].add(entry.key)
            for acronym in entry.acronyms:
                self.by_acronym[acronym].add(entry.key)
            for domain in entry.domains:
                self.by_domain.setdefault(domain.lower().removeprefix("www."), entry.key)
            for qid in entry.wikidata:
                self.by_wikidata.setdefault(qid, entry.key)
            for demonym in entry.demonyms:
                self.by_demonym.setdefault(demonym, entry.key)
        self._index_unqualified()

    def _index_unqualified(self) -> None:
        """Index a name written with a qualifier in brackets ("University of Newcastle (Australia)",
        "Lingnan University (Hong Kong)") under its bare name too, where no other entry is named so:
        the text names it bare, the bracket only tells it apart in lists. Two entries with one bare
        name ("China University of Geosciences (Beijing)" and "(Wuhan)") keep only their full names.
        (A public body's bare name is every country's: the resolver links "Ministry of Higher
        Education" to Malaysia's only in an article that names Malaysia.)

        >>> gaz = Gazetteer({"n": GazEntry("n", "University of Newcastle (Australia)", "University"),
        ...                  "b": GazEntry("b", "China University of Geosciences (Beijing)", "University"),
        ...                  "w": GazEntry("w", "China University of Geosciences (Wuhan)", "University")})
        >>> [e.key for e in gaz.lookup("the University of Newcastle")], gaz.lookup("China University of Geosciences")
        (['n'], [])
        """
        bare: dict[str, set[str]] = defaultdict(set)
        for entry in self.entries.values():
            name = unqualified_name(entry.name)
            if name:
                bare[normalize_name(name)].add(entry.key)
        for name, keys in bare.items():
            if len(keys) == 1 and name and name not in self.by_name:
                self.by_name[name] = set(keys)

    def __len__(self) -> int:
        return len(self.entries)

    def is_city(self, name: str) -> bool:
        """Whether an entry of the gazetteer is in a city of this name ("Berlin", "Utrecht")."""
        cities = self.__dict__.get("_cities")  # None until first asked (and in a gazetteer pickled before it existed)
        if cities is None:
            cities = self._cities = frozenset(e.city for e in self.entries.values() if e.city)
        return name in cities

    def fingerprint(self) -> str:
        """A digest of the entries, links and blocked names (computed once until the entries change).

        >>> Gazetteer({"y": GazEntry("y", "Yanshan University", "University")}).fingerprint()[:12]
        '85f30b2686ec'
        """
        if getattr(self, "_fingerprint", None) is None:
            digest = hashlib.sha256()
            for key in sorted(self.entries):
                digest.update(repr(self.entries[key]).encode())
            for link in self.links:
                digest.update(repr(link).encode())
            digest.update(repr(sorted((name, sorted(keys)) for name, keys in self.blocked.items())).encode())
            self._fingerprint = digest.hexdigest()
        return self._fingerprint

    def get(self, key: str) -> GazEntry | None:
        """Return the entry with this key, or None."""
        return self.entries.get(key)

    def lookup(self, name: str) -> list[GazEntry]:
        """Entries whose name, alias or acronym is ``name`` (normalised; acronyms exact).

        >>> gaz = Gazetteer({"yanshan-university": GazEntry("yanshan-university", "Yanshan University",
        ...                  "University", acronyms=("YSU",))})
        >>> [e.name for e in gaz.lookup("the Yanshan university")], [e.name for e in gaz.lookup("YSU")]
        (['Yanshan University'], ['Yanshan University'])
        """
        keys = self.by_acronym.get(name.strip(), set()) | self.by_name.get(normalize_name(name), set())
        keys -= self.blocked.get(normalize_name(name), set())
        return sorted((self.entries[k] for k in keys), key=lambda e: (not e.active, e.key))

    def by_host(self, host: str) -> GazEntry | None:
        """The entry whose web domain is ``host`` or a parent domain of it.

        >>> gaz = Gazetteer({"y": GazEntry("y", "Yanshan University", "University", domains=("ysu.edu.cn",))})
        >>> gaz.by_host("english.ysu.edu.cn").name
        'Yanshan University'
        """
        parts = host.lower().removeprefix("www.").split(".")
        for start in range(len(parts) - 1):
            key = self.by_domain.get(".".join(parts[start:]))
            if key:
                return self.entries[key]
        return None

    def country_code(self, word: str) -> str | None:
        """ISO code of a country named by its name, alias or demonym ("Russian" -> "RU")."""
        if not hasattr(self, "_country_codes"):
            self._country_codes: dict[str, str | None] = {}
        if word not in self._country_codes:
            self._country_codes[word] = self._country_code(word)
        return self._country_codes[word]

    def _country_code(self, word: str) -> str | None:
        key = self.by_demonym.get(word)
        candidates = [self.entries[key]] if key else [e for e in self.lookup(word) if e.kind == "Country"]
        return candidates[0].country if candidates else None

    def fuzzy(self, name: str, kinds: Iterable[str], countries: Iterable[str] = (), threshold: float = 90.0) -> GazEntry | None:
        """The entry a misspelt or reworded name most likely means, or None when unsure.

        A candidate must score at least ``threshold`` (rapidfuzz ratio of normalised names), have
        the same distinctive words (all but generic ones such as "university", "state"), an
        allowed type and, when ``countries`` are given, one of those countries. Two different
        candidates scoring alike leave the name unlinked.

        >>> gaz = Gazetteer({"t": GazEntry("t", "Tsinghua University", "University", country="CN")})
        >>> gaz.fuzzy("Tsinghau University", ["University"]).name
        'Tsinghua University'
        >>> gaz.fuzzy("Tsinghua Technical University", ["University"]) is None
        True
        """
        norm = normalize_name(name)
        if len(norm) < 8:
            return None
        memo = self._fuzzy_memo  # news repeats names: each is scored once
        args = (norm, frozenset(kinds), frozenset(countries), threshold)
        if args not in memo:
            if len(memo) > 50_000:
                memo.clear()
            memo[args] = self._fuzzy(norm, args[1], args[2], threshold)
        return memo[args]

    def _fuzzy(self, norm: str, kinds: frozenset[str], countries: frozenset[str], threshold: float) -> GazEntry | None:
        from rapidfuzz import fuzz, process

        names, keys = self._fuzzy_index()
        best: list[tuple[float, GazEntry]] = []
        for _, score, index in process.extract(norm, names, scorer=fuzz.ratio, score_cutoff=threshold, limit=8):
            entry = self.entries[keys[index]]
            if entry.key in self.blocked.get(norm, ()):
                continue
            if entry.kind in kinds and entry.active and (not countries or entry.country in countries) \
                    and same_distinctive_words(norm, names[index]):
                best.append((score, entry))
        if not best:
            return None
        best.sort(key=lambda item: -item[0])
        if len(best) > 1 and best[1][1].key != best[0][1].key and best[0][0] - best[1][0] < 3:
            return None  # ambiguous
        return best[0][1]

    def candidates(self, name: str, limit: int = 5) -> list[tuple[float, GazEntry]]:
        """The entries whose names most resemble ``name``, with their scores (for ``kg gazetteer lookup``)."""
        from rapidfuzz import fuzz, process

        names, keys = self._fuzzy_index()
        found: dict[str, float] = {}
        for _, score, index in process.extract(normalize_name(name), names, scorer=fuzz.ratio, limit=limit * 3):
            found[keys[index]] = max(score, found.get(keys[index], 0.0))
        ranked = sorted(found.items(), key=lambda item: -item[1])[:limit]
        return [(score, self.entries[key]) for key, score in ranked if score >= 60]

    def _fuzzy_index(self) -> tuple[list[str], list[str]]:
        if not hasattr(self, "_fuzzy_names"):
            pairs = sorted({(normalize_name(n), e.key) for e in self.entries.values() for n in (e.name, *e.aliases)})
            self._fuzzy_names = ([n for n, _ in pairs], [k for _, k in pairs])
        return self._fuzzy_names

    def links_of(self, key: str) -> Iterator[GroupLink]:
        """Links whose subject is ``key``."""
        return (link for link in self.links if link.subject == key)


_GENERIC_WORDS = frozenset(
    "university universities of the and for state national technical technological institute college academy "
    "school polytechnic federal research science sciences technology engineering higher education "
    "association alliance league network consortium group".split()
)
_LONG_GENERIC_WORDS = sorted(w for w in _GENERIC_WORDS if len(w) >= 7)


@functools.lru_cache(maxsize=4096)
def generic_word(word: str) -> bool:
    """A generic word of names, or a misspelling of a long one ("universty", "insitute").

    >>> generic_word("universty"), generic_word("university"), generic_word("tsinghua")
    (True, True, False)
    """
    from rapidfuzz import fuzz, process

    if word in _GENERIC_WORDS:
        return True
    return len(word) >= 7 and process.extractOne(word, _LONG_GENERIC_WORDS, scorer=fuzz.ratio, score_cutoff=85) is not None


def same_distinctive_words(first: str, second: str, similar: float = 80) -> bool:
    """True when two normalised names differ only in generic words or small misspellings (words
    of five letters or more, with the same first letter, at least ``similar`` alike by rapidfuzz
    ratio: a misspelling seldom hits a word's first letter, and "Balti" is no "Altai"; a word of
    fewer than eight letters takes one slip at most, a letter changed, added, dropped or two
    swapped: "Bamyan" is no "Bauman", "Chonnam" no "Chungnam").

    >>> same_distinctive_words("tsinghau university", "tsinghua university")
    True
    >>> same_distinctive_words("chonnam national university", "chungnam national university")
    False
    >>> same_distinctive_words("bamyan university", "bauman university")
    False
    >>> same_distinctive_words("balti state university", "altai state university")
    False
    """
    from rapidfuzz import fuzz
    from rapidfuzz.distance import OSA

    def misspelt(x: str, y: str) -> bool:
        if len(x) < 5 or x[0] != y[0] or fuzz.ratio(x, y) < similar:
            return False
        return min(len(x), len(y)) >= 8 or OSA.distance(x, y) <= 1

    a = [w for w in first.split() if not generic_word(w)]
    b = [w for w in second.split() if not generic_word(w)]
    if len(a) != len(b) or not a:
        return False
    return all(x == y or misspelt(x, y) for x, y in zip(sorted(a), sorted(b)))


#: letters that do not decompose to a Latin letter and an accent ("Mayıs" is "Mayis", "Łódź" is "Lodz")
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                          "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"})


@functools.lru_cache(maxsize=1 << 18)
def unqualified_name(name: str) -> str | None:
    """The name before a qualifier in brackets that ends it, or None.

    >>> unqualified_name("Ministry of Higher Education (Malaysia)"), unqualified_name("Lingnan University")
    ('Ministry of Higher Education', None)
    """
    found = re.fullmatch(r"(.*\S)\s+\([^()]+\)", name)
    return found.group(1) if found else None


def normalize_name(name: str) -> str:
    """Normalise a name for matching: case, accents, punctuation, "the", Saint/St.

    >>> normalize_name("the Peter the Great Saint-Petersburg Polytechnic University")
    'peter the great st petersburg polytechnic university'
    >>> normalize_name("Texas A&M University") == normalize_name("Texas A and M University")
    True
    >>> normalize_name("Ondokuz Mayıs Univ.") == normalize_name("Ondokuz Mayis University")
    True
    >>> normalize_name("Maldives Natl. Univ.") == normalize_name("Maldives National University")
    True
    """
    text = unicodedata.normalize("NFKD", name.translate(_LETTERS)).encode("ascii", "ignore").decode() or name
    text = text.lower().replace("&", " and ").replace("’", "'").replace("'s ", "s ")
    text = re.sub(r"[^\w]+", " ", text)
    text = re.sub(r"\bsaint\b", "st", text)
    text = re.sub(r"\buniv\b", "university", text)  # "Univ. of Aberdeen"
    text = re.sub(r"\bnatl\b", "national", text)  # "Maldives Natl. Univ."
    text = re.sub(r"\binst\b", "institute", text)  # "KTH Royal Inst. of Technology"
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def builtin_dir() -> Path:
    """The folder of the built-in gazetteer (``$KG_GAZETTEER`` overrides it).

    It is package data (``kg/data/gazetteer``, linked to ``data/gazetteer``), so a plain
    ``pip install`` has it.
    """
    override = os.environ.get("KG_GAZETTEER")
    return Path(override) if override else Path(str(resources.files("kg").joinpath("data", "gazetteer")))


def read_toml_entries(path: Path) -> Iterator[dict]:
    """Yield the ``[[entity]]`` tables of one gazetteer TOML file, validated.

    Raises:
        ConfigError: invalid TOML, unknown keys, bad types; the message names file and entry.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file") from exc
    for number, record in enumerate(data.get("entity", []), start=1):
        where = f"{path} entity #{number} ({record.get('name', 'no name')!r})"
        unknown = set(record) - _ALLOWED
        if unknown:
            raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(_ALLOWED))}")
        if not str(record.get("name", "")).strip():
            raise ConfigError(f"{where}: missing 'name'; every entry needs its canonical name")
        if record.get("type") not in ENTRY_TYPES:
            raise ConfigError(f"{where}: type {record.get('type')!r} is not one of {', '.join(sorted(ENTRY_TYPES))}")
        for list_field in _LIST_FIELDS:
            if not isinstance(record.get(list_field, []), list):
                raise ConfigError(f"{where}: {list_field!r} must be a list of strings")
        yield record


def entry_from_record(record: dict, source: str) -> GazEntry:
    """Build a :class:`GazEntry` from one validated TOML/JSON record."""
    kind = record["type"]
    name = record["name"].strip()
    code = (record.get("code") or record.get("country") or "").strip().upper() or None
    country = code if kind == "Country" else _COUNTRY_FOLD.get(code or "", code)
    labels = record.get("labels") or {}
    return GazEntry(
        key=code.lower() if kind == "Country" and code else slugify(name),
        name=name,
        kind=kind,
        acronyms=_unique(record.get("acronyms", [])),
        aliases=_unique(a for a in record.get("aliases", []) if a.strip() and a != name),
        labels=tuple(sorted((str(lang), str(value)) for lang, value in labels.items())),
        country=country,
        city=record.get("city") or None,
        founded=str(record["founded"]) if record.get("founded") else None,
        wikidata=_unique([record["wikidata"]] if isinstance(record.get("wikidata"), str) else record.get("wikidata") or []),
        ror=_unique([record["ror"]] if isinstance(record.get("ror"), str) else record.get("ror") or []),
        domains=_unique(d.lower().removeprefix("www.") for d in record.get("domains", [])),
        demonyms=_unique(record.get("demonyms", [])),
        sources=(source,),
        active=record.get("status", "active") == "active",
    )


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def merge_entries(old: GazEntry, new: GazEntry) -> GazEntry:
    """Union two records of one organisation; the older record keeps its name and type."""
    def union(a: tuple, b: tuple) -> tuple:
        return tuple(dict.fromkeys(a + b))

    aliases = union(old.aliases, tuple(n for n in (new.name, *new.aliases) if n != old.name))
    return replace(
        old,
        acronyms=union(old.acronyms, new.acronyms),
        aliases=aliases,
        labels=tuple(sorted(set(old.labels) | set(new.labels))),
        country=old.country or new.country,
        city=old.city or new.city,
        founded=old.founded or new.founded,
        wikidata=union(old.wikidata, new.wikidata),
        ror=union(old.ror, new.ror),
        domains=union(old.domains, new.domains),
        demonyms=union(old.demonyms, new.demonyms),
        sources=union(old.sources, new.sources),
        active=old.active or new.active,
    )


def build_gazetteer(records: Iterable[tuple[dict, str]]) -> Gazetteer:
    """Merge records (record, source name) into a :class:`Gazetteer`; resolve member lists.

    Raises:
        ConfigError: a member, founder or participant names no entry.
    """
    entries: dict[str, GazEntry] = {}
    ids: dict[str, str] = {}  # "ror:…", "wikidata:…", "name:<normalised>@<CC>" -> key
    pending: list[tuple[str, dict, str]] = []
    for record, source in records:
        entry = entry_from_record(record, source)
        key = _same_organisation(entry, entries, ids)
        if key is None:
            key = _free_key(entry, entries)
            entries[key] = replace(entry, key=key)
        else:
            entries[key] = merge_entries(entries[key], entry)
        ids.update((identity, key) for identity in _identities(entry) if identity not in ids)
        if any(source.endswith(".toml") for source in entry.sources):  # curated entries can be found by domain
            ids.update((f"domain:{d}", key) for d in entry.domains if f"domain:{d}" not in ids)
        pending.append((key, record, source))
    gazetteer = Gazetteer(entries)
    gazetteer.links = list(_links(gazetteer, pending))
    return gazetteer


def _identities(entry: GazEntry) -> list[str]:
    found = [f"ror:{r}" for r in entry.ror] + [f"wikidata:{q}" for q in entry.wikidata]
    if entry.country and entry.kind != "Country":
        found += [f"name:{normalize_name(n)}@{entry.country}" for n in (entry.name, *entry.aliases)]
    return found


def _same_organisation(entry: GazEntry, entries: dict[str, GazEntry], ids: dict[str, str]) -> str | None:
    """The key of an entry that is the same organisation: same ROR ID or QID, or same name
    with no country disagreement."""
    for identity in _identities(entry):
        if identity in ids:
            return ids[identity]
    for domain in entry.domains:  # "Indian Institute of Science Bangalore" (ROR) = our "Indian Institute of Science"
        key = ids.get(f"domain:{domain}")
        if key and _names_nest(entries[key], entry):
            return key
    existing = entries.get(entry.key)
    if existing is not None and (not existing.country or not entry.country or existing.country == entry.country):
        return entry.key
    return None


def _names_nest(curated: GazEntry, other: GazEntry) -> bool:
    """Same country and one canonical name inside the other: safe to join on a shared web domain."""
    a, b = normalize_name(curated.name), normalize_name(other.name)
    return curated.country == other.country and curated.kind == other.kind and (a in b or b in a)


def _free_key(entry: GazEntry, entries: dict[str, GazEntry]) -> str:
    """A key for a new organisation; a namesake in another country gets its country in the key."""
    if entry.key not in entries:
        return entry.key
    base = slugify(f"{entry.name} {entry.country or 'xx'}")
    key, number = base, 2
    while key in entries:
        key, number = f"{base}-{number}", number + 1
    return key


def _record_links(gazetteer: Gazetteer, key: str, record: dict, source: str) -> Iterator[GroupLink]:
    """Links an imported record states about itself (``members_of``, ``participates_in``)."""
    for item in record.get("members_of", []):
        alliance, role, since = (list(item) + [None, None])[:3]
        other = _find_reference(gazetteer, alliance, "Alliance")
        if other is not None:  # checked by `kg gazetteer import`; a later-removed alliance is skipped
            yield GroupLink(key, "memberOf", other, role or "member", source, str(since) if since else None)
    for program in record.get("participates_in", []):
        other = _find_reference(gazetteer, program, "Program")
        if other is not None:
            yield GroupLink(key, "participatesIn", other, None, source)


def _find_reference(gazetteer: Gazetteer, name: str, kind: str) -> str | None:
    found = [e for e in gazetteer.lookup(name) if e.kind == kind]
    return found[0].key if found else None


def unresolved_references(gazetteer: Gazetteer, records: Iterable[dict]) -> list[str]:
    """Messages for imported records whose ``members_of``/``participates_in`` name nothing known."""
    problems = []
    for number, record in enumerate(records, start=1):
        for item in record.get("members_of", []):
            name = list(item)[0]
            if _find_reference(gazetteer, name, "Alliance") is None:
                problems.append(f"record {number} ({record['name']!r}): member_of {name!r} is no known alliance")
        for name in record.get("participates_in", []):
            if _find_reference(gazetteer, name, "Program") is None:
                problems.append(f"record {number} ({record['name']!r}): participates_in {name!r} is no known program")
    return problems


def _links(gazetteer: Gazetteer, pending: list[tuple[str, dict, str]]) -> Iterator[GroupLink]:
    seen = set()
    for key, record, source in pending:
        for link in _record_links(gazetteer, key, record, source):
            if (link.subject, link.predicate, link.object) not in seen:
                seen.add((link.subject, link.predicate, link.object))
                yield link
        lists = [(f, "memberOf", r) for f, r in ROLE_FIELDS.items()]
        lists += [("participants", "participatesIn", None), ("founders", "founder", None)]
        for list_field, predicate, role in lists:
            for name in record.get(list_field, []):
                other = _resolve_reference(gazetteer, name, f"{source}: {record['name']!r} {list_field}")
                if predicate == "memberOf" and gazetteer.entries[key].kind != "Alliance":
                    raise ConfigError(f"{source}: {record['name']!r} has {list_field} but is a {gazetteer.entries[key].kind}; "
                                      "only an Alliance has members (use participants for a Program)")
                link = GroupLink(key, "founder", other, None, source) if predicate == "founder" else \
                    GroupLink(other, predicate, key, role, source)
                if (link.subject, link.predicate, link.object) not in seen:
                    seen.add((link.subject, link.predicate, link.object))
                    yield link


def _resolve_reference(gazetteer: Gazetteer, name: str, where: str) -> str:
    key = slugify(name)
    if key in gazetteer.entries:
        return key
    found = [e for e in gazetteer.lookup(name) if e.kind != "Country"]
    if not found:
        raise ConfigError(f"{where} lists {name!r}, which no gazetteer entry names; add an [[entity]] for it")
    return found[0].key


def load_gazetteer(paths: Iterable[Path] | None = None) -> Gazetteer:
    """Load and merge gazetteer TOML files (default: every file of the built-in folder).

    Args:
        paths: files or folders; None means :func:`builtin_dir`.
    Returns:
        The merged :class:`Gazetteer`.
    Raises:
        ConfigError: a missing folder or an invalid file (named in the message).

    >>> gaz = load_gazetteer()
    >>> gaz.lookup("ASRTU")[0].name
    'Association of Sino-Russian Technical Universities'
    """
    return _load_files(gazetteer_files(paths))


def gazetteer_records(paths: Iterable[Path] | None = None) -> list[tuple[dict, str]]:
    """The validated (record, source) pairs of gazetteer TOML files (default: the built-in ones)."""
    return list(_records(gazetteer_files(paths)))


def gazetteer_files(paths: Iterable[Path] | None = None) -> tuple[Path, ...]:
    """The TOML files of these files and folders (None: the built-in gazetteer's).

    Raises:
        ConfigError: a path does not exist.
    """
    files: list[Path] = []
    for path in [builtin_dir()] if paths is None else paths:
        path = Path(path)
        if path.is_dir():
            files.extend(sorted(path.glob("*.toml")))
        elif path.is_file():
            files.append(path)
        else:
            raise ConfigError(f"{path}: gazetteer file or folder not found; check --gazetteer or $KG_GAZETTEER")
    return tuple(files)


@functools.cache
def _cached_records(files: tuple[tuple[Path, float], ...]) -> tuple[tuple[dict, str], ...]:
    return tuple((record, path.name) for path, _ in files for record in read_toml_entries(path))


def _records(files: tuple[Path, ...]) -> tuple[tuple[dict, str], ...]:
    return _cached_records(tuple((path, path.stat().st_mtime) for path in files))


@functools.cache
def _load_cached(files: tuple[tuple[Path, float], ...]) -> Gazetteer:
    return build_gazetteer(_cached_records(files))


def _load_files(files: tuple[Path, ...]) -> Gazetteer:
    return _load_cached(tuple((path, path.stat().st_mtime) for path in files))


# --------------------------------------------------------------------------- cache on disk

_CACHE_VERSION = 1
_INDEXES = ("by_name", "by_acronym", "by_domain", "by_wikidata", "by_demonym")


def write_cache_file(path: Path, state: object) -> None:
    """Write plain data (dicts, lists, tuples, sets, strings, numbers) to a cache file, atomically.

    The format is :mod:`marshal`: ten times faster to read than JSON. It is a cache of this Python
    version, of files the knowledge base writes for itself; :func:`read_cache_file` reads it.

    Raises:
        ValueError: ``state`` holds something else.
        OSError: the folder cannot be written.
    """
    data = marshal.dumps((_CACHE_VERSION, sys.version_info[:2], state))
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}.", delete=False) as handle:
        handle.write(data)
    os.replace(handle.name, path)  # several worker processes may write the same file at once


def read_cache_file(path: Path) -> object | None:
    """The data :func:`write_cache_file` wrote, or None (no file, damaged, another Python version)."""
    enabled = gc.isenabled()
    gc.disable()  # reading creates ~10^5 containers: the collector would traverse the whole heap again and again
    try:
        version, python, state = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()
    return state if (version, python) == (_CACHE_VERSION, sys.version_info[:2]) else None


def write_gazetteer_cache(gazetteer: Gazetteer, path: Path) -> None:
    """Write a built gazetteer (entries, links, blocked names and indexes) to ``path`` (see
    :func:`write_cache_file`): reading 20k entries back takes a tenth of a second, building
    them from the imported records seconds."""
    write_cache_file(path, {
        "entries": [tuple(getattr(entry, name) for name in GazEntry.__slots__) for entry in gazetteer.entries.values()],
        "links": [tuple(getattr(link, name) for name in GroupLink.__dataclass_fields__) for link in gazetteer.links],
        "blocked": dict(gazetteer.blocked),
        "fingerprint": gazetteer.fingerprint(),
        **{name: dict(getattr(gazetteer, name)) for name in _INDEXES},
    })


def read_gazetteer_cache(path: Path) -> Gazetteer | None:
    """The gazetteer :func:`write_gazetteer_cache` wrote, or None (no file, damaged, other version)."""
    state = read_cache_file(path)
    if not isinstance(state, dict):
        return None
    enabled = gc.isenabled()
    gc.disable()
    try:
        gazetteer = Gazetteer.__new__(Gazetteer)  # no _index(): the indexes are read, not rebuilt
        gazetteer.entries = {fields[0]: GazEntry(*fields) for fields in state["entries"]}
        gazetteer.links = [GroupLink(*fields) for fields in state["links"]]
    finally:
        if enabled:
            gc.enable()
    gazetteer.blocked = state["blocked"]
    for name in _INDEXES:
        setattr(gazetteer, name, state[name])
    gazetteer.by_name = defaultdict(set, gazetteer.by_name)
    gazetteer.by_acronym = defaultdict(set, gazetteer.by_acronym)
    gazetteer._country_codes, gazetteer._fuzzy_memo, gazetteer._fingerprint = {}, {}, state["fingerprint"]
    return gazetteer


def cached_gazetteer(folder: Path, inputs: Iterable[Path], details: str, build: Callable[[], Gazetteer]) -> Gazetteer:
    """The gazetteer ``build`` returns, kept in ``folder`` and read from there while its inputs stay the same.

    Args:
        folder: the cache folder (a KB's ``cache``); the previous cache file there is replaced.
        inputs: the files the gazetteer is built from (their size and modification time count) and
            the source files of the code that builds it (their content counts).
        details: everything else the result depends on (options, decisions), as text.
        build: builds the gazetteer when the cache is missing or stale.
    """
    digest = hashlib.sha256(details.encode())
    for path in inputs:
        path = Path(path)
        if path.suffix == ".py":
            digest.update(path.read_bytes())
        else:
            stat = path.stat()
            digest.update(f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    target = Path(folder) / f"gazetteer-{digest.hexdigest()[:24]}.marshal"
    gazetteer = read_gazetteer_cache(target)
    if gazetteer is None:
        gazetteer = build()
        try:
            write_gazetteer_cache(gazetteer, target)
        except OSError:
            return gazetteer  # a read-only KB folder: built again next time
        for old in target.parent.glob("gazetteer-*.marshal"):
            if old != target:
                old.unlink(missing_ok=True)
    return gazetteer
