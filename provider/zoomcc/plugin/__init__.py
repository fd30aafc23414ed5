"""``pulumi-resource-zoomcc``: the native provider plugin, a second front end over the
handlers the dynamic providers use (every Pulumi language, ``pulumi import``, field diffs)."""
