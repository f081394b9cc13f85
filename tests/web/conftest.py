"""Browser tests: a real uvicorn server on 127.0.0.1, Debian's Chromium driven by Playwright.

Chromium comes from the system (``apt-get install chromium``), never from a
Playwright download. Without it the tests skip with a message, except under
``CI=true``, where a missing browser is a failure: CI must run them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CASUS_CHROMIUM", "/usr/bin/chromium"))
TOKEN = "web-test-token"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def need(ok: bool, message: str) -> None:
    """Skip with ``message`` when ``ok`` is false, or fail under CI, where nothing may be skipped."""
    if ok:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message} (CI=true: browser tests must run)", pytrace=False)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``uvicorn casus.api.app:create_app`` on a store of its own, in a child process."""

    def __init__(self, store: Path, *, seed: bool) -> None:
        from casus.store import Store

        Store.open(str(store), seed=seed).close()  # an empty store stays empty when the app opens it
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "CASUS_DB": str(store), "CASUS_TOKEN": TOKEN}
        self.log = open(store.with_suffix(".log"), "w+b")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "casus.api.app:create_app", "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "warning"],
            env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.url}/api/v1/states?on=2025-01-01", timeout=5) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        self.log.seek(0)
        raise RuntimeError(f"the casus server did not start: {self.log.read().decode(errors='replace')[-2000:]}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


@pytest.fixture(scope="session")
def browser():
    need(CHROMIUM.exists(), f"no Chromium at {CHROMIUM}: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "the Python package playwright is not installed (pip install -e '.[test]')")
    from casus.web.assets import vendor_path

    need(vendor_path("d3.min.js") is not None, "the web assets are not installed: run `make` (npm ci)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def token() -> str:
    """The bearer token the test servers accept for writes."""
    return TOKEN


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The built-in treaties, served."""
    running = Server(tmp_path_factory.mktemp("web-seeded") / "casus.sqlite", seed=True)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def empty_server(tmp_path_factory):
    """A store without any treaty: what the reader brings in is all there is (only one test accepts)."""
    running = Server(tmp_path_factory.mktemp("web-empty") / "casus.sqlite", seed=False)
    yield running
    running.stop()


class Page:
    """A Playwright page that records script errors and saves screenshots as test artefacts."""

    def __init__(self, page, base: str, name: str) -> None:
        self.page = page
        self.base = base
        self.name = name
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.ready()

    def ready(self) -> None:
        self.page.wait_for_selector("body[data-ready='true']", timeout=30000)

    def shot(self, label: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{self.name}-{label}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


def _page(browser, base: str, request, viewport):
    context = browser.new_context(viewport=viewport)
    context.set_default_timeout(30000)
    wrapped = Page(context.new_page(), base, request.node.name.replace("[", "-").replace("]", ""))
    return context, wrapped


@pytest.fixture()
def page(browser, server, request):
    context, wrapped = _page(browser, server.url, request, {"width": 1280, "height": 800})
    yield wrapped
    context.close()


@pytest.fixture()
def empty_page(browser, empty_server, request):
    context, wrapped = _page(browser, empty_server.url, request, {"width": 1280, "height": 800})
    yield wrapped
    context.close()
