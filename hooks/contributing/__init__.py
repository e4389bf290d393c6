"""Helping readers correct the site: Git host links ("edit", "report a mistake") and page dates
from git history. No MkDocs imports; contributing_hook.py wires them in."""
