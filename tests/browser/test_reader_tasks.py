"""What readers in Kazakhstan do on the site, done in a real Chromium at desktop and phone width.

The site is built from the repository's own policies and published versions (as readers get
it on 30 November 2026, when City Group's version 2 is still pending). Each task is a
reader's: find a word in their language, open a policy, cite a paragraph, switch language
mid-page, read a redline, get from a version not in force to the one in force, get lost
(404). axe-core checks every kind of page in the three languages; screenshots of each kind
are written to ``.cache/screenshots/`` for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.chromium import QuietHandler, chromium, reader_context, served
from tests.browser.sitebuild import MKDOCS, ROOT

BUILD_MOMENT = "1796040000"  # 2026-11-30 12:00 UTC: City Group's version 2 published, takes effect on 1 December
READER_NOW = dt.datetime.fromtimestamp(int(BUILD_MOMENT), dt.UTC)  # readers open the site then
AXE_DIR = ROOT / ".cache" / "axe"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / ".cache" / "screenshots"
PRODUCTS = {
    "citygroup": "City Group",
    "platform": None,
    "santrade": "Santrade Service",
    "smartaqkol": "SmartAqkol",
    "yasam": "Я!Сам",
}


def axe_js() -> Path:
    """axe-core from npm, installed once into .cache/axe (a fresh machine needs only node and npm)."""
    if not AXE_JS.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail(
                "the accessibility tests need npm (Debian: apt-get install nodejs npm; make system-deps does it)"
            )
        result = subprocess.run(
            [npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(AXE_DIR), "axe-core@4"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0 or not AXE_JS.is_file():
            pytest.fail(f"npm could not install axe-core: {result.stderr.strip()[:300]}")
    return AXE_JS


class _Site(QuietHandler):
    """A static host as readers meet it: an address that does not exist gets the site's 404 page."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    project = tmp_path_factory.mktemp("readers")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "versions", project / "versions")
    # the repository's own mkdocs.yml (features, plugins), without the PDFs other tests look at
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}").replace(
        "pdf: true", "pdf: false"
    )
    assert "pdf: false" in config
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": BUILD_MOMENT,
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict"], cwd=project, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    with served(project / "site", handler=_Site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def _page(browser, base_url, width: int):
    # the test's own probes (wait_for_function) are evaluated strings, which the site's CSP refuses;
    # the CSP itself is tested in test_hostile_policy.py
    # the reader's clock is the build's (30 November 2026), so City Group's version 2 is pending
    # whatever day the suite runs; the pages' own switching is tested in test_clock_browser.py
    context = reader_context(
        browser, READER_NOW, base_url=base_url, viewport={"width": width, "height": 900}, bypass_csp=True
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    return context, context.new_page()


@pytest.fixture(params=[1280, 360], ids=["desktop", "phone"])
def page(request, browser, base_url):
    context, pg = _page(browser, base_url, request.param)
    pg.width = request.param
    yield pg
    context.close()


def _shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}-{pg.viewport_size['width']}.png"))


# --- search: ten reader queries per language ----------------------------------------------

