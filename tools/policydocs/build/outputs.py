"""The outputs a build can write besides MkDocs' pages, their names and the plugin's options as data.

``policydocs build --outputs pdf,api`` and the plugin's ``outputs:`` option name them; a name
the build does not know is refused in one line naming the file (and line) and the known names.
The options are those of the ``policydocs:`` block of ``mkdocs.yml`` (``mkdocs_plugin/config.py``
declares them for MkDocs); ``read_config`` reads that block with the project's safe YAML loader,
without MkDocs, for the command line.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import PolicyError
from ..i18n import _
from ..yamlio import safe_load

# in the order a build writes them
KNOWN = ("compare", "pdf", "docx", "api", "manifests", "feeds", "sitemap", "search")

# the plugin's boolean option that turns each output on, when ``outputs:`` is not given
SWITCH = {
    "compare": "compare",
    "pdf": "pdf",
    "docx": "docx",
    "api": "api",
    "manifests": "manifests",
    "feeds": "feeds",
    "sitemap": "sitemap",
    "search": "kazakh_search",
}

# the plugin's options and their defaults (the same as mkdocs_plugin/config.py declares)
DEFAULTS: dict[str, object] = {
    "pdf": False,
    "pdf_pattern": "{product}/docs/{name}{lang}.pdf",
    "pdf_jobs": 2,
    "pdf_cache_dir": ".cache/policydocs/pdf",
    "docx": False,
    "docx_cache_dir": ".cache/policydocs/docx",
    "versions_dir": "versions",
    "api": True,
    "feeds": True,
    "sitemap": True,
    "kazakh_search": True,
    "compare": True,
    "jobs": 1,
    "messages_lang": None,
    "serve_notifications": True,
    "check_on_serve": True,
    "manifests": False,
    "sign_certificate": None,
    "sign_password_env": "POLICYDOCS_SIGN_PASSWORD",
    "sign_password_file": None,
    "sign_tsa_url": None,
    "sign_visible": False,
    "outputs": None,
}


def check_names(names, where: str | Path, line: int | None = None) -> list[str]:
    """The names, each known; else a PolicyError naming ``where`` (and line) and the known names."""
    names = [str(n).strip() for n in names]
    unknown = [n for n in names if n not in KNOWN]
    if unknown:
        raise PolicyError(
            _("unknown output {names}; the known outputs are {known}").format(
                names=", ".join(repr(n) for n in unknown), known=", ".join(KNOWN)
            ),
            where,
            line,
        )
    return names


def parse(text: str, where: str | Path = "--outputs") -> list[str]:
    """``pdf,docx,api`` -> the names, checked."""
    return check_names([n for n in text.split(",") if n.strip()], where)


def enabled(options: dict) -> set[str]:
    """The outputs the options turn on: ``outputs:`` when given, else each output's own switch."""
    if options.get("outputs") is not None:
        return set(options["outputs"])
    return {name for name, switch in SWITCH.items() if options.get(switch)}


class MkdocsConfig(dict):
    """What the command line needs of ``mkdocs.yml``: folders, site_url, the plugin's options."""

    path: Path
    options: dict
    lines: dict  # option name -> its line in mkdocs.yml


def read_config(path: Path) -> MkdocsConfig:
    """``mkdocs.yml`` read as plain, safe YAML (no MkDocs, no Python tags); the ``policydocs`` block checked."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PolicyError(_("cannot read: {reason}").format(reason=exc.strerror), path) from None
    try:
        data = safe_load(text) if text.strip() else {}
        lines = _option_lines(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PolicyError(str(getattr(exc, "problem", None) or exc), path, mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise PolicyError(_("must be a YAML mapping (site_name: ..., plugins: ...)"), path)
    options: dict | None = None
    for entry in data.get("plugins") or []:
        if entry == "policydocs":
            options = {}
        elif isinstance(entry, dict) and "policydocs" in entry:
            options = entry["policydocs"] or {}
    if options is None:
        raise PolicyError(_("has no 'policydocs' plugin under 'plugins:'"), path)
    if not isinstance(options, dict):
        raise PolicyError(_("the 'policydocs' plugin's options must be a mapping"), path, lines.get(None))
    for key in options:
        if key not in DEFAULTS:
            raise PolicyError(
                _("unknown option {name!r} of the 'policydocs' plugin").format(name=key), path, lines.get(key)
            )
    if options.get("outputs") is not None:
        value = options["outputs"]
        options["outputs"] = check_names(
            value if isinstance(value, list) else str(value).split(","), path, lines.get("outputs")
        )
    config = MkdocsConfig(data)
    config.path, config.options, config.lines = path, {**DEFAULTS, **options}, lines
    return config


def option_line(path: Path, name: str) -> int | None:
    """The line of the ``policydocs`` plugin's option ``name`` in ``mkdocs.yml`` (for a message), if found."""
    try:
        return _option_lines(path.read_text(encoding="utf-8")).get(name)
    except (OSError, yaml.YAMLError):
        return None


def _option_lines(text: str) -> dict:
    """Option name -> line (1-based) of each key of the ``policydocs`` block; None -> the block's own line."""
    found: dict = {}
    try:  # nodes only, nothing constructed (an alias is one node, not its expansion)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        return found
    if not isinstance(root, yaml.MappingNode):
        return found
    for key, value in root.value:
        if key.value != "plugins" or not isinstance(value, yaml.SequenceNode):
            continue
        for item in value.value:
            if isinstance(item, yaml.MappingNode):
                for name, block in item.value:
                    if name.value == "policydocs":
                        found[None] = name.start_mark.line + 1
                        if isinstance(block, yaml.MappingNode):
                            for option, _value in block.value:
                                found[option.value] = option.start_mark.line + 1
    return found
