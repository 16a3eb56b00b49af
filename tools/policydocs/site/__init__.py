"""The public site, without MkDocs: URLs, pages, dates, UI strings, API, feeds, sitemap, search.

The MkDocs plugin (``policydocs.mkdocs_plugin``) only moves these pieces in and out of
MkDocs' events; a different site generator could reuse them unchanged.
"""
