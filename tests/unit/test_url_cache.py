"""Fetched pages are stored: reopening works offline, refresh re-fetches and re-anchors."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from reader.cli import main
from reader.ingest import IngestError, page_cache
from reader.ingest.url import load_url

INTRO = (
    "The harbour froze for the first time in forty years, and the ferries stayed in port while "
    "children skated between the moored boats on a bright cold morning."
)
QUOTE = "“We have never seen anything like it,” said Tom Reed, the harbour master."
OUTRO = (
    "Shops along the quay reported their best week of the winter as visitors arrived from all "
    "over the region to walk on the frozen water and take photographs."
)


def article(*paragraphs: str) -> bytes:
    """A page whose article has these paragraphs."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<html><head><title>Harbour freezes over</title></head><body>"
        f"<article><h1>Harbour freezes over</h1>{body}</article></body></html>"
    ).encode()


class Site:
    """What the local server serves; tests change it between fetches."""

    page = article(INTRO, QUOTE, OUTRO)
    hits = 0


class Handler(BaseHTTPRequestHandler):
    """Serves ``Site.page`` at every path and counts the requests."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        Site.hits += 1
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(Site.page)))
        self.end_headers()
        self.wfile.write(Site.page)


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    """A local server (127.0.0.1, free port) serving ``Site.page``."""
    Site.page, Site.hits = article(INTRO, QUOTE, OUTRO), 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def url_of(httpd: ThreadingHTTPServer, path: str = "/story") -> str:
    """The address of ``path`` on the test server."""
    return f"http://127.0.0.1:{httpd.server_address[1]}{path}"


def test_reopening_a_url_uses_the_snapshot_offline(server: ThreadingHTTPServer) -> None:
    url = url_of(server)
    first = load_url(url)
    server.shutdown()  # offline from here on
    again = load_url(url)
    assert Site.hits == 1
    assert (again.text, again.blocks, again.title) == (first.text, first.blocks, first.title)
    assert again.source == url and again.meta.get("snapshot") is True
    assert "fetched" in again.meta


def test_the_fragment_does_not_make_a_new_snapshot(server: ThreadingHTTPServer) -> None:
    url = url_of(server)
    load_url(url)
    load_url(url + "#section-2")
    assert Site.hits == 1


def test_refresh_true_fetches_again_and_replaces_the_snapshot(server: ThreadingHTTPServer) -> None:
    url = url_of(server)
    load_url(url)
    Site.page = article("A new first paragraph was added to the story after it was published.", INTRO, OUTRO)
    assert "new first paragraph" not in load_url(url).text  # still the snapshot
    fresh = load_url(url, refresh=True)
    assert "new first paragraph" in fresh.text
    assert "new first paragraph" in load_url(url).text
    assert Site.hits == 2


def test_a_failed_refresh_keeps_the_old_snapshot(server: ThreadingHTTPServer) -> None:
    url = url_of(server)
    load_url(url)
    server.shutdown()
    server.server_close()
    with pytest.raises(IngestError, match="cannot open URL"):
        load_url(url, refresh=True, timeout=2)
    assert INTRO in load_url(url).text


def test_a_corrupt_snapshot_is_fetched_again(server: ThreadingHTTPServer) -> None:
    url = url_of(server)
    load_url(url)
    page_cache.snapshot_path(url).write_text("{not json", encoding="utf-8")
    assert INTRO in load_url(url).text
    assert Site.hits == 2
    assert json.loads(page_cache.snapshot_path(url).read_text(encoding="utf-8"))["schema"] == 1


def test_snapshots_live_under_gloss_cache(server: ThreadingHTTPServer, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("GLOSS_CACHE", str(tmp_path / "elsewhere"))
    url = url_of(server)
    load_url(url)
    files = list((tmp_path / "elsewhere" / "pages").glob("*.json"))
    assert len(files) == 1 and not list(files[0].parent.glob("*.tmp"))


def test_refresh_command_reanchors_highlights(
    server: ThreadingHTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotations.model import Annotation, Target
    from annotations.store import Store

    url = url_of(server)
    doc = load_url(url)
    with Store.open() as store:
        record = store.register_document(doc)
        kept = doc.text.index("Tom Reed")
        lost = doc.text.index("best week of the winter")
        store.add(Annotation(record.key, Target.from_text(doc.text, kept, kept + len("Tom Reed"))))
        store.add(Annotation(record.key, Target.from_text(doc.text, lost, lost + 23)))
    # the page changes: a paragraph is added before the quote, the last one is rewritten
    Site.page = article(
        "An earlier paragraph now opens the story and moves everything after it.",
        INTRO,
        QUOTE,
        "The rest of the article was replaced by a correction from the editors.",
    )
    assert main(["refresh", url]) == 0
    out = capsys.readouterr().out
    # the quote moved but is found exactly with its context (ok); the rewritten one is lost
    assert out.strip() == f"{url}: text changed; 2 highlights: 1 ok, 0 drifted, 1 orphan"
    with Store.open() as store:
        notes = store.annotations(record.key)
    fresh = load_url(url)
    by_status = {n.status: n for n in notes}
    moved = by_status["ok"]
    assert moved.start != kept and fresh.text[moved.start : moved.end] == "Tom Reed"
    assert "orphan" in by_status  # kept, never dropped
    assert main(["refresh", url]) == 0  # the same page again: nothing moves
    assert (
        capsys.readouterr().out.strip() == f"{url}: text unchanged; 2 highlights: 1 ok, 0 drifted, 1 orphan"
    )


def test_refresh_of_a_url_without_highlights(server: ThreadingHTTPServer, capsys) -> None:
    url = url_of(server)
    assert main(["refresh", url]) == 0
    assert "snapshot stored" in capsys.readouterr().out


def test_refresh_of_an_unreachable_url_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["refresh", "http://127.0.0.1:9/none", "--timeout", "2"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gloss: cannot open URL") and err.count("\n") == 1


def test_refresh_goes_on_after_an_unreachable_url(server: ThreadingHTTPServer, capsys) -> None:
    url = url_of(server)
    assert main(["refresh", "http://127.0.0.1:9/none", url, "--timeout", "2"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("gloss: cannot open URL") and captured.err.count("\n") == 1
    assert captured.out.startswith(f"{url}: snapshot stored")


@pytest.mark.parametrize("timeout", ["0", "-1", "nan", "inf", "soon"])
def test_refresh_refuses_a_timeout_that_is_not_a_positive_number(timeout: str, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["refresh", "http://127.0.0.1:9/none", "--timeout", timeout])
    assert stopped.value.code == 2 and "--timeout" in capsys.readouterr().err
