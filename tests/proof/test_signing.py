"""The company's certificate: what signs and what is refused in one line; PAdES validated by pyHanko."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from weasyprint import HTML

from policydocs.errors import PolicyError
from policydocs.proof import signing

from ..proof_certs import PASSWORD, SIGNING_AT, make_p12
from .test_manifests import DOC, make_project, mkdocs_build, publish_two_versions

UTC = dt.UTC
PUBLISHED = dt.datetime(2026, 11, 22, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=5)))


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv(signing.PASSWORD_ENV, PASSWORD)


def pdf_bytes() -> bytes:
    return HTML(
        string="<h1>Құпиялылық саясаты</h1><p>1.1. «Смарт Ақкөл» ЖШС дербес деректерді өңдейді.</p>"
    ).write_pdf()


@pytest.mark.parametrize("kind", ["rsa", "ec"])
def test_rsa_and_ecdsa_sign_pdfs_that_pyhanko_validates(tmp_path, password, kind):
    cert = signing.load(signing.SigningConfig(make_p12(tmp_path / "c.p12", kind=kind)), SIGNING_AT)
    body = pdf_bytes()
    signed = signing.sign_pdf(cert, body, PUBLISHED)
    assert signed.startswith(body)  # the unsigned body is kept byte for byte; the signature is an update after it
    signature = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    root = asn1_x509.Certificate.load(cert.cert.public_bytes(Encoding.DER))
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[root], moment=SIGNING_AT))
    assert status.intact and status.valid and status.trusted
    assert status.signer_reported_dt == PUBLISHED
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    tampered = bytearray(signed)
    tampered[len(body) // 2] ^= 1
    bad = validate_pdf_signature(
        PdfFileReader(io.BytesIO(bytes(tampered)), strict=False).embedded_signatures[0],
        ValidationContext(trust_roots=[root], moment=SIGNING_AT),
    )
    assert not bad.intact


def test_the_password_may_come_from_a_file(tmp_path, monkeypatch):
    monkeypatch.delenv(signing.PASSWORD_ENV, raising=False)
    (tmp_path / "pass.txt").write_text(PASSWORD + "\n", encoding="utf-8")
    cert = signing.load(
        signing.SigningConfig(make_p12(tmp_path / "c.p12"), password_file=tmp_path / "pass.txt"), SIGNING_AT
    )
    assert "Смарт Ақкөл" in cert.subject


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda p: make_p12(p, not_after=dt.datetime(2026, 6, 1, tzinfo=UTC)), "the certificate expired on 2026-06-01"),
        (lambda p: make_p12(p, not_before=dt.datetime(2027, 1, 1, tzinfo=UTC)), "not yet valid: valid from 2027-01-01"),
        (lambda p: make_p12(p, key_usage=False), "neither digitalSignature nor nonRepudiation"),
        (lambda p: make_p12(p, password="другой пароль"), "password is wrong"),
        (
            lambda p: (p.write_bytes(b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"), p)[1],
            "not a PKCS#12 certificate file",
        ),
    ],
)
def test_a_certificate_that_cannot_sign_is_one_line(tmp_path, password, make, words):
    path = make(tmp_path / "c.p12")
    with pytest.raises(PolicyError) as err:
        signing.load(signing.SigningConfig(path), SIGNING_AT)
    assert words in err.value.message and err.value.path == str(path) and "\n" not in str(err.value)


def test_a_valid_certificate_is_not_refused(tmp_path, password):
    assert signing.load(signing.SigningConfig(make_p12(tmp_path / "c.p12")), SIGNING_AT).cert is not None


def test_without_the_password_the_variable_is_named(tmp_path, monkeypatch):
    monkeypatch.delenv(signing.PASSWORD_ENV, raising=False)
    with pytest.raises(PolicyError, match="POLICYDOCS_SIGN_PASSWORD"):
        signing.load(signing.SigningConfig(make_p12(tmp_path / "c.p12")), SIGNING_AT)


def test_an_expired_certificate_stops_the_build_in_one_line(tmp_path):
    make_p12(tmp_path / "old.p12", not_after=dt.datetime(2026, 6, 1, tzinfo=UTC))
    project = make_project(tmp_path / "project", manifests=True, sign_certificate="../old.p12")
    publish_two_versions(project)
    result = mkdocs_build(project)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if "certificate expired" in line]
    assert len(lines) == 1 and "old.p12" in lines[0] and "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_signing_is_off_unless_configured(tmp_path):
    project = make_project(tmp_path / "project", pdf=True, pdf_cache_dir=".cache/pdf")
    publish_two_versions(project)
    assert mkdocs_build(project).returncode == 0
    pdf = next((project / "site").rglob("v2/*.pdf"))
    assert b"/ByteRange" not in pdf.read_bytes() and not (project / "site/evidence").exists()
    assert DOC == "demo/privacy"


def test_an_rsa_signature_of_the_same_body_at_the_same_moment_is_the_same_file(tmp_path, password):
    cert = signing.load(signing.SigningConfig(make_p12(tmp_path / "c.p12")), SIGNING_AT)
    body = pdf_bytes()
    first, second = signing.sign_pdf(cert, body, PUBLISHED), signing.sign_pdf(cert, body, PUBLISHED)
    assert first == second
    assert signing.sign_pdf(cert, body, PUBLISHED + dt.timedelta(days=1)) != first  # the moment is in the file


@pytest.fixture
def tsa():
    from ..proof_certs import LocalTimestampServer

    server = LocalTimestampServer()
    yield server
    if server.server.fileno() != -1:
        server.close()


def test_a_configured_time_stamp_server_adds_an_rfc3161_token(tmp_path, password, tsa):
    cert = signing.load(signing.SigningConfig(make_p12(tmp_path / "c.p12"), tsa_url=tsa.url), SIGNING_AT)
    signed = signing.sign_pdf(cert, pdf_bytes(), PUBLISHED)
    assert tsa.requests >= 1  # pyHanko asks once more to size the signature
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    roots = [asn1_x509.Certificate.load(cert.cert.public_bytes(Encoding.DER)), tsa.certificate]
    context = ValidationContext(trust_roots=roots, moment=SIGNING_AT)
    status = validate_pdf_signature(
        PdfFileReader(io.BytesIO(signed)).embedded_signatures[0], context, ts_validation_context=context
    )
    assert status.intact and status.valid
    assert status.timestamp_validity is not None and status.timestamp_validity.intact
    assert status.timestamp_validity.timestamp == SIGNING_AT  # the server's moment, beside the claimed one
    assert status.signer_reported_dt == PUBLISHED
    before = tsa.requests
    manifest_signature = signing.sign_detached(cert, b'{"version": 2}\n', PUBLISHED)
    assert tsa.requests == before + 1 and signing.check_detached(b'{"version": 2}\n', manifest_signature)[0]


def test_without_a_time_stamp_server_no_token(tmp_path, password):
    cert = signing.load(signing.SigningConfig(make_p12(tmp_path / "c.p12")), SIGNING_AT)
    status = validate_pdf_signature(
        PdfFileReader(io.BytesIO(signing.sign_pdf(cert, pdf_bytes(), PUBLISHED))).embedded_signatures[0],
        ValidationContext(trust_roots=[], moment=SIGNING_AT),
    )
    assert status.timestamp_validity is None


def test_a_time_stamp_server_that_does_not_answer_is_one_line(tmp_path, password, tsa):
    url = tsa.url
    tsa.close()  # nothing listens there any more
    cert = signing.load(signing.SigningConfig(make_p12(tmp_path / "c.p12"), tsa_url=url), SIGNING_AT)
    with pytest.raises(PolicyError) as err:
        signing.sign_pdf(cert, pdf_bytes(), PUBLISHED)
    assert f"the time-stamp server {url} did not answer" in err.value.message and "\n" not in str(err.value)


@pytest.mark.parametrize("visible", [True, False])
def test_the_visible_signature_box_is_optional(tmp_path, password, visible):
    cert = signing.load(signing.SigningConfig(make_p12(tmp_path / "c.p12"), visible=visible), SIGNING_AT)
    signature = PdfFileReader(io.BytesIO(signing.sign_pdf(cert, pdf_bytes(), PUBLISHED))).embedded_signatures[0]
    rect = [float(x) for x in signature.sig_field["/Rect"]]
    assert (rect[2] - rect[0] > 0) is visible
