"""Options of the ``policydocs`` MkDocs plugin, declared and validated by MkDocs itself."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..i18n import MESSAGE_LANGUAGES, _


class PdfPattern(c.Type):
    """Where PDFs go: must name the language and the document, or two PDFs would collide."""

    def __init__(self, default: str):
        super().__init__(str, default=default)

    def run_validation(self, value):
        value = super().run_validation(value)
        if "{lang}" not in value or not ("{id}" in value or ("{product}" in value and "{name}" in value)):
            raise base.ValidationError(
                _(
                    "pdf_pattern {pattern!r} must contain {{lang}} and either {{id}} or both {{product}} and {{name}}"
                ).format(pattern=value)
            )
        if value.startswith("/") or ".." in value.split("/"):
            raise base.ValidationError(
                _("pdf_pattern {pattern!r} must be a path inside the site").format(pattern=value)
            )
        return value


class PolicyDocsConfig(base.Config):
    pdf = c.Type(bool, default=False)
    """Build a PDF of every document in every language (needs ``policydocs.pdf``)."""
    pdf_pattern = PdfPattern(default="{product}/docs/{name}{lang}.pdf")
    """Where each PDF goes in the site; ``{product}``, ``{name}``, ``{id}``, ``{lang}``."""
    pdf_jobs = c.Type(int, default=2)
    """How many PDFs (and Word documents) to render at once."""
    pdf_cache_dir = c.Type(str, default=".cache/policydocs/pdf")
    """Rendered PDFs are reused from here while their inputs are unchanged."""
    docx = c.Type(bool, default=False)
    """Build a Word document of every policy and version, and a tracked-changes one of every redline."""
    docx_cache_dir = c.Type(str, default=".cache/policydocs/docx")
    """Word documents are reused from here while their texts are unchanged."""
    versions_dir = c.Type(str, default="versions")
    """Where ``policydocs publish`` keeps frozen versions and changelogs (relative to mkdocs.yml)."""
    api = c.Type(bool, default=True)
    """Write ``api/v1/documents.json`` for apps."""
    feeds = c.Type(bool, default=True)
    """Write an Atom feed per language at ``<lang>/feed.xml``."""
    sitemap = c.Type(bool, default=True)
    """Replace MkDocs' sitemap.xml with one that links the languages (hreflang)."""
    kazakh_search = c.Type(bool, default=True)
    """Add the Kazakh suffix stripper to the search index (lunr has no Kazakh stemmer)."""
    compare = c.Type(bool, default=True)
    """Write each document's side-by-side page, ``<lang>/<product>/<name>/compare/`` (RU | KK | EN by clause)."""
    jobs = c.Type(int, default=1)
    """How many processes render the side-by-side pages of a build; 0: one per core, at most 4.

    One by default: on the shared 2-core machine two saved nothing measurable (bench/README.md, issue 18).
    """
    messages_lang = c.Optional(c.Choice(MESSAGE_LANGUAGES))
    """Language of the plugin's messages and build errors (ru, kk, en); default: POLICYDOCS_LANG, else the locale."""
    serve_notifications = c.Type(bool, default=True)
    """Under ``mkdocs serve``, notice saves through the system's file notifications (inotify), not MkDocs'
    half-second polling; set false where the docs live on a network drive that sends none."""
    check_on_serve = c.Type(bool, default=True)
    """Under ``mkdocs serve``, show the checker's findings at the top of the page being edited."""
    manifests = c.Type(bool, default=False)
    """Write each published version's manifest (and, with a certificate, its signature) under ``evidence/``."""
    sign_certificate = c.Optional(c.Type(str))
    """The company's PKCS#12 certificate (.p12/.pfx): signs the versions' PDFs and the manifests; off when unset."""
    sign_password_env = c.Type(str, default="POLICYDOCS_SIGN_PASSWORD")
    """The environment variable holding the certificate's password (never the password itself here)."""
    sign_password_file = c.Optional(c.Type(str))
    """Instead: a file holding the password (kept out of the repository)."""
    sign_tsa_url = c.Optional(c.Type(str))
    """An RFC 3161 time-stamp server whose token is added to each signature."""
    sign_visible = c.Type(bool, default=False)
    """Draw a visible signature box on the first page of each signed PDF."""
    outputs = c.Optional(c.ListOfItems(c.Type(str)))
    """Which outputs to write (compare, pdf, docx, api, manifests, feeds, sitemap, search), instead of each
    one's own switch above; a name the build does not know stops it (policydocs/build/outputs.py)."""
