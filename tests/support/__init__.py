"""What tests, benchmarks and the playground's tests share: the world and the happy path.

- `world`: constants, the bot wired to the fake (`report_handled`), settings.
- `journey`: the one scripted registration an artisan walks through.
- `factories`: rows and states reached without the UI (approved products, claims).
"""
