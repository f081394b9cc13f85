"""Without Chromium the browser tests skip with a message, except under CI, where they fail."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

spec = importlib.util.spec_from_file_location("web_conftest", Path(__file__).with_name("conftest.py"))
browser_conftest = importlib.util.module_from_spec(spec)
spec.loader.exec_module(browser_conftest)


def test_a_missing_browser_skips_the_tests_on_a_developers_machine(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium"):
        browser_conftest.need(False, "no Chromium at /usr/bin/chromium")


def test_a_missing_browser_fails_the_tests_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true: browser tests must run"):
        browser_conftest.need(False, "no Chromium at /usr/bin/chromium")


def test_a_browser_that_is_there_is_used(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert browser_conftest.need(True, "unused") is None
