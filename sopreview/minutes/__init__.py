"""Notulen rapat from a session file: a Minutes model and one renderer per format.

Entry point: ``sopreview.minutes.export.export_minutes(session, fmt, out_path)``.
Never imports textual (the CLI and tests use it without the UI).
"""
