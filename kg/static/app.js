// unikg explorer: query editor, results table and entity graph over the local SPARQL endpoint.
// Plain browser JavaScript, no build step; the graph is drawn with vis-network (from pyvis).
"use strict";

// [namespace, "prefix:"], longest namespace first; replaced by the server's list (/api/info) at start-up.
let PREFIXES = [
  ["https://w3id.org/unikg/resource/", "res:"],
  ["https://w3id.org/unikg/ontology#", "unikg:"],
  ["http://www.w3.org/2000/01/rdf-schema#", "rdfs:"],
  ["http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf:"],
  ["http://www.w3.org/2004/02/skos/core#", "skos:"],
  ["http://www.w3.org/ns/prov#", "prov:"],
  ["http://www.w3.org/2002/07/owl#", "owl:"],
  ["http://www.w3.org/2001/XMLSchema#", "xsd:"],
];
const COLORS = {
  Alliance: "#f08c00", University: "#1f6feb", ResearchInstitute: "#0f9d9a", Program: "#2f9e44",
  Ranking: "#8250df", Organization: "#9c6644", Person: "#d6336c", Country: "#868e96",
  Article: "#e3b505", Other: "#adb5bd",
};
// Library queries offered for a node of a given type: [query name, parameter, button text].
const NODE_QUERIES = [
  ["facts-about", "entity", "All facts, with evidence", null],
  ["members-of", "alliance", "Members", ["Alliance"]],
  ["alliances-of", "university", "Alliances", ["University", "ResearchInstitute"]],
  ["articles-mentioning", "entity", "Articles mentioning it", null],
];
const MAX_TABLE_ROWS = 5000;
const NUMERIC = /#(integer|decimal|double|float|int|long|short|nonNegativeInteger|positiveInteger)$/;

// A local name that needs no escapes in SPARQL or Turtle (PN_LOCAL without backslashes or %).
const PLAIN_LOCAL = /^(?:[A-Za-z0-9_](?:[\w.-]*[\w-])?)?$/;

const state = {
  library: [], lastRun: null, defaultQuery: "", shownSearch: null, network: null, nodes: null, edges: null,
  details: new Map(),  // node IRI -> its /api/neighbourhood answer
};

const $ = (selector) => document.querySelector(selector);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

// An IRI as text that can be pasted into a query: a prefixed name (org:idea-league), else <IRI>.
function shorten(iri) {
  for (const [namespace, prefix] of PREFIXES) {
    if (iri.startsWith(namespace) && PLAIN_LOCAL.test(iri.slice(namespace.length))) {
      return prefix + iri.slice(namespace.length);
    }
  }
  return `<${iri}>`;
}

function truncate(text, length) {
  return text.length > length ? text.slice(0, length - 1) + "\u2026" : text;
}

class UserError extends Error {}

// ------------------------------------------------------------------ start-up

async function init() {
  $("#endpoint-url").textContent = `${location.origin}/sparql`;
  $("#help-link").addEventListener("click", (event) => {
    event.preventDefault();
    $("#help").hidden = !$("#help").hidden;
  });
  $("#example").addEventListener("change", () => selectExample($("#example").value));
  $("#run").addEventListener("click", () => run());
  $("#editor").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
  });
  $("#graph-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = $("#entity").value.trim();
    if (value) showEntity(value);
  });
  $("#graph-clear").addEventListener("click", clearGraph);
  state.defaultQuery = $("#editor").value;
  await Promise.all([loadInfo(), loadLibrary()]);
  window.addEventListener("popstate", () => {
    if (location.search !== state.shownSearch) restoreFromUrl();
  });
  restoreFromUrl();
  const match = location.hash.match(/^#entity=(.+)$/);
  if (match) showEntity(decodeURIComponent(match[1]));
}

// ------------------------------------------------------------------ the query in the URL

// The page's URL holds the query (?query=SPARQL, and for a library query ?example=NAME&param.NAME=VALUE),
// so a link shows the same results and the back button returns to the previous query.
function queryUrl() {
  const params = new URLSearchParams();
  const query = currentQuery();
  if (query) {
    params.set("example", query.name);
    for (const param of query.params) params.set(`param.${param.name}`, $(`#param-${param.name}`).value.trim());
  }
  params.set("query", $("#editor").value);
  return `?${params}`;
}

