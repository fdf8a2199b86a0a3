"""What a follow-up's words point back to in the conversation: the places the previous question names, where a
place's owner words or a number's kind start, and the one activity the last answer named."""
from __future__ import annotations

import re

from ground import vi
from rag.decide.holders import names_person
from rag.decide.places import place_venues
from rag.dialogue.state import Conversation, issuer_place
from rag.understand.entities import Entity, foreign_places
from rag.understand.named import find_entities
from rag.understand.question import answer_type


def context_places(prev: str, context: Conversation) -> list[Entity]:
    """The places the conversation is about, where the previous question names them: a place only the store
    knows ("Lam Giang") or a venue abroad ("ở Vancouver") is not found by the gazetteers, yet it is the one an
    ellipsis replaces."""
    # (a place the conversation is about read as a body — "Trường Diên", a school's word — is the place)
    known = {e.start for e in find_entities(prev) if e.kind != "agency"}
    folded = vi.fold_same_length(prev).lower()
    names = list(dict.fromkeys(context.provinces + [p.province for p in context.plans if p.province]
                               + [n for n in (issuer_place(p.issuer) for p in context.plans) if n]))
    out = []
    for name in names:
        m = re.search(r"(?<!\w)" + r"\W+".join(map(re.escape, vi.fold(name).split())) + r"(?!\w)", folded)
        if m and m.start() not in known:
            out.append(Entity("province", m.start(), m.end(), prev[m.start():m.end()], name))
    # a venue no gazetteer knows ("… ở Vancouver?") is the foreign place "còn ở Côn Minh thì sao?" replaces
    out += [Entity("venue", v.start, v.end, v.text, v.text) for v in place_venues(prev)
            if not any(e.start <= v.start < e.end for e in find_entities(prev))]
    return out



def carried_places(body: str, context: Conversation) -> str:
    """" (Hàn Quốc)" when the previous question named a country and the last answer's lines said it, and the follow-up
    names none ("phụ cấp lưu trú bao nhiêu?" after "đi công tác Hàn Quốc thuộc nhóm nước nào?" is asked of Hàn Quốc
    still, and "còn đi Lào thì sao?" then swaps it); "" otherwise."""
    if foreign_places(body):
        return ""
    said = vi.collapse(" ".join(str(p.get("text") or "") for p in context.points))
    named = [e.text for e in foreign_places(context.question) if vi.collapse(e.text) in said]
    return f" ({', '.join(dict.fromkeys(named))})" if named else ""


_OWNER_WORDS = re.compile(r"(?:\b(?:của|cua)\s+)?(?:\b(?:tỉnh|tinh|thành phố|thanh pho|tp\.?)\s+)?$", re.IGNORECASE)


def owner_start(text: str, start: int) -> int:
    """Where "của tỉnh Cao Bằng" starts, for the province at `start` (a number replaces all of it)."""
    match = _OWNER_WORDS.search(text[:start].rstrip() + " " if start else "")
    return match.start() if match and match.group(0).strip() else start


_KIND_BEFORE = re.compile(r"\b(kế hoạch|công văn|quyết định|chỉ thị|nghị quyết|chương trình|ke hoach|cong van|quyet dinh"
                          r"|chi thi|nghi quyet|chuong trinh)(?:\s+(?:số|so))?\s+$", re.IGNORECASE)


def kind_before(text: str, start: int) -> re.Match | None:
    """The document kind written right before a number ("Chỉ thị [số] 25/CT-TTg")."""
    return _KIND_BEFORE.search(text[:start])


# what a follow-up may ask of the one activity the last answer named
ITEM_FIELD = re.compile(r"\b(?:kinh phi|chu tri|phoi hop|thoi gian|thoi han|han chot|thang may|quy may|khi nao|bao gio|o dau|tai dau|ngay nao"
                         r"|ket qua|san pham|bao nhieu|truong doan|dan dau)\b")  # (a delegation's leader too)
ITEM_CHARS = 120
# the words such a follow-up is made of; a follow-up with more words of its own names its own subject
_ITEM_WORDS = set("kinh phi chu tri phoi hop thoi gian thang quy may khi nao bao gio o dau tai ket qua san pham bao "
                  "nhieu voi co quan don vi nao ai phai xong hoan thanh han la gi the nhung duoc bang nguon tu dien ra "
                  "to chuc va con thi cung nhu vay hoat dong nay do khoang du kien tong nhiem vu viec ay truoc ngay "
                  "sau lam truong doan dan dau chot cua no".split())  # hedges: "khoảng"; "nhiệm vụ đó phải xong trước ngày nào?"
