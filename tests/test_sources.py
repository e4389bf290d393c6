"""Contributor files that must be refused before anything reads them (issue 16, the input half).

Unit tests run `make check` (scripts/check.py, or the checks it runs) over a copy of the real
content with offending files added; two builds show that the build refuses the same files
with the same messages, without a traceback and without publishing anything.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checks import all_problems
from checks.links import GENERATED_IDS, anchors, page_with_snippets
from conftest import ROOT, copy_project, mkdocs_build
from core import strict_yaml
from core.frontmatter import split_front_matter
from core.sources import language_of, read_pages
from glossary.names import GENERAL_WORDS, name_key
from test_registry import GOOD_EN, GOOD_ZH, errors

TODAY = dt.date(2026, 12, 15)
RAG_ZH = (ROOT / "docs/terms/rag.md").read_text(encoding="utf-8")
# The nine-line alias bomb: 9**9 "lol"s once expanded.
BOMB = "a: &a [" + ", ".join(["lol"] * 9) + "]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n" for previous, name in zip("abcdefgh", "bcdefghi"))


def content_copy(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    return docs


def make_check(docs: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts/check.py"), "--docs", str(docs), *args],
                          capture_output=True, text=True, timeout=120)


def found(docs: Path) -> list[str]:
    return [str(p) for p in all_problems(docs, TODAY)]


def one(lines: list[str], path: str, *words: str) -> str:
    """The one problem about `path` that says all of `words`."""
    hits = [line for line in lines if line.startswith(path) and all(w in line for w in words)]
    assert len(hits) == 1, (path, words, lines)
    return hits[0]


# -----------------------------------------------------------------------------
# Strict YAML (front matter and diagram sources)
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("text, says", [
    ("a: 010", "'010' would be read as the number 8"),
    ("a: 12:30", "'12:30' would be read as the number 750"),
    ("a: [No, off]", "'No' would be read as yes/no (false)"),
    ("a: on", "'on' would be read as yes/no (true)"),
    ("a: 0x1F", "the number 31"),
    ("a: 1_000", "the number 1000"),
    ("a: .inf", "'.inf' would be read as the number inf"),
    ("a: 1\nb: 2\na: 3", "'a' is written twice (lines 1 and 3)"),
    ("a: &x [1]\nb: *x", "anchor or alias"),
    ("a: &x [*x]", "anchor or alias"),
    ("a: !!python/object/apply:os.system [id]", "'!!python/object/apply:os.system' is a YAML tag"),
    ("a: !!str 5", "'!!str' is a YAML tag"),
    ("yes: 1", "'yes' would be read as yes/no"),
    ("1: a", "the name '1' before a colon is read as a number"),
    ("a: " + "[" * 40 + "]" * 40, "nested more than 12 levels"),
])
def test_strict_yaml_refuses_what_yaml_1_1_would_change_or_expand(text, says):
    with pytest.raises(strict_yaml.Refused) as refused:
        strict_yaml.load(text)
    assert says in refused.value.message


def test_strict_yaml_reads_plain_values_as_every_loader_does():
    text = 'a: 8\nb: -3\nc: 0.5\nd: true\ne: "010"\nf: 2026-12\ng: [x, "no"]\nh: 2026-12-01\n'
    assert strict_yaml.load(text) == yaml.safe_load(text)


@pytest.mark.parametrize("field_line, says", [
    ("title: 2024", "'title' is text, but '2024' is read as a number. Put it in double quotes"),
    ("title: true", "'title' is text, but 'True' is read as yes/no"),
    ("summary: 2026-12-01", "'summary' is text, but '2026-12-01' is read as a date"),
    ("aliases: [3.5, RAG-Fusion]", "every item of 'aliases' is text, but '3.5' is read as a number"),
])
def test_text_fields_must_be_text(field_line, says):
    name = field_line.split(":")[0]
    text = "\n".join(l for l in GOOD_ZH.split("\n") if not l.startswith(f"{name}:"))
    text = text.replace("---\n", f"---\n{field_line}\n", 1)
    meta, _, problems = split_front_matter("terms/rag.md", text)
    assert meta is None and [p.line for p in problems] == [2] and says in str(problems[0]), problems


@pytest.mark.parametrize("text, says", [
    ("---\nterm: RAG\n", "not closed"),
    ("---\nterm: RAG\n---", "ends right after the closing '---'"),
    ("---\n---\nBody\n", "front matter block is empty"),
    ("---\nterm: RAG\n...\ntitle: x\n---\n", "a line '...' inside the front matter"),
    ("---\n- a\n- b\n---\n", "must be a list of 'field: value' lines"),
    ("---\nterm: RAG\ntitle: 检索\nterm: SFT\n---\n", "'term' is written twice (lines 2 and 4)"),
])
def test_front_matter_mkdocs_would_read_differently_is_refused(text, says):
    meta, _, problems = split_front_matter("faq.md", text)
    assert meta is None and len(problems) == 1 and says in problems[0].message, problems


# -----------------------------------------------------------------------------
# Names
# -----------------------------------------------------------------------------


def test_full_width_and_invisible_names_are_the_same_name():
    assert name_key("ＲＡＧ") == name_key("RAG") == name_key("R\u200bAG") == "rag"
    found = errors(**{"terms/sft.md": GOOD_ZH.replace("term: RAG", "term: SFT")
                      .replace("title: 检索增强生成", "title: 监督式微调")
                      .replace("aliases: [检索增强]", "aliases: [ＲＡＧ]").replace("related: [sft]", "related: []")})
    assert any("terms/sft.md:4 (field 'aliases'): the name 'ＲＡＧ' is already used by the term 'rag'" in e
               for e in found), found


def test_an_invisible_character_in_a_name_is_refused():
    found = errors(**{"terms/rag.md": GOOD_ZH.replace("aliases: [检索增强]", "aliases: [检索\u200b增强]")})
    assert any("contains an invisible character (U+200B)" in e and e.startswith("terms/rag.md:4") for e in found)


@pytest.mark.parametrize("lang, word", [("zh", "模型"), ("en", "the"), ("en", "Model"), ("en", "a")])
def test_general_words_are_refused_as_aliases(lang, word):
    path, good = ("terms/rag.md", GOOD_ZH) if lang == "zh" else ("terms/rag.en.md", GOOD_EN)
    text = good.replace("aliases: [检索增强]", f"aliases: [{word}]") if lang == "zh" else \
        good.replace("summary:", f"aliases: [{word}]\nsummary:")
    found = errors(**{path: text})
    assert any(f"'{word}' is too general to be an alias" in e for e in found), found


def test_the_general_words_are_documented_in_both_languages():
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    chinese, english = contributing.split("## English", 1)
    for word in GENERAL_WORDS["zh"] + GENERAL_WORDS["en"]:
        assert f"`{word}`" in chinese and f"`{word}`" in english, word


# -----------------------------------------------------------------------------
# `make check` over a copy of the content
# -----------------------------------------------------------------------------


def test_make_check_refuses_unreadable_files_with_plain_messages(tmp_path):
    docs = content_copy(tmp_path)
    (docs / "faq.md").write_bytes((docs / "faq.md").read_text(encoding="utf-8").encode("gbk"))
    (docs / "index.md").write_bytes(b"\xef\xbb\xbf" + (docs / "index.md").read_bytes())
    (docs / "glossary.en.md").write_bytes((docs / "glossary.en.md").read_text(encoding="utf-8").encode("utf-16"))
    (docs / "handout.md").write_bytes((docs / "handout.md").read_bytes().replace(b"\n\n", b"\n\0\n", 1))
    (docs / "terms/rag.markdown").write_text(RAG_ZH, encoding="utf-8")
    (docs / "terms/sft.zh.md").write_text((docs / "terms/sft.md").read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "terms/more").mkdir()
    (docs / "terms/more/rag.md").write_text(RAG_ZH.replace("检索增强生成", "另一个"), encoding="utf-8")
    os.symlink("/proc/self/environ", docs / "terms/environ.md")
    os.symlink("..", docs / "compare/loop")
    (docs / "terms/token.md").write_text(RAG_ZH + "很长" * 110_000, encoding="utf-8")
    (docs / "_diagrams/big.yml").write_text("kind: flow\n" + "# x\n" * 20_000, encoding="utf-8")
    (docs / "trainer-notes.md").write_text("Note: read this first\n\n" +
                                           (docs / "trainer-notes.md").read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "evil.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (docs / "assets" / "evil.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', encoding="utf-8")
    (docs / "terms/llm.md").write_text(RAG_ZH + "\n\n" + "[" * 100 + "\n", encoding="utf-8")
    (docs / "faq.fr.md").write_text(RAG_ZH, encoding="utf-8")
    (docs / "terms/Foo.MD").write_text(RAG_ZH, encoding="utf-8")
    (docs / ".draft.md").write_text(RAG_ZH, encoding="utf-8")
    # 40 lines of these took Python-Markdown minutes: each reads to the page's end for its '>'
    (docs / "terms/cot.md").write_text(RAG_ZH + "\n\n" + "<a " * 101 + "\n", encoding="utf-8")
    (docs / "assets/feed.xml").write_text(XHTML_IN_XML, encoding="utf-8")

    result = make_check(docs)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr, result.stderr
    lines = [line.removeprefix("ERROR   docs/") for line in result.stdout.splitlines() if line.startswith("ERROR")]
    assert "GBK, the default of Chinese Windows" in one(lines, "faq.md:", "not saved as UTF-8", "Save with Encoding")
    one(lines, "index.md:1", "byte-order mark", "UTF-8")
    one(lines, "glossary.en.md:1", "saved as UTF-16")
    one(lines, "handout.md:", "a NUL character")
    one(lines, "terms/rag.markdown:1", "Rename it to 'rag.md'")
    one(lines, "terms/sft.zh.md:1", "'terms/sft.md' and 'terms/sft.zh.md' are both the Chinese page")
    one(lines, "terms/more/rag.md:1", "term pages go directly in docs/terms/")
    one(lines, "terms/environ.md:1", "symbolic link")
    one(lines, "compare/loop:1", "symbolic link")
    one(lines, "terms/token.md:1", "this page is 6", "the limit is 200 KB")
    one(lines, "_diagrams/big.yml:1", "this diagram file is 80 KB; the limit is 50 KB")
    one(lines, "trainer-notes.md:1", "'Note: read this first' looks like a hidden page setting")
    one(lines, "evil.html:1", "published exactly as it is")
    one(lines, "assets/evil.svg:1", "an SVG can hold script")
    one(lines, "terms/llm.md:", "more than 60 '[' characters")
    one(lines, "faq.fr.md:1", "'fr' is not a language of this site (zh, en)")
    one(lines, "terms/Foo.MD:1", "Rename it to 'Foo.md'")
    one(lines, ".draft.md:1", "would silently not be published")
    one(lines, f"terms/cot.md:{RAG_ZH.count(chr(10)) + 3}", "101 '<' followed by a letter with no '>'")
    one(lines, "assets/feed.xml:1", "the site does not publish this kind of file ('.xml')")
    assert len(lines) == 20, lines  # nothing else: the other checks wait for these


def test_make_check_reads_front_matter_strictly_and_refuses_aliases_in_diagrams(tmp_path):
    docs = content_copy(tmp_path)
    edits = {
        "terms/rag.md": ("level: beginner\n", "level: beginner\nlevel: insider\n"),
        "terms/sft.md": ("aliases: [", "aliases: [No, off, "),
        "terms/cot.md": ("order: 20", "order: 010"),
        "terms/dpo.md": ("---\n", "---\ntitle: &t 直接偏好优化\ndescription: *t\n"),
        "faq.md": ("---\n", "---\nhide: !!python/object/apply:os.system [id]\n"),
        "glossary.md": ("---\n", "---\ndescription: 12:30\n"),
    }
    for path, (old, new) in edits.items():
        text = (docs / path).read_text(encoding="utf-8")
        assert old in text, path
        (docs / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    lines = found(docs)
    one(lines, "terms/rag.md:", "'level' is written twice")
    one(lines, "terms/sft.md:", "'No' would be read as yes/no", "double quotes")
    one(lines, "terms/cot.md:", "'010' would be read as the number 8")
    one(lines, "terms/dpo.md:2", "anchor or alias")
    one(lines, "faq.md:2", "'!!python/object/apply:os.system' is a YAML tag")
    one(lines, "glossary.md:2", "'12:30' would be read as the number 750")
    assert len(lines) == 6, lines  # the other checks wait for these


def test_make_check_refuses_the_alias_bomb_in_a_diagram(tmp_path):
    docs = content_copy(tmp_path)
    (docs / "_diagrams/bomb.yml").write_text(BOMB, encoding="utf-8")
    assert [p for p in found(docs) if p.startswith("_diagrams/")] == [
        "_diagrams/bomb.yml:1: this uses a YAML anchor or alias ('&name' or '*name'), which is not "
        "allowed here: it can repeat text without limit. Write the value out in full."]


def test_make_check_finds_what_the_build_would_stop_on(tmp_path):
    docs = content_copy(tmp_path)
    add = {
        "terms/rag.md": '\n--8<-- "no-such-table.md"\n',
        "terms/sft.md": "\n[see](no-such-page.md) and [top](/index.md), [there](inference.md#nowhere)\n",
        "terms/cot.md": "\n!!! note\nThis text is not indented.\n",
        "terms/dpo.md": "\n\tA line indented with a tab.\n",
        "terms/ppo.md": '\n--8<-- "../../../etc/passwd"\n\n[x](../../../../etc/passwd)\n',
        "terms/grpo.md": '\n--8<-- "ppo-vs-grpo.zh.md"\n' * 10,
        "_snippets/ppo-vs-grpo.en.md": '\n--8<-- "ppo-vs-grpo.zh.md"\n',
    }
    for path, extra in add.items():
        (docs / path).write_text((docs / path).read_text(encoding="utf-8") + extra, encoding="utf-8")
    text = (docs / "faq.md").read_text(encoding="utf-8")
    (docs / "faq.md").write_text(text.replace("---\n", "---\ntemplate: no-such.html\n", 1), encoding="utf-8")
    problems = all_problems(docs, TODAY)
    lines = [str(p) for p in problems]
    one(lines, "terms/rag.md:", "the snippet 'no-such-table.md' does not exist")
    one(lines, "terms/sft.md:", "the link 'no-such-page.md' leads nowhere")
    one(lines, "terms/sft.md:", "the link '/index.md' starts with '/'")
    one(lines, "terms/sft.md:", "the link 'inference.md#nowhere' names a place '#nowhere'")
    one(lines, "terms/cot.md:", "must be indented by 4 spaces")
    one(lines, "faq.md:2", "there is no page template 'no-such.html'", "main.html")
    one(lines, "terms/ppo.md:", "the snippet '../../../etc/passwd' does not exist")
    one(lines, "terms/ppo.md:", "the link '../../../../etc/passwd' leads outside the site's pages")
    one(lines, "terms/grpo.md:", "this page includes 11 snippets; at most 10")
    one(lines, "_snippets/ppo-vs-grpo.en.md:", "a snippet cannot include another snippet")
    tab = [p for p in problems if p.path == "terms/dpo.md" and "a tab character" in p.message]
    assert [p.severity for p in tab] == ["warning"]  # the build goes on with a tab, so make check only warns


def test_make_fix_leaves_files_it_cannot_read_alone(tmp_path):
    docs = content_copy(tmp_path)
    bom = b"\xef\xbb\xbf" + (docs / "terms/rag.md").read_bytes()
    (docs / "terms/rag.md").write_bytes(bom)
    broken = RAG_ZH.replace("aliases: [", "aliases: [检索增强, 再来一个,\nsummary: [", 1) + "中文English\n"
    (docs / "terms/sft.md").write_text(broken, encoding="utf-8")
    result = make_check(docs, "--fix")
    assert "Traceback" not in result.stdout + result.stderr
    assert (docs / "terms/rag.md").read_bytes() == bom
    assert (docs / "terms/sft.md").read_text(encoding="utf-8") == broken
    assert "fixed: docs/terms/" not in result.stdout, result.stdout


# -----------------------------------------------------------------------------
# Builds: the same files refused, the same messages, no traceback, nothing published
# -----------------------------------------------------------------------------


def test_the_build_refuses_unreadable_files_before_mkdocs_reads_them(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    os.symlink("/proc/self/environ", docs / "terms/environ.md")
    os.symlink(".", docs / "compare/loop-a")
    os.symlink(".", docs / "compare/loop-b")  # MkDocs itself would walk these loops for ever
    (docs / "terms/rag.markdown").write_text(RAG_ZH, encoding="utf-8")
    (docs / "faq.md").write_bytes((docs / "faq.md").read_text(encoding="utf-8").encode("gbk"))
    (docs / "_diagrams/bomb.yml").write_text(BOMB, encoding="utf-8")
    (docs / "assets/page.xml").write_text(XHTML_IN_XML, encoding="utf-8")  # runs its script when opened
    (docs / "terms/sft.zh.md").write_text((docs / "terms/sft.md").read_text(encoding="utf-8"), encoding="utf-8")
    text = (docs / "glossary.md").read_text(encoding="utf-8")
    (docs / "glossary.md").write_text(text.replace("---\n", "---\ntitle: a\ntitle: b\n", 1), encoding="utf-8")

    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    expected = [line.removeprefix("ERROR   ") for line in make_check(docs).stdout.splitlines()
                if line.startswith("ERROR")]
    assert len(expected) == 9, expected
    for line in expected:  # every problem make check names, word for word
        assert line in output, (line, output)
    assert "9 source file problems found" in output
    assert any(line.startswith("docs/assets/page.xml:1 (field 'file name')") for line in expected), expected
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").rglob("environ*"))


def test_the_build_stops_on_what_make_check_reports_with_the_same_message(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    add = {
        "terms/rag.md": '\n--8<-- "no-such-table.md"\n',
        "terms/sft.md": "\n[see](no-such-page.md) and [there](inference.md#nowhere)\n",
        "terms/cot.md": "\n!!! note\nThis text is not indented.\n",
        # Raw HTML's path read from the page's address; a stylesheet and a script that ask another site.
        "terms/dpo.md": '\n<img src="../assets/stylesheets/missing.png" alt="x">\n',
        "assets/stylesheets/extra.css": "\n@import url(https://evil.example/x.css);\n",
        "assets/javascripts/term-preview.js": '\nfetch("https://evil.example/track");\n',
    }
    for path, extra in add.items():
        (docs / path).write_text((docs / path).read_text(encoding="utf-8") + extra, encoding="utf-8")
    text = (docs / "faq.md").read_text(encoding="utf-8")
    (docs / "faq.md").write_text(text.replace("---\n", "---\ntemplate: no-such.html\n", 1), encoding="utf-8")
    for path, search in (("terms/ppo.md", "search:\n  exclude: true\n"), ("glossary.md", "search:\n  boost: 9\n")):
        text = (docs / path).read_text(encoding="utf-8")
        (docs / path).write_text(text.replace("---\n", "---\n" + search, 1), encoding="utf-8")

    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    checked = make_check(docs)
    expected = [line.removeprefix("ERROR   ") for line in checked.stdout.splitlines() if line.startswith("ERROR")]
    assert len(expected) == 10, checked.stdout
    for says in ("terms/dpo.md:", "assets/stylesheets/extra.css:", "assets/javascripts/term-preview.js:",
                 "terms/ppo.md:2 (field 'search')", "glossary.md:2 (field 'search')"):
        assert any(says in line for line in expected), (says, expected)
    for line in expected:
        assert line in output, (line, output)


def test_anchors_make_check_knows_are_the_ids_the_build_gives_headings(site_dir):
    pages, checked = read_pages(ROOT / "docs"), 0
    for path, text in pages.items():
        if path.startswith("_") or path.startswith(("handout", "index")):  # generated contents
            continue
        base, lang = language_of(path)
        folder = "" if base == "index.md" else base.removesuffix(".md") + "/"
        html = (site_dir / ("" if lang == "zh" else f"{lang}/") / folder / "index.html").read_text(encoding="utf-8")
        known = anchors(page_with_snippets(path, pages)) | GENERATED_IDS
        for level, anchor in re.findall(r'<h([2-6])[^>]*\sid="([^"]+)"', html):
            assert anchor in known, (path, anchor)
            checked += 1
    assert checked > 1000


def test_only_the_normal_page_template_may_be_chosen():
    """404.html would replace a page's content without a word; redirect.html reloads it for ever."""
    from checks.references import template_problems
    themes = {"404.html", "main.html", "redirect.html", "blog-post.html"}
    pages = {f"terms/{name}.md": f"---\ntemplate: {name}.html\n---\n\nText.\n"
             for name in ("404", "redirect", "blog-post", "main")}
    refused = {problem.path: problem.message for problem in template_problems(pages, themes)}
    assert sorted(refused) == ["terms/404.md", "terms/blog-post.md", "terms/redirect.md"]
    assert all("use one of: main.html" in message for message in refused.values())


