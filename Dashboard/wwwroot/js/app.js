// The live impact map: a SignalR client of /hubs/impact (snapshot, then batched deltas) drawn with Cytoscape.js.
// State flows one way: hub messages -> state.live -> paint (batched Cytoscape updates) and the side panels.
import { positions, dependencyTree } from "./layout.js";
import { metricChart } from "./chart.js";

const STATUS = {
  ok: { glyph: "✔", label: "OK", rank: 0, color: "#2e9d4f" },
  warning: { glyph: "⚠", label: "Warning", rank: 1, color: "#e0b000" },
  minor: { glyph: "◆", label: "Minor", rank: 2, color: "#f08c00" },
  major: { glyph: "▲", label: "Major", rank: 3, color: "#f4511e" },
  critical: { glyph: "✖", label: "Critical", rank: 4, color: "#ff3b3b" },
  unknown: { glyph: "?", label: "Unknown", rank: 0.5, color: "#78909c" },
};
const MAINTENANCE = { glyph: "⚙", label: "Maintenance", color: "#7986cb" };
const ROOT_GLYPH = "◎";
const KEY_STORAGE = "impactmesh.key";
const LARGE = 1500;
const MAX_ALERTS = 100;

const $ = id => document.getElementById(id);
const info = status => STATUS[status] ?? STATUS.unknown;
const rank = status => info(status).rank;

const state = {
  key: null,
  connection: null,
  cy: null,
  components: [],
  byId: new Map(),
  positions: new Map(),     // id -> layered position of the whole estate
  topologyVersion: -1,
  sequence: 0,
  live: new Map(),          // id -> ComponentStatus, only components not OK (or in maintenance)
  roots: new Set(),         // ids shown as root causes
  edges: new Set(),         // ids of edges on an impact path
  whatIf: null,             // { assume: Set<id>, result: Map<id, WhatIfChange> } while in what-if mode
  selected: null,
  watched: null,            // the component whose metrics the detail panel shows live (Watch on the hub)
  metrics: new Map(),       // metric name -> { ...MetricHighlight, unit, recent } of the watched component
  activeIncident: 0,
  alerts: [],
  stats: { snapshots: 0, deltas: 0, statuses: 0, lastPaintMs: 0, maxPaintMs: 0, lastSnapshotMs: 0, lastBuildMs: 0 },
};

// ---------------------------------------------------------------- API key and HTTP

function initialKey() {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get("key") ?? url.searchParams.get("access_token");
  if (fromUrl) {
    sessionStorage.setItem(KEY_STORAGE, fromUrl);
    url.searchParams.delete("key");
    url.searchParams.delete("access_token");
    history.replaceState(null, "", url);
  }
  return sessionStorage.getItem(KEY_STORAGE);
}

function askKey(message = "") {
  const dialog = $("key-dialog");
  $("key-error").textContent = message;
  $("key-input").value = "";
  return new Promise(resolve => {
    $("key-form").onsubmit = () => {
      const key = $("key-input").value.trim();
      sessionStorage.setItem(KEY_STORAGE, key);
      state.key = key;
      resolve(key);
    };
    if (!dialog.open) dialog.showModal();
    $("key-input").focus();
  });
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { "X-Api-Key": state.key ?? "", ...(options.body ? { "Content-Type": "application/json" } : {}), ...options.headers } });
  if (response.status === 401) {
    sessionStorage.removeItem(KEY_STORAGE);
    await askKey("That key was not accepted.");
    return api(path, options);
  }
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

// ---------------------------------------------------------------- hub

function setConnection(s) {
  const text = { connecting: "◌ connecting", connected: "● live", reconnecting: "◌ reconnecting", disconnected: "○ offline" }[s];
  const el = $("connection");
  el.dataset.state = s;
  el.textContent = text;
}

async function connect() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/impact", { accessTokenFactory: () => state.key })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: c => Math.min(30000, 500 * 2 ** Math.min(c.previousRetryCount, 6)) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on("Snapshot", onSnapshot);
  connection.on("Deltas", onDeltas);
  connection.onreconnecting(() => setConnection("reconnecting"));
  connection.onreconnected(async () => {
    setConnection("connected");
    await requestSnapshot();
    if (state.watched) await watch(state.watched); // a new connection watches nothing
  });
  connection.onclose(() => {
    setConnection("disconnected");
    setTimeout(start, 3000);
  });
  state.connection = connection;
  await start();
}

async function start() {
  setConnection("connecting");
  try {
    await state.connection.start();
    setConnection("connected");
    if (state.watched) await watch(state.watched); // a new connection watches nothing
  } catch (e) {
    setConnection("disconnected");
    if (e?.statusCode === 401) {
      sessionStorage.removeItem(KEY_STORAGE);
      await askKey(state.key ? "That key was not accepted." : "");
      return start();
    }
    setTimeout(start, 3000);
  }
}

