"""One evidence bundle per user and moment: what a company hands an auditor or a court.

``evidence(...)`` writes one zip with: the version of the document in force at the moment
and the one before it (their PDFs and frozen texts in the user's language and in the
prevailing one, the redline between them), their signed manifests, the publication and
notice moments and the end of the notice period (``moments.json``), the user's records from
the records file (each checked against the store), and ``summary.pdf``: one page, in the
chosen language, that says in plain words what each item is. Dates there are written by
Babel in that language, with the document's time zone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_time

from ..errors import PolicyError
from ..fsutil import atomic_write_bytes
from ..i18n import N_p, SiteWords, _
from ..publication.dates import long_date
from ..versions.store import open_store
from . import acceptance
from .manifest import MANIFEST, SIGNATURE, version_folder

# the summary's words, per language of the reader (not the tool's message language): in the
# ``site`` catalogs, key ``bundle.<key>``
WORDS = SiteWords(
    N_p("bundle.title", "Evidence of acceptance"),
    N_p("bundle.document", "Document"),
    N_p("bundle.user", "User (the app's reference)"),
    N_p("bundle.asked", "Moment asked about"),
    N_p("bundle.in_force", "Version in force at that moment"),
    N_p("bundle.previous", "Version before it"),
    N_p("bundle.none", "none"),
    N_p("bundle.version", "version {n}"),
    N_p("bundle.published", "published"),
    N_p("bundle.notice", "notice period, calendar days"),
    N_p("bundle.effective", "notice period ended, in force from"),
    N_p("bundle.records", "This user's acceptance records"),
    N_p("bundle.holds", "holds"),
    N_p("bundle.fails", "does not hold"),
    N_p("bundle.contents", "What the archive holds"),
    N_p("bundle.item.text", "the text of the version exactly as published (Markdown)"),
    N_p("bundle.item.pdf", "the version's PDF, signed with the company's certificate"),
    N_p("bundle.item.redline", "the redline: what was removed is struck out, what was added underlined"),
    N_p(
        "bundle.item.manifest",
        "the manifest: the sha256 of every file of the version and the previous manifest's hash, with "
        "its CMS signature",
    ),
    N_p("bundle.item.moments", "the moments of publication, notice and the end of the notice period"),
    N_p("bundle.item.contents", "the list of the archive's files: the path each has in its manifest, and its sha256"),
    N_p("bundle.item.records", "the app's records of this user and how each was checked"),
    N_p(
        "bundle.verify",
        "To check: the sha256 of every file is in its version's manifest.json; the manifest's signature: "
        "openssl cms -verify -inform DER -binary -noverify -in manifest.json.p7s -content manifest.json",
    ),
    prefix="bundle.",
)


def word(key: str, lang: str, **values) -> str:
    return WORDS.word(key, lang).format(**values)


def moment_text(moment: dt.datetime, lang: str, tz: str) -> str:
    """A moment as the reader's language writes it, with the zone: '22 ноября 2026 г., 15:00 (Asia/Almaty, UTC+05:00)'."""
    local = moment.astimezone(ZoneInfo(tz))
    offset = local.strftime("%z")
    return f"{long_date(local, lang)}, {format_time(local, 'HH:mm', locale=lang)} ({tz}, UTC{offset[:3]}:{offset[3:]})"


@dataclass
class Bundle:
    path: Path
    names: list[str] = field(default_factory=list)
    in_force: int | None = None
    previous: int | None = None
    records: int = 0
    failing: int = 0