XHTML_IN_XML = ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
                '<script>window.pw = 1</script></body></html>\n')


def test_only_inert_kinds_of_file_are_published():
    """Chromium runs the script of an .xml file holding XHTML, or naming an XSLT stylesheet,
    opened from the site (tried by hand): a link from any page would run it on the site's address."""
    from core.source_files import name_problem
    for path in ("assets/page.xml", "assets/page.xsl", "assets/page.xht", "assets/page.mht",
                 "assets/README", "terms/notes.rss"):
        problem = name_problem(path)
        assert problem is not None and "the site does not publish this kind of file" in problem.message, path
    for path in ("assets/images/rag.PNG", "assets/slides.pptx", "assets/fonts/x.woff2", "_diagrams/x.yml",
                 "_snippets/notes.txt", "assets/.hidden.xml", "assets/javascripts/term-preview.js"):
        assert name_problem(path) is None, path


def test_index_is_not_a_term_name():
    from core.source_files import name_problem
    for name in ("index.md", "index.en.md"):
        problem = name_problem(f"terms/{name}")
        assert problem is not None and "'index' is not a term" in problem.message
    assert name_problem("terms/indexing.md") is None and name_problem("index.md") is None


# -----------------------------------------------------------------------------
# Links: footnotes, and paths in raw HTML
# -----------------------------------------------------------------------------


