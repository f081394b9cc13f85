"""What issue 9 says a user must see, driven through the browser."""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import expect

NATO_ON_2025 = {
    "ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "ISL", "ITA", "LVA",
    "LTU", "LUX", "MNE", "NLD", "MKD", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "TUR", "GBR", "USA",
}
EU_OUTSIDE_NATO = {"AUT", "IRL", "CYP", "MLT"}


def show_map(page, state: str, day: str) -> None:
    page.page.fill("#f-state", state)
    page.page.fill("#f-on", day)
    page.page.click("#map-form button[type=submit]")
    expect(page.page.locator("#panel-title")).to_contain_text(day)


def click_country(page, state_id: str) -> None:
    """Click a point inside the state's shape on screen, as a person would.

    A shape's box centre may fall outside it (Russia's box spans the map), so a
    grid of points is tried until one hits the shape itself.
    """
    shapes = page.page.locator(f"path.country[data-state='{state_id}']")
    shapes.first.scroll_into_view_if_needed()
    point = shapes.first.evaluate("""p => {
        const box = p.getBoundingClientRect();
        for (let j = 1; j < 30; j++) for (let i = 1; i < 60; i++) {
            const x = box.left + box.width * i / 60, y = box.top + box.height * j / 30;
            if (document.elementFromPoint(x, y) === p) return [x, y];
        }
        return null;
    }""")
    assert point is not None, f"no point of {state_id} can be clicked"
    page.page.mouse.click(*point)


def colour_of(page, state_id: str) -> str:
    return page.page.locator(f"path.country[data-state='{state_id}']").first.get_attribute("class")


def test_china_and_russia_are_bound_to_defend_north_korea_on_1_january_2025(page):
    page.open("/map")
    show_map(page, "North Korea", "2025-01-01")
    page.shot("prk-2025")
    assert "s-automatic" in colour_of(page, "CHN")
    assert "s-automatic" in colour_of(page, "RUS")
    assert "target" in colour_of(page, "PRK")
    bound = page.page.locator("#bound-list button").all_inner_texts()
    # Cuba's 1986 treaty (ATOP's coding, its text unread) binds it too, at its discretion.
    assert [b.strip() for b in bound] == ["China (CHN)", "Russia (RUS)", "Cuba (CUB)"]
    # each is clickable to its article
    click_country(page, "RUS")
    detail = page.page.locator("#detail")
    assert "Art. 4" in detail.inner_text()
    assert "Russia–DPRK 2024" in detail.inner_text()  # the short name, as the CLI names it
    click_country(page, "CHN")
    assert "Art. II" in detail.inner_text()
    link = detail.get_by_role("link", name="China–DPRK 1961").first
    assert link.get_attribute("title").startswith("Treaty of Friendship, Cooperation and Mutual Assistance")
    link.click()
    page.ready()
    assert "/treaties/china-dprk-1961" in page.page.url
    assert "Art. II: defense" in page.page.locator("#obligations").inner_text()
    assert page.errors == []


def test_russia_is_not_bound_to_defend_north_korea_before_the_2024_treaty(page):
    page.open("/map?state=PRK&on=2024-06-01")
    page.page.locator("#panel-title").wait_for()
    page.shot("prk-2024-06")
    assert "s-automatic" in colour_of(page, "CHN")
    assert "s-" not in colour_of(page, "RUS")
    later = page.page.locator("#later").inner_text()
    assert "Russia–DPRK 2024" in later
    assert "not yet signed or in force on 2024-06-01 (signed 2024-06-19, in force 2024-12-04)" in later


def test_between_signature_and_entry_into_force_the_russian_treaty_is_pending(page):
    page.open("/map?state=PRK&on=2024-09-01")
    page.page.locator("#pending").wait_for()
    assert "s-" not in colour_of(page, "RUS")
    pending = page.page.locator("#pending").inner_text()
    assert "Russia–DPRK 2024" in pending
    assert "signed 2024-06-19, not yet in force, binds from 2024-12-04" in pending


