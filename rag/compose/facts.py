"""Answers about a plan itself (number, date, signer, issuer, horizon, field, implemented documents),
taken from its metadata and cited to the passage that states them."""
from __future__ import annotations

import re

from ground import vi
from ground.display import date_as_written, display_date
from ground.numbers import document_name
from rag.compose.citations import Point, plan_label
from rag.find.plans import PlanIndex


def _date_patterns(iso: str) -> list[re.Pattern]:
    parts = iso.split("-")
    if len(parts) != 3:
        return [re.compile(re.escape(parts[0]))]
    y, m, d = parts[0], int(parts[1]), int(parts[2])
    return [
        re.compile(rf"\b0?{d}\s*[/.-]\s*0?{m}\s*[/.-]\s*{y}\b"),
        re.compile(rf"ngày\s+0?{d}\s+tháng\s+0?{m}\s+năm\s+{y}", re.IGNORECASE),
        re.compile(rf"\b0?{d}\s*/\s*0?{m}\b"),
    ]


SIGNED_KINDS = frozenset({"Biên bản", "Thỏa thuận", "Bản ghi nhớ", "Biên bản ghi nhớ", "Hợp đồng"})
_TITLE_SPAN = re.compile(r"(?:giai đoạn|thời kỳ|năm)\s+((?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d)", re.IGNORECASE)


def fact_sentence(intent: str, meta) -> tuple[str, list[re.Pattern]] | None:
    """The answer line for one metadata intent, and patterns that find its evidence in the text."""
    label = plan_label(meta)
    page = label if label.startswith("bài viết") else f"bài viết về {label}"  # a news page is itself the article
    if intent == "published" and meta.published:
        return f"{page[:1].upper()}{page[1:]} được đăng ngày {display_date(meta.published)}.", _date_patterns(meta.published)
    if intent in ("date", "published") and meta.date:
        done = "được ký ngày" if (meta.doc_type or "") in SIGNED_KINDS else "được ban hành ngày"  # a record is signed
        return f"{label} {done} {display_date(meta.date)}.", _date_patterns(meta.date)
    if intent == "date" and meta.published:  # a news page without the plan's own date
        return (f"Văn bản không ghi ngày ban hành; {page} được đăng ngày "
                f"{display_date(meta.published)}.", _date_patterns(meta.published))
    if intent == "signer" and meta.signer:
        office = f"{meta.signer_title} " if meta.signer_title else ""
        # (two parties' signers, "A và B": the line naming the first, the block read from the end)
        return f"{label} do {office}{meta.signer} ký.", [re.compile(re.escape(meta.signer.split(" và ")[0]))]
    if intent == "number" and meta.number:
        return f"Số hiệu của văn bản là {meta.number} ({meta.doc_type or 'văn bản'}).", [re.compile(re.escape(meta.number))]
    if intent == "issuer" and meta.issuer:
        return f"{label} do {meta.issuer} ban hành.", [re.compile(re.escape(meta.number or meta.issuer))]
    span = _TITLE_SPAN.search(meta.title or "") if intent == "horizon" else None
    if span:  # "Kế hoạch … giai đoạn 2015 - 2017": the period its title is for
        return f"{label} áp dụng cho giai đoạn {span.group(1)} ({meta.title}).", [re.compile(re.escape(span.group(1)))]
    if intent == "horizon" and meta.horizon:
        years = ", tầm nhìn ".join(f"đến năm {y}" for y in meta.horizon)
        return f"{label} đặt mục tiêu {years}.", [re.compile(rf"năm {meta.horizon[-1]}")]
    if intent == "field" and meta.field:
        return f"{label} thuộc lĩnh vực {meta.field}.", [re.compile(r"Lĩnh vực", re.IGNORECASE), re.compile(re.escape(meta.field))]
    if intent == "implements" and meta.implements:
        docs = "; ".join(cited_name(n, meta) for n in meta.implements)
        return f"{label} được xây dựng để thực hiện {docs}.", [re.compile(re.escape(n.split('-')[0])) for n in meta.implements]
    if intent == "subject" and meta.title:
        return f"{label}: {meta.title}.", [re.compile(re.escape(meta.title[:40]), re.IGNORECASE)]
    if intent == "doc_type" and meta.doc_type:
        return f"Văn bản {meta.number or ''} là {meta.doc_type.lower()}.".replace("  ", " "), [re.compile(re.escape(meta.doc_type), re.IGNORECASE)]
    return None


def fact_point(intent: str, plan, chunks: list) -> Point | None:
    """A cited Point answering `intent` for `plan`, or None when the plan does not state it."""
    found = fact_sentence(intent, plan.meta)
    if not found:
        return None
    sentence, patterns = found
    for pattern in patterns:
        for chunk in reversed(chunks) if intent == "signer" else chunks:  # the signature block closes the text
            match = pattern.search(chunk.text)
            if match:
                line = _line_around(chunk.text, match.start())
                return Point(_as_written(sentence, plan.meta, line), chunk, line, 1.0)
    return Point(sentence, chunks[0], chunks[0].text, 0.5) if chunks else None


def _as_written(sentence: str, meta, line: str) -> str:
    """The answer's dates as its evidence line writes them ("08/03/2019", not "08/3/2019"): the words a reader
    looks for in the source."""
    for iso in (meta.date, meta.published):
        shown = display_date(iso)
        if shown and shown in sentence:
            sentence = sentence.replace(shown, date_as_written(line, iso) or shown)
    return sentence


