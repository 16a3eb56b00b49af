"""Real policy files, mutated at random: check, the site's rendering and publish answer 0, 1 or 2, never crash.

Each example damages one language of a real seed policy (bytes, characters, lines, header
values), then runs ``policydocs check`` and ``policydocs publish`` as a user would (the CLI,
in process) and the site's whole per-document rendering path (what the MkDocs plugin calls).
Whatever the damage, the answer is an exit code of 0, 1 or 2 with no traceback and no
"internal error", and the published versions are exactly as they were.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydocs.cli import main
from policydocs.corpus import load
from policydocs.errors import PolicyError
from policydocs.publication import history as history_mod
from policydocs.site import linkcheck, pages
from tests.conftest import ROOT

DOCUMENTS = ["yasam/privacy", "citygroup/privacy", "platform/privacy"]
NASTY = [
    "\u202e",
    "\u200b",
    "\x00",
    "\x1b",
    "\u2028",
    "\r",
    "\ufeff",
    "---\n",
    "*a",
    "&a ",
    "[",
    "](",
    "<script>",
    "1.1.1.1.",
    "## ",
    "1) ",
    "- ",
    "**",
    "<!--",
    "-->",
    '"',
    "'",
    ":",
    "#cl-9-9",
    "ә",
    "қ",
    "ұ",
    "Ё",
    "\t",
]


@st.composite
def damage(draw, text: bytes) -> bytes:
    data = bytearray(text)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["insert", "delete", "bytes", "duplicate", "header"]))
        at = draw(st.integers(0, len(data)))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from(NASTY)).encode("utf-8")
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 200))]
        elif kind == "bytes":
            data[at:at] = draw(st.binary(min_size=1, max_size=6))
        elif kind == "duplicate":
            end = data.find(b"\n", at)
            data[at:at] = data[at : end if end != -1 else len(data)] + b"\n"
        else:  # a header value replaced by arbitrary text
            lines = bytes(data).split(b"\n")
            header_end = next((i for i in range(1, len(lines)) if lines[i].strip() == b"---"), 1)
            i = draw(st.integers(1, max(1, header_end - 1)))
            if i < len(lines) and b":" in lines[i]:
                key = lines[i].split(b":", 1)[0]
                value = draw(st.text(alphabet=st.characters(codec="utf-8"), max_size=20)).encode(
                    "utf-8", "surrogatepass"
                )
                lines[i] = key + b": " + value
            data = bytearray(b"\n".join(lines))
    return bytes(data)


def _snapshot(versions: Path) -> dict[str, str]:
    return {
        str(p.relative_to(versions)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(versions.rglob("*"))
        if p.is_file()
    }


def _clean(result) -> None:
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "internal error" not in result.output and "Traceback" not in result.output


def _render_site_pages(docs: Path, versions: Path) -> None:
    """The plugin's per-document path: model, link check, histories, every policy page's HTML."""
    corpus = load(docs)
    model = pages.build_model(corpus)
    linkcheck.check_links(model)
    model.histories = history_mod.load_histories(corpus, versions, dt.datetime(2026, 12, 5, tzinfo=dt.UTC))
    for page in model.pages.values():
        if page.doc is not None:
            html = pages.policy_content(model, page)
            assert "<script" not in html.lower()


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_mutated_real_policies_never_crash_and_never_touch_published_versions(tmp_path_factory, data):
    project = tmp_path_factory.mktemp("fuzz")
    doc_id = data.draw(st.sampled_from(DOCUMENTS))
    lang = data.draw(st.sampled_from(["ru", "kk", "en"]))
    for name in ("docs", "versions"):
        shutil.copytree(ROOT / name, project / name)
    path = project / "docs" / lang / f"{doc_id}.md"
    path.write_bytes(data.draw(damage(path.read_bytes())))
    before = _snapshot(project / "versions")
    runner = CliRunner()
    cwd = os.getcwd()
    os.chdir(project)
    try:
        _clean(runner.invoke(main, ["check", "--document", doc_id], catch_exceptions=True))
        try:
            _render_site_pages(project / "docs", project / "versions")
        except PolicyError:
            pass  # a message with file and line: what the build shows, and stops on
        published = runner.invoke(
            main,
            ["publish", doc_id, "--date", "2026-11-29", "--backdate", "a fuzz test of a fixed date"],
            catch_exceptions=True,
        )
        _clean(published)
        assert published.exit_code in (0, 2)
    finally:
        os.chdir(cwd)
    after = _snapshot(project / "versions")
    for name, digest in before.items():
        if not name.endswith("changelog.yml"):
            assert after[name] == digest, name  # a frozen text never changes
    if published.exit_code == 2:
        assert after == before  # a refused publish writes nothing
