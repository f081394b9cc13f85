"""Every page loads, is readable at 1280×800 and at phone width, and works from the keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

PAGES = [
    ("map", "/map?state=PRK&on=2025-01-01", "#bound-list"),
    ("network", "/network?on=2025-01-01", "svg.network"),
    ("scenario", "/scenario?attacker=RUS&target=EST&on=2025-01-01", "#defenders"),
    ("treaties", "/treaties", "#treaty-table table"),
    ("treaty", "/treaties/nato?on=2025-01-01", "#obligations"),
    ("reader", "/reader", "#reader-form"),
]


@pytest.mark.parametrize(("name", "path", "selector"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_loads_and_fits_1280_by_800_and_a_phone(page, name, path, selector):
    page.open(path)
    assert page.page.locator(selector).count() >= 1
    assert page.page.locator("nav a[aria-current='page']").count() == 1
    assert page.page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    page.shot("desktop")
    page.page.set_viewport_size({"width": 390, "height": 844})
    page.page.wait_for_timeout(200)
    overflow = page.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.shot("phone")
    assert overflow <= 1, f"{name}: {overflow}px wider than a phone's screen"
    assert page.errors == []


def test_a_country_on_the_map_opens_its_duty_from_the_keyboard(page):
    page.open("/map?state=PRK&on=2025-01-01")
    china = page.page.locator("path.country[data-state='CHN'][tabindex='0']").first
    china.focus()
    page.page.keyboard.press("Enter")
    detail = page.page.locator("#detail")
    assert "Art. II" in detail.inner_text()
    assert page.page.evaluate("document.activeElement.id") == "detail"


def test_the_pages_link_to_each_other_from_the_navigation(page):
    page.open("/map")
    page.page.get_by_role("link", name="Scenario").click()
    page.ready()
    assert "/scenario?" in page.page.url
    page.page.get_by_role("link", name="Treaties", exact=True).click()
    page.ready()
    assert page.page.locator("#treaty-table table tbody tr").count() >= 40


def test_an_unknown_state_is_reported_on_the_page(page):
    page.open("/map?state=Atlantis&on=2025-01-01")
    banner = page.page.locator("#banner")
    banner.wait_for(state="visible")
    assert "Atlantis" in banner.inner_text()


def test_the_network_replays_history_states_that_no_longer_exist_included(page):
    page.open("/network?on=1960-06-01")
    page.page.locator("svg.network").wait_for()
    nodes = page.page.locator("g.node")
    labels = {nodes.nth(i).get_attribute("aria-label") for i in range(nodes.count())}
    assert "Soviet Union (RUS)" in labels
    assert "East Germany (DDR)" in labels
    assert page.page.locator("#treaty-groups button[data-treaty='warsaw-pact']").count() == 1
    page.shot("1960")
    slider = page.page.locator("#year")
    slider.fill("1816")
    slider.dispatch_event("change")
    expect(page.page.locator("#network-summary")).to_contain_text("1816-06-01: ")
    assert page.page.url.endswith("on=1816-06-01")
