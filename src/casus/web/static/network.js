// Network page: states as nodes, the defence duties in force on a date as directed
// edges, grouped (and coloured) by treaty; a slider replays 1816 to today.
import { api, el, svg, clear, params, setParams, banner, today, stateLabel, treatyLink, field, emptyNote } from "./common.js";

const FIRST_YEAR = 1816;
const positions = new Map();  // kept across dates, so the picture does not jump

export async function networkPage(main) {
  const query = params();
  const on = query.get("on") || today();
  const thisYear = Number(today().slice(0, 4));
  const date = el("input", { type: "date", name: "on", id: "f-on", value: on, min: `${FIRST_YEAR}-01-01`, required: true });
  const slider = el("input", { type: "range", id: "year", min: FIRST_YEAR, max: thisYear, step: 1,
    value: on.slice(0, 4), "aria-label": "Year" });
  const yearLabel = el("output", { for: "year", id: "year-label" }, on.slice(0, 4));
  const play = el("button", { type: "button", id: "play", "aria-pressed": "false" }, "Play");
  const form = el("form", { class: "controls", id: "network-form" }, field("Date", date),
    field("Year", el("span", { class: "slider" }, slider, yearLabel), `${FIRST_YEAR} to ${thisYear}`),
    el("button", { type: "submit" }, "Show"), play);
  const chart = el("div", { class: "network-box", id: "network" });
  const side = el("aside", { class: "panel", id: "treaty-groups", "aria-live": "polite" });
  const summary = el("p", { id: "network-summary", class: "muted" });
  main.append(el("h1", {}, "The defence network"), form, summary, el("div", { class: "split" }, chart, side));

  let request = 0;
  const show = async () => {
    const day = date.value || today();
    setParams({ on: day });
    slider.value = day.slice(0, 4);
    yearLabel.textContent = day.slice(0, 4);
    const mine = ++request;
    let data;
    try {
      data = await api("/network", { query: { on: day, kind: "defense" } });
    } catch (error) { banner(error.message); return; }
    if (mine !== request) return;  // a later date was asked for meanwhile
    banner(null);
    render(data, day, chart, side, summary);
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); stop(); show(); });
  slider.addEventListener("input", () => { yearLabel.textContent = slider.value; });
  slider.addEventListener("change", () => {
    date.value = `${slider.value}${(date.value || today()).slice(4)}`;
    if (date.value > today()) date.value = today();
    show();
  });
  let timer = null;
  const stop = () => { if (timer) clearInterval(timer); timer = null; play.textContent = "Play"; play.setAttribute("aria-pressed", "false"); };
  play.addEventListener("click", () => {
    if (timer) { stop(); return; }
    play.textContent = "Pause";
    play.setAttribute("aria-pressed", "true");
    if (Number(slider.value) >= thisYear) slider.value = FIRST_YEAR;
    timer = setInterval(() => {
      const next = Number(slider.value) + 1;
      if (next > thisYear) { stop(); return; }
      slider.value = next;
      date.value = `${next}${(date.value || today()).slice(4)}`;
      if (date.value > today()) date.value = today();
      show();
    }, 900);
  });
  await show();
}

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
  "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];