async function requestSnapshot() {
  try {
    onSnapshot(await state.connection.invoke("RequestSnapshot"));
  } catch (e) {
    console.warn("snapshot request failed", e);
  }
}

function onSnapshot(snapshot) {
  const t0 = performance.now();
  state.sequence = snapshot.sequence;
  if (snapshot.topologyVersion !== state.topologyVersion || state.cy === null) build(snapshot.components, snapshot.topologyVersion);
  state.stats.lastBuildMs = performance.now() - t0;
  state.live = new Map(snapshot.statuses.map(s => [s.id, s]));
  paintAll();
  renderSlas(snapshot.slas);
  state.stats.snapshots++;
  state.stats.lastSnapshotMs = performance.now() - t0;
  const map = $("map");
  map.dataset.nodeCount = String(state.components.length);
  map.dataset.ready = "true";
}

function onDeltas(deltas) {
  if (deltas.sequence <= state.sequence) return;
  state.sequence = deltas.sequence;
  state.stats.deltas++;
  if (deltas.resync || (deltas.topologyVersion != null && deltas.topologyVersion !== state.topologyVersion)) {
    requestSnapshot();
    return;
  }
  const changed = [];
  for (const s of deltas.statuses) {
    const known = state.live.get(s.id);
    if (s.since == null) s.since = known?.since ?? s.at;
    if (s.status === "ok" && !s.inMaintenance) state.live.delete(s.id);
    else state.live.set(s.id, s);
    changed.push(s.id);
  }
  state.stats.statuses += deltas.statuses.length;
  if (changed.length) paint(changed);
  if (deltas.alerts.length) addAlerts(deltas.alerts);
  for (const h of deltas.metrics) applyHighlights(h);
  if (deltas.slas.length) applySlas(deltas.slas);
}

/** Watches the metrics of one component (the open detail) on the hub, or none. */
async function watch(id) {
  state.watched = id;
  if (state.connection?.state !== signalR.HubConnectionState.Connected) return;
  try {
    if (id == null) await state.connection.invoke("Unwatch");
    else for (const h of await state.connection.invoke("Watch", [id])) applyHighlights(h);
  } catch (e) {
    console.warn("watching metrics failed", e);
  }
}

// ---------------------------------------------------------------- map

function style(large) {
  const s = [
    { selector: "node", style: {
      "background-color": STATUS.ok.color, shape: "ellipse", width: 34, height: 34,
      label: "data(label)", color: "#e8edf2", "font-family": "DejaVu Sans, sans-serif", "font-size": 23,
      "text-valign": "bottom", "text-margin-y": 6, "text-outline-color": "#0b0f14", "text-outline-width": 4,
      "text-wrap": "wrap", "text-max-width": 185, "min-zoomed-font-size": 8,
      "border-width": 2, "border-color": "#0b0f14" } },
    { selector: 'node[kind = "service"]', style: { shape: "round-rectangle", width: 80, height: 48, "font-size": 30, "font-weight": "bold", "text-max-width": 190 } },
    { selector: 'node[kind = "database"]', style: { shape: "barrel" } },
    { selector: 'node[kind = "network"]', style: { shape: "diamond", width: 40, height: 40 } },
    { selector: 'node[kind = "host"], node[kind = "hypervisor"], node[kind = "storage"]', style: { shape: "round-rectangle" } },
    ...Object.entries(STATUS).map(([name, v]) => ({ selector: `node[status = "${name}"]`, style: { "background-color": v.color } })),
    { selector: "node.maintenance", style: { "background-color": MAINTENANCE.color, "border-style": "dashed", "border-color": "#c5cae9", "border-width": 3 } },
    { selector: "node.root", style: { "border-width": 8, "border-color": "#ffffff", "border-style": "double", "font-weight": "bold", "z-index": 20 } },
    { selector: "node.assumed", style: { "border-width": 6, "border-color": "#ffe08a", "border-style": "dashed" } },
    { selector: "edge", style: large
      ? { width: 1, "line-color": "#2f3b48", "curve-style": "haystack", "haystack-radius": 0 }
      : { width: 1.3, "line-color": "#3a4654", "curve-style": "straight", "target-arrow-shape": "triangle", "target-arrow-color": "#3a4654", "arrow-scale": 0.8 } },
    { selector: "edge.affected", style: { width: 3.5, "line-color": "#ff6b6b", "target-arrow-color": "#ff6b6b", "z-index": 10 } },
    { selector: "node:selected", style: { "overlay-color": "#4fc3f7", "overlay-opacity": 0.35, "overlay-padding": 9 } },
    { selector: ".match", style: { "underlay-color": "#4fc3f7", "underlay-opacity": 0.55, "underlay-padding": 12 } },
    { selector: ".hidden", style: { display: "none" } },
  ];
  return s;
}

