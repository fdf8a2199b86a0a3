"""Things the texts name in other words than a question does ("kiều bào" are "người Việt Nam ở nước ngoài"), for the
gates that look for the question's words in the lines shown."""
from __future__ import annotations

# things the texts name in other words than a question does: "kiều bào" are "người Việt Nam ở nước ngoài"
SAID_ALIKE: dict[str, tuple[str, ...]] = {
    "kieu bao": ("nguoi viet nam o nuoc ngoai", "nguoi viet o nuoc ngoai", "cong dong nguoi viet", "nvnonn"),
    "nguoi viet nam o nuoc ngoai": ("kieu bao",),
}


def with_alike(words: list[str]) -> list[str]:
    """Folded syllables, and those of the things they say in other words."""
    said = f" {' '.join(words)} "
    extra = [w for thing, alike in SAID_ALIKE.items() if any(f" {a} " in said for a in alike) for w in thing.split()]
    return words + extra
