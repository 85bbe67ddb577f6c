"""Document-level fields: the number, references, issuer and addressees."""
