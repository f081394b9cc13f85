// Map page: pick a state and a date; the world coloured by who is bound to defend it.
import {
  api, el, clear, params, setParams, banner, stateLabel, stateName, treatyName, articleLabel, treatyLink, sourceLink,
  conditionLines, STRENGTHS, dutyStrength, strongest, legend, stateInput, dateInput, section, emptyNote,
} from "./common.js";
import { drawWorld, loadWorld } from "./worldmap.js";

export async function mapPage(main) {
  const query = params();
  const form = el("form", { class: "controls", id: "map-form" },
    await stateInput("state", query.get("state"), "State"),
    dateInput("on", query.get("on")),
    el("button", { type: "submit" }, "Show"));
  const mapBox = el("div", { class: "map-box", id: "map" });
  const panel = el("aside", { class: "panel", id: "panel", "aria-live": "polite" },
    emptyNote("Pick a state and a date to see who is bound to defend it."));
  main.append(el("h1", {}, "Who is bound to defend…"), form,
    el("div", { class: "split" }, el("div", {}, mapBox, legend(STRENGTHS)), panel));

  const show = async () => {
    const data = new FormData(form);
    const state = String(data.get("state") || "").trim();
    const on = String(data.get("on") || "");
    setParams({ state, on });
    if (!state) {
      await drawWorld(mapBox, { classOf: () => null, labelOf: () => null });
      return;
    }
    banner(null);
    let profile;
    try {
      profile = await api(`/states/${encodeURIComponent(state)}/profile`, { query: { on } });
    } catch (error) {
      banner(error.message);
      return;
    }
    await renderProfile(profile, mapBox, panel);
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); show(); });
  await show();
}

/** Duties owed to the profiled state, grouped by the state that owes them. */
function defenders(profile) {
  const byState = new Map();
  const add = (duty) => {
    const id = duty.state.id;
    if (!byState.has(id)) byState.set(id, { state: duty.state, duties: [], strength: null });
    const entry = byState.get(id);
    entry.duties.push(duty);
    entry.strength = strongest(entry.strength, dutyStrength(duty));
  };
  for (const duty of profile.defended_by) add(duty);
  for (const duty of profile.other) {
    if (duty.kind === "consultation" && duty.role === "beneficiary") add(duty);
  }
  return byState;
}

async function renderProfile(profile, mapBox, panel) {
  const target = profile.state;
  const on = profile.on;
  const bound = defenders(profile);
  const features = await loadWorld();
  const onMap = new Set(features.map((f) => f.properties.state));
  const shown = el("div", { class: "detail", id: "detail", tabindex: "-1" });
  const select = (stateId) => {
    world.select(stateId);
    clear(shown);
    shown.append(detailCard(stateId, bound.get(stateId), target, on, profile));
    shown.focus({ preventScroll: true });
  };
  const world = await drawWorld(mapBox, {
    title: `World map: states bound to defend ${stateName(target)} on ${on}`,
    classOf: (id) => (id === target.id ? "target" : bound.has(id) ? `s-${bound.get(id).strength}` : null),
    labelOf: (id, feature) => {
      const where = feature.properties.territory ? `${feature.properties.territory} (${id})` : feature.properties.name;
      if (id === target.id) return `${where}: ${stateName(target)}, the state asked about`;
      const entry = bound.get(id);
      if (!entry) return null;
      const first = entry.duties[0];
      return `${where}: bound to defend ${stateName(target)} (${entry.strength}) — ${treatyName(first.treaty)} ${articleLabel(first)}`;
    },
    onSelect: (id) => select(id),
  });
  world.select(target.id);

  clear(panel);
  panel.append(el("h2", { id: "panel-title" }, `Bound to defend ${stateLabel(target)} on ${on}`));
  for (const note of profile.notes) panel.append(el("p", { class: "note" }, note));
  if (!bound.size) panel.append(emptyNote(`No state is bound to defend ${stateName(target)} on ${on}.`));
  const list = el("ul", { class: "bound-list", id: "bound-list" });
  const rank = { automatic: 0, discretionary: 1, conditional: 2, consult: 3 };
  const sorted = [...bound.values()].sort((a, b) => rank[a.strength] - rank[b.strength]
    || stateName(a.state).localeCompare(stateName(b.state)));
  for (const entry of sorted) {
    const articles = new Map();
    for (const d of entry.duties) {
      if (!articles.has(treatyName(d.treaty))) articles.set(treatyName(d.treaty), []);
      articles.get(treatyName(d.treaty)).push(articleLabel(d));
    }
    const treaties = [...articles].map(([name, arts]) => `${name} ${arts.join(", ")}`);
    list.append(el("li", {},
      el("button", { type: "button", class: "linkish", "data-state": entry.state.id,
        onclick: () => select(entry.state.id) },
      el("span", { class: `swatch s-${entry.strength}`, "aria-hidden": "true" }),
      stateLabel(entry.state)),
      el("span", { class: "muted" }, ` ${entry.strength}`),
      onMap.has(entry.state.id) ? null : el("span", { class: "muted" }, " (not on today's map)"),
      el("div", { class: "small" }, treaties.join("; "))));
  }
  panel.append(list, shown);
  if (profile.pending.length) {
    panel.append(section("Signed, not yet binding", el("ul", { id: "pending" }, profile.pending.map((p) =>
      el("li", {}, treatyLink(p.treaty, on), ": ", pendingText(p, on))))));
  }
  const later = await laterTreaties(target, on, profile);
  if (later.length) {
    panel.append(section(`Not in force on ${on}`, el("ul", { id: "later" }, later.map((t) =>
      el("li", {}, treatyLink(t, on), `: ${laterText(t, on)}`)))));
  }
  const defends = profile.defends;
  panel.append(el("details", { class: "block" },
    el("summary", {}, `Whom ${stateName(target)} is bound to defend (${new Set(defends.map((d) => d.state.id)).size})`),
    el("ul", {}, defends.map((d) => el("li", {}, stateLabel(d.state), " — ", treatyLink(d.treaty, on), ` ${articleLabel(d)} (${d.strength})`)))));
}