function restoreFromUrl() {
  const params = new URLSearchParams(location.search);
  state.shownSearch = location.search;
  const name = params.get("example");
  selectExample(name && state.library.some((query) => query.name === name) ? name : "");
  for (const [key, value] of params) {
    const input = key.startsWith("param.") ? $(`#param-${CSS.escape(key.slice(6))}`) : null;
    if (input) input.value = value;
  }
  if (params.has("query")) $("#editor").value = params.get("query");
  else if (!currentQuery()) $("#editor").value = state.defaultQuery;
  if (params.has("query") || currentQuery()) {
    run({ remember: false });
  } else {
    clearResults();
    setStatus("");
  }
}

function rememberInUrl() {
  const search = queryUrl();
  if (search !== location.search) history.pushState(null, "", `${search}${location.hash}`);
  state.shownSearch = location.search;
}

async function loadInfo() {
  try {
    const info = await (await fetch("/api/info")).json();
    if (info.prefixes) {
      PREFIXES = Object.entries(info.prefixes).map(([prefix, namespace]) => [namespace, `${prefix}:`])
        .sort((a, b) => b[0].length - a[0].length);
      $("#prefix-list").replaceChildren(...Object.keys(info.prefixes).flatMap((prefix, i) =>
        [i ? ", " : "", el("code", { title: info.prefixes[prefix] }, `${prefix}:`)]));
    }
    $("#kb-info").textContent =
      `${info.kb} \u00b7 ${info.articles} articles \u00b7 ${info.quads.toLocaleString()} statements`;
  } catch (error) {
    $("#kb-info").textContent = "Could not read the knowledge base summary.";
  }
}

async function loadLibrary() {
  state.library = await (await fetch("/api/queries")).json();
  const select = $("#example");
  select.replaceChildren(select.querySelector("option[value='']"));
  for (const query of state.library) {
    select.append(el("option", { value: query.name }, `${query.name} \u2014 ${truncate(query.summary, 70)}`));
  }
}

function currentQuery() {
  return state.library.find((query) => query.name === $("#example").value) || null;
}

function selectExample(name) {
  $("#example").value = name;
  const query = currentQuery();
  $("#example-summary").textContent = query ? query.summary : "";
  const params = $("#params");
  params.replaceChildren();
  if (!query) return;
  $("#editor").value = query.sparql;
  for (const param of query.params) {
    const hint = { entity: "name, acronym or IRI", year: "e.g. 2020", literal: "text" }[param.kind] || "";
    const input = el("input", { id: `param-${param.name}`, name: param.name, placeholder: hint,
      onkeydown: (event) => { if (event.key === "Enter") run(); } });
    params.append(el("div", { class: "param" },
      el("label", { for: input.id }, param.name), input, el("small", {}, param.kind)));
  }
  const first = params.querySelector("input");
  if (first) first.focus();
}

// ------------------------------------------------------------------ running queries

async function boundSparql(sparql) {
  const query = currentQuery();
  if (!query || query.params.length === 0) return sparql;
  const params = {};
  for (const param of query.params) {
    const value = $(`#param-${param.name}`).value.trim();
    if (!value) throw new UserError(`Fill in \u201c${param.name}\u201d (${param.kind}) first.`);
    params[param.name] = value;
  }
  const response = await fetch("/api/bind", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ library: query.name, query: sparql, params }),
  });
  const answer = await response.json();
  if (!response.ok) throw new UserError(answer.error);
  return answer.sparql;
}