function build(components, version) {
  state.components = components;
  state.byId = new Map(components.map(c => [c.id, c]));
  state.topologyVersion = version;
  state.roots = new Set();
  state.edges = new Set();
  const at = positions(components, layoutOptions(components.length));
  state.positions = at;
  const elements = [];
  for (const c of components) {
    elements.push({ group: "nodes", data: { id: c.id, kind: c.kind, status: "ok", label: label(c.id, { status: "ok" }, false) }, position: at.get(c.id) });
  }
  for (const c of components) {
    for (const d of c.dependsOn) {
      if (state.byId.has(d)) elements.push({ group: "edges", data: { id: `${c.id}->${d}`, source: c.id, target: d } });
    }
  }
  const large = components.length > LARGE;
  state.cy?.destroy();
  const cy = cytoscape({
    container: $("map"), style: style(large), layout: { name: "preset" },
    minZoom: 0.02, maxZoom: 3, boxSelectionEnabled: false, autoungrabify: true,
    textureOnViewport: large, hideEdgesOnViewport: large, pixelRatio: large ? 1 : "auto",
  });
  cy.batch(() => cy.add(elements)); // about twice as fast as elements passed to the constructor
  cy.on("tap", "node", e => (state.whatIf ? toggleAssumed(e.target.id()) : select(e.target.id(), false)));
  fitPositions(cy, [...at.values()]);
  state.cy = cy;
  fillFocus();
  applyFocus();
  if (state.whatIf) state.whatIf = { assume: new Set([...state.whatIf.assume].filter(id => state.byId.has(id))), result: new Map() };
}

/**
 * Fits the view to node positions without asking Cytoscape for bounding boxes, which would measure every label
 * (seconds for 5,000 nodes); a margin leaves room for the labels.
 */
function fitPositions(cy, points, margin = 90) {
  if (points.length === 0) return;
  const xs = points.map(p => p.x), ys = points.map(p => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs) - margin, Math.max(...xs) + margin, Math.min(...ys) - margin, Math.max(...ys) + margin];
  const zoom = Math.min(cy.width() / (x1 - x0), cy.height() / (y1 - y0), 1.5);
  cy.viewport({ zoom, pan: { x: (cy.width() - zoom * (x0 + x1)) / 2, y: (cy.height() - zoom * (y0 + y1)) / 2 } });
}

function layoutOptions(count) {
  return count > LARGE ? { spacingX: 120, spacingY: 140, rowGap: 60, perRow: 80 } : {};
}

function label(id, entry, root) {
  const c = state.byId.get(id);
  const glyph = entry.inMaintenance && entry.status === "ok" ? MAINTENANCE.glyph : info(entry.status).glyph;
  return `${root ? ROOT_GLYPH + " " : ""}${glyph} ${c?.name ?? id}`;
}

/** What the map shows for a component: the simulated status in what-if mode, else the live one. */
function display(id) {
  if (state.whatIf) {
    if (state.whatIf.assume.has(id) && !state.whatIf.result.has(id)) return { id, status: "critical", rootCauses: [{ id, status: "critical", path: [id] }], simulated: true };
    const change = state.whatIf.result.get(id);
    if (change) return { id, status: change.after, rootCauses: change.rootCauses, simulated: true };
  }
  return state.live.get(id) ?? { id, status: "ok", rootCauses: [] };
}

function notOk() {
  const ids = new Set([...state.live.keys()]);
  if (state.whatIf) for (const id of [...state.whatIf.assume, ...state.whatIf.result.keys()]) ids.add(id);
  return [...ids].map(display).filter(e => e.status !== "ok" || e.inMaintenance);
}

function paintAll() {
  paint(state.components.map(c => c.id));
}

function paint(ids) {
  const cy = state.cy;
  if (!cy) return;
  const t0 = performance.now();
  const entries = notOk();
  const roots = new Set();
  const edges = new Set();
  for (const e of entries) {
    if (e.status === "ok") continue;
    for (const r of e.rootCauses ?? []) {
      roots.add(r.id);
      for (let i = 1; i < r.path.length; i++) edges.add(`${r.path[i]}->${r.path[i - 1]}`);
    }
  }
  const relabel = new Set(ids);
  for (const id of roots) if (!state.roots.has(id)) relabel.add(id);
  for (const id of state.roots) if (!roots.has(id)) relabel.add(id);
  cy.batch(() => {
    for (const id of relabel) {
      const node = cy.getElementById(id);
      if (node.empty()) continue;
      const e = display(id);
      const root = roots.has(id);
      const text = label(id, e, root);
      if (node.data("label") !== text || node.data("status") !== e.status) node.data({ status: e.status, label: text });
      const maintenance = !!e.inMaintenance, assumed = !!state.whatIf?.assume.has(id);
      if (node.hasClass("root") !== root) node.toggleClass("root", root);
      if (node.hasClass("maintenance") !== maintenance) node.toggleClass("maintenance", maintenance);
      if (node.hasClass("assumed") !== assumed) node.toggleClass("assumed", assumed);
    }
    for (const id of state.edges) if (!edges.has(id)) cy.getElementById(id).removeClass("affected");
    for (const id of edges) if (!state.edges.has(id)) cy.getElementById(id).addClass("affected");
  });
  state.roots = roots;
  state.edges = edges;
  const ms = performance.now() - t0;
  state.stats.lastPaintMs = ms;
  state.stats.maxPaintMs = Math.max(state.stats.maxPaintMs, ms);
  scheduleSide();
}

