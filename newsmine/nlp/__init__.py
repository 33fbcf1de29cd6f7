"""The NLP stage: Article -> Facts (prices, figures, exchanges, assets, quotes).

``extract_facts`` is the public entry point; spaCy and the model load on its
first call, once per process.
"""

from newsmine.nlp.pipeline import extract_facts, load_nlp

__all__ = ["extract_facts", "load_nlp"]
