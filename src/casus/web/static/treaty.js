// Treaty pages: the list, and one treaty with its parties on a timeline, its
// articles and obligations, conditions, sources and the news evidence that fed it.
import {
  api, el, append, svg, clear, params, setParams, banner, today, stateLabel, stateName, sourceLink, conditionLines,
  field, section, emptyNote, treatyLink, treatyName, articleLabel, externalLink, statesList,
} from "./common.js";

export async function treatyListPage(main) {
  const q = params();
  const form = el("form", { class: "controls", id: "treaties-form" },
    field("Party", el("input", { name: "state", id: "f-state", value: q.get("state") || "", placeholder: "any state",
      list: statesList(), autocomplete: "off" })),
    field("In force on", el("input", { type: "date", name: "on", id: "f-on", value: q.get("on") || "" })),
    field("Kind", el("select", { name: "kind", id: "f-kind" }, el("option", { value: "" }, "any"),
      ["defense", "offense", "neutrality", "nonaggression", "consultation"].map((k) =>
        el("option", { value: k, selected: q.get("kind") === k }, k)))),
    el("button", { type: "submit" }, "Filter"));
  const table = el("div", { id: "treaty-table" });
  main.append(el("h1", {}, "Treaties"), form, table);
  const show = async () => {
    const data = Object.fromEntries(new FormData(form));
    setParams(data);
    let rows;
    try { rows = (await api("/treaties", { query: data })).treaties; } catch (error) { banner(error.message); return; }
    banner(null);
    clear(table);
    table.append(el("p", { class: "muted" }, `${rows.length} treaties`), el("div", { class: "scroll" }, el("table", {},
      el("thead", {}, el("tr", {}, ["Treaty", "Signed", "In force", "Ended", "Kinds", "Parties"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows.map((t) => el("tr", {},
        el("td", {}, treatyLink(t, data.on), t.short && t.short !== t.name ? el("div", { class: "small muted" }, t.name) : null),
        el("td", {}, t.signed || "—"), el("td", {}, t.in_force || "not yet"), el("td", {}, t.ended ? `${t.ended} ${t.end_reason || ""}` : "—"),
        el("td", {}, (t.kinds || []).join(", ")), el("td", { class: "small" }, `${t.parties.length}: ${t.parties.slice(0, 8).map(stateName).join(", ")}${t.parties.length > 8 ? "…" : ""}`)))))));
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); show(); });
  await show();
}

export async function treatyPage(main, treatyId) {
  const on = params().get("on") || "";
  let treaty, evidence = [];
  try {
    treaty = await api(`/treaties/${encodeURIComponent(treatyId)}`, { query: { on } });
  } catch (error) {
    main.append(el("h1", {}, "Treaty not found"), el("p", {}, error.message));
    return;
  }
  try {
    const data = await api(`/treaties/${encodeURIComponent(treaty.id)}/evidence`);
    evidence = data.evidence || [];
  } catch { /* an older server without the evidence route: the records' own sources still show */ }
  document.title = `${treaty.name} — casus`;
  append(main, [
    el("h1", { id: "treaty-name" }, treatyName(treaty)),
    treaty.short && treaty.short !== treaty.name ? el("p", { id: "treaty-title", class: "muted" }, treaty.name) : null,
    el("p", { class: "facts" },
      treaty.organisation ? `${treaty.organisation} · ` : "",
      `signed ${treaty.signed || "?"} · `, treaty.in_force ? `in force ${treaty.in_force}` : "not yet in force",
      treaty.ended ? ` · ended ${treaty.ended} (${treaty.end_reason || "ended"})` : "",
      treaty.status ? ` · on ${on}: ${treaty.status}` : ""),
    el("p", { class: "small" }, "Source: ", sourceLink(treaty.source)),
    treaty.aliases && treaty.aliases.length ? el("p", { class: "small muted" }, `Also called: ${treaty.aliases.join("; ")}`) : null,
    treaty.notes ? el("p", { class: "note" }, treaty.notes) : null,
    treaty.uncertain ? el("p", { class: "uncertain" }, `Uncertain: ${treaty.uncertain}`) : null,
    section(`Parties (${treaty.members.length})`, timeline(treaty), memberTable(treaty, on)),
    section("Articles and obligations", obligations(treaty)),
    treaty.suspensions.length ? section("Suspensions and declarations", el("ul", {}, treaty.suspensions.map((s) =>
      el("li", {}, `${s.from}${s.to ? "–" + s.to : ""}: ${s.summary} (${s.legal_effect}) `, sourceLink(s.source))))) : null,
    section("News evidence", newsEvidence(treaty, evidence)),
    section("Sources", sourcesList(treaty)),
  ]);
}