def evidence(
    doc_id: str,
    at: dt.datetime,
    out: Path,
    *,
    versions_dir: Path,
    site_dir: Path,
    lang: str | None = None,
    user: str | None = None,
    records: Path | None = None,
) -> Bundle:
    """Write the bundle; PolicyError (nothing written) when the document or the site lacks what it needs."""
    store = open_store(versions_dir, doc_id)
    current = store.in_force(at)
    if current is None:
        raise PolicyError(
            _("no version of {document} was in force at {moment}").format(document=doc_id, moment=at.isoformat()),
            store.changelog_path,
        )
    previous = store.get(current.number - 1) if current.number > 1 else None
    api = _api(site_dir, doc_id)
    prevailing = api.get("prevailing_language") or "ru"
    lang = lang or prevailing
    langs = [lang] + ([prevailing] if prevailing != lang else [])
    user_records = acceptance.for_user(records, user, doc_id) if records and user else []
    index = acceptance.StoreIndex(versions_dir)
    checked = [(r, acceptance.problems(r, index)) for r in user_records]
    files: list[tuple[str, bytes]] = []
    origins: dict[str, str] = {}  # name in the zip -> the path its version's manifest lists
    for version in filter(None, (current, previous)):
        folder = site_dir / version_folder(doc_id, version.number)
        manifest_path = folder / MANIFEST
        if not manifest_path.is_file():
            raise PolicyError(
                _("the site has no manifest of version {number}: build it with 'manifests: true'").format(
                    number=version.number
                ),
                manifest_path,
            )
        manifest = json.loads(manifest_path.read_bytes())
        prefix = f"v{version.number}"
        files.append((f"{prefix}/{MANIFEST}", manifest_path.read_bytes()))
        if (folder / SIGNATURE).is_file():
            files.append((f"{prefix}/{SIGNATURE}", (folder / SIGNATURE).read_bytes()))
        for code in langs:
            if code in version.sha256:
                files.append((f"{prefix}/{code}.md", version.text_path(code).read_bytes()))
                origins[f"{prefix}/{code}.md"] = f"{version_folder(doc_id, version.number)}/{code}.md"
            for item in manifest["files"]:
                if (
                    item.get("lang") == code
                    and item["role"] in ("pdf", "redline_pdf", "redline_page")
                    and (item["role"] == "pdf" or version is current)
                ):
                    source = site_dir / item["path"]
                    if source.is_file():
                        name = f"{prefix}/{item['role']}-{code}{Path(item['path']).suffix}"
                        files.append((name, source.read_bytes()))
                        origins[name] = item["path"]
    moments = {
        "document": doc_id,
        "asked_at": at.isoformat(),
        "timezone": store.timezone,
        "versions": [_moments(v) for v in filter(None, (current, previous))],
    }
    files.append(("moments.json", (json.dumps(moments, ensure_ascii=False, indent=2) + "\n").encode("utf-8")))
    if user:
        lines = [
            json.dumps(
                {**r.to_json(), "line": r.line, "holds": not p, "problems": [w for _k, w in p]}, ensure_ascii=False
            )
            + "\n"
            for r, p in checked
        ]
        files.append(("records.jsonl", "".join(lines).encode("utf-8")))
    listing = [
        {"name": name, "manifest_path": origins.get(name), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in files
    ]
    files.append(("contents.json", (json.dumps(listing, ensure_ascii=False, indent=2) + "\n").encode("utf-8")))
    summary = summary_pdf(doc_id, at, lang, store.timezone, current, previous, user, checked, [n for n, _d in files])
    files.insert(0, ("summary.pdf", summary))
    _write_zip(out, files, current.published)
    return Bundle(
        Path(out),
        [n for n, _d in files],
        current.number,
        previous.number if previous else None,
        len(checked),
        sum(bool(p) for _r, p in checked),
    )


def _moments(version) -> dict:
    return {
        "version": version.number,
        "published": version.published.isoformat(),
        "notice_days": version.notice_days,
        "notice_period_ends": version.effective.isoformat(),
        "effective": version.effective.isoformat(),
        "material": version.material,
        "recorded_at": version.recorded_at.isoformat() if version.recorded_at else None,
    }


def _api(site_dir: Path, doc_id: str) -> dict:
    path = Path(site_dir) / "api" / "v1" / "documents" / f"{doc_id}.json"
    if not Path(site_dir).is_dir():
        raise PolicyError(_("no built site here; build it (mkdocs build) or give --site"), site_dir)
    try:
        return json.loads(path.read_bytes())["document"]
    except (OSError, ValueError, KeyError):
        return {}


def summary_pdf(doc_id, at, lang, tz, current, previous, user, checked, names) -> bytes:
    """The one-page summary (WeasyPrint): every text reaches the HTML escaped."""
    from weasyprint import HTML

    e = html.escape

    def version_rows(key, version):
        if version is None:
            return f"<tr><th>{e(word(key, lang))}</th><td>{e(word('none', lang))}</td></tr>"
        return (
            f"<tr><th>{e(word(key, lang))}</th><td><b>{e(word('version', lang, n=version.number))}</b><br>"
            f"{e(word('published', lang))}: {e(moment_text(version.published, lang, tz))}<br>"
            f"{e(word('notice', lang))}: {version.notice_days}<br>"
            f"{e(word('effective', lang))}: {e(moment_text(version.effective, lang, tz))}</td></tr>"
        )

    items = [
        ("item.text", ".md"),
        ("item.pdf", "pdf-"),
        ("item.redline", "redline"),
        ("item.manifest", "manifest"),
        ("item.moments", "moments.json"),
        ("item.contents", "contents.json"),
        ("item.records", "records.jsonl"),
    ]
    content = "".join(
        f"<li><code>{e(', '.join(sorted({n.split('/')[-1] for n in names if mark in n})))}</code>: "
        f"{e(word(key, lang))}</li>"
        for key, mark in items
        if any(mark in n for n in names)
    )
    records = "".join(
        f"<li>{e(r.at.isoformat())} · {e(r.how)} · v{r.version} {e(r.language)}: "
        f"{e(word('fails', lang) + ': ' + '; '.join(w for _k, w in p) if p else word('holds', lang))}</li>"
        for r, p in checked[:12]
    )
    page = f"""<!doctype html><html lang="{e(lang)}"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 16mm }} body {{ font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt }}
th {{ text-align: left; vertical-align: top; padding-right: 8pt; width: 38% }} td, th {{ padding-bottom: 5pt }}
h1 {{ font-size: 15pt }} h2 {{ font-size: 11pt; margin-bottom: 3pt }} code {{ font-size: 8pt }}
</style></head><body><h1>{e(word("title", lang))}</h1><table>
<tr><th>{e(word("document", lang))}</th><td>{e(doc_id)}</td></tr>
{f"<tr><th>{e(word('user', lang))}</th><td>{e(user)}</td></tr>" if user else ""}
<tr><th>{e(word("asked", lang))}</th><td>{e(moment_text(at, lang, tz))}</td></tr>
{version_rows("in_force", current)}{version_rows("previous", previous)}</table>
{f"<h2>{e(word('records', lang))}</h2><ul>{records}</ul>" if user else ""}
<h2>{e(word("contents", lang))}</h2><ul>{content}</ul><p>{e(word("verify", lang))}</p></body></html>"""
    return HTML(string=page).write_pdf()


def _write_zip(out: Path, files: list[tuple[str, bytes]], moment: dt.datetime) -> None:
    """The zip, made in memory (a bundle is a few PDFs and texts) and written all at once or not at all."""
    stamp = moment.astimezone(dt.UTC).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=stamp)  # the publication moment: the same bundle, the same bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    atomic_write_bytes(out, buffer.getvalue())
