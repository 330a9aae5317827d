"""Pilot tests of the chrome around the article: analysis progress, palette, CLI errors."""

from __future__ import annotations

import threading

from reader.document import Analysis
from reader.ui.app import make_app
from reader.ui.commands import highlight, jump_targets
from reader.ui.widgets.article_view import ArticleView
from tests.ui.snapshot_apps import small_analysis, small_document

SIZE = (100, 32)


async def test_progress_indicator_while_analysing():
    release = threading.Event()
    document = small_document()

    def slow_analyzer(doc):
        release.wait(10)
        return small_analysis(doc)

    app = make_app(document, analyzer=slow_analyzer)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        status = app.screen.status
        assert status.busy == "analysing…"
        assert "analysing…" in str(status.render())
        assert app.screen.query_one(ArticleView).analysis.quotes == ()
        release.set()
        await app.screen.wait_until_analysed()
        await pilot.pause()
        assert status.busy == ""
        assert len(app.screen.query_one(ArticleView).analysis.quotes) == 1


async def test_failed_analysis_keeps_the_article_readable():
    def broken(doc):
        raise ValueError("no [b]markup[/b] here")

    app = make_app(small_document(), analyzer=broken)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.screen.wait_until_analysed()
        await pilot.pause()
        assert app.screen.status.busy == ""
        messages = [n.message for n in app._notifications]
        assert any("no [b]markup[/b] here" in m for m in messages)
        await pilot.press("j")
        assert app.screen.query_one(ArticleView).cursor > 0


async def test_palette_runs_a_key_action():
    document = small_document()
    app = make_app(document, analyzer=lambda doc: Analysis())
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.wait_until_analysed()
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"next paragraph")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert view.document.text[view.cursor :].startswith("First sentence")


def test_palette_text_from_the_article_is_not_markup():
    from textual.command import Matcher

    matcher = Matcher("bold")
    content = highlight(matcher, "Go to person: [bold]Evil[/bold]")
    assert content.plain == "Go to person: [bold]Evil[/bold]"
    document = small_document()
    jumps: list[int] = []
    targets = jump_targets(document, small_analysis(document), jumps.append)
    titles = [title for title, _, _ in targets]
    assert "Go to heading: A Heading" in titles and "Go to quotes by: Ann Lee" in titles
    dict((t, c) for t, c, _ in targets)["Go to person: Ann Lee"]()
    assert jumps == [document.text.index("Ann Lee")]


async def test_names_from_the_article_are_never_markup():
    from reader.document import Entity, Quote

    document = small_document()
    text = document.text
    start = text.index("“a quote”")
    evil = "[@click=app.quit]Ann[/] [bold]Lee"
    quote = Quote(start, start + len("“a quote”"), "a quote", "speech", evil, "p1", "said")
    person = Entity(
        "p1", evil, "PERSON", ((text.index("Ann Lee"), text.index("Ann Lee") + 7),), role="[red]role[/red]"
    )
    app = make_app(document, analyzer=lambda doc: Analysis(quotes=(quote,), entities=(person,)))
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.wait_until_analysed()
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        view.jump_to(start + 2)
        await pilot.pause()
        assert str(app.screen.status.description) == f"Quote — {evil}, [red]role[/red] (said)"
        view.jump_to(text.index("Ann Lee"))
        await pilot.pause()
        assert str(app.screen.status.description) == f"Person — {evil} · [red]role[/red] · 1 mention"
        await app.screen.sidebar.show_tab("tab-quotes")
        await pilot.pause()
        tree = app.screen.query_one("#quotes")
        assert str(tree.root.children[0].label).startswith(evil[:20])
        assert app.is_running  # nothing was clicked into quitting


async def test_palette_toggles_are_listed_once_with_their_key():
    from textual.widgets import Input

    app = make_app(small_document(), analyzer=lambda doc: Analysis())
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.wait_until_analysed()
        view = app.screen.query_one(ArticleView)
        await pilot.press("ctrl+p")
        await pilot.pause()
        app.screen.query_one(Input).value = "toggle"
        await pilot.pause(0.3)
        command_list = app.screen.query_one("CommandList")
        prompts = [str(command_list.get_option_at_index(i).prompt) for i in range(command_list.option_count)]
        titles = [prompt.split("\n")[0] for prompt in prompts]
        assert titles.count("Toggle quote colours") == 1 and titles.count("Toggle sidebar") == 1
        assert any("Toggle quote colours" in p and "key: c" in p for p in prompts)
        app.screen.query_one(Input).value = "toggle quote colours"
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert not view.show_quotes
