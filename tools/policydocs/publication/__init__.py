"""The publication model, below every output: what is published, in which languages, when, where.

A document's versions and which of them is in force or pending (``history``), its moments as
each language writes them (``dates``), where each artefact of a document, version and language
lives (``urls``: pages, history and redline pages, PDFs, Word files), how a document is named
(``titles``) and the words every output prints (``words``: the ``site`` gettext domain).
The site, the PDFs, the Word files, the API, the feeds and the evidence read it; it reads only
the document model, ``i18n`` and ``versions``.
"""
