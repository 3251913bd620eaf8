"""The runner runs an example as a reader does, and refuses every way an example can fail."""

from __future__ import annotations

import textwrap

import pytest

from conftest import example_cache, example_runner


def _run(code: str, **kwargs) -> example_runner.Result:
    return example_runner.run(textwrap.dedent(code), "planted.py", **kwargs)


def _problem(code: str, **kwargs) -> example_runner.ExampleError:
    with pytest.raises(example_runner.ExampleError) as caught:
        _run(code, **kwargs)
    return caught.value


def test_an_example_runs_as_main_from_an_empty_folder_and_its_whole_stdout_is_its_output():
    result = _run("""
        import os, sys
        print(__name__, os.path.basename(__file__), sorted(os.listdir(".")))
        sys.stdout.flush()
        os.write(1, b"written by the file descriptor\\n")
    """)
    assert result.output == "__main__ planted.py ['planted.py']\nwritten by the file descriptor\n"


def test_a_script_with_a_main_guard_shows_its_output():
    result = _run("""
        def main():
            print("inside main")

        if __name__ == "__main__":
            main()
    """)
    assert result.output == "inside main\n"


def test_an_example_that_raises_fails_with_its_traceback():
    error = _problem('raise RuntimeError("deliberately broken")\n')
    assert error.problem == "raised an exception"
    assert "RuntimeError: deliberately broken" in error.stderr and "planted.py" in str(error)


@pytest.mark.parametrize(("code", "said"), [
    ("import sys\nprint('half')\nsys.exit(0)\n", "called sys.exit(0)"),
    ("import sys\nsys.exit(3)\n", "called sys.exit(3)"),
    ("import sys\nsys.exit()\n", "called sys.exit()"),
    ("import sys\nsys.exit('a message')\n", "called sys.exit('a message')"),
    ("import os\nprint('x', flush=True)\nos._exit(0)\n", "ended before it finished (os._exit or a crash)"),
    ("import os\nos._exit(4)\n", "ended with exit status 4"),
    ("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n", "was killed by signal SIGKILL"),
])
def test_an_example_that_exits_in_any_way_fails(code, said):
    assert _problem(code).problem == said


def test_an_example_that_prints_nothing_fails():
    assert _problem("x = 1\n").problem.startswith("printed nothing")
    assert _problem("print('   ')\n").problem.startswith("printed nothing")


def test_an_example_that_never_ends_is_stopped_at_its_time_limit():
    error = _problem("while True:\n    pass\n", timeout=1.5)
    assert error.problem == "ran past its time limit of 1.5 s (stopped)"


def test_an_example_that_prints_more_than_the_budget_fails():
    error = _problem("print('x' * 2_000)\n", budget=1_000)
    assert "more than the budget of 1,000" in error.problem
    endless = _problem("while True:\n    print('y' * 10_000)\n", budget=100_000)
    assert "budget of 100,000" in endless.problem


def test_an_example_that_starts_a_process_which_outlives_it_does_not_hang_the_run():
    result = _run("""
        import subprocess, sys
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        print("started a sleeper")
    """, timeout=20)
    assert result.output == "started a sleeper\n"


def test_the_run_reports_the_calcnotes_modules_the_example_imported():
    result = _run("""
        import numpy as np
        from calcnotes import derivative
        print(derivative(np.sin, 0.0))
    """)
    names = {path.replace("\\\\", "/").split("/calcnotes/")[-1] for path in result.modules}
    assert {"__init__.py", "differentiation.py"} <= names
    assert "optimize.py" not in names and "autodiff.py" not in names


def test_show_prints_page_markup_with_places_for_the_pages_alt_text_and_caption():
    result = _run("""
        import matplotlib.pyplot as plt
        from calcnotes import show
        fig, ax = plt.subplots()
        ax.plot([0, 1], [1, 0])
        show(fig)
    """)
    assert result.output.count("<figure") == 1 and "currentColor" in result.output
    assert "@@calcnotes-alt@@" in result.output and "@@calcnotes-caption@@" in result.output


def test_a_stored_output_is_used_until_a_module_it_imported_changes(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    used, unused = package / "used.py", package / "unused.py"
    used.write_text("A = 1\n")
    unused.write_text("B = 1\n")
    cache = example_cache.OutputCache(tmp_path / "store")
    key = cache.key("print(1)\n", "a.py")
    cache.store(key, "1\n", [str(used)])
    assert example_cache.OutputCache(tmp_path / "store").load(key) == "1\n"
    unused.write_text("B = 2\n")
    assert example_cache.OutputCache(tmp_path / "store").load(key) == "1\n"
    used.write_text("A = 2\n")
    assert example_cache.OutputCache(tmp_path / "store").load(key) is None


def test_the_key_follows_the_code_and_the_file_name_but_not_blank_lines_at_the_ends(tmp_path):
    cache = example_cache.OutputCache(tmp_path)
    key = cache.key("print(1)\n", "a.py")
    assert key == cache.key("\nprint(1)\r\n\n", "a.py")
    assert key != cache.key("print(2)\n", "a.py") and key != cache.key("print(1)\n", "b.py")