SEARCHES = {
    "ru": [
        ("персональные данные", {"citygroup", "platform", "smartaqkol", "yasam"}),
        ("хранение", {"citygroup", "platform", "santrade", "smartaqkol", "yasam"}),
        ("удаление", {"citygroup", "platform", "santrade"}),
        ("согласия", {"citygroup", "platform", "smartaqkol", "yasam"}),
        ("третьим лицам", {"citygroup", "santrade", "smartaqkol", "yasam"}),
        ("cookie", {"citygroup", "platform"}),
        ("SMS", {"santrade"}),
        ("Google", {"yasam"}),
        ("TLS", {"smartaqkol"}),
        ("п. 2.3.1", {"platform"}),
    ],
    "kk": [
        ("мерзімі", {"citygroup", "platform", "santrade", "smartaqkol", "yasam"}),
        ("дербес деректерін", {"platform", "smartaqkol", "yasam"}),
        ("келісімі", {"citygroup", "platform", "smartaqkol", "yasam"}),
        ("құқықтары", {"citygroup", "platform", "santrade", "smartaqkol"}),
        ("сақтау", {"citygroup", "platform", "santrade", "smartaqkol", "yasam"}),
        ("жою", {"citygroup", "platform", "santrade", "smartaqkol"}),
        ("cookie", {"citygroup", "platform"}),
        ("SMS", {"santrade"}),
        ("Google", {"yasam"}),
        ("2.3.1", {"platform"}),
    ],
    "en": [
        ("personal", {"citygroup", "platform", "smartaqkol", "yasam"}),
        ("rights", {"citygroup", "platform", "santrade", "smartaqkol"}),
        ("users", {"citygroup", "platform", "santrade", "smartaqkol", "yasam"}),
        ("retention", {"citygroup", "platform", "santrade"}),
        ("consents", {"citygroup", "platform", "smartaqkol", "yasam"}),
        ("deleted", {"citygroup", "platform", "santrade"}),
        ("cookie", {"citygroup", "platform"}),
        ("SMS", {"santrade"}),
        ("Google", {"yasam"}),
        ("clause 2.3.1", {"platform"}),
    ],
}
ONLY_THERE = {"cookie", "SMS", "Google", "TLS"}  # Latin words: found where they are, nowhere else


def _search(pg, query: str) -> list[dict]:
    """Type a query as a reader does and read the results: document titles and links."""
    box = "input.md-search__input"
    if not pg.is_visible(box):
        pg.click("label.md-search__icon[for=__search]")
    # forget the previous answer, so the next one is known when it comes
    pg.evaluate("document.querySelector('.md-search-result__meta').textContent = ''")
    pg.fill(box, query)
    pg.press(box, "End")  # Material searches on key events; Playwright inserts text without them
    pg.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.trim().length > 0", timeout=60000
    )
    pg.wait_for_timeout(200)  # the list is filled right after its count
    return pg.eval_on_selector_all(
        ".md-search-result__item",
        """items => items.map(i => ({
        title: i.querySelector('h1') ? i.querySelector('h1').innerText : '',
        hrefs: [...i.querySelectorAll('a')].map(a => a.getAttribute('href')),
        missing: [...i.querySelectorAll('.md-search-result__terms')].map(t => t.innerText)}))""",
    )


def _doc_of(href: str) -> str:
    return href.split("?")[0].split("#")[0].rstrip("/").split("/")[-2]


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_search_finds_what_a_reader_types(browser, base_url, lang):
    context, pg = _page(browser, base_url, 1280)
    try:
        pg.goto(f"{lang}/")
        for query, expected in SEARCHES[lang]:
            results = [r for r in _search(pg, query) if r["hrefs"] and _doc_of(r["hrefs"][0]) in PRODUCTS]
            found = {_doc_of(r["hrefs"][0]) for r in results}
            assert expected <= found, (lang, query, found)
            if query in ONLY_THERE:
                assert found == expected, (lang, query, found)
            for result in results:
                # every result names its product before the document's title
                assert ": " in result["title"], result
                if " " not in query:  # one word found: never listed as "missing" above the hit (it was for stems)
                    assert not any(result["missing"]), (query, result)
            if any(ch.isdigit() for ch in query):
                assert any("#cl-2-3-1" in h for r in results for h in r["hrefs"]), results  # straight to the clause
        _shot(pg, f"search-{lang}")
    finally:
        context.close()


def test_english_search_finds_personal_on_five_documents_not_in_other_languages(browser, base_url):
    context, pg = _page(browser, base_url, 1280)
    try:
        pg.goto("en/")
        results = _search(pg, "personal")
        hrefs = [r["hrefs"][0] for r in results if r["hrefs"]]
        assert all("/en/" in h for h in hrefs), hrefs  # only the pages of the reader's language
        assert {_doc_of(h) for h in hrefs if _doc_of(h) in PRODUCTS} >= {"citygroup", "platform", "smartaqkol", "yasam"}
    finally:
        context.close()


def test_a_hit_is_highlighted_on_arrival(browser, base_url):
    context, pg = _page(browser, base_url, 1280)
    try:
        pg.goto("kk/")
        _search(pg, "мерзімі")
        pg.click(".md-search-result__item a[href*='#cl-']")
        pg.wait_for_url("**/kk/**#cl-*")
        pg.wait_for_selector("mark[data-md-highlight]", timeout=30000)
        assert "мерз" in pg.inner_text("mark[data-md-highlight]").lower()
    finally:
        context.close()


