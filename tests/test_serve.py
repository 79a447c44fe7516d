"""The SPARQL endpoint and web API of ``kg serve`` (kg/serve.py), over a hand-written KB.

The KB is loaded from the small TriG fixture below (no spaCy model needed): two articles
about ASRTU and the C9 League. The server runs in a thread on a free port of 127.0.0.1,
with a 3 s query timeout and a 50-row result limit, so both limits can be hit cheaply.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
import rdflib

from kg import queries
from kg.errors import ConfigError, StoreError
from kg.serve import make_server
from kg.store import open_kb

RES = "https://w3id.org/unikg/resource/"
ASRTU = RES + "org/asrtu"
HIT = RES + "org/hit"
TIMEOUT = 2.0
MAX_ROWS = 50

FIXTURE_TRIG = """
@prefix unikg: <https://w3id.org/unikg/ontology#> .
@prefix res:   <https://w3id.org/unikg/resource/> .
@prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
@prefix prov:  <http://www.w3.org/ns/prov#> .
@prefix xsd:   <http://www.w3.org/2001/XMLSchema#> .

res:article\\/a1 {
  res:article\\/a1 a unikg:Article ; unikg:title "ASRTU admits Yanshan University as an observer" ;
      unikg:published "2020-09-04"^^xsd:date ;
      unikg:mentions res:org\\/asrtu , res:org\\/hit , res:org\\/bmstu , res:org\\/yanshan .
  res:org\\/asrtu a unikg:Alliance ; rdfs:label "Association of Sino-Russian Technical Universities" ;
      skos:altLabel "ASRTU" ; unikg:acronym "ASRTU" ; unikg:foundingDate "2011"^^xsd:gYear ;
      unikg:memberCount 80 ; unikg:founder res:org\\/hit , res:org\\/bmstu .
  res:org\\/hit a unikg:University ; rdfs:label "Harbin Institute of Technology" ; unikg:acronym "HIT" ;
      unikg:memberOf res:org\\/asrtu ; unikg:country res:country\\/CN .
  res:org\\/bmstu a unikg:University ; rdfs:label "Bauman Moscow State Technical University" ;
      unikg:memberOf res:org\\/asrtu ; unikg:country res:country\\/RU .
  res:org\\/yanshan a unikg:University ; rdfs:label "Yanshan University" ;
      unikg:memberOf res:org\\/asrtu ; unikg:country res:country\\/CN .
  res:country\\/CN a unikg:Country ; rdfs:label "China" ; unikg:countryCode "CN" .
  res:country\\/RU a unikg:Country ; rdfs:label "Russia" ; unikg:countryCode "RU" .
  res:fact\\/m1 a unikg:Membership ; unikg:member res:org\\/hit ; unikg:organization res:org\\/asrtu ;
      unikg:role unikg:FoundingMemberRole ; unikg:startDate "2011"^^xsd:gYear ;
      unikg:evidence "ASRTU was founded in 2011 by HIT and Bauman Moscow State Technical University." ;
      prov:wasDerivedFrom res:article\\/a1 .
  res:fact\\/m2 a unikg:Membership ; unikg:member res:org\\/bmstu ; unikg:organization res:org\\/asrtu ;
      unikg:role unikg:FoundingMemberRole ; unikg:startDate "2011"^^xsd:gYear ;
      unikg:evidence "ASRTU was founded in 2011 by HIT and Bauman Moscow State Technical University." ;
      prov:wasDerivedFrom res:article\\/a1 .
  res:fact\\/m3 a unikg:Membership ; unikg:member res:org\\/yanshan ; unikg:organization res:org\\/asrtu ;
      unikg:role unikg:ObserverRole ; unikg:startDate "2020"^^xsd:gYear ;
      unikg:evidence "Yanshan University joined ASRTU as an observer in 2020." ;
      prov:wasDerivedFrom res:article\\/a1 .
}

