"""Web pages whose numbers the browser makes: CSS counters, Google Docs lists, data-list-text, <ol type>."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from policydocs.document import parse_file
from policydocs.errors import PolicyError
from policydocs.importer import import_file
from policydocs.importer.formats import css_numbering


def page(body: str, css: str = "", lang: str = "ru", title: str = "Политика конфиденциальности") -> str:
    style = f"<style>{css}</style>" if css else ""
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title>{style}</head>"
        f"<body>{body}</body></html>"
    )


def imported(tmp_path, html: str, doc: str = "testfin/privacy", name: str = "page.html"):
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = tmp_path / name
    src.write_text(html, encoding="utf-8")
    result = import_file(src, doc, tmp_path / "docs")
    [document] = result.documents
    return document.path, paragraphs(document.path.read_text(encoding="utf-8"))


def paragraphs(markdown: str) -> list[str]:
    return [p.strip() for p in markdown.split("---", 2)[2].split("\n\n") if p.strip()]


def numbers(path) -> tuple[list[str], list[str]]:
    doc = parse_file(path)
    return [s.number for s in doc.sections if s.number], [c.number for c in doc.clauses()]


# (1) counters(item, ".") on nested lists ------------------------------------------------------------

COUNTERS_CSS = """ol { counter-reset: item; list-style: none; padding-left: 1.5em }
li { counter-increment: item }
li::before { content: counters(item, ".") ". "; font-weight: bold }"""
COUNTERS_BODY = """<nav class="menu"><a href="/">Главная</a> <a href="/cards">Карты</a></nav>
<div class="policy"><h1>Политика конфиденциальности</h1>
<ol><li>Общие положения<ol>
<li>Настоящая Политика конфиденциальности определяет порядок обработки персональных данных Пользователей мобильного приложения «Тест Кошелёк», осуществляемой ТОО «Тест Финанс» в соответствии с Законом Республики Казахстан «О персональных данных и их защите».</li>
<li>Оператор вправе вносить изменения в настоящую Политику, уведомив Пользователя не позднее чем за 10 (десять) календарных дней до вступления изменений в силу.</li>
<li><strong>Персональные данные</strong> – сведения, относящиеся к определенному или определяемому на их основании субъекту персональных данных.</li>
</ol></li>
<li>Права Пользователя<ol>
<li>Пользователь вправе отозвать согласие на сбор и обработку персональных данных, направив Оператору письменное заявление.</li>
<li>Обращения Пользователя рассматриваются в течение 10 (десяти) рабочих дней со дня их получения Оператором.</li>
</ol></li></ol></div>
<footer>© 2026 ТОО «Тест Финанс»</footer>"""


def test_counters_on_nested_lists_give_the_numbers_a_reader_sees(tmp_path):
    path, paras = imported(tmp_path, page(COUNTERS_BODY, COUNTERS_CSS))
    assert numbers(path) == (["1", "2"], ["1.1", "1.2", "1.3", "2.1", "2.2"])
    assert paras[:3] == [
        "## 1. Общие положения",
        "1.1. Настоящая Политика конфиденциальности определяет порядок обработки персональных "
        "данных Пользователей мобильного приложения «Тест Кошелёк», осуществляемой ТОО «Тест "
        "Финанс» в соответствии с Законом Республики Казахстан «О персональных данных и их защите».",
        "1.2. Оператор вправе вносить изменения в настоящую Политику, уведомив Пользователя не "
        "позднее чем за 10 (десять) календарных дней до вступления изменений в силу.",
    ]
    assert paras[3].startswith("1.3. **Персональные данные** –") and paras[4] == "## 2. Права Пользователя"
    assert not [p for p in paras if re.match(r"\d+\. \d+\.\d+\.", p)]  # the <ol>'s own number is not added
    assert "Главная" not in "\n".join(paras)


# (2) a Google Docs export: flat <ol class="lst-kix_…"> per level, counters across them ---------------

GDOCS_CSS = """@import url('https://themes.googleusercontent.com/fonts/css?kit=abc');
ol.lst-kix_q1w2e3-1.start{counter-reset:lst-ctn-kix_q1w2e3-1 0}
.lst-kix_q1w2e3-1>li{counter-increment:lst-ctn-kix_q1w2e3-1}
ol.lst-kix_q1w2e3-0{list-style-type:none}ol.lst-kix_q1w2e3-1{list-style-type:none}
.lst-kix_q1w2e3-0>li:before{content:"" counter(lst-ctn-kix_q1w2e3-0,decimal) ". "}
.lst-kix_q1w2e3-1>li:before{content:"" counter(lst-ctn-kix_q1w2e3-0,decimal) "." counter(lst-ctn-kix_q1w2e3-1,decimal) ". "}
.lst-kix_q1w2e3-0>li{counter-increment:lst-ctn-kix_q1w2e3-0}
ol.lst-kix_q1w2e3-0.start{counter-reset:lst-ctn-kix_q1w2e3-0 0}
li.li-bullet-0:before{margin-left:-18pt;white-space:nowrap;display:inline-block;min-width:18pt}
.c0{color:#000000;font-weight:400;font-size:11pt;font-family:"Arial"}.c1{margin-left:36pt;padding-left:0pt}
.c4{font-weight:700}.title{padding-top:0pt;font-size:26pt}"""


def gdocs_list(level: int, items: list[str], start: int, restart: bool) -> str:
    cls = f"c1 lst-kix_q1w2e3-{level}" + (" start" if restart else "")
    lis = "".join(f'<li class="c1 li-bullet-0"><span class="c0">{text}</span></li>' for text in items)
    return f'<ol class="{cls}" start="{start}">{lis}</ol>'


GDOCS_BODY = "".join(
    [
        '<p class="c3 title"><span class="c4">ҚҰПИЯЛЫЛЫҚ САЯСАТЫ</span></p>',
        gdocs_list(0, ["Жалпы ережелер"], 1, True),
        gdocs_list(
            1,
            [
                "Осы Құпиялылық саясаты «Тест Қаржы» ЖШС-нің (бұдан әрі – Оператор) Пайдаланушылардың дербес "
                "деректерін «Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының Заңына сәйкес "
                "өңдеу тәртібін айқындайды.",
                "Оператор Пайдаланушыны өзгерістер күшіне енгенге дейін күнтізбелік 10 (он) күннен кешіктірмей "
                "хабардар ете отырып, осы Саясатқа өзгерістер енгізуге құқылы.",
            ],
            1,
            True,
        ),
        gdocs_list(0, ["Дербес деректерді өңдеу мақсаттары"], 2, False),
        gdocs_list(
            1,
            [
                "Оператор дербес деректерді қызмет көрсету шартын жасасу, орындау және тоқтату мақсатында, оның "
                "ішінде Пайдаланушыны сәйкестендіру үшін өңдейді.",
                "Дербес деректер шарт тоқтатылған күннен бастап 5 (бес) жыл бойы сақталады, егер Қазақстан "
                "Республикасының заңнамасында ұзағырақ мерзім белгіленбесе.",
            ],
            1,
            True,
        ),
        gdocs_list(0, ["Пайдаланушының құқықтары"], 3, False),
        gdocs_list(
            1,
            [
                "Пайдаланушы Операторға жазбаша өтініш жолдау арқылы дербес деректерді жинауға және өңдеуге "
                "келісімін кері қайтарып алуға құқылы.",
                "Өтініштер Алматы шаһарындағы Оператордың кеңсесінде 10 (он) жұмыс күні ішінде қаралады.",
            ],
            1,
            True,
        ),
    ]
)


def test_google_docs_export_numbers_across_its_flat_lists(tmp_path):
    path, paras = imported(tmp_path, page(GDOCS_BODY, GDOCS_CSS, lang="kk", title="Құпиялылық саясаты"))
    assert "/kk/" in str(path)
    assert numbers(path) == (["1", "2", "3"], ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"])
    assert "## 2. Дербес деректерді өңдеу мақсаттары" in paras
    assert (
        "2.2. Дербес деректер шарт тоқтатылған күннен бастап 5 (бес) жыл бойы сақталады, егер Қазақстан "
        "Республикасының заңнамасында ұзағырақ мерзім белгіленбесе."
    ) in paras
    assert "3.2. Өтініштер Алматы шаһарындағы Оператордың кеңсесінде 10 (он) жұмыс күні ішінде қаралады." in paras
    assert not [p for p in paras if re.match(r"(## )?\d+\. \d+\.", p)]  # not "1. 1.1." nor "1. 2."


# (3) data-list-text from Word converters -------------------------------------------------------------


def test_data_list_text_is_the_label_unless_css_gives_one(tmp_path):
    body = """<div class="WordSection1"><p class="title">PRIVACY POLICY</p>
<p data-list-text="1." class="ListParagraph">General provisions</p>
<p data-list-text="1.1." class="ListParagraph">This Privacy Policy sets out how Test Finance LLP (the Operator) processes the personal data of users of the Test Wallet mobile application in accordance with the Law of the Republic of Kazakhstan "On Personal Data and Their Protection".</p>
<p data-list-text="1.2." class="ListParagraph">The Operator may amend this Policy by notifying the User no later than 10 (ten) calendar days before the amendments take effect.</p>
<ol style="list-style:none"><li data-list-text="2.">Rights of the User<ol style="list-style:none">
<li data-list-text="2.1.">The User may withdraw consent to the collection and processing of personal data by sending the Operator a written notice.</li>
<li data-list-text="9.9." class="own">Requests of the User are considered within 10 (ten) business days of their receipt by the Operator.</li>
</ol></li></ol></div>"""
    css = 'li.own::before { content: "2.2. " } li.own { color: #333 } .ListParagraph { margin: 0 }'
    path, paras = imported(tmp_path, page(body, css, lang="en", title="Privacy Policy"))
    assert "/en/" in str(path)
    assert numbers(path) == (["1", "2"], ["1.1", "1.2", "2.1", "2.2"])
    assert paras[1] == "## 1. General provisions" and paras[-1].startswith("2.2. Requests of the User")
    assert "9.9." not in "\n".join(paras)


def test_data_list_text_gives_way_to_a_css_counter():
    import lxml.html

    root = lxml.html.document_fromstring(
        "<html><head><style>p{counter-increment:n} p::before{content:counter(n) '. '}</style></head>"
        "<body><p data-list-text='7.'>One</p><p data-list-text='8.'>Two</p></body></html>"
    )
    labels = css_numbering.generated_labels(root, "page.html")
    assert [labels[p].label for p in root.iter("p")] == ["1. ", "2. "]


# (4) <ol type="a" start> and <li value> --------------------------------------------------------------


def test_ol_type_start_and_value(tmp_path):
    body = """<article><h1>Пользовательское соглашение</h1><ol><li>Предмет Соглашения<ol>
<li>Оператор обрабатывает персональные данные Пользователя в следующих целях:<ol type="a" start="3">
<li>заключение и исполнение договора оказания услуг, включая идентификацию Пользователя;</li>
<li>исполнение требований законодательства Республики Казахстан о платежах и платежных системах;</li>
<li value="7">направление Пользователю уведомлений об изменении тарифов.</li></ol></li>
<li>Пользователь подтверждает, что ознакомлен с условиями:<ol type="i" start="4">
<li>настоящего Соглашения;</li><li>Политики конфиденциальности Оператора.</li></ol></li>
</ol></li></ol><ol start="5"><li>Заключительные положения<ol>
<li value="3">Споры разрешаются в суде по месту нахождения Оператора в городе Алматы.</li></ol></li></ol></article>"""
    for name, css in (("plain.html", ""), ("styled.html", "ol.x { list-style-type: disc } li { margin: 0 }")):
        path, paras = imported(tmp_path / name, page(body, css))
        assert numbers(path) == (["1", "5"], ["1.1", "1.2", "5.3"]), name
        items = [p.split(" ", 1)[0] for p in paras if re.match(r"[a-z]+\)", p)]
        assert items == ["c)", "d)", "g)", "iv)", "v)"], name
    assert [css_numbering.format_counter(n, "lower-alpha") for n in (1, 26, 27, 28, 703)] == [
        "a",
        "z",
        "aa",
        "ab",
        "aaa",
    ]
    assert (
        css_numbering.format_counter(14, "upper-roman") == "XIV"
        and css_numbering.format_counter(0, "lower-alpha") == "0"
    )


def test_list_style_type_in_css_numbers_like_the_type_attribute(tmp_path):
    body = (
        "<main><h1>Договор</h1><ol><li>Права сторон<ol><li>Оператор вправе:<ol class='sub'>"
        "<li>приостановить оказание услуг при нарушении Пользователем условий настоящего договора;</li>"
        "<li>изменять тарифы, уведомив Пользователя за 10 (десять) календарных дней.</li></ol></li>"
        "<li>Пользователь обязан своевременно вносить абонентскую плату в размере 2 000 (двух тысяч) тенге "
        "в месяц, а также соблюдать требования законодательства Республики Казахстан.</li></ol></li></ol></main>"
    )
    path, paras = imported(tmp_path, page(body, "ol.sub { list-style-type: lower-roman }"))
    assert [p.split(" ", 1)[0] for p in paras if re.match(r"[a-z]+\)", p)] == ["i)", "ii)"]
    assert numbers(path) == (["1"], ["1.1", "1.2"])


# (5) CSS that would make numbers no policy has --------------------------------------------------------

CLAUSES = "".join(
    f"<li>Оператор обеспечивает конфиденциальность персональных данных Пользователя в течение {i} "
    f"(срока) лет со дня их получения.</li>"
    for i in range(1, 6)
)
NESTED = (
    "<div>" * 15 + "Оператор обрабатывает персональные данные Пользователя в соответствии с законодательством "
    "Республики Казахстан о персональных данных и их защите, о платежах и платежных системах." * 3 + "</div>" * 15
)


@pytest.mark.parametrize(
    "css, body, message",
    [
        (
            "li { counter-increment: item 1000000000 } li::before { content: counter(item) '. ' }",
            f"<main><h1>Политика</h1>\n<ol>\n{CLAUSES}</ol></main>",
            "counter “item” = 1000000000",
        ),
        (
            "div { counter-reset: c } div::before { content: counters(c, '.') ' ' }",
            f"<main><h1>Политика</h1>\n{NESTED}</main>",
            "nests counter “c” 13 levels deep",
        ),
        (
            "@counter-style clause { system: extends point; suffix: '. ' } @counter-style point { system: extends clause }"
            " li::before { content: counter(list-item, clause) }",
            f"<main><h1>Политика</h1><ol>{CLAUSES}</ol></main>",
            "counter styles in a loop (clause → point → clause)",
        ),
        (
            "".join(f".r{i}::before {{ content: counter(r{i}) }}\n" for i in range(5001)),
            f"<main><h1>Политика</h1><ol>{CLAUSES}</ol></main>",
            "more than 5000 rules",
        ),
    ],
)
def test_css_that_explodes_numbers_is_refused_with_file_and_line(tmp_path, css, body, message):
    src = tmp_path / "policy.html"
    src.write_text(page(body, css), encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        import_file(src, "testfin/privacy", tmp_path / "docs")
    assert message in str(err.value) and "\n" not in str(err.value)
    assert re.match(re.escape(str(src)) + r":\d+: ", str(err.value)) or message.startswith("counter styles")
    assert not (tmp_path / "docs").exists()


def test_counter_loop_exits_2_with_one_line_and_writes_nothing(tmp_path):
    css = (
        "@counter-style clause { system: extends point } @counter-style point { system: extends clause }\n"
        "ol { counter-reset: c } li { counter-increment: c } li::before { content: counters(c, '.', clause) }"
    )
    (tmp_path / "policy.html").write_text(
        page(f"<main><h1>Политика</h1><ol>{CLAUSES}</ol></main>", css), encoding="utf-8"
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from policydocs.cli import run; run()",
            "import",
            "policy.html",
            "--doc",
            "testfin/privacy",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    [line] = proc.stderr.strip().splitlines()
    assert "policy.html:1: " in line and "loop" in line and "Traceback" not in proc.stderr
    assert not (tmp_path / "docs").exists()


# (6) counters on headings and paragraphs ---------------------------------------------------------------


def test_counters_on_headings_and_paragraphs(tmp_path):
    css = """body { counter-reset: sec }
h2 { counter-increment: sec; counter-reset: sub }
h2::before { content: counter(sec) ". " }
p.clause { counter-increment: sub }
p.clause::before { content: counter(sec) "." counter(sub) ". " }
p.note::before { content: "※ " }"""
    body = """<div class="doc"><h1>ПАЙДАЛАНУШЫ КЕЛІСІМІ</h1>
<h2>Жалпы ережелер</h2>
<p class="clause">Осы Келісім «Тест Қаржы» ЖШС мен мобильді қосымшаның Пайдаланушысы арасындағы қатынастарды реттейді.</p>
<p class="clause">Пайдаланушы қосымшада тіркелу арқылы осы Келісімнің талаптарын толық көлемде қабылдайды.</p>
<h2>Қызметтердің құны</h2>
<p class="clause">Абоненттік төлем айына 2 000 (екі мың) теңгені құрайды және қосымшаға қол жеткізуді қамтиды.</p>
<p class="note">Тарифтер Оператордың сайтында жарияланады және Пайдаланушыға алдын ала хабарланады.</p>
<p class="clause">Оператор тарифтерді өзгерту туралы Пайдаланушыны күнтізбелік 10 (он) күн бұрын хабардар етеді.</p>
</div>"""
    path, paras = imported(tmp_path, page(body, css, lang="kk", title="Пайдаланушы келісімі"), doc="testfin/terms")
    assert numbers(path) == (["1", "2"], ["1.1", "1.2", "2.1", "2.2"])
    assert "## 2. Қызметтердің құны" in paras
    assert (
        "2.2. Оператор тарифтерді өзгерту туралы Пайдаланушыны күнтізбелік 10 (он) күн бұрын хабардар етеді." in paras
    )
    assert "Тарифтер Оператордың сайтында жарияланады және Пайдаланушыға алдын ала хабарланады." in paras


# (7) what must not fire ----------------------------------------------------------------------------------

DECORATIVE_CSS = """ul { list-style: none } ul li::before { content: "•"; color: #0a7 }
p::before { content: "" } .icon::before { content: "\\f0e0"; font-family: FontAwesome }
h2::after { content: " →" } a::before { content: url(/img/link.svg) } li::marker { color: red }
.clearfix::after { content: ""; display: table; clear: both } * { box-sizing: border-box }"""


def test_decorative_generated_content_invents_no_numbers(tmp_path):
    body = COUNTERS_BODY.replace("<li>Пользователь вправе", '<li><span class="icon"></span>Пользователь вправе')
    body += (
        '<div class="clearfix"><p>3. Контакты</p><p>3.1. Вопросы направляются на '
        '<a href="mailto:info@testfin.kz">info@testfin.kz</a>:</p><ul><li>по телефону;</li>'
        "<li>через мобильное приложение.</li></ul></div>"
    )
    body = f"<main>{body}</main>"
    plain = imported(tmp_path / "plain", page(body))
    styled = imported(tmp_path / "styled", page(body, DECORATIVE_CSS))
    assert styled[1] == plain[1]
    assert numbers(styled[0]) == (["1", "2", "3"], ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1"])


def test_a_page_without_counter_css_imports_as_before(tmp_path, monkeypatch):
    import lxml.html

    from .test_formats import OL_PAGE

    root = lxml.html.document_fromstring(OL_PAGE.replace('charset="windows-1251"', ""))
    assert css_numbering.generated_labels(root, "terms.html") == {}
    src = tmp_path / "terms.html"
    src.write_bytes(OL_PAGE.encode("cp1251"))
    now = import_file(src, "testfin/terms", tmp_path / "now").documents[0].markdown
    monkeypatch.setattr(css_numbering, "generated_labels", lambda root, path: {})
    assert import_file(src, "testfin/terms", tmp_path / "before").documents[0].markdown == now


def test_display_none_counts_nothing():
    import lxml.html

    root = lxml.html.document_fromstring(
        "<html><head><style>ol{counter-reset:c;list-style:none} li{counter-increment:c} .hide{display:none}"
        " li::before{content:counter(c) '. '}</style></head><body><ol><li>a</li><li class='hide'>b</li>"
        "<li>c</li><li hidden>d</li><li style='display: none'>e</li><li>f</li></ol></body></html>"
    )
    labels = css_numbering.generated_labels(root, "page.html")
    assert [labels[li].label if li in labels else None for li in root.iter("li")] == [
        "1. ",
        None,
        "2. ",
        None,
        None,
        "3. ",
    ]


# what Chromium shows: its PDF of the page, read back with poppler --------------------------------------


def test_labels_match_what_chromium_shows(tmp_path):
    import datetime as dt

    from ..browser.chromium import chromium, reader_context

    if not shutil.which("pdftotext"):
        pytest.fail("this test needs poppler's pdftotext: apt-get install poppler-utils (make system-deps does it)")
    pages = {
        "counters": page(COUNTERS_BODY, COUNTERS_CSS),
        "gdocs": page(GDOCS_BODY, GDOCS_CSS, lang="kk", title="Құпиялылық саясаты"),
    }
    with chromium() as browser:
        context = reader_context(browser, dt.datetime(2026, 12, 7, 12, tzinfo=dt.timezone(dt.timedelta(hours=5))))
        for name, html in pages.items():
            tab = context.new_page()
            tab.set_content(html)
            tab.pdf(path=str(tmp_path / f"{name}.pdf"))
            tab.close()
        context.close()
    for name, html in pages.items():
        shown = subprocess.run(
            ["pdftotext", str(tmp_path / f"{name}.pdf"), "-"], capture_output=True, text=True, check=True, timeout=60
        ).stdout
        _path, paras = imported(tmp_path / name, html)
        labelled = [p.removeprefix("## ") for p in paras if re.match(r"(## )?\d+(\.\d+)*\. ", p)]
        assert len(labelled) >= 5
        shown = re.sub(r"\s+", "", shown)  # Google Docs' inline-block marker drops the space after "1.1."
        for para in labelled:
            start = "".join(re.sub(r"\*\*", "", para).split()[:5])
            assert start in shown, (name, start)


def test_cascade_inline_styles_important_and_marker_content():
    import lxml.html

    root = lxml.html.document_fromstring(
        "<html><head><style>ol{counter-reset:c} li{counter-increment:c} li::before{content:counter(c) '. '}"
        " li.skip{counter-increment:c 5 !important} #x li{counter-increment:c 2}"
        " ol.m li::marker{content:counters(list-item,'.') ') '} ol.gone li::marker{content:''}"
        " ol.dot li::marker{content:'• '}</style></head><body>"
        "<ol id='x'><li>a</li><li class='skip'>b</li><li style='counter-increment: c 10'>c</li>"
        "<li style='counter-set: c 40'>d</li></ol>"
        "<ol class='m' start='3'><li>e</li></ol><ol class='gone'><li>f</li></ol><ol class='dot'><li>g</li></ol>"
        "</body></html>"
    )
    labels = css_numbering.generated_labels(root, "page.html")
    assert [labels[li].label for li in root.iter("li")][:5] == ["2. ", "7. ", "17. ", "40. ", "3) 1. "]
    assert [labels[li].list_style for li in root.iter("li")][5:] == ["none", "disc"]


def test_a_marker_without_its_space_and_a_lettered_google_docs_level(tmp_path):
    css = GDOCS_CSS.replace('decimal) ". "}', 'decimal) "."}') + (
        ".lst-kix_q1w2e3-2>li{counter-increment:lst-ctn-kix_q1w2e3-2} ol.lst-kix_q1w2e3-2.start"
        '{counter-reset:lst-ctn-kix_q1w2e3-2 0} .lst-kix_q1w2e3-2>li:before{content:"" '
        'counter(lst-ctn-kix_q1w2e3-2,lower-latin) ") "}'
    )
    body = GDOCS_BODY.replace(
        '</ol><ol class="c1 lst-kix_q1w2e3-0" start="2">',
        "</ol>"
        + gdocs_list(
            2,
            [
                "Пайдаланушының жеке басын куәландыратын құжаттың деректері;",
                "Пайдаланушының ұялы байланыс нөмірі және электрондық пошта мекенжайы.",
            ],
            1,
            True,
        )
        + '<ol class="c1 lst-kix_q1w2e3-0" start="2">',
        1,
    )
    path, paras = imported(tmp_path, page(body, css, lang="kk", title="Құпиялылық саясаты"))
    assert numbers(path) == (["1", "2", "3"], ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"])
    assert "## 1. Жалпы ережелер" in paras
    assert any(p.startswith("1.2. Оператор Пайдаланушыны") for p in paras)
    assert re.search(
        r"\na\) Пайдаланушының жеке басын куәландыратын құжаттың деректері;\nb\) Пайдаланушының ұялы", "\n".join(paras)
    )


def test_rules_for_the_screen_count_and_print_or_narrow_ones_do_not():
    import lxml.html

    css = (
        "@media screen { li::before { content: counter(list-item) '. ' } }"
        "@media print { li::before { content: 'P' counter(list-item) } }"
        "@media (max-width: 600px) { li::before { content: 'M' counter(list-item) } }"
        "@supports (display: grid) { li.s::before { content: counter(list-item, upper-roman) '. ' } }"
    )
    root = lxml.html.document_fromstring(
        f"<html><head><style>{css}</style></head><body><ol><li>a</li><li class='s'>b</li></ol></body></html>"
    )
    assert [g.label for g in css_numbering.generated_labels(root, "page.html").values()] == ["1. ", "II. "]


def test_numbers_typed_in_a_list_without_markers_are_not_doubled(tmp_path):
    items = (
        "<li>1.1. Настоящее Соглашение регулирует отношения между ТОО «Тест Финанс» и Пользователем мобильного "
        "приложения.</li><li>1.2. Пользователь принимает условия Соглашения в полном объеме, проходя регистрацию "
        "в приложении.</li><li>1.3. Оператор вправе изменить Соглашение, уведомив Пользователя за 7 (семь) "
        "календарных дней.</li>"
    )
    path, paras = imported(
        tmp_path,
        page(
            f"<main><h1>Соглашение</h1><p>1. Общие положения</p><ol>{items}</ol></main>",
            ".terms ol, main ol { list-style: none; padding: 0 }",
        ),
    )
    assert numbers(path) == (["1"], ["1.1", "1.2", "1.3"])
    assert not [p for p in paras if re.match(r"\d+\. \d+\.\d+\.", p)]
