"""The site's stylesheet keeps what its pages can use and nothing else (site/_stylesheet)."""

from __future__ import annotations

from thoracic.site._stylesheet import trim_stylesheet

SHEET = """
/* a comment with { braces } and a .ghost class */
:root { --used: 1px; --unused: 2px; --chain: var(--used); --via: var(--chain); }
.page p { margin: var(--via); }
.ghost { color: red; }
.page, .ghost .inner { padding: 0; }
.page:not(.absent) { border: 0; }
:is(.page, .ghost) span { color: blue; }
@media (max-width: 600px) { .ghost { x: 1; } .page { y: 2; } }
@media print { .ghost { x: 1; } }
@keyframes spin { from { transform: rotate(0); } }
.page::after { content: "}{;"; background: url("data:image/svg+xml;utf8,<svg/>"); }
body { font: 1rem sans-serif; }
"""
PAGE = '<body><div class="page"><p>Hello</p></div><script>el.style.setProperty("--js", 1)'


def test_rules_whose_classes_no_page_uses_go_and_the_rest_keep_their_order() -> None:
    css = trim_stylesheet(SHEET, [PAGE])
    assert ".ghost" not in css.replace(":is(.page, .ghost)", "")
    kept = [".page p{", ".page{padding: 0}", ".page:not(.absent){", ":is(.page, .ghost) span{",
            "@media (max-width: 600px){.page{y: 2}}", "@keyframes spin{", ".page::after{",
            "body{"]
    positions = [css.index(rule) for rule in kept]
    assert positions == sorted(positions)
    assert "@media print" not in css


def test_strings_and_data_urls_are_never_split() -> None:
    css = trim_stylesheet(SHEET, [PAGE])
    assert 'content: "}{;";background: url("data:image/svg+xml;utf8,<svg/>")' in css


def test_variables_are_kept_when_something_kept_refers_to_them_even_through_others() -> None:
    css = trim_stylesheet(SHEET, [PAGE])
    assert "--used: 1px" in css and "--chain:" in css and "--via:" in css
    assert "--unused" not in css


def test_a_variable_a_page_or_script_names_is_kept() -> None:
    sheet = ":root { --js: 3px; --other: 4px; }"
    assert trim_stylesheet(sheet, [PAGE]).strip() == ":root{--js: 3px}"


def test_nothing_used_leaves_only_rules_without_classes() -> None:
    assert trim_stylesheet(".a { x: 1 } .b .c { y: 2 }", ["nothing here"]).strip() == ""


def test_statement_at_rules_stay_statements() -> None:
    css = trim_stylesheet('@charset "utf-8"; @import url("x.css"); .page { a: 1 }', [PAGE])
    assert css.splitlines()[:2] == ['@charset "utf-8";', '@import url("x.css");']
