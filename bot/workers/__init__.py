"""Long-running senders: they talk to Telegram and commit their own transactions.

The broadcast lane (`broadcast_lane`, `broadcast_run`, `broadcast_progress`, paced by `pacing`)
and the photo worker (`photos`). The rules they follow live in `bot.services`, which knows
nothing of Telegram.
"""
