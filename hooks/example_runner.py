"""Run an example the way a reader does: ``python example.py`` from an empty folder.

Not a hook: the build hook (``examples.py``) and the tests import it.

`run` writes the example's code to ``<empty folder>/<filename>`` and runs it
as ``__main__`` in a fresh process, with the page's output mode on
(``CALCNOTES_SHOW=page``, see `calcnotes.show`). Everything written to its
standard output is its output. The fresh process is forked from a *worker*
(this file, run as a script) that has imported NumPy and Matplotlib already,
so a run costs the example's own work, not an interpreter start. The worker
never imports ``calcnotes``: each run imports it afresh (an edited package is
always the one that runs) and reports which of its files it imported.

A run that raises, exits (``sys.exit()`` with any code, a non-zero status,
``os._exit``), prints nothing, prints more than `BUDGET` bytes or runs past
its time limit raises `ExampleError`, saying which. Workers die with the
process that started them, and each run with its worker (Linux); `close_all`
ends them explicitly (the build calls it when it ends, on Ctrl-C and on
SIGTERM).
"""

from __future__ import annotations

import ctypes
import importlib
import json
import os
import resource
import runpy
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

BUDGET = 1_000_000  # bytes an example may print
TIME_LIMIT = 120.0  # seconds an example may run
PACKAGE = "calcnotes"
PRELOAD = ["numpy", "matplotlib", "matplotlib.figure", "matplotlib.pyplot",
           "matplotlib.backends.backend_svg", "matplotlib.backends.backend_agg", "mpl_toolkits.mplot3d"]
_POLL = 0.05  # seconds between checks of a running example's output size


class ExampleError(Exception):
    """An example did not finish as a reader's run must: what happened, and its stderr."""

    def __init__(self, filename: str, problem: str, stderr: str = "") -> None:
        self.filename, self.problem, self.stderr = filename, problem, stderr.strip()
        super().__init__(self.describe())

    def describe(self, where: str = "") -> str:
        """``name.py [where] problem``, then the last lines the example wrote to stderr."""
        tail = "\n".join(self.stderr.splitlines()[-25:])
        return f"{self.filename}{where} {self.problem}" + (f":\n{tail}" if tail else "")


@dataclass(frozen=True)
class Result:
    """What an example printed, the files of ``calcnotes`` it imported, and its run time."""

    output: str
    modules: tuple[str, ...]
    seconds: float


# ----- the run itself, in the forked process ----------------------------------------------


