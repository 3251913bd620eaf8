"""The environment settings of the build are checked, with an error naming the setting."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import ConfigurationError

import build_switches  # hooks/ is on sys.path (conftest)


@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5", " "])
def test_workers_must_be_a_whole_number_of_at_least_one(monkeypatch, value):
    monkeypatch.setenv("CALCNOTES_EXEC_WORKERS", value)
    if value.strip() == "":
        assert build_switches.workers() >= 1  # unset: one per core
        return
    with pytest.raises(ConfigurationError, match="CALCNOTES_EXEC_WORKERS"):
        build_switches.workers()


def test_workers_default_to_one_per_core_and_take_a_number(monkeypatch):
    monkeypatch.delenv("CALCNOTES_EXEC_WORKERS", raising=False)
    assert build_switches.workers() >= 1
    monkeypatch.setenv("CALCNOTES_EXEC_WORKERS", "3")
    assert build_switches.workers() == 3


@pytest.mark.parametrize("value", ["0", "-1", "soon", "nan", "inf"])
def test_the_time_limit_must_be_a_positive_number_of_seconds(monkeypatch, value):
    monkeypatch.setenv("CALCNOTES_EXEC_TIMEOUT", value)
    with pytest.raises(ConfigurationError, match="CALCNOTES_EXEC_TIMEOUT"):
        build_switches.timeout()


def test_the_time_limit_defaults_to_two_minutes(monkeypatch):
    monkeypatch.delenv("CALCNOTES_EXEC_TIMEOUT", raising=False)
    assert build_switches.timeout() == 120.0
    monkeypatch.setenv("CALCNOTES_EXEC_TIMEOUT", "2.5")
    assert build_switches.timeout() == 2.5


@pytest.mark.parametrize(("value", "where"), [("", ".cache/exec"), ("on", ".cache/exec"), ("0", None),
                                              ("off", None), ("no", None)])
def test_the_cache_setting_turns_it_on_or_off(monkeypatch, tmp_path, value, where):
    monkeypatch.setenv("CALCNOTES_EXEC_CACHE", value)
    expected = None if where is None else tmp_path / where
    assert build_switches.exec_cache_dir(tmp_path) == expected
    assert build_switches.caches_on() == (where is not None)


def test_the_cache_setting_may_name_a_folder_but_not_a_file(monkeypatch, tmp_path):
    monkeypatch.setenv("CALCNOTES_EXEC_CACHE", str(tmp_path / "outputs"))
    assert build_switches.exec_cache_dir(Path("/elsewhere")) == tmp_path / "outputs"
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("CALCNOTES_EXEC_CACHE", str(tmp_path / "a-file"))
    with pytest.raises(ConfigurationError, match="CALCNOTES_EXEC_CACHE"):
        build_switches.exec_cache_dir(tmp_path)
