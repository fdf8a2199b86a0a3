"""Whether the passages that answer name each foreign place a question names ("… tại Pháp không?"), read as
written: with tone marks, and a one-syllable alias ("Nhật", "Hàn") with its capital."""
from __future__ import annotations

import re

from ground import vi
from ground.places import FOREIGN_PLACES
from rag.understand.entities import foreign_places

LATIN_NAME = 5  # letters from which a name without tone marks is a foreign spelling, not a Vietnamese word
_PUNCTUATION = re.compile(r"[^\w\s]")


def names_foreign_places(question: str, texts: list[str]) -> bool:
    """Every country or foreign place the question names is in the passages that answer it: "… tại Pháp
    không?" is not answered by a passage about other foreign localities."""
    # read alone, not among the other entities: "Bộ Văn hóa Ba Lan" is an agency, and names Ba Lan
    places = [e.name for e in foreign_places(question)]
    # read with tone marks ("lần thứ nhất ban hành" names no Nhật Bản); one syllable also with its capital ("cập
    # nhật"), not after "tiếng" (a language) nor opening a person's name ("Phan Nhật Quang")
    written = f' {" ".join(vi.normalize(" ".join(texts)).split())} '
    spoken = " " + " ".join(_PUNCTUATION.sub(" ", written.lower()).split()) + " "

    def named(alias: str) -> bool:
        if " " in alias.strip():
            return f" {vi.normalize(alias).lower()} " in spoken
        one = re.escape(vi.normalize(alias))
        # (a foreign spelling, "Mexico", "UNESCO", in any case)
        if len(alias) >= LATIN_NAME and not vi.has_diacritics(alias):
            one = f"(?i:{one})"
        return re.search(rf"(?<![Tt]iếng)\W{one}(?=\W)(?!\s+[{vi.UPPER}])", written) is not None

    return all(any(named(a) for a in (name, *FOREIGN_PLACES.get(name, ()))) for name in places)
