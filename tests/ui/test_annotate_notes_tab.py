"""The Notes tab: highlights with tag and note preview, orphans, tag filter, jump."""

from __future__ import annotations

from textual.widgets import OptionList, Select

from annotations.model import Annotation, Target
from annotations.store import Store
from reader.ingest import load
from reader.ui.app import SAMPLE, make_app
from reader.ui.widgets.notes_tab import NotesTab
from tests.ui.test_annotate_helpers import SIZE, loaded, view, wait_until
from tests.ui.test_library import ARTICLE, no_analysis


def load_sample():
    return load(str(SAMPLE))


def prompts(tab: NotesTab) -> list[str]:
    options = tab.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_notes_tab_lists_filters_and_jumps(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    doc = load(str(path))
    with Store.open() as store:
        record = store.register_document(doc)
        gone = Annotation(record.key, Target.from_text(doc.text, 0, 5), "Question", status="orphan")
        store.add(gone)
    app = make_app(doc, analyzer=no_analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        text = view(app).text
        view(app).jump_to(text.index("We had soup"))
        await pilot.press("2", "a", *"tasty", "ctrl+s")
        view(app).jump_to(text.index("It was raining"))
        await pilot.press("1")
        await pilot.press("ctrl+n")
        tab = screen.query_one(NotesTab)
        await wait_until(pilot, lambda: len(prompts(tab)) == 3)
        items = prompts(tab)
        assert "Key point  It was raining all day." in items[0]
        assert "Evidence  We had soup and bread." in items[1] and "✎ tasty" in items[1]
        assert items[2].startswith("orphan")
        tab.query_one(Select).value = "Evidence"
        await wait_until(pilot, lambda: len(prompts(tab)) == 1)
        assert "We had soup" in prompts(tab)[0]
        tab.query_one(Select).value = "*orphans*"
        await wait_until(pilot, lambda: len(prompts(tab)) == 1 and "orphan" in prompts(tab)[0])
        tab.query_one(Select).value = "Disagree"
        await wait_until(pilot, lambda: prompts(tab) == ["No highlights match this filter."])
        tab.query_one(Select).value = "*all*"
        await wait_until(pilot, lambda: len(prompts(tab)) == 3)
        options = tab.query_one(OptionList)
        assert app.focused is options  # the sidebar gave the keyboard to the list
        options.highlighted = 1
        await pilot.press("enter")
        assert view(app).cursor == text.index("We had soup")
        assert app.focused is view(app)


async def test_an_empty_notes_tab_names_the_tag_keys():
    app = make_app(load_sample(), analyzer=no_analysis)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("ctrl+n")
        tab = screen.query_one(NotesTab)
        await wait_until(pilot, lambda: "press a tag key (1, 2, 3, 4, 5)" in "".join(prompts(tab)))
