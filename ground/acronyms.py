"""A body typed as its head word and an acronym ("vu htqt", "Vụ HTQT") and matched to its full name by initials."""
from __future__ import annotations

import itertools
import re

from ground import vi

# A head word and an acronym, as a chat types them: "vu htqt", "cuc ttdn". An acronym has no vowel, which no
# Vietnamese syllable lacks, so "so nao" or "ban dan toc" is never one.
_HEAD_SPELLING = {"vu": "Vụ", "cuc": "Cục", "vien": "Viện", "ban": "Ban", "so": "Sở", "phong": "Phòng",
                  "trung tam": "Trung tâm"}
_TYPED_ACRONYM = re.compile(r"(?<![^\W_])(vu|cuc|vien|ban|so|phong|trung tam) ([bcdfghklmnpqrstvxz]{2,6})(?![^\W_])")


def _initials(folded_words: str) -> str:
    return "".join(w[0] for w in folded_words.replace("-", " ").split() if w not in ("va", "&"))


def acronym_of(short: str, full: str) -> bool:
    """'Vụ HTQT' is 'Vụ Hợp tác quốc tế': the same head word, and the acronym the initials of the rest."""
    s_words, f_words = short.split(), full.split()
    # (an acronym in hyphenated parts, "Ban KT-NS" folded "ban kt ns", is one: "Ban Kinh tế - Ngân sách"; a place
    # after it, "Ban KT-NS Hà Diên", names whose it is)
    parts = [w for w in itertools.takewhile(lambda w: len(w) <= 6 and not re.search(r"[aeiouy]", w), s_words[1:])]
    if len(parts) >= 2 or parts and len(s_words) > 2:
        s_words = [s_words[0], "".join(parts)]
    if len(s_words) != 2 or len(f_words) < 3 or re.search(r"[aeiouy]", s_words[1]):  # one head word: "Vụ", "Cục"
        return False
    return f_words[0] == s_words[0] and _initials(" ".join(f_words[1:])) == s_words[1]



def typed_acronyms(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of each body a chat types by head word and acronym ("vu htqt" → "Vụ HTQT"); typed
    without diacritics only: a document's "số TT" is no body."""
    out = []
    for m in _TYPED_ACRONYM.finditer(vi.fold_same_length(text).lower()):
        if not vi.has_diacritics(text[m.start():m.end()]):
            out.append((f"{_HEAD_SPELLING[m.group(1)]} {m.group(2).upper()}", m.start(), m.end()))
    return out
