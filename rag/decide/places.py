"""The places a question names and whether the passages that answer name them: each foreign place ("… tại Pháp
không?"), read as written (with tone marks, a one-syllable alias "Nhật", "Hàn" with its capital), and the venue
after "tại/ở" ("Tổng lãnh sự tại Vancouver")."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace

from ground import vi
from ground.countries import REGION_COUNTRIES
from ground.foreign_places import COUNTRIES, FOREIGN_PLACES, NEIGHBOURS
from ground.places import canonical_province, iter_mentions
from ground.syllables import is_syllable
from rag.find.firsts import MONEY_FIGURE
from rag.understand import entities
from rag.understand.entities import foreign_places, spelled
from rag.understand.question import Question

LATIN_NAME = 5  # letters from which a name without tone marks is a foreign spelling, not a Vietnamese word
_PUNCTUATION = re.compile(r"[^\w\s]")
_TYPED_VENUE = re.compile(r"\b(?:tai|o) (?:thu do|thanh pho|bang|dao) (?!(?:nao|dau|gi)\b)([a-z]+)\b")  # not "ở thành phố nào"


# what follows "tại" in "phát biểu tại Tết Cộng đồng …" is an occasion, not a place
_EVENT_HEAD = re.compile(r"(?:tet|le|chuong trinh|su kien|buoi|le hoi|lien hoan|hoi (?:thao|cho|nghi|thi)|trien lam"
                         r"|tuan (?:le|van hoa)|cuoc thi|dien dan|festival|dai hoi|ngay (?:hoi|van hoa))\b")


def place_venues(text: str) -> list[entities.Entity]:
    """The names after "tại/ở" that are places, not occasions ("tại Tết Cộng đồng … ở Vancouver": Vancouver)."""
    return [v for v in entities.venues(text) if not _EVENT_HEAD.match(vi.fold(v.text))]


def asked_venues(q: Question) -> list[str]:
    """The places after "tại/ở" a question names that are no province ("… tại Vancouver là ai?", typed plainly "o
    thanh pho toulouse"): a province scopes the plans instead, a venue must be in the lines that answer."""
    provinces = [(m.start, m.end) for m in iter_mentions(q.text)]  # ("tại TP.HCM": no venue "TP")
    named = [v.text for v in place_venues(q.text) if not any(a < v.end and v.start < b for a, b in provinces)] \
        or [m.group(1) for m in _TYPED_VENUE.finditer(q.pq.folded)]
    return [v for v in named if not canonical_province(v)]


SPELLED_ALIKE = 7  # letters from which a foreign name is said by a spelling one letter off ("Copenhaghen")


def one_letter_off(a: str, b: str) -> bool:
    """a and b differ by at most one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


def _spelled_alike(name: str, words: list[str]) -> bool:
    """A one-word foreign name (folded) written one letter off among the words: pages spell foreign places their
    own way ("Copenhaghen", "Vientian"), a reader takes them for the same place."""
    return len(name) >= SPELLED_ALIKE and " " not in name and any(
        w[:1] == name[:1] and one_letter_off(name, w) for w in words if abs(len(w) - len(name)) <= 1)


def venue_said(venue: str, said: str) -> bool:
    """The venue's words, in a row, among the words of a text folded and collapsed (vi.collapse): "Côn Minh" is
    not said by a text with "con" somewhere and "Minh" elsewhere."""
    folded = vi.collapse(venue)
    return f" {folded} " in f" {said} " or _spelled_alike(folded, said.split())


def names_foreign_places(question: str, texts: list[str]) -> bool:
    """Every country or foreign place the question names is in the passages that answer it: "… tại Pháp
    không?" is not answered by a passage about other foreign localities."""
    # read alone, not among the other entities: "Bộ Văn hóa Ba Lan" is an agency, and names Ba Lan
    places = [e.name for e in foreign_places(question)]
    if not places:  # nothing to look for: the passages are not read (every two-part answer asks this)
        return True
    # read with tone marks ("lần thứ nhất ban hành" names no Nhật Bản); one syllable also with its capital ("cập
    # nhật"), not after "tiếng" (a language) nor opening a person's name ("Phan Nhật Quang")
    written = f' {" ".join(vi.normalize(" | ".join(texts)).split())} '
    spoken = " " + " ".join(_PUNCTUATION.sub(" ", written.lower()).split()) + " "

    capitalised = vi.strip_marks(written)

    def named(alias: str) -> bool:
        if " " in alias.strip():  # (a proper name of several syllables whatever its tones: "Khăm Muồn", "Khăm Muộn";
            # written with its capitals, so "lần thứ nhất ban hành" names no "Nhật Bản")
            proper = r"\W+".join(re.escape(w[:1].upper() + w[1:]) for w in vi.fold(alias).lower().split())
            return f" {vi.normalize(alias).lower()} " in spoken or re.search(rf"\b{proper}\b", capitalised) is not None
        one = "-?".join(re.escape(part) for part in vi.normalize(alias).split("-"))  # ("Ôxtrâylia" is "Ô-xtrây-li-a")
        # (a foreign spelling, "Mexico", "UNESCO", in any case)
        if (pattern := spelled(alias)) and re.search(rf"\W(?i:{pattern})(?=\W)", vi.fold_same_length(written)):
            return True  # "Peru" spelled by syllables, "Pê-ru", read with its tones aside
        if len(alias) >= LATIN_NAME and not vi.has_diacritics(alias):
            one = f"(?i:{one})"
            if _spelled_alike(alias.lower(), spoken.split()):
                return True
        # "sang tiếng Nhật" (typed bare too, "tieng Lao"): the language asked is named so too
        if re.search(rf"\b[Tt]iếng {one}\b", question) or re.search(rf"\btieng {re.escape(vi.collapse(alias))}\b", vi.collapse(question)):
            return re.search(rf"\W{one}(?=\W)(?!\s+[{vi.UPPER}])", written) is not None
        # (a Latin name before a capital is still the place: "Canada Mélanie Joly"; "Nhật Quang" is a name)
        latin = len(alias) >= LATIN_NAME and not vi.has_diacritics(alias)
        # (…nor "Chủ Nhật", Sunday)
        return re.search(rf"(?<![Tt]iếng)(?<![Cc]hủ)\W{one}(?=\W)" + ("" if latin else rf"(?!\s+[{vi.UPPER}])"), written) is not None

    # (a country is named by one of its provinces too: "lưu học sinh tỉnh Sê Kông" is of Lào; and by the region a rate
    # is set for, "tại các nước châu Á" for Nhật Bản, "ngoài châu Á" for Pháp)
    return all(any(named(a) for a in (name, *FOREIGN_PLACES.get(name, ()), *sorted(NEIGHBOURS.get(name, ()))))
               or _region_said(name, spoken) for name in places)


def _region_said(country: str, spoken: str) -> bool:
    for region, countries in REGION_COUNTRIES.items():
        said = vi.normalize(region).lower()
        outside = spoken.count(f" ngoài {said} ")  # "tại các nước ngoài châu Á": every country but its own
        if country in countries and spoken.count(f" {said} ") > outside or country not in countries and outside:
            return True
    return False


def sum_of_elsewhere(question: str, lines: Collection[str],
                     documents: Callable[[], Collection[str]] = lambda: ()) -> str | None:
    """"Kinh phí tổ chức … tại Gifu năm 2024?": the sums shown are of another thing when no line stating one (with its
    heading and its document's title) names the foreign place asked; the line naming the place states none."""
    places = [e.name for e in entities.foreign_places(question)]
    # (a foreign name no gazetteer holds, "Gifu", "Chungcheongbuk-do": a capitalised word no Vietnamese syllable spells)
    # (in a question typed with tone marks only: typed without, "Viet", "Quynh" are Vietnamese words)
    # (…where the question places the thing: "tổ chức … tại Gifu", not the body that holds it, "CardiacLife Foundation")
    names = [w for w in _LATIN_NAME.findall(question) if not is_syllable(w.split("-")[0].lower())
             and re.search(rf"\b(?:tại|ở|sang|đến|thăm|đi|tỉnh|thành phố|vùng|bang)\s+(?:\S+\s+){{0,2}}{re.escape(w)}\b", question)] \
        if vi.has_diacritics(question) else []
    stating = [line for line in lines if _SUM.search(line.split("\n", 1)[0])]
    # (the rule needs a line naming the place that states no sum: with none shown, which thing a sum is of is not told)
    naming = [line for line in lines if line not in stating and (
        places and names_foreign_places(question, [line.split("\n", 1)[0]])
        or names and all(re.search(rf"\b{re.escape(w)}\b", line.split("\n", 1)[0]) for w in names))]
    if not places and not names or not stating or not naming:
        return None
    # (documents about the place asked alone, naming no other, are of it throughout: a letter on a delegation to Đức)
    named = [{e.name for e in entities.foreign_places(d)} for d in documents()]  # (read only when it is needed)
    if places and named and all(n and n <= set(places) for n in named):
        return None
    # (a title naming other places too, "… tại Ba Lan, Mexico và Nam Phi", says nothing of which the sum is of)
    asked = set(places)
    stating = [line if {e.name for e in entities.foreign_places(line.rsplit("\n", 1)[-1])} <= asked
               else line.rsplit("\n", 1)[0] for line in stating]
    if places and any(names_foreign_places(question, [line]) for line in stating) or names and any(
            all(re.search(rf"\b{re.escape(w)}\b", line) for w in names) for line in stating):
        return None
    return f"kinh phí của hoạt động tại {', '.join(dict.fromkeys(places + names))}"


_LATIN_NAME = re.compile(r"\b[A-Z][a-z]{3,}(?:-[a-z]+)?\b")  # "Gifu", "Chungcheongbuk-do" (no diacritics, not "OCOP")
_SUM = re.compile(MONEY_FIGURE)


# words borrowed into Vietnamese that name a kind of thing, not one ("Festival Huế", "Expo")
_LOANWORDS = frozenset("festival carnaval carnival expo forum online website internet video clip marketing logo slogan "
                       "show tour game team fanpage email".split())
# one Vietnamese syllable typed without its marks ("Quyet", "Khue"): onset, vowels, coda
_VIET_SHAPE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnptiouy])?")


