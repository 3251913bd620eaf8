"""How long the site takes to build, as a multiple of its examples' own work.

Run: python bench/build.py [--repeats N] [--project DIR]

The floor is the work no build can skip: one fresh interpreter that imports
numpy, matplotlib and calcnotes (with its figures, animations and output
modules) once, then runs every example in snippets/ once with runpy, its
printed output captured (as page output: ``CALCNOTES_SHOW=page``). What is
counted is that process's whole wall time: interpreter start, the imports
(once) and the examples.

Each build is ``mkdocs build --strict`` in a fresh process, in a temporary
copy of the project (edits are made there, never in this tree; the copy's
src/ is put first on PYTHONPATH, so its calcnotes is the one imported):

- cold, cache off:    CALCNOTES_EXEC_CACHE=0: markdown-exec, search and templates as
                      shipped (the hooks' caches off), .cache/ empty
- cold, empty cache:  the caches on, nothing stored yet (missing examples also run
                      in worker processes)
- nothing changed:    the same again
- one page's prose:   a sentence added to the page with the most examples
- one example:        a comment added to the slowest example (an upper bound)
- one package module: a comment added to src/calcnotes/optimize.py: the build
                      must re-run exactly the examples that import it (counted
                      from the stored outputs' records, printed beside)

Every scenario runs once per round, rounds repeat (default 3) and the
medians are shown: wall time and CPU time (user + system, the build's worker
processes included), each divided by the floor's, measured side by side in
this one run. Absolute seconds are shown too, but on a shared machine only
the ratios mean much.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
MKDOCS = PYTHON.with_name("mkdocs")
NOT_COPIED = {".git", ".venv", "node_modules", "site", ".cache", "test-artifacts",
              ".pytest_cache", "__pycache__", "build"}
INCLUDE = re.compile(r'--8<--\s+"(snippets/[^"]+\.py)"')
SUMMARY = re.compile(r"examples: (\d+) stored, (\d+) run ahead, (\d+) run when reached")
EDITED_MODULE = "optimize.py"  # imported by the examples on descent, not by most others

FLOOR = """
import contextlib, io, json, runpy, sys, time
start = time.perf_counter()
import os
os.environ["CALCNOTES_SHOW"] = "page"  # what show() prints in the build
import numpy, matplotlib, matplotlib.pyplot, calcnotes, calcnotes.viz, calcnotes.output
imports = time.perf_counter() - start
seconds = {}
for path in sys.argv[1:]:
    begin = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        runpy.run_path(path, run_name="__main__")
    seconds[path] = time.perf_counter() - begin
print(json.dumps({"imports": imports, "examples": seconds}))
"""


def copy_project(source: Path, destination: Path) -> Path:
    """A copy of the working tree (what a build reads), sharing node_modules."""
    shutil.copytree(source, destination, ignore=lambda _, names: [
        n for n in names if n in NOT_COPIED or n.endswith(".egg-info")])
    (destination / "node_modules").symlink_to(source / "node_modules")
    return destination


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, str, str]:
    """Wall and CPU seconds (children included) of *command*; fails loudly."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-4000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout, result.stderr


def environment(project: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "CALCNOTES_"))}
    return {**env, "PYTHONPATH": str(project / "src"), "MPLBACKEND": "Agg", "NO_MKDOCS_2_WARNING": "1",
            **extra}


def pages_with_examples(project: Path) -> dict[Path, list[str]]:
    found = {}
    for page in sorted((project / "docs").rglob("*.md")):
        examples = INCLUDE.findall(page.read_text(encoding="utf-8"))
        if examples:
            found[page] = examples
    return found


