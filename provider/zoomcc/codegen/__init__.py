"""Generators: SDK classes and reference docs, both from the resource specs."""
