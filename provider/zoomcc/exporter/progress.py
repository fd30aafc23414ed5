"""What the export shows while it reads (one line per type: objects read, requests made)
and the summary line it ends with."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.progress import Progress, TaskID, TextColumn, TimeElapsedColumn

from zoomcc.exporter.exported import ExportResult


class TypeProgress:
    """A rich progress display with a line per type; call it as the reader's ``Progress``."""

    def __init__(self, console: Console | None = None) -> None:
        self.bar = Progress(
            TextColumn("{task.description:<32}"),
            TextColumn("{task.fields[read]:>6} read"),
            TextColumn("{task.fields[requests]:>7} requests"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self._tasks: dict[str, TaskID] = {}

    def __call__(self, type_name: str, read: int, requests: int) -> None:
        task = self._tasks.get(type_name)
        if task is None:
            task = self.bar.add_task(type_name, total=None, read=read, requests=requests)
            self._tasks[type_name] = task
        self.bar.update(task, read=read, requests=requests)

    def __enter__(self) -> TypeProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.bar.stop()


def summary(result: ExportResult, requests: int, seconds: float) -> str:
    """``exported 12 resources (Queue 3, Skill 2, ...) with 40 API requests in 1.2 s; 2
    objects left out (Asset 1, QueueAgents 1); 1 type not read (CampaignDncListPhones)``."""
    counts = Counter(o.spec.name for o in result.objects)
    shown = ", ".join(f"{name} {n}" for name, n in sorted(counts.items()))
    return (
        f"exported {len(result.objects)} resources ({shown or 'none'}) with {requests} API "
        f"requests in {seconds:.1f} s{left_out(result)}"
    )


def left_out(result: ExportResult) -> str:
    """What was read but not exported, counted in objects (a type not read at all, whose
    objects are not known, is counted apart)."""
    objects = Counter(t for t, object_id, _ in result.skipped if object_id != "*")
    types = sorted({t for t, object_id, _ in result.skipped if object_id == "*"})
    text = ""
    if objects:
        n = sum(objects.values())
        by_type = ", ".join(f"{name} {k}" for name, k in sorted(objects.items()))
        text += f"; {n} object{'s' if n != 1 else ''} left out ({by_type})"
    if types:
        text += f"; {len(types)} type{'s' if len(types) != 1 else ''} not read ({', '.join(types)})"
    return text
