"""The site library without MkDocs: URLs, dates, UI strings, Kazakh stemming, API, feeds, sitemap."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from policydocs import corpus
from policydocs.api import documents as api
from policydocs.errors import PolicyError
from policydocs.feeds import atom as feeds
from policydocs.languages import LANGUAGES
from policydocs.publication import titles, urls
from policydocs.publication import words as strings
from policydocs.publication.dates import long_date
from policydocs.publication.history import load_histories
from policydocs.publication.model import edition
from policydocs.site import linkcheck, pages, search, sitemap
from policydocs.versions.publish import publish

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site" / "docs"
MATERIAL_EN = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages" / "en.html"
KK_HTML = ROOT / "overrides" / "partials" / "languages" / "kk.html"


ALMATY = ZoneInfo("Asia/Almaty")
PUBLISHED = dt.datetime(2026, 11, 22, 10, 0, tzinfo=ALMATY)


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> pages.SiteModel:
    """The fixture's privacy policy published once (22 November 2026, 10:00 Almaty); its terms a draft."""
    loaded = corpus.load(FIXTURE)
    versions = tmp_path_factory.mktemp("versions")
    publish(loaded.policies["demo/privacy"], versions, PUBLISHED.date(), time=PUBLISHED.time(), now=PUBLISHED)
    built = pages.build_model(loaded, pdf_pattern=urls.DEFAULT_PATTERN)
    built.histories = load_histories(loaded, versions, PUBLISHED + dt.timedelta(days=1))
    return built


