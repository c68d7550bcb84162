"""citeform's version, a leaf that every stage may import (the package root imports the API)."""

__version__ = "1.0.0"
