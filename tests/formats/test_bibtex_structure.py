"""Where BibTeX entries start and end (the brace scan behind the phantom-entry error)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from citeform.formats.bibtex_structure import Structure, scan


def _inside_by_scanning(spans: list[tuple[int, int]], line: int) -> int | None:
    for start, end in spans:
        if start < line <= end:
            return start
    return None


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 5)), max_size=15),
       st.integers(0, 120))
def test_inside_finds_the_entry_holding_a_line(gaps: list[tuple[int, int]], line: int) -> None:
    """Regression: ``inside`` looked through every entry for every '@' of a file, so a file
    of n entries cost n^2 (10,000 entries: 7 s of a 10 s convert). It now finds the one entry
    that can hold the line, with the same answers."""
    spans, line_no = [], 1
    for gap, length in gaps:
        start = line_no + gap
        spans.append((start, start + length))
        line_no = start + length + 1
    assert Structure(spans=spans).inside(line) == _inside_by_scanning(spans, line)


def test_spans_of_a_file() -> None:
    text = "@article{a,\n  title = {A}\n}\n\n@book{b,\n  note = {@misc{c, x}}\n}\n"
    structure = scan(text)
    assert structure.spans == [(1, 3), (5, 7)]
    assert structure.inside(6) == 5
    assert structure.inside(4) is None


def _scan_char_by_char(text: str) -> Structure:
    """The scan as it was first written, one character at a time: the reference the
    faster scan is checked against."""
    import re

    start_re = re.compile(r"@\s*([A-Za-z][\w-]*)\s*([{(])")
    out = Structure()
    i, n, line = 0, len(text), 1
    last_end = None
    told = False
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
        elif c == "%" and (i == 0 or text[text.rfind("\n", 0, i) + 1: i].strip() == ""):
            stop = text.find("\n", i)
            i = n if stop < 0 else stop
            continue
        elif c == "}" and not told:
            told = True
            where = f"the entry at line {last_end}" if last_end else "the start of the file"
            out.problems.append((line, f"unbalanced braces: a '}}' after {where} closes "
                                       "nothing (a value has more '}' than '{'; the fields "
                                       "after it would be lost)"))
        elif c == "@":
            m = start_re.match(text, i)
            if m:
                start_line = line
                told = False
                j, depth = m.end(), 1
                paren = m.group(2) == "("
                while j < n and depth:
                    d = text[j]
                    if d == "\n":
                        line += 1
                    elif d == "{":
                        depth += 1
                    elif d == "}":
                        depth -= 1
                        if paren and depth == 0:
                            depth = 1
                            break
                    elif d == ")" and paren and depth == 1:
                        depth = 0
                    j += 1
                out.spans.append((start_line, line))
                last_end = start_line
                i = j
                continue
        i += 1
    return out


_PIECES = ["@article{", "@book(", "@ misc\n{", "@@", "@1x{", "{", "}", "(", ")", "\n", "%",
           " % c\n", "a = {x}", ",", "\"", "#", " ", "t", "\n%", "@string{a = \"b\"}"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_scan_reads_as_the_character_by_character_scan(pieces: list[str]) -> None:
    text = "".join(pieces)
    got, want = scan(text), _scan_char_by_char(text)
    assert (got.spans, got.problems) == (want.spans, want.problems)


def test_scan_of_the_test_files_is_the_reference_scans() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    files = sorted(root.rglob("*.bib"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        got, want = scan(text), _scan_char_by_char(text)
        assert (got.spans, got.problems) == (want.spans, want.problems), path


def test_a_long_line_of_percent_signs_is_scanned_in_linear_time() -> None:
    """Regression: every '%' between entries looked back to the start of its line (and copied
    that stretch) to tell whether it opens a comment, so one line of n '%' after a word cost
    n^2: a 400 KB file took 5 s to convert, a 4 MB one minutes. Each line is now looked at
    once."""
    import time

    for head in ("x", "x  ", "\n  x "):
        text = head + "%" * 1_500_000 + "\n@misc{a, title = {x}}\n" + " %" * 300_000
        started = time.perf_counter()
        got = scan(text)
        assert time.perf_counter() - started < 15
        lines = head.count("\n")
        assert got.spans == [(lines + 2, lines + 2)] and got.problems == []
    short = "x" + "%" * 50 + "\n % c\n@misc{a, title = {x}}\nx % y\n%z"
    got, want = scan(short), _scan_char_by_char(short)
    assert (got.spans, got.problems) == (want.spans, want.problems)
