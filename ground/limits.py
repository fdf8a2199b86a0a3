"""Limits every layer agrees on (the channels refuse what the answering core would cut)."""

MAX_QUESTION_CHARS = 2000  # longer questions get a "too long" reply instead of an answer
KEPT_PASSAGE_CHARS = 1500  # a cited passage as a conversation keeps it for "ý 2", "1", 📄 (answers quote less)