res:article\\/a2 {
  res:article\\/a2 a unikg:Article ; unikg:title "HIT in the C9 League" ;
      unikg:mentions res:org\\/hit , res:org\\/c9 .
  res:org\\/c9 a unikg:Alliance ; rdfs:label "C9 League" ; unikg:acronym "C9" .
  res:org\\/hit a unikg:University ; rdfs:label "Harbin Institute of Technology" ; unikg:memberOf res:org\\/c9 .
  res:fact\\/m4 a unikg:Membership ; unikg:member res:org\\/hit ; unikg:organization res:org\\/c9 ;
      unikg:role unikg:FullMemberRole ; unikg:evidence "HIT is a member of the C9 League." ;
      prov:wasDerivedFrom res:article\\/a2 .
}
"""

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
ALL_TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
LABELS = "SELECT DISTINCT ?e ?label WHERE { ?e a unikg:University ; rdfs:label ?label } ORDER BY ?label"


def build_fixture_kb(path) -> None:
    """A KB in ``path`` holding FIXTURE_TRIG (also used by test_browser.py)."""
    kb = open_kb(path)
    kb.store.load(FIXTURE_TRIG.encode(), format=ox.RdfFormat.TRIG)
    kb.close()


def start_server(kb_dir, **options):
    """A running server on a free port, in a daemon thread; stop it with ``stop_server``."""
    server = make_server(kb_dir, port=0, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop_server(server) -> None:
    server.shutdown()
    server.server_close()


pytestmark = pytest.mark.usefixtures("no_proxy")


@pytest.fixture(scope="module")
def kb_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("kb")
    build_fixture_kb(path)
    return path


@pytest.fixture(scope="module")
def server(kb_dir):
    server = start_server(kb_dir, timeout=TIMEOUT, max_rows=MAX_ROWS)
    yield server
    stop_server(server)


def call(server, path, data=None, headers=None, method=None):
    """(status, headers, body) of one request; errors are answers too."""
    if isinstance(data, str):
        data = data.encode()
    request = urllib.request.Request(server.url.rstrip("/") + path, data=data, headers=headers or {},
                                     method=method)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def get(server, sparql, accept=None, **params):
    query = urllib.parse.urlencode({"query": sparql, **params})
    return call(server, f"/sparql?{query}", headers={"Accept": accept} if accept else {})


def labels_of(body: bytes) -> list[str]:
    return [b["label"]["value"] for b in json.loads(body)["results"]["bindings"]]


UNIVERSITIES = ["Bauman Moscow State Technical University", "Harbin Institute of Technology", "Yanshan University"]


# ---------------------------------------------------------------- protocol


def test_serve_get_query_answers_sparql_json(server):
    status, headers, body = get(server, LABELS)
    assert status == 200
    assert headers["Content-Type"] == "application/sparql-results+json"
    assert labels_of(body) == UNIVERSITIES


@pytest.mark.parametrize("content_type, encode", [
    ("application/x-www-form-urlencoded", lambda q: urllib.parse.urlencode({"query": q})),
    ("application/sparql-query", lambda q: q),
])
def test_serve_post_query(server, content_type, encode):
    status, _, body = call(server, "/sparql", data=encode(LABELS), headers={"Content-Type": content_type})
    assert status == 200
    assert labels_of(body) == UNIVERSITIES


def test_serve_post_with_unknown_content_type_is_415(server):
    status, _, body = call(server, "/sparql", data=LABELS, headers={"Content-Type": "text/plain"})
    assert status == 415
    assert b"application/sparql-query" in body


def test_serve_get_without_query_is_400_or_page_for_browsers(server):
    assert call(server, "/sparql")[0] == 400
    status, _, body = call(server, "/sparql", headers={"Accept": "text/html"})
    assert status == 200 and b"<title>unikg explorer</title>" in body  # redirected to the page


def _parse_json(body):
    return labels_of(body)


def _parse_xml(body):
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(body)
    return [b.find("r:literal", ns).text for b in root.iterfind(".//r:binding[@name='label']", ns)]


def _parse_csv(body):
    return [row["label"] for row in csv.DictReader(io.StringIO(body.decode()))]


def _parse_tsv(body):
    lines = body.decode().splitlines()
    assert lines[0] == "?e\t?label"
    return [line.split("\t")[1].strip('"') for line in lines[1:]]


@pytest.mark.parametrize("accept, content_type, parse", [
    ("application/sparql-results+json", "application/sparql-results+json", _parse_json),
    ("application/json", "application/sparql-results+json", _parse_json),
    ("application/sparql-results+xml", "application/sparql-results+xml", _parse_xml),
    ("text/csv", "text/csv; charset=utf-8", _parse_csv),
    ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", _parse_tsv),
    ("text/html, text/csv;q=0.5, */*;q=0.1", "text/csv; charset=utf-8", _parse_csv),
    ("*/*", "application/sparql-results+json", _parse_json),
])
def test_serve_select_content_negotiation(server, accept, content_type, parse):
    status, headers, body = get(server, LABELS, accept=accept)
    assert status == 200
    assert headers["Content-Type"] == content_type
    assert parse(body) == UNIVERSITIES


CONSTRUCT_MEMBERS = "CONSTRUCT { ?m unikg:memberOf ?a } WHERE { ?m unikg:memberOf ?a }"


@pytest.mark.parametrize("accept, content_type, rdflib_format", [
    (None, "text/turtle; charset=utf-8", "turtle"),
    ("text/turtle", "text/turtle; charset=utf-8", "turtle"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
])
def test_serve_construct_content_negotiation(server, accept, content_type, rdflib_format):
    status, headers, body = get(server, CONSTRUCT_MEMBERS, accept=accept)
    assert status == 200
    assert headers["Content-Type"] == content_type
    graph = rdflib.Graph().parse(data=body, format=rdflib_format)
    member_of = rdflib.URIRef("https://w3id.org/unikg/ontology#memberOf")
    assert set(graph.subject_objects(member_of)) == {  # the four memberOf triples of the fixture
        (rdflib.URIRef(RES + f"org/{m}"), rdflib.URIRef(RES + f"org/{a}"))
        for m, a in [("hit", "asrtu"), ("bmstu", "asrtu"), ("yanshan", "asrtu"), ("hit", "c9")]}


@pytest.mark.parametrize("form, accept, content_type", [
    ("csv", "*/*", "text/csv; charset=utf-8"),
    ("tsv", "text/html", "text/tab-separated-values; charset=utf-8"),
    ("xml", None, "application/sparql-results+xml"),
])
def test_serve_format_parameter_overrides_accept(server, form, accept, content_type):
    status, headers, _ = get(server, LABELS, accept=accept, format=form)
    assert status == 200
    assert headers["Content-Type"] == content_type


def test_serve_ask_query(server):
    status, _, body = get(server, f"ASK {{ <{HIT}> unikg:memberOf <{ASRTU}> }}")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = get(server, f"ASK {{ <{ASRTU}> unikg:memberOf <{HIT}> }}", accept="text/csv")
    assert status == 200 and body.strip() == b"false"


def test_serve_unacceptable_format_is_406(server):
    status, _, body = get(server, LABELS, accept="image/png")
    assert status == 406
    assert b"application/sparql-results+json" in body


def test_serve_default_graph_uri_restricts_the_dataset(server):
    status, _, body = get(server, LABELS, **{"default-graph-uri": RES + "article/a2"})
    assert status == 200
    assert labels_of(body) == ["Harbin Institute of Technology"]  # the only university of article a2


# ---------------------------------------------------------------- read-only, errors, limits

INSERT = f"INSERT DATA {{ <{HIT}> <http://www.w3.org/2000/01/rdf-schema#label> \"hacked\" }}"


@pytest.mark.parametrize("data, content_type", [
    (urllib.parse.urlencode({"update": INSERT}), "application/x-www-form-urlencoded"),
    (INSERT, "application/sparql-update"),
    (urllib.parse.urlencode({"query": INSERT}), "application/x-www-form-urlencoded"),
])
def test_serve_update_is_forbidden(server, data, content_type):
    status, _, body = call(server, "/sparql", data=data, headers={"Content-Type": content_type})
    assert status == 403
    assert b"read-only" in body
    assert b"hacked" not in get(server, f"SELECT ?l WHERE {{ <{HIT}> rdfs:label ?l }}")[2]


def test_serve_malformed_query_is_400_with_line_column_and_caret(server):
    status, headers, body = get(server, "SELECT ?s WHERE {\n  ?s ?p ?o . BIND(?s AS ?t }")
    assert status == 400
    assert headers["Content-Type"].startswith("text/plain")
    assert body.decode() == ('SPARQL syntax error: error at 2:28 (at "}"); expected ")"\n'
                             "    ?s ?p ?o . BIND(?s AS ?t }\n"
                             "                             ^\n")


@pytest.mark.parametrize("sparql", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service <http://example.org/> { ?s ?p ?o } }",
])
def test_serve_federated_service_is_refused(server, sparql):
    status, _, body = get(server, sparql)
    assert status == 400
    assert b"SERVICE" in body


def test_serve_service_inside_a_string_is_allowed(server):
    assert get(server, 'SELECT ?x WHERE { BIND("SERVICE and LOAD" AS ?x) }')[0] == 200


def test_serve_runaway_query_times_out(server):
    status, _, body = get(server, RUNAWAY)  # the cross product of five patterns would run for minutes
    assert status == 503
    assert b"timed out" in body
    assert get(server, LABELS)[0] == 200  # and the server goes on answering


def test_serve_stays_responsive_during_a_runaway_query(server):
    slow = threading.Thread(target=get, args=(server, RUNAWAY))
    slow.start()
    time.sleep(0.3)
    status, _, body = get(server, LABELS)
    assert status == 200 and labels_of(body) == UNIVERSITIES
    assert slow.is_alive()  # answered while the runaway query still runs (until the 3 s timeout): not queued behind it
    slow.join()


def test_serve_result_limit_truncates_and_flags_select(server):
    status, headers, body = get(server, ALL_TRIPLES)
    assert status == 200
    assert headers["X-SPARQL-MaxRows"] == str(MAX_ROWS)
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    status, headers, body = get(server, ALL_TRIPLES, accept="text/csv")
    assert headers["X-SPARQL-MaxRows"] == str(MAX_ROWS)
    assert len(body.decode().strip().splitlines()) == MAX_ROWS + 1  # header line


def test_serve_result_limit_truncates_construct(server):
    status, headers, body = get(server, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", accept="application/n-triples")
    assert status == 200
    assert headers["X-SPARQL-MaxRows"] == str(MAX_ROWS)
    assert len(body.decode().strip().splitlines()) == MAX_ROWS


def test_serve_small_result_is_not_flagged(server):
    assert "X-SPARQL-MaxRows" not in get(server, LABELS)[1]


# ---------------------------------------------------------------- standard clients


def _library_sparql(server, name, **params) -> str:
    body = json.dumps({"library": name, "params": params})
    status, _, answer = call(server, "/api/bind", data=body, headers={"Content-Type": "application/json"})
    assert status == 200, answer
    return json.loads(answer)["sparql"]


def _expected_rows(kb_dir, name, **params) -> set[tuple[str, ...]]:
    kb = open_kb(kb_dir, create=False, read_only=True)
    table = queries.run(kb, name, params)
    return {tuple("" if v is None else str(v) for v in row) for row in table.rows}


def test_serve_sparqlwrapper_gets_the_answers_of_queries_run(server, kb_dir):
    sparqlwrapper = pytest.importorskip("SPARQLWrapper")
    client = sparqlwrapper.SPARQLWrapper(server.url + "sparql")
    client.setQuery(_library_sparql(server, "members-of", alliance="ASRTU"))
    client.setReturnFormat(sparqlwrapper.JSON)
    result = client.queryAndConvert()
    names = result["head"]["vars"]
    rows = {tuple(b[n]["value"] if n in b else "" for n in names) for b in result["results"]["bindings"]}
    assert rows == _expected_rows(kb_dir, "members-of", alliance="ASRTU")
    assert len(rows) == 3  # HIT, BMSTU (founding) and Yanshan (observer) in the fixture


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
def test_serve_rdflib_sparqlstore_gets_the_answers_of_queries_run(server, kb_dir, method):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(server.url + "sparql", method=method)
    result = rdflib.Graph(store=store).query(_library_sparql(server, "members-of", alliance="ASRTU"))
    rows = {tuple("" if v is None else str(v) for v in row) for row in result}
    assert rows == _expected_rows(kb_dir, "members-of", alliance="ASRTU")


def test_serve_rdflib_sparqlstore_construct(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    result = rdflib.Graph(store=SPARQLStore(server.url + "sparql")).query(CONSTRUCT_MEMBERS)
    assert len(result.graph) == 4  # the four memberOf triples of the fixture


# ---------------------------------------------------------------- JSON API and page


def test_serve_api_queries_lists_the_library(server):
    status, _, body = call(server, "/api/queries")
    library = {q["name"]: q for q in json.loads(body)}
    assert status == 200
    assert library["members-of"]["params"] == [{"name": "alliance", "kind": "entity"}]
    assert library["members-of"]["summary"].startswith("Members of an alliance")
    assert "unikg:Membership" in library["members-of"]["sparql"]
    assert set(library) == {q.name for q in queries.library()}


def test_serve_api_bind_reports_unknown_entities(server):
    body = json.dumps({"library": "members-of", "params": {"alliance": "No Such League"}})
    status, _, answer = call(server, "/api/bind", data=body, headers={"Content-Type": "application/json"})
    assert status == 400
    assert "No Such League" in json.loads(answer)["error"]


@pytest.mark.parametrize("key, value", [("iri", ASRTU), ("name", "ASRTU")])
def test_serve_api_neighbourhood_of_an_alliance(server, key, value):
    status, _, body = call(server, f"/api/neighbourhood?{urllib.parse.urlencode({key: value})}")
    data = json.loads(body)
    assert status == 200 and data["center"] == ASRTU
    labels = {n["label"]: n["type"] for n in data["nodes"]}
    assert labels == {"Association of Sino-Russian Technical Universities": "Alliance",
                      "Harbin Institute of Technology": "University",
                      "Bauman Moscow State Technical University": "University",
                      "Yanshan University": "University"}  # no articles, facts or countries
    member_edges = {(e["from"], e["label"]) for e in data["edges"] if e["to"] == ASRTU}
    assert member_edges == {(RES + f"org/{m}", "memberOf") for m in ("hit", "bmstu", "yanshan")}
    assert {(e["to"], e["label"]) for e in data["edges"] if e["from"] == ASRTU} == {
        (HIT, "founder"), (RES + "org/bmstu", "founder")}
    properties = {(p["name"], p["value"]) for p in data["properties"]}
    assert {("acronym", "ASRTU"), ("foundingDate", "2011"), ("memberCount", "80")} <= properties


def test_serve_api_neighbourhood_of_an_article_shows_mentions(server):
    status, _, body = call(server, "/api/neighbourhood?iri=" + urllib.parse.quote(RES + "article/a2"))
    data = json.loads(body)
    assert status == 200
    assert {e["label"] for e in data["edges"]} == {"mentions"}
    assert {n["label"] for n in data["nodes"]} == {"HIT in the C9 League", "Harbin Institute of Technology",
                                                  "C9 League"}


@pytest.mark.parametrize("query", ["iri=http://x%3E%20%7D%20DROP", "name="])
def test_serve_api_neighbourhood_bad_iri_is_404(server, query):
    status, _, body = call(server, f"/api/neighbourhood?{query}")
    assert status == 404
    assert "error" in json.loads(body)


def test_serve_api_neighbourhood_unknown_name_is_404(server):
    status, _, body = call(server, "/api/neighbourhood?name=Nowhere%20University")
    assert status == 404
    assert "Nowhere University" in json.loads(body)["error"]


def test_serve_api_info(server):
    info = json.loads(call(server, "/api/info")[2])
    assert info["articles"] == 2  # a1 and a2 of the fixture
    assert info["graphs"] == 2


def test_serve_page_and_static_files(server):
    status, headers, body = call(server, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    for src in ("/static/app.js", "/static/app.css"):
        assert src.encode() in body
        assert call(server, src)[0] == 200
    assert call(server, "/static/../serve.py")[0] == 404
    assert call(server, "/static/vendor/..%2Fserve.py")[0] == 404


def test_serve_vis_network_from_pyvis(server):
    pytest.importorskip("pyvis")
    status, headers, body = call(server, "/static/vendor/vis-network.min.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert b"vis-network" in body[:2000]
    assert call(server, "/static/vendor/vis-network.css")[0] == 200


# ---------------------------------------------------------------- construction


def test_serve_missing_kb_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no KB here"):
        make_server(tmp_path / "nothing", port=0)


def test_serve_port_in_use_is_a_config_error(server, kb_dir):
    with pytest.raises(ConfigError, match="cannot listen"):
        make_server(kb_dir, port=server.server_address[1])


def test_serve_allow_update_writes_and_queries_see_it(kb_dir, tmp_path):
    copy = tmp_path / "kb"
    shutil.copytree(kb_dir, copy)
    from kg.export import write_exports
    from kg.store import open_kb

    with open_kb(copy) as kb:
        write_exports(kb)
    assert (copy / "exports.json").exists()
    server = start_server(copy, allow_update=True, workers=1)
    try:
        data = urllib.parse.urlencode({"update": INSERT})
        status, _, _ = call(server, "/sparql", data=data,
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 204
        assert b"hacked" in get(server, f"SELECT ?l WHERE {{ <{HIT}> rdfs:label ?l }}")[2]
        assert not (copy / "exports.json").exists()  # the next export rewrites the files: they show the edit
    finally:
        stop_server(server)


def test_serve_names_shown_on_the_page_paste_into_queries(server):
    """The page shows IRIs with the prefixes of graph.ttl (org:asrtu); the endpoint has them declared."""
    from kg.export import TURTLE_PREFIXES

    info = json.loads(call(server, "/api/info")[2])
    assert info["prefixes"] == TURTLE_PREFIXES and info["prefixes"]["org"] == RES + "org/"
    status, _, body = get(server, "ASK { org:asrtu a unikg:Alliance }")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = get(server, "CONSTRUCT { ?s a unikg:Alliance } WHERE { ?s a unikg:Alliance }", format="turtle")
    assert status == 200 and b"org:asrtu a unikg:Alliance" in body and b"\\/" not in body


def test_serve_page_opens_with_a_query_in_its_url(server):
    query = urllib.parse.urlencode({"example": "members-of", "param.alliance": "ASRTU", "query": "SELECT * {}"})
    status, headers, body = call(server, f"/?{query}")  # a shared link of the page
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"/static/app.js" in body
