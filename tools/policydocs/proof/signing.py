"""The company's certificate, and what is signed with it: manifests (CMS) and PDFs (PAdES).

The certificate is a PKCS#12 file (``.p12``/``.pfx``) whose password comes from an
environment variable or a file (never from mkdocs.yml, which is in the repository). It is
refused with one line before anything is signed when it is not a PKCS#12 file, the password
is wrong, it is expired or not yet valid at the moment of signing, or its key usage allows
neither digitalSignature nor nonRepudiation. RSA and ECDSA keys are both accepted.

The moment claimed as signing time is the version's publication moment; when a time-stamp
authority (RFC 3161) is configured, its token proves when the signature really existed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import io
import logging
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import cms
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from ..errors import PolicyError
from ..i18n import _

# pyHanko still imports DSA, which cryptography deprecates: a note for pyHanko's authors, not for a lawyer
warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"pyhanko\.")

PASSWORD_ENV = "POLICYDOCS_SIGN_PASSWORD"
USAGES = ("digital_signature", "content_commitment")  # content_commitment is nonRepudiation


@dataclass(frozen=True)
class SigningConfig:
    """Where the certificate and its password are; ``tsa_url``: an RFC 3161 time-stamp server, or None."""

    certificate: Path
    password_env: str | None = PASSWORD_ENV
    password_file: Path | None = None
    tsa_url: str | None = None
    visible: bool = False


def password(config: SigningConfig) -> bytes:
    """The certificate's password: from the file when one is named, else from the environment variable."""
    if config.password_file is not None:
        try:
            return Path(config.password_file).read_bytes().rstrip(b"\r\n")
        except OSError as exc:
            raise PolicyError(
                _("cannot read the certificate's password file: {reason}").format(reason=exc.strerror or exc),
                config.password_file,
            ) from None
    name = config.password_env or PASSWORD_ENV
    value = os.environ.get(name)
    if value is None:
        raise PolicyError(
            _(
                "the certificate's password is not set: put it in the environment variable {name} "
                "or name a password file"
            ).format(name=name),
            config.certificate,
        )
    return value.encode("utf-8")


@dataclass
class Certificate:
    """A loaded, checked certificate and its key, ready to sign."""

    path: Path
    key: object
    cert: x509.Certificate
    chain: list
    tsa_url: str | None = None
    visible_box: bool = False
    _signer: object = field(default=None, repr=False)

    @property
    def subject(self) -> str:
        return self.cert.subject.rfc4514_string()

    def pyhanko_signer(self):
        """pyHanko's signer, made once: loading an RSA key checks it, which costs more than a signature."""
        if self._signer is None:
            self._signer = self._make_signer()
        return self._signer

    def _make_signer(self):
        from asn1crypto import keys
        from asn1crypto import x509 as asn1_x509
        from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
        from pyhanko.sign import signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        der = self.cert.public_bytes(Encoding.DER)
        key = keys.PrivateKeyInfo.load(self.key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption()))
        others = [asn1_x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in self.chain]
        loaded = self.key

        class _LoadedKey(signers.SimpleSigner):
            """pyHanko re-reads the key for every signature (twice per PDF); this one signs with the key loaded once."""

            def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
                from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
                from pyhanko.sign.general import get_pyca_cryptography_hash

                mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
                digest = get_pyca_cryptography_hash(digest_algorithm)
                if mechanism == "rsassa_pkcs1v15" and isinstance(loaded, rsa.RSAPrivateKey):
                    return loaded.sign(data, PKCS1v15(), digest)
                if mechanism == "ecdsa" and isinstance(loaded, ec.EllipticCurvePrivateKey):
                    return loaded.sign(data, ec.ECDSA(digest))
                return super().sign_raw(data, digest_algorithm)

        return _LoadedKey(
            signing_cert=asn1_x509.Certificate.load(der),
            signing_key=key,
            cert_registry=SimpleCertificateStore.from_certs(others),
        )

    def timestamper(self):
        if not self.tsa_url:
            return None
        from pyhanko.sign.timestamps import HTTPTimeStamper

        return HTTPTimeStamper(self.tsa_url)


def load(config: SigningConfig, at: dt.datetime) -> Certificate:
    """Open and check the certificate for signing at ``at`` (the real moment of signing); one line if it cannot."""
    path = Path(config.certificate)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PolicyError(_("cannot read the certificate: {reason}").format(reason=exc.strerror or exc), path) from None
    if not _is_pkcs12(data):
        raise PolicyError(
            _(
                "this is not a PKCS#12 certificate file (.p12 or .pfx); export the certificate "
                "with its private key as PKCS#12"
            ),
            path,
        )
    try:
        key, cert, chain = pkcs12.load_key_and_certificates(data, password(config))
    except ValueError:
        raise PolicyError(_("the certificate's password is wrong"), path) from None
    if key is None or cert is None:
        raise PolicyError(_("the PKCS#12 file holds no private key and certificate to sign with"), path)
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise PolicyError(_("the certificate's key is neither RSA nor ECDSA"), path)
    if at < cert.not_valid_before_utc:
        raise PolicyError(
            _("the certificate is not yet valid: valid from {start}").format(
                start=cert.not_valid_before_utc.isoformat()
            ),
            path,
        )
    if at > cert.not_valid_after_utc:
        raise PolicyError(_("the certificate expired on {end}").format(end=cert.not_valid_after_utc.isoformat()), path)
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is None or not any(getattr(usage, name) for name in USAGES):
        raise PolicyError(
            _("the certificate may not sign documents: its key usage has neither digitalSignature nor nonRepudiation"),
            path,
        )
    return Certificate(path, key, cert, list(chain or []), config.tsa_url, config.visible)


