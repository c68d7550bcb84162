"""``citeform cite`` and ``citeform manuscript`` without click, for the command lines people
type most.

Importing click and what it brings takes about a seventh of the time of a one-record
``citeform cite KEY`` (on top of the interpreter's own start-up). :func:`run_quick` reads a
command line of keys and a few options given the simplest way (``-s STYLE``, ``--records
PATH``, ``-q``, ...) exactly as click would, and runs the command; anything else (help,
another command, another option, ``--style=X``, a value that starts with ``-``, shell
completion) is left to click. The command itself is :func:`cite_command`, which click's
``cite`` calls too; an error is reported through click's handling (:func:`replay`), so
messages and exit codes are the same either way. ``citeform manuscript INPUT`` with the same
kind of options is read the same way (:func:`parse_manuscript`, :func:`manuscript_command`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from ..output import OUTPUT_FORMATS

# option -> the parameter of ``citeform cite`` it sets (as click names them)
_VALUES = {"-s": "style", "--style": "style", "-r": "paths", "--records": "paths",
           "-f": "fmt", "--format": "fmt", "-o": "output", "--output": "output",
           "-l": "locale", "--locale": "locale"}
_FLAGS = {"-q": "quiet", "--quiet": "quiet", "--strict": "strict", "--ascii": "ascii_only"}
# options of ``cite`` click reads from the environment: a command line is left to click then
ENVVARS = ("CITEFORM_ABBREVIATIONS",)
# click's completion runs when this is set (``_{PROG}_COMPLETE``)
_COMPLETE_VAR = "_CITEFORM_COMPLETE"


def defaults() -> dict[str, Any]:
    """The parameters of ``citeform cite`` given no options (click's defaults)."""
    return {"keys": (), "paths": (), "style": "vancouver", "fmt": "text", "output": None,
            "locale": None, "clusters": (), "with_bib": None, "nocite_all": False,
            "link_citations": False, "ascii_only": False, "jobs": None, "from_fmt": None,
            "abbreviations": None, "strict": False, "quiet": False, "debug": False}


def parse(args: Sequence[str]) -> dict[str, Any] | None:
    """The parameters click gives ``cite`` for ``args`` (the words after ``citeform``), or
    None when the command line is not one read here."""
    if not args or args[0] != "cite" or any(os.environ.get(name) for name in ENVVARS):
        return None
    params = defaults()
    keys: list[str] = []
    paths: list[str] = []
    rest = iter(args[1:])
    for word in rest:
        if not word.startswith("-"):
            keys.append(word)
            continue
        if word in _FLAGS:
            params[_FLAGS[word]] = True
            continue
        name = _VALUES.get(word)
        value = next(rest, None)
        if name is None or value is None or (value.startswith("-") and value != "-"):
            return None  # '-', '--', other options, --opt=value, a missing value: click's
        if name == "fmt" and value not in OUTPUT_FORMATS:
            return None  # click names the choices
        if name == "paths":
            paths.append(value)
        else:
            params[name] = value
    params["keys"], params["paths"] = tuple(keys), tuple(paths)
    return params


# ``citeform manuscript``: option -> parameter, and the flags with the value they set
_MS_VALUES = {"-s": "style", "--style": "style", "-r": "paths", "--records": "paths",
              "-o": "output", "--output": "output", "-l": "locale", "--locale": "locale"}
_MS_FLAGS = {"-q": ("quiet", True), "--quiet": ("quiet", True), "--strict": ("strict", True),
             "--link-citations": ("link", True), "--no-link-citations": ("link", False),
             "--bibliography": ("with_bib", True), "--no-bibliography": ("with_bib", False)}


def manuscript_defaults() -> dict[str, Any]:
    """The parameters of ``citeform manuscript`` given no options (click's defaults)."""
    return {"input_path": None, "output": None, "paths": (), "style": None, "locale": None,
            "link": None, "with_bib": None, "strict": False, "jobs": None, "quiet": False,
            "debug": False}


def parse_manuscript(args: Sequence[str]) -> dict[str, Any] | None:
    """The parameters click gives ``manuscript`` for ``args``, or None when the command line
    is not one read here (then click reads it, and reports what is wrong with it)."""
    if not args or args[0] != "manuscript":
        return None
    params = manuscript_defaults()
    inputs: list[str] = []
    paths: list[str] = []
    rest = iter(args[1:])
    for word in rest:
        if word == "-" or not word.startswith("-"):
            inputs.append(word)  # click reads a lone '-' as an argument
            continue
        if word in _MS_FLAGS:
            name, flag = _MS_FLAGS[word]
            params[name] = flag
            continue
        name = _MS_VALUES.get(word)
        value = next(rest, None)
        if name is None or value is None or (value.startswith("-") and value != "-"):
            return None
        if name == "paths":
            paths.append(value)
        else:
            params[name] = value
    if len(inputs) != 1 or not _plain_output(params["output"]):
        return None
    params["input_path"], params["paths"] = inputs[0], tuple(paths)
    return params


def _plain_output(output: str | None) -> bool:
    """Whether click's ``Path(dir_okay=False, writable=True)`` takes ``output`` without a
    word: it is not given, does not exist, or is a file that may be read and written (the
    type is ``readable`` by default)."""
    if output is None:
        return True
    try:
        st = os.stat(output)
    except OSError:
        return True  # click checks nothing more of a path that is not there
    import stat

    return (not stat.S_ISDIR(st.st_mode) and os.access(output, os.R_OK)
            and os.access(output, os.W_OK))


def run_quick(args: Sequence[str]) -> bool:
    """Run ``args`` as ``citeform cite`` (or ``manuscript``) when :func:`parse` (or
    :func:`parse_manuscript`) reads them (True), else do nothing (False). An error exits as
    the command run through click would."""
    if _COMPLETE_VAR in os.environ:
        return False
    command, params = "cite", parse(args)
    if params is None:
        command, params = "manuscript", parse_manuscript(args)
    if params is None:
        return False
    try:
        if command == "cite":
            cite_command(**params)
        else:
            manuscript_command(**params)
    except (Exception, KeyboardInterrupt) as e:
        from .commands import replay

        replay(e, command)
    return True


def cite_command(keys: tuple[str, ...], paths: tuple[str, ...], style: str, fmt: str,
                 output: str | None, locale: str | None, clusters: tuple[str, ...],
                 with_bib: bool | None, nocite_all: bool, link_citations: bool, ascii_only: bool,
                 jobs: int | None, from_fmt: str | None, abbreviations: str | None, strict: bool,
                 quiet: bool, debug: bool = False,
                 warn: Callable[[str], None] | None = None) -> None:
    """``citeform cite`` with its parameters as click names them; ``warn``: how warnings are
    printed (default: the command line's warner, loaded on the first warning)."""
    from .. import cite_job, targets

    targets.check(output)
    cite_job.refuse_own_records(output, list(paths) or None)
    text = cite_job.run(
        keys=list(keys), paths=list(paths) or None, style=style, fmt=fmt, locale=locale,
        clusters=list(clusters), with_bibliography=with_bib, ascii_only=ascii_only,
        warn=warn or _warner(quiet), jobs=jobs, progress=not quiet, nocite_all=nocite_all,
        link_citations=link_citations, strict=strict, from_fmt=from_fmt,
        abbreviations=abbreviations,
    )
    targets.write_document(output, text)


def _warner(quiet: bool) -> Callable[[str], None]:
    """The command line's warner (:func:`citeform.cli.commands.warner`), with click imported
    only when there is a warning to print."""
    if quiet:
        return lambda _message: None
    made: list[Callable[[str], None]] = []

    def warn(message: str) -> None:
        if not made:
            from .commands import warner

            made.append(warner(False))
        made[0](message)

    return warn


def manuscript_command(input_path: str, output: str | None, paths: tuple[str, ...],
                       style: str | None, locale: str | None, link: bool | None,
                       with_bib: bool | None, strict: bool, jobs: int | None, quiet: bool,
                       debug: bool = False, warn: Callable[[str], None] | None = None) -> None:
    """``citeform manuscript`` with its parameters as click names them."""
    from .. import targets
    from ..manuscript.markdown_job import Options, read_input, run

    targets.check(output)
    refuse_input_as_output(input_path, output)
    name, text = read_input(input_path)
    options = Options(paths=list(paths) or None, style=style, locale=locale,
                      link_citations=link, bibliography=with_bib, strict=strict, jobs=jobs)
    result = run(text, name, options, warn=warn or _warner(quiet))
    targets.write_document(output, text=result)


def refuse_input_as_output(input_path: str, output: str | None) -> None:
    """A usage error when ``-o`` names the manuscript itself (or a link to it): its rendering
    would replace the draft."""
    from ..errors import UsageError
    from ..safe_text import shown
    from ..targets import is_stdout

    if is_stdout(output) or input_path == "-":
        return
    assert output is not None
    try:
        same = os.path.samefile(input_path, output)
    except OSError:
        return  # one of them does not exist: nothing to replace
    if same:
        raise UsageError(f"-o {shown(output)} is the manuscript INPUT: its rendering would "
                         "replace it; write to another file")