// ---------------------------------------------------------------- side panels

let sidePending = false;
function scheduleSide() {
  if (sidePending) return;
  sidePending = true;
  setTimeout(() => {
    sidePending = false;
    renderIncidents();
    renderStatusList();
    if (state.selected) refreshDetailStatus();
  }, 50);
}

function name(id) {
  return state.byId.get(id)?.name ?? id;
}

function statusHtml(status, inMaintenance) {
  if (inMaintenance && status === "ok") return `<span class="st st-maintenance">${MAINTENANCE.glyph} ${MAINTENANCE.label}</span>`;
  const i = info(status);
  return `<span class="st st-${status}">${i.glyph} ${i.label}</span>`;
}

function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, ch => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]);
}

function when(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  const minutes = Math.max(0, Math.round((Date.now() - d.getTime()) / 60000));
  const ago = minutes < 1 ? "just now" : minutes < 120 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
  return `${d.toLocaleString([], { hour12: false, month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" })} (${ago})`;
}

/** Current incidents: one per root cause, with the services it affects and since when, biggest first. */
function incidents() {
  const entries = notOk();
  const byRoot = new Map();
  for (const e of entries) {
    if (e.status === "ok") continue;
    for (const r of e.rootCauses ?? []) {
      const incident = byRoot.get(r.id) ?? { root: r.id, status: display(r.id).status, services: [], since: null };
      if (state.byId.get(e.id)?.kind === "service") incident.services.push(e.id);
      const since = e.since ?? null;
      if (since && (!incident.since || since < incident.since)) incident.since = since;
      byRoot.set(r.id, incident);
    }
  }
  for (const incident of byRoot.values()) incident.services.sort((a, b) => name(a).localeCompare(name(b), undefined, { numeric: true }));
  return [...byRoot.values()].sort((a, b) => b.services.length - a.services.length || rank(b.status) - rank(a.status) || String(a.since).localeCompare(String(b.since)) || a.root.localeCompare(b.root));
}

function renderIncidents() {
  const list = $("incidents");
  const items = incidents();
  const hadFocus = list.contains(document.activeElement) || document.activeElement === list;
  const activeRoot = list.children[state.activeIncident]?.dataset.root;
  const index = Math.max(0, items.findIndex(i => i.root === activeRoot));
  state.activeIncident = items.length ? Math.min(index, items.length - 1) : 0;
  list.replaceChildren(...items.map((incident, i) => {
    const li = document.createElement("li");
    li.id = `incident-${i}`;
    li.setAttribute("role", "option");
    li.dataset.root = incident.root;
    li.dataset.status = incident.status;
    li.dataset.services = incident.services.join(" ");
    li.setAttribute("aria-selected", String(i === state.activeIncident));
    const names = incident.services.slice(0, 6).map(s => escapeHtml(name(s))).join(", ") + (incident.services.length > 6 ? ` and ${incident.services.length - 6} more` : "");
    li.innerHTML = `<div class="cause">${statusHtml(incident.status)} ${ROOT_GLYPH} ${escapeHtml(name(incident.root))}</div>`
      + `<div class="affected">${incident.services.length ? `Affects ${incident.services.length} service${incident.services.length > 1 ? "s" : ""}: <strong>${names}</strong>` : "Affects no business service"}</div>`
      + `<div class="since">${state.whatIf ? "simulated (what-if)" : `since ${escapeHtml(when(incident.since))}`}</div>`;
    li.addEventListener("click", () => { state.activeIncident = i; openIncident(); });
    return li;
  }));
  if (items.length) list.setAttribute("aria-activedescendant", `incident-${state.activeIncident}`);
  else list.removeAttribute("aria-activedescendant");
  $("incident-count").textContent = String(items.length);
  $("no-incidents").hidden = items.length > 0;
  if (hadFocus) list.focus();
}

function moveIncident(delta) {
  const list = $("incidents");
  const count = list.children.length;
  if (!count) return;
  state.activeIncident = delta === Infinity ? count - 1 : delta === -Infinity ? 0 : (state.activeIncident + delta + count) % count;
  for (const [i, li] of [...list.children].entries()) li.setAttribute("aria-selected", String(i === state.activeIncident));
  list.setAttribute("aria-activedescendant", `incident-${state.activeIncident}`);
  list.children[state.activeIncident].scrollIntoView({ block: "nearest" });
}

function openIncident() {
  const li = $("incidents").children[state.activeIncident];
  if (li) select(li.dataset.root, true);
}

