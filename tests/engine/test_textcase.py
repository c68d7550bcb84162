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
