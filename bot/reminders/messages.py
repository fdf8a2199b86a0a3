"""The words of subscriptions and reminders, plain text (each channel's render_text escapes and splits it)."""
from __future__ import annotations

from datetime import date
from urllib.parse import quote

from bot.reminders.due import ChatReminder, DueTask
from bot.reminders.store import Subscription
from ground.display import shorten

MAX_DUE_LINES = 15  # tasks listed in one reminder; the rest stay unsent and come in the next pass
MAX_NEW_PLAN_LINES = 8  # tasks listed per newly ingested plan (the plan is announced once, with a count)
TASK_CHARS = 300
LINK_QUOTE_WORDS = 12  # the passage page finds the task by its first words (bot.pages.quoted_passage)

# the command as each channel spells it: Telegram with a slash, Zalo in words
_UNSUBSCRIBE = {"telegram": "/huytheodoi {agency}"}
_UNSUBSCRIBE_WORDS = "hủy theo dõi {agency}"
_SUBSCRIBE = {"telegram": "/theodoi"}
_SUBSCRIBE_WORDS = "theo dõi"


def subscribe_word(channel: str) -> str:
    return _SUBSCRIBE.get(channel, _SUBSCRIBE_WORDS)


def unsubscribe_hint(channel: str, agency: str) -> str:
    return _UNSUBSCRIBE.get(channel, _UNSUBSCRIBE_WORDS).format(agency=agency)


def where(agency: str, province: str | None) -> str:
    return f"{agency} ({province})" if province else agency


def vi_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def passage_link(public_url: str | None, task: DueTask) -> str | None:
    """The task on its plan's page: found by its first words, marked and scrolled to (#cited)."""
    if not public_url:
        return None
    words = " ".join(task.task.split()[:LINK_QUOTE_WORDS])
    return f"{public_url.rstrip('/')}/plans/{quote(task.plan_id, safe='')}?q={quote(words, safe='')}#cited"


def plan_link(base_url: str | None, plan_id: str) -> str:
    return f"{(base_url or '').rstrip('/')}/plans/{quote(plan_id, safe='')}"


def reminder_text(chat: ChatReminder, days: int, public_url: str | None) -> str:
    lines = [f"🔔 Nhắc hạn nhiệm vụ – {', '.join(where(s.agency, s.province) for s in chat.subscriptions)}"]
    if chat.due:
        lines += ["", f"Đến hạn trong {days} ngày tới:"]
        for i, item in enumerate(chat.due[:MAX_DUE_LINES], 1):
            t = item.task
            lines.append(f"{i}. {shorten(t.task, TASK_CHARS)}")
            lines.append(f"   Hạn: {vi_date(item.when)}" + (f" ({t.deadline_text})" if t.deadline_text else ""))
            lines.append(f"   {t.agency} {t.role} · {t.plan_name()}" + (f" · {t.section}" if t.section else ""))
            if link := passage_link(public_url, t):
                lines.append(f"   {link}")
    for plan in chat.new_plans:
        first = plan.tasks[0]
        lines += ["", f"📄 Văn bản mới giao nhiệm vụ cho {plan.agency}: {first.plan_name()}"
                  + (f" ({first.province})" if first.province else "")]
        for i, t in enumerate(plan.tasks[:MAX_NEW_PLAN_LINES], 1):
            when = f" (thời hạn: {t.deadline_text})" if t.deadline_text else ""
            lines.append(f"{i}. {t.role}: {shorten(t.task, TASK_CHARS)}{when}")
        if len(plan.tasks) > MAX_NEW_PLAN_LINES:
            lines.append(f"… và {len(plan.tasks) - MAX_NEW_PLAN_LINES} nhiệm vụ khác.")
        if public_url:
            lines.append(plan_link(public_url, plan.plan_id))
    agencies = sorted({s.agency for s in chat.subscriptions})
    lines += ["", "Thôi nhận nhắc: " + "; ".join(unsubscribe_hint(chat.channel, a) for a in agencies)]
    return "\n".join(lines)


# -- replies to the commands ------------------------------------------------------------------------
def subscribed_text(channel: str, agency: str, province: str | None, added: bool, days: int) -> str:
    head = (f"Đã theo dõi {where(agency, province)}." if added else f"Bạn đã theo dõi {where(agency, province)} từ trước.")
    return (f"{head} Bạn sẽ được nhắc các nhiệm vụ của cơ quan này trước hạn {days} ngày, và khi có văn bản mới "
            f"giao nhiệm vụ cho cơ quan này. Gõ {unsubscribe_hint(channel, agency)} để thôi.")


def unsubscribed_text(channel: str, gone: list[Subscription]) -> str:
    if not gone:
        return f"Không có đăng ký theo dõi nào để hủy. Gõ {subscribe_word(channel)} để xem các đăng ký."
    names = "; ".join(where(s.agency, s.province) for s in gone)
    return f"Đã hủy theo dõi: {names}."


def list_text(channel: str, subs: list[Subscription]) -> str:
    word = subscribe_word(channel)
    if not subs:
        return (f"Bạn chưa theo dõi cơ quan nào. Gõ {word} <tên cơ quan> để được nhắc trước hạn nhiệm vụ, "
                f"ví dụ: {word} Sở Ngoại vụ, hoặc {word} Sở VHTTDL Cao Bằng.")
    lines = ["Bạn đang theo dõi:"] + [f"- {where(s.agency, s.province)}" for s in subs]
    lines.append(f"Gõ {unsubscribe_hint(channel, '<tên cơ quan>')} để thôi theo dõi một cơ quan.")
    return "\n".join(lines)


def unknown_agency_text(channel: str, typed: str) -> str:
    word = subscribe_word(channel)
    return (f"Không nhận ra cơ quan “{shorten(typed, 80)}”. Ví dụ: {word} Sở Ngoại vụ; {word} SNgV Cao Bằng; "
            f"{word} Sở VHTTDL.")


def not_here_text() -> str:
    return "Chức năng theo dõi nhắc hạn chưa bật trên máy chủ này."