function renderStatusList() {
  const items = notOk().sort((a, b) => rank(b.status) - rank(a.status) || a.id.localeCompare(b.id));
  $("status-list").replaceChildren(...items.map(e => {
    const li = document.createElement("li");
    li.dataset.id = e.id;
    li.dataset.status = e.status;
    if (state.roots.has(e.id)) li.dataset.rootCause = "true";
    li.textContent = `${name(e.id)}: ${info(e.status).label}${state.roots.has(e.id) ? " (root cause)" : ""}${e.reason ? ` — ${e.reason}` : ""}`;
    return li;
  }));
}

function addAlerts(alerts) {
  const list = $("alerts");
  for (const a of alerts) {
    const li = document.createElement("li");
    li.dataset.component = a.component;
    li.dataset.status = a.new;
    const t = new Date(a.at).toLocaleTimeString([], { hour12: false });
    li.innerHTML = `<time datetime="${escapeHtml(a.at)}">${t}</time>${statusHtml(a.new)} <strong>${escapeHtml(name(a.component))}</strong> <span class="muted">was ${escapeHtml(info(a.old).label)}${a.reason ? ` — ${escapeHtml(a.reason)}` : ""}</span>`;
    list.prepend(li);
  }
  while (list.children.length > MAX_ALERTS) list.lastElementChild.remove();
}

// ---------------------------------------------------------------- selection and detail

function select(id, center) {
  const cy = state.cy;
  const node = cy?.getElementById(id);
  if (!node || node.empty()) return;
  state.selected = id;
  cy.$(":selected").unselect();
  node.select();
  if (center) cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
  showDetail(id);
}

async function showDetail(id) {
  const body = $("detail-body");
  $("detail").dataset.component = id;
  body.innerHTML = `<p class="muted">Loading ${escapeHtml(id)}…</p>`;
  try {
    const component = await api(`/api/components/${encodeURIComponent(id)}`);
    if (state.selected === id) renderDetail(component);
  } catch (e) {
    body.innerHTML = `<p class="error">Could not load ${escapeHtml(id)}: ${escapeHtml(e.message)}</p>`;
  }
}

function relationId(r) {
  return typeof r === "string" ? r : r.id;
}

function chips(ids) {
  if (!ids.length) return `<span class="muted">none</span>`;
  return `<div class="chips">${ids.map(id => `<button type="button" class="chip" data-go="${escapeHtml(id)}">${info(display(id).status).glyph} ${escapeHtml(name(id))}</button>`).join("")}</div>`;
}

const MAX_POINTS = 240;

/** The metrics of a component response, with their declared unit, as the detail panel keeps them for live updates. */
function metricsOf(component) {
  return (component.health?.metrics ?? []).map(m => ({ ...m, unit: component.metrics?.[m.metric]?.unit, recent: [...(m.recent ?? [])] }));
}

/** Applies a watched component's metric highlights from the hub: the latest value, band, score and status, one more chart point. */
function applyHighlights(highlights) {
  if (highlights.id !== state.watched || $("detail").dataset.component !== highlights.id) return;
  for (const h of highlights.metrics) {
    const known = state.metrics.get(h.metric) ?? { recent: [] };
    const recent = known.recent;
    const last = recent[recent.length - 1];
    if (h.lastTimestamp != null && h.lastValue != null && (!last || new Date(h.lastTimestamp) > new Date(last.timestamp))) {
      recent.push({ timestamp: h.lastTimestamp, value: h.lastValue, lower: h.bandLower, upper: h.bandUpper });
      if (recent.length > MAX_POINTS) recent.splice(0, recent.length - MAX_POINTS);
    }
    const metric = { ...known, ...h, recent };
    state.metrics.set(h.metric, metric);
    renderMetric(metric);
  }
}

function renderMetric(m) {
  const holder = $("detail-metrics");
  if (!holder) return;
  if (!holder.querySelector("h3")) holder.insertAdjacentHTML("afterbegin", "<h3>Metrics</h3>");
  let div = [...holder.querySelectorAll(".metric")].find(d => d.dataset.metric === m.metric);
  if (!div) {
    div = document.createElement("div");
    div.className = "metric";
    div.dataset.metric = m.metric;
    holder.append(div);
  }
  const value = m.lastValue != null ? `${+(+m.lastValue).toPrecision(6)}${m.unit ? ` ${m.unit}` : ""}` : "no value yet";
  const caption = [m.bandLower != null && m.bandUpper != null ? `band ${+(+m.bandLower).toPrecision(4)} … ${+(+m.bandUpper).toPrecision(4)}` : "",
    m.anomalyScore != null ? `anomaly score ${(+m.anomalyScore).toFixed(2)}` : "", m.status ? `${info(m.status).glyph} ${info(m.status).label}` : ""].filter(Boolean).join(" · ");
  div.dataset.status = m.status ?? "unknown";
  div.innerHTML = `<div><strong>${escapeHtml(m.metric)}</strong> <span class="value" data-value="${escapeHtml(String(m.lastValue ?? ""))}">${escapeHtml(value)}</span> <span class="caption">${escapeHtml(caption)}</span></div>`
    + (m.reason ? `<div class="caption">${escapeHtml(m.reason)}</div>` : "");
  const chart = metricChart(m.recent, { label: m.metric });
  if (chart) div.append(chart);
  else div.insertAdjacentHTML("beforeend", `<p class="muted">no recent values</p>`);
}

