"""Helpers for contributing: Git host links and page dates from git history. No MkDocs imports."""
