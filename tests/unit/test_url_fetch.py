"""URLs against a real local HTTP server: articles, and every way a fetch can fail."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from reader.cli import main
from reader.ingest import IngestError
from reader.ingest.url import load_url
from reader.ingest.web_fetch import fetch

ARTICLE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Harbour freezes over | Quay Times</title>"
    "<meta name='author' content='Jane Roe'></head><body><nav><a href='/'>Home</a></nav><article>"
    "<h1>Harbour freezes over</h1>"
    "<p>The harbour froze for the first time in forty years, and the ferries stayed in port while "
    "children skated between the moored boats on a bright cold morning.</p>"
    "<p>“We have never seen anything like it,” said Tom Reed, the harbour master, who has worked "
    "there since the nineteen-eighties and keeps a log of every winter.</p>"
    "<p>Shops along the quay reported their best week of the winter as visitors arrived from all "
    "over the region to walk on the frozen water.</p></article></body></html>"
).encode()
NO_ARTICLE = b"<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
PLAIN = (
    b"Harbour freezes over\n\nThe harbour froze for the first time in forty years, and the "
    b"ferries stayed in port.\n\nShops along the quay reported their best week of the winter.\n"
)

MARKDOWN = b"# Harbour *freezes*\n\nThe harbour froze for the **first** time in forty years.\n\n- skating\n- ferries\n"


class Handler(BaseHTTPRequestHandler):
    """Serves one synthetic page or failure per path."""

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        routes = {
            "/article": lambda: self._send(200, "text/html; charset=utf-8", ARTICLE),
            "/plain": lambda: self._send(200, "text/plain; charset=utf-8", PLAIN),
            "/notes.md": lambda: self._send(200, "text/markdown; charset=utf-8", MARKDOWN),
            "/raw/README.md": lambda: self._send(200, "text/plain; charset=utf-8", MARKDOWN),
            "/missing": lambda: self._send(404, "text/html", b"<h1>gone</h1>"),
            "/broken": lambda: self._send(500, "text/html", b"oops"),
            "/loop": lambda: self._redirect("/loop"),
            "/hop": lambda: self._redirect("/article"),
            "/pdf": lambda: self._send(200, "application/pdf", b"%PDF-1.4 fake"),
            "/image": lambda: self._send(200, "image/png", b"\x89PNG fake"),
            "/empty": lambda: self._send(200, "text/html", b""),
            "/nothing": lambda: self._send(200, "text/html", NO_ARTICLE),
            "/slow": self._slow,
            "/drip": self._drip,
            "/huge": self._huge,
            "/to-ftp": lambda: self._redirect("ftp://127.0.0.1/file"),
            "/untyped": lambda: self._send_untyped(ARTICLE),
            "/untyped-binary": lambda: self._send_untyped(b"\x00\x01\x02 not a page at all " * 10),
        }
        routes.get(self.path, lambda: self._send(404, "text/plain", b"no such page"))()

    def _send(self, code: int, content_type: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):  # the client gave up (timeouts)
            self.wfile.write(body)

    def _send_untyped(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _slow(self) -> None:
        time.sleep(3)
        self._send(200, "text/html", ARTICLE)

    def _drip(self) -> None:
        """Headers at once, then a byte now and then: each read is quick, the whole is not."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(60):
            try:
                self.wfile.write(b"<p>x</p>")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.1)

    def _huge(self) -> None:
        """11 MB without a Content-Length header: only counting while reading catches it."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"words " * 10000 + b"</p>"
        try:
            for _ in range(11 * 1024 * 1024 // len(chunk) + 1):
                self.wfile.write(chunk)
        except OSError:
            pass


@pytest.fixture
def server() -> Iterator[str]:
    """A local HTTP server on a free port; yields its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_an_article_url_opens(server: str) -> None:
    doc = load_url(f"{server}/article")
    assert doc.source == f"{server}/article"
    assert (doc.title, doc.author) == ("Harbour freezes over", "Jane Roe")
    assert "Tom Reed" in doc.text and "Home" not in doc.text
    assert doc.meta["url"] == f"{server}/article"


def test_redirects_are_followed(server: str) -> None:
    doc = load_url(f"{server}/hop")
    assert doc.title == "Harbour freezes over"
    assert doc.source == f"{server}/hop" and doc.meta["url"] == f"{server}/article"


def test_an_unlabelled_html_page_is_read(server: str) -> None:
    assert load_url(f"{server}/untyped").title == "Harbour freezes over"


def test_plain_text_pages_are_read_as_text(server: str) -> None:
    doc = load_url(f"{server}/plain")
    assert "best week of the winter" in doc.text


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "404 Not Found"),
        ("/broken", "500 Internal Server Error"),
        ("/loop", "too many redirects"),
        ("/pdf", "not a web page (application/pdf)"),
        ("/image", "not a web page (image/png)"),
        ("/huge", "larger than 10 MB"),
        ("/to-ftp", "redirected to a non-web address"),
        ("/untyped-binary", "not a web page"),
    ],
)
def test_fetch_failures_are_one_line(server: str, path: str, reason: str) -> None:
    with pytest.raises(IngestError) as caught:
        load_url(f"{server}{path}")
    message = str(caught.value)
    assert message.startswith("cannot open URL: ") and reason in message
    assert "\n" not in message


def test_pages_without_an_article_are_refused(server: str) -> None:
    for path in ("/empty", "/nothing"):
        with pytest.raises(IngestError, match=r"empty|no article"):
            load_url(f"{server}{path}")


def test_a_slow_server_times_out(server: str) -> None:
    with pytest.raises(IngestError, match="timed out"):
        load_url(f"{server}/slow", timeout=0.5)


def test_a_dripping_server_cannot_outlast_the_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(IngestError, match="timed out"):
        fetch(f"{server}/drip", timeout=1.0)
    # each read returns quickly, so only the overall deadline can stop this fetch
    assert time.monotonic() - started < 5


def test_a_refused_connection_is_reported(server: str) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(IngestError, match="cannot open URL: connection refused"):
        load_url(f"http://127.0.0.1:{port}/article", timeout=2)


def test_not_http_is_refused() -> None:
    with pytest.raises(IngestError, match="not an http"):
        load_url("ftp://example.org/file")


def test_cli_prints_one_line_and_exits_2(
    server: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["analyze", f"{server}/missing", "--json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gloss: cannot open URL: 404 Not Found") and err.count("\n") == 1
    monkeypatch.setenv("GLOSS_URL_TIMEOUT", "0.5")
    assert main(["analyze", f"{server}/slow", "--json"]) == 2
    assert "timed out after 0.5 s" in capsys.readouterr().err


def test_cli_analyze_json_on_a_url(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["analyze", f"{server}/article", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["title"] == "Harbour freezes over" and result["author"] == "Jane Roe"
    assert any(b["kind"] == "paragraph" for b in result["blocks"])


@pytest.mark.parametrize("path", ["/notes.md", "/raw/README.md"])
def test_markdown_pages_are_read_as_markdown(server: str, path: str) -> None:
    doc = load_url(server + path, refresh=True)
    assert doc.title == "Harbour freezes" and "**" not in doc.text
    assert [b.kind for b in doc.blocks] == ["title", "paragraph", "list_item", "list_item"]
