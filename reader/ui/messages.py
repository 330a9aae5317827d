"""Messages that cross widgets of the reading screen (typed dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.document import Analysis
from reader.ui.analysis_spans import AnalysisSpans


@dataclass
class AnalysisReady(Message):
    """The background analysis of the open document finished."""

    analysis: Analysis
    seconds: float
    spans: AnalysisSpans | None = None  # indexed in the worker, so the UI thread only swaps


@dataclass
class AnalysisFailed(Message):
    """The background analysis raised; the article stays readable without spans."""

    error: str


class ArticleShown(Message):
    """The reading screen painted its article for the first time (start deferred work now)."""


@dataclass
class JumpTo(Message):
    """Move the reading cursor to ``offset`` (sent by the sidebar and the palette)."""

    offset: int
