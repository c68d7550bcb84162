"""citeproc-js (``../shared/tools/oracle.js``) on the items citeform lays out for a style.

Tests that use it skip, with the reason, where node or the oracle is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from citeform import styles

# ../shared beside the repository, or where $CITEFORM_ORACLE says
ORACLE = Path(os.environ.get("CITEFORM_ORACLE") or
              Path(__file__).resolve().parents[2].parent / "shared" / "tools" / "oracle.js")


def laid_out(items: list[dict[str, Any]], style: str) -> list[dict[str, Any]]:
    """The items as citeform hands them to its engine for ``style``."""
    from citeform.api import prepare_items

    return prepare_items(items, styles.resolve(style))


def citeproc_js(items: list[dict[str, Any]], style: str) -> list[str]:
    """citeproc-js's text bibliography for CSL-JSON items (already laid out) in a style."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    if not ORACLE.exists():
        pytest.skip(f"no reference processor at {ORACLE}")
    resolved = styles.resolve(style)
    request = {"style": resolved.source, "items": items,
               "clusters": None, "format": "text"}
    env = {**os.environ, "PYTHON": sys.executable}
    done = subprocess.run(["node", str(ORACLE)], input=json.dumps(request), capture_output=True,
                          text=True, timeout=120, env=env)
    if done.returncode != 0:
        pytest.skip(f"the reference processor failed: {done.stderr.strip()[:200]}")
    return json.loads(done.stdout)["bibliography"]
