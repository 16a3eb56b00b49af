"""The theme's words (404 page, footer, Material's interface in Kazakh) come from the site catalogs."""

from __future__ import annotations

from policydocs.site.theme_words import made_with, not_found_words, template_globals, theme_word


def test_the_page_not_found_speaks_each_language():
    words = not_found_words()
    assert list(words) == ["ru", "kk", "en"]
    assert words["kk"]["title"] == "Бет табылмады" and words["ru"]["title"] == "Страница не найдена"
    assert words["en"]["home"] == "All documents in English" and words["kk"]["name"] == "Қазақша"
    assert words["kk"]["site"] == "Саясаттар мен келісімдер"  # the site's own name, one entry for both


def test_the_footer_puts_the_link_where_each_language_wants_it():
    assert made_with() == {"ru": ["Сделано на", ""], "kk": ["", "негізінде жасалған"], "en": ["Made with", ""]}


def test_materials_kazakh_interface_words_and_settings():
    assert theme_word("material.search.placeholder", "kk") == "Іздеу"
    assert theme_word("material.clipboard.copied", "kk") == "Алмасу буферіне көшірілді"
    assert theme_word("material.language", "kk") == "kk" and theme_word("material.search.config.lang", "kk") == "ru"
    assert set(template_globals()) == {"pd_theme_word", "pd_made_with", "pd_not_found_words"}


def test_a_key_of_a_newer_material_falls_back_to_its_english():
    """Material's partials/language.html reads ``lang.t(key) or fallback.t(key)``: an empty word is English."""
    assert theme_word("material.some.future.key", "kk") == ""