function timeline(treaty) {
  const members = treaty.members;
  if (!members.length) return emptyNote("No parties recorded.");
  const now = today();
  const dates = members.flatMap((m) => [m.signed, m.from, m.to]).concat([treaty.signed, treaty.in_force, treaty.ended]).filter(Boolean);
  const start = dates.reduce((a, b) => (a < b ? a : b));
  const end = treaty.ended && treaty.ended < now ? treaty.ended : now;
  const t0 = Date.parse(start), t1 = Math.max(Date.parse(end), t0 + 86400000 * 365);
  const width = 900, row = 18, left = 150, top = 24;
  const height = top + row * members.length + 8;
  const x = (d) => left + ((Date.parse(d) - t0) / (t1 - t0)) * (width - left - 10);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline", role: "img",
    "aria-label": `Timeline of the ${members.length} parties, ${start.slice(0, 4)} to ${end.slice(0, 4)}` });
  const y0 = Number(start.slice(0, 4)), y1 = Number(end.slice(0, 4));
  const step = Math.max(1, Math.ceil((y1 - y0) / 10));
  for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) {
    const px = x(`${y}-01-01`);
    if (px < left) continue;
    root.append(svg("line", { x1: px, x2: px, y1: top - 6, y2: height, class: "tick" }));
    const label = svg("text", { x: px, y: 14, class: "tick-label" }); label.textContent = String(y); root.append(label);
  }
  members.forEach((m, i) => {
    const y = top + i * row;
    const name = svg("text", { x: left - 6, y: y + 12, class: "row-label" });
    name.textContent = stateName(m.state);
    root.append(name);
    if (m.signed && (!m.from || m.signed < m.from)) {
      const pend = svg("rect", { x: x(m.signed), y: y + 4, width: Math.max(2, x(m.from || end) - x(m.signed)), height: row - 8, class: "bar pending" });
      root.append(pend);
    }
    if (m.from) {
      const bar = svg("rect", { x: x(m.from), y: y + 2, width: Math.max(2, x(m.to || end) - x(m.from)), height: row - 4,
        class: `bar${m.bound_on_date === false ? " off" : ""}` });
      const title = svg("title");
      title.textContent = `${stateName(m.state)}: ${m.from} to ${m.to || "today"}${m.left_reason ? ` (${m.left_reason})` : ""}`;
      bar.append(title);
      root.append(bar);
    }
  });
  return el("div", { class: "scroll" }, root,
    el("p", { class: "small muted" }, "Solid: bound; pale: signed, not yet bound. Dates in the table below."));
}