ITEM_OWN_SYLLABLES = 2
NOT_ITEM_KINDS = frozenset({"metadata", "catalog", "overview", "standing"})
_BODY_WORDS = {"Bộ", "Sở", "Ban", "Tỉnh", "Ủy", "UBND", "Phòng", "Cục", "Vụ", "Hội", "Đoàn", "Nhà", "Nước"}  # "trình Bộ"


_NUMBERED_ITEM = re.compile(r"\b(?:số|so|thứ|thu)\s*\d{1,3}\b", re.IGNORECASE)


def item_followup(body: str) -> bool:
    """"kinh phí bao nhiêu?", "phối hợp với cơ quan nào, bao giờ phải xong?": a field asked of the last item."""
    own = [s for s in vi.folded_syllables(body) if s not in _ITEM_WORDS]
    # "… với Yokohama …", "… ở Busan …": a name (a known entity, or a capitalised word inside the question) is a
    # subject of its own
    # (…and so is an item named by its number: "còn nhiệm vụ số 8 thì kinh phí bao nhiêu?")
    named = any(e.kind != "year" for e in find_entities(body)) or any(
        w[:1].isupper() and w.strip("?,.") not in _BODY_WORDS for w in body.split()[1:]) or bool(_NUMBERED_ITEM.search(body))
    return bool(ITEM_FIELD.search(vi.collapse(body))) and len(own) <= ITEM_OWN_SYLLABLES and not named


def one_item(context: Conversation) -> str | None:
    """The one activity or task the last answer named (its only point), as the subject of a follow-up."""
    if len(context.points) != 1 or context.kind in NOT_ITEM_KINDS:
        return None  # "Số hiệu của văn bản là …" is a fact of the plan, not an activity a follow-up asks about
    said = re.sub(r"\s*\[\d+\]", "", str(context.points[0].get("text") or ""))
    if answer_type(vi.collapse(context.question)) == "person" and names_person(said):
        return None  # "… là ai?" was answered by a person: "tổng duyệt ngày nào?" then asks of the plan, not of them
    # "Nhiệm vụ 6: Nền tảng số …; thực hiện: …": a task row is named by its task, not by its number; "Phòng Kinh tế
    # chủ trì: Lắp đặt biển chỉ dẫn song ngữ (thời hạn: Tháng 6/2027)": a duty listed for its body, by the duty
    lead = _ROW_LEAD.match(said) or _DUTY_LEAD.match(said)
    if lead:
        said = re.sub(r"\s*\((?:thời hạn|kinh phí)[^()]*\)\s*$", "", said[lead.end():].split(";")[0])
    text = said.split(":")[0].strip(" .;")
    if len(text) > ITEM_CHARS:  # a sentence, not an activity's title: the activity it names ('Trại hè … "Cầu vồng"')
        named = _NAMED_ACTIVITY.search(text)
        if not named:
            return None
        kind = _ACTIVITY_VERB.split(named.group(1))[-1].strip()  # 'Hội … chủ trì tổ chức chương trình' → 'chương trình'
        return f"{kind[:1].upper()}{kind[1:]} “{named.group(2)}”" if kind else None
    return text if len(text.split()) >= 3 else None


_ROW_LEAD = re.compile(r"^Nhiệm vụ \d+[a-z]?\s*[:.]\s*")
_DUTY_LEAD = re.compile(r"^[^:]{2,80}? (?:chủ trì|phối hợp|thực hiện)\s*:\s*")
# a kind of activity and its quoted name: 'Trại hè hữu nghị thiếu nhi "Cầu vồng sông Vọng"'
_NAMED_ACTIVITY = re.compile(rf"([{vi.UPPER}][^\"“”,.;:()]{{2,50}}?)\s*[\"“]([^\"”]{{3,60}})[\"”]")
_ACTIVITY_VERB = re.compile(r"\b(?:chủ trì|tổ chức|phối hợp|thực hiện|triển khai|tham gia|vận động|tiếp nhận)\b\s*",
                            re.IGNORECASE)


# "ông ấy", "bà đó", "người này", "vị ấy", "đồng chí đó": the person the last answer named
PERSON_REF = re.compile(r"\b(?:ông|bà|người|vị|đồng chí)\s+(?:ấy|đó|này|kia)\b|\b(?:ong|ba|nguoi|vi|dong chi)\s+(?:ay|do|nay)\b",
                        re.IGNORECASE)


def person_named(context: Conversation) -> str | None:
    """The full name the last answer gives first ("… Giám đốc Sở Ngoại vụ, ông Đặng Quang Tuấn cho biết"), for a
    follow-up that points back at that person; None when it names nobody."""
    from rag.understand.entities import persons

    for point in context.points:
        text = point.get("text") or ""
        named = [(e.start, e.text) for e in persons(text) if _FULL_NAME.fullmatch(e.text)]
        named += [(m.start(1), m.group(1)) for m in _HONOURED.finditer(text)]  # "Ông Lê Hải Hòa - Phó Chủ tịch …"
        if named:
            return min(named)[1]
    return None


