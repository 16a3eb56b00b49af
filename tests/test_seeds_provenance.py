"""The seed policies live in the repository, byte for byte as received (seeds/README.md)."""

from __future__ import annotations

import hashlib

from tests.conftest import ROOT


def test_every_seed_matches_its_recorded_hash():
    folder = ROOT / "seeds"
    recorded = {}
    for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        recorded[name] = digest
    present = sorted(p.name for p in folder.glob("*.txt"))
    assert present == sorted(recorded), "seeds/ and seeds/SHA256SUMS list different files"
    assert len(present) == 5
    for name, digest in recorded.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, f"seeds/{name} was changed"
