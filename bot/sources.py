"""Sources one tap away: Telegram and Zalo OA buttons, passages as replies, Zalo digits and feedback words.

Under each Telegram answer: one 📄 n button per citation and 👍 / 👎. Callback data names the logged
answer and what was tapped ("s:<question id>:<n>", "f:<question id>:u"), always ≤ 64 bytes as the
Bot API requires. Zalo Bot has no buttons for replies: answers end with "Gõ 1, 2… để xem nguyên văn",
a bare digit asks for that source, and "đúng"/"sai" (or 👍/👎) right after an answer is feedback. Zalo OA
answers carry query buttons whose taps send those same words (the hint is the fallback when refused).
"""
from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from bot.formatting import replaced_note
from ground import vi

CALLBACK_MAX_BYTES = 64
BUTTONS_PER_ROW = 5
MAX_SOURCE_BUTTONS = 10
PASSAGE_CHARS = 3000  # a passage reply stays well inside one message on every channel
FEEDBACK_WINDOW_SECONDS = 30 * 60  # "đúng"/"sai" counts as feedback this long after an answer
UP, DOWN = "up", "down"


# -- callback data -----------------------------------------------------------------------------------
def source_callback(question_id: int | None, n: int) -> str:
    return _checked(f"s:{question_id or 0}:{n}")


def feedback_callback(question_id: int | None, value: str) -> str:
    return _checked(f"f:{question_id or 0}:{'u' if value == UP else 'd'}")


def _checked(data: str) -> str:
    if len(data.encode()) > CALLBACK_MAX_BYTES:
        raise ValueError(f"callback data over {CALLBACK_MAX_BYTES} bytes: {data!r}")
    return data


def parse_callback(data: str | None) -> tuple[str, int | None, int | str] | None:
    """('source', question id, n) | ('feedback', question id, 'up'|'down') | None for anything else."""
    match = re.fullmatch(r"([sf]):([0-9]{1,18}):([0-9]{1,2}|u|d)", data or "")
    if not match:
        return None
    kind, qid, value = match.groups()
    question_id = int(qid) or None
    if kind == "s" and value.isascii() and value.isdigit():
        return "source", question_id, int(value)
    if kind == "f" and value in ("u", "d"):
        return "feedback", question_id, UP if value == "u" else DOWN
    return None


def telegram_keyboard(question_id: int | None, citations: list[Any]) -> dict | None:
    """reply_markup for an answer: 📄 1 … 📄 n in rows of five, then 👍 👎; None without citations."""
    numbers = [int(_field(c, "n")) for c in citations][:MAX_SOURCE_BUTTONS]
    if not numbers:
        return None
    rows = [[{"text": f"📄 {n}", "callback_data": source_callback(question_id, n)} for n in numbers[i:i + BUTTONS_PER_ROW]]
            for i in range(0, len(numbers), BUTTONS_PER_ROW)]
    rows.append([{"text": "👍", "callback_data": feedback_callback(question_id, UP)},
                 {"text": "👎", "callback_data": feedback_callback(question_id, DOWN)}])
    return {"inline_keyboard": rows}


# Zalo OA: buttons under a reply are a "template" attachment of query buttons. A tap sends the button's
# payload to the OA as the user's own text (shown in the chat for oa.query.show, hidden for oa.query.hide),
# so each payload is what a user would type: "nguồn 2" (a source of the last answer), "đúng" / "sai".
OA_SOURCE_BUTTONS = 3  # with 👍 and 👎: five buttons, as many as the OA examples show under one message


def zalo_oa_buttons(citations: list[Any]) -> dict | None:
    """The template payload {"buttons": [...]} for an answer: 📄 1…3, then 👍 👎; None without citations."""
    numbers = [int(_field(c, "n")) for c in citations][:OA_SOURCE_BUTTONS]
    if not numbers:
        return None
    buttons = [{"title": f"📄 Nguồn {n}", "type": "oa.query.show", "payload": f"nguồn {n}"} for n in numbers]
    buttons += [{"title": "👍 Đúng", "type": "oa.query.hide", "payload": "đúng"},
                {"title": "👎 Sai", "type": "oa.query.hide", "payload": "sai"}]
    return {"buttons": buttons}