def test_russia_attacking_estonia_brings_nato_and_teu_42_7_to_estonias_side(page, server):
    page.open("/scenario")
    page.page.fill("#f-attacker", "RUS")
    page.page.fill("#f-target", "EST")
    page.page.fill("#f-on", "2025-01-01")
    page.page.click("#scenario-form button[type=submit]")
    page.page.locator("#defenders").wait_for()
    page.shot("rus-est")
    defenders = set(page.page.locator("#defenders button[data-state]").evaluate_all("bs => bs.map(b => b.dataset.state)"))
    assert defenders == NATO_ON_2025 | EU_OUTSIDE_NATO
    attackers = page.page.locator("#attackers button[data-state]").evaluate_all("bs => bs.map(b => b.dataset.state)")
    assert attackers == ["RUS"]
    for state in EU_OUTSIDE_NATO:
        row = page.page.locator(f"#defenders li:has(button[data-state='{state}'])")
        assert "EU (TEU 42.7) Art. 42(7)" in row.inner_text()
        assert "NATO" not in row.inner_text()
        assert "side-defender" in colour_of(page, state)
    assert "side-attacker" in colour_of(page, "RUS")
    # the chain of reasons of one of them
    page.page.click("#defenders button[data-state='IRL']")
    detail = page.page.locator("#detail").inner_text()
    assert "Art. 42(7)" in detail
    assert "RUS attacks EST (the scenario)" in detail
    # the same answer as the API gives
    body = json.dumps({"acts": ["RUS attacks EST"], "on": "2025-01-01"}).encode()
    request = urllib.request.Request(f"{server.url}/api/v1/scenario", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        report = json.load(answer)
    assert {p["state"]["id"] for p in report["sides"]["defenders"]} == defenders


ARTICLE = (
    "Mongolia and Uruguay sign mutual assistance treaty\n\n"
    "ULAANBAATAR, 2 March 2026 - Mongolia and Uruguay signed a Treaty of Friendship and Mutual Assistance "
    "on Monday. The treaty provides for mutual assistance in case of aggression against one of the parties, "
    "the two foreign ministers said at the signing ceremony.\n"
)


def test_an_article_read_into_an_empty_store_becomes_a_treaty_with_its_evidence(empty_page, token):
    page = empty_page
    page.open("/treaties")
    assert "0 treaties" in page.page.locator("#treaty-table").inner_text()
    page.open("/reader")
    page.page.click("details.token summary")
    page.page.fill("#token", token)
    page.page.fill("#f-text", ARTICLE)
    page.page.fill("#f-published", "2026-03-03")
    page.page.click("#reader-form button[type=submit]")
    page.page.locator("#agreements").wait_for()
    marks = page.page.locator("#article-text mark").all_inner_texts()
    assert any("signed a Treaty of Friendship and Mutual Assistance" in m for m in marks)
    proposal = page.page.locator("#proposals li.proposal.new").first
    assert "new treaty" in proposal.inner_text()
    page.shot("proposal")
    proposal.get_by_role("button", name="Accept").click()
    proposal.locator(".status a").wait_for()
    assert "accepted" in proposal.locator(".status").inner_text()
    proposal.locator(".status a").click()
    page.ready()
    page.shot("treaty")
    assert "Mongolia (MNG)" in page.page.locator("#members").text_content()
    assert "Uruguay (URY)" in page.page.locator("#members").text_content()
    evidence = page.page.locator("#evidence").inner_text()
    assert "Mongolia and Uruguay sign mutual assistance treaty" in evidence
    assert "Article pasted-" in evidence
    assert page.errors == []


def test_accepting_without_the_token_is_refused_and_nothing_changes(empty_page):
    page = empty_page
    page.open("/reader")
    page.page.fill("#f-text", ARTICLE)
    page.page.uncheck("#f-propose")
    page.page.click("#reader-form button[type=submit]")
    page.page.locator("#agreements").wait_for()
    assert page.page.locator("#proposals li.new").count() == 0
    page.page.check("#f-propose")
    page.page.click("#reader-form button[type=submit]")
    banner = page.page.locator("#banner")
    banner.wait_for(state="visible")
    assert "token" in banner.inner_text().lower()


def test_a_script_inside_an_article_is_shown_as_text_and_never_run(empty_page):
    page = empty_page
    hostile = ("Mongolia and Uruguay signed a defence pact on Monday. "
               "<script>window.__casus_pwned = 1; document.title = 'pwned'</script> "
               "<img src=x onerror=\"window.__casus_pwned = 2\">")
    page.open("/reader")
    page.page.fill("#f-text", hostile)
    page.page.uncheck("#f-propose")
    page.page.click("#reader-form button[type=submit]")
    page.page.locator("#article-text").wait_for()
    page.page.wait_for_timeout(300)
    page.shot("script")
    text = page.page.locator("#article-text").inner_text()
    assert "<script>window.__casus_pwned = 1; document.title = 'pwned'</script>" in text
    assert "<img src=x onerror=" in text
    assert page.page.evaluate("window.__casus_pwned") is None
    assert page.page.title() != "pwned"
    assert page.page.locator("#reading script, #reading img").count() == 0


def test_treaties_are_named_by_their_short_names_and_articles_by_their_labels(page):
    page.open("/treaties/anglo-portuguese-alliance")
    page.page.locator("#obligations").wait_for()
    assert page.page.locator("#treaty-name").inner_text() == "Anglo-Portuguese 1373"
    assert page.page.locator("#treaty-title").inner_text().startswith("Anglo-Portuguese Alliance (Treaty of London")
    headings = [h.strip() for h in page.page.locator("#obligations h3").all_inner_texts()]
    assert [h.split(":")[0] for h in headings] == ["Art. 1", "1661 secret article"]
    page.open("/map?state=PRK&on=2025-01-01")
    page.page.locator("#bound-list").wait_for()
    cuba = page.page.locator("#bound-list li:has(button[data-state='CUB'])").inner_text()
    assert "Cuba–DPRK 1986 mutual assistance" in cuba
    assert "Art. mutual" not in cuba
    page.open("/treaties")
    page.page.locator("#treaty-table table").wait_for()
    assert page.page.locator("#treaty-table a.treaty-link", has_text="NATO").count() == 1
    assert page.errors == []
