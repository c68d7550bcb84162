"""Text in records that would be markup or code in an output format comes out escaped."""

from __future__ import annotations

import pytest

from .helpers import DATA

RECORDS = DATA / "yaml" / "markup_injection.yaml"

# per format: (what the dangerous text must come out as, what must not appear)
EXPECTED = {
    "html": (
        ["<i>&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#60;img src=x onerror=alert(2)"
         "&#62; “quoted.”</i> {\\rtf1 evil} \\par \\b bold.",
         "<i>[click](javascript:alert(1)) *star* _under_ `code` # head | pipe \\ back</i>"],
        ["<script", "<img", 'href="javascript'],
    ),
    "markdown": (
        ["*\\<script\\>alert(1)\\</script\\> & \\<img src=x onerror=alert(2)\\> “quoted.”* "
         "{\\\\rtf1 evil} \\\\par \\\\b bold.",
         "*\\[click\\](javascript:alert(1)) \\*star\\* \\_under\\_ \\`code\\` \\# head | pipe "
         "\\\\ back*"],
        ["[click](javascript"],
    ),
    "rtf": (
        ["{\\i <script>alert(1)</script> & <img src=x onerror=alert(2)> \\u8220?quoted.\\u8221?} "
         "\\{\\\\rtf1 evil\\} \\\\par \\\\b bold.\\par",
         "{\\i [click](javascript:alert(1)) *star* _under_ `code` # head | pipe \\\\ back}"],
        ["{\\rtf1 evil", " \\par \\b"],
    ),
}


@pytest.mark.parametrize("fmt", sorted(EXPECTED))
def test_markup_and_code_are_escaped(invoke, fmt: str) -> None:
    result = invoke("cite", "-r", str(RECORDS), "-s", "apa", "-f", fmt)
    assert result.exit_code == 0
    present, absent = EXPECTED[fmt]
    for text in present:
        assert text in result.stdout
    for text in absent:
        assert text not in result.stdout


def test_no_raw_tag_reaches_html(invoke) -> None:
    result = invoke("cite", "-r", str(RECORDS), "-s", "apa", "-f", "html")
    assert "<script" not in result.stdout
    assert "<img" not in result.stdout


def test_bibtex_escapes_tex_commands_and_braces(invoke) -> None:
    result = invoke("cite", "-r", str(DATA / "yaml" / "latex_injection.yaml"), "-s", "bibtex")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "@book{tex,",
        "  author = {Doe, J{\\textbraceright}},",
        "  title = {{\\textbackslash}input{\\textbraceleft}/etc/passwd{\\textbraceright} "
        "{\\textbackslash}immediate{\\textbackslash}write18{\\textbraceleft}touch pwned"
        "{\\textbraceright} {\\$}x{\\textasciicircum}2{\\$} 100{\\%} {\\&} {\\#}1 {\\_}a{\\_} "
        "{\\textbraceleft}b{\\textbraceright} {\\textasciitilde} {\\textasciicircum}},",
        "  publisher = {P{\\textbraceright} , title = {\\textbraceleft}Injected},",
        "  year = {2001},",
        "}",
    ]
