"""SOP AP documents and the attendance sheet in PDF, HTML and DOCX: one renderer per format.

The pages are laid out once in ``sopreview.domain.sopdoc``; each module here only draws them.
"""
