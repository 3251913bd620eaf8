"""Shared fixtures: run a snippet as a reader would; build and serve the site once."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

pytest.register_assert_rewrite("pageoutput")  # the chapter tests' shared checks

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
ARTIFACTS = ROOT / "test-artifacts"


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["MPLBACKEND"] = "Agg"
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def run_snippet(relpath: str | Path, *, timeout: float = 120) -> str:
    """Run ``snippets/<relpath>`` in a fresh interpreter, from an empty folder.

    Returns its standard output; fails the test (showing stderr) if it exits
    non-zero. Each snippet runs once per test session: the generic checks and
    a chapter's own checks read the same output.
    """
    return _run_snippet_once(Path(relpath).as_posix(), timeout)


@functools.cache
def _run_snippet_once(relpath: str, timeout: float) -> str:
    path = SNIPPETS / relpath
    with tempfile.TemporaryDirectory() as empty:
        result = subprocess.run(
            [sys.executable, str(path)],
            cwd=empty,
            env=_clean_env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    if result.returncode != 0:
        pytest.fail(f"snippet {relpath} exited {result.returncode}:\n{result.stderr}")
    return result.stdout


def mkdocs_build(
    project: Path, site_dir: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` for ``project`` into ``site_dir``; never raises.

    Every example runs afresh: the execution cache (hooks/exec_cache.py) gets
    an empty temporary folder, unless *env* sets ``CALCNOTES_EXEC_CACHE``.
    """
    mkdocs = Path(sys.executable).with_name("mkdocs")
    with tempfile.TemporaryDirectory() as empty_cache:
        return subprocess.run(
            [str(mkdocs), "build", "--strict", "--site-dir", str(site_dir), *args],
            cwd=project,
            env={**_clean_env(), "CALCNOTES_EXEC_CACHE": empty_cache, **(env or {})},
            capture_output=True,
            text=True,
            timeout=1800,
        )


@pytest.fixture(scope="session")
def site_exec_cache(tmp_path_factory) -> Path:
    """The execution cache the real site is first built with (empty until then)."""
    return tmp_path_factory.mktemp("exec-cache")


# --------------------------------------------------------------- the browser --
# Found the way a reader's machine has one: ``$CALCNOTES_BROWSER`` (path to a
# Chromium-family executable), Debian's ``chromium``, another Chromium or
# Chrome on the PATH, or Playwright's own managed Chromium. Without any of
# them the browser tests skip, except in CI (``CI`` set), where they fail.

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def _executable() -> str | None:
    explicit = os.environ.get("CALCNOTES_BROWSER")
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        executable = _executable()
        try:
            if executable:
                browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
            else:  # a browser Playwright manages itself, if the reader installed one
                browser = playwright.chromium.launch(args=CHROMIUM_FLAGS)
        except Exception as error:  # noqa: BLE001 - report any launch failure the same way
            message = f"no usable browser (set CALCNOTES_BROWSER): {error}"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_exec_cache) -> Path:
    """The real site, built once per test session with ``--strict``, from an empty cache."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site, env={"CALCNOTES_EXEC_CACHE": str(site_exec_cache)})
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr[-6000:]}")
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The built site served over HTTP on 127.0.0.1 and a free port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def pytest_terminal_summary(terminalreporter) -> None:
    """Say where the browser tests left their screenshots, for a person to look at."""
    shots = sorted((ARTIFACTS / "screenshots").glob("*.png"))
    if shots:
        terminalreporter.write_line(f"browser screenshots ({len(shots)}): {ARTIFACTS / 'screenshots'}")