def _is_pkcs12(data: bytes) -> bool:
    try:
        pfx = asn1_pkcs12.Pfx.load(data)
        pfx["auth_safe"]["content_type"].native  # noqa: B018  parsing the structure is the test
        return pfx["version"].native == "v3"
    except Exception:  # asn1crypto raises ValueError, TypeError or its own errors on garbage
        return False


def sign_detached(certificate: Certificate, data: bytes, claimed: dt.datetime) -> bytes:
    """A CMS (PKCS#7) detached signature of ``data`` in DER, claiming ``claimed`` as signing time."""
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    signed = _run(
        certificate,
        certificate.pyhanko_signer().async_sign_general_data(
            data,
            "sha256",
            detached=True,
            timestamper=certificate.timestamper(),
            signed_attr_settings=PdfCMSSignedAttributes(signing_time=claimed),
        ),
    )
    return signed.dump()


def _run(certificate: Certificate, work):
    """Run pyHanko's signing; a time-stamp server that does not answer is one line, not a traceback."""
    from pyhanko.sign.timestamps import TimestampRequestError

    try:
        return asyncio.run(work)
    except (TimestampRequestError, OSError) as exc:
        raise PolicyError(
            _("the time-stamp server {url} did not answer ({reason}); nothing was signed").format(
                url=certificate.tsa_url, reason=str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            ),
            certificate.path,
        ) from None


def check_detached(data: bytes, signature: bytes) -> tuple[bool, str]:
    """Whether ``signature`` (DER CMS) is an intact, valid signature of ``data``; and who signed."""
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
    from pyhanko_certvalidator import ValidationContext

    # pyHanko logs an untrusted root with a traceback at ERROR: not our finding (we ask integrity, and who
    # signed), and never for the user's console; its child loggers take their level from these two
    quiet = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
    was = [logger.level for logger in quiet]
    for logger in quiet:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        info = cms.ContentInfo.load(signature)
        signed_data = info["content"]
        status = asyncio.run(
            async_validate_detached_cms(data, signed_data, signer_validation_context=ValidationContext(trust_roots=[]))
        )
    except Exception as exc:  # a damaged signature file: not valid, in words
        return False, str(exc) or type(exc).__name__
    finally:
        for logger, level in zip(quiet, was):
            logger.setLevel(level)
    return bool(status.intact and status.valid), status.signing_cert.subject.human_friendly


def sign_pdf(certificate: Certificate, pdf: bytes, claimed: dt.datetime, reason: str | None = None) -> bytes:
    """The PDF with a PAdES signature added (the unsigned body stays byte for byte as it was)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    class _ClaimedTime(signers.PdfSigner):
        def init_signing_session(self, *args, **kwargs):
            session = super().init_signing_session(*args, **kwargs)
            session.system_time = claimed  # the /M of the signature: the publication moment
            return session

    meta = signers.PdfSignatureMetadata(
        field_name="Signature", md_algorithm="sha256", reason=reason, subfilter=fields.SigSeedSubFilter.PADES
    )
    spec = fields.SigFieldSpec("Signature", box=(56, 40, 300, 80) if certificate.visible_box else None)

    class _Reproducible(IncrementalPdfFileWriter):
        """The update's /ID and /ModDate from the body and the claimed moment (pyHanko: random and the clock),
        so that an RSA signature of the same body at the same moment is the same file."""

        def _update_meta(self):
            super()._update_meta()
            if self._info is not None and "/ModDate" in self._info.get_object():
                self._info.get_object()["/ModDate"] = generic.pdf_date(claimed)

    writer = _Reproducible(io.BytesIO(pdf), strict=False)
    digest = hashlib.sha256(pdf).digest()
    # the body's own first /ID is kept (PDF 14.4); a body without one gets it from its bytes, not at random
    first = writer.document_id[0] if "/ID" in writer.prev.trailer else digest[16:]
    writer._document_id = generic.ArrayObject([generic.ByteStringObject(first), generic.ByteStringObject(digest[:16])])
    out = io.BytesIO()
    _run(
        certificate,
        _ClaimedTime(
            meta, certificate.pyhanko_signer(), timestamper=certificate.timestamper(), new_field_spec=spec
        ).async_sign_pdf(writer, output=out),
    )
    return out.getvalue()