def unsaid_foreign_name(question: str, documents: Callable[[], Collection[str]]) -> str | None:
    """"… ký MoU với Đại học Ashikaga ngày nào?" of a page telling of another partner (Nippon): a foreign name asked (a
    Latin word no Vietnamese syllable spells) that the documents the lines come from never write (spaces and hyphens
    aside: "Cam-pu-chia") speaks of something else."""
    names = asked_foreign_names(question)
    if not names:
        return None
    compact = _compact(vi.fold("\n".join(documents())).lower())
    return next((f"thông tin về {w}" for w in names if _compact(vi.fold(w).lower()) not in compact), None)


def with_asked_names(question: str, hits: list, told: Callable[[str], str]) -> list:
    """"discovery marathon 2023 o quang binh có những cự ly nào?": when some of the passages' documents write every
    foreign name the question asks ("Discovery") and others do not, only theirs answer; the others' lines share the
    question's other words ("cự ly") but are of another event."""
    names = asked_foreign_names(question)
    if not names or not hits:
        return hits
    plans = list(dict.fromkeys(h.chunk.plan_id for h in hits))
    wanted = [_compact(vi.fold(w).lower()) for w in names]
    writing = {pid for pid in plans if all(w in text for text in [_compact(vi.fold(told(pid)).lower())] for w in wanted)}
    return [h for h in hits if h.chunk.plan_id in writing] if writing and len(writing) < len(plans) else hits


