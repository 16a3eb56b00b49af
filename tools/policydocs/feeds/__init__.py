"""The Atom feeds (``<lang>/feed.xml``): one entry per document and version in each language.

A peer of the site, the PDFs and the Word files: it reads the publication model only.
"""