# --- reading ---------------------------------------------------------------------------------


def _fits(pg) -> None:
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= pg.viewport_size["width"], f"{pg.url}: {width}px wide at {pg.viewport_size['width']}px"


@pytest.mark.parametrize(
    "lang, product, title",
    [
        ("kk", "SmartAqkol", "Құпиялылық саясаты"),
        ("ru", "Я!Сам", "Политика конфиденциальности"),
        ("en", "Santrade Service", "Privacy Policy"),
    ],
)
def test_open_a_policy_from_the_index(page, lang, product, title):
    page.goto(f"{lang}/")
    _fits(page)
    row = page.locator(f"h2:has-text('{product}') + div a").first
    row.click()
    page.wait_for_selector(".pd-header h1")
    assert page.inner_text(".pd-product") == product
    assert page.inner_text(".pd-header h1") == title
    assert page.title().startswith(f"{product}: {title}")
    assert page.get_attribute("html", "lang") == lang
    _fits(page)
    _shot(page, f"policy-{lang}")
    page.goto(f"{lang}/platform/privacy/")  # sub-items: "1)" once, never "1. 1)"
    item = page.locator("ol.pd-items > li").first
    assert item.evaluate("li => getComputedStyle(li).listStyleType") == "none"
    assert item.inner_text().startswith("1)")


def test_cite_a_paragraph_and_follow_the_link(page, base_url):
    page.goto("kk/citygroup/privacy/")
    para = page.locator("p.pd-para[id]").nth(2)
    pid = para.get_attribute("id")
    para.scroll_into_view_if_needed()
    cite = para.locator("a.pd-cite")
    cite.focus()
    assert cite.evaluate("a => getComputedStyle(a).opacity") == "1"  # visible on focus
    assert cite.get_attribute("aria-label") == "Азат жолға сілтемені көшіру"
    cite.click()
    page.wait_for_function(f"location.hash === '#{pid}'")
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}kk/citygroup/privacy/#{pid}"
    page.goto("about:blank")
    page.goto(f"{base_url}kk/citygroup/privacy/#{pid}")
    assert page.evaluate("document.querySelector(':target').id") == pid


def test_a_link_to_a_clause_that_does_not_exist_says_so(page):
    page.goto("ru/citygroup/privacy/#cl-2-1")
    assert page.inner_text(".pd-notice-missing") == "В этом документе нет пункта 2.1. Показано начало документа."
    page.goto("en/citygroup/privacy/#sec-2")  # one that exists: no notice
    assert page.locator(".pd-notice-missing").count() == 0


def test_switching_language_mid_page_keeps_the_place(page):
    page.goto("ru/smartaqkol/privacy/")
    clause = page.locator(".pd-body [id^='cl-']").nth(12)
    cid = clause.get_attribute("id")
    clause.evaluate("el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 70)")
    page.wait_for_timeout(200)  # the clause at the top of the screen, no anchor in the address
    assert "#" not in page.url
    page.hover(".md-header__option .md-select")
    page.click('a.pd-lang[hreflang="kk"]', force=True)
    page.wait_for_url("**/kk/smartaqkol/privacy/#*")
    target = page.url.split("#")[1]
    assert target == cid, (target, cid)
    assert page.evaluate("document.querySelector(':target') !== null")
    assert page.get_attribute("html", "lang") == "kk"


def test_read_a_redline(page):
    page.goto("kk/citygroup/privacy/v2/changes/")
    _fits(page)
    summary = page.inner_text(".pd-redline-summary")
    assert summary.startswith("Өзгертілген ережелер: 2-бөлім")
    dateline = page.inner_text(".pd-dateline")
    assert "күшіне енеді" in dateline and "Алматы уақыты" in dateline and "Asia/Almaty" not in dateline
    assert page.inner_text(".pd-redline .pd-where >> nth=0").startswith("2.")  # the section's heading
    assert "«k», «t» → кирилл «к», «т»" in page.inner_text(".pd-redline")  # a letter fix is named
    place = page.locator(".pd-redline-place a").first
    where = place.get_attribute("href").split("#")[1]
    _shot(page, "redline-kk")
    place.click()
    page.wait_for_url(f"**/kk/citygroup/privacy/v2/#{where}")
    assert page.evaluate("document.querySelector(':target').id") == where


