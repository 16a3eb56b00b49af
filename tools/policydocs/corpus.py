"""All policies of a project: ``docs/<lang>/<product>/<name>.md`` grouped by document id.

This is where cross-file rules live: the folder a file sits in must match its ``lang``,
its path must match its ``id``, and no two files may claim one document in one language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document, parse_file
from .errors import PolicyError
from .fsutil import walk_files
from .gcpause import collector_paused
from .i18n import _
from .languages import LANGUAGES
from .lines import split_lines


@dataclass
class Policy:
    """One document (one ``id``) in all the languages it exists in."""

    doc_id: str
    languages: dict[str, Document] = field(default_factory=dict)

    @property
    def source_lang(self) -> str:
        """The source language the files name; when they disagree (an error of the checker), the one most name."""
        from .check.agreement import source_lang  # noqa: PLC0415

        return source_lang(self.languages)

    @property
    def source(self) -> Document | None:
        return self.languages.get(self.source_lang)

    def missing(self, required: tuple[str, ...] = LANGUAGES) -> list[str]:
        return [lang for lang in required if lang not in self.languages]


@dataclass
class Corpus:
    root: Path
    policies: dict[str, Policy]

    def documents(self) -> Iterator[Document]:
        for policy in self.policies.values():
            yield from policy.languages.values()


def policy_files(docs_dir: Path) -> list[Path]:
    """Markdown files that are policies: every ``*.md`` under a language folder.

    A top-level folder that is not a known language is an error rather than silently
    skipped: a typo such as ``docs/kz/`` would otherwise hide a whole translation.
    """
    files: list[Path] = []
    if not docs_dir.exists():
        raise PolicyError(_("the docs folder does not exist"), docs_dir)
    if not docs_dir.is_dir():
        raise PolicyError(_("is a file, not the docs folder (the folder that holds ru/, kk/ and en/)"), docs_dir)
    for entry in sorted(docs_dir.iterdir()):
        if entry.is_symlink():
            raise PolicyError(_("is a symbolic link; policydocs reads only real files and folders inside docs/"), entry)
        if entry.is_dir():
            if entry.name.startswith((".", "_")) or entry.name in ("assets", "stylesheets", "javascripts"):
                continue
            if entry.name not in LANGUAGES:
                raise PolicyError(
                    _("unknown language folder '{name}'; policies live in {folders}").format(
                        name=entry.name, folders=", ".join(f"docs/{l}/" for l in LANGUAGES)
                    ),
                    entry,
                )
            # every file, not only *.md: MkDocs publishes them all, so a link anywhere would leak a file
            files.extend(p for p in walk_files(entry) if p.suffix == ".md" and p.name != "index.md")
    return files


def expected_id(docs_dir: Path, path: Path) -> tuple[str, str]:
    rel = path.relative_to(docs_dir)
    lang = rel.parts[0]
    return lang, "/".join(rel.with_suffix("").parts[1:])


def load(docs_dir: Path | str) -> Corpus:
    """Parse every policy under ``docs_dir``; the first problem found stops the load.

    Two files claiming one document in one language are reported before a file's place
    is checked, because that is the mistake a copied file really is.
    """
    docs_dir = Path(docs_dir)
    return load_files(docs_dir, policy_files(docs_dir))


def group_by_policy(docs_dir: Path, files: list[Path]) -> dict[str, list[Path]]:
    """The files of each policy by the id their place gives (every language of one id together)."""
    groups: dict[str, list[Path]] = {}
    for path in files:
        groups.setdefault(expected_id(docs_dir, path)[1], []).append(path)
    return groups


def load_files(docs_dir: Path, files: list[Path], parse: Callable[[Path], Document] = parse_file) -> Corpus:
    """Parse the given policy files of ``docs_dir`` (all of them, or some policies' files) and check their places.

    ``parse`` reads one file; ``mkdocs serve`` passes one that reuses what it parsed before (site/incremental.py).
    """
    with collector_paused():
        documents = [parse(path) for path in files]
    seen: dict[tuple[str, str], Document] = {}
    for doc in documents:
        key = (doc.doc_id, doc.lang)
        if key in seen:
            raise PolicyError(
                _("document '{doc_id}' in '{lang}' is also defined in {path}").format(
                    doc_id=doc.doc_id, lang=doc.lang, path=seen[key].path
                ),
                doc.path,
                _line_of_field(doc, "id"),
            )
        seen[key] = doc
    policies: dict[str, Policy] = {}
    for doc in documents:
        folder_lang, path_id = expected_id(docs_dir, doc.path)
        if doc.lang != folder_lang:
            raise PolicyError(
                _("lang is '{lang}' but the file is in the '{folder_lang}' folder").format(
                    lang=doc.lang, folder_lang=folder_lang
                ),
                doc.path,
                _line_of_field(doc, "lang"),
            )
        if doc.doc_id != path_id:
            raise PolicyError(
                _(
                    "id is '{doc_id}' but the file's place says '{path_id}'; move the file to "
                    "docs/{lang}/{doc_id}.md or change its id"
                ).format(doc_id=doc.doc_id, path_id=path_id, lang=doc.lang),
                doc.path,
                _line_of_field(doc, "id"),
            )
        policies.setdefault(doc.doc_id, Policy(doc.doc_id)).languages[doc.lang] = doc
    return Corpus(docs_dir, policies)


def _line_of_field(doc: Document, name: str) -> int:
    for i, line in enumerate(split_lines(doc.front.raw), start=1):
        if line.startswith(f"{name}:"):
            return i
    return 1
