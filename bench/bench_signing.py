"""Signing cost: per PDF (RSA 2048 and ECDSA P-256 against rendering it) and a whole site build signed vs unsigned.

    .venv/bin/python bench/bench_signing.py [--builds 2]

The build pair uses the fixture project of tests/browser/sitebuild.py with two published
versions (tests/site/test_versions.py), PDFs on, warm caches; best of --builds each, side by side.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.proof.test_manifests import make_project, mkdocs_build, publish_two_versions  # noqa: E402
from tests.proof_certs import PASSWORD, SIGNING_AT, make_p12  # noqa: E402

from policydocs.proof import signing  # noqa: E402


def best(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def per_pdf(tmp: Path) -> None:
    from weasyprint import HTML

    clause = (
        "<p>1.{n}. ТОО «Смарт Ақкөл» обрабатывает персональные данные Пользователя в соответствии с Законом "
        "Республики Казахстан «О персональных данных и их защите» и хранит их не более 3 (трёх) лет.</p>"
    )
    page = "<h1>Политика конфиденциальности</h1>" + "".join(clause.format(n=n) for n in range(120))
    render = best(lambda: HTML(string=page).write_pdf(), 3)
    body = HTML(string=page).write_pdf()
    os.environ[signing.PASSWORD_ENV] = PASSWORD
    moment = dt.datetime(2026, 11, 22, 15, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    print(f"PDF of {len(body) // 1024} KiB: rendering {render * 1000:.0f} ms (the unsigned cost of a cold build)")
    for kind in ("rsa", "ec"):
        cert = signing.load(signing.SigningConfig(make_p12(tmp / f"{kind}.p12", kind=kind)), SIGNING_AT)
        cost = best(lambda cert=cert: signing.sign_pdf(cert, body, moment), 10)
        print(f"  sign ({kind}): {cost * 1000:6.1f} ms per PDF = {cost / render:.2f}x its rendering")


def builds(tmp: Path, rounds: int) -> None:
    make_p12(tmp / "company.p12")
    plain = make_project(tmp / "plain", pdf=True, pdf_cache_dir=".cache/pdf")
    signed = make_project(
        tmp / "signed", pdf=True, pdf_cache_dir=".cache/pdf", manifests=True, sign_certificate="../company.p12"
    )
    for project in (plain, signed):
        publish_two_versions(project)
        assert mkdocs_build(project).returncode == 0  # cold, fills the caches
    results = {}
    for _ in range(rounds):  # alternate, so that a busy moment of the shared machine hits both
        for name, project in (("unsigned", plain), ("signed + manifests", signed)):
            start = time.perf_counter()
            assert mkdocs_build(project).returncode == 0
            results.setdefault(name, []).append(time.perf_counter() - start)
    pdfs = len(list((signed / "site").rglob("*.pdf")))
    base = min(results["unsigned"])
    for name, times in results.items():
        print(f"warm build, {pdfs} PDFs, {name}: {min(times):.2f} s ({min(times) / base:.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--builds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        per_pdf(Path(tmp))
        builds(Path(tmp), args.builds)


if __name__ == "__main__":
    main()
