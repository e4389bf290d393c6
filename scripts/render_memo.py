"""`make serve`: a page whose every input is as it was at the last build is not rendered again.

Under `make serve` every save rebuilds the whole site, yet most pages come out exactly as
before. Three steps of a page are remembered, each keyed by a checksum of everything it reads:

- reading and converting it (MkDocs' _populate_page: its front matter, the on_page_markdown
  hooks, Python-Markdown with the glossary's extension, the on_page_content hooks), keyed by
  its source, every term's names, the other files' addresses, the page's git date, the
  settings and the project's files (below), and kept only while the terms the page shows
  (its own, its related terms, those it links) are as they were; a page that lists every
  term (the glossary, the learning path) is keyed by every term whole. Its one effect on
  other pages, the glossary's record of the terms it links, is made again from what was
  remembered;
- the finished page (Material's template, then every on_post_page hook: the safety checks,
  the search settings, the whitespace pass), keyed by the page's whole template context
  after every on_page_context hook: its content (with backlinks and the handout filled in),
  title, metadata, table of contents, addresses, the language links, the navigation of its
  language (every item's title, address and metadata), the configuration as i18n set it for
  the language. A context entry it does not know is keyed by its repr, or the page is
  rendered (an object whose repr is an address never matches);
- Material's search entries for the page, keyed by what they are made of (content, address,
  title, metadata, table of contents).

The project's files are mkdocs.yml, overrides/, hooks/ and docs/assets, _snippets and
_diagrams, by checksum of what they hold. An edit changes at least one input of every page
it changes (another page's preview of a term is in that page's content; a renamed page
changes the navigation of every page), so a remembered page is the page the build would
write. A step that logged anything (a warning, an error) is not remembered: the next build
says it again. Entries the last build did not use are dropped, so a long session does not
grow. `make build` uses the same memo, kept between builds in a file (scripts/build_cache.py);
there MkDocs cleans and writes the site folder as usual. tests/test_build_speed.py edits a copy
of the site in several ways and compares every served page, and every page a build with the
kept memo writes, with a fresh build.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import logging
import os
import pickle
import re
import tempfile
import types
from pathlib import Path

TABLES = ("populated", "pages", "search")  # what is remembered of a page (below); build_cache.py keeps them
_STANDARD_CONTEXT = frozenset({"nav", "pages", "config", "page", "base_url", "mkdocs_version"})
# Not keyed from the configuration: what Markdown reads (its result is the page's content),
# the code (in the project key), and the hooks' own state, read before the template (its
# results are in the content and metadata); and where the files go (a child process's
# language goes to a directory of its own) and the preview's address, which no page shows.
_CONFIG_NOT_KEYED = frozenset({"mdx_configs", "markdown_extensions", "plugins", "hooks", "_current_page", "site_dir",
                               "dev_addr",
                               "safety_not_found", "llm_terms_git_dates", "llm_terms_glossary",
                               "llm_terms_diagrams", "llm_terms_glossary_markdown"})


class Memo:
    """What one process remembers, and what it added and used since the last fork."""

    def __init__(self) -> None:
        self.populated: dict[str, dict] = {}
        self.pages: dict[str, str] = {}
        self.search: dict[str, str] = {}     # search entries as JSON
        self.used: set[str] = set()
        self.added: dict[str, tuple[str, object]] = {}
        self.project = ""  # project_key of the build under way
        self.manages_site = True  # make serve: the site folder is kept between builds (below)
        # The served site's files: each page's key as the last build that finished left it,
        # so that a remembered page already on disk is not written again (and, with MkDocs'
        # cleaning of the folder skipped, what no build writes any more is removed at the end).
        self.site: Path | None = None
        self.finished: dict[str, str] = {}   # dest path -> key, by the last build that finished
        self.previous: dict[str, str] = {}   # the same, as this build started
        self.written: dict[str, str] = {}    # this build's pages (written or kept)
        self.kept: set[str] = set()          # this build's pages left as they were on disk
        self.started = 0                     # the file system's clock when this build started
        self.sources: list[Path] = []        # what a build reads: a save during it is seen at its end
        self.source_list = {}.keys()         # the files among them as the build started

    def get(self, table: str, key: str):
        found = getattr(self, table).get(key)
        if found is not None:
            self.used.add(key)
        return found

    def put(self, table: str, key: str, value) -> None:
        getattr(self, table)[key] = value
        self.used.add(key)
        self.added[key] = (table, value)

    def start_build(self, config) -> None:
        self.used = set()
        self.added = {}
        self.site = Path(config.site_dir).resolve()
        self.site.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=self.site.parent) as marker:  # first: a save from now on counts
            self.started = os.stat(marker.name).st_mtime_ns
        self.project = project_key(config)
        root = Path(config.config_file_path or ".").parent
        self.sources = [Path(config.docs_dir), root / "overrides", root / "hooks",
                        Path(config.config_file_path or "mkdocs.yml")]
        self.source_list = source_times(self.sources).keys()
        self.previous, self.finished = self.finished, {}  # nothing is trusted after a failed build
        self.written, self.kept = {}, set()

    def unchanged_on_disk(self, dest: str, key: str) -> bool:
        """The page at `dest` is the one this key stands for, as the last build wrote it."""
        if self.previous.get(dest) == key and (self.site / dest).is_file():
            self.kept.add(dest)
            self.written[dest] = key
            return True
        return False

    def handed(self) -> dict:
        """For the parent: a child's additions, the keys it used, the pages it wrote or kept."""
        return {"added": self.added, "used": self.used, "written": self.written, "kept": self.kept}

    def take(self, handed: dict) -> None:
        for key, (table, value) in handed["added"].items():
            getattr(self, table)[key] = value
        self.added.update(handed["added"])  # as the parent's own: kept, or dropped after a save during the build
        self.used |= handed["used"]
        self.written.update(handed["written"])
        self.kept |= handed["kept"]

    def end_build(self) -> None:
        """Keep only what this build used: the next build needs nothing older. Remove the
        files this build neither wrote nor kept (a deleted page, an old asset), as MkDocs'
        cleaning of the folder before the build would have.

        A file saved while the build ran (the next build is already queued) may have been
        read before the save by one step and after it by another: the glossary's terms from
        the old text, the page from the new. Nothing this build worked out is kept then, and
        nothing it wrote is trusted: the next build does it again from one consistent read."""
        made = {table: sum(1 for made_in, _ in self.added.values() if made_in == table) for table in TABLES}
        logging.getLogger("mkdocs.render_memo").debug(
            f"render memo: {len(self.used)} steps remembered or made; made anew: {made}")
        if self.saved_during_build():
            for key, (table, _) in self.added.items():
                getattr(self, table).pop(key, None)
            self.written = {}
        for table in (getattr(self, name) for name in TABLES):
            for key in [key for key in table if key not in self.used]:
                del table[key]
        self.finished = self.written
        if not self.manages_site:  # make build: MkDocs emptied the folder when the build started
            return
        for folder, subfolders, files in os.walk(self.site, topdown=False):  # files before their folders
            for name in files:
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, self.site).replace(os.sep, "/")
                if relative not in self.kept and os.lstat(path).st_mtime_ns < self.started:
                    os.unlink(path)
            if folder != str(self.site) and not os.listdir(folder):
                os.rmdir(folder)


    def saved_during_build(self) -> bool:
        """Whether a source the build reads (under docs/, overrides/, hooks/, and mkdocs.yml)
        was saved, added or deleted since the build started, by the file system's clock (the
        same clock as `started`: the same tick counts). Hidden files (an editor's swap file)
        and __pycache__ are not read by the build and do not count."""
        now = source_times(self.sources)
        return now.keys() != self.source_list or any(stamp >= self.started for stamp in now.values())


