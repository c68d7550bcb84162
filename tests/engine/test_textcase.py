"""text-case details (expectations from the CSL suite / citeproc-js)."""

from __future__ import annotations

from citeform.engine import markup as m
from citeform.engine.textcase import apply_case


def test_turkish_dotted_capital_i() -> None:
    assert str(apply_case("ic and \u0131d", "uppercase", "tr")) == "\u0130C AND ID"
    assert str(apply_case("ia and \u0131b", "uppercase", "en")) == "IA AND IB"


def test_nodecor_span_keeps_its_case() -> None:
    text = f"Lessard {m.NODECOR[0]}v.{m.NODECOR[1]} Schmidt"
    assert str(apply_case(text, "title", "en")) == text


def test_title_case_around_apostrophes() -> None:
    assert str(apply_case("My book: l’Égypte", "title", "en")) == "My Book: L’Égypte"
    assert str(apply_case("antiquités de l’Égypte, cahier", "title", "en")) == "Antiquités de l’Égypte, Cahier"
    assert str(apply_case("nobody knows you’re a dog", "title", "en")) == "Nobody Knows You’re a Dog"


def _style(body: str, locale: str) -> str:
    return (
        f'<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="{locale}">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        f"<citation><layout>{body}</layout></citation></style>"
    )


def test_forced_locale_decides_title_case_and_terms_are_always_cased() -> None:
    from citeform.engine import render_csl

    body = ('<group delimiter=" "><text variable="title" text-case="title"/>'
            '<names variable="editor"><name/><label form="short" text-case="title" prefix=" (" suffix=")"/>'
            "</names></group>")
    items = [{"id": "a", "type": "book", "title": "the big book", "editor": [{"family": "Smith", "given": "A."},
                                                                             {"family": "Jones", "given": "B."}]}]
    english = render_csl(items, _style(body, "en-US"), [[{"id": "a"}]]).citations[0]
    forced = render_csl(items, _style(body, "en-US"), [[{"id": "a"}]], locale="fr-FR", force_locale=True)
    assert english == "The Big Book A. Smith, B. Jones (Eds.)"
    assert forced.citations[0] == "the big book A. Smith, B. Jones (Éd.)"


def test_french_particles_take_a_no_break_space() -> None:
    from citeform.engine import render_csl

    items = [{"id": "a", "type": "book", "author": [{"family": "Roe", "given": "Jane", "non-dropping-particle": "van"}]}]
    body = '<names variable="author"/>'
    assert render_csl(items, _style(body, "fr-FR"), [[{"id": "a"}]]).citations == ["Jane van\u00a0Roe"]
    assert render_csl(items, _style(body, "en-US"), [[{"id": "a"}]]).citations == ["Jane van Roe"]


def test_a_period_does_not_start_a_subtitle() -> None:
    assert str(apply_case("a study of the U.S.A. and U.K.", "title", "en")) == "A Study of the U.S.A. and U.K."
    assert str(apply_case("what? the end", "title", "en")) == "What? The End"


def test_title_case_in_any_script_and_one_letter_words() -> None:
    assert str(apply_case("война и мир", "title", "en")) == "Война и Мир"
    assert str(apply_case("vitamin x and y", "title", "en")) == "Vitamin x and y"
    assert str(apply_case("the α particle", "title", "en")) == "The α Particle"


def test_deliberate_sentence_case_keeps_capitals() -> None:
    """Deliberate difference ``sentence-case-keeps-capitals`` (docs/engine.md): citeproc-js
    gives ``The dna of U.s. mice``."""
    assert str(apply_case("The DNA of U.S. Mice", "sentence", "en")) == "The DNA of U.S. mice"
