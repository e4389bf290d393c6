"""`make build`: `mkdocs build`, with the two languages built at the same time on two cores.

mkdocs-static-i18n builds the default language, then, from its on_post_build, the other
languages one after another in the same process (hooks/languages/i18n.py). This script
runs the same build, but forks one process per other language when the build starts:

- the parent is the ordinary build of the default language (the "outer" build);
- a child walks the outer build's set-up (config, files, navigation: so every hook and
  i18n hold what they hold in a sequential build) without rendering a page or copying a
  file, or running the source checks, whose only outcome is messages the parent gives
  (hooks/sources_hook.py), then runs i18n's inner build of its language, for real, into a
  directory of its own;
- where i18n would build that language, the parent waits for the child, moves the child's
  files over its own (in the order a sequential build writes them: the later language's
  shared files, such as assets and sitemap.xml, win) and takes over what the outer build's
  last steps read from an inner build (HANDOFF below). Then the outer build ends as usual:
  the merged search index, the per-language indexes, the 404 pages, the minified assets.

Each page is converted with one Python-Markdown instance, reset between pages
(scripts/markdown_reuse.py), and `make build` leaves without Python's teardown.

And a page whose inputs are as they were at the last build is not converted and rendered
again: `make serve` remembers pages in memory (scripts/render_memo.py), `make build` keeps the
same memo in a file between builds (scripts/build_cache.py; LLM_TERMS_CACHE=0 turns it off).

The site is byte-identical to `mkdocs build` (tests/test_build_speed.py builds both, and a
build from the kept memo after edits). Arguments are those of `mkdocs build`. Without fork
(not Linux/macOS), with one language, or with LLM_TERMS_SEQUENTIAL=1 the languages are built
one after the other, as in `mkdocs build`.
"""

from __future__ import annotations

import atexit
import logging
import marshal
import os
import pickle
import shutil
import signal
import sys
import tempfile
import traceback
from pathlib import Path

import build_cache
import markdown_reuse

ROOT = Path(__file__).resolve().parent.parent
WALK_ONLY = "llm_terms_walk_only"  # hooks/languages/i18n.py's: a child's walk through the outer build


# -----------------------------------------------------------------------------
# What an inner language build leaves for the outer build's last steps
# -----------------------------------------------------------------------------
# In a sequential build these live in the one process; a child hands them over.
# tests/test_build_speed.py fails if something is missing here (the sites differ).

def _i18n(config):
    return config.plugins["i18n"]


def handoff_from_child(config, lang: str, entries_before: int, memo=None) -> dict:
    glossary = config.get("llm_terms_glossary")
    return {
        # `make serve`: the pages this language remembered and used (scripts/render_memo.py).
        "memo": memo.handed() if memo is not None else None,
        # i18n merges every language's search entries into one index at the end.
        "search_entries": _i18n(config).search_entries[entries_before:],
        # safety_hook writes each language's 404 page after the last language.
        "not_found": (config.get("safety_not_found") or {}).get(lang),
        # search_hook reads every language's term URLs to fold term pages' entries.
        "term_urls": glossary.term_urls.get(lang) if glossary is not None else None,
    }


def handoff_to_parent(config, lang: str, handed: dict, memo=None) -> None:
    if memo is not None:
        memo.take(handed["memo"])
    _i18n(config).search_entries.extend(handed["search_entries"])
    if handed["not_found"] is not None:
        config["safety_not_found"][lang] = handed["not_found"]
    glossary = config.get("llm_terms_glossary")
    if glossary is not None and handed["term_urls"] is not None:
        glossary.term_urls[lang] = handed["term_urls"]


# -----------------------------------------------------------------------------
# The build
# -----------------------------------------------------------------------------

class _Silence(logging.Filter):
    """The child's walk through the outer build repeats the parent's messages: drop them."""

    def filter(self, record):
        return False


def parallel_build(build_module, original_build, memo=None, kept=None):
    """A replacement for mkdocs.commands.build.build that forks the other languages (and
    keeps scripts/render_memo.py's memo across the builds: in memory under `make serve`, in
    a file for `make build`, `kept`)."""

    building = []  # i18n calls build() again for each other language when it is not forked

    def build(config, *, serve_url=None, dirty=False):
        if memo is None or building:
            return forked_build(config, serve_url=serve_url, dirty=dirty)
        building.append(True)
        try:
            memo.start_build(config)
            if kept is not None:
                kept.before(config)
            forked_build(config, serve_url=serve_url, dirty=dirty)
            memo.end_build()  # only around the whole build: an inner one would remove the outer's pages
            if kept is not None:
                kept.after(config)
        finally:
            building.clear()

    def forked_build(config, *, serve_url=None, dirty=False):
        i18n = config.plugins.get("i18n")
        others = [lang for lang in (i18n.build_languages if i18n else [])
                  if lang != i18n.default_language]
        if not others or not hasattr(os, "fork") or os.environ.get("LLM_TERMS_SEQUENTIAL"):
            return original_build(config, serve_url=serve_url, dirty=dirty)
        site_dir = Path(config.site_dir).resolve()
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        _load_segmenter(preload=memo is None or not memo.search)
        children = {}
        for lang in others:
            child_dir = Path(tempfile.mkdtemp(prefix=f".build-{lang}-", dir=site_dir.parent))
            read_end, write_end = os.pipe()
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the child: never returns
                os.close(read_end)
                _child(build_module, original_build, config, lang, child_dir, write_end, dirty, serve_url, memo)
            os.close(write_end)
            children[lang] = (pid, read_end, child_dir)
        import mkdocs_static_i18n.plugin as i18n_plugin
        saved = i18n_plugin.build
        i18n_plugin.build = lambda config, dirty=False: _join(config, i18n.current_language, children, site_dir, memo)
        try:
            return original_build(config, serve_url=serve_url, dirty=dirty)
        finally:
            i18n_plugin.build = saved
            for pid, read_end, child_dir in children.values():
                if pid is not None:  # the outer build stopped before it needed this language
                    os.kill(pid, signal.SIGTERM)
                _reap(pid, read_end)
                shutil.rmtree(child_dir, ignore_errors=True)

    return build