def _die_with_parent(parent: int | None = None) -> None:
    """Linux: be killed when the parent process ends (and end now if *parent* is gone already).

    The death signal covers only a parent that ends after it is asked for: a
    run forked a moment before its worker was killed would outlive it.
    """
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (AttributeError, OSError):
        pass
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def _as_a_reader_runs_it(job: dict, work: Path) -> None:
    """Run the job's code as ``python <work>/run/<filename>``; report to files in *work*."""
    folder = work / "run"
    os.setpgid(0, 0)  # its own group: a kill reaches whatever the example started too
    limit = 4 * job["budget"]
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # no file grows past 4 budgets
    os.environ.update(CALCNOTES_SHOW="page", MPLBACKEND="Agg")
    os.chdir(folder)
    script = folder / job["filename"]
    script.write_text(job["code"], encoding="utf-8")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    for fd, name in ((1, "stdout"), (2, "stderr")):
        target = os.open(work / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(target, fd)
        os.close(target)
    sys.stdin = open(0, encoding="utf-8", closefd=False)
    sys.stdout = open(1, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False, buffering=1)
    sys.argv = [str(script)]
    sys.path[0] = str(folder)
    status = {"ending": "finished"}
    start = time.perf_counter()
    try:
        runpy.run_path(str(script), run_name="__main__")
    except SystemExit as stop:
        status = {"ending": "exit", "code": stop.code if stop.code is None or isinstance(stop.code, int) else repr(stop.code)}
    except BaseException as error:  # noqa: BLE001 - whatever the example raised is reported
        frames = error.__traceback__
        while frames is not None and frames.tb_frame.f_code.co_filename != str(script):
            frames = frames.tb_next  # from the example's own first line on, as python would show it
        traceback.print_exception(type(error), error, frames or error.__traceback__)
        status = {"ending": "raised"}
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    status["seconds"] = time.perf_counter() - start
    status["modules"] = sorted(
        module.__file__ for name, module in list(sys.modules.items())
        if (name == PACKAGE or name.startswith(PACKAGE + ".")) and getattr(module, "__file__", None)
    )
    (work / "report.json").write_text(json.dumps(status))


def _problem(status: dict, exit_status: int) -> str | None:
    if os.WIFSIGNALED(exit_status):
        number = os.WTERMSIG(exit_status)
        if number == signal.SIGXFSZ:
            return "wrote a file past four times the output budget (stopped)"
        return f"was killed by signal {signal.Signals(number).name}"
    ending = status.get("ending")
    if ending == "raised":
        return "raised an exception"
    if ending == "exit":
        return f"called sys.exit({'' if status['code'] is None else status['code']})"
    if os.WEXITSTATUS(exit_status):
        return f"ended with exit status {os.WEXITSTATUS(exit_status)}"
    if ending != "finished":
        return "ended before it finished (os._exit or a crash)"
    return None


def _kill_group(pid: int) -> None:
    for kill in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            kill()
        except (ProcessLookupError, PermissionError):
            pass


def _wait(pid: int, stdout: Path, timeout: float, budget: int) -> tuple[int, str | None]:
    """Wait for the run *pid*; its exit status, and a problem if it ran too long or printed too much."""
    deadline = time.monotonic() + timeout
    pidfd = os.pidfd_open(pid) if hasattr(os, "pidfd_open") else None
    problem = None
    try:
        while True:
            if pidfd is not None:
                select.select([pidfd], [], [], _POLL)
            else:
                time.sleep(_POLL / 5)
            done, exit_status = os.waitpid(pid, os.WNOHANG)
            if done:
                return exit_status, problem
            if problem is None and stdout.exists() and stdout.stat().st_size > budget:
                problem = f"printed more than the budget of {budget:,} bytes (stopped)"
            elif problem is None and time.monotonic() > deadline:
                problem = f"ran past its time limit of {timeout:g} s (stopped)"
            if problem is not None:
                _kill_group(pid)
    finally:
        if pidfd is not None:
            os.close(pidfd)


def _run_job(job: dict) -> dict:
    """In the worker: fork a fresh process for the job, watch it, and say how it went."""
    with tempfile.TemporaryDirectory(prefix="calcnotes-example-") as name:
        work = Path(name)
        (work / "run").mkdir()
        worker = os.getpid()
        pid = os.fork()
        if pid == 0:  # the run
            try:
                _die_with_parent(worker)
                if _replies is not None:  # the build's pipe: a run must not hold it open (its EOF
                    os.close(_replies.fileno())  # is how the build learns a killed worker ended)
                _as_a_reader_runs_it(job, work)
            finally:
                os._exit(0)
        exit_status, problem = _wait(pid, work / "stdout", job["timeout"], job["budget"])
        _kill_group(pid)  # whatever the example left running in its group
        read = lambda file: (work / file).read_bytes().decode("utf-8", "replace") if (work / file).exists() else ""  # noqa: E731
        output, stderr = read("stdout"), read("stderr")
        status = json.loads(read("report.json") or "{}")
        if problem is None and len(output.encode()) > job["budget"]:
            problem = f"printed {len(output.encode()):,} bytes, more than the budget of {job['budget']:,}"
        problem = problem or _problem(status, exit_status)
        if problem is None and not output.strip():
            problem = "printed nothing (an example must show what it made)"
        return {"problem": problem, "output": "" if problem else output, "stderr": stderr,
                "modules": status.get("modules", []), "seconds": status.get("seconds", 0.0)}


_replies = None  # in a worker: the pipe its replies go to


def serve() -> None:
    """The worker: import the heavy modules once, then run each job that arrives on stdin."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle
    global _replies
    _replies = replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # stray prints of the imports go nowhere
    for module in PRELOAD:
        importlib.import_module(module)
    for line in sys.stdin:
        replies.write(json.dumps(_run_job(json.loads(line))) + "\n")
        replies.flush()


# ----- in the build's (or the tests') process ---------------------------------------------


class Worker:
    """One worker process; runs one example at a time."""

    def __init__(self) -> None:
        env = {**os.environ, "MPLBACKEND": "Agg"}
        env.pop("CALCNOTES_SHOW", None)
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, encoding="utf-8", env=env, start_new_session=False,
        )
        self.lock = threading.Lock()

    def run(self, code: str, filename: str, timeout: float, budget: int) -> Result:
        job = {"code": code, "filename": filename, "timeout": timeout, "budget": budget}
        with self.lock:
            self.process.stdin.write(json.dumps(job) + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()
        if not line:
            raise ExampleError(filename, "could not be run: its worker process ended")
        reply = json.loads(line)
        if reply["problem"]:
            raise ExampleError(filename, reply["problem"], reply["stderr"])
        return Result(reply["output"], tuple(reply["modules"]), reply["seconds"])

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


_idle: list[Worker] = []
_all: list[Worker] = []
_pool_lock = threading.Lock()


def run(code: str, filename: str = "example.py", *, timeout: float = TIME_LIMIT,
        budget: int = BUDGET) -> Result:
    """Run *code* as ``python filename`` from an empty folder; its whole standard output.

    Safe to call from several threads: each call takes an idle worker (or
    starts one). Raises `ExampleError` if the example raises, exits, prints
    nothing, prints more than *budget* bytes or runs past *timeout* seconds.
    """
    if not filename.endswith(".py") or "/" in filename or filename.startswith("."):
        raise ValueError(f"filename must be a file name ending in .py, got {filename!r}")
    with _pool_lock:
        worker = _idle.pop() if _idle else None
        if worker is None:
            worker = Worker()
            _all.append(worker)
    try:
        return worker.run(code, filename, timeout, budget)
    except ExampleError:
        raise
    except BaseException:  # Ctrl-C, a broken pipe: the worker may be mid-run, never reuse it
        with _pool_lock:
            if worker in _all:
                _all.remove(worker)
        worker.close()
        worker = None
        raise
    finally:
        if worker is not None:
            with _pool_lock:
                if worker in _all:
                    _idle.append(worker)


def close_all() -> None:
    """End every worker, and with it any example still running."""
    with _pool_lock:
        workers, _all[:], _idle[:] = list(_all), [], []
    for worker in workers:
        worker.close()


if __name__ == "__main__" and sys.argv[1:] == ["--serve"]:
    serve()