# -- passages ----------------------------------------------------------------------------------------
def _field(citation: Any, name: str) -> Any:
    return citation.get(name) if isinstance(citation, Mapping) else getattr(citation, name, None)


def chunk_anchor(chunk_id: str | None) -> str | None:
    """'plan:v1:0003' → 'c3', the anchor of that chunk on its plan page."""
    if not chunk_id or chunk_id.count(":") < 2:
        return None
    seq = chunk_id.rsplit(":", 1)[1]
    return f"c{int(seq)}" if seq.isascii() and seq.isdigit() else None


def plan_page_link(public_url: str | None, citation: Any) -> str | None:
    """The passage's place on its permalink page (/plans/{plan id}#c{seq}), when the service has a public URL."""
    plan_id = _field(citation, "plan_id")
    if not public_url or not plan_id:
        return None
    url = f"{public_url.rstrip('/')}/plans/{quote(str(plan_id), safe='')}"
    anchor = chunk_anchor(_field(citation, "chunk_id"))
    return f"{url}#{anchor}" if anchor else url


def _plan_name(citation: Any) -> str:
    name = " ".join(str(x) for x in (_field(citation, "doc_type"), _field(citation, "plan")) if x)
    return name or str(_field(citation, "title") or _field(citation, "source") or "Văn bản")


def _passage(citation: Any) -> str:
    text = " ".join(str(_field(citation, "full_quote") or _field(citation, "quote") or "").split())
    return text if len(text) <= PASSAGE_CHARS else text[:PASSAGE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def passage_html(citation: Any, link: str | None = None) -> str:
    """Telegram HTML: the plan, its section path, the passage in an expandable blockquote, the web page link."""
    lines = [f"<b>[{_field(citation, 'n')}] {html.escape(_plan_name(citation), quote=False)}</b>"]
    if note := replaced_note(citation):
        lines[0] += f" <i>{html.escape(note, quote=False)}</i>"
    issuer = _field(citation, "issuer")
    if issuer:
        lines.append(html.escape(str(issuer), quote=False))
    section = _field(citation, "section")
    if section:
        lines.append(f"<i>{html.escape(str(section), quote=False)}</i>")
    lines.append(f"<blockquote expandable>{html.escape(_passage(citation), quote=False)}</blockquote>")
    if link:
        lines.append(f'<a href="{html.escape(link, quote=True)}">Xem trong văn bản</a>')
    return "\n".join(lines)


def passage_text(citation: Any, link: str | None = None) -> str:
    """The same passage as plain text (Zalo)."""
    lines = [f"[{_field(citation, 'n')}] {_plan_name(citation)}"]
    if note := replaced_note(citation):
        lines[0] += f" {note}"
    for extra in (_field(citation, "issuer"), _field(citation, "section")):
        if extra:
            lines.append(str(extra))
    lines.append(f"“{_passage(citation)}”")
    if link:
        lines.append(f"Xem trong văn bản: {link}")
    return "\n".join(lines)


# -- what a Zalo user types after an answer ------------------------------------------------------------
_DIGIT = re.compile(r"^\s*(?:(?:nguon|so|y|trich dan|xem)\s*)?#?\s*([0-9]{1,2})\s*[.!?]?\s*$")
_UP_WORDS = {"dung", "dung roi", "dung vay", "chinh xac", "dung a", "dung the", "cam on dung roi", "👍", "👍🏻", "like"}
_DOWN_WORDS = {"sai", "sai roi", "khong dung", "chua dung", "sai a", "sai be bet", "👎", "👎🏻"}


def digit_request(text: str) -> int | None:
    """'2', '2.', 'nguồn 2', 'số 2' → 2; anything else → None."""
    match = _DIGIT.match(vi.fold(text or ""))
    return int(match.group(1)) if match else None


def feedback_word(text: str) -> str | None:
    """'đúng' / 'đúng rồi' / 👍 → 'up'; 'sai' / 'không đúng' / 👎 → 'down'; anything else → None."""
    folded = " ".join(vi.fold(text or "").strip(" .!?").split())
    if folded in _UP_WORDS:
        return UP
    if folded in _DOWN_WORDS:
        return DOWN
    return None