def asked_foreign_names(question: str) -> list[str]:
    """The foreign names a question asks of: Latin words no Vietnamese syllable spells ("Ashikaga", "discovery")."""
    names = [w for w in _LATIN_NAME.findall(question) if not is_syllable(w) and not _VIET_SHAPE.fullmatch(vi.fold(w).lower())
             and w.lower() not in _LOANWORDS and not foreign_places(w) and not canonical_province(w)]
    if not vi.has_diacritics(question):  # typed plainly, a name is in lower case too ("tai sydney"): a word of two vowel
        # groups no Vietnamese syllable spells (not "ubnd", "vhttdl", shorthand of one vowel or none)
        names += [w for w in re.findall(r"\b[a-z]{4,}\b", question.lower()) if not _VIET_SHAPE.fullmatch(w)
                  and len(re.findall(r"[aeiouy]+", w)) >= 2 and w not in _LOANWORDS and not is_syllable(w)
                  and not foreign_places(w.capitalize()) and not canonical_province(w)]
    return names


def _compact(text: str) -> str:
    return re.sub(r"[\s\-–]+", "", text)


# "kết nghĩa với tỉnh nào của Hàn Quốc?": a place within the country is asked, which the country's own name is not
_WITHIN = re.compile(r"\b(?:tinh|thanh pho|dia phuong|bang|vung|quan|huyen|thu do|khu vuc) nao (?:cua|o|thuoc|tai|ben) ")
_UNIT_NAMED = re.compile(rf"(?i:\b(?:tỉnh|thành phố|tiểu bang|bang|vùng|quận|huyện|hạt|châu|thị trấn|trấn|xã|thôn|hương|làng|khu tự trị"
                         rf"|phường|thủ phủ|đặc khu|đảo|thủ đô"
                         rf"|tỉnh trưởng|thị trưởng))\s+[{vi.UPPER}]")