async function run({ remember = true } = {}) {
  const button = $("#run");
  button.disabled = true;
  setStatus("Running\u2026");
  if (remember) rememberInUrl();
  try {
    const sparql = await boundSparql($("#editor").value);
    const started = performance.now();
    const response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query",
                 "Accept": "application/sparql-results+json, application/n-triples;q=0.9" },
      body: sparql,
    });
    const text = await response.text();
    if (!response.ok) {
      throw new UserError(response.status === 400 ? text : `${response.status} ${response.statusText}: ${text}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    showResults(sparql, response, text, seconds);
  } catch (error) {
    clearResults();  // results of an earlier query must not look like this one's
    setStatus(error instanceof UserError ? error.message : `Could not run the query: ${error}`, true);
  } finally {
    button.disabled = false;
  }
}

function showResults(sparql, response, text, seconds) {
  const graph = !(response.headers.get("Content-Type") || "").includes("sparql-results+json");
  const limit = response.headers.get("X-SPARQL-MaxRows");
  state.lastRun = { sparql, graph, name: currentQuery() ? currentQuery().name : "query" };
  const executed = $("#executed");
  executed.hidden = false;
  executed.querySelector("pre").textContent = sparql;
  setDownloads();
  let count;
  if (graph) {
    const rows = parseNTriples(text);
    renderTable(["subject", "predicate", "object"], rows);
    count = `${rows.length} triple${rows.length === 1 ? "" : "s"}`;
  } else {
    const data = JSON.parse(text);
    if ("boolean" in data) {
      $("#results").replaceChildren(el("p", { class: "ask" }, data.boolean ? "Yes (true)" : "No (false)"));
      count = "ASK answered";
    } else {
      renderTable(data.head.vars, data.results.bindings);
      const n = data.results.bindings.length;
      count = `${n} row${n === 1 ? "" : "s"}`;
    }
  }
  const status = $("#status");
  status.className = "";
  status.replaceChildren(`${count} in ${seconds} s`);
  if (limit) {
    status.append(" \u2014 ", el("span", { class: "warn" },
      `result cut at the server's limit of ${limit} rows; add LIMIT/OFFSET or aggregate to see the rest`));
  }
}

function clearResults() {
  state.lastRun = null;
  $("#results").replaceChildren();
  $("#downloads").hidden = true;
  $("#executed").hidden = true;
}

function setStatus(message, isError = false) {
  const status = $("#status");
  status.className = isError ? "error" : "";
  status.textContent = message;
}

function setDownloads() {
  const run = state.lastRun;
  const formats = run.graph
    ? [["turtle", "Turtle", "ttl"], ["jsonld", "JSON-LD", "jsonld"], ["ntriples", "N-Triples", "nt"]]
    : [["csv", "CSV", "csv"], ["tsv", "TSV", "tsv"], ["json", "JSON", "json"], ["xml", "XML", "xml"]];
  const box = $("#downloads");
  box.hidden = false;
  box.replaceChildren("Download:", ...formats.map(([format, label, ext]) => el("a", {
    href: `/sparql?query=${encodeURIComponent(run.sparql)}&format=${format}`,
    download: `${run.name}.${ext}`,
  }, label)));
}

// ------------------------------------------------------------------ results table

function termCell(term) {
  if (!term) return el("td");
  if (term.type === "uri") {
    return el("td", {}, el("a", {
      class: "iri", href: `#entity=${encodeURIComponent(term.value)}`, title: `${term.value}\nClick to show as a graph`,
      "data-iri": term.value,
      onclick: (event) => { event.preventDefault(); showEntity(term.value); },
    }, shorten(term.value)));
  }
  if (term.type === "bnode") return el("td", {}, `_:${term.value}`);
  const numeric = term.datatype && NUMERIC.test(term.datatype);
  const cell = el("td", { class: numeric ? "num" : null, title: term.datatype ? shorten(term.datatype) : null },
    term.value);
  if (term["xml:lang"]) cell.append(el("span", { class: "meta" }, `@${term["xml:lang"]}`));
  return cell;
}

// The column that names a row: the first *label/name/title column, else the first column.
function labelColumn(vars) {
  const found = vars.find((name) => /(label|name|title)$/i.test(name));
  return found === undefined ? vars[0] : found;
}