def source_times(sources: list[Path]) -> dict[str, int]:
    """Every file the build may read under `sources`, with its modification time."""
    found: dict[str, int] = {}

    def visit(path: str, top: bool = False) -> None:
        try:
            # A link is not followed (one to its own folder would be walked for ever; the
            # source checks, which run after this, refuse links under docs/).
            if not os.path.isdir(path) or (os.path.islink(path) and not top):
                found[path] = os.lstat(path).st_mtime_ns
                return
            with os.scandir(path) as entries:
                for entry in entries:
                    if not entry.name.startswith(".") and entry.name != "__pycache__":
                        visit(entry.path)
        except (FileNotFoundError, NotADirectoryError):  # deleted or replaced while we looked
            pass

    for source in sources:
        visit(str(source), top=True)
    return found


MEMO = Memo()


# -----------------------------------------------------------------------------
# Keys
# -----------------------------------------------------------------------------

def _json(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_shown)


def _shown(value) -> str:
    """A module's function (a slugify, an emoji generator) by its module and name, the same in
    every process (make build keeps the memo between processes); anything else, a function
    made inside another included, by its repr (an object known by its address is not keyed)."""
    name = getattr(value, "__qualname__", "")
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType)) and "<" not in name:
        return f"<function {value.__module__}.{name}>"
    if isinstance(value, functools.partial):  # toc's slugify
        return f"partial({_shown(value.func)}, {_json(value.args)}, {_json(value.keywords)})"
    return repr(value)


