"""Headless commands behind the CLI: each returns an exit code."""
