"""The site's build as a library: everything the MkDocs plugin produces that is not MkDocs' own pages.

``SiteBuild`` (session.py) loads the documents and their histories, says which pages to
generate and what each shows, and writes the outputs (outputs.py names them): side-by-side
pages, PDFs (signed), Word files, the API, manifests, feeds, sitemap and the localised search
index. The plugin (``mkdocs_plugin/``) calls it from its events; ``policydocs build --outputs``
calls it without MkDocs. Nothing here imports MkDocs.
"""

from ..site.theme_words import template_globals
from .outputs import KNOWN as OUTPUTS
from .session import ASSET_DIR, ASSETS, GeneratedPage, ServeState, SiteBuild, refuse_shared_urls

__all__ = [
    "ASSETS",
    "ASSET_DIR",
    "OUTPUTS",
    "GeneratedPage",
    "ServeState",
    "SiteBuild",
    "refuse_shared_urls",
    "template_globals",
]