def _keys(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"), re.M))


def test_kazakh_ui_has_every_key_of_material_english():
    """Material's interface in Kazakh: every key of its en.html, the words from the site catalogs."""
    from policydocs.site.theme_words import theme_word

    en = _keys(MATERIAL_EN)
    kk = {key: theme_word(f"material.{key}", "kk") for key in en}
    assert en, "could not read material's en.html"
    assert 'pd_theme_word("material." ~ key, "kk")' in KK_HTML.read_text(encoding="utf-8")
    assert sorted(en) == sorted(kk)
    neutral = {"direction", "search.config.pipeline", "search.config.separator", "search.config.lang"}
    untranslated = [k for k in en if k not in neutral and kk[k] in ("", en[k])]  # "": a key theme_words.py lacks
    assert untranslated == []
    assert kk["language"] == "kk"
    # every Kazakh-specific letter a reader expects shows up somewhere in the UI strings
    assert set("әғқңөұүі") <= set("".join(kk.values()).lower())


def test_every_site_string_exists_in_three_languages():
    assert strings.missing_keys() == []


@pytest.mark.parametrize(
    "lang, expected", [("ru", "22 ноября 2026\u202fг."), ("kk", "2026\u202fж. 22 қараша"), ("en", "November 22, 2026")]
)
def test_dates_are_written_as_each_language_writes_them(lang, expected):
    assert long_date(dt.date(2026, 11, 22), lang) == expected


def test_url_scheme():
    assert urls.page_path("kk", "smartaqkol/privacy") == "kk/smartaqkol/privacy/"
    assert urls.pdf_path("smartaqkol/privacy", "ru") == "smartaqkol/docs/privacyru.pdf"
    assert urls.relative("kk/smartaqkol/privacy/", "en/smartaqkol/privacy/") == "../../../en/smartaqkol/privacy/"
    assert urls.relative("", "ru/") == "ru/"
    assert urls.relative("kk/", "kk/demo/privacy/") == "demo/privacy/"
    assert urls.relative("kk/demo/privacy/", "kk/demo/privacy/") == "./"
    assert urls.relative("kk/demo/privacy/", "demo/docs/privacykk.pdf") == "../../../demo/docs/privacykk.pdf"


@pytest.mark.parametrize(
    "forms",
    [
        ("деректерін", "деректерді", "деректердің", "деректер"),
        ("пайдаланушының", "пайдаланушыға", "пайдаланушы"),
        ("мерзімнен", "мерзімі", "мерзімде"),
    ],
)
def test_kazakh_forms_of_one_word_meet_at_one_stem(forms):
    assert len({search.stem(w) for w in forms}) == 1


def test_stemmer_leaves_short_and_latin_words_alone():
    assert search.stem("жою") == "жою"
    assert search.stem("Operators") == "operators"
    assert len(search.stem("ала")) == 3


def test_generated_javascript_carries_the_same_rules():
    js = search.lunr_kk_js()
    for suffix in search.SUFFIXES:
        assert f'"{suffix}"' in js
    assert f"MIN_STEM={search.MIN_STEM}" in js.replace(" ", "")


def test_each_language_has_its_own_search_module():
    ru, kk, en = (search.lunr_module_js(lang).replace(" ", "") for lang in ("ru", "kk", "en"))
    assert 'lunr["pdru"]' in ru and 'varLANG="ru"' in ru and "lunr.ru.min.js" in ru
    assert 'varLANG="kk"' in kk and '"және"' in kk and '"және"' not in ru  # Kazakh words only in the Kazakh module
    assert 'varLANG="en"' in en and '"лар"' not in en
    worker = search.search_worker_js("search.a7633da7.min.js")
    assert "importScripts(material)" in worker and '"search.a7633da7.min.js"' in worker
    assert '"pd"+lang' in worker  # the page's language picks the module


def test_policy_index_entries_name_the_product_and_lead_to_each_clause(model):
    doc = model.page("kk", "demo/privacy").doc
    entries = search.policy_entries("kk/demo/privacy/", doc)
    assert entries[0]["location"] == "kk/demo/privacy/"
    assert entries[0]["title"] == f"{doc.front.product}: {doc.title}"
    clauses = [e for e in entries if "#cl-" in e["location"]]
    assert [e["location"].split("#")[1] for e in clauses] == [c.eid for c in doc.clauses()]
    assert all(e["title"] == c.block.marker for e, c in zip(clauses, doc.clauses()))
    assert any(e["location"].endswith("#sec-2") for e in entries)


def test_policy_index_entries_are_escaped(tmp_path):
    from policydocs.document import parse_text

    doc = parse_text(
        "---\nid: x/y\ntitle: <b>T</b>\nlang: ru\nproduct: A&B\noperator: ТОО «Альфа»\nnotice_days: 7\n"
        "status: draft\n---\n\n## 1. Раздел <img src=x onerror=alert(1)>\n\n1.1. Текст <script>alert(1)</script> "
        "и **cookie**-файлы.\n",
        tmp_path / "y.md",
    )
    text = json.dumps(search.policy_entries("ru/x/y/", doc), ensure_ascii=False)
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text and "A&amp;B: &lt;b&gt;T&lt;/b&gt;" in text
    assert "cookie-файлы" in text  # emphasis marks gone, the words kept


def test_localised_index_replaces_only_policy_pages():
    index = {
        "config": {"lang": ["ru", "en"]},
        "docs": [
            {"location": "kk/", "title": "Index", "text": ""},
            {"location": "kk/a/b/", "title": "Old", "text": ""},
            {"location": "kk/a/b/#sec-1", "title": "Old", "text": ""},
        ],
    }
    new = [
        {"location": "kk/a/b/", "title": "A: B", "text": ""},
        {"location": "kk/a/b/#cl-1-1", "title": "1.1.", "text": ""},
    ]
    out = search.localise_index(index, {"kk/a/b/": new})
    assert [d["location"] for d in out["docs"]] == ["kk/", "kk/a/b/", "kk/a/b/#cl-1-1"]


def test_policy_pages_material_never_read_take_their_place_in_build_order():
    """The plugin keeps policy pages out of Material's index (it would parse their HTML for nothing)."""
    index = {
        "config": {"lang": ["ru", "en"]},
        "docs": [
            {"location": "", "title": "Root", "text": ""},
            {"location": "kk/", "title": "Index", "text": ""},
            {"location": "kk/#product-a", "title": "A", "text": ""},
            {"location": "ru/", "title": "Указатель", "text": ""},
        ],
    }
    new = {
        "kk/a/b/": [
            {"location": "kk/a/b/", "title": "A: B", "text": ""},
            {"location": "kk/a/b/#cl-1", "title": "1.", "text": ""},
        ],
        "en/a/b/": [{"location": "en/a/b/", "title": "A: B", "text": ""}],
        "ru/a/b/": [{"location": "ru/a/b/", "title": "А: Б", "text": ""}],
    }
    order = ["en/a/b/", "", "kk/", "kk/a/b/", "ru/a/b/", "ru/"]
    out = search.localise_index(index, new, order)
    assert [d["location"] for d in out["docs"]] == [
        "en/a/b/",
        "",
        "kk/",
        "kk/#product-a",
        "kk/a/b/",
        "kk/a/b/#cl-1",
        "ru/a/b/",
        "ru/",
    ]


def test_the_index_written_in_pieces_is_the_same_json(model):
    doc = model.page("kk", "demo/privacy").doc
    material = {
        "config": {"lang": ["ru", "en"], "separator": "[\\s\\-]+"},
        "docs": [{"location": "kk/", "title": "Құжаттар", "text": '«Саясат» — "тырнақша"'}],
    }
    order = ["kk/", "kk/demo/privacy/"]
    pieces = b"".join(
        search.index_json(
            json.loads(json.dumps(material)),
            {"kk/demo/privacy/": lambda: search.policy_entries("kk/demo/privacy/", doc)},
            order,
        )
    )
    whole = search.localise_index(material, {"kk/demo/privacy/": search.policy_entries("kk/demo/privacy/", doc)}, order)
    assert pieces == json.dumps(whole, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert pieces.count(b'"location":"kk/demo/privacy/#') > 3  # clause by clause


def test_missing_translation_is_a_page_in_that_language(model):
    page = model.page("kk", "demo/terms")
    assert page.missing
    body = pages.missing_body(model, page)
    assert "Аударма жоқ" in body
    assert "Пользовательское соглашение" in body  # names the document it stands for
    assert "../../../ru/demo/terms/" in body and "../../../en/demo/terms/" in body
    assert "Соглашение регулирует" not in body  # never the Russian text under a Kazakh URL


def test_policy_header_shows_edition_in_the_page_language(model):
    kk = pages.policy_header(model, model.page("kk", "demo/privacy"))
    assert kk.count("2026\u202fж. 22 қараша") == 2  # published and in force (a first version replaces nothing)
    assert "«Демо» ЖШС" in kk and "<dd>1</dd>" in kk
    assert 'href="../../../demo/docs/privacykk.pdf"' in kk
    draft = pages.policy_header(model, model.page("ru", "demo/terms"))
    assert draft.count('class="pd-draft"') == 3  # version, publication and effective date


def test_index_lists_products_documents_and_missing(model):
    body = pages.index_body(model, "kk")
    assert 'href="demo/privacy/"' in body and "Құпиялылық саясаты" in body
    assert "аудармасы жоқ" in body  # terms has no Kazakh text


def test_api_document(model, tmp_path):
    (tmp_path / "kk/demo/privacy").mkdir(parents=True)
    (tmp_path / "kk/demo/privacy/index.html").write_text("<p>kk</p>", encoding="utf-8")
    data = api.documents(model, tmp_path, "https://example.kz/")
    docs = {d["id"]: d for d in data["documents"]}
    assert set(docs) == {"demo/privacy", "demo/terms"}
    assert docs["demo/terms"]["missing_languages"] == ["kk"]
    kk = docs["demo/privacy"]["languages"]["kk"]
    assert kk["url"] == "https://example.kz/kk/demo/privacy/"
    assert kk["pdf_path"] == "demo/docs/privacykk.pdf"
    assert kk["html_sha256"] == __import__("hashlib").sha256(b"<p>kk</p>").hexdigest()
    assert kk["published"] == kk["effective"] == "2026-11-22T10:00:00+05:00" and kk["version"] == 1
    assert docs["demo/privacy"]["languages"]["en"]["html_sha256"] is None  # not built in this test
    # what a text is: the fixture's Kazakh is a reviewed translation, its English an unreviewed one
    assert (kk["origin"], kk["reviewed"]) == ("translation", True)
    en = docs["demo/privacy"]["languages"]["en"]
    assert (en["origin"], en["reviewed"]) == ("translation", False)
    ru = docs["demo/privacy"]["languages"]["ru"]
    assert (ru["origin"], ru["reviewed"]) == ("original", True)


def test_feed_is_valid_atom_per_language(model):
    now = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
    for lang in LANGUAGES:
        root = ET.fromstring(feeds.atom(model, lang, "https://example.kz/", "Site", now))
        ns = {"a": "http://www.w3.org/2005/Atom"}
        titles = [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)]
        titles = [
            title for title in titles if " · " not in title
        ]  # entries of published versions follow their document
        expected = [
            f"{d.languages[lang].front.product}: {d.languages[lang].title}"  # the product tells them apart
            for _, d in sorted(model.policies.items())
            if lang in d.languages
        ]
        assert titles == expected
    kk = ET.fromstring(feeds.atom(model, "kk", "https://example.kz/", "Site", now))
    assert (
        kk.find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}updated").text
        == "2026-11-22T05:00:00Z"
    )


