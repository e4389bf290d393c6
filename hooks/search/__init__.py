"""Search in the reader's language: Material's index split per language and shaped per term,
and the patch of Material's query segmenter. No MkDocs imports; search_hook.py wires them in."""
