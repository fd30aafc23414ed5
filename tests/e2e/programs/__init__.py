"""Pulumi programs the end-to-end tier runs as a user's project (``__main__.py``)."""
