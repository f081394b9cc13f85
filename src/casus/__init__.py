"""casus: mutual-assistance treaties made computable."""

__version__ = "0.1.0"
