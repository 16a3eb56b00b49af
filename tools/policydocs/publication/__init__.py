"""The publication model, below every output: what is published, in which languages, when, where.

* ``model``: what is published (``Publication``: the documents, their histories, where each of
  their files is; the site's ``SiteModel`` is one) and which text a reader is shown (``edition``);
* ``history``: a document's versions seen at the build, which is in force or pending, the text
  of each, what each changed;
* ``urls``: where each artefact of a document, version and language lives (pages, history and
  redline pages, PDFs, Word files, API, feeds);
* ``dates``: dates and moments as each language writes them;
* ``titles``: how a document is named;
* ``words``: the words every output prints (the ``site`` gettext domain: ``t``, ``s``, ``phrase``);
* ``notices``: the ready texts telling users of a material change.

The site, the PDFs, the Word files, the API, the feeds and the evidence read it; it reads only
the document model, ``i18n`` and ``versions``.
"""
