"""The JSON API for apps (``api/v1/``): the documents and their versions, and its JSON Schema.

A peer of the site, the PDFs and the Word files: it reads the publication model only.
"""
