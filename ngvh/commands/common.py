"""What every `ngvh` command shares: the consoles, the composition root for one command, failing with a reason."""
from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console

if TYPE_CHECKING:  # each command imports what it uses: `ngvh --help` loads no model or store
    from ngvh.services import Services

# a log file or a pipe gets whole rows: 80 columns would fold file names and numbers mid-word
console = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 320)
err_console = Console(stderr=True, soft_wrap=True)


def services() -> Services:
    """The composition root for this one command (a command line process runs exactly one command)."""
    from ground.config import get_settings
    from ngvh.services import Services

    return Services(get_settings())


def fail(message: str, code: int = 2) -> NoReturn:
    err_console.print(f"[bold red]Lỗi:[/] {message}")
    raise typer.Exit(code)


def store_errors() -> tuple[type[Exception], ...]:
    """What a store that cannot be used raises (another embedder's index, a Chroma server away): a reason, no traceback."""
    from vectorstore import EmbedderMismatch, StoreUnavailable

    return (EmbedderMismatch, StoreUnavailable)


def print_json(value: Any, indent: int | None = None) -> None:
    """A --json answer on stdout: Vietnamese as it is, not escaped."""
    print(json.dumps(value, ensure_ascii=False, indent=indent))
