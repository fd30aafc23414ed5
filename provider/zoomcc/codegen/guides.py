"""Hand-written sections of a resource page, where a type needs more than its spec says (a
flow's file format): type name -> Markdown, placed after the page's example."""

from __future__ import annotations

FLOW = """## The flow file

What the reference says of it, and all it says:

- the import operation creates a flow "using content from another flow's exported JSON"
  (reference line 10935); `flow_file` is "in binary format", "Allowed file extensions -
  `xxx.json`", "Maximum file size supported - 10 MB" (line 10948);
- the export operation, `GET /contact_center/flows/{flowId}/export`, gives "a flow's content
  as JSON" (line 11572) as "a downloadable file" (line 11582).

The reference gives no schema for that JSON, so the provider assumes none: any JSON document
is uploaded as it is (the emulator takes any JSON object and reads only its `channel` and
`channel_source`). For Zoom, start from a flow built in the flow editor and exported, from the
web portal or with `zoomcc export --include Flow` (which writes `flows/<name>.json`).

A small runnable sample, deployed against the emulator by the test suite, is
[`examples/flow-routing`](../../examples/flow-routing) (its `flows/support.json`):

```json
{
  "flow_name": "Support menu",
  "channel": "voice",
  "channel_source": "voice",
  "version": "2.0",
  "widgets": [
    {"id": "start", "type": "Start", "next": "menu"},
    {"id": "menu", "type": "Menu", "next": "support"},
    {"id": "support", "type": "RouteTo", "queue_id": "${support}", "next": null}
  ]
}
```

Its `widgets` show the shape the provider's preview and `zoomcc review` understand, not
Zoom's editor format: they read a flow as its **nodes**, every object in a list that has an
`id` (a file without such objects is read as its top-level fields), and a **route to a
queue** as a value under a key naming a queue (`queue_id`).

## Routing to a queue the stack manages

A flow's JSON names a queue by its id, which a stack knows only once the queue exists. Write
`${<name>}` where the id goes and give the ids with `zoomcc.flow_file`, which writes the file
again with them (to `resolved_flows/<file name>`, relative to the program's working
directory, once every id is known) and returns the path the flow uploads:

```python
support = zoomcc.Queue("support", name="Menu support", channel="voice")
menu = zoomcc.Flow(
    "support-menu",
    name="Support menu",
    file=zoomcc.flow_file("flows/support.json", {"support": support.id}),
    publish=True,
)
```

`zoomcc export` writes the same placeholders (`${queue_billing}`) and the same call into the
programs it exports. A placeholder name holds letters, digits, `_`, `.` and `-`; an id given
as `None` (a stack config value left unset) leaves its placeholder as it is. Add
`resolved_flows/` to `.gitignore`.

## What a preview shows of a changed flow

The provider reads the file during check and keeps its nodes, keyed by id, in `flow_nodes`.
`pulumi preview --diff` shows them beside the new `content_hash`: the nodes a changed file
adds (`+ billing: {...}`), removes (`- ...`) and changes (`~ menu: { ~ next: "support" =>
"billing" }`). `flow_nodes` is shown, never compared: `content_hash` alone decides whether
the flow changes. While a queue the file names is still to be created, its id and so the
file are not known at preview, and neither are the nodes. A flow deployed before the provider
kept `flow_nodes` shows all its nodes as added the first time its file changes.

The state keeps `flow_nodes` of the flow as deployed: `zoomcc review` compares them with the
new file's (docs/review.md).
"""

GUIDES: dict[str, str] = {"Flow": FLOW}
"""Type name -> its hand-written sections."""
