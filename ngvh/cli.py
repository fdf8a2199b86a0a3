"""The `ngvh` command line: the Typer app and its commands, in the order `ngvh --help` lists them (ngvh.commands)."""
from __future__ import annotations

import typer

from ngvh.commands import answers, serving, store, tasks

app = typer.Typer(add_completion=False, no_args_is_help=True, help="ngvh: hỏi đáp kế hoạch ngoại giao văn hóa.")

for command in (store.ingest, store.plans, store.chunks, store.remove, store.reindex, answers.ask, answers.chat,
                tasks.tasks, tasks.remind, store.correct, serving.purge, serving.serve, serving.worker):
    app.command()(command)


if __name__ == "__main__":
    app()
