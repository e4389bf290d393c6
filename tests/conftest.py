"""Shared fixtures: one real build of the site, local web servers, a real browser.

Every test is in one tier, set here: `browser` (marked by hand: drives Chromium), `build`
(uses the built site, or runs a build of its own), or `unit` (everything else: plain
functions, `make check` on a copy of the content). `make quick` runs the unit tier.
"""

from __future__ import annotations

import functools
import http.server
import inspect
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  one launch setting for tests, PDFs, bench
from core.sources import read_pages  # noqa: E402
from glossary.registry import Registry, build_registry  # noqa: E402

SUBPATH = "/llm-terms/"
# A test that calls one of these runs a real build (or `make`) of its own.
BUILD_CALLS = ("mkdocs_build(", "break_and_build(", '"make"', "serve_site(", "_serve_and_compare(")
ARTIFACTS = ROOT / "test-artifacts"


def mkdocs_build(config_dir: Path, site_dir: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real build, as `make build` does (scripts/build.py), into site_dir."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--clean", "-f", str(config_dir / "mkdocs.yml"),
         "-d", str(site_dir)],
        cwd=config_dir, capture_output=True, text=True, env=env, timeout=600,
    )


@pytest.fixture(scope="session", autouse=True)
def build_cache_folder(tmp_path_factory) -> Path:
    """Builds keep what they rendered for the next build (scripts/build_cache.py), as `make
    build` does; in a folder of the test run's own, so no test reads what a developer's
    `make build` left in ~/.cache, and every test starts from what the run itself built."""
    folder = tmp_path_factory.mktemp("cache")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("build") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, f"the site does not build:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def docs_pages() -> dict[str, str]:
    """Every page under docs/ (source path -> text), read once per session."""
    return read_pages(ROOT / "docs")


@pytest.fixture(scope="session")
def registry(docs_pages) -> Registry:
    """The real content's terms, built once per session (not at import)."""
    return build_registry(docs_pages)


def article(site: Path, url: str) -> str:
    """The <article> of a built page (url like 'en/terms/rag/'): the page's own content."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def copy_project(destination: Path) -> Path:
    """A throw-away copy of the project for tests that break content on purpose."""
    for name in ("docs", "overrides", "hooks", "mkdocs.yml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path):
        parts = urlsplit(path)
        if not parts.path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + parts.path[len(self.prefix):])

    def log_message(self, *args):
        pass


def _serve(directory: Path, prefix: str):
    handler = type("Handler", (_SiteHandler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


@pytest.fixture(scope="session")
def base_url(site_dir):
    server, url = _serve(site_dir, "/")
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def subpath_url(site_dir):
    server, url = _serve(site_dir, SUBPATH)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def html_pages(site: Path) -> list[Path]:
    """Every built page (both languages), 404 excluded."""
    return sorted(p for p in site.rglob("index.html"))


def page_url(site: Path, page: Path) -> str:
    """site/en/terms/rag/index.html -> 'en/terms/rag/'."""
    relative = page.parent.relative_to(site).as_posix()
    return "" if relative == "." else relative + "/"


def pytest_collection_modifyitems(config, items):
    """The tier of each test: browser (by hand), build (a built site or a build of its own), unit."""
    for item in items:
        if item.get_closest_marker("browser"):
            continue
        source = inspect.getsource(item.function) if hasattr(item, "function") else ""
        if "site_dir" in getattr(item, "fixturenames", ()) or any(call in source for call in BUILD_CALLS):
            item.add_marker(pytest.mark.build)
        else:
            item.add_marker(pytest.mark.unit)