function renderTable(allVars, rows) {
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  const label = labelColumn(allVars);
  const vars = [label, ...allVars.filter((name) => name !== label)];  // shown first, and kept in view (sticky)
  const table = el("table", {},
    el("thead", {}, el("tr", {}, vars.map((name) => el("th", {}, name)))),
    el("tbody", {}, shown.map((row) => el("tr", {}, vars.map((name) => termCell(row[name]))))));
  const results = $("#results");
  results.replaceChildren(table);
  if (rows.length > shown.length) {
    results.append(el("p", { class: "hint" },
      `The table shows the first ${MAX_TABLE_ROWS} rows; download the results to get all ${rows.length}.`));
  }
  if (rows.length === 0) results.append(el("p", { class: "hint" }, "No results."));
}

const NT_TERM = /\s*(?:<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?)/y;

function unescapeLiteral(text) {
  try {
    return JSON.parse(`"${text.replace(/\\U([0-9A-Fa-f]{8})/g,
      (_, hex) => String.fromCodePoint(parseInt(hex, 16)).split("").map(
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""))}"`);
  } catch (error) {
    return text;
  }
}

function parseNTriples(text) {
  const rows = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    NT_TERM.lastIndex = 0;
    const terms = [];
    for (let i = 0; i < 3; i += 1) {
      const m = NT_TERM.exec(line);
      if (!m) break;
      if (m[1] !== undefined) terms.push({ type: "uri", value: m[1] });
      else if (m[2] !== undefined) terms.push({ type: "bnode", value: m[2] });
      else terms.push({ type: "literal", value: unescapeLiteral(m[3]), "xml:lang": m[4], datatype: m[5] });
    }
    if (terms.length === 3) rows.push({ subject: terms[0], predicate: terms[1], object: terms[2] });
  }
  return rows;
}

// ------------------------------------------------------------------ graph view

function ensureNetwork() {
  if (state.network || !window.vis) return Boolean(state.network);
  state.nodes = new vis.DataSet();
  state.edges = new vis.DataSet();
  const container = $("#graph");
  container.replaceChildren();
  state.network = new vis.Network(container, { nodes: state.nodes, edges: state.edges }, {
    nodes: { shape: "dot", size: 13, borderWidth: 1.5,
             font: { size: 13, face: "system-ui, sans-serif", color: "#1f2933", strokeWidth: 3, strokeColor: "#fff" } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, width: 1.2,
             color: { color: "#aab4bf", highlight: "#1f6feb", hover: "#616e7c" },
             font: { size: 10, color: "#616e7c", strokeWidth: 3, align: "middle" },
             smooth: { type: "continuous" } },
    physics: { solver: "forceAtlas2Based",
               forceAtlas2Based: { gravitationalConstant: -70, springLength: 120, avoidOverlap: 0.4 },
               stabilization: { iterations: 250 } },
    interaction: { hover: true, tooltipDelay: 150 },
  });
  state.network.on("click", (params) => {
    if (params.nodes.length) expand(params.nodes[0]);
  });
  return true;
}

function visNode(node, center) {
  const color = COLORS[node.type] || COLORS.Other;
  const big = node.id === center;
  return {
    id: node.id, label: truncate(node.label, 30), group: node.type,
    title: `${node.label}\n${node.type}\n${node.id}`,
    size: big ? 22 : 13, borderWidth: big ? 3 : 1.5,
    color: { background: color, border: big ? "#15263b" : color,
             highlight: { background: color, border: "#15263b" }, hover: { background: color, border: "#15263b" } },
  };
}

async function showEntity(value) {
  $("#entity").value = value;
  clearGraph();
  const center = await expand(value);
  if (center) history.replaceState(null, "", `#entity=${encodeURIComponent(center)}`);
}

function clearGraph() {
  state.details.clear();
  if (state.nodes) { state.nodes.clear(); state.edges.clear(); }
  $("#node-info").replaceChildren();
  $("#legend").replaceChildren();
}

