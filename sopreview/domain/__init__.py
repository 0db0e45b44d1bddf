"""Pure domain layer: SOP model, loading and validation, meeting rules. Never imports textual."""
