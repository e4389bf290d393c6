"""Content lint for `make check`: Chinese typography, Markdown slips, term-page structure,
American spelling in English texts.

Pure functions over (path, text) returning core.problems.Problem objects, so they print
the same way as the build's own validations. checks/__init__.py lists when each runs.
"""

from __future__ import annotations

import re

import autocorrect_py

from core.languages import DEFAULT_LANGUAGE
from core.markdown import has_unclosed_fence, outside_code_blocks
from core.problems import Problem, Severity
from core.sources import body_of, is_term_page, language_of
from core.words import word as visible_word

CALLOUT = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*(?:https?:)?//|<img[^>]+src=[\"'](?:https?:)?//", re.I)


def typography_problems(path: str, text: str) -> list[Problem]:
    """Spaces between Chinese and Latin letters or digits, full-width punctuation."""
    if language_of(path).lang != DEFAULT_LANGUAGE:
        return []
    body, first_line = body_of(text)
    problems = []
    try:
        results = autocorrect_py.lint_for(body, path).lines
    except ValueError:  # its parser gives up on some shapes (a very long paragraph): say so
        return [Problem(path, "", (
            "the Chinese typography check cannot read this page (a paragraph may be too long). "
            "Split long paragraphs with empty lines."), first_line)]
    for result in results:
        line = first_line + result.line - 1
        problems.append(Problem(path, "", (
            f"Chinese typography: write “{result.new.strip()}” instead of “{result.old.strip()}” "
            "(a space between Chinese and Latin letters or digits; full-width punctuation in "
            "Chinese sentences). 'make fix' does this for you."), line))
    return problems


def fix_typography(path: str, text: str) -> str:
    if language_of(path).lang != DEFAULT_LANGUAGE:
        return text
    body, _ = body_of(text)
    try:
        return text[:len(text) - len(body)] + autocorrect_py.format_for(body, path)
    except ValueError:  # typography_problems reports it; the file stays as it is
        return text


def callout_problems(path: str, text: str) -> list[Problem]:
    """A box ('!!!', '???') whose text is not indented shows up empty, silently (the build
    runs this one too)."""
    body, first_line = body_of(text)
    lines = body.split("\n")
    problems = []
    for index, line in outside_code_blocks(lines):
        callout = CALLOUT.match(line)
        if callout:
            following = next((l for l in lines[index + 1:] if l.strip()), "")
            indent = len(callout.group("indent").expandtabs(4))
            if len(following.expandtabs(4)) - len(following.lstrip().expandtabs(4)) < indent + 4:
                problems.append(Problem(path, "", (
                    f"the text of the '{callout.group('type')}' box must be indented by 4 spaces "
                    "under the '!!!' or '???' line, or the box shows up empty."), first_line + index))
    return problems


def markdown_problems(path: str, text: str) -> list[Problem]:
    """Slips that Markdown would render silently wrong, or that make the source hard to edit."""
    body, first_line = body_of(text)
    lines = body.split("\n")
    problems = []
    for index, line in outside_code_blocks(lines):
        number = first_line + index
        if REMOTE_IMAGE.search(line):
            problems.append(Problem(path, "", (
                "this image is loaded from the internet, which readers on the intranet cannot "
                "reach. Save the image in docs/assets/ and link to it there."), number))
        if "\t" in line:  # a warning: Markdown reads a tab as 4 spaces, and the build goes on
            problems.append(Problem(path, "", (
                "a tab character: use spaces instead (a tab counts as 4 spaces, which may not be "
                "what you see)."), number, severity=Severity.WARNING))
        heading = HEADING.match(line)
        if heading and is_term_page(path) and len(heading.group(1)) == 1:
            problems.append(Problem(path, "", (
                "a term page must not have its own '# ' title: the title comes from the "
                "front matter. Start sections with '## '."), number))
    if has_unclosed_fence(lines):
        problems.append(Problem(path, "", "a code block (```) is opened but never closed.", first_line))
    return problems


