// The casus web UI: one shell, one page per path. No framework: the pages are small,
// and plain DOM calls keep every piece of data as text.
import { banner, el } from "./common.js";
import { mapPage } from "./map.js";
import { networkPage } from "./network.js";
import { scenarioPage } from "./scenario.js";
import { treatyListPage, treatyPage } from "./treaty.js";
import { readerPage } from "./reader.js";

function route(path) {
  const treaty = path.match(/^\/treaties\/([^/]+)\/?$/);
  if (treaty) return ["treaties", (main) => treatyPage(main, decodeURIComponent(treaty[1]))];
  const pages = { "/": ["map", mapPage], "/map": ["map", mapPage], "/network": ["network", networkPage],
    "/scenario": ["scenario", scenarioPage], "/treaties": ["treaties", treatyListPage], "/reader": ["reader", readerPage] };
  return pages[path.replace(/\/$/, "") || "/"] || null;
}

async function start() {
  const main = document.getElementById("main");
  const tokenInput = document.getElementById("token");
  tokenInput.value = sessionStorage.getItem("casus-token") || "";
  tokenInput.addEventListener("input", () => sessionStorage.setItem("casus-token", tokenInput.value.trim()));
  const reviewer = document.getElementById("reviewer");
  reviewer.value = sessionStorage.getItem("casus-reviewer") || "";
  reviewer.addEventListener("input", () => sessionStorage.setItem("casus-reviewer", reviewer.value.trim()));
  if (!window.d3 || !window.topojson) {
    banner("The map libraries are not installed: run `make` (npm ci) in the casus checkout, then reload.");
  }
  const found = route(window.location.pathname);
  main.textContent = "";
  if (!found) {
    main.append(el("h1", {}, "Page not found"), el("p", {}, el("a", { href: "/map" }, "Go to the map")));
    return;
  }
  const [name, draw] = found;
  for (const link of document.querySelectorAll("nav a")) {
    if (link.dataset.page === name) link.setAttribute("aria-current", "page");
  }
  try {
    await draw(main);
    document.body.dataset.ready = "true";
  } catch (error) {
    banner(`This page failed: ${error.message}`);
    document.body.dataset.ready = "error";
    throw error;
  }
}

start();