_NOT_ASKED = frozenset("duoc co la da se con van nhung cac cua cho trong nam thang ngay cuoi dau nay".split())


def asked_of(question: str, name: str) -> str | None:
    """The first words a question asks of a person beside the name and question words ("khen thuong" of "Bàn Thị
    Mai Hoa được khen thưởng gì cuối năm 2027?"): what a line about that person must say."""
    from rag.understand.question import without_question_words

    named = set(vi.folded_syllables(name))
    own = [s for s in vi.folded_syllables(without_question_words(question))
           if s not in named and s not in _NOT_ASKED and not s.isdigit() and len(s) > 1]
    return " ".join(own[:2]) if len(own) >= 2 else None


_FULL_NAME = re.compile(rf"[{vi.UPPER}][{vi.LOWER}]+(?:\s+[{vi.UPPER}][{vi.LOWER}]+){{1,3}}")
# (…or a doctor's, a professor's, an excellency's: "Tiến sĩ Guy Martili-Trưởng Ban …", "Ngài Kim Jong-su")
_HONOURED = re.compile(rf"\b(?:[ÔôBb](?:ng|à)|[Đđ]ồng chí|[Nn]gài|[Tt]iến s[ĩỹ]|[Gg]iáo sư|(?:PGS\.\s*)?TS\.|GS\.)\s*"
                       rf"({_FULL_NAME.pattern})(?![{vi.LOWER}])")


# "họ", "đoàn đó", "nhóm ấy": the delegation or group the last question named ("Còn đoàn Hàn Quốc?" then "Họ biểu diễn
# tiết mục gì?"); not "họ tên", the name asked
GROUP_REF = re.compile(r"^\s*(?:họ|ho)\b(?!\s+(?:tên|ten|và tên|va ten|đệm|dem)\b)"
                       r"|\b(?:đoàn|nhóm|doan|nhom)\s+(?:ấy|đó|này|ay|do|nay)\b", re.IGNORECASE)
_GROUP = re.compile(rf"\b(?:[Đđ]oàn|[Dd]oan|[Nn]hóm)\s+(?:(?:tỉnh|tinh|thành phố|thanh pho|nghệ thuật|nghe thuat)\s+)?"
                    rf"[{vi.UPPER}]\w*(?:\s+[{vi.UPPER}]\w*)*")


def group_named(context: Conversation) -> str | None:
    """The delegation or group the last question named by its own name ("Đoàn Hàn Quốc", "đoàn tỉnh Nong Khai")."""
    m = _GROUP.search(context.question or "")
    return m.group(0) if m else None


# "khoản đó", "số tiền này", "nguồn kinh phí đó": the sum the last question asked about
AMOUNT_REF = re.compile(r"\b(?:khoản|số tiền|nguồn|món)(?: kinh phí| tiền| vốn)?\s+(?:ấy|đó|này|trên)\b"
                        r"|\b(?:khoan|so tien|nguon|mon)(?: kinh phi| tien| von)?\s+(?:ay|do|nay|tren)\b", re.IGNORECASE)
_ASKING_TAIL = re.compile(r"\s+(?:chiếm|là|được|có|chiem|la|duoc|co)?\s*(?:bao nhiêu|bao nhieu|mấy|may)\b.*$", re.IGNORECASE)


def amount_asked(context: Conversation) -> str | None:
    """What the last question asked the sum of ("Ngân sách cấp xã chiếm bao nhiêu trong …?" → "ngân sách cấp xã"),
    for a follow-up that points back at that sum; None when it asked no sum of a named thing."""
    head = _ASKING_TAIL.sub("", context.question).strip(" ?,")
    if not head or head == context.question.strip(" ?,") or len(head.split()) > MAX_AMOUNT_WORDS:
        return None
    return head[:1].lower() + head[1:]


MAX_AMOUNT_WORDS = 8  # a sum's name ("ngân sách cấp xã"), not a clause


_YEAR_POINTED = re.compile(r"(?<!\w)(năm|nam|Năm|Nam) (đó|ấy|này|do|ay)(?!\w)")  # (bare "nam nay" is this year)
_ONE_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def year_pointed(text: str, context: Conversation) -> str:
    """"kim ngạch năm đó thì sao?" after "Năm 2023 có bao nhiêu …?": the year the last question named, in its place."""
    m = _YEAR_POINTED.search(text)
    years = set(_ONE_YEAR.findall(context.question))
    if m is None or len(years) != 1:
        return text
    return f"{text[:m.start()]}{m.group(1)} {years.pop()}{text[m.end():]}"
