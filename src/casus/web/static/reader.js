// Reader page: paste or upload an article with its date; the evidence highlighted;
// the proposals it makes, accepted or rejected with the token. The article is
// always shown as text: it is cut into slices and each slice set with textContent.
import { api, el, clear, banner, today, stateName, field, section, emptyNote, token, treatyLink, externalLink } from "./common.js";

export async function readerPage(main) {
  const text = el("textarea", { name: "text", id: "f-text", rows: 10, required: true, spellcheck: "false",
    placeholder: "Paste the article here (text or HTML)" });
  const file = el("input", { type: "file", id: "f-file", accept: ".txt,.html,.htm,text/plain,text/html" });
  const isHtml = el("input", { type: "checkbox", name: "html", id: "f-html" });
  const form = el("form", { class: "controls reader-form", id: "reader-form" },
    field("Article", text),
    el("div", { class: "row" },
      field("Or upload a file", file),
      el("label", { class: "check" }, isHtml, " the text is HTML"),
      field("Published", el("input", { type: "date", name: "published", id: "f-published", value: today(), required: true })),
      field("Address (optional)", el("input", { type: "url", name: "url", id: "f-url", placeholder: "https://…" })),
      el("label", { class: "check" }, el("input", { type: "checkbox", name: "propose", id: "f-propose", checked: true }),
        " file proposals (needs the token)"),
      el("button", { type: "submit" }, "Read")));
  file.addEventListener("change", async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    text.value = await chosen.text();
    isHtml.checked = /\.html?$/i.test(chosen.name) || chosen.type === "text/html";
  });
  const reading = el("div", { id: "reading", "aria-live": "polite" });
  const review = el("div", { id: "review" });
  main.append(el("h1", {}, "Read an article"), form, reading, review);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const content = String(data.get("text") || "");
    const url = data.get("url") || null;
    // The article's id keys its facts (reading it twice proposes nothing new), so a pasted
    // article without an address gets one from its content rather than a shared default.
    const body = { published: data.get("published") || null, url, id: url || `pasted-${fingerprint(content)}`,
      propose: Boolean(data.get("propose")) };
    body[isHtml.checked ? "html" : "text"] = content;
    banner(null);
    clear(reading).append(el("p", { class: "loading" }, "Reading…"));
    let result;
    try {
      result = await api("/read", { method: "POST", body, auth: true });
    } catch (error) {
      clear(reading);
      banner(error.status === 401 || error.status === 403
        ? `${error.message} (filing proposals needs the token: open "Token" at the top)` : error.message);
      return;
    }
    renderReading(result.reading || result, reading);
    await renderReview(review, result.proposals);
  });
  await renderReview(review, null);
}

/** FNV-1a, 32 bits, as hex: a short stable name for a pasted text (not a security hash). */
function fingerprint(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

function renderReading(result, box) {
  clear(box);
  const article = result.article || {};
  const textValue = article.text || "";
  const spans = [];
  (result.agreements || []).forEach((agreement, index) => {
    for (const e of agreement.evidence || []) spans.push({ start: e.start, end: e.end, cls: "evidence", label: `agreement ${index + 1}` });
  });
  const mentions = (result.mentions || []).map((m) => ({ start: m.start, end: m.end, cls: "mention", label: `${m.text} → ${m.id}` }));
  box.append(section("The article, with its evidence",
    el("p", { class: "small muted" }, `${article.id || ""} · published ${article.published || "?"} · reader ${result.reader_version || ""}`),
    el("div", { class: "article-text", id: "article-text" }, highlighted(textValue, spans, mentions))));
  const agreements = result.agreements || [];
  box.append(section(`Agreements found (${agreements.length})`, agreements.length
    ? el("ol", { id: "agreements" }, agreements.map((a) => el("li", {},
      el("p", {}, el("strong", {}, a.name || "an unnamed agreement"), `: ${a.event}${a.event_date ? " " + a.event_date : ""}; `,
        `parties ${(a.parties || []).map((p) => (typeof p === "string" ? p : stateName(p))).join(", ") || "?"}; `,
        `provisions ${(a.provisions || []).join(", ") || "none"}`,
        (a.negated_provisions || []).length ? `; denied: ${a.negated_provisions.join(", ")}` : ""),
      (a.evidence || []).map((e) => el("blockquote", { class: "evidence" }, e.text)),
      (a.provision_evidence || []).filter((p) => !(a.evidence || []).some((e) => e.start === p.start && e.end === p.end))
        .map((p) => el("blockquote", { class: "evidence provisions" }, `provisions: ${p.text}`))))) : emptyNote("No agreement in this article.")));
  const quotes = result.quotes || [];
  if (quotes.length) {
    box.append(section("Quotes", el("ul", {}, quotes.map((q) => el("li", {}, `${q.speaker || "?"}: `, el("q", {}, q.text || ""))))));
  }
}

/** The text as slices: evidence marked, mentions underlined; every slice a text node. */
function highlighted(text, evidence, mentions) {
  const cuts = new Set([0, text.length]);
  for (const s of [...evidence, ...mentions]) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const slice = text.slice(a, b);
    const ev = evidence.find((s) => s.start <= a && s.end >= b);
    const mention = mentions.find((s) => s.start <= a && s.end >= b);
    let node = document.createTextNode(slice);
    if (mention) { const m = el("span", { class: "mention", title: mention.label }); m.append(node); node = m; }
    if (ev) { const m = el("mark", { title: ev.label }); m.append(node); node = m; }
    nodes.push(node);
  }
  return nodes;
}

