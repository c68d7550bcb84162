"""A cs:text macro call acts as an implicit group (as citeproc-js renders it)."""

from __future__ import annotations

from citeform.engine import render_csl

STYLE = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
    "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
    '<macro name="container"><text term="in" suffix=" "/><text variable="container-title"/></macro>'
    '<citation><layout><group delimiter=", "><text variable="title"/><text macro="container"/></group>'
    "</layout></citation></style>"
)


def test_macro_without_its_variables_drops_its_terms() -> None:
    items = [{"id": "a", "type": "chapter", "title": "His Anonymous Life"},
             {"id": "b", "type": "chapter", "title": "Her Life", "container-title": "Book"}]
    result = render_csl(items, STYLE, [[{"id": "a"}], [{"id": "b"}]])
    assert result.citations == ["His Anonymous Life", "Her Life, in Book"]


def test_substitute_suppresses_a_variable_as_soon_as_it_renders() -> None:
    style = STYLE.replace(
        '<group delimiter=", "><text variable="title"/><text macro="container"/></group>',
        '<names variable="translator"><substitute><text macro="editors"/></substitute></names>',
    ).replace(
        "<citation>",
        '<macro name="editors"><names variable="editor"/><names variable="editor"/></macro><citation>',
    )
    items = [{"id": "a", "type": "book", "editor": [{"family": "Doe", "given": "John"}]}]
    assert render_csl(items, style, [[{"id": "a"}]]).citations == ["John Doe"]


def test_an_empty_term_ends_the_substitution() -> None:
    style = STYLE.replace(
        '<group delimiter=", "><text variable="title"/><text macro="container"/></group>',
        '<group delimiter=" "><group><text value="Content:"/></group><names variable="translator"><substitute>'
        '<text term="editor"/><text term="author"/></substitute></names></group>',
    ).replace("<citation>", '<locale><terms><term name="editor"></term></terms></locale><citation>')
    items = [{"id": "a", "type": "book"}]
    assert render_csl(items, style, [[{"id": "a"}]]).citations == ["Content:"]


def test_names_with_several_variables_leave_out_the_substituted_one() -> None:
    style = (
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<citation><layout delimiter="; "><group delimiter=" / ">'
        '<names variable="author"><substitute><names variable="editor"/></substitute></names>'
        '<names variable="editor translator" delimiter="; "/></group></layout></citation></style>'
    )
    items = [{"id": "a", "type": "book", "editor": [{"family": "Cohen", "given": "S."}],
              "translator": [{"family": "Roe", "given": "J."}]}]
    assert render_csl(items, style, [[{"id": "a"}]]).citations == ["S. Cohen / J. Roe"]
