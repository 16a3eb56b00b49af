"""``policydocs build --outputs``: the plugin's outputs without MkDocs, byte for byte those of ``mkdocs build``."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.browser.sitebuild import build, make_project, policydocs


def _hashes(site: Path, pattern: str) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.glob(pattern))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("cli-build"), pdf=True)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project


def test_api_and_pdfs_without_mkdocs_are_those_of_the_mkdocs_build(project, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(project / "site", site)
    api, pdfs = _hashes(site, "api/**/*.json"), _hashes(site, "**/*.pdf")
    assert len(api) >= 4 and pdfs  # documents.json, the schema, one per document
    shutil.rmtree(site / "api")
    for pdf in site.glob("**/*.pdf"):
        pdf.unlink()
    result = policydocs(project, "build", "--outputs", "api,pdf", "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert _hashes(site, "api/**/*.json") == api
    assert _hashes(site, "**/*.pdf") == pdfs
    assert result.stdout.strip() == f"api, pdf written into {site}"


def test_every_output_again_leaves_the_mkdocs_site_byte_identical(project, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(project / "site", site)
    before = _hashes(site, "**/*")
    result = policydocs(
        project, "build", "--site", str(site), "--outputs", "compare,pdf,docx,api,manifests,feeds,sitemap,search"
    )
    assert result.returncode == 0, result.stderr
    assert _hashes(site, "**/*") == before


def test_search_needs_the_pages_of_mkdocs_in_one_line(project, tmp_path):
    result = policydocs(project, "build", "--outputs", "feeds,search", "--site", str(tmp_path / "bare"))
    assert result.returncode == 0
    assert result.stderr.strip().count("\n") == 0 and "search: needs the pages built by mkdocs" in result.stderr
    assert (tmp_path / "bare" / "en" / "feed.xml").is_file()


def test_an_unknown_output_on_the_command_line_one_line_exit_2(project):
    result = policydocs(project, "build", "--outputs", "api,pfd")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: --outputs: unknown output 'pfd'; the known outputs are "
        "compare, pdf, docx, api, manifests, feeds, sitemap, search"
    )


def test_an_unknown_output_in_mkdocs_yml_names_file_and_line_for_both_builds(tmp_path):
    project = make_project(tmp_path, outputs="[api, pfd]")
    line = next(n for n, text in enumerate((project / "mkdocs.yml").read_text().splitlines(), 1) if "outputs:" in text)
    result = policydocs(project, "build")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"error: mkdocs.yml:{line}: unknown output 'pfd'; the known outputs are "
        "compare, pdf, docx, api, manifests, feeds, sitemap, search"
    )
    result = build(project)
    assert result.returncode != 0
    assert f"mkdocs.yml:{line}: unknown output 'pfd'" in result.stderr
    assert not (project / "site").exists()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("a: &x [1]\nb: *x\nplugins:\n  - policydocs\n", "mkdocs.yml:1: YAML anchors and aliases"),
        (
            'x: !!python/object/apply:os.system ["touch pwned"]\nplugins:\n  - policydocs\n',
            "mkdocs.yml:1: could not determine a constructor",
        ),
        (
            "plugins:\n  - policydocs:\n      pfd: true\n",
            "mkdocs.yml:3: unknown option 'pfd' of the 'policydocs' plugin",
        ),
        ("plugins:\n  - search\n", "mkdocs.yml: has no 'policydocs' plugin under 'plugins:'"),
    ],
)
def test_a_hostile_or_wrong_mkdocs_yml_is_refused_in_one_line(tmp_path, text, says):
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    result = policydocs(tmp_path, "build", "--outputs", "api")
    assert result.returncode == 2
    assert result.stderr.strip().startswith(f"error: {says}") and "\n" not in result.stderr.strip()
    assert not (tmp_path / "pwned").exists()


def test_the_library_builds_without_mkdocs_importable(project, tmp_path):
    """``policydocs build`` works where MkDocs cannot be imported (only the pages need it)."""
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "mkdocs").mkdir()
    (blocker / "mkdocs" / "__init__.py").write_text("raise ImportError('no mkdocs here')\n")
    import subprocess
    import sys

    from tests.browser.sitebuild import CODE, environment

    env = {**environment(), "PYTHONPATH": f"{blocker}:{CODE}"}
    code = (
        "import sys; from policydocs.cli.main import main; "
        f"sys.argv = ['policydocs', 'build', '--outputs', 'api,feeds', '--site', {str(tmp_path / 'out')!r}]; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "api" / "v1" / "documents.json").is_file()
