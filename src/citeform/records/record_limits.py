"""Limits every parsed record file stays within (YAML documents and the record cache's
entries alike), kept apart from the parsers so that checking them imports no parser."""

MAX_NODES = 1_000_000  # values in a document once aliases are expanded
MAX_DEPTH = 64  # nesting levels
MAX_SCALAR = 100_000  # characters in one value
MAX_INT_DIGITS = 18  # digits in a whole number
