"""`ngvh` commands over the plans' assignments: tasks (table, JSON, iCalendar) and remind (one reminder pass)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ngvh.commands.common import console, fail, print_json, services, store_errors


def tasks(
    agency: Annotated[str | None, typer.Option(help="Agency, e.g. 'Sở Ngoại vụ' or 'Sở VHTTDL'")] = None,
    by: Annotated[int | None, typer.Option("--by", help="Due by this year (recurring tasks in the period too)")] = None,
    province: Annotated[str | None, typer.Option(help="Province or city, any alias")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON list (deadline_text, due, precision, recurs…)")] = False,
    ics: Annotated[Path | None, typer.Option("--ics", help="Write the tasks with a date as an iCalendar file (needs --agency)")] = None,
):
    """Who must do what by when: the assignments extracted from the plans, with their due dates."""
    from ground.display import display_date
    from ground.places import canonical_province
    from ngvh.task_rows import task_rows

    place = canonical_province(province) if province else None
    if province and not place:
        fail(f"unknown province or city: {province!r}")
    if ics and not agency:
        fail("--ics needs --agency: a calendar is one agency's tasks")
    try:
        records = task_rows(services().store.list_plans(), agency, by, place)
    except store_errors() as err:
        fail(str(err))
    if ics and agency:
        from bot.reminders.feed import calendar_for
        from ground.agencies import normalize_agency
        from ground.config import get_settings

        ics.write_bytes(calendar_for(records, normalize_agency(agency).canonical, place, get_settings().public_url))
        dated = sum(1 for r in records if r["due"] and r["precision"] != "none")
        console.print(f"Đã ghi {dated} nhiệm vụ có thời hạn vào {ics}")
        return
    if as_json:
        print_json(records, indent=1)
        return
    if not records:
        console.print("Không có nhiệm vụ nào khớp điều kiện.")
        return
    table = Table(title=f"{len(records)} nhiệm vụ" + (f" đến năm {by}" if by else ""))
    for col in ("Kế hoạch", "Cơ quan", "Vai trò", "Nhiệm vụ", "Thời hạn", "Hạn", "Mục"):
        table.add_column(col, overflow="fold")
    for r in records:
        when = r["deadline"] or "—"
        if r["status"] == "recurring":
            when += " (định kỳ)"
        due = (display_date(r["due"]) or "") + (" (hằng năm)" if r["recurs"] == "yearly" and r["due"] else "")
        table.add_row(r["plan"] or r["plan_id"], r["agency"], r["role"], r["task"], when, due or "—", r["section"] or "—")
    console.print(table)


def remind(
    today: Annotated[str | None, typer.Option("--today", help="The day to remind from, YYYY-MM-DD (default: today in Vietnam)")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print what would be sent; send and record nothing")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The pass's report as JSON")] = False,
):
    """Remind each subscribed chat of its agencies' tasks due within NGVH_REMINDER_DAYS (and of new plans), once."""
    import asyncio
    from datetime import date

    from rich.markup import escape

    from bot.core import CoreRunner
    from bot.reminders.schedule import vietnam_today
    from bot.reminders.sending import PassReport, ReminderPass, channel_outbound

    try:
        day = date.fromisoformat(today) if today else vietnam_today()
    except ValueError:
        fail(f"--today: not a date {today!r} (YYYY-MM-DD)")
    core = services()
    settings = core.settings
    try:
        rows = core.tasks()
    except store_errors() as err:
        fail(str(err))
    store = core.question_log.subscriptions

    async def run() -> PassReport:
        if dry_run:
            return await ReminderPass(store, None, settings.reminder_days, settings.public_url).run(rows, day, True)
        runner = CoreRunner(core)
        try:
            async with channel_outbound(settings, runner) as outbound:
                return await ReminderPass(store, outbound, settings.reminder_days, settings.public_url).run(rows, day)
        finally:
            runner.close()

    report = asyncio.run(run())
    if as_json:
        print_json(report.to_json(), indent=1)
        return
    verb = "Sẽ gửi" if dry_run else "Đã gửi"
    for message in report.messages:
        console.print(f"[bold]{verb} → {message['channel']}:{message['chat_id']}[/] ({message['tasks']} nhiệm vụ, "
                      f"{message['new_plans']} văn bản mới)")
        if dry_run:
            console.print(escape(message["text"]))
    for skipped in report.skipped:
        console.print(f"[yellow]Bỏ qua {skipped['channel']}:{skipped['chat_id']}[/]: {skipped['reason']}")
    for failed in report.failed:
        console.print(f"[red]Chưa gửi được {failed['channel']}:{failed['chat_id']}[/] (sẽ thử lại lần sau)")
    console.print(f"{verb} {len(report.messages)} tin nhắc hạn ({day.isoformat()}, {settings.reminder_days} ngày tới).")
