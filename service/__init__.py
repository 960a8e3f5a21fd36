"""factalign service: ingest, align, judge and report on news claims."""

__version__ = "0.1.0"
