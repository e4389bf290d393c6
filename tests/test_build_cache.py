"""The file `make build` keeps its memo in (scripts/build_cache.py): read only when it is ours
and this software wrote it, never a reason for a build to fail, and bounded on disk."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import build_cache
import pytest
import render_memo


class _Config:
    def __init__(self, project: Path):
        self.config_file_path = str(project / "mkdocs.yml")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return folder


def _memo_with_a_page() -> render_memo.Memo:
    memo = render_memo.Memo()
    memo.put("pages", "key", "<html>page</html>")
    memo.put("search", "entries", "[]")
    return memo


def test_what_one_build_kept_the_next_reads(project):
    kept = build_cache.Kept(_memo_with_a_page())
    kept.before(_Config(project))
    kept.after(_Config(project))
    path = build_cache.path_for(project / "mkdocs.yml")
    assert path.parent == Path(os.environ["XDG_CACHE_HOME"]) / "llm-terms-icebreaker"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    fresh = render_memo.Memo()
    build_cache.Kept(fresh).before(_Config(project))
    assert fresh.pages == {"key": "<html>page</html>"} and fresh.search == {"entries": "[]"}


def test_a_build_that_changed_nothing_does_not_write_the_file_again(project):
    build_cache.save(_memo_with_a_page(), project / "mkdocs.yml", build_cache.software_key())
    path = build_cache.path_for(project / "mkdocs.yml")
    os.utime(path, ns=(1, 1))
    memo = render_memo.Memo()
    kept = build_cache.Kept(memo)
    kept.before(_Config(project))
    memo.added, memo.used = {}, {"key", "entries"}  # as a build that found every page remembered
    kept.after(_Config(project))
    assert path.stat().st_mtime_ns == 1
    memo.pages.pop("key")  # a build that no longer has that page: written without it
    kept.after(_Config(project))
    assert "key" not in pickle.loads(path.read_bytes())["tables"]["pages"]


def test_another_software_version_starts_cold(project):
    build_cache.save(_memo_with_a_page(), project / "mkdocs.yml", "an older Material")
    memo = render_memo.Memo()
    assert not build_cache.load(memo, project / "mkdocs.yml", build_cache.software_key())
    assert memo.pages == {}


def test_the_software_key_names_every_installed_package_and_the_scripts(monkeypatch):
    before = build_cache.software_key()
    import importlib.metadata

    real = importlib.metadata.distributions

    class Upgraded:
        def __init__(self, dist):
            upgraded = dist.metadata["Name"] == "mkdocs-material"
            self.metadata, self.version = dist.metadata, dist.version + (".1" if upgraded else "")

    monkeypatch.setattr(importlib.metadata, "distributions", lambda: [Upgraded(d) for d in real()])
    assert build_cache.software_key() != before


@pytest.mark.parametrize("damage", ["not a pickle", "truncated", "a list", "no tables"])
def test_a_damaged_file_is_a_cold_start_not_a_failed_build(project, damage):
    software = build_cache.software_key()
    build_cache.save(_memo_with_a_page(), project / "mkdocs.yml", software)
    path = build_cache.path_for(project / "mkdocs.yml")
    data = path.read_bytes()
    path.write_bytes({"not a pickle": b"hello", "truncated": data[:len(data) // 2], "a list": pickle.dumps([1, 2]),
                      "no tables": pickle.dumps({"software": software, "tables": {"pages": {}}})}[damage])
    memo = render_memo.Memo()
    assert not build_cache.load(memo, project / "mkdocs.yml", build_cache.software_key())
    assert memo.pages == {}


def test_a_file_others_may_write_or_a_link_is_not_read(project, tmp_path):
    """pickle runs what it reads: only a plain file of this user that nobody else can change."""
    software = build_cache.software_key()
    build_cache.save(_memo_with_a_page(), project / "mkdocs.yml", software)
    path = build_cache.path_for(project / "mkdocs.yml")
    path.chmod(0o620)
    assert not build_cache.load(render_memo.Memo(), project / "mkdocs.yml", software)
    path.chmod(0o600)
    assert build_cache.load(render_memo.Memo(), project / "mkdocs.yml", software)
    elsewhere = tmp_path / "elsewhere.pickle"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    assert not build_cache.load(render_memo.Memo(), project / "mkdocs.yml", software)


def test_only_the_newest_projects_files_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    software = build_cache.software_key()
    paths = []
    for number in range(build_cache.KEEP + 2):
        folder = tmp_path / f"copy-{number}"
        folder.mkdir()
        build_cache.save(_memo_with_a_page(), folder / "mkdocs.yml", software)
        paths.append(build_cache.path_for(folder / "mkdocs.yml"))
        os.utime(paths[-1], (time.time() - 100 + number, time.time() - 100 + number))
    build_cache.save(_memo_with_a_page(), tmp_path / "copy-0" / "mkdocs.yml", software)  # used again: newest
    left = sorted(p.name for p in paths if p.exists())
    assert len(left) == build_cache.KEEP
    assert paths[0].exists() and not paths[1].exists() and not paths[2].exists()
    assert len(list(paths[0].parent.iterdir())) == build_cache.KEEP  # no temporary file left behind


def test_the_file_is_outside_the_checkout_and_off_when_asked(project, monkeypatch):
    """A pull request cannot add it (it is never in the project folder), and LLM_TERMS_CACHE=0
    turns it off."""
    path = build_cache.path_for(project / "mkdocs.yml")
    assert project not in path.parents
    assert build_cache.enabled()
    monkeypatch.setenv("LLM_TERMS_CACHE", "0")
    assert not build_cache.enabled()


# -----------------------------------------------------------------------------
# Which metadata fields the navigation key holds (scripts/render_memo.py)
# -----------------------------------------------------------------------------

def test_materials_templates_read_these_fields_of_a_navigation_item(tmp_path):
    """Material's partials read a navigation item's icon, subtitle and status; a term's
    summary is in no template, so changing it does not change every page's navigation key."""
    import material

    templates = str(Path(material.__file__).parent / "templates")
    fields = render_memo.meta_fields_read((str(tmp_path), templates))
    assert fields is not None and {"icon", "subtitle", "status", "hide"} <= fields
    assert "summary" not in fields and "level" not in fields


