// Shared helpers of the casus pages. Every string from data or from a user goes
// through textContent (el() below); nothing here ever assigns innerHTML.

export const API = "/api/v1";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function svg(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(key, String(value));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function params() {
  return new URLSearchParams(window.location.search);
}

/** Write the form's values into the address bar, so a view can be shared and reloaded. */
export function setParams(values) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "" && value !== false) query.set(key, value);
  }
  const url = `${window.location.pathname}?${query}`;
  window.history.replaceState(null, "", url);
}

export class ApiError extends Error {
  constructor(status, body) {
    const detail = body && (body.error || body.detail || body);
    let message = typeof detail === "string" ? detail : (detail && detail.message) || `HTTP ${status}`;
    if (Array.isArray(detail)) {  // FastAPI validation errors
      message = detail.map((d) => `${(d.loc || []).join(".")}: ${d.msg}`).join("; ");
    }
    super(message);
    this.status = status;
    this.body = body;
  }
}

export function token() {
  return sessionStorage.getItem("casus-token") || "";
}

export async function api(path, { method = "GET", body, auth = false, query } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (auth && token()) headers.Authorization = `Bearer ${token()}`;
  let url = API + path;
  if (query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") q.set(k, v);
    if ([...q].length) url += `?${q}`;
  }
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = text; }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export function banner(message, kind = "error") {
  const node = document.getElementById("banner");
  if (!message) { node.hidden = true; return; }
  node.className = kind;
  node.textContent = message;
  node.hidden = false;
}

export function stateName(state) {
  if (!state) return "";
  return state.name || state.id;
}

export function stateLabel(state) {
  return state ? `${stateName(state)} (${state.id})` : "";
}

// A treaty is named by its short name ("NATO", "China–DPRK 1961"), as the CLI does; its full
// title shows on hover and on its own page.
export function treatyName(treaty) {
  return treaty.short || treaty.name || treaty.id;
}

// An article as answers name it ("Art. 5", "mutual assistance clause"), from the JSON's label.
export function articleLabel(item) {
  return item.label || `Art. ${item.article}`;
}

export function treatyLink(treaty, on) {
  const href = `/treaties/${encodeURIComponent(treaty.id)}${on ? `?on=${on}` : ""}`;
  const title = treaty.short && treaty.name && treaty.name !== treaty.short ? treaty.name : null;
  return el("a", { href, class: "treaty-link", title }, treatyName(treaty));
}

export function sourceLink(source) {
  if (!source) return el("span", { class: "muted" }, "no source");
  const parts = [];
  if (source.kind === "read") {
    parts.push(el("span", { class: "badge read" }, "news"));
    if (source.url) parts.push(" ", externalLink(source.url, source.article || source.url));
    else if (source.article) parts.push(" ", source.article);
    if (source.text) parts.push(" ", el("q", { class: "evidence" }, source.text));
    return el("span", { class: "source" }, parts);
  }
  if (source.url) parts.push(externalLink(source.url, source.title || hostOf(source.url)));
  if (source.dataset) parts.push(`${source.dataset}${source.version ? " " + source.version : ""}`);
  if (source.article) parts.push(` Art. ${source.article}`);
  if (!parts.length) parts.push(source.kind || "source");
  return el("span", { class: "source" }, parts);
}

function hostOf(url) {
  try { return new URL(url).host; } catch { return url; }
}

export function externalLink(url, label) {
  let safe = null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") safe = parsed.href;
  } catch { /* not a URL: shown as text */ }
  if (!safe) return el("span", {}, label || url);
  return el("a", { href: safe, rel: "noopener noreferrer", target: "_blank" }, label || url);
}

/** Conditions as readable lines: {"place": {"area": …, "description": …}} → "place: …". */
export function conditionLines(conditions) {
  if (!conditions) return [];
  if (Array.isArray(conditions)) {  // a scenario's checked conditions
    return conditions.map((c) => `${c.condition}: ${c.status}${c.detail ? " — " + c.detail : ""}`);
  }
  return Object.entries(conditions).map(([key, value]) => {
    if (value && typeof value === "object") {
      const text = value.description || value.text || Object.values(value).filter((v) => typeof v === "string").join("; ");
      return `${key.replace(/_/g, " ")}: ${text || JSON.stringify(value)}`;
    }
    return `${key.replace(/_/g, " ")}: ${value === true ? "yes" : value}`;
  });
}

export const STRENGTHS = [
  { key: "automatic", label: "automatic", help: "must help at once, by all means" },
  { key: "discretionary", label: "discretionary", help: "must act as it deems necessary" },
  { key: "conditional", label: "conditional", help: "bound only if a condition beyond the place holds" },
  { key: "consult", label: "consult only", help: "bound to consult, not to fight" },
];
const RANK = { automatic: 4, discretionary: 3, conditional: 2, consult: 1 };

/** How strongly one duty binds, for the map's colours (docs/web.md explains the rule). */
export function dutyStrength(duty) {
  if (duty.kind === "consultation" || duty.strength === "consult") return "consult";
  const open = Object.keys(duty.conditions || {}).filter((key) => key !== "place");
  if (open.length) return "conditional";
  return duty.strength === "automatic" ? "automatic" : "discretionary";
}

export function strongest(a, b) {
  if (!a) return b;
  return RANK[b] > RANK[a] ? b : a;
}

export function legend(items) {
  return el("ul", { class: "legend", "aria-label": "Legend" },
    items.map((item) => el("li", {}, el("span", { class: `swatch ${item.cls || item.key}`, "aria-hidden": "true" }),
      el("span", {}, item.label), item.help ? el("span", { class: "muted" }, ` — ${item.help}`) : null)));
}

export function field(label, input, hint) {
  return el("label", { class: "field" }, el("span", { class: "label" }, label), input,
    hint ? el("span", { class: "hint" }, hint) : null);
}

/** A text input with a datalist of every state (names and ids), for pickers. */
let statesPromise = null;
export function allStates() {
  if (!statesPromise) {
    statesPromise = api("/states").then((data) => (Array.isArray(data) ? data : data.states || []))
      .catch(() => []);
  }
  return statesPromise;
}

/** The page's one list of every state (names and ids) for pickers; returns its id. */
export function statesList() {
  const listId = "states-list";
  if (!document.getElementById(listId)) {
    const list = el("datalist", { id: listId });
    document.body.append(list);
    allStates().then((states) => {
      for (const s of states) list.append(el("option", { value: s.id }, stateLabel(s)));
    });
  }
  return listId;
}

export async function stateInput(name, value, labelText) {
  const listId = statesList();
  const input = el("input", { name, id: `f-${name}`, value: value || "", list: listId, autocomplete: "off",
    required: true, spellcheck: "false", placeholder: "name or code" });
  return field(labelText, input);
}

export function dateInput(name, value, labelText = "Date") {
  return field(labelText, el("input", { type: "date", name, id: `f-${name}`, value: value || today(),
    min: "1816-01-01", required: true }));
}

export function section(title, ...children) {
  return el("section", { class: "block" }, el("h2", {}, title), children);
}

export function emptyNote(text) {
  return el("p", { class: "muted" }, text);
}