def test_a_footnote_holding_html_is_not_a_link_but_its_links_are_checked():
    from checks.links import link_problems, link_targets
    page = "---\ntitle: X\n---\n\nText[^x][^y].\n\n[^x]: <b>bold</b> and [a link](nowhere.md)\n[^y]: <em>c</em>\n"
    assert link_targets(page) == [(7, "nowhere.md")]
    problems = [(p.line, p.message) for p in link_problems({"faq.md": page}, {"faq.md"})]
    assert len(problems) == 1 and problems[0][0] == 7 and "'nowhere.md' leads nowhere" in problems[0][1]


def test_paths_in_raw_html_are_read_from_the_pages_address():
    """MkDocs adjusts Markdown paths to the page's address (terms/rag.md is terms/rag/), not raw HTML's."""
    from checks.links import link_problems
    files = {"index.md", "index.en.md", "terms/rag.md", "terms/rag.en.md", "assets/logo.png"}
    body = ('---\ntitle: X\n---\n\n<img src="../../assets/logo.png" alt="fine"> <a href="../../">fine</a> '
            '<a href="https://example.com/">fine</a> <img src="data:x" alt="nh3 refuses it">\n\n'
            '`<img src="in-code.png">`\n\n```html\n<img src="in-a-fence.png">\n```\n\n'
            '<img src="../assets/logo.png" alt="Logo" width="40">\n\n'
            "<IMG SRC='../assets/missing.png'>\n\n<a href=\"rag.md\">RAG</a> <img src=\"/assets/logo.png\">\n"
            '<img src="../../../etc/passwd">\n')
    problems = [(p.line, p.field, p.message) for p in link_problems({"terms/x.md": body}, files | {"terms/x.md"})]
    assert [(line, field) for line, field, _ in problems] == [
        (13, "image"), (15, "image"), (17, "link"), (17, "image"), (18, "image")]
    written_as_markdown, missing, md_link, absolute, outside = (m for _, _, m in problems)
    assert "the browser would ask for 'terms/assets/logo.png'" in written_as_markdown.replace("reader's ", "")
    assert written_as_markdown.endswith('Write it in Markdown instead: ![Logo](../assets/logo.png){ width="40" }.')
    assert "leads nowhere" in missing and "Check the path" in missing and "Did you mean '../assets/logo.png'" not in missing
    assert md_link.endswith("Write it in Markdown instead: [text](rag.md).")
    assert "starts with '/'" in absolute and "leads outside the site" in outside
    # An English page is published under en/: the same HTML path leads elsewhere.
    english = link_problems({"terms/x.en.md": '<img src="../../assets/logo.png">\n'}, files | {"terms/x.en.md"})
    assert [p.line for p in english] == [1] and "'en/assets/logo.png'" in english[0].message