/** Closes the detail panel and stops watching its metrics. */
function closeDetail() {
  state.selected = null;
  state.cy?.$(":selected").unselect();
  $("detail").dataset.component = "";
  $("detail").dataset.status = "";
  $("detail-body").innerHTML = `<p class="muted">Select a component on the map, in the incidents or by search.</p>`;
  $("detail-close").hidden = true;
  state.metrics = new Map();
  watch(null);
}

function renderDetail(component) {
  const id = component.id;
  const live = display(id);
  const health = component.health ?? {};
  const status = live.simulated ? live.status : health.status ?? live.status;
  $("detail").dataset.component = id;
  $("detail").dataset.status = status;
  const tags = Object.entries(component.tags ?? {}).map(([k, v]) => `${escapeHtml(k)}=${escapeHtml(v)}`).join(", ");
  const causes = (live.simulated ? live.rootCauses : health.rootCauses ?? live.rootCauses ?? []);
  const body = $("detail-body");
  body.innerHTML = `
    <h3 style="color:var(--text);font-size:1.15rem">${escapeHtml(component.name ?? id)}</h3>
    <dl>
      <dt>Id</dt><dd>${escapeHtml(id)}</dd>
      <dt>Kind</dt><dd>${escapeHtml(component.kind)}</dd>
      <dt>Status</dt><dd id="detail-status">${statusHtml(status, health.maintenance != null)}${live.simulated ? " <em>(simulated)</em>" : ""}</dd>
      <dt>Reason</dt><dd>${escapeHtml(live.simulated ? "what-if" : health.reason ?? live.reason ?? "")}</dd>
      <dt>Since</dt><dd>${escapeHtml(when(health.since ?? live.since))}</dd>
      <dt>Own status</dt><dd>${statusHtml(health.ownStatus ?? "ok")} ${escapeHtml(health.ownReason ?? "")}</dd>
      ${health.maintenance ? `<dt>Maintenance</dt><dd>${escapeHtml(health.maintenance.reason)}${health.maintenance.until ? ` until ${escapeHtml(when(health.maintenance.until))}` : ""}</dd>` : ""}
      ${tags ? `<dt>Tags</dt><dd>${tags}</dd>` : ""}
    </dl>
    <h3>Root causes and impact paths</h3>
    ${causes.length ? `<ul id="detail-causes">${causes.map(r => `<li>${statusHtml(r.status)} <button type="button" class="chip" data-go="${escapeHtml(r.id)}">${ROOT_GLYPH} ${escapeHtml(name(r.id))}</button><div class="path">${r.path.map(p => escapeHtml(name(p))).join(" → ")}</div></li>`).join("")}</ul>` : `<p class="muted">none</p>`}
    <div id="detail-metrics"></div>
    <h3>Depends on</h3>${chips((component.dependsOn ?? []).map(relationId))}
    <h3>Needed by</h3>${chips((component.dependents ?? []).map(relationId))}
    <p><button type="button" id="detail-focus">Focus on its dependency tree</button></p>`;
  $("detail-close").hidden = false;
  state.metrics = new Map(metricsOf(component).map(m => [m.metric, m]));
  for (const m of state.metrics.values()) renderMetric(m);
  if (state.watched !== id) watch(id);
  for (const b of body.querySelectorAll("[data-go]")) b.addEventListener("click", () => select(b.dataset.go, true));
  body.querySelector("#detail-focus").addEventListener("click", () => focusOn(id));
}

function refreshDetailStatus() {
  const id = state.selected;
  const el = $("detail-status");
  if (!id || !el || $("detail").dataset.component !== id) return;
  const e = display(id);
  $("detail").dataset.status = e.status;
  el.innerHTML = `${statusHtml(e.status, e.inMaintenance)}${e.simulated ? " <em>(simulated)</em>" : ""}`;
}

// ---------------------------------------------------------------- focus, search, what-if

function fillFocus() {
  const select = $("focus-select");
  const current = select.value;
  const services = state.components.filter(c => c.kind === "service").sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id));
  select.replaceChildren(new Option("Whole estate", ""), ...services.map(c => new Option(c.name ?? c.id, c.id)));
  select.value = state.byId.has(current) ? current : "";
}

function focusOn(id) {
  const select = $("focus-select");
  if (![...select.options].some(o => o.value === id)) select.append(new Option(name(id), id));
  select.value = id;
  applyFocus();
}