def _toc(items) -> list:
    return [[item.title, item.url, item.level, _toc(item.children)] for item in items or ()]


def _nav(items, fields: frozenset[str] | None) -> list:
    out = []
    for item in items:
        meta = getattr(item, "meta", None)
        if meta is not None and fields is not None:
            meta = [bool(meta), {name: meta[name] for name in sorted(fields & meta.keys())}]
        out.append([type(item).__name__, item.title, getattr(item, "url", None),
                    _json(meta) if meta is not None else None, _nav(getattr(item, "children", None) or (), fields)])
    return out


def navigation_key(nav, config) -> str:
    """The navigation as every page's template reads it; once per language build. Of each
    item's metadata, only the fields a template reads (meta_fields_read): a term's summary,
    in every term page's metadata, is not in the navigation of every page."""
    key = getattr(nav, "_render_memo_key", None)
    if key is None:
        fields = meta_fields_read(tuple(config.theme.dirs), config.theme.custom_dir, MEMO.project)
        key = hashlib.blake2b(_json(_nav(nav.items, fields)).encode(), digest_size=20).hexdigest()
        nav._render_memo_key = key
    return key


# What the templates do with an object's `.meta`: read a named field (`.meta.icon`,
# `.meta["icon"]`), test it (`.meta and ...`, `{% if page.meta %}`), or name it in a string
# (`lang.t("blog.meta")`). Anything else (`.meta | tojson`, `{% set m = page.meta %}`,
# `.meta.items()`, `.meta or {}`, `item["meta"]`, `item|attr("meta")`) may read every field:
# then every field is keyed.
_META = re.compile(r"\.meta\b")
_META_BY_NAME = re.compile(r"""(["'])meta\1""")
_META_FIELD = re.compile(r"""\.(\w+)\b(?!\s*\()|\[\s*(["'])(\w+)\2\s*\]""")
_META_TEST = re.compile(r"""\s+and\b|["']""")
_META_IF_END = re.compile(r"\s*-?%\}")
_STATEMENT = re.compile(r"\{%-?\s*(\w+)")
_TEMPLATE_SUFFIXES = frozenset({".html", ".htm", ".xml", ".txt", ".j2", ".jinja", ".jinja2"})
_fields_read: dict[tuple, frozenset[str] | None] = {}


def meta_fields_read(theme_dirs: tuple[str, ...], custom_dir: str | None = None,
                     project: str = "") -> frozenset[str] | None:
    """Every metadata field a template in the theme's folders reads, or None when one may
    read them all. Over every object's `.meta` (the page's, a navigation item's, a blog
    post's): more fields than the navigation needs, never fewer. Every file of the project's
    own templates (custom_dir: anything there may be included); the installed theme's
    templates by their suffix (its scripts and icons are not templates). Once per content
    of the templates (project: the project key holds overrides/; the theme is the software)."""
    if (theme_dirs, project) in _fields_read:
        return _fields_read[theme_dirs, project]
    fields: set[str] | None = set()
    for folder in theme_dirs:
        own = custom_dir is not None and os.path.abspath(folder) == os.path.abspath(custom_dir)
        for where, subfolders, names in os.walk(folder):
            subfolders[:] = [name for name in subfolders if own or name not in (".icons", "__pycache__")]
            for name in names:
                if (own or os.path.splitext(name)[1] in _TEMPLATE_SUFFIXES) and fields is not None:
                    text = Path(where, name).read_text(encoding="utf-8", errors="replace")
                    fields = _fields_in(text, fields)
    _fields_read[theme_dirs, project] = frozen = frozenset(fields) if fields is not None else None
    return frozen


def _fields_in(text: str, fields: set[str]) -> set[str] | None:
    if _META_BY_NAME.search(text):
        return None
    for use in _META.finditer(text):
        field = _META_FIELD.match(text, use.end())
        if field:
            fields.add(field.group(1) or field.group(3))
        elif _META_TEST.match(text, use.end()):
            continue
        elif _META_IF_END.match(text, use.end()):
            statement = list(_STATEMENT.finditer(text, 0, use.start()))
            if not statement or statement[-1].group(1) not in ("if", "elif"):
                return None
        else:
            return None
    return fields


