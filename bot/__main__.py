"""`python -m bot --host 127.0.0.1 --port 8000 [--polling]`: the same as `ngvh serve`."""
from __future__ import annotations

import argparse
import sys

from bot.runtime import ConfigError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--polling", action="store_true", help="long-poll Telegram and Zalo Bot instead of webhooks")
    args = parser.parse_args(argv)
    from bot import serve

    try:
        serve(None, args.host, args.port, args.polling)
    except ConfigError as exc:
        print(f"ngvh serve: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
