"""Zoom Contact Center API runtime for pulumi-zoomcc."""
