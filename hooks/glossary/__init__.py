"""The glossary: terms from front matter, mention links, term cards, generated lists, navigation.

Plain modules over text and HTML (registry, matcher, render, checked, collation, vocabulary),
tested without MkDocs; nav.py arranges MkDocs' navigation objects; build.py is what one
build learns, written by glossary_hook.py and read by the search and handout hooks.
"""
