"""The site's ground floor: languages, source paths, problems, Markdown and HTML walkers, words.

Plain Python with no MkDocs imports, so the build, `make check` and the tests share it,
and so does any engine that runs Python-Markdown without MkDocs' hooks.
"""
