"""Two languages on one site: the switcher's links, `lang` on passages in the other language,
and the one place that reads mkdocs-static-i18n's internals (i18n.py). languages_hook.py wires them in."""
