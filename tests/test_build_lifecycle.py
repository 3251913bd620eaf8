"""`mkdocs serve` reports a broken example and keeps serving; Ctrl-C and SIGTERM end every run."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import MKDOCS, _clean_env
from test_site import _tiny_project

GOOD = '"""Works."""\nprint("the deliberately good output")\n'


def _runner_processes(project: Path) -> list[int]:
    """Processes running this project's example runner (its workers and their runs)."""
    marker = str(project / "hooks" / "example_runner.py").encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def _until(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"gave up waiting for {what}")


class _Log:
    """Collects a process's stderr as it comes."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.text = ""
        threading.Thread(target=self._read, args=(process,), daemon=True).start()

    def _read(self, process) -> None:
        for line in process.stderr:
            self.text += line


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


pytestmark = pytest.mark.skipif(not Path("/proc/self").exists(), reason="reads /proc (Linux)")


def test_serve_reports_a_broken_example_by_name_and_serves_again_once_it_is_fixed(tmp_path):
    project = _tiny_project(tmp_path, GOOD)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("watch: []", "watch: [snippets]"))
    port = _free_port()
    serve = subprocess.Popen([str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                             env=_clean_env(), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    log = _Log(serve)
    try:
        url = f"http://127.0.0.1:{port}/"
        page = _until(lambda: _get(url), 60, "the first page")
        assert "the deliberately good output" in page
        (project / "snippets" / "demo" / "planted_example.py").write_text(
            '"""Broken now."""\nraise RuntimeError("deliberately broken while serving")\n')
        _until(lambda: "deliberately broken while serving" in log.text, 60, "the error in the log")
        assert "Example planted_example.py on page index.md raised an exception" in log.text
        assert serve.poll() is None  # still up (mkdocs holds requests until a build succeeds)
        (project / "snippets" / "demo" / "planted_example.py").write_text(
            '"""Fixed."""\nprint("the deliberately fixed output")\n')
        _until(lambda: "the deliberately fixed output" in (_get(url) or ""), 60, "the fixed page")
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=20)
    _until(lambda: not _runner_processes(project), 10, "the runner's processes to end")


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return None


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_stopping_a_build_ends_the_example_it_was_running(tmp_path, stop):
    project = _tiny_project(tmp_path, '"""Never ends."""\nwhile True:\n    pass\n')
    build = subprocess.Popen([str(MKDOCS), "build", "--site-dir", str(tmp_path / "out")], cwd=project,
                             env={**_clean_env(), "CALCNOTES_EXEC_CACHE": "0", "CALCNOTES_EXEC_TIMEOUT": "600"},
                             stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        _until(lambda: len(_runner_processes(project)) >= 2, 60, "the example to start")  # worker + run
        os.kill(build.pid, stop)
        build.wait(timeout=20)
    finally:
        if build.poll() is None:
            build.kill()
    assert build.returncode != 0
    _until(lambda: not _runner_processes(project), 10, "the runner's processes to end")


STUBBORN_HOOK = '''
import time


def on_page_markdown(markdown, page, config, files):
    while True:  # a hook that swallows Ctrl-C and never returns
        try:
            time.sleep(0.1)
        except KeyboardInterrupt:
            pass
'''


def test_ctrl_c_ends_the_build_even_when_something_swallows_it_saying_where_each_thread_was(tmp_path):
    project = _tiny_project(tmp_path, GOOD)
    (project / "stubborn.py").write_text(STUBBORN_HOOK)
    with (project / "mkdocs.yml").open("a") as config:
        config.write("hooks:\n  - hooks/examples.py\n  - stubborn.py\n")
    build = subprocess.Popen([str(MKDOCS), "build", "--site-dir", str(tmp_path / "out")], cwd=project,
                             env={**_clean_env(), "CALCNOTES_EXEC_CACHE": "0"},
                             stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    log = _Log(build)
    try:
        _until(lambda: "Building documentation" in log.text, 60, "the build to start")
        time.sleep(1)
        os.kill(build.pid, signal.SIGINT)
        build.wait(timeout=30)
    finally:
        if build.poll() is None:
            build.kill()
    assert build.returncode == 130
    assert "still running 5 s after Ctrl-C" in log.text and "stubborn.py" in log.text, log.text[-3000:]
