"""Run many scripts, each as ``python <script>`` would, in a folder of its own.

Not a test: tests/test_downloads.py runs it with the Python of a fresh
environment that has only the served wheel installed. Starting Python and
importing NumPy and Matplotlib is most of what an example costs (about 0.65 s
of the 0.7 s a typical one takes), so this interpreter imports those once and
forks a child for each script. The child goes to the script's folder and runs
it as ``__main__`` with its own globals, its output going to ``stdout.txt`` and
``stderr.txt`` beside it; calcnotes is imported by the script itself, from the
wheel. What is not the same as a fresh ``python example.py``: NumPy and
Matplotlib are already in ``sys.modules`` (an example that forgets to import
them still fails: its globals are its own). The test also runs a few examples
in a truly fresh interpreter.

Usage: python forked_runs.py RESULTS.json SCRIPT...   (each script in its own folder)
Writes {script: exit status} to RESULTS.json.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import traceback

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot  # noqa: E402,F401
import numpy  # noqa: E402,F401


def _exit_status(error: SystemExit) -> int:
    """What ``python script.py`` exits with after ``sys.exit(code)``."""
    if error.code is None:
        return 0
    if isinstance(error.code, int):
        return error.code
    print(error.code, file=sys.stderr)
    return 1


def _child(script: str) -> int:
    folder, name = os.path.split(script)
    os.chdir(folder)
    for fd, file in ((1, "stdout.txt"), (2, "stderr.txt")):
        os.dup2(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), fd)
    sys.argv = [name]
    sys.path[0] = os.getcwd()
    try:
        runpy.run_path(name, run_name="__main__")
        status = 0
    except SystemExit as error:
        status = _exit_status(error)
    except BaseException:  # noqa: BLE001 - what Python prints for an uncaught exception
        traceback.print_exc()
        status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    return status


def run(script: str) -> int:
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            status = _child(script)
        finally:
            os._exit(status)
    _, wait_status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(wait_status)


if __name__ == "__main__":
    results, scripts = sys.argv[1], sys.argv[2:]
    statuses = {script: run(script) for script in scripts}
    with open(results, "w", encoding="utf-8") as out:
        json.dump(statuses, out)
