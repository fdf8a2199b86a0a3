"""`ngvh` commands that answer: ask (one question, or --jsonl turns on stdin) and the terminal chat."""
from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from ngvh.commands.common import console, fail, print_json, services, store_errors


def ask(
    question: Annotated[str | None, typer.Argument(help="Câu hỏi")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Questions on stdin, one JSON answer per line")] = False,
):
    """Answer a question from the plans, with citations."""
    from ngvh.render import render_answer

    core = services()
    try:
        if jsonl:
            from ngvh.turns import JsonlTurns

            turns = JsonlTurns(core.ask)
            for line in sys.stdin:
                if not line.strip():
                    continue
                sys.stdout.write(json.dumps(turns.answer_line(line), ensure_ascii=False) + "\n")
                sys.stdout.flush()
            return
        if not question:
            fail("give a question, or --jsonl to read questions from stdin")
        answer = core.ask(question)
    except store_errors() as err:
        fail(str(err))
    if as_json:
        print_json(answer.to_json())
    else:
        console.print(render_answer(answer))


def chat():
    """Interactive terminal chat over the same answering function; follow-up questions keep context."""
    from rich.markup import escape

    from ngvh.render import render_answer
    from rag.dialogue.state import Conversation
    from rag.dialogue.turn import run_turn

    core = services()
    console.print("[bold]ngvh[/] — hỏi về các kế hoạch ngoại giao văn hóa. Gõ [bold]/moi[/] để bắt đầu "
                  "cuộc trò chuyện mới, [bold]/thoat[/] để thoát.")
    context = Conversation()
    while True:
        try:
            question = console.input("[bold cyan]Bạn:[/] ").strip()
        except (EOFError, KeyboardInterrupt):
            console.print()
            return
        if question.lower() in {"/thoat", "/quit", "/exit", "thoat"}:
            return
        if not question:
            continue
        if question.lower() in {"/moi", "/mới", "/new"}:
            context = Conversation()
            console.print("[dim]Đã bắt đầu cuộc trò chuyện mới.[/]")
            continue
        try:
            turn = run_turn(core.ask, question, context)
        except store_errors() as err:
            fail(str(err))
        context = turn.context
        if turn.understood:
            console.print(f"[dim]↪ Hiểu là: {escape(turn.understood)}[/]")
        console.print(render_answer(turn.answer))
