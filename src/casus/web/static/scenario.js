// Scenario page: attacker, target, place, date, mode → both sides by round, the
// conditional, stay-out and conflicted states, each with its chain of reasons, on the map.
import {
  api, el, append, clear, params, setParams, banner, stateLabel, stateName, treatyName, articleLabel, treatyLink, sourceLink,
  conditionLines, legend, stateInput, dateInput, field, section, emptyNote,
} from "./common.js";
import { drawWorld } from "./worldmap.js";

const SIDES = [
  { key: "attacker", label: "attacking side" },
  { key: "defender", label: "defending side" },
  { key: "conditional", label: "conditional", help: "bound only if an open condition holds" },
  { key: "stayout", label: "bound to stay out" },
  { key: "conflicted", label: "conflicted", help: "bound toward both sides" },
];

export async function scenarioPage(main) {
  const q = params();
  const mode = q.get("mode") || "strict";
  const form = el("form", { class: "controls", id: "scenario-form" },
    await stateInput("attacker", q.get("attacker"), "Attacker"),
    await stateInput("target", q.get("target"), "Target"),
    field("Place", el("input", { name: "place", id: "f-place", value: q.get("place") || "",
      placeholder: "optional: city, region, coordinates" })),
    dateInput("on", q.get("on")),
    field("Mode", el("select", { name: "mode", id: "f-mode" },
      el("option", { value: "strict", selected: mode === "strict" }, "strict (first round)"),
      el("option", { value: "escalation", selected: mode === "escalation" }, "escalation (until nothing changes)"))),
    el("label", { class: "check" }, el("input", { type: "checkbox", name: "provoked", id: "f-provoked",
      checked: q.get("provoked") === "1" }), " target provoked"),
    el("button", { type: "submit" }, "Run"));
  const mapBox = el("div", { class: "map-box", id: "map" });
  const results = el("div", { id: "results", "aria-live": "polite" });
  main.append(el("h1", {}, "Scenario: who is drawn in"), form,
    el("div", { class: "split" }, el("div", {}, mapBox, legend(SIDES)), el("aside", { class: "panel", id: "detail" },
      emptyNote("Click a state on the map, or a name below, for its chain of reasons."))), results);

  const run = async () => {
    const data = new FormData(form);
    const values = {
      attacker: String(data.get("attacker") || "").trim(), target: String(data.get("target") || "").trim(),
      place: String(data.get("place") || "").trim(), on: String(data.get("on") || ""),
      mode: String(data.get("mode") || "strict"), provoked: data.get("provoked") ? "1" : "",
    };
    setParams(values);
    if (!values.attacker || !values.target) {
      await drawWorld(mapBox, { classOf: () => null, labelOf: () => null });
      return;
    }
    banner(null);
    clear(results).append(el("p", { class: "loading" }, "Running…"));
    let report;
    try {
      report = await api("/scenario", { method: "POST", body: {
        acts: [{ attacker: values.attacker, target: values.target, place: values.place || null,
          provoked: Boolean(values.provoked) }],
        on: values.on, mode: values.mode,
      } });
    } catch (error) {
      clear(results);
      banner(error.message);
      return;
    }
    await renderReport(report, mapBox, results, document.getElementById("detail"));
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  await run();
}

/** Every state in the report, with its class on the map and what to show for it. */
function classify(report) {
  const states = new Map();
  const put = (state, cls, item) => {
    if (!states.has(state.id)) states.set(state.id, { state, cls, items: [] });
    const entry = states.get(state.id);
    if (cls === "conflicted") entry.cls = "conflicted";
    entry.items.push(item);
  };
  for (const p of report.sides.attackers) put(p.state, "attacker", { kind: "side", side: "attackers", p });
  for (const p of report.sides.defenders) put(p.state, "defender", { kind: "side", side: "defenders", p });
  for (const c of report.conditional) put(c.state, "conditional", { kind: "conditional", c });
  for (const s of report.stay_out) put(s.state, "stayout", { kind: "stay_out", s });
  for (const c of report.conflicted) put(c.state, "conflicted", { kind: "conflicted", c });
  return states;
}

async function renderReport(report, mapBox, results, detail) {
  const on = report.on;
  const states = classify(report);
  const act = report.acts.map((a) => `${stateName(a.attacker)} attacks ${stateName(a.target)}${a.place ? " at " + a.place : ""}`).join("; ");
  const select = (id, fromMap = false) => {
    world.select(id);
    clear(detail);
    const entry = states.get(id);
    if (!entry) { detail.append(el("p", {}, `${id} is not drawn in on ${on}.`)); return; }
    append(detail, [el("h2", {}, stateLabel(entry.state)), entry.items.map((item) => itemBlock(item, on))]);
    detail.focus({ preventScroll: fromMap });  // from the lists below, bring the details into view
  };
  detail.setAttribute("tabindex", "-1");
  const world = await drawWorld(mapBox, {
    title: `World map: ${act} on ${on}`,
    classOf: (id) => (states.has(id) ? `side-${states.get(id).cls}` : null),
    labelOf: (id, feature) => {
      const entry = states.get(id);
      if (!entry) return null;
      return `${feature.properties.territory || feature.properties.name}: ${SIDES.find((s) => s.key === entry.cls).label}`;
    },
    onSelect: (id) => select(id, true),
  });
  clear(results);
  results.append(el("p", { class: "summary-line", id: "scenario-summary" },
    `${act} on ${on} (${report.mode}, ${report.rounds} round${report.rounds === 1 ? "" : "s"}): `,
    `${report.sides.defenders.length} on the defending side, ${report.sides.attackers.length} on the attacking side.`));
  const sideList = (title, people, id) => section(title, people.length
    ? byRound(people, select, id) : emptyNote("Nobody."));
  results.append(el("div", { class: "columns" },
    sideList("Defending side", report.sides.defenders, "defenders"),
    sideList("Attacking side", report.sides.attackers, "attackers")));
  const simple = (title, rows, id, text) => {
    if (!rows.length) return section(title, emptyNote("None."));
    const list = el("ul", { id }, rows.map((row) =>
      el("li", {}, el("button", { type: "button", class: "linkish", "data-state": row.state.id, onclick: () => select(row.state.id) },
        stateLabel(row.state)), " ", text(row))));
    // a long list (consultations under a big alliance) stays folded until asked for
    if (rows.length > 12) return el("details", { class: "block" }, el("summary", {}, el("strong", {}, `${title} (${rows.length})`)), list);
    return section(`${title} (${rows.length})`, list);
  };
  results.append(
    simple("Conditional", report.conditional, "conditional", (c) =>
      `would join the ${c.side}: ${treatyName(c.reason.treaty)} ${articleLabel(c.reason)}; open: ${c.open.join(", ")}`),
    simple("Bound to stay out", report.stay_out, "stay-out", (s) =>
      `owes ${stateName(s.toward)} neutrality${s.may_not_help ? `; may not help ${stateName(s.may_not_help)}` : ""}: ${treatyName(s.reason.treaty)} ${articleLabel(s.reason)}`),
    simple("Conflicted", report.conflicted, "conflicted", (c) => c.reasons.map((r) => `${r.why}: ${treatyName(r.treaty)} ${articleLabel(r)}`).join("; ")),
    simple("Bound to consult", report.consult, "consult", (d) => `with ${stateName(d.toward)}: ${treatyName(d.reason.treaty)} ${articleLabel(d.reason)}`),
    simple("Promises broken by the attack", report.violations, "violations", (d) => `${treatyName(d.reason.treaty)} ${articleLabel(d.reason)} (${d.reason.kind})`),
  );
  if (report.collisions.length) {
    results.append(section("Collisions inside an alliance", el("ul", { id: "collisions" }, report.collisions.map((c) =>
      el("li", {}, treatyLink(c.treaty, on), ` ${articleLabel(c)}: ${c.bound}`)))));
  }
  if (report.pending.length) {
    results.append(section("Signed, not yet binding", el("ul", { id: "scenario-pending" }, report.pending.map((p) =>
      el("li", {}, `${stateLabel(p.state)} toward ${stateName(p.toward)}: `, treatyLink(p.treaty, on),
        ` ${articleLabel(p)} (${p.kind}), ${p.status}${p.binds_from ? `, binds from ${p.binds_from}` : ""}`)))));
  }
}

function byRound(people, select, id) {
  const rounds = new Map();
  for (const p of people) {
    if (!rounds.has(p.round)) rounds.set(p.round, []);
    rounds.get(p.round).push(p);
  }
  return el("div", { id }, [...rounds.entries()].sort((a, b) => a[0] - b[0]).map(([round, ps]) =>
    el("div", { class: "round" }, el("h3", {}, round === 0 ? "Round 0: the parties to the act" : `Round ${round}`),
      el("ul", {}, ps.map((p) => el("li", {},
        el("button", { type: "button", class: "linkish", "data-state": p.state.id, onclick: () => select(p.state.id) },
          stateLabel(p.state)),
        p.reasons.length ? el("span", { class: "small muted" },
          ` ${[...new Set(p.reasons.map((r) => `${treatyName(r.treaty)} ${articleLabel(r)}`))].join("; ")}`) : null))))));
}

function reasonBlock(reason, on) {
  const lines = conditionLines(reason.conditions);
  return el("div", { class: "duty" },
    el("p", {}, `${reason.kind} toward ${stateName(reason.toward)} against ${stateName(reason.against)} — `,
      treatyLink(reason.treaty, on), el("strong", {}, ` ${articleLabel(reason)}`), ` (${reason.strength})`),
    reason.act ? el("p", { class: "small" }, `Act: ${reason.act.attacker} attacks ${reason.act.target}, round ${reason.act.round}${reason.act.place ? ", " + reason.act.place : ""}`) : null,
    lines.length ? el("ul", { class: "conditions" }, lines.map((l) => el("li", {}, l))) : null,
    (reason.notes || []).map((n) => el("p", { class: "note" }, n)),
    el("p", { class: "small" }, "Source: ", sourceLink(reason.source)));
}

function chainBlock(chain) {
  if (!chain || !chain.length) return null;
  return el("div", {}, el("h3", {}, "Chain of reasons"), el("ol", { class: "chain" }, chain.map((step) =>
    el("li", {}, step.initial ? `${step.act} (the scenario)`
      : `round ${step.round}: ${step.state} bound (${step.kind}) toward ${step.toward} by ${step.treaty} Art. ${step.article}, after ${step.act}`))));
}

function itemBlock(item, on) {
  if (item.kind === "side") {
    const p = item.p;
    return el("div", {}, el("p", {}, `On the ${item.side === "defenders" ? "defending" : "attacking"} side, round ${p.round}.`),
      chainBlock(p.chain), p.reasons.map((r) => reasonBlock(r, on)));
  }
  if (item.kind === "conditional") {
    return el("div", {}, el("p", {}, `Conditional: would join the ${item.c.side}; open: ${item.c.open.join(", ")}.`),
      reasonBlock(item.c.reason, on));
  }
  if (item.kind === "stay_out") {
    return el("div", {}, el("p", {}, `Bound to stay out${item.s.may_not_help ? `: may not help ${stateName(item.s.may_not_help)}` : ""}.`),
      reasonBlock(item.s.reason, on));
  }
  return el("div", {}, el("p", {}, "Conflicted: bound toward both sides."),
    item.c.reasons.map((r) => el("div", {}, el("p", { class: "small" }, r.why), reasonBlock(r, on))));
}