@pytest.mark.parametrize("template, read", [
    ('{% if nav_item.meta and nav_item.meta.icon %}{{ nav_item.meta["subtitle"] }}{% endif %}',
     {"icon", "subtitle"}),
    ("{% if page.meta %}{{ lang.t('blog.meta') }}{% endif %}", set()),
    ("{{ nav_item.meta | tojson }}", None),
    ("{% set m = nav_item.meta %}{{ m.summary }}", None),
    ("{% for name, value in nav_item.meta.items() %}{{ value }}{% endfor %}", None),
    ("{{ nav_item.meta[field] }}", None),
    ("{% set m = nav_item.meta or {} %}{{ m.summary }}", None),
    ('{{ nav_item["meta"].summary }}', None),
    ("{{ (nav_item|attr('meta')).summary }}", None),
])
def test_a_template_that_may_read_any_field_keys_them_all(tmp_path, template, read):
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "nav-item.html").write_text(template, encoding="utf-8")
    fields = render_memo.meta_fields_read((str(tmp_path),), str(tmp_path))
    assert fields == (frozenset(read) if read is not None else None)


def test_every_file_of_the_projects_own_templates_is_read_and_read_again_when_they_change(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "card.svg").write_text("{{ nav_item.meta.level }}", encoding="utf-8")
    assert render_memo.meta_fields_read((str(tmp_path),), str(tmp_path), "before") == {"level"}
    (tmp_path / "assets" / "card.svg").write_text("{{ nav_item.meta.summary }}", encoding="utf-8")
    assert render_memo.meta_fields_read((str(tmp_path),), str(tmp_path), "after") == {"summary"}


def test_the_navigation_key_holds_what_the_templates_read_and_nothing_else():
    class Item:
        def __init__(self, meta):
            self.title, self.url, self.meta, self.children = "RAG", "terms/rag/", meta, []

    def key(meta, fields):
        return render_memo._json(render_memo._nav([Item(meta)], fields))

    fields = frozenset({"icon", "status"})
    assert key({"summary": "a", "icon": "x"}, fields) == key({"summary": "b", "icon": "x"}, fields)
    assert key({"icon": "x"}, fields) != key({"icon": "y"}, fields)
    assert key({}, fields) != key({"summary": "a"}, fields)  # `{% if nav_item.meta %}` sees the difference
    assert key({"summary": "a"}, None) != key({"summary": "b"}, None)