def _load_segmenter(preload: bool) -> None:
    """jieba's dictionary (half a second to load from its cache in the temp dir, read whole), once
    for every process: a child gets it with the fork instead of loading it again; not when
    the memo holds search entries, where most pages are not cut at all (jieba loads itself
    on its first cut). And each run of Chinese text is cut once per build: Material's search
    cuts every section's title and text, where the same short runs come back page after page."""
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)  # its loading chatter is not a build message
    if getattr(jieba, "marshal", None) is marshal:
        jieba.marshal = _WholeFileMarshal
    if preload:
        jieba.initialize()
    original = getattr(jieba.cut, "uncached", jieba.cut)
    words: dict[tuple, tuple[str, ...]] = {}  # a new one each build: a new dictionary is read anew

    def cut(sentence, cut_all=False, HMM=True, use_paddle=False):  # noqa: N803  (jieba's name)
        key = (sentence, cut_all, HMM, use_paddle)
        found = words.get(key)
        if found is None:
            found = words[key] = tuple(original(sentence, cut_all, HMM, use_paddle))
        return iter(found)

    cut.uncached = original
    jieba.cut = cut


class _WholeFileMarshal:
    """What jieba's initialize() calls as `marshal`: its dictionary cache (9 MB) read whole,
    then decoded; marshal.load(file) reads it a few bytes at a time, three times slower."""

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(file):
        return marshal.loads(file.read())


def _child(build_module, original_build, config, lang, child_dir: Path, write_end: int, dirty: bool, serve_url,
           memo):
    """Walk the outer build without its pages, then build `lang` for real into child_dir."""
    import mkdocs_static_i18n.plugin as i18n_plugin
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    try:
        config.site_dir = str(child_dir)
        skipped = {
            (build_module, "_populate_page"), (build_module, "_build_page"),
            (build_module, "_build_theme_template"), (build_module, "_build_extra_template"),
            (Files, "copy_static_files"), (Page, "validate_anchor_links"),
        }
        saved = {(owner, name): getattr(owner, name) for owner, name in skipped}
        for owner, name in skipped:
            setattr(owner, name, lambda *args, **kwargs: None)
        silence = _Silence()
        logging.getLogger("mkdocs").addFilter(silence)
        for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
            handler.addFilter(silence)

        def inner_build(config, dirty=False):
            config.pop(WALK_ONLY, None)  # its own language's build is a build like the parent's
            for (owner, name), value in saved.items():
                setattr(owner, name, value)
            logging.getLogger("mkdocs").removeFilter(silence)
            for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
                handler.removeFilter(silence)
            for entry in child_dir.iterdir():  # what the skipped outer build wrote
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
            if config.plugins["i18n"].current_language != lang:
                return  # another child's language
            before = len(config.plugins["i18n"].search_entries)
            try:
                original_build(config, dirty=dirty)
            except BaseException as error:  # noqa: BLE001  handed to the parent, which raises it
                _send(write_end, {"error": error, "trace": traceback.format_exc()})
                os._exit(1)
            _send(write_end, {"handoff": handoff_from_child(config, lang, before, memo)})
            os._exit(0)

        i18n_plugin.build = inner_build
        config[WALK_ONLY] = True  # the source checks are the parent's (hooks/sources_hook.py)
        original_build(config, serve_url=serve_url, dirty=dirty)
        _send(write_end, {"error": RuntimeError(f"the '{lang}' build did not start"), "trace": ""})
    except BaseException as error:  # noqa: BLE001
        _send(write_end, {"error": error, "trace": traceback.format_exc()})
    finally:
        os._exit(1)  # the inner build exits by itself when it succeeds