def test_from_a_version_not_in_force_to_the_one_in_force(page):
    page.goto("ru/citygroup/privacy/v2/")
    assert page.get_attribute(".pd-version", "data-state") == "pending"
    page.click(".pd-version-links a >> nth=0")  # version history
    page.wait_for_url("**/ru/citygroup/privacy/history/")
    _fits(page)
    _shot(page, "history-ru")
    row = page.locator('tr[data-state="in_force"]')
    row.locator("a", has_text="HTML").click()
    page.wait_for_url("**/ru/citygroup/privacy/v1/")
    assert page.get_attribute(".pd-version", "data-state") == "in_force"
    assert "Действует с" in page.inner_text(".pd-version")


@pytest.mark.parametrize(
    "lang, heading, home",
    [("ru", "Страница не найдена", "ru/"), ("kk", "Бет табылмады", "kk/"), ("en", "Page not found", "en/")],
)
def test_the_404_page_speaks_the_address_language(page, base_url, lang, heading, home):
    response = page.goto(f"{lang}/no-such-policy/")
    assert response.status == 404
    assert page.get_attribute("html", "lang") == lang
    assert page.inner_text(f"section[data-lang='{lang}'] h1") == heading
    assert page.locator("section[data-lang]:visible").count() == 1
    assert page.locator(".md-nav__link:visible", has_text="En").count() == 0  # no raw folder names
    footer = {"ru": "Сделано на", "kk": "негізінде жасалған", "en": "Made with"}
    assert footer[lang] in page.inner_text(".md-copyright")
    assert all(words not in page.inner_text(".md-copyright") for code, words in footer.items() if code != lang)
    search = {"ru": "Поиск", "kk": "Іздеу", "en": "Search"}[lang]
    assert page.get_attribute(".md-search__input", "placeholder") == search
    assert page.get_attribute(".md-search__input", "aria-label") == search
    _fits(page)
    _shot(page, f"404-{lang}")
    other = "en" if lang != "en" else "kk"
    page.click(f"section[data-lang='{lang}'] a.pd-notfound-switch[data-lang='{other}']")
    page.wait_for_url(f"**/{other}/")
    assert page.get_attribute("html", "lang") == other


def test_logo_and_footer_speak_the_page_language(page):
    page.goto("kk/smartaqkol/privacy/")
    assert "негізінде жасалған" in page.inner_text(".md-copyright") and "Made with" not in page.inner_text(
        ".md-copyright"
    )
    assert page.eval_on_selector(".md-header__button.md-logo", "a => a.href").endswith("/kk/")  # not Russian "/"
    if page.width > 1000:  # phones reach it from the drawer
        page.click(".md-header__button.md-logo")
        page.wait_for_url("**/kk/")


# --- accessibility and phone width on every kind of page ----------------------------------------

KINDS = {
    "index": "{lang}/",
    "policy": "{lang}/platform/privacy/",
    "version": "{lang}/citygroup/privacy/v2/",
    "redline": "{lang}/citygroup/privacy/v2/changes/",
    "history": "{lang}/citygroup/privacy/history/",
    "404": "{lang}/no-such-page/",
}


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_axe_finds_nothing_serious_and_the_page_fits_a_phone(browser, base_url, kind, lang):
    script = axe_js()
    for width in (1280, 360):
        context, pg = _page(browser, base_url, width)
        try:
            pg.goto(KINDS[kind].format(lang=lang))
            _fits(pg)
            pg.add_script_tag(path=str(script))
            result = pg.evaluate("axe.run(document, {resultTypes: ['violations']})")
            bad = [
                (v["id"], [n["target"] for n in v["nodes"][:3]])
                for v in result["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            assert bad == [], f"{kind} ({lang}, {width}px): {bad}"
            if width == 360 and lang == "kk":
                _shot(pg, f"{kind}-{lang}")
        finally:
            context.close()
