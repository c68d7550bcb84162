"""Reading and checking records: files and folders, YAML/JSON with positions, validation,
and the mapping of a record to neutral CSL-JSON."""
