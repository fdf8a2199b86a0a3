"""The places a question names by their kind — a province ("tỉnh Bắc Hải Sơn"), a district, town or ward ("huyện Dầu
Tiếng", "tx sa pa") — read as typed, and whether any stored text writes them."""
from __future__ import annotations

import re

from ground import vi
from ground.places import canonical_province, iter_mentions
from rag.find.plans import PlanIndex
from rag.understand.entities import foreign_places
from rag.understand.names import ParsedQuery
from rag.understand.terms import FOLDED_STOPWORDS

# "tỉnh Bắc Hải Sơn", "thanh pho X": a place named by its kind; its name runs until a word no name is made of
# matched on the same-length fold, so that "UBND tỉnh, Bộ VHTTDL" (a comma) names no place
# ("cap tinh hen hai truong …": "cấp tỉnh", the provincial level, names no province)
_PLACE_NAMED = re.compile(r"(?<![a-z0-9])(?<!cap )(?:tinh|thanh pho|tp)\.? ([a-z]+(?: [a-z]+){1,3})")
NOT_NAME = FOLDED_STOPWORDS | set(
    "nao gi co da se giao ban hanh trien khai thuc hien to chuc phai lam ta minh nha ve va cua nay do ay "
    "tren ke hoach van ban chuong trinh ngoai giao hoa doi bien gioi ket nghia ban dan uy nhan so bo hoi doan cong "
    "an quan su chi huy lien hiep truong hoc bao nhieu dau tai thi "
    # (…nor a verb of going after the name: "doan tinh Kep sang kien giang", "tinh X den tham", "tinh X chuc tet")
    "sang den toi tham chuc ghe lam viec "
    # (…nor when it is asked: "thanh pho angers ngay nao", "tinh X nam nao")
    "ngay thang khi luc hom".split())  # (…nor a question's words: "tinh bao nhieu", "tinh miyagi tai thai binh")


# what a question names a district, town or ward by ("huyện Dầu Tiếng", "tx sa pa"). Typed with diacritics, the kind
# is written as such and the name capitalised; without, only kinds that are no common word ("quan" is "quan hệ",
# "phuong" is "địa phương"); a commune ("xã") never ("xã hội")
_LOCAL_KIND_TYPED = re.compile(rf"(?i:huyện|thị xã|quận|phường|thị trấn|thành phố|xã)\s+([{vi.UPPER}]\w*)\s+([{vi.UPPER}]\w*)")
# not "địa phương", nor "xã, phường chưa ban hành …" (the kinds together name every unit of them, not one)
# (not after a province's kind: "tinh Phuong Dai" is a province whose name begins like a ward's kind)
_LOCAL_KIND_FOLDED = re.compile(r"(?<![a-z0-9])(?<!dia )(?<!xa )(?<!xa, )(?<!cac )(?<!tinh )(?<!tp )(?<!thanh pho )(?:huyen|thi xa|tx|thi tran|phuong|(?<=ubnd )xa|(?<=uy ban nhan dan )xa) ([a-z]+) ([a-z]+)")
# "phương án", "phương thức", "phương hướng": words, not a ward
_NOT_WARD = frozenset("an thuc huong phap tien cham cach dong tay nam bac ngang".split())


def local_place(pq: ParsedQuery) -> str | None:
    """The first two folded syllables of a district, town or ward the question names by its kind."""
    if pq.accented:
        for m in _LOCAL_KIND_TYPED.finditer(pq.text):
            named = [n for n in iter_mentions(pq.text[m.start():]) if n.start <= m.start(1) - m.start()]
            if not named:  # "thành phố Hồ Chí Minh", "quận … Hải Phòng": a province, the gazetteer's
                return f"{vi.fold(m.group(1))} {vi.fold(m.group(2))}"
        return None
    for m in _LOCAL_KIND_FOLDED.finditer(vi.fold_same_length(pq.text).lower()):
        if m.group(0).startswith("phuong") and m.group(1) in _NOT_WARD:
            continue
        if " ".join(m.groups()) not in _NOT_PLACE_PAIRS and not any(w in NOT_NAME - _NAME_SYLLABLES for w in m.groups()):
            return " ".join(m.groups())
    return None