def test_sitemap_links_existing_languages_only(model):
    root = ET.fromstring(sitemap.sitemap(model, "https://example.kz/"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    assert "https://example.kz/kk/demo/privacy/" in locs
    assert "https://example.kz/kk/demo/terms/" not in locs
    terms = next(
        u
        for u in root.findall("s:url", ns)
        if u.findtext("s:loc", namespaces=ns) == "https://example.kz/ru/demo/terms/"
    )
    assert sorted(link.get("hreflang") for link in terms.findall("x:link", ns)) == ["en", "ru", "x-default"]


def _copy(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(FIXTURE, tmp_path / "docs")
    return tmp_path / "docs"


def test_broken_clause_link_names_file_and_line(tmp_path):
    docs = _copy(tmp_path)
    path = docs / "kk/demo/privacy.md"
    path.write_text(path.read_text(encoding="utf-8").replace("#cl-2-2", "#cl-2-9"), encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        linkcheck.check_links(pages.build_model(corpus.load(docs)))
    assert err.value.path == str(path) and err.value.line == 22 and "#cl-2-9" in err.value.message


def test_link_to_another_document_is_checked(tmp_path):
    docs = _copy(tmp_path)
    path = docs / "en/demo/terms.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("privacy.md#cl-2-1", "privacy.md#cl-7-1"), encoding="utf-8"
    )
    with pytest.raises(PolicyError, match="cl-7-1"):
        linkcheck.check_links(pages.build_model(corpus.load(docs)))


def test_links_to_policy_files_become_page_links(model):
    page = model.page("en", "demo/terms")
    body = pages.policy_content(model, page)
    assert 'href="../privacy/#cl-2-1"' in body


def test_site_library_does_not_import_mkdocs():
    import subprocess
    import sys

    code = (
        "import sys, policydocs.site.pages, policydocs.api.documents, policydocs.feeds.atom, policydocs.site.sitemap, "
        "policydocs.site.search, policydocs.site.linkcheck; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_serve_preview_lists_the_checkers_findings_for_the_page_language(tmp_path):
    from policydocs.check import check_policy

    docs = _copy(tmp_path)
    kk = docs / "kk" / "demo" / "privacy.md"
    text = kk.read_text(encoding="utf-8")
    kk.write_text(text.replace("2.2.", "2.7.", 1), encoding="utf-8")  # a clause renumbered in Kazakh only
    policy = corpus.load(docs).policies["demo/privacy"]
    findings = check_policy(policy)
    box = pages.findings_box(findings, "kk")
    assert 'class="pd-findings"' in box and "Аудармаларды тексеру" in box
    assert "kk/demo/privacy.md:" in box and "2.7" in box
    assert pages.findings_box(findings, "en") == ""  # nothing wrong with the English text
    assert pages.findings_box([], "kk") == ""


def test_english_pdf_headers_write_the_month_and_toc_of_a_text_without_headings():
    from policydocs.document import parse_text
    from policydocs.publication.dates import short_date

    assert short_date(dt.date(2026, 11, 23), "en") == "23 Nov 2026"  # not 23.11.2026, which reads as day or month
    assert short_date(dt.date(2026, 11, 23), "ru") == "23.11.2026"
    doc = parse_text(
        "---\nid: p/q\ntitle: Цели\nlang: ru\nproduct: Платформа\noperator: О\nnotice_days: 7\nstatus: draft\n---\n\n"
        "2.1. Администрация определяет цели обработки персональных данных в течение 10 (десяти) рабочих дней.\n\n"
        "2.2. Цели:\n\n2.2.1. Для Пользователя:\n\n1) регистрация;\n",
        "q.md",
    )
    entries = pages.toc_entries(doc)
    assert [e["id"] for e in entries] == ["cl-2-1", "cl-2-2"]
    assert entries[0]["name"].startswith("2.1. Администрация определяет цели обработки персональных") and entries[0][
        "name"
    ].endswith("…")


def test_index_and_api_name_the_product_in_each_language(model, tmp_path):
    for lang in LANGUAGES:
        body = pages.index_body(model, lang)
        for policy in model.policies.values():
            assert f">{titles.product_name(policy, lang)}</h2>" in body
    data = api.documents(model, tmp_path)
    for entry in data["documents"]:
        policy = model.policies[entry["id"]]
        assert list(entry["product_names"].items()) == [
            (lang, policy.languages[lang].front.product) for lang in LANGUAGES if lang in policy.languages
        ]
        for lang, item in entry["languages"].items():
            assert item["product_name"] == policy.languages[lang].front.product


def test_sitemap_says_when_each_page_was_last_changed(model):
    smap = sitemap.sitemap(model, "https://example.kz/")
    for doc_id, policy in model.policies.items():
        for lang, doc in policy.languages.items():
            ed = edition(model, doc)
            if ed.date is not None:
                assert (
                    f"<loc>https://example.kz/{lang}/{doc_id}/</loc>\n    <lastmod>{ed.date.isoformat()}</lastmod>"
                    in smap
                )


def test_shipped_assets_are_minified_but_keep_their_rules():
    from importlib import resources

    from policydocs.site.shipping import shipped

    for name in ("policydocs.css", "policydocs.js"):
        text = resources.files("policydocs.site").joinpath("assets", name).read_text(encoding="utf-8")
        out = shipped(name, text)
        assert len(out) < len(text) * 0.9 and "/*" not in out
    css = shipped(
        "policydocs.css", resources.files("policydocs.site").joinpath("assets", "policydocs.css").read_text("utf-8")
    )
    assert "ol.pd-items{list-style:none" in css.replace(" ", "")