function render(data, day, chart, side, summary) {
  const edges = (data.edges || []).filter((e) => !e.kind || e.kind === "defense");
  const nodesById = new Map((data.nodes || []).map((n) => [n.id, n]));
  const groups = new Map();
  for (const e of edges) {
    if (!groups.has(e.treaty)) groups.set(e.treaty, { id: e.treaty, name: e.treaty_short || e.treaty_name || e.treaty, title: e.treaty_name || e.treaty, edges: [], states: new Set() });
    const g = groups.get(e.treaty);
    g.edges.push(e); g.states.add(e.obligor); g.states.add(e.beneficiary);
  }
  const ordered = [...groups.values()].sort((a, b) => b.states.size - a.states.size || a.name.localeCompare(b.name));
  ordered.forEach((g, i) => { g.colour = PALETTE[i % PALETTE.length]; });
  const used = new Set(edges.flatMap((e) => [e.obligor, e.beneficiary]));
  summary.textContent = `${day}: ${used.size} states bound by ${edges.length} defence duties under ${ordered.length} treaties.`;
  clear(chart);
  clear(side);
  if (!edges.length) {
    chart.append(emptyNote(`No defence duty was in force on ${day}.`));
    return;
  }
  const nodes = [...used].map((id) => {
    const n = nodesById.get(id) || { id, name: id };
    const old = positions.get(id);
    return { ...n, x: old ? old.x : undefined, y: old ? old.y : undefined };
  });
  // one link per treaty and unordered pair; "mutual" when the duty runs both ways
  const pairs = new Map();
  for (const e of edges) {
    const [a, b] = [e.obligor, e.beneficiary].sort();
    const key = `${e.treaty}|${a}|${b}`;
    if (!pairs.has(key)) pairs.set(key, { treaty: e.treaty, source: e.obligor, target: e.beneficiary, ways: new Set(), articles: new Set() });
    const p = pairs.get(key);
    p.ways.add(`${e.obligor}>${e.beneficiary}`);
    p.articles.add(e.label || `Art. ${e.article}`);
  }
  const links = [...pairs.values()].map((p) => ({ ...p, mutual: p.ways.size > 1 }));
  const width = 900, height = 620;
  const d3 = window.d3;
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links.map((l) => ({ source: l.source, target: l.target }))).id((d) => d.id).distance(60).strength(0.08))
    .force("charge", d3.forceManyBody().strength(-90))
    .force("x", d3.forceX(width / 2).strength(0.05))
    .force("y", d3.forceY(height / 2).strength(0.07))
    .force("collide", d3.forceCollide(14))
    .stop();
  for (let i = 0; i < 220; i++) sim.tick();
  for (const n of nodes) {
    n.x = Math.max(20, Math.min(width - 20, n.x));
    n.y = Math.max(14, Math.min(height - 14, n.y));
    positions.set(n.id, { x: n.x, y: n.y });
  }
  const at = new Map(nodes.map((n) => [n.id, n]));
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "network", role: "group",
    "aria-label": `Defence network on ${day}` });
  const defs = svg("defs");
  for (const g of ordered) {
    const marker = svg("marker", { id: `arrow-${cssId(g.id)}`, viewBox: "0 0 10 10", refX: 19, refY: 5,
      markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" });
    marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: g.colour }));
    defs.append(marker);
  }
  root.append(defs);
  const linkLayer = svg("g", { class: "links" });
  for (const l of links) {
    const g = groups.get(l.treaty);
    const a = at.get(l.source), b = at.get(l.target);
    const line = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: g.colour, class: "edge",
      "data-treaty": l.treaty, "data-a": l.source, "data-b": l.target, "marker-end": `url(#arrow-${cssId(g.id)})`,
      "marker-start": l.mutual ? `url(#arrow-${cssId(g.id)})` : null });
    const title = svg("title");
    title.textContent = l.mutual
      ? `${a.name} ⇄ ${b.name}: ${g.name} ${[...l.articles].join(", ")}`
      : `${a.name} → ${b.name} (bound to defend): ${g.name} ${[...l.articles].join(", ")}`;
    line.append(title);
    linkLayer.append(line);
  }
  const nodeLayer = svg("g", { class: "nodes" });
  for (const n of nodes) {
    const group = svg("g", { class: "node", transform: `translate(${n.x},${n.y})`, tabindex: "0",
      role: "img", "aria-label": `${n.name} (${n.id})`, "data-state": n.id });
    group.append(svg("circle", { r: 7 }));
    const text = svg("text", { x: 9, y: 4 });
    text.textContent = n.id;
    const title = svg("title");
    title.textContent = `${n.name} (${n.id})`;
    group.append(text, title);
    group.addEventListener("focus", () => highlightState(root, n.id));
    group.addEventListener("mouseenter", () => highlightState(root, n.id));
    group.addEventListener("mouseleave", () => highlightState(root, null));
    group.addEventListener("blur", () => highlightState(root, null));
    nodeLayer.append(group);
  }
  root.append(linkLayer, nodeLayer);
  chart.append(root);

  side.append(el("h2", {}, "Treaties"), el("p", { class: "small muted" },
    "Arrows run from the state bound to defend to the state it defends; two heads: both ways."));
  const list = el("ul", { class: "groups" });
  for (const g of ordered) {
    const members = [...g.states].map((id) => at.get(id)).sort((a, b) => a.name.localeCompare(b.name));
    list.append(el("li", {},
      el("button", { type: "button", class: "linkish", "data-treaty": g.id, "aria-pressed": "false", title: g.title,
        onclick: (event) => {
          const pressed = event.currentTarget.getAttribute("aria-pressed") === "true";
          for (const b of list.querySelectorAll("button")) b.setAttribute("aria-pressed", "false");
          event.currentTarget.setAttribute("aria-pressed", String(!pressed));
          highlightTreaty(root, pressed ? null : g.id);
        } },
      swatch(g.colour), g.name),
      el("span", { class: "small muted" }, ` ${g.states.size} states, ${g.edges.length} duties `),
      treatyLink({ id: g.id, name: "details" }, day),
      el("details", {}, el("summary", { class: "small" }, "States"),
        el("p", { class: "small" }, members.map((m) => stateLabel(m)).join(", ")))));
  }
  side.append(list);
}

function swatch(colour) {
  const node = el("span", { class: "swatch", "aria-hidden": "true" });
  node.style.background = colour;  // a CSSOM property, which the page's CSP allows (a style attribute it does not)
  return node;
}

function cssId(text) {
  return String(text).replace(/[^A-Za-z0-9_-]/g, "_");
}

function highlightTreaty(root, treatyId) {
  root.classList.toggle("focus-mode", Boolean(treatyId));
  for (const line of root.querySelectorAll("line.edge")) line.classList.toggle("on", line.dataset.treaty === treatyId);
}

function highlightState(root, stateId) {
  root.classList.toggle("focus-mode", Boolean(stateId));
  for (const line of root.querySelectorAll("line.edge")) {
    line.classList.toggle("on", Boolean(stateId) && (line.dataset.a === stateId || line.dataset.b === stateId));
  }
}
