"""Hostile requests to ``kg serve`` and hostile SPARQL for the library (issue 12, items 7-10).

SSRF variants aim at a local HTTP server started here on 127.0.0.1, which must receive
nothing; Host, Origin and Sec-Fetch-Site checks (DNS rebinding, CSRF); malformed and abusive
request bodies; queries nested or chained deeply enough to overflow the parser's stack.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from conftest import ROOT
from test_serve import build_fixture_kb, call, get, start_server, stop_server

from kg.sparql_safety import check_query_shape, fetches
from kg.store import open_kb

NESTED = "SELECT * WHERE " + "{" * 5000 + "?s ?p ?o" + "}" * 5000


pytestmark = pytest.mark.usefixtures("no_proxy")


@pytest.fixture(scope="module")
def kb_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("kb")
    build_fixture_kb(path)
    return path


@pytest.fixture(scope="module")
def server(kb_dir):
    server = start_server(kb_dir, timeout=5.0, max_rows=50, allow_update=True)
    yield server
    stop_server(server)


class _Target(BaseHTTPRequestHandler):
    """A web server the endpoint must never contact: it records every request."""

    def _answer(self) -> None:
        self.server.hits.append((self.command, self.path))
        body = b"SECRET-OF-THE-TARGET"
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def target():
    httpd = HTTPServer(("127.0.0.1", 0), _Target)
    httpd.hits = []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _raw(server, request: bytes) -> bytes:
    """The server's whole answer to raw request bytes (b'' when it drops the connection)."""
    with socket.create_connection(server.server_address[:2], timeout=20) as sock:
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def _host(server) -> str:
    return f"127.0.0.1:{server.server_address[1]}"


# ---------------------------------------------------------------- SSRF (item 7)

SSRF_QUERIES = [
    "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE#>\n<{url}> { ?s ?p ?o } }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:a\\# ?o . SERVICE <{url}> { ?a ?b ?c } }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:a\\# ?o SERVICE SILENT <{url}> { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o <#> '''\n 3) SERVICE <{url}> { ?a ?b ?c } FILTER(?o != ''') }",
    "select * where { sErViCe silent <{url}> {} }",
    "SELECT * WHERE { BIND(<{url}> AS ?u) SERVICE ?u { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o } # comment\nSERVICE",
]
SSRF_UPDATES = [
    "LOAD <{url}>",
    "LOAD SILENT <{url}> INTO GRAPH <http://example.org/g>",
    "PREFIX ex: <http://example.org/> INSERT { ?s ex:p\\# ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "INSERT { ?s ?p ?o } WHERE { SERVICE#\n<{url}> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("template", SSRF_QUERIES)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_security_service_never_fetches(server, target, template, method):
    url = f"http://127.0.0.1:{target.server_address[1]}/sparql"
    sparql = template.replace("{url}", url)
    if method == "GET":
        status, _, body = get(server, sparql)
    else:
        status, _, body = call(server, "/sparql", data=sparql, headers={"Content-Type": "application/sparql-query"})
    assert target.hits == []  # the target received nothing
    assert b"SECRET" not in body
    assert status == 400, body
    assert b"this endpoint never fetches other URLs" in body or b"syntax error" in body


@pytest.mark.parametrize("template", SSRF_UPDATES)
def test_security_load_never_fetches(server, target, template):
    url = f"http://127.0.0.1:{target.server_address[1]}/data.ttl"
    form = {"update": template.replace("{url}", url)}
    status, _, body = call(server, "/sparql", data=_form(form),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert target.hits == []
    assert status == 400, body
    assert b"this endpoint never fetches other URLs" in body


def _form(fields: dict) -> str:
    from urllib.parse import urlencode

    return urlencode(fields)


@pytest.mark.parametrize("sparql", [
    "SELECT ?service WHERE { ?service <http://example.org/SERVICE> 'SERVICE' } # SERVICE",
    "PREFIX load: <http://example.org/load#> SELECT ?load WHERE { ?load load:x \"LOAD <http://x/>\" }",
])
def test_security_words_in_names_strings_and_comments_are_not_refused(sparql):
    assert fetches(sparql) is None


# ---------------------------------------------------------------- Host, Origin (item 8)

@pytest.mark.parametrize("host", ["evil.example:{port}", "rebind.attacker.test", "127.0.0.1:1", "localhost:1",
                                  "127.0.0.1.nip.io:{port}", "", "[::1]:1"])
def test_security_foreign_host_is_refused(server, host):
    port = server.server_address[1]
    host = host.replace("{port}", str(port))
    request = f"GET /api/info HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()
    if not host:
        request = b"GET /api/info HTTP/1.0\r\n\r\n"
    answer = _raw(server, request)
    assert answer.startswith(b"HTTP/1.0 421") or answer.startswith(b"HTTP/1.1 421"), answer[:200]
    assert b"articles" not in answer


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}", "[::1]:{port}",
                                  "127.0.0.1", "localhost"])
def test_security_own_host_is_answered(server, host):
    host = host.replace("{port}", str(server.server_address[1]))
    answer = _raw(server, f"GET /api/info HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.0 200"), answer[:200]


def test_security_info_does_not_show_the_kb_path(server, kb_dir):
    status, _, body = call(server, "/api/info")
    assert status == 200
    info = json.loads(body)
    assert info["kb"] == kb_dir.name
    assert str(kb_dir.parent) not in body.decode()


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"Origin": "http://127.0.0.1:1"},
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site", "Origin": "{own}"},
])
def test_security_cross_origin_update_is_refused(server, headers):
    own = f"http://{_host(server)}"
    headers = {k: v.replace("{own}", own) for k, v in headers.items()}
    update = "INSERT DATA { GRAPH <http://example.org/csrf> { <http://example.org/a> <http://example.org/b> 'csrf' } }"
    status, _, body = call(server, "/sparql", data=_form({"update": update}),
                           headers={"Content-Type": "application/x-www-form-urlencoded", **headers})
    assert status == 403, body
    assert b"cross-origin" in body
    status, _, body = get(server, "ASK { GRAPH <http://example.org/csrf> { ?s ?p ?o } }", format="json")
    assert json.loads(body)["boolean"] is False


