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


def scan(text: str) -> Structure:
    """The entries of ``text`` as BibTeX reads them: an entry runs from ``@type{`` to the
    brace that balances it (or the ``)`` of ``@type(``); ``%`` lines between entries are
    comments."""
    out = Structure()
    i, n, line = 0, len(text), 1
    last_end: int | None = None
    told = False  # one problem for the '}'s of one stretch between entries
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
        elif c == "%" and (i == 0 or text[text.rfind("\n", 0, i) + 1 : i].strip() == ""):
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
            m = _START.match(text, i)
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
                            depth = 1  # a '}' too many inside @type( ... ): left to the parser
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
