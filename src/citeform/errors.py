"""Error types: every failure a user can cause ends as one of these, printed as one line."""

from __future__ import annotations


class CiteformError(Exception):
    """Base class of the errors citeform reports to users.

    ``exit_code`` is what the CLI exits with: 1 for data errors, 2 for usage errors.
    """

    exit_code = 1

    def __init__(
        self,
        message: str,
        file: str | None = None,
        line: int | None = None,
        key: str | None = None,
        field: str | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.field = field

    def __str__(self) -> str:
        return self.format()

    def location(self) -> str:
        """``file:line:column`` as far as known ('' when nothing is)."""
        return place(self.file, self.line, self.column) if self.file else ""

    def format(self) -> str:
        """One line: ``file:line:column: key: field: message`` (file and key shown as
        ``check`` shows them: a name with an unprintable character as a Python literal)."""
        from .safe_text import shown

        parts = [shown(p) for p in (self.location(), self.key) if p]
        if self.field and not self.message.startswith(self.field) and f"'{self.field}'" not in self.message:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


class DataError(CiteformError):
    """Bad records, unreadable files, styles that are not CSL."""

    exit_code = 1


class UsageError(CiteformError):
    """Wrong command-line use: unknown key, unknown style, bad option values."""

    exit_code = 2


def place(file: str, line: int | None = None, column: int | None = None) -> str:
    """``file:line:column``, as far as known."""
    if line is None:
        return file
    return f"{file}:{line}" if column is None else f"{file}:{line}:{column}"