def test_what_a_language_process_made_is_written_like_the_parents_own(project):
    """An edit to an English page only: the child process made the page anew and the parent
    nothing; the file must still be written, with the new page in place of the old."""
    software = build_cache.software_key()
    old = render_memo.Memo()
    old.put("pages", "old English page", "<html>old</html>")
    build_cache.save(old, project / "mkdocs.yml", software)
    memo = render_memo.Memo()
    kept = build_cache.Kept(memo)
    kept.before(_Config(project))
    memo.added, memo.used = {}, set()
    child = render_memo.Memo()
    child.put("pages", "new English page", "<html>new</html>")
    memo.take(child.handed())
    memo.pages.pop("old English page")  # end_build: not used by this build
    kept.after(_Config(project))
    stored = pickle.loads(build_cache.path_for(project / "mkdocs.yml").read_bytes())
    assert stored["tables"]["pages"] == {"new English page": "<html>new</html>"}


def test_make_serve_writes_the_file_once_when_it_stops_and_never_mid_build(project):
    path = build_cache.path_for(project / "mkdocs.yml")
    memo = _memo_with_a_page()
    kept = build_cache.Kept(memo, write_each_build=False)
    kept.before(_Config(project))
    kept.after(_Config(project))
    assert not path.exists()  # a save under make serve does not wait for the file
    kept.before(_Config(project))  # Ctrl+C during the next build: its half is not written
    kept.finish()
    assert not path.exists()
    kept.after(_Config(project))
    kept.finish()
    assert pickle.loads(path.read_bytes())["tables"]["pages"] == {"key": "<html>page</html>"}


def test_a_step_whose_warnings_the_build_would_not_show_is_not_remembered():
    """`-q` hides warnings (and strict mode does not see them): what such a step made is not
    kept, or a later build would skip a page that should warn, or fail."""
    import logging

    logger = logging.getLogger("mkdocs")
    level = logger.level
    try:
        logger.setLevel(logging.ERROR)
        with render_memo.Records() as records:
            logger.warning("a link to a page that does not exist")
        assert records.count
        logger.setLevel(logging.DEBUG)
        with render_memo.Records() as records:
            logger.debug("nothing to see")
        assert not records.count
    finally:
        logger.setLevel(level)


def test_the_hooks_key_is_the_code_this_process_runs(tmp_path):
    """MkDocs loads hooks/ once per process: an edit to them under `make serve` changes
    nothing until a restart, so it does not change the keys either (the kept file would
    otherwise hold the old code's pages under the new code's key)."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "a_hook.py").write_text("X = 1\n", encoding="utf-8")
    before = render_memo._running_hooks_key(hooks)
    (hooks / "a_hook.py").write_text("X = 2\n", encoding="utf-8")
    assert render_memo._running_hooks_key(hooks) == before
    assert render_memo._folder_key(hooks) != before  # what a new process gets


def test_a_cache_folder_that_cannot_be_written_costs_the_head_start_not_the_build(project, tmp_path, monkeypatch,
                                                                                caplog):
    (tmp_path / "a file, not a folder").write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a file, not a folder"))
    kept = build_cache.Kept(_memo_with_a_page())
    kept.before(_Config(project))
    with caplog.at_level("INFO", logger="mkdocs"):
        kept.after(_Config(project))  # no exception
    assert "could not be kept for the next build" in caplog.text


def test_the_look_for_saves_during_a_build_follows_no_link(tmp_path):
    """A link to its own folder under docs/ (which the source checks refuse, after this look)
    would otherwise be walked for ever before the build could say what is wrong."""
    docs = tmp_path / "docs"
    (docs / "compare").mkdir(parents=True)
    (docs / "page.md").write_text("# Page\n", encoding="utf-8")
    os.symlink(".", docs / "compare" / "loop-a")
    os.symlink(".", docs / "compare" / "loop-b")
    found = render_memo.source_times([docs])
    assert sorted(Path(path).relative_to(docs).as_posix() for path in found) == [
        "compare/loop-a", "compare/loop-b", "page.md"]


def test_jiebas_dictionary_cache_is_read_whole_and_decoded_as_marshal_would(tmp_path):
    import marshal

    import build
    data = ({"大模型": 3, "大": 0, "模型": 2}, 5)
    path = tmp_path / "cache"
    with open(path, "wb") as file:
        build._WholeFileMarshal.dump(data, file)
    with open(path, "rb") as file:
        assert build._WholeFileMarshal.load(file) == data
    with open(path, "rb") as file:
        assert marshal.load(file) == data
