"""The generic Pulumi dynamic provider driven by resource specs."""
