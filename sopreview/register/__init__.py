"""The Daftar SOP as printed things: one layout, one renderer per format."""