def unsaid_place_within(question: str, shown: str) -> str | None:
    """A place within a country asked ("tỉnh nào của Hàn Quốc") of lines naming only the country ("… của Nhật Bản và
    Hàn Quốc đã được nghiên cứu"): no line says which; said in words."""
    m = _WITHIN.search(vi.fold_same_length(question).lower())
    country = next((e.name for e in foreign_places(question) if m and e.start >= m.end()), None)
    if country is None:
        return None
    within = [e for e in foreign_places(shown) if e.name != country and e.name not in COUNTRIES]
    # (…or a foreign name no gazetteer holds: "Baranya | Hungary | Biên bản ghi nhớ")
    latin = [w for w in _LATIN_NAME.findall(shown) if not is_syllable(w.lower()) and w.lower() not in _LOANWORDS
             and not foreign_places(w)]
    if within or latin or _UNIT_NAMED.search(shown):
        return None
    kind = question[m.start():m.start() + len(m.group(0).split(" nao ")[0])] if m else ""
    return f"{kind} của {country} được hỏi"


KEYED_HITS = 3  # how far down a passage whose line is keyed by the place asked may stand


def keyed_by_place(question: str, hits: list) -> list:
    """The top passages with a line that opens with a foreign place the question names ("Nhật Bản: địa phương cử
    đoàn: Tỉnh Aomori; …", "| 6 | Nhật Bản | …"): a row of that place, not a mention in passing."""
    if not foreign_places(question):
        return []
    return [hit for hit in hits[:KEYED_HITS] if any(row_of_place(question, line) for line in hit.chunk.text.split("\n"))]


KEYED_ROWS = 2  # rows of the place asked brought up from the top passages' documents


def with_place_rows(question: str, hits: list, chunks_of: Callable[[str], list]) -> list:
    """"Kiều bào của tỉnh ở Đức có bao nhiêu người?": when no top passage has a row of a foreign place the question
    names, the passages of the top documents with such a row ("Đức: số người (ước tính): 2.310 người") come next after
    the best; a table's rows carry its caption's words, not the question's."""
    if not hits or not foreign_places(question) or keyed_by_place(question, hits):
        return hits
    plans = list(dict.fromkeys(h.chunk.plan_id for h in hits[:KEYED_HITS]))
    shown = {h.chunk.id for h in hits}
    rows = [replace(hits[0], chunk=c, dense=None, lexical=None) for pid in plans for c in chunks_of(pid)
            if c.id not in shown and any(row_of_place(question, line) for line in c.text.split("\n"))][:KEYED_ROWS]
    return hits[:1] + rows + hits[1:] if rows else hits


ROW_KEY_WORDS = 4  # a row's key is the place itself ("Đài Loan (Trung Quốc)"), not a phrase naming it ("Quản lý … Lào")


def row_of_place(question: str, line: str) -> bool:
    """The line is a row keyed by a foreign place the question names: "Đức: số người (ước tính): 2.310 người"."""
    key = re.split(r"[:|]", re.sub(r"^[\s|\d.)\-–•+]*", "", line), maxsplit=1)[0]
    return (":" in line or "|" in line) and len(key.split()) <= ROW_KEY_WORDS and names_foreign_places(question, [key])


def figure_of_unsaid_province(q: Question, shown: str, own: Collection[str]) -> str | None:
    """"Còn Lai Châu được phân bổ bao nhiêu?" of a line of the Lào Cai page: a figure asked of a province the cited
    texts are not of is given by a line naming it (or a title of theirs does); said in words otherwise."""
    if q.answer_type != "number" or len(q.parts) > 1 or not vi.has_diacritics(q.text):
        return None  # (typed bare, a place is read too loosely: "Chiem Ha nam 2023" names no Hà Nam)
    said = vi.collapse(shown)
    missing = [p for p in q.pq.provinces if canonical_province(p) and p not in own and vi.collapse(p) not in said]
    return f"số liệu của {', '.join(missing)}" if missing else None