def test_what_the_link_check_reads_as_a_link_and_what_it_leaves_to_the_allowlist():
    from checks.links import link_problems
    files = {"index.md", "terms/rag.md", "terms/x.md"}
    page = ('---\ntitle: X\n---\n\n[a](rag.md){: href="missing.md" }\n\n'  # attr_list sets the target
            '[b](JAVASCRIPT&#58;alert(1)) [c](<java\tscript:alert(1)>)\n\n'  # schemes: nh3 says why
            '<abbr title="<img src=x onerror=alert(1)>">A</abbr> [d](rag.md "<img src=y>")\n\n'
            '*[A]: <img src=z>\n')
    problems = [(p.line, p.message[:40]) for p in link_problems({"terms/x.md": page}, files)]
    assert problems == [(5, "the link 'missing.md' leads nowhere: the")], problems


def test_published_addresses_are_the_builds(site_dir):
    from checks.html_paths import published
    from core.source_files import walk
    files = {path for path in walk(ROOT / "docs")[0] if not path.startswith(("_snippets/", "_diagrams/"))}
    for address in published({p for p in files if p.endswith(".md")}, files):
        assert (site_dir / address).exists() or (site_dir / address / "index.html").exists(), address


def test_a_file_saved_again_is_read_again_even_in_the_same_clock_tick(tmp_path):
    """read_decoded keeps each file's text between reads; an edit (same size, same tick of the
    file system's clock, as a quick second save can be) is still seen."""
    import os

    from core.source_files import read_decoded
    page = tmp_path / "page.md"
    page.write_text("第一版", encoding="utf-8")
    stamp = page.stat().st_mtime_ns
    assert read_decoded(tmp_path, "page.md") == ("第一版", None)
    page.write_text("第二版", encoding="utf-8")  # the same number of bytes
    os.utime(page, ns=(stamp, stamp))            # and the same time, to the nanosecond
    assert read_decoded(tmp_path, "page.md") == ("第二版", None)
    old = stamp - 10_000_000_000                 # a file saved long ago, then edited: a new size
    os.utime(page, ns=(old, old))
    assert read_decoded(tmp_path, "page.md") == ("第二版", None)
    page.write_text("第三版，长一些", encoding="utf-8")
    os.utime(page, ns=(old, old))
    assert read_decoded(tmp_path, "page.md") == ("第三版，长一些", None)
