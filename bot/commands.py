"""Chat commands through one registry: each command is registered once with its aliases and help line.

The dispatcher parses "/name@bot args" and calls `run`; a command it does not know gets the help
text. Handlers get a CommandContext (the message, replies, the chat's conversation) and the args.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from bot import formatting
from ground import vi

if TYPE_CHECKING:
    from bot.reminders.chat import Follow

_COMMAND = re.compile(r"^/(?P<name>[^\s@/]+)(?:@(?P<bot>\w+))?(?:\s+(?P<args>.*))?$", re.DOTALL)
# the name after NFKC (full-width "／ｘｏａ" → "/xoa") and folding ("/xóa", "/XOÁ" → "xoa")
_NAME = re.compile(r"[a-z_]+", re.ASCII)
# a message that is only a deletion request, typed without the slash ("xóa", "xoá dữ liệu của tôi")
_DELETION = re.compile(r"^(?:xoa|delete)(?: (?:het|du lieu|cau hoi|lich su))*(?: cua (?:toi|minh|em))?[.!]?$")


@dataclass(frozen=True)
class ParsedCommand:
    name: str
    args: str
    bot: str | None  # "/start@ngvh_bot" → "ngvh_bot"


def parse(text: str) -> ParsedCommand | None:
    """'/nguon@ngvh_bot 2' → ParsedCommand('nguon', '2', 'ngvh_bot'); '/xóa', '/ｘｏａ', '/XOÁ' → 'xoa';
    None for ordinary text."""
    match = _COMMAND.match(unicodedata.normalize("NFKC", text or "").strip())
    name = vi.fold(match.group("name")) if match else ""
    if not match or not _NAME.fullmatch(name):
        return None
    return ParsedCommand(name, (match.group("args") or "").strip(), match.group("bot"))


def deletion_request(text: str) -> bool:
    """A message asking, without the slash, to delete the user's questions: run as /xoa, never logged as one."""
    return bool(_DELETION.match(" ".join(vi.fold(unicodedata.normalize("NFKC", text or "")).split())))


def ascii_number(text: str) -> int | None:
    """int() of ASCII digits only: '2' → 2; '²', '٢' or '' → None (int('²') raises, isdigit() says yes)."""
    return int(text) if text.isascii() and text.isdigit() else None


def addressed_to(command: ParsedCommand, username: str | None) -> bool:
    """A command names no bot, or this one (Telegram groups: '/start@otherbot' is not ours)."""
    return command.bot is None or (username is not None and command.bot.lower() == username.lower())


class CommandContext(Protocol):
    channel: str
    chat_id: str
    user_id: str
    retention_days: int
    follow: Follow | None  # the chat's subscriptions to agencies' deadlines (bot.reminders); None: not kept here

    async def reply(self, text: str) -> None: ...

    async def plans(self) -> list[dict]: ...

    async def show_source(self, n: int) -> None:
        """Reply with passage n of the chat's last answer (or say there is none)."""

    async def new_conversation(self) -> None: ...

    async def forget_user(self) -> int:
        """Delete the user's logged questions; how many went."""


Handler = Callable[[CommandContext, str], Awaitable[None]]


@dataclass
class Command:
    name: str
    handler: Handler
    aliases: tuple[str, ...] = ()
    help: str = ""  # one line for /help; empty: not listed


@dataclass
class CommandRegistry:
    commands: dict[str, Command] = field(default_factory=dict)
    fallback: str = "help"

    def register(self, name: str, *aliases: str, help: str = "") -> Callable[[Handler], Handler]:
        def decorate(handler: Handler) -> Handler:
            command = Command(name, handler, aliases, help)
            for key in (name, *aliases):
                if key in self.commands:
                    raise ValueError(f"command /{key} registered twice")
                self.commands[key] = command
            return handler

        return decorate

    def find(self, name: str) -> Command | None:
        return self.commands.get(name.lower())

    def listed(self) -> list[Command]:
        return [c for name, c in self.commands.items() if name == c.name and c.help]

    def help_lines(self) -> str:
        return "\n".join(f"/{c.name} – {c.help}" for c in self.listed())

    async def run(self, ctx: CommandContext, name: str, args: str = "") -> Command:
        """Run the command (the fallback for unknown names); returns the command that ran."""
        command = self.find(name) or self.commands[self.fallback]
        await command.handler(ctx, args)
        return command


def privacy_text(days: int) -> str:
    return (f"Câu hỏi bạn gửi được lưu {days} ngày để cải thiện dịch vụ (không lưu danh tính, chỉ một mã ẩn danh). "
            "Gõ /xoa để xóa các câu hỏi bạn đã gửi.")


def default_commands() -> CommandRegistry:
    registry = CommandRegistry()

    @registry.register("start", "help", "batdau", "huongdan", help="hướng dẫn này")
    async def start(ctx: CommandContext, _args: str) -> None:
        await ctx.reply(help_with_commands(registry, ctx.retention_days))

    @registry.register("plans", "danhsach", help="danh sách văn bản đã nạp")
    async def plans(ctx: CommandContext, _args: str) -> None:
        await ctx.reply(formatting.plans_text(await ctx.plans()))

    @registry.register("nguon", "source", help="xem nguyên văn trích dẫn số n của câu trả lời gần nhất, ví dụ /nguon 1")
    async def source(ctx: CommandContext, args: str) -> None:
        first = args.split()[0] if args.split() else "1"
        await ctx.show_source(ascii_number(first) or 0)

    @registry.register("moi", "new", help="bắt đầu cuộc trò chuyện mới (quên ngữ cảnh câu hỏi trước)")
    async def new(ctx: CommandContext, _args: str) -> None:
        await ctx.new_conversation()
        await ctx.reply(NEW_CONVERSATION_TEXT)

    @registry.register("xoa", "delete", help="xóa các câu hỏi bạn đã gửi khỏi nhật ký")
    async def forget(ctx: CommandContext, _args: str) -> None:
        removed = await ctx.forget_user()
        await ctx.reply(FORGOTTEN_TEXT.format(n=removed))

    from bot.reminders.chat import register_follow_commands  # it builds on this module's ParsedCommand

    register_follow_commands(registry)
    return registry


NEW_CONVERSATION_TEXT = "Đã bắt đầu cuộc trò chuyện mới. Bạn hãy đặt câu hỏi."
FORGOTTEN_TEXT = ("Đã xóa {n} câu hỏi của bạn khỏi nhật ký. Ngữ cảnh trò chuyện và các đăng ký theo dõi nhắc hạn "
                  "của bạn cũng đã được xóa.")


def help_with_commands(registry: CommandRegistry, retention_days: int) -> str:
    """The greeting, the registered commands, and what happens to the questions people send."""
    return f"{formatting.GREETING_TEXT}\n\nLệnh:\n{registry.help_lines()}\n\n{privacy_text(retention_days)}"