# syllables of place names that are also common words ("huyện Vạn Lộc", "thị trấn Văn Bàn"), unless the pair is one
_NAME_SYLLABLES = frozenset({"van", "hoa", "ban", "dan", "an", "son", "dong"})
_NOT_PLACE_PAIRS = frozenset({"van ban", "van hoa", "ban hanh", "dan so", "an ninh", "hoa binh"})


def local_name(pq: ParsedQuery, local: str) -> str:
    span = re.search(r"\W+".join(local.split()), vi.fold_same_length(pq.text).lower())
    return pq.text[span.start():span.end()] if span else local


COMMON_PAIR = 2  # passages a pair of words must stand in to be ordinary words of the store, not part of a name


def unknown_place(pq: ParsedQuery, index: PlanIndex, beside: list[str] | None = None) -> str | None:
    """A place the question names by its kind ("tỉnh Bắc Hải Sơn") that no stored text ever writes: the store
    holds nothing about it (a place the plans only mention, a sister province abroad, is written in them).
    `beside`: the provinces the question also names, which are not the unknown one."""
    for m in _PLACE_NAMED.finditer(vi.fold_same_length(pq.text).lower()):
        if beside and any(m.group(1).startswith(vi.fold(p).lower()) for p in beside):
            continue
        name: list[str] = []
        typed = pq.text[m.start(1):m.end(1)].split()  # the same words as typed (the fold keeps offsets)
        for word, as_typed in zip(m.group(1).split(), typed, strict=False):
            # typed with diacritics, a place name is capitalised ("tỉnh Bắc Lâm có …"); without, stop words end it
            if (not as_typed[:1].isupper()) if pq.accented else word in NOT_NAME:
                break
            name.append(word)
        kind = m.group(0).split()[0]
        written = index.accents.pairs.get(f"{kind} {name[0]}", "") if name and not pq.accented else ""
        if written and not written.startswith(("tỉnh", "thành")):
            continue  # typed plainly, "tinh nguyen SJ" is "tình nguyện", as the stored texts write the pair
        if name[:1] == ["thanh"] and len(name) > 1 and not pq.accented:
            continue  # "các tỉnh thành phía Nam", "mấy tỉnh thành đăng ký": provinces and cities, typed plainly
        after = m.group(1).split()[1:len(name) + 1]  # (the name's words after its first, and the word after it)
        # (…words, not part of a place the store holds: "bac hai son" beside the stored "Nam Hải Sơn" is a name)
        pairs = [f"{a} {b}" for a, b in zip(after, after[1:], strict=False)]
        if not pq.accented and len(name) >= 3 and any(index.df.get(pair, 0) >= COMMON_PAIR and not any(
                pair in place for place in index.places) for pair in pairs):
            continue  # "neu tinh ca von du an": "tính cả vốn dự án", words the texts pair often, no "tỉnh Ca Von Du"
        if len(name) < 2 or any(canonical_province(" ".join(name[:k])) for k in range(1, len(name) + 1)):
            continue  # ("tp hcm nam 2021": a province the gazetteer knows by a short name, then "năm")
        if foreign_places(pq.text[m.start(1):m.end(1)]):
            continue  # "các tỉnh Campuchia tiếp tục hỗ trợ …": provinces of a country, not one unknown province
        # (its first two syllables: typed plainly, a name runs on into the next word, "luong pha bang nam nao"; typed
        # with tone marks, as the texts spell them: "Đông Nhạn" is not "đồng nhân")
        if not index.df.get(f"{name[0]} {name[1]}") or (pq.accented and not index.accents.writes_name(" ".join(typed[:2]))):
            span = re.search(r"\W+".join(name), vi.fold_same_length(pq.text).lower())
            return pq.text[span.start():span.end()] if span else " ".join(name)
    return None
