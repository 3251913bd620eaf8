"""Shared fixtures: run a snippet as a reader would; build and serve the site once."""

from __future__ import annotations

import filecmp
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
from filelock import FileLock

pytest.register_assert_rewrite("pageoutput")  # the chapter tests' shared checks

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
ARTIFACTS = ROOT / "test-artifacts"


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "CALCNOTES_SHOW"}
    env["MPLBACKEND"] = "Agg"
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


# The runner the build uses (hooks/example_runner.py), and its cache, shared by
# every test and by the site built once per session: each example runs once.
sys.path.insert(0, str(ROOT / "hooks"))
import example_cache  # noqa: E402
import example_runner  # noqa: E402

# One cache for the whole run: with pytest-xdist (``-n``), every worker of the
# run shares it (its entries are written atomically), so an example that one
# worker ran is not run again by another, nor by the site build.
_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID")
if _RUN:
    SESSION_CACHE = Path(tempfile.gettempdir()) / f"calcnotes-test-outputs-{_RUN}"
    SESSION_CACHE.mkdir(exist_ok=True)
else:
    SESSION_CACHE = Path(tempfile.mkdtemp(prefix="calcnotes-test-outputs-"))
# Held while the site is built (the ``built_site`` fixture): an example that
# another worker's build is running is waited for, not run twice.
SITE_BUILD_LOCK = FileLock(f"{SESSION_CACHE}.site-build.lock")


def run_snippet(relpath: str | Path) -> str:
    """What ``snippets/<relpath>`` prints for its page, run by the build's own runner.

    The runner runs it as a reader would (``python name.py`` from an empty
    folder, in a fresh process); a failure of any kind fails the test with
    what went wrong. Each example runs once per session: the chapter tests
    and the site share the outputs.
    """
    return _run_snippet_once(Path(relpath).as_posix())


@functools.cache
def _run_snippet_once(relpath: str) -> str:
    path = SNIPPETS / relpath
    code = path.read_text(encoding="utf-8")
    cache = example_cache.OutputCache(SESSION_CACHE)
    key = cache.key(code, path.name)
    output = cache.load(key)
    if output is None:
        with SITE_BUILD_LOCK:  # free at once unless a build of this run is under way
            output = cache.load(key)
    if output is None:
        try:
            result = example_runner.run(example_cache.normalized(code), path.name)
        except example_runner.ExampleError as error:
            pytest.fail(f"snippet {relpath}: {error}")
        cache.store(key, result.output, result.modules)
        output = result.output
    return output


def pytest_unconfigure(config) -> None:
    example_runner.close_all()
    if not hasattr(config, "workerinput"):  # the run itself, not one of its xdist workers
        shutil.rmtree(SESSION_CACHE, ignore_errors=True)
        Path(SITE_BUILD_LOCK.lock_file).unlink(missing_ok=True)


MKDOCS = Path(sys.executable).with_name("mkdocs")


def mkdocs_build(
    project: Path, site_dir: Path, *args: str, env: dict[str, str] | None = None, strict: bool = True
) -> subprocess.CompletedProcess:
    """Run ``mkdocs build [--strict]`` for ``project`` into ``site_dir``; never raises.

    Every example runs afresh: its outputs' cache (hooks/example_cache.py) gets
    an empty temporary folder, unless *env* sets ``CALCNOTES_EXEC_CACHE``.
    """
    with tempfile.TemporaryDirectory() as empty_cache:
        return subprocess.run(
            [str(MKDOCS), "build", *(["--strict"] if strict else []), "--site-dir", str(site_dir), *args],
            cwd=project,
            env={**_clean_env(), "CALCNOTES_EXEC_CACHE": empty_cache, **(env or {})},
            capture_output=True,
            text=True,
            timeout=1800,
        )


def site_differences(left: Path, right: Path) -> list[str]:
    """Files that differ between two site folders (or are in only one)."""
    compare = filecmp.dircmp(left, right)
    found = [*compare.left_only, *compare.right_only, *compare.diff_files, *compare.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(left, right, compare.common_files, shallow=False)
    found += mismatch + errors
    for sub in compare.common_dirs:
        found += [f"{sub}/{name}" for name in site_differences(left / sub, right / sub)]
    return sorted(set(found))


@pytest.fixture(scope="session")
def site_exec_cache() -> Path:
    """The outputs the real site is built with: those of the session's examples (see run_snippet)."""
    return SESSION_CACHE


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
    """The real site, built once per test run with ``--strict``, from an empty cache.

    Under pytest-xdist the first worker to ask builds it, in the run's shared
    temporary folder; the others wait for that build and use it.
    """
    shared = tmp_path_factory.getbasetemp()
    if _RUN:
        shared = shared.parent  # the folder every worker's basetemp is in
    site, failure = shared / "site", shared / "site-build-failed.txt"
    with SITE_BUILD_LOCK:
        if not site.exists() and not failure.exists():
            result = mkdocs_build(ROOT, site, env={"CALCNOTES_EXEC_CACHE": str(site_exec_cache)})
            if result.returncode != 0:
                failure.write_text(result.stderr[-6000:], encoding="utf-8")
    if failure.exists():
        pytest.fail(f"mkdocs build --strict failed:\n{failure.read_text(encoding='utf-8')}")
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
