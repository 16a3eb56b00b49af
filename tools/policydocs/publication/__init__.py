"""The publication model, below every output: what is published, in which languages, when, where.

What is published and where its files are (``model.Publication``; the site's ``SiteModel`` is
one), a document's versions and which of them is in force or pending (``history``), its moments as
each language writes them (``dates``), where each artefact of a document, version and language
lives (``urls``: pages, history and redline pages, PDFs, Word files), how a document is named
(``titles``) and the words every output prints (``words``: the ``site`` gettext domain).
The site, the PDFs, the Word files, the API, the feeds and the evidence read it; it reads only
the document model, ``i18n`` and ``versions``.
"""