def _line_around(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].strip()
    if len(line) < 40:  # a bare "Lĩnh vực …" line reads better with its neighbours
        block_end = text.find("\n", end + 1) if end >= 0 else -1
        line = text[start : block_end if block_end >= 0 else len(text)].strip().replace("\n", "; ")
    return line


# Words that name a plan or ask for one of its facts, as whole words (syllable pairs stay together: "thành" of
# "thành phố" is no "thành" of "thành lập"); what is left of a question after removing them (and the plan's own
# title and issuer words) is what it asks about beyond the plan's metadata.
_PLAN_PHRASES = re.compile(r"\b(?:" + "|".join(sorted((
    "ke hoach", "cong van", "quyet dinh", "chi thi", "van ban", "chuong trinh", "so hieu", "ky hieu", "ban hanh",
    "khi nao", "bao gio", "thoi gian", "nguoi ky", "co quan", "don vi", "linh vuc", "tam nhin", "giai doan",
    "can cu", "thuc hien", "trien khai", "xay dung", "thu tuong", "chinh phu", "bao nhieu", "hanh dong",
    "ngoai giao", "van hoa", "chien luoc", "thanh pho", "uy ban nhan dan", "bai viet", "som hon", "so may",
    "ngay", "thang", "nam", "ai", "ky", "loai", "den", "vao", "la", "cua", "duoc", "gi", "nao", "may", "do",
    "tinh", "ubnd", "tin", "dang", "ve", "cai", "truoc", "som", "hon", "muon", "doi ngoai", "cho", "voi", "tai",
    "kinh gui", "gui", "toi", "nhung", "cac", "noi nhan", "bao cao", "thong bao",
    # "Đề án X được phê duyệt theo quyết định số mấy?": the act that issued the document, asked of it
    "phe duyet", "theo quyet dinh", "bang quyet dinh",
    # "Dự thảo KH … dự kiến do ai ký?": a draft is the plan as it stands, its signer the one it names
    "du thao", "du kien",
    # "QĐ 2391 và KH 51 lần lượt ban hành ngày nào?": each named text's own fact
    "lan luot", "va",
    # "Biên bản … ai ký cho mỗi bên?": the parties a record or agreement is signed by
    "moi ben", "hai ben", "cac ben", "moi phia", "hai phia",
), key=len, reverse=True)) + r")\b")
RESIDUAL_SYLLABLES = 2


def _own_words(plan, accented: bool) -> frozenset[str]:
    """The syllables naming the plan (title, issuer, province): as written, or folded."""
    # typed with diacritics, a syllable is the plan's own only as written ("báo cáo" is not "Bảo Sơn")
    form = vi.syllables if accented else vi.folded_syllables
    title = plan.meta.title if " " in (plan.meta.title or "") else ""  # a file name is no title
    return frozenset(form(f"{title} {plan.meta.issuer or ''} {plan.meta.province or ''}"))


def _own_accented(plan) -> frozenset[str]:
    return _own_words(plan, True)


def _own_folded(plan) -> frozenset[str]:
    return _own_words(plan, False)


def about_the_plan(pq, plans: list, residual: int = RESIDUAL_SYLLABLES, index: PlanIndex | None = None) -> bool:
    """True when the question asks for a fact of the plan itself, not about something in its text.

    `index`: the plans' naming syllables are kept per plan record there (a question about every stored plan
    would otherwise read all their titles again)."""
    text = pq.content or pq.text
    form = vi.syllables if pq.accented else vi.folded_syllables
    own: set[str] = set()
    for plan in plans:
        if plan is not None:
            if index is None:
                own |= _own_words(plan, pq.accented)
            else:
                own |= index.derived("own_accented", plan, _own_accented) if pq.accented else index.derived(
                    "own_folded", plan, _own_folded)
    folded = vi.fold_same_length(text).lower()
    kept = "".join(" " if any(s <= i < e for s, e in spans) else c
                   for spans in [[m.span() for m in _PLAN_PHRASES.finditer(folded)]] for i, c in enumerate(text))
    left = [s for s in form(kept) if s not in own and not s.isdigit()]
    return len(left) <= residual


# "… căn cứ vào những văn bản nào", "các văn bản làm căn cứ": every ground, not the national one alone
ALL_GROUNDS = re.compile(r"\b(?:nhung|cac) (?:van ban|can cu|co so)(?: [a-z]+){0,2} (?:nao|gi)\b|\bcan cu (?:vao )?nhung\b")


def cited_name(number: str, meta) -> str:
    """A document the plan cites, named with its date as the citing sentence writes it when the text gives one
    ("Kế hoạch số 09/KH-UBND ngày 05/01/2028")."""
    m = next((m for m in meta.mentions if m.get("number") == number and m.get("date")), None)
    return f"{document_name(number)} ngày {date_as_written(m.get('sentence') or '', m['date'])}" if m else document_name(number)


def grounds_point(plan, chunks: list) -> Point | None:
    """Every document the plan rests on ("Căn cứ …", "Thực hiện …"), in the order it cites them; None for one or none."""
    grounds = list(dict.fromkeys(m["number"] for m in plan.meta.mentions
                                 if m.get("relation") == "implements" and m.get("number")))
    if len(grounds) < 2:
        return None
    chunk = next((c for c in chunks if grounds[0] in c.text), None)
    if chunk is None:
        return None
    text = f"{plan_label(plan.meta)} căn cứ: {'; '.join(cited_name(n, plan.meta) for n in grounds)}."
    return Point(text, chunk, _line_around(chunk.text, chunk.text.find(grounds[0])), 1.0)

