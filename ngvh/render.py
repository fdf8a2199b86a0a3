"""Answer → text for a terminal (rich markup); channels have their own formatters in bot/."""
from __future__ import annotations

from rich.markup import escape


def render_answer(answer) -> str:
    lines = [escape(answer.answer)]
    if answer.citations:
        lines.append("")
        lines.append("[bold]Nguồn:[/]")
        for c in answer.citations:
            plan = " ".join(x for x in (c.doc_type, c.plan) if x) or c.title
            where = f" — {c.section}" if c.section else ""
            date = f", {c.date}" if c.date else ""
            replaced = f" [yellow](đã được thay thế bởi {escape(c.replaced_by)})[/]" if c.replaced_by else ""
            lines.append(f"[cyan][{c.n}][/] {escape(plan)}{escape(date)}{escape(where)} ({escape(c.source)}){replaced}")
            lines.append(f"    [dim]“{escape(c.quote)}”[/]")
    return "\n".join(lines)