def structure_problems(path: str, text: str) -> list[Problem]:
    """Every term page teaches the same way: analogy, customer line, self-check, sources."""
    if not is_term_page(path):
        return []
    lang = language_of(path).lang
    body, _ = body_of(text)
    types = [m.group("type") for m in map(CALLOUT.match, body.split("\n")) if m]
    headings = [m.group(2).strip() for m in map(HEADING.match, body.split("\n")) if m]
    self_check, sources = visible_word(lang, "section.self_check"), visible_word(lang, "section.sources")
    missing = []
    if "analogy" not in types:
        missing.append("an analogy box ('!!! analogy')")
    if "customer" not in types:
        missing.append("a say-it-to-a-customer box ('!!! customer')")
    if "question" not in types:
        missing.append("a self-check question with its answer ('??? question \"...\"')")
    if self_check not in headings:
        missing.append(f"the section '## {self_check}'")
    if sources not in headings:
        missing.append(f"the section '## {sources}' with at least one source")
    return [Problem(path, "", f"this term page is missing {item}. See the template in CONTRIBUTING.md.")
            for item in missing]


# The English pages use American spelling. British spellings stay welcome as aliases
# (readers search with them), and inside quotations and titles, hence warnings.
BRITISH_WORDS = {
    "programme": "program", "programmes": "programs", "catalogue": "catalog", "catalogues": "catalogs",
    "analyse": "analyze", "analysed": "analyzed", "analysing": "analyzing",
    "maths": "math", "whilst": "while", "learnt": "learned", "licence": "license",
    "defence": "defense", "grey": "gray", "practise": "practice", "practised": "practiced",
    "practises": "practices", "practising": "practicing", "labelled": "labeled",
    "labelling": "labeling", "unlabelled": "unlabeled", "modelling": "modeling",
    "modelled": "modeled", "travelled": "traveled", "cancelled": "canceled",
    "signalling": "signaling",
}
# British pattern -> how its American spelling is made from the match.
BRITISH_PATTERNS = [
    # behaviour, colours, favourite -> behavior, colors, favorite
    (re.compile(r"\b((?:behavi|col|fav|lab|hon|neighb|flav|hum|rum)o)u(r(?:s|ed|ing|ite|ites|able)?)\b", re.I),
     lambda m: m.group(1) + m.group(2)),
    # centre, metres, centred -> center, meters, centered
    (re.compile(r"\b(cent|met|lit|fib|theat)re(s|d)?\b", re.I),
     lambda m: m.group(1) + "er" + {"s": "s", "d": "ed"}.get((m.group(2) or "").lower(), "")),
    # organise, optimisation, tokenised -> organize, optimization, tokenized
    (re.compile(r"\b((?:organ|real|recogn|optim|minim|maxim|summar|custom|memor|general|quant|apolog"
                r"|standard|priorit|special|normal|token|visual|categor|emphas|regular|util|stabil|initial"
                r"|character|synthes|digit|central|personal|author|penal|critic|final|local|modern|random)i)s"
                r"(e|es|ed|ing|ation|ations|er|ers)\b", re.I),
     lambda m: m.group(1) + "z" + m.group(2)),
    (re.compile(r"\b(" + "|".join(sorted(BRITISH_WORDS, key=len, reverse=True)) + r")\b", re.I),
     lambda m: (BRITISH_WORDS[m.group(0).lower()].capitalize() if m.group(0)[:1].isupper()
                else BRITISH_WORDS[m.group(0).lower()])),
]


def british_spellings(line: str) -> list[tuple[str, str]]:
    """(British word, its American spelling) for each British spelling in a line, in order."""
    found = [(match.start(), match.group(0), american(match))
             for pattern, american in BRITISH_PATTERNS for match in pattern.finditer(line)]
    return [(word, american) for _, word, american in sorted(found)]


def spelling_problems(path: str, text: str) -> list[Problem]:
    """British spellings in an English text (a page or a diagram source), as warnings."""
    problems = []
    for index, line in outside_code_blocks(text.split("\n")):
        if line.lstrip().startswith("aliases:"):
            continue
        for word, american in british_spellings(line):
            problems.append(Problem(path, "", (
                f"the English pages use American spelling: write '{american}' instead of "
                f"'{word}'. Inside a quotation or a title, keep it as written."), index + 1, severity=Severity.WARNING))
    return problems
