"""Extractors: one module per kind of entity, each a ``find_<thing>`` generator."""