def project_key(config) -> str:
    """mkdocs.yml, the templates, the hooks and the assets, by checksum of what they hold."""
    root = Path(config.config_file_path or ".").parent
    digest = hashlib.blake2b(digest_size=20)
    digest.update(Path(config.config_file_path).read_bytes() if config.config_file_path else b"")
    plugins = getattr(config, "plugins", None) or {}
    search = plugins.get("material/search") or plugins.get("search")
    settings = dict(search.config) if search is not None else {}
    digest.update(_json(settings).encode())
    for name in ("jieba_dict", "jieba_dict_user"):  # read by Material, relative to the working folder
        if settings.get(name) and os.path.isfile(settings[name]):
            digest.update(Path(settings[name]).read_bytes())
    docs = Path(config.docs_dir)
    for folder in ("overrides", str(docs / "assets"), str(docs / "_snippets"), str(docs / "_diagrams")):
        digest.update(_folder_key(root / folder))
    digest.update(_running_hooks_key(root / "hooks"))
    return digest.hexdigest()


def _folder_key(folder: Path) -> bytes:
    digest = hashlib.blake2b(digest_size=20)
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


_hooks_keys: dict[Path, bytes] = {}


def _running_hooks_key(folder: Path) -> bytes:
    """hooks/ as this process loaded it: MkDocs loads the hooks once per process, so under
    `make serve` an edit to them takes effect only after a restart, and what the old code
    makes must not be remembered as the new code's (the kept file outlives the process)."""
    if folder not in _hooks_keys:
        _hooks_keys[folder] = _folder_key(folder)
    return _hooks_keys[folder]


def page_key(context, page, config, nav, project: str) -> str | None:
    """Everything the template and the on_post_page hooks read of this page; None when an
    entry of the context cannot be keyed."""
    extra = {}
    for name, value in context.items():
        if name in _STANDARD_CONTEXT:
            continue
        shown = _json(value)
        if " at 0x" in shown:  # an object known only by its address: render
            return None
        extra[name] = shown
    parts = [
        project, navigation_key(nav, config), page.file.src_uri, page.url, page.canonical_url, page.edit_url,
        page.title, page.content, _json(page.meta), _json(_toc(page.toc)), page.is_homepage,
        _json(dict(config.theme)), _json(config.extra), _configuration(config), _json(extra),
    ]
    return hashlib.blake2b(_json(parts).encode(), digest_size=20).hexdigest()


def _configuration(config) -> str:
    """The configuration as i18n set it for this language (its theme and extra: above)."""
    return _json({name: value for name, value in config.items()
                  if name not in _CONFIG_NOT_KEYED and name not in ("theme", "extra")})


def _files_key(files) -> str:
    """Every file's source and address (relative links are resolved against them)."""
    key = getattr(files, "_render_memo_key", None)
    if key is None:
        listed = sorted((file.src_uri, file.dest_uri, file.url) for file in files)
        key = files._render_memo_key = hashlib.blake2b(_json(listed).encode(), digest_size=20).hexdigest()
    return key


def _glossary_keys(glossary) -> tuple[str, str, dict]:
    """What the glossary extension reads of other pages, once per build:
    - every term's names and page (which words of any page become links, and to where);
    - everything: every term whole, the checked months, the comparison pages' titles (for a
      page that lists them all: the glossary, the learning path, the comparison list);
    - each term's own checksum, for a page's record of the terms it shows (below).
    Not whether a translation is stale: that is the page's own part of the key."""
    keys = getattr(glossary, "_render_memo_keys", None)
    if keys is None:
        from glossary.pages import comparison_pages

        registry = glossary.registry
        terms = {f"{lang}/{term_id}": hashlib.blake2b(pickle.dumps(term), digest_size=16).hexdigest()
                 for lang, by_id in registry.terms.items() for term_id, term in by_id.items()}
        names = sorted([lang, term.id, term.path, list(term.names)]
                       for lang, by_id in registry.terms.items() for term in by_id.values())
        whole = pickle.dumps((sorted(terms.items()), sorted(registry.checked.items()),
                              sorted(registry.page_categories.items()),
                              [comparison_pages(glossary, lang, ".") for lang in sorted(registry.terms)]))
        keys = glossary._render_memo_keys = (
            hashlib.blake2b(_json(names).encode(), digest_size=20).hexdigest(),
            hashlib.blake2b(whole, digest_size=20).hexdigest(), terms)
    return keys


