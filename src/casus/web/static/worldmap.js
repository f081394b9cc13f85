// The world map shared by the map and scenario pages: Natural Earth 1:50m countries
// (npm world-atlas), drawn with d3-geo; each shape tied to a casus state by
// /static/geo-ids.json (ISO 3166 numeric → casus id, territories → their sovereign).
import { el, svg, clear } from "./common.js";

let worldPromise = null;

export function loadWorld() {
  if (!worldPromise) {
    worldPromise = Promise.all([
      fetch("/static/vendor/countries-50m.json").then((r) => {
        if (!r.ok) throw new Error("the map's geometry is not installed: run `make` (npm ci) in the casus checkout");
        return r.json();
      }),
      fetch("/static/geo-ids.json").then((r) => r.json()),
    ]).then(([topology, ids]) => {
      const features = window.topojson.feature(topology, topology.objects.countries).features;
      for (const f of features) {
        const entry = (f.id && ids[`n:${f.id}`]) || ids[`name:${f.properties.name}`] || null;
        f.properties.state = entry ? entry.state : null;
        f.properties.territory = entry ? entry.territory || null : null;
      }
      return features.filter((f) => f.properties.name !== "Antarctica");
    });
  }
  return worldPromise;
}

/** The shapes' outlines as SVG path data, computed once per page (the slow part of drawing). */
let drawn = null;
function outlines(features) {
  if (!drawn) {
    const width = 960, height = 470;
    const projection = window.d3.geoNaturalEarth1().precision(0.5)
      .fitExtent([[4, 4], [width - 4, height - 4]], { type: "FeatureCollection", features });
    const path = window.d3.geoPath(projection).digits(1);
    for (const f of features) f.properties.d = path(f);
    drawn = { width, height };
  }
  return drawn;
}

/**
 * Draw the world into `container`.
 * options.classOf(stateId) → CSS class of the fill (or null);
 * options.labelOf(stateId, feature) → text for the tooltip and the accessible name (or null: not focusable);
 * options.onSelect(stateId) when a shape is clicked or chosen with Enter/Space.
 */
export async function drawWorld(container, options) {
  const features = await loadWorld();
  clear(container);
  const { width, height } = outlines(features);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "world", role: "group",
    "aria-label": options.title || "World map" });
  const tooltip = el("div", { class: "tooltip", role: "status", hidden: true });
  const shapes = [];
  for (const feature of features) {
    const stateId = feature.properties.state;
    const cls = stateId ? options.classOf(stateId) : null;
    const label = stateId ? options.labelOf(stateId, feature) : null;
    const shape = svg("path", { d: feature.properties.d, class: `country ${cls || (stateId ? "none" : "unmapped")}`,
      "data-state": stateId || "", "data-name": feature.properties.name });
    const title = label || `${feature.properties.name}${stateId ? "" : " (no casus state)"}`;
    const titleNode = svg("title", {});
    titleNode.textContent = title;
    shape.append(titleNode);
    if (label) {
      shape.setAttribute("tabindex", "0");
      shape.setAttribute("role", "button");
      shape.setAttribute("aria-label", label);
    }
    const show = (event) => {
      tooltip.textContent = title;
      tooltip.hidden = false;
      const box = container.getBoundingClientRect();
      let x, y;
      if (event && event.clientX !== undefined && event.type.startsWith("mouse")) {
        x = event.clientX - box.left; y = event.clientY - box.top;
      } else {
        const b = shape.getBoundingClientRect();
        x = b.left + b.width / 2 - box.left; y = b.top - box.top;
      }
      tooltip.style.left = `${Math.min(Math.max(x + 12, 0), box.width - 220)}px`;
      tooltip.style.top = `${Math.max(y - 36, 0)}px`;
    };
    const hide = () => { tooltip.hidden = true; };
    shape.addEventListener("mousemove", show);
    shape.addEventListener("mouseleave", hide);
    shape.addEventListener("focus", show);
    shape.addEventListener("blur", hide);
    if (stateId && options.onSelect) {
      shape.addEventListener("click", () => options.onSelect(stateId, feature));
      shape.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); options.onSelect(stateId, feature); }
      });
    }
    shapes.push(shape);
  }
  // coloured shapes last, so their outlines are not hidden under neighbours
  shapes.sort((a, b) => Number(a.hasAttribute("tabindex")) - Number(b.hasAttribute("tabindex")));
  root.append(...shapes);
  container.append(root, tooltip);
  return {
    select(stateId) {
      for (const s of shapes) s.classList.toggle("selected", s.dataset.state === stateId);
    },
  };
}
