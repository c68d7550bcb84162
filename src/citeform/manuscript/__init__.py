"""Manuscripts: pandoc citations in Markdown documents and pandoc's JSON AST, rendered.

:mod:`.scanner` finds the citations of a Markdown text, :mod:`.front_matter` reads its YAML
block, :mod:`.citing` renders every citation of a document as one CSL document,
:mod:`.markdown_job` is the ``citeform manuscript`` job and :mod:`.pandoc_filter` the
``citeform filter`` job over pandoc's JSON.
"""
