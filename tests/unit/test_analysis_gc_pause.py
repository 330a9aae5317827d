"""The analysis holds the cyclic garbage collector only while it runs."""

from __future__ import annotations

import gc

import pytest

from reader.analysis import analyze
from reader.analysis.gc_pause import cyclic_gc_paused
from reader.document import Document


@pytest.fixture
def restore_gc():
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_paused_inside_and_back_on_after(restore_gc) -> None:
    gc.enable()
    with cyclic_gc_paused():
        assert not gc.isenabled()
        with cyclic_gc_paused():  # nested: the inner one must not switch it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_back_on_after_an_error(restore_gc) -> None:
    gc.enable()
    with pytest.raises(ValueError), cyclic_gc_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_analysis_leaves_a_disabled_collector_off(restore_gc) -> None:
    doc = Document("“We will not stop,” Jane Doe said in Paris.", (), "t")
    gc.disable()
    analyze(doc)
    assert not gc.isenabled()
    gc.enable()
    analyze(doc)
    assert gc.isenabled()