class Bench:
    """The scenarios, run in one copy of the project."""

    def __init__(self, project: Path, site: Path) -> None:
        self.project, self.site = project, site
        self.examples = sorted(str(p) for p in (project / "snippets").rglob("*.py"))
        self.pages = pages_with_examples(project)
        self.notebooks = len(list((project / "docs").rglob("*.ipynb")))
        self.edits = 0
        self.slowest: str | None = None
        self.slowest_seconds: list[float] = []  # its own run time, in each floor run

    def floor(self):
        wall, cpu, out, _ = timed([str(PYTHON), "-c", FLOOR, *self.examples], self.project,
                                environment(self.project))
        seconds = json.loads(out)["examples"]
        if self.slowest is None:
            self.slowest = max(seconds, key=seconds.get)
        self.slowest_seconds.append(seconds[self.slowest])
        return wall, cpu, ""

    def build(self, *, cache: bool = True):
        env = environment(self.project, **({} if cache else {"CALCNOTES_EXEC_CACHE": "0"}))
        wall, cpu, _, err = timed([str(MKDOCS), "build", "--strict", "--site-dir", str(self.site)],
                                  self.project, env)
        found = SUMMARY.search(err)
        return wall, cpu, ("{} stored, {} run ahead, {} when reached".format(*found.groups()) if found else "")

    def cold_off(self):
        shutil.rmtree(self.project / ".cache", ignore_errors=True)
        return self.build(cache=False)

    def cold_cache(self):
        shutil.rmtree(self.project / ".cache", ignore_errors=True)
        return self.build()

    def edit_prose(self):
        page = max(self.pages, key=lambda p: len(self.pages[p]))
        self.edits += 1
        with page.open("a", encoding="utf-8") as text:
            text.write(f"\nOne more sentence, edit {self.edits}.\n")
        return self.build()

    def edit_example(self):
        self.edits += 1
        with open(self.slowest, "a", encoding="utf-8") as code:
            code.write(f"# edit {self.edits}\n")
        return self.build()

    def dependants(self, module: str) -> int:
        """How many of the pages' examples, as they are now, imported *module* in their stored run.

        (Outputs of earlier versions of an edited example stay in the cache: they are not counted.)
        """
        sys.path.insert(0, str(self.project / "hooks"))
        import example_cache  # the copy's own, as its build uses it

        cache = example_cache.OutputCache(self.project / ".cache" / "exec")
        count = 0
        for examples in pages_with_examples(self.project).values():
            for example in examples:
                path = self.project / example
                entry = cache.directory / f"{cache.key(path.read_text(encoding='utf-8'), path.name)}.json"
                count += entry.is_file() and module in json.loads(entry.read_text(encoding="utf-8"))["modules"]
        return count

    def edit_module(self):
        self.edits += 1
        expected = self.dependants(EDITED_MODULE)
        with open(self.project / "src" / "calcnotes" / EDITED_MODULE, "a", encoding="utf-8") as code:
            code.write(f"# edit {self.edits}\n")
        wall, cpu, note = self.build()
        return wall, cpu, f"{note}; {expected} import {EDITED_MODULE}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--project", type=Path, default=ROOT, help="the project to copy (default: this one)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        bench = Bench(copy_project(args.project.resolve(), Path(tmp) / "project"), Path(tmp) / "site")
        scenarios = {
            "floor: every example once, one interpreter": bench.floor,
            "cold build, cache off": bench.cold_off,
            "cold build, empty cache": bench.cold_cache,
            "second build, nothing changed": bench.build,
            "after editing one page's prose": bench.edit_prose,
            "after editing one example": bench.edit_example,
            "after editing one package module": bench.edit_module,
        }
        load = os.getloadavg()[0]
        runs = {name: [] for name in scenarios}
        for _ in range(args.repeats):
            for name, run in scenarios.items():
                runs[name].append(run())
        load_after = os.getloadavg()[0]

    pages = len(bench.pages)
    print(f"Build time of the site ({pages} pages with examples, {len(bench.examples)} examples), "
          f"median of {args.repeats}, side by side; {os.cpu_count()} cores, "
          f"load average {load:.1f} before, {load_after:.1f} after")
    print()
    median = {name: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs), rs[-1][2])
              for name, rs in runs.items()}
    floor_wall, floor_cpu, _ = median["floor: every example once, one interpreter"]
    width = max(map(len, scenarios)) + 2
    print(f"{'':<{width}}{'wall':>8}{'x floor':>9}{'CPU':>9}{'x floor':>9}   examples (last round)")
    for name, (wall, cpu, note) in median.items():
        print(f"{name:<{width}}{wall:>7.1f}s{wall / floor_wall:>9.2f}{cpu:>8.1f}s{cpu / floor_cpu:>9.2f}   {note}")
    print()
    print(f"   edited example: {Path(bench.slowest).relative_to(bench.project)} (the slowest in the floor run, "
          f"{statistics.median(bench.slowest_seconds):.1f}s on its own);")
    print(f"   edited page: {max(bench.pages, key=lambda p: len(bench.pages[p])).relative_to(bench.project)}.")
    print("   CPU: user + system time of the process and every process it waited for (workers included).")
    if bench.notebooks:
        print(f"   Cold builds also run the {bench.notebooks} exercise notebooks (nbclient, in the background) and "
              "build the wheel; the floor does neither.")


if __name__ == "__main__":
    main()