function applyFocus() {
  const cy = state.cy;
  if (!cy) return;
  const root = $("focus-select").value;
  const keep = root && state.byId.has(root) ? dependencyTree(state.components, root) : null;
  // A focused tree gets its own compact layered layout; the whole estate gets its positions back.
  const tree = keep && state.components.filter(c => keep.has(c.id)).map(c => ({ ...c, dependsOn: c.dependsOn.filter(d => keep.has(d)) }));
  const at = tree ? positions(tree, layoutOptions(tree.length)) : state.positions;
  cy.batch(() => cy.nodes().forEach(n => {
    const hidden = keep !== null && !keep.has(n.id());
    n.toggleClass("hidden", hidden);
    if (!hidden && at.has(n.id())) n.position(at.get(n.id()));
  }));
  cy.fit(cy.nodes(":visible"), 40);
  $("map").dataset.focus = root;
}

function search(query) {
  const cy = state.cy;
  if (!cy) return [];
  const q = query.trim().toLowerCase();
  const [key, value] = q.includes("=") ? q.split("=", 2) : [null, null];
  const matches = q ? state.components.filter(c =>
    key !== null
      ? Object.entries(c.tags ?? {}).some(([k, v]) => k.toLowerCase() === key && v.toLowerCase().includes(value))
      : c.id.toLowerCase().includes(q) || (c.name ?? "").toLowerCase().includes(q) || c.kind.toLowerCase() === q
        || Object.entries(c.tags ?? {}).some(([k, v]) => k.toLowerCase() === q || v.toLowerCase().includes(q))) : [];
  const ids = new Set(matches.map(c => c.id));
  cy.batch(() => cy.nodes().forEach(n => n.toggleClass("match", ids.has(n.id()))));
  $("search-count").textContent = q ? `${matches.length} match${matches.length === 1 ? "" : "es"}` : "";
  return matches;
}

function enterWhatIf() {
  state.whatIf = { assume: new Set(), result: new Map() };
  $("whatif-toggle").setAttribute("aria-pressed", "true");
  $("whatif-banner").hidden = false;
  $("whatif-summary").textContent = "";
  document.body.dataset.mode = "whatif";
}

function exitWhatIf() {
  state.whatIf = null;
  $("whatif-toggle").setAttribute("aria-pressed", "false");
  $("whatif-banner").hidden = true;
  document.body.dataset.mode = "live";
  paintAll();
}

async function toggleAssumed(id) {
  const w = state.whatIf;
  if (w.assume.has(id)) w.assume.delete(id);
  else w.assume.add(id);
  await runWhatIf();
}

async function runWhatIf() {
  const w = state.whatIf;
  if (!w) return;
  const assume = Object.fromEntries([...w.assume].map(id => [id, "critical"]));
  let summary = "";
  if (w.assume.size === 0) w.result = new Map();
  else {
    const result = await api("/api/whatif", { method: "POST", body: JSON.stringify({ assume }) });
    if (state.whatIf !== w) return;
    w.result = new Map(result.changes.map(c => [c.id, c]));
    const services = result.changes.filter(c => state.byId.get(c.id)?.kind === "service" && rank(c.after) > rank(c.before));
    summary = `Failing ${[...w.assume].map(name).join(", ")}: ${result.changes.length} components change, ${services.length} business service${services.length === 1 ? "" : "s"} affected (${services.map(c => name(c.id)).join(", ") || "none"}).`;
  }
  $("whatif-summary").textContent = summary;
  $("whatif-summary").dataset.changes = String(w.result.size);
  paintAll();
}

// ---------------------------------------------------------------- wiring

function wire() {
  const list = $("incidents");
  list.addEventListener("keydown", e => {
    const moves = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    if (e.key in moves) { moveIncident(moves[e.key]); e.preventDefault(); }
    else if (e.key === "Enter" || e.key === " ") { openIncident(); e.preventDefault(); }
  });
  let timer = 0;
  $("search-input").addEventListener("input", e => { clearTimeout(timer); timer = setTimeout(() => search(e.target.value), 150); });
  $("search").addEventListener("submit", e => {
    e.preventDefault();
    const first = search($("search-input").value)[0];
    if (first) select(first.id, true);
  });
  $("focus-select").addEventListener("change", applyFocus);
  $("fit").addEventListener("click", () => state.cy?.fit(state.cy.nodes(":visible"), 40));
  $("whatif-toggle").addEventListener("click", () => (state.whatIf ? exitWhatIf() : enterWhatIf()));
  $("whatif-exit").addEventListener("click", exitWhatIf);
  $("whatif-clear").addEventListener("click", () => { if (state.whatIf) { state.whatIf.assume.clear(); runWhatIf(); } });
  $("detail-close").addEventListener("click", closeDetail);
  $("orleans-link").addEventListener("click", e => { if (state.key) e.currentTarget.href = `/dashboard?key=${encodeURIComponent(state.key)}`; });
  setInterval(scheduleSide, 30000); // keeps "n min ago" current
}

