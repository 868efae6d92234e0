"""careerfit: which data/ML role fits you today, and what is the easiest pivot from here."""

__version__ = "0.1.0"