def _shown_terms(page, config) -> list[str]:
    """The terms whose fields a converted page shows: its own (heading, card), its related
    terms, and every term it links (the link, the preview card, the printed list)."""
    glossary, lang = config["llm_terms_glossary"], page.file.locale
    own = glossary.term_of(page.file.src_uri, lang)
    ids = {*(own.related if own else ()), *([own.id] if own else ()), *config["llm_terms_glossary_markdown"].linked}
    return sorted(f"{lang}/{term_id}" for term_id in ids)


def _shown_key(shown: list[str], terms: dict) -> str:
    return hashlib.blake2b(_json([[name, terms.get(name)] for name in shown]).encode(), digest_size=20).hexdigest()


def populated_key(page, config, files) -> str | None:
    """Everything MkDocs' reading and converting of a page reads: its source, the
    on_page_markdown and on_page_content hooks (the glossary's terms, the diagrams and
    snippets in the project key, the page's date from git), Python-Markdown's settings, the
    other files' addresses (relative links), the configuration as i18n set it."""
    glossary = config.get("llm_terms_glossary")
    if glossary is None:
        return None
    extensions = [name if isinstance(name, str) else type(name).__name__ for name in config.markdown_extensions]
    mdx = _json(config.mdx_configs)
    if " at 0x" in mdx:  # an object of this build in an extension's settings
        return None
    from glossary.render import COMPARISONS_PLACEHOLDER, GLOSSARY_INDEX_PLACEHOLDER, LEARNING_PATH_PLACEHOLDER

    dates = config.get("llm_terms_git_dates") or {}
    source = page.file.content_string
    names, whole, _ = _glossary_keys(glossary)
    lists_all = any(marker in source for marker in
                    (LEARNING_PATH_PLACEHOLDER, COMPARISONS_PLACEHOLDER, GLOSSARY_INDEX_PLACEHOLDER))
    parts = [
        MEMO.project, source, page.file.src_uri, page.file.dest_uri, page.file.url,
        extensions, mdx, _files_key(files), whole if lists_all else names,
        page.file.src_uri in glossary.registry.stale_translations,
        dates.get(str(Path(page.file.abs_src_path).resolve())),
        _json(dict(config.theme)), _json(config.extra), _configuration(config),
    ]
    return hashlib.blake2b(_json(parts).encode(), digest_size=20).hexdigest()


def _saved(page, config) -> dict:
    shown = _shown_terms(page, config)
    return {
        "shown_key": _shown_key(shown, _glossary_keys(config["llm_terms_glossary"])[2]),
        "markdown": page.markdown, "meta": pickle.dumps(page.meta), "content": page.content,
        "toc": pickle.dumps(page.toc), "title": page._title_from_render,
        "anchors": set(page.present_anchor_ids or ()),
        "links": {file.src_uri: dict(links) for file, links in (page.links_to_anchors or {}).items()}
        if page.links_to_anchors is not None else None,
        "linked": list(config["llm_terms_glossary_markdown"].linked),
        # which terms the page shows, and their fields then: a changed summary remakes only
        # the pages that show that term (the key holds every term's names, so the same words
        # link the same terms)
        "shown": shown,
    }


