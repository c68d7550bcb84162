"""Where BibTeX entries start and end, told by their braces, to catch what a forgiving
parser would silently take: a stray ``}`` that ends an entry early (the fields after it
are lost) and an ``@type{key`` inside a braced value (a phantom entry)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_START = re.compile(r"@\s*([A-Za-z][\w-]*)\s*([{(])")


@dataclass
class Structure:
    """Entry spans as (first line, last line), 1-based, and problems as (line, message)."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def inside(self, line: int) -> int | None:
        """The first line of the entry whose value holds ``line`` (None: at the top level)."""
        # spans come in order and never overlap: the only candidate is the last one starting
        # before ``line`` (a scan of them all made a file of n entries cost n^2)
        starts = self.__dict__.get("_starts")
        if starts is None or len(starts) != len(self.spans):
            starts = self.__dict__["_starts"] = [s for s, _e in self.spans]
        i = bisect.bisect_left(starts, line) - 1
        if i >= 0 and line <= self.spans[i][1]:
            return self.spans[i][0]
        return None


_TOP = re.compile(r"[%}@]")  # what matters between entries (new lines are counted in bulk)
_BRACES = re.compile(r"[{}]")
_BRACES_PAREN = re.compile(r"[{})]")


def scan(text: str) -> Structure:
    """The entries of ``text`` as BibTeX reads them: an entry runs from ``@type{`` to the
    brace that balances it (or the ``)`` of ``@type(``); ``%`` lines between entries are
    comments.

    Only the characters that matter are visited (a regular expression finds them); new
    lines are counted between them, except those inside ``@type {``, which a line number
    never counted."""
    out = Structure()
    n, line = len(text), 1
    counted = 0  # the new lines before this offset are in ``line``
    last_end: int | None = None
    told = False  # one problem for the '}'s of one stretch between entries
    # where the line of a '%' starts, found from the last '%' on (never from the file's start:
    # one line of n '%' cost n^2), and the start of a line known to hold text before a '%'
    line_start = seen = 0
    not_blank = -1
    i = 0
    while True:
        found = _TOP.search(text, i)
        if found is None:
            return out
        i = found.start()
        line += text.count("\n", counted, i)
        counted = i
        c = text[i]
        if c == "%":
            newline = text.rfind("\n", seen, i)
            if newline >= 0:
                line_start = newline + 1
            seen = i
            if line_start != not_blank and (i == line_start
                                            or text[line_start:i].strip() == ""):
                stop = text.find("\n", i)
                i = counted = n if stop < 0 else stop
            else:
                not_blank = line_start  # so is every later '%' of the line: not a comment
                i += 1
            continue
        if c == "}":
            if not told:
                told = True
                where = f"the entry at line {last_end}" if last_end else "the start of the file"
                out.problems.append((line, f"unbalanced braces: a '}}' after {where} closes "
                                           "nothing (a value has more '}' than '{'; the fields "
                                           "after it would be lost)"))
            i += 1
            continue
        m = _START.match(text, i)
        if not m:
            i += 1
            continue
        start_line = line
        told = False
        depth, end = 1, n
        paren = m.group(2) == "("
        for b in (_BRACES_PAREN if paren else _BRACES).finditer(text, m.end()):
            d = b.group()
            if d == "{":
                depth += 1
            elif d == "}":
                depth -= 1
                if depth == 0:
                    # the '}' closes a braced entry; one too many inside @type( ... ) is
                    # left to the parser (and to the scan between entries)
                    end = b.start() if paren else b.end()
                    break
            elif depth == 1:  # the ')' closing @type( ... )
                end = b.end()
                break
        line += text.count("\n", m.end(), end)
        counted = i = end
        out.spans.append((start_line, line))
        last_end = start_line
