"""Is this a well-formed Vietnamese syllable? Onset + rhyme + tone, checked against the orthography.

A syllable is written as an optional onset consonant (b, ch, ngh, qu, gi, ...), a rhyme (a vowel
nucleus with an optional glide and final: "oanh", "ương", "uyêt") and one tone mark on the vowel.
The inventory is small and closed, so a structural check replaces a word list: it recognises every
syllable of the language, including names, and rejects what a lost character or a missing space
leaves behind ("qung", "địnhsố", "YÊU C U"). Spelling rules that the orthography fixes are checked
too (k/gh/ngh only before e, ê, i, y; c/g/ng never there; stops p, t, c, ch take only the sắc or
nặng tone).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = {"\u0300": "huyen", "\u0301": "sac", "\u0309": "hoi", "\u0303": "nga", "\u0323": "nang"}

ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
          "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")

# Every rhyme of standard orthography, without its tone mark. "iê"/"yê" and "uô"/"ươ" are the
# diphthongs; a rhyme beginning with o/u carries the medial glide (hoa, quê is qu + ê, thuế is th + uê).
_RHYME_TEXT = """
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
y yêm yên yêng yêt yêu
o oc oi om on ong op ot ooc oong
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oem oen oeo oet
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u uc ui um un ung up ut
ua uân uâng uât uây uê uêch uênh uơ uy uya uych uyn uynh uyp uyt uyu uyên uyêt
uôc uôi uôm uôn uông uôt
ư ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu
"""
RHYMES = frozenset(_RHYME_TEXT.split())
# After "gi" the i of iê is not written again: giếng, giết, giữa (gi + ưa), giêng.
_GI_RHYMES = frozenset({"êc", "êm", "ên", "êng", "êp", "êt", "êu"})
_STOP_FINALS = ("ch", "c", "p", "t")
_FRONT = ("e", "ê", "i", "y")


def split_tone(syllable: str) -> tuple[str, str | None]:
    """('việt' → 'viêt', 'nang'): the letters without the tone mark, and which tone it was."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in _TONES]
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    if len(tones) > 1:
        return bare, "many"
    return bare, _TONES[tones[0]] if tones else None


def _parse(bare: str) -> tuple[str, str] | None:
    """(onset, rhyme) of a lower-case syllable without tone, or None when none fits."""
    for onset in ONSETS:
        if not bare.startswith(onset):
            continue
        rhyme = bare[len(onset):]
        if onset == "gi" and (rhyme in _GI_RHYMES or rhyme == ""):
            return onset, rhyme or "i"  # "gì" is g + i, "giếng" gi + iêng
        if onset == "qu" and rhyme[:1] in ("o", "u"):
            continue  # "quo…", "quu…" are not written: qu already holds the glide
        if rhyme in RHYMES and _spelling_ok(onset, rhyme):
            return onset, rhyme
    return None


def _spelling_ok(onset: str, rhyme: str) -> bool:
    front = rhyme.startswith(_FRONT)
    if onset in ("k", "gh", "ngh"):
        return front
    if onset in ("c", "ng"):
        return not front
    if onset == "g":
        return not rhyme.startswith(("e", "ê")) and rhyme != "y"
    if onset == "qu":
        return not rhyme.startswith("u")
    return True


@lru_cache(maxsize=65536)
def parse_syllable(word: str) -> tuple[str, str, str | None] | None:
    """(onset, rhyme, tone) of a Vietnamese syllable (any case), or None if it is not one."""
    bare, tone = split_tone(word.lower())
    if tone == "many" or not bare:
        return None
    parsed = _parse(bare)
    if parsed is None:
        return None
    onset, rhyme = parsed
    if rhyme.endswith(_STOP_FINALS) and tone not in ("sac", "nang"):
        return None
    return onset, rhyme, tone


def is_syllable(word: str) -> bool:
    return parse_syllable(word) is not None


_LETTERS = re.compile(r"[^\W\d_]+")


def letter_runs(text: str) -> list[str]:
    """The runs of letters in a text: the candidate syllables and words."""
    return _LETTERS.findall(unicodedata.normalize("NFC", text))