def _restore(page, saved: dict, config, files) -> None:
    """The page as the events left it, and their one effect on other pages: the glossary's
    record of the terms it links (glossary/build.py, as glossary_hook.on_page_content does)."""
    page.markdown = saved["markdown"]
    page.meta = pickle.loads(saved["meta"])  # a copy each time: hooks change page.meta
    page.content = saved["content"]
    page.toc = pickle.loads(saved["toc"])
    page._title_from_render = saved["title"]
    page.present_anchor_ids = set(saved["anchors"])
    if saved["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(src): dict(links) for src, links in saved["links"].items()}
    config["llm_terms_glossary"].record_page(page.file.locale, files, html.unescape(page.title), page.url,
                                             saved["linked"])


def search_key(page) -> str:
    """What Material's entries for a page are made of; the project key holds the search
    settings and jieba's dictionaries, which decide how Chinese text is cut."""
    parts = [MEMO.project, page.content, page.url, page.title, _json(page.meta), _json(_toc(page.toc))]
    return hashlib.blake2b(_json(parts).encode(), digest_size=20).hexdigest()


class Records(logging.Handler):
    """Whether a step logged anything (its messages still go where they always go)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record) -> None:
        if record.levelno >= logging.INFO:
            self.count += 1

    def __enter__(self):
        logger = logging.getLogger("mkdocs")
        if logger.getEffectiveLevel() > logging.INFO:  # `-q`: a warning would not be seen, so not counted
            self.count = 1
        logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        logging.getLogger("mkdocs").removeHandler(self)


# -----------------------------------------------------------------------------
# Installing it
# -----------------------------------------------------------------------------

def install(build_module, manage_site: bool = True) -> None:
    """Put the memo into MkDocs' two page steps and Material's search entries. Under `make
    serve` (manage_site) it also keeps the site folder between builds, rewriting only what changed."""
    from material.plugins.search.plugin import SearchIndex

    original_populate = build_module._populate_page

    def populate(page, config, files, dirty=False):
        key = populated_key(page, config, files) if not dirty else None
        saved = MEMO.get("populated", key) if key else None
        if saved is not None and saved["shown_key"] != _shown_key(
                saved["shown"], _glossary_keys(config["llm_terms_glossary"])[2]):
            saved = None  # a term this page shows has changed
        if saved is not None:
            _restore(page, saved, config, files)
            return
        with Records() as records:
            original_populate(page, config, files, dirty)
        # The glossary read every page when the build started; a save since then means the
        # terms and this page come from two versions of it: do not keep that.
        read_by_glossary = config["llm_terms_glossary"].pages.get(page.file.src_uri)
        if key and not records.count and read_by_glossary in (None, page.file.content_string):
            MEMO.put("populated", key, _saved(page, config))

    build_module._populate_page = populate
    build_module._build_page = _memo_build_page(build_module)
    MEMO.manages_site = manage_site
    if manage_site:
        _keep_site_folder(build_module)
    original_add = SearchIndex.add_entry_from_context

    def add_entry_from_context(index, page):
        key = search_key(page)
        entries = MEMO.get("search", key)
        if entries is not None:
            index.entries.extend(json.loads(entries))  # a copy each time: i18n gathers the entries
            return
        before = len(index.entries)
        with Records() as records:
            original_add(index, page)
        if not records.count:
            MEMO.put("search", key, json.dumps(index.entries[before:], ensure_ascii=False, default=str))

    SearchIndex.add_entry_from_context = add_entry_from_context


def _keep_site_folder(build_module) -> None:
    original_clean = build_module.utils.clean_directory

    def clean_directory(directory):
        if MEMO.site is None or Path(directory).resolve() != MEMO.site:
            original_clean(directory)
        # else: the served site is not emptied; MEMO.end_build removes what this build left out

    build_module.utils.clean_directory = clean_directory


def _memo_build_page(build_module):
    """MkDocs 1.6's _build_page (mkdocs/commands/build.py), the template and on_post_page
    skipped when the page's key is remembered."""
    from mkdocs import utils
    from mkdocs.exceptions import BuildError

    log = logging.getLogger("mkdocs.commands.build")

    def _build_page(page, config, doc_files, nav, env, dirty=False, excluded=False):
        config._current_page = page
        try:
            if dirty and not page.file.is_modified():
                return
            log.debug(f"Building page {page.file.src_uri}")
            page.active = True
            context = build_module.get_context(nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            if excluded:
                page.content = (
                    '<div class="mkdocs-draft-marker" title="This page will not be included into the built site.">'
                    'DRAFT'
                    '</div>' + (page.content or '')
                )
            key = page_key(context, page, config, nav, MEMO.project)
            output = MEMO.get("pages", key) if key else None
            if output is not None and MEMO.unchanged_on_disk(page.file.dest_uri, key):
                return
            if output is None:
                with Records() as records:
                    output = template.render(context)
                    output = config.plugins.on_post_page(output, page=page, config=config)
                if key and not records.count:
                    MEMO.put("pages", key, output)
            if output.strip():
                utils.write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
                if key:
                    MEMO.written[page.file.dest_uri] = key
            else:
                log.info(f"Page skipped: '{page.file.src_uri}'. Generated empty output.")
        except Exception as e:
            message = f"Error building page '{page.file.src_uri}':"
            if not isinstance(e, BuildError):
                message += f" {e}"
            log.error(message)
            raise
        finally:
            page.active = False
            config._current_page = None

    return _build_page
