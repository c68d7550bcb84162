"""A term opening a note citation or an entry is capitalised (as citeproc-js does)."""

from __future__ import annotations

from citeform.engine import render_csl


def _style(cls: str) -> str:
    return (
        f'<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<citation><layout delimiter="; "><text term="ibid"/></layout></citation></style>'
    )


def _cites(cls: str, *prefixes: str | None) -> list[str]:
    items = [{"id": "a", "type": "book"}]
    clusters = [[{"id": "a", **({"prefix": p} if p else {})}] for p in prefixes]
    return render_csl(items, _style(cls), clusters).citations


def test_note_style_terms() -> None:
    assert _cites("note", None, "See ", "This has been said. ", "Nocapsafter. ") == [
        "Ibid.", "See ibid.", "This has been said. Ibid.", "Nocapsafter. ibid.",
    ]


def test_in_text_citations_leave_terms_alone() -> None:
    assert _cites("in-text", None) == ["ibid."]