async function expand(value) {
  if (state.details.has(value)) {
    renderInfo(state.details.get(value));
    return value;
  }
  const key = /^https?:\/\//.test(value) ? "iri" : "name";
  const response = await fetch(`/api/neighbourhood?${key}=${encodeURIComponent(value)}`);
  const data = await response.json();
  if (!response.ok) {
    $("#node-info").replaceChildren(el("p", { class: "note" }, data.error || response.statusText));
    return null;
  }
  state.details.set(data.center, data);
  if (ensureNetwork()) {
    for (const node of data.nodes) {
      if (!state.nodes.get(node.id) || node.id === data.center) state.nodes.update(visNode(node, data.center));
    }
    // Many labelled edges are unreadable: past 15, the predicate shows on hover only.
    const labelled = data.edges.length <= 15;
    state.edges.update(data.edges.map((edge) => ({ ...edge, label: labelled ? edge.label : undefined,
                                                   title: shorten(edge.predicate) })));
    state.network.selectNodes([data.center]);
  } else {
    renderFallback(data);
  }
  renderLegend();
  renderInfo(data);
  return data.center;
}

function renderFallback(data) {
  // Without vis-network (pyvis not installed): list the relations instead of drawing them.
  const labels = new Map(data.nodes.map((node) => [node.id, node.label]));
  $("#graph").replaceChildren(el("ul", { class: "fallback" }, data.edges.map((edge) => {
    const other = edge.from === data.center ? edge.to : edge.from;
    const arrow = edge.from === data.center ? `${edge.label} \u2192 ` : `\u2190 ${edge.label} `;
    return el("li", {}, arrow, el("a", { class: "iri", href: "#",
      onclick: (event) => { event.preventDefault(); showEntity(other); } }, labels.get(other) || other));
  })));
}

function renderLegend() {
  const types = new Set();
  for (const data of state.details.values()) for (const node of data.nodes) types.add(node.type);
  $("#legend").replaceChildren(...[...types].sort().map((type) =>
    el("span", { style: `--dot: ${COLORS[type] || COLORS.Other}` }, type)));
}

function propertyList(data) {
  const grouped = new Map();
  for (const prop of data.properties) {
    if (!grouped.has(prop.name)) grouped.set(prop.name, []);
    const values = grouped.get(prop.name);
    if (!values.some((v) => v.value === prop.value)) values.push(prop);
  }
  const list = el("dl");
  for (const [name, values] of grouped) {
    const items = values.map((prop) => prop.iri
      ? el("a", { href: prop.value, target: "_blank", rel: "noopener noreferrer" }, prop.value)
      : prop.value);
    const dd = el("dd");
    items.forEach((item, i) => { if (i) dd.append(", "); dd.append(item); });
    list.append(el("dt", {}, name), dd);
  }
  return list;
}

function renderInfo(data) {
  const center = data.nodes.find((node) => node.id === data.center) || { label: data.center, type: "Other", types: [] };
  const others = data.nodes.length - 1;
  const info = $("#node-info");
  info.replaceChildren(
    el("h2", {}, center.label),
    el("p", { class: "type" }, `${center.types.join(", ") || "resource"} \u00b7 `, el("code", {}, shorten(data.center))),
    propertyList(data),
    el("p", {}, `${others} neighbour${others === 1 ? "" : "s"} shown; click a node to expand it.`),
  );
  if (data.truncated) {
    info.append(el("p", { class: "note" }, `Only the first ${data.limit} relations are drawn.`));
  }
  const buttons = el("div", { class: "buttons" });
  for (const [name, param, label, types] of NODE_QUERIES) {
    if (types && !types.includes(center.type)) continue;
    if (!state.library.some((query) => query.name === name)) continue;
    buttons.append(el("button", { type: "button", class: "secondary",
      onclick: () => runLibrary(name, { [param]: data.center }) }, label));
  }
  info.append(buttons);
}

function runLibrary(name, values) {
  selectExample(name);
  for (const [param, value] of Object.entries(values)) {
    const input = $(`#param-${param}`);
    if (input) input.value = value;
  }
  run();
  $("#query-panel").scrollIntoView({ behavior: "smooth" });
}

// For tests and the browser console.
window.unikg = {
  state,
  nodeLabels: () => (state.nodes ? state.nodes.get().map((node) => node.title.split("\n")[0]) : []),
  showEntity,
};

document.addEventListener("DOMContentLoaded", init);