def _send(write_end: int, message: dict) -> None:
    try:
        data = pickle.dumps(message)
    except Exception:  # noqa: BLE001  an exception that does not pickle: its words are enough
        from mkdocs.exceptions import Abort
        error = message.get("error")
        data = pickle.dumps({"error": Abort(str(error)), "trace": message.get("trace", "")})
    with os.fdopen(write_end, "wb") as pipe:
        pipe.write(data)


def _receive(read_end: int) -> dict:
    with os.fdopen(read_end, "rb", closefd=False) as pipe:
        data = pipe.read()
    return pickle.loads(data) if data else {"error": RuntimeError("a language build stopped"), "trace": ""}


def _join(config, lang: str, children: dict, site_dir: Path, memo) -> None:
    """Where i18n builds `lang`: wait for its child, take its files and what it hands over."""
    pid, read_end, child_dir = children[lang]
    message = _receive(read_end)
    _reap(pid, read_end)
    children[lang] = (None, None, child_dir)
    # Even when that language's build failed: a sequential build leaves the pages it wrote too.
    for source in sorted(child_dir.rglob("*")):
        if source.is_file():
            target = site_dir / source.relative_to(child_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
    if "error" in message:
        from mkdocs.exceptions import Abort, MkDocsException
        error = message["error"]
        if not isinstance(error, (Abort, MkDocsException)) and message["trace"]:
            sys.stderr.write(message["trace"])
        raise error
    handoff_to_parent(config, lang, message["handoff"], memo)


def _reap(pid, read_end) -> None:
    if read_end is not None:
        try:
            os.close(read_end)
        except OSError:
            pass
    if pid is not None:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


class _TemplateCache:
    """Jinja's compiled templates, kept in memory: every build (each language, each rebuild
    under `make serve`) makes a new Jinja environment, which compiles the theme's templates
    again. The key is the template's name and a checksum of its source, so an edited
    template is compiled anew. The same bytecode Jinja would compile: the pages are the same."""

    def __init__(self):
        from jinja2 import BytecodeCache

        class Cache(BytecodeCache):
            def __init__(self):
                self.store: dict[str, bytes] = {}

            def load_bytecode(self, bucket):
                if bucket.key in self.store:
                    bucket.bytecode_from_string(self.store[bucket.key])

            def dump_bytecode(self, bucket):
                self.store[bucket.key] = bucket.bytecode_to_string()

        self.cache = Cache()

    def install(self, theme_class) -> None:
        original = theme_class.get_env
        cache = self.cache

        def get_env(theme):
            env = original(theme)
            env.bytecode_cache = cache
            return env

        theme_class.get_env = get_env


def _with_own_site_url(serve_module, build):
    """`mkdocs serve` sets site_url to the preview server's address, so every page gets an
    absolute canonical link to http://127.0.0.1:8000/, which the safety checks refuse (a page
    may load nothing from outside the site): the preview keeps mkdocs.yml's site_url, and its
    pages are the built site's pages."""
    configured = {}
    load_config = serve_module.load_config

    def load(*args, **kwargs):
        config = load_config(*args, **kwargs)
        configured["site_url"] = config.site_url
        return config

    serve_module.load_config = load

    def serve_build(config, *, serve_url=None, dirty=False):
        config.site_url = configured["site_url"]
        return build(config, serve_url=serve_url, dirty=dirty)

    return serve_build


def main(argv: list[str]) -> None:
    """`build.py [build] ARGS` is `mkdocs build ARGS`; `build.py serve ARGS` is `mkdocs serve ARGS`."""
    from mkdocs import __main__ as mkdocs_cli
    from mkdocs.commands import build as build_module
    from mkdocs.commands import serve as serve_module
    from mkdocs.structure import pages as pages_module
    from mkdocs.theme import Theme

    command = argv.pop(0) if argv and argv[0] in ("build", "serve") else "build"
    _TemplateCache().install(Theme)
    markdown_reuse.install(pages_module)
    memo = kept = None
    keep = build_cache.enabled()
    if command == "serve" or keep:  # a page whose inputs did not change is not rendered again
        import render_memo
        render_memo.install(build_module, manage_site=command == "serve")
        memo = render_memo.MEMO
        if keep:
            kept = build_cache.Kept(memo, write_each_build=command == "build")
    parallel = parallel_build(build_module, build_module.build, memo, kept)
    build_module.build = parallel
    serve_module.build = _with_own_site_url(serve_module, parallel) if command == "serve" else parallel
    code = 0
    try:
        mkdocs_cli.cli([command, *argv], prog_name="mkdocs")
    except SystemExit as leaving:  # click's way out, built or not
        if command != "build":
            raise
        code = leaving.code
    finally:
        if kept is not None:  # make serve, stopped with Ctrl+C
            kept.finish()
    if command == "build":
        _exit_now(code)


def _exit_now(code) -> None:
    """Leave without Python's teardown, which frees every object of a built site one at a
    time (0.3 s of a 4 s build; the system takes the memory back at once). What atexit holds
    still runs, and every message is written out first."""
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    logging.shutdown()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: Python's own exit says 120
        code = code or 120
    os._exit(code or 0)


if __name__ == "__main__":
    main(sys.argv[1:])
