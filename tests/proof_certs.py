"""Certificates made in the tests with `cryptography`: valid RSA and ECDSA, expired, not yet valid, no key usage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import NameOID

PASSWORD = "Пароль-2026"
SIGNING_AT = dt.datetime(2026, 12, 1, 6, 0, tzinfo=dt.UTC)


def make_p12(
    path: Path,
    *,
    kind: str = "rsa",
    not_before=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    not_after=dt.datetime(2028, 1, 1, tzinfo=dt.UTC),
    key_usage: bool = True,
    password: str = PASSWORD,
) -> Path:
    key = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        if kind == "rsa"
        else ec.generate_private_key(ec.SECP256R1())
    )
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ТОО «Смарт Ақкөл»"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Смарт Ақкөл юридический отдел"),
        ]
    )
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
    )
    if key_usage:
        builder = builder.add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    else:  # a certificate for encryption only
        builder = builder.add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=True,
                data_encipherment=True,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    cert = builder.sign(key, hashes.SHA256())
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(b"company", key, cert, None, BestAvailableEncryption(password.encode()))
    )
    return path


class LocalTimestampServer:
    """An RFC 3161 time-stamp server on localhost (pyHanko's DummyTimeStamper behind HTTP), for the tests."""

    def __init__(self, moment=SIGNING_AT):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        from asn1crypto import keys, tsp
        from asn1crypto import x509 as asn1_x509
        from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
        from pyhanko.sign.timestamps import DummyTimeStamper

        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Тестовая служба меток времени")])
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
            .not_valid_after(dt.datetime(2028, 1, 1, tzinfo=dt.UTC))
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
            .sign(key, hashes.SHA256())
        )
        self.certificate = asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
        stamper = DummyTimeStamper(
            self.certificate,
            keys.PrivateKeyInfo.load(key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())),
            fixed_dt=moment,
        )
        self.requests = 0
        server_self = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
                body = stamper.request_tsa_response(request).dump()
                server_self.requests += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/tsp"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