// Hooks for end-to-end tests and for poking at the map from the console.
window.impactMesh = {
  get ready() { return $("map").dataset.ready === "true"; },
  get stats() { return { ...state.stats, nodes: state.cy?.nodes().length ?? 0, notOk: state.live.size }; },
  status: id => display(id).status,
  isRootCause: id => state.roots.has(id),
  isAffectedEdge: (from, to) => state.edges.has(`${from}->${to}`),
  incidents,
  select: id => select(id, true),
  /** The page coordinates of a node, to click it. */
  point(id) {
    const node = state.cy.getElementById(id);
    const box = $("map").getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  },
  /** Renders a component response (as GET /api/components/{id} returns it) in the detail panel. */
  renderDetail(component) { state.selected = component.id; renderDetail(component); },
  closeDetail,
  /** The component whose metrics the page watches on the hub (the open detail), or null. */
  get watched() { return state.watched; },
  search,
  focusOn,
  visible: () => state.cy.nodes(":visible").map(n => n.id()),
  /** Drops the hub connection as a network failure would; the page reconnects and takes a fresh snapshot. */
  disconnect: () => state.connection.stop(),
  matches: () => state.cy.nodes(".match").map(n => n.id()),
};

// ---------------------------------------------------------------- service levels

const SLA_REFRESH_MS = 60000;
const OUTCOME = { met: "✔", missed: "▲", breached: "✖", "no-data": "?" };
const seenSlaAlerts = new Set();

const slaList = new Map();   // id -> SlaSummary with receivedAt (performance.now() when it arrived)

/**
 * Each SLA's standing this period, with a link to its report; new burn-rate alerts go to the alert feed. The snapshot
 * brings every SLA, deltas each change of standing at once; GET /api/slas every minute refreshes the running figures
 * (level so far, budget left), which move without changing the standing.
 */
async function refreshSlas() {
  const asked = performance.now();
  try {
    renderSlas((await api("/api/slas")).slas, asked);
  } catch (e) {
    console.warn("service levels could not be read", e);
  }
}

/**
 * A full list replaces what is known, except what a delta brought after the list was asked for: a slow GET would
 * otherwise take away an SLA created meanwhile until the next refresh. A snapshot is ordered with the deltas: it
 * replaces everything.
 */
function renderSlas(slas, asked = Infinity) {
  for (const [id, known] of slaList) if (known.receivedAt < asked) slaList.delete(id);
  applySlas(slas);
}

function applySlas(slas) {
  for (const sla of slas) {
    const known = slaList.get(sla.id);
    if (!known || new Date(known.at) <= new Date(sla.at)) slaList.set(sla.id, { ...sla, receivedAt: performance.now() });
  }
  const all = [...slaList.values()].sort((a, b) => a.id.localeCompare(b.id));
  $("slas").replaceChildren(...all.map(sla => {
    const li = document.createElement("li");
    li.dataset.sla = sla.id;
    const standing = (sla.standing ?? []).map(s => {
      const achieved = typeof s.achieved === "number" ? `${+s.achieved.toFixed(3)} ${escapeHtml(s.unit)}` : "no data";
      return `<span class="slo" data-outcome="${escapeHtml(s.outcome)}">${OUTCOME[s.outcome] ?? "?"} ${escapeHtml(s.slo)}: ${achieved} (target ${s.target} ${escapeHtml(s.unit)}; ${escapeHtml(s.outcome)})</span>`;
    }).join("");
    const alerts = sla.alerts?.length ? `<span class="error">${sla.alerts.length} burn-rate alert${sla.alerts.length > 1 ? "s" : ""}</span>` : "";
    const report = sla.period ? ` <a href="/api/slas/${encodeURIComponent(sla.id)}/report?format=html&key=${encodeURIComponent(state.key ?? "")}" target="_blank" rel="noopener">report ${escapeHtml(sla.period)}</a>` : "";
    li.dataset.state = sla.state;
    li.innerHTML = `<strong>${escapeHtml(sla.name || sla.id)}</strong> <span class="muted">${escapeHtml(sla.customer)} · ${escapeHtml(sla.state)}</span>${report} ${alerts}<div>${standing}</div>`;
    return li;
  }));
  const fresh = all.flatMap(sla => (sla.alerts ?? []).map(a => ({ sla, a }))).filter(({ sla, a }) => !seenSlaAlerts.has(`${sla.id}/${a.slo}/${a.since}`));
  for (const { sla, a } of fresh) {
    seenSlaAlerts.add(`${sla.id}/${a.slo}/${a.since}`);
    addAlerts([{ component: sla.id, new: a.severity === "page" ? "critical" : "major", old: "ok", at: a.since,
      reason: `${sla.name || sla.id}: ${a.slo} error budget burning ${(+a.longRate).toFixed(1)}x` }]);
  }
}

wire();
state.key = initialKey() ?? (await askKey());
$("key-dialog").close();
await connect();
await refreshSlas();
setInterval(refreshSlas, SLA_REFRESH_MS);
