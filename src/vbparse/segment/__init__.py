"""Segmentation: find the parts of a directive (header, clauses, signature, appendices)."""
