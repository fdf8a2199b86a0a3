"""ngvh's channels: Telegram, Zalo Bot, Zalo Official Account and a web chat behind one FastAPI app
(bot.app.create_app), answered by workers (bot.worker) from a durable intake (bot.intake)."""
