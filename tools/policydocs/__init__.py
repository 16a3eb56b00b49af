"""policydocs: legal policies as clause-structured Markdown in Russian, Kazakh and English.

The library does not import MkDocs: parsing, checking, diffing, versions, PDF, feeds and
the API live here, and the CLI and the MkDocs plugin are thin adapters over it.
"""

__version__ = "0.1.0"
