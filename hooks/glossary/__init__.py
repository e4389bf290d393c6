"""The glossary: terms from front matter, mention links, term cards, generated lists, navigation.

Plain modules over text and HTML (registry, matcher, render, pages, urls, checked, collation,
vocabulary), tested without MkDocs; markdown_ext.py runs the page-level work as a
Python-Markdown extension (any engine that runs extensions); nav.py arranges MkDocs'
navigation objects; build.py is what one build learns, written by glossary_hook.py (the
extension's MkDocs adapter) and read by the search and handout hooks.
"""
