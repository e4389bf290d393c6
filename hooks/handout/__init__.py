"""The printable training handout: every term and comparison page gathered into one page per
language. No MkDocs imports; handout_hook.py wires it in, scripts/pdf.py prints it."""
