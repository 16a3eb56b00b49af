"""The public site, without MkDocs: pages, history and redline pages, side-by-side pages, sitemap, search.

It reads the publication model (``publication/``: documents, versions, URLs, dates, words) as the
PDFs, the Word files, the API and the feeds do. The MkDocs plugin (``policydocs.mkdocs_plugin``)
only moves these pieces in and out of MkDocs' events through ``build/``; a different site
generator could reuse them unchanged.
"""