function pendingText(p, on) {
  const signed = p.signed ? `signed ${p.signed}` : "signed";
  let text;
  if (!p.treaty_in_force || p.treaty_in_force > on) {
    text = `${signed}, not yet in force${p.binds_from ? `, binds from ${p.binds_from}` : " (no date of entry into force known)"}`;
  } else {
    text = `${signed}; the treaty is in force, this party not yet bound${p.binds_from ? ` (from ${p.binds_from})` : ""}`;
  }
  return text + (p.obligations.length ? ` — ${p.obligations.join(", ")}` : "");
}

function laterText(t, on) {
  const dates = [t.signed ? `signed ${t.signed}` : null, t.in_force ? `in force ${t.in_force}` : "no entry into force known"]
    .filter(Boolean).join(", ");
  if (t.signed && t.signed > on) return `not yet signed or in force on ${on} (${dates})`;
  if (!t.in_force || t.in_force > on) return `signed, not yet in force on ${on} (${dates})`;
  return `ended${t.ended ? " " + t.ended : ""}${t.end_reason ? ` (${t.end_reason})` : ""}`;
}

/** Treaties the state is party to at some time that do not bind it on the date (and are not pending). */
async function laterTreaties(target, on, profile) {
  let data;
  try {
    data = await api("/treaties", { query: { state: target.id } });
  } catch { return []; }
  const rows = Array.isArray(data) ? data : data.treaties || [];
  const pending = new Set(profile.pending.map((p) => p.treaty.id));
  const binding = new Set([...profile.defended_by, ...profile.defends, ...profile.other].map((d) => d.treaty.id));
  return rows.filter((t) => !pending.has(t.id) && !binding.has(t.id)
    && ((t.in_force === null || t.in_force > on) || (t.ended && t.ended <= on)) && (t.kinds || []).length);
}

function detailCard(stateId, entry, target, on, profile) {
  if (stateId === target.id) {
    return el("div", { class: "card" }, el("h3", {}, stateLabel(target)),
      el("p", {}, `The state asked about. ${profile.defended_by.length} defence duties are owed to it on ${on}.`));
  }
  if (!entry) {
    return el("div", { class: "card" }, el("h3", {}, stateId),
      el("p", {}, `Not bound to defend ${stateName(target)} on ${on}.`));
  }
  return el("div", { class: "card" }, el("h3", {}, `${stateLabel(entry.state)} → ${stateName(target)}`),
    entry.duties.map((duty) => dutyBlock(duty, on)));
}

export function dutyBlock(duty, on) {
  const lines = conditionLines(duty.conditions);
  return el("div", { class: "duty" },
    el("p", {}, treatyLink(duty.treaty, on), el("strong", {}, ` ${articleLabel(duty)}`),
      ` · ${duty.kind} · `, el("span", { class: `badge s-${dutyStrength(duty)}` }, dutyStrength(duty))),
    duty.summary ? el("p", { class: "summary" }, duty.summary) : null,
    lines.length ? el("ul", { class: "conditions", "aria-label": "Conditions" }, lines.map((l) => el("li", {}, l)))
      : el("p", { class: "muted small" }, "No conditions."),
    (duty.notes || []).map((n) => el("p", { class: "note" }, n)),
    duty.uncertain ? el("p", { class: "uncertain" }, `Uncertain: ${duty.uncertain}`) : null,
    el("p", { class: "small" }, "Source: ", sourceLink(duty.source)));
}