async function renderReview(box, made) {
  clear(box);
  let open = [];
  try { open = (await api("/proposals", { query: { status: "open" } })).proposals || []; } catch (error) {
    box.append(section("Proposals", emptyNote(`Proposals cannot be listed: ${error.message}`)));
    return;
  }
  const madeIds = new Set((made || []).map((p) => p.id));
  const heading = made ? `${made.length} new proposal(s) from this article; ${open.length} open in all` : `Open proposals (${open.length})`;
  box.append(section(heading, open.length ? el("ul", { id: "proposals", class: "plain" }, open.map((p) => proposalItem(p, madeIds.has(p.id), box)))
    : emptyNote("Nothing to review.")));
}

/** A proposal's side ({"event": "signed", "parties": ["MNG", "URY"]}) as one readable line. */
function describe(value) {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return value.map(describe).join(", ");
  if (typeof value !== "object") return String(value);
  return Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k.replace(/_/g, " ")}: ${describe(v)}`).join("; ");
}

function proposalItem(p, isNew, box) {
  const status = el("p", { class: "status", role: "status" });
  const reason = el("input", { name: "reason", placeholder: "reason (optional)", "aria-label": `Reason for rejecting proposal ${p.id}` });
  const decide = async (verb) => {
    if (!token()) { status.textContent = "Deciding needs the API token: open \"Token\" at the top of the page."; return; }
    try {
      const body = {};
      const by = sessionStorage.getItem("casus-reviewer");
      if (by) body.by = by;
      if (verb === "reject" && reason.value) body.reason = reason.value;
      const after = await api(`/proposals/${p.id}/${verb}`, { method: "POST", body, auth: true });
      status.textContent = `${after.status || verb + "ed"}${after.decided_by ? " by " + after.decided_by : ""}.`;
      for (const b of item.querySelectorAll("button")) b.disabled = true;
      if (after.treaty && verb === "accept") status.append(" See ", treatyLink({ id: after.treaty, name: "its treaty page" }), ".");
    } catch (error) {
      status.textContent = `Not ${verb}ed: ${error.message}`;
    }
  };
  const item = el("li", { class: `card proposal${isNew ? " new" : ""}`, "data-proposal": p.id },
    el("p", {}, el("strong", {}, `#${p.id} ${p.kind.replace(/_/g, " ")}`), isNew ? el("span", { class: "badge read" }, "new") : null,
      ` ${p.summary}`),
    p.treaty ? el("p", { class: "small" }, "Treaty: ", treatyLink({ id: p.treaty, name: p.treaty })) : null,
    p.base ? el("p", { class: "small" }, `The base holds: ${describe(p.base)}`) : null,
    p.article_says ? el("p", { class: "small" }, `The article says: ${describe(p.article_says)}`) : null,
    el("blockquote", { class: "evidence" }, p.source && p.source.text ? p.source.text : ""),
    el("p", { class: "small muted" }, `Article ${p.source ? p.source.article : "?"}`, p.source && p.source.url ? " · " : "",
      p.source && p.source.url ? externalLink(p.source.url) : null),
    el("div", { class: "actions" },
      el("button", { type: "button", class: "accept", onclick: () => decide("accept") }, "Accept"),
      reason,
      el("button", { type: "button", class: "reject", onclick: () => decide("reject") }, "Reject")),
    status);
  return item;
}