function memberTable(treaty, on) {
  return el("details", {}, el("summary", {}, "Parties as a table"), el("div", { class: "scroll" }, el("table", { id: "members" },
    el("thead", {}, el("tr", {}, ["State", "Signed", "Bound from", "Until", on ? `Bound on ${on}` : null, "Source"].filter(Boolean).map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, treaty.members.map((m) => el("tr", {},
      el("td", {}, el("a", { href: `/map?state=${encodeURIComponent(m.state.id)}&on=${on || today()}` }, stateLabel(m.state))),
      el("td", {}, m.signed || "—"), el("td", {}, m.from || "not yet"),
      el("td", {}, m.to ? `${m.to}${m.left_reason ? " (" + m.left_reason + ")" : ""}` : "—"),
      on ? el("td", {}, m.bound_on_date ? "yes" : "no") : null,
      el("td", { class: "small" }, sourceLink(m.source), m.uncertain ? el("span", { class: "uncertain" }, ` uncertain: ${m.uncertain}`) : null)))))));
}

function who(value, treaty) {
  if (value === "members") return "every party";
  return value.map((id) => { const m = treaty.members.find((x) => x.state.id === id); return m ? stateName(m.state) : id; }).join(", ");
}

function obligations(treaty) {
  if (!treaty.obligations.length) return emptyNote("No obligations recorded.");
  return el("div", { id: "obligations" }, treaty.obligations.map((o) => {
    const lines = conditionLines(o.conditions);
    return el("article", { class: "card" },
      el("h3", {}, `${articleLabel(o)}: ${o.kind}`, el("span", { class: `badge s-${o.strength}` }, o.strength)),
      el("p", { class: "small" }, `${who(o.obligors, treaty)} → ${who(o.beneficiaries, treaty)}; ${o.from || "?"} to ${o.to || "today"}`),
      o.summary ? el("p", {}, o.summary) : null,
      lines.length ? el("ul", { class: "conditions", "aria-label": "Conditions" }, lines.map((l) => el("li", {}, l))) : el("p", { class: "small muted" }, "No conditions."),
      o.note ? el("p", { class: "note" }, o.note) : null,
      o.uncertain ? el("p", { class: "uncertain" }, `Uncertain: ${o.uncertain}`) : null,
      el("p", { class: "small" }, "Source: ", sourceLink(o.source)));
  }));
}

/** Evidence from the news: accepted proposals, and records whose source is an article. */
function newsEvidence(treaty, evidence) {
  const items = [];
  const seen = new Set();
  for (const p of evidence) {
    seen.add(`${p.source.article}|${(p.source.span || []).join("-")}`);
    items.push(el("li", { class: "evidence-item" },
      el("p", {}, el("span", { class: "badge read" }, p.kind.replace(/_/g, " ")), ` ${p.summary}`),
      el("blockquote", { class: "evidence" }, p.source.text || ""),
      el("p", { class: "small muted" }, `Article ${p.source.article || "?"}`, p.source.url ? " · " : "",
        p.source.url ? externalLink(p.source.url) : null, ` · characters ${(p.source.span || []).join("–")}`,
        ` · accepted ${p.decided_at || ""} by ${p.decided_by || "?"} · proposal ${p.id}`)));
  }
  const records = [treaty, ...treaty.members, ...treaty.obligations];
  for (const r of records) {
    const s = r.source;
    if (!s || s.kind !== "read") continue;
    const key = `${s.article}|${(s.span || []).join("-")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(el("li", { class: "evidence-item" }, el("blockquote", { class: "evidence" }, s.text || ""),
      el("p", { class: "small muted" }, `Article ${s.article || "?"}`, s.url ? " · " : "", s.url ? externalLink(s.url) : null)));
  }
  if (!items.length) return emptyNote("No news evidence has been accepted for this treaty yet.");
  return el("ul", { id: "evidence", class: "plain" }, items);
}

function sourcesList(treaty) {
  const out = new Map();
  const add = (source, what) => {
    if (!source) return;
    const key = source.url || source.dataset || source.article || JSON.stringify(source);
    if (!out.has(key)) out.set(key, { source, what: new Set() });
    out.get(key).what.add(what);
  };
  add(treaty.source, "treaty");
  for (const m of treaty.members) add(m.source, "parties");
  for (const o of treaty.obligations) add(o.source, `Art. ${o.article}`);
  return el("ul", { id: "sources" }, [...out.values()].map(({ source, what }) =>
    el("li", {}, sourceLink(source), el("span", { class: "small muted" }, ` (${[...what].join(", ")})`))));
}
