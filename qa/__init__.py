"""qa: a translation-consistency checker for Chinese -> English reports."""

__version__ = "0.1.0"
