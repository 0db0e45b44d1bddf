"""The session store: one TinyDB file per meeting, written durably by one process at a time."""