def test_security_same_origin_post_is_answered(server):
    own = f"http://{_host(server)}"
    status, _, body = call(server, "/api/bind", data=json.dumps({"library": "members-of", "params": {}}),
                           headers={"Content-Type": "application/json", "Origin": own,
                                    "Sec-Fetch-Site": "same-origin"})
    assert status == 400  # reached the endpoint: the library query needs its parameter
    assert b"needs --param alliance" in body


# ---------------------------------------------------------------- bodies and parameters (item 9)

@pytest.mark.parametrize("length, status", [("-1", 400), ("abc", 400), ("1e3", 400), ("99999999999", 413),
                                            (" 12 ", None)])
def test_security_bad_content_length_is_4xx(server, length, status):
    body = b"ASK { ?s ?p ?o }"[:12]
    request = (f"POST /sparql HTTP/1.1\r\nHost: {_host(server)}\r\nContent-Type: application/sparql-query\r\n"
               f"Content-Length: {length}\r\nConnection: close\r\n\r\n").encode() + body
    answer = _raw(server, request)
    assert answer, "the connection was dropped without an answer"
    code = int(answer.split()[1])
    if status is None:
        assert code == 400 and b"syntax error" in answer  # a valid length: the 12 bytes were read as the query
    else:
        assert code == status, answer[:300]
        assert len(answer) < 2000


def test_security_chunked_body_is_411(server):
    request = (f"POST /sparql HTTP/1.1\r\nHost: {_host(server)}\r\nContent-Type: application/sparql-query\r\n"
               "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nASK {\r\n0\r\n\r\n").encode()
    assert int(_raw(server, request).split()[1]) == 411


@pytest.mark.parametrize("body", ["[]", "1", '"x"', "null", '{"params": []}', '{"library": 3}',
                                  '{"library": "members-of", "params": {"alliance": {"x": 1}}}', "{"])
def test_security_bad_bind_body_is_400(server, body):
    status, _, answer = call(server, "/api/bind", data=body, headers={"Content-Type": "application/json"})
    assert status == 400
    assert "error" in json.loads(answer)


@pytest.mark.parametrize("limit", ["abc", "-5", "1.5", "１２"])
def test_security_bad_limit_is_400(server, limit):
    from urllib.parse import quote

    status, _, body = call(server, f"/api/neighbourhood?name=ASRTU&limit={quote(limit)}")
    assert status == 400
    assert b"limit must be a whole number" in body
    assert b"Traceback" not in body and b"internal error" not in body


def test_security_many_bad_requests_leave_the_server_answering(server):
    for _ in range(20):
        _raw(server, b"POST /sparql HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
        _raw(server, b"\x00\xff garbage \r\n\r\n")
    status, _, _ = get(server, "ASK { ?s ?p ?o }")
    assert status == 200


# ---------------------------------------------------------------- nesting (item 10)

DEEP = [
    NESTED,
    "SELECT * WHERE { FILTER(" + "(" * 5000 + "true" + ")" * 5000 + ") }",
    "SELECT * WHERE { ?s ?p ?o " + " ".join(["MINUS { ?s ?p ?o }"] * 3000) + " }",
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "+".join(["1"] * 8000) + ") }",
    "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 7000) + " }",
    "SELECT * WHERE { ?s ?p " + "<< ?s ?p " * 3000 + "?o" + " >>" * 3000 + " }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o = \"}\" " + "&& (?o = \"}\" " * 3000 + ")" * 3000 + ") }",
]


@pytest.mark.parametrize("sparql", DEEP, ids=["braces", "parens", "minus", "plus", "union", "triples", "hidden"])
def test_security_deep_query_is_400_and_server_survives(server, sparql):
    status, _, body = call(server, "/sparql", data=sparql, headers={"Content-Type": "application/sparql-query"})
    assert status == 400, body[:300]
    assert b"limit" in body
    assert get(server, "ASK { ?s ?p ?o }")[0] == 200


@pytest.mark.parametrize("sparql", DEEP[:3], ids=["braces", "parens", "minus"])
def test_security_deep_query_is_query_error_in_the_library(tmp_path, sparql):
    # in a child process: before the guard, the parser's stack overflow killed the process
    code = ("import sys; from kg.api import open_kb, query_df; from kg.errors import QueryError\n"
            "try:\n    query_df(open_kb(sys.argv[1]), sys.stdin.read())\n"
            "except QueryError as exc:\n    print(exc)\n")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "kb")], input=sparql, capture_output=True,
                            text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-300:]
    assert "over the limit of" in result.stdout


def test_security_deep_query_is_an_error_for_kg_query_without_timeout(tmp_path):
    open_kb(tmp_path / "kb").close()
    result = subprocess.run([sys.executable, "-m", "kg.cli", "query", NESTED, "--kb", str(tmp_path / "kb"),
                             "--timeout", "0"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 1, result.stderr[-500:]
    assert result.stderr.startswith("Error: query has 5,000 '{' characters, over the limit of 1,000")


def test_security_library_queries_pass_the_guards():
    from kg import queries

    for item in queries.library():
        check_query_shape(item.sparql)
        assert fetches(item.sparql) is None, item.name
