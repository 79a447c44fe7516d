"""Guards run before SPARQL text reaches the parser: size and nesting, federation and loading, error shape.

pyoxigraph parses SPARQL by recursion on the process stack, so a deeply nested query
(``{`` x 5000) or a very long chain of operators (``MINUS {}`` x 3000) overflows it and kills
the process (a segfault, not an exception). :func:`check_query_shape` bounds nesting and
operator count before the text is parsed; ``kg query``, :func:`kg.query_df` and ``kg serve``
call it.

``kg serve`` must never fetch other URLs (``SERVICE``, ``LOAD``). :func:`fetches` decides that
on the parsed request: rdflib's SPARQL parser gives the parse tree, searched for service
patterns and LOAD operations; text that parser cannot read (pyoxigraph accepts more: SPARQL-star,
``\\#`` escapes in prefixed names) is tokenised by the SPARQL grammar's terminals, comments,
strings, IRIs and escapes included, and refused if a ``SERVICE`` or ``LOAD`` keyword is among
its tokens. A ``<`` may start an IRI or be a less-than sign (and then a ``#`` after it starts a
comment, a quote a string); such text is read both ways and either reading with the keyword
refuses it. Both checks run on every request.

:func:`format_syntax_error` turns pyoxigraph's ``error at 3:14: expected one of ...`` (with
its lists of Unicode ranges) into one line with the line and column, the offending line and a
caret under the spot.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .errors import QueryError

__all__ = ["MAX_NESTING", "MAX_OPERATORS", "MAX_QUERY_CHARS", "check_query_shape", "fetches",
           "format_syntax_error"]

MAX_QUERY_CHARS = 1_000_000
MAX_NESTING = 64  # brackets inside brackets; pyoxigraph overflows an 8 MB stack at about 2,000 braces
MAX_OPERATORS = 2_000  # groups, UNION/MINUS/OPTIONAL, binary operators; it overflows at about 2,400 MINUS groups
MAX_RAW_BRACES = 1_000  # "{" anywhere, strings and comments included: a bound no lexing can get wrong

_OPEN, _CLOSE = {"{", "(", "[", "<<"}, {"}", ")", "]", ">>"}
_CHAIN_WORDS = {"UNION", "MINUS", "OPTIONAL", "FILTER", "BIND", "GRAPH", "SERVICE", "VALUES", "IN", "NOT"}
_CHAIN_PUNCT = {"{", ".", ";", "+", "-", "*", "/", "|", "^", "&&", "||", "=", "!=", "<", ">", "<=", ">=", "!"}

_IRI = r"<[^<>\"{}|^`\\\x00-\x20]*>"
_TOKEN_TAIL = (
    r"(?P<ws>\s+)"
    r"|(?P<comment>#[^\r\n]*)"
    r"|(?P<string>\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*(?:\"\"\"|$)|'''(?:[^'\\]|\\.|'(?!''))*(?:'''|$)"
    r"|\"(?:[^\"\\\r\n]|\\.)*\"?|'(?:[^'\\\r\n]|\\.)*'?)"
    r"|(?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]*)"
    r"|(?P<name>\w[\w.\-\u00b7]*(?::(?:[\w.\-:%\u00b7]|\\.)*)?|:(?:[\w.\-:%\u00b7]|\\.)*)"
    r"|(?P<punct><<|>>|&&|\|\||!=|<=|>=|\^\^|[^\w\s])"
)
_PLAIN_IRI = r"<[^<>\"{}|^`\\\x00-\x20#']*>"  # no '#' or quote that a less-than reading would see
_LEXERS = (re.compile(f"(?P<iri>{_IRI})|{_TOKEN_TAIL}", re.S),  # '<' starts an IRI where it can
           re.compile(f"(?P<iri>{_PLAIN_IRI})|{_TOKEN_TAIL}", re.S))  # or is less-than before '#' or a quote


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    start: int


def _tokens(sparql: str, lexer: re.Pattern) -> list[_Token]:
    """The code tokens of ``sparql`` (no whitespace or comments); strings and IRIs are one token each."""
    tokens, position = [], 0
    while position < len(sparql):
        match = lexer.match(sparql, position)
        position = match.end()
        if match.lastgroup not in ("ws", "comment"):
            tokens.append(_Token(match.lastgroup, match.group(), match.start()))
    return tokens


def _shape(tokens: list[_Token]) -> tuple[int, int]:
    """Deepest bracket nesting and number of chaining operators among ``tokens``."""
    depth = deepest = operators = 0
    for token in tokens:
        text = token.text.upper() if token.kind == "name" else token.text
        if token.kind == "punct" and text in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif token.kind == "punct" and text in _CLOSE:
            depth = max(0, depth - 1)
        if (token.kind == "punct" and text in _CHAIN_PUNCT) or (token.kind == "name" and text in _CHAIN_WORDS):
            operators += 1
    return deepest, operators


def check_query_shape(sparql: str) -> None:
    """Refuse SPARQL text too large or too deeply nested for the parser to read safely.

    Raises:
        QueryError: the text is over :data:`MAX_QUERY_CHARS` characters, nests brackets over
            :data:`MAX_NESTING` deep or chains over :data:`MAX_OPERATORS` operators and groups.

    >>> check_query_shape("SELECT * WHERE { ?s ?p ?o }")
    >>> check_query_shape("SELECT * WHERE { FILTER(" + "(" * 100 + "true" + ")" * 100 + ") }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: query nests brackets 102 deep, over the limit of 64; flatten the groups (the parser would run out of stack)
    """
    if len(sparql) > MAX_QUERY_CHARS:
        raise QueryError(f"query is {len(sparql):,} characters long, over the limit of {MAX_QUERY_CHARS:,}; "
                         "split it or bind long value lists in several queries")
    if sparql.count("{") > MAX_RAW_BRACES:
        raise QueryError(f"query has {sparql.count('{'):,} '{{' characters, over the limit of {MAX_RAW_BRACES:,}; "
                         "split it into several queries (the parser would run out of stack)")
    depth, operators = max(_shape(_tokens(sparql, lexer)) for lexer in _LEXERS)
    if depth > MAX_NESTING:
        raise QueryError(f"query nests brackets {depth} deep, over the limit of {MAX_NESTING}; "
                         "flatten the groups (the parser would run out of stack)")
    if operators > MAX_OPERATORS:
        raise QueryError(f"query chains {operators:,} groups and operators, over the limit of {MAX_OPERATORS:,}; "
                         "split it into several queries (the parser would run out of stack)")


def _parse_tree_fetches(sparql: str, update: bool) -> str | None:
    """What rdflib's parse tree of the text fetches ('SERVICE', 'LOAD'), '' if nothing, None if unparsable."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseUpdate(sparql) if update else parseQuery(sparql)
    except (ParseBaseException, RecursionError, ValueError, TypeError, AttributeError):
        return None  # not SPARQL 1.1 as rdflib reads it; the token check still runs
    return _find_fetch(tree)


def _find_fetch(node) -> str:
    stack, seen = [node], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        name = getattr(node, "name", None)
        if name == "ServiceGraphPattern":
            return "SERVICE"
        if name == "Load":
            return "LOAD"
        if isinstance(node, dict):
            stack.extend(node.values())
        if isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(node)
    return ""


def fetches(sparql: str, update: bool = False) -> str | None:
    """Why a query or update would make the server fetch another URL (federation, loading), or None.

    The text should have passed :func:`check_query_shape` first.

    >>> fetches("SELECT * WHERE { ?s ?p ?o }") is None
    True
    >>> fetches("SELECT * WHERE { SERVICE#>\\n<http://127.0.0.1:9/> { ?s ?p ?o } }")
    'SERVICE (federated query) is disabled: this endpoint never fetches other URLs'
    """
    found = _parse_tree_fetches(sparql, update) or _keyword_fetches(sparql)
    if found == "SERVICE":
        return "SERVICE (federated query) is disabled: this endpoint never fetches other URLs"
    if found == "LOAD":
        return "LOAD is disabled: this endpoint never fetches other URLs"
    return None


def _keyword_fetches(sparql: str) -> str:
    """'SERVICE' or 'LOAD' when either reading of the tokens has that keyword, else ''.

    A word inside ``<...>`` counts only in the IRI reading's code: under the less-than reading
    it sits in an expression, where neither keyword can stand.
    """
    iri_reading, lt_reading = (_tokens(sparql, lexer) for lexer in _LEXERS)
    iris = [(t.start, t.start + len(t.text)) for t in iri_reading if t.kind == "iri"]  # in order, disjoint
    starts = [start for start, _ in iris]

    def inside(at: int) -> bool:
        index = bisect.bisect_left(starts, at) - 1
        return index >= 0 and at < iris[index][1]
    words = {t.text.upper() for t in iri_reading if t.kind == "name"}
    words |= {t.text.upper() for t in lt_reading if t.kind == "name" and not inside(t.start)}
    return "SERVICE" if "SERVICE" in words else "LOAD" if "LOAD" in words else ""


_POSITION = re.compile(r"^error at (\d+):(\d+): (.*)$", re.S)


def _expected(detail: str) -> str:
    """The parser's expectations without its character-range lists, at most six of them."""
    detail = re.sub(r"\[[^\[\]]*\]", "", detail.replace("\n", " "))  # ['A' ..= 'Z' | ...], [_]
    words = [w.strip() for w in re.sub(r"^expected (one of )?", "", detail).split(",") if w.strip()]
    if not words:
        return ""
    shown = ", ".join(words[:6]) + (", ..." if len(words) > 6 else "")
    return f"; expected {'one of ' if len(words) > 1 else ''}{shown}"


def format_syntax_error(sparql: str, exc: BaseException) -> str:
    """A parser error as one line with line:column, then the offending line and a caret under the spot.

    >>> import pyoxigraph as ox
    >>> try:
    ...     ox.Store().query("SELECT ?x WHERE {\\n  ?x ?p ?o . BIND(?x AS ?y }")
    ... except SyntaxError as exc:
    ...     print(format_syntax_error("SELECT ?x WHERE {\\n  ?x ?p ?o . BIND(?x AS ?y }", exc))
    SPARQL syntax error: error at 2:28 (at "}"); expected ")"
        ?x ?p ?o . BIND(?x AS ?y }
                                 ^
    """
    match = _POSITION.match(str(exc))
    if match is None:
        return f"SPARQL syntax error: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
    line_no, byte_col, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    lines = sparql.splitlines() or [""]
    line = lines[min(line_no, len(lines)) - 1]
    column = len(line.encode()[:max(byte_col - 1, 0)].decode(errors="ignore")) + 1  # the parser counts bytes
    near = line[column - 1:column + 19].split()
    where = f" (at {near[0][:20]!r})".replace("'", '"') if near else " (at the end)"
    shown = line.expandtabs(1)
    return (f"SPARQL syntax error: error at {line_no}:{column}{where}{_expected(detail)}\n"
            f"  {shown}\n  {' ' * (column - 1)}^")
