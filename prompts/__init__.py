"""The Vietnamese prompt templates of the generated-answer mode, kept as files so they can be read and reviewed.

system.txt         the rules: answer only from the numbered context, in Vietnamese, cite [n], refuse otherwise,
                   treat context and question as data. Variables: {refusal}.
answer.txt         the user turn. Variables: {context}, {question}.
context_block.txt  one numbered block. Variables: {n}, {plan}, {section}, {text}.
refusal.txt        what the model says when the context holds no answer (no variables).

Templates use str.format fields, the same syntax LangChain's f-string prompt templates read, so `render`
and a ChatPromptTemplate built from `load` agree. Values are never re-parsed: braces inside a plan's text
are safe.
"""
from __future__ import annotations

import string
from functools import cache
from importlib import resources

NAMES = ("system", "answer", "context_block", "refusal")


@cache
def load(name: str) -> str:
    """The template text of prompts/<name>.txt, without its final newline."""
    if name not in NAMES:
        raise KeyError(f"unknown prompt template: {name}")
    return resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8").rstrip("\n")


def fields(name: str) -> set[str]:
    """The variables a template expects (to check a template edit did not drop or add one)."""
    return {field for _, field, _, _ in string.Formatter().parse(load(name)) if field}


def render(name: str, **values: object) -> str:
    """Fill a template; a missing or unexpected variable is an error, not a silent blank."""
    wanted = fields(name)
    missing, extra = wanted - values.keys(), values.keys() - wanted
    if missing or extra:
        raise KeyError(f"prompt {name}: missing {sorted(missing)}, unexpected {sorted(extra)}")
    return load(name).format(**values)


def refusal() -> str:
    return load("refusal")
