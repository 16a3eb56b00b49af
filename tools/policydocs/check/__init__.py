"""``policydocs check``: do the Russian, Kazakh and English texts of each policy say the same thing?

The engine is ``engine.py``; each family of rules is a module of this package.
"""

from .engine import GLOSSARY_FILE, check_corpus, check_policy, check_tree
from .findings import ERROR, RULES, WARNING, Finding
from .meaning import unreadable

__all__ = [
    "ERROR",
    "GLOSSARY_FILE",
    "RULES",
    "WARNING",
    "Finding",
    "check_corpus",
    "check_policy",
    "check_tree",
    "unreadable",
]
