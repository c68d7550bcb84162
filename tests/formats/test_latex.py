"""LaTeX <-> Unicode for BibTeX fields."""

from __future__ import annotations

import pytest

from citeform.formats.latex import decode, encode


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"\'e \'{e} {\'e} \'{\i}", "é é é í"),
        (r'\"o \"{o} {\"o} {\"O}', "ö ö ö Ö"),
        (r"\`a \^o \~n {\~n} \c{c} \c c", "à ô ñ ñ ç ç"),
        (r"\v{s} \u{a} \H{o} \k{a} \={a} \.{z} \r{u}", "š ă ő ą ā ż ů"),
        (r"\ss{} {\o} \O{} \L{} {\aa} \AE{} {\oe}", "ß ø Ø Ł å Æ œ"),
        (r"The {DNA} of {Paris}", "The DNA of Paris"),
        (r"1990--2000 and---so", "1990–2000 and—so"),
        (r"R\&D at 50\% for \$5 \#1 a\_b", "R&D at 50% for $5 #1 a_b"),
        (r"50% growth", "50% growth"),
        (r"\emph{Homo sapiens} and \textbf{bold}", "<i>Homo sapiens</i> and <b>bold</b>"),
        (r"The {\TeX}book", "The TeXbook"),
        (r"a~b", "a b"),
    ],
)
def test_decode_common_latex_forms(latex: str, text: str) -> None:
    assert decode(latex) == text


@pytest.mark.parametrize(
    "text",
    ["R&D at 50% for $5 #1 a_b ~ ^ \\ {x}", "Études sur l'œuvre de Poincaré", "Ελληνικά 中文 русский",
     "<i>Homo sapiens</i> in <b>Rome</b>", "x<sup>2</sup> and H<sub>2</sub>O"],
)
@pytest.mark.parametrize("ascii", [False, True])
def test_encode_then_decode_gives_the_text_back(text: str, ascii: bool) -> None:
    assert decode(encode(text, ascii=ascii, protect_case=True)) == text


def test_specials_are_escaped_in_braces() -> None:
    assert encode("AT&T 50% $ # _") == r"AT{\&}T 50{\%} {\$} {\#} {\_}"
    assert encode("{x}") == r"{\textbraceleft}x{\textbraceright}"


def test_ascii_writes_accents_as_latex() -> None:
    assert encode("Pédiatrie", ascii=True) == r"P{\'e}diatrie"
    assert encode("Pédiatrie") == "Pédiatrie"
    assert encode("Łódź", ascii=True).isascii()


def test_capitals_are_protected_where_bibtex_would_lower_case_them() -> None:
    assert encode("The DNA of Paris", protect_case=True) == "The {DNA} of {Paris}"
    assert encode("iPhone sales", protect_case=True) == "{iPhone} sales"
    assert encode("Deep Residual Learning", protect_case=True) == "Deep {Residual Learning}"
    assert encode("lower case only", protect_case=True) == "lower case only"
