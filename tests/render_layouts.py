"""Offers and scans made here the way publishers and scanners make them: two-column PDFs, image-only pages.

The two-column PDF is WeasyPrint's (CSS columns, justified, ``hyphens: auto``, a running
header and "Стр. X из Y" in the footer), with the title across both columns as printed
offers have it. A scan is the same text rendered to an image at 200 dpi with the noise of a
scanner (grey speckles, a slight blur, a tilt of a fraction of a degree), saved as PNG or
packed into a PDF without a text layer.
"""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

COLUMNS_CSS = """
@page { size: A4; margin: 2cm 1.6cm 2.2cm 1.6cm;
  @top-center { content: "%(header)s"; font-size: 8pt; font-family: 'Noto Sans' }
  @bottom-center { content: "%(page)s"; font-size: 8pt; font-family: 'Noto Sans' } }
body { font-family: 'Noto Serif'; font-size: %(size)s; hyphens: auto; text-align: justify }
h1 { font-size: 1.3em; text-align: center; margin: 0 0 10pt 0 }
.cols { columns: %(columns)d; column-gap: 0.8cm }
p { margin: 0 0 4pt 0 }
"""
PAGE_COUNTER = {
    "ru": '"Стр. " counter(page) " из " counter(pages)',
    "kk": '"Бет " counter(page) " / " counter(pages)',
    "en": '"Page " counter(page) " of " counter(pages)',
}


def _inline(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(text))


def columns_pdf(
    text: str, path: Path, *, lang: str = "ru", header: str = "Публичная оферта", columns: int = 2, size: str = "11.5pt"
) -> Path:
    """The first line as a title across the page, the rest in ``columns`` columns, one paragraph per line."""
    from weasyprint import HTML

    lines = [line.strip() for line in text.splitlines() if line.strip()]
    css = COLUMNS_CSS % {"header": header.replace('"', "'"), "page": "%(page)s", "columns": columns, "size": size}
    css = css.replace('"%(page)s"', PAGE_COUNTER[lang])
    body = (
        f"<h1>{_inline(lines[0])}</h1><div class='cols'>"
        + "".join(f"<p>{_inline(x)}</p>" for x in lines[1:])
        + "</div>"
    )
    HTML(
        string=f'<html lang="{lang}"><head><meta charset="utf-8"><style>{css}</style></head><body>{body}</body></html>'
    ).write_pdf(path)
    return path


def scan_images(text: str, *, dpi: int = 200, seed: int = 26, lang: str = "ru", columns: int = 1) -> list:
    """The text printed (WeasyPrint), then each page rasterised at ``dpi`` by pdftoppm, with scanner noise."""
    import subprocess
    import tempfile

    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "print.pdf"
        if columns > 1:
            columns_pdf(text, pdf, lang=lang, columns=columns)
        else:
            from weasyprint import HTML

            lines = [line.strip() for line in text.splitlines() if line.strip()]
            HTML(
                string=f'<html lang="{lang}"><head><style>@page {{ size: A4; margin: 2cm }} body {{ font-family: '
                f"'Noto Serif'; font-size: 11pt }} p {{ margin: 0 0 6pt 0 }}</style></head><body>"
                + "".join(f"<p>{_inline(x)}</p>" for x in lines)
                + "</body></html>"
            ).write_pdf(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(Path(tmp) / "p")], check=True)
        pages = []
        for png in sorted(Path(tmp).glob("p-*.png")):
            img = Image.open(png).convert("L")
            px = img.load()
            w, h = img.size
            for _ in range(w * h // 400):  # dust: one speck in 400 pixels
                x, y = rng.randrange(w), rng.randrange(h)
                px[x, y] = rng.choice((0, 90, 160))
            img = img.filter(ImageFilter.GaussianBlur(0.6)).rotate(rng.uniform(-0.4, 0.4), fillcolor=255)
            img.load()
            pages.append(img)
    return pages


def scan_png(text: str, path: Path, **kw) -> Path:
    scan_images(text, **kw)[0].save(path, dpi=(kw.get("dpi", 200),) * 2)
    return path


def scan_pdf(text: str, path: Path, **kw) -> Path:
    """An image-only PDF (no text layer), one scanned image per page, as a scanner app saves it."""
    pages = scan_images(text, **kw)
    dpi = kw.get("dpi", 200)
    pages[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return path
