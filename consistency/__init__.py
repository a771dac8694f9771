"""consistency: check news coverage for factual contradictions between sources."""

__version__ = "0.1.0"
