"""Fetch a web page with hard limits: total time, size, redirects and content type.

Every failure becomes one ``IngestError`` line ("cannot open URL: 404 Not Found (…)").
urllib's socket timeout bounds each network operation, not the whole download, so the
body is read in chunks against a deadline: a server that drips one byte a second cannot
hold gloss for longer than the timeout.
"""

from __future__ import annotations

import os
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPException, HTTPResponse

from reader import __version__
from reader.ingest.errors import IngestError

DEFAULT_TIMEOUT = 15.0  # seconds for the whole fetch: connect, redirects and body
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
MARKDOWN_TYPES = ("text/markdown", "text/x-markdown")
TEXT_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "application/xml",
    "text/xml",
    *MARKDOWN_TYPES,
)
_UNTYPED = ("", "application/octet-stream")  # no usable label: look at the bytes
_CHUNK = 64 * 1024
_USER_AGENT = f"gloss/{__version__} (terminal article reader)"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A downloaded page: where it ended up, its bytes and what the server said it is."""

    url: str
    body: bytes
    content_type: str
    charset: str | None


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow at most ``MAX_REDIRECTS`` redirects (urllib's own limit is 10), http(s) only."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        """Refuse redirects away from the web (urllib would follow ftp://)."""
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise _error(req.full_url, f"redirected to a non-web address ({newurl[:80]})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def default_timeout() -> float:
    """The fetch timeout: ``$GLOSS_URL_TIMEOUT`` seconds if set, else 15."""
    try:
        value = float(os.environ.get("GLOSS_URL_TIMEOUT", ""))
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


def fetch(url: str, timeout: float | None = None, max_bytes: int = MAX_BYTES) -> FetchedPage:
    """Download ``url``; raise IngestError with a one-line reason when that fails."""
    timeout = timeout if timeout and timeout > 0 else default_timeout()
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_LimitedRedirects)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": _USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9",
        },
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type, charset = _content_type(response.headers)
            if content_type not in TEXT_TYPES and content_type not in _UNTYPED:
                raise _error(url, f"not a web page ({content_type})")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise _error(url, f"the page is larger than {max_bytes // (1024 * 1024)} MB")
            body = _read_body(response, url, deadline, max_bytes, timeout)
            if content_type in _UNTYPED:
                content_type = _sniff(body, url)
            return FetchedPage(response.geturl(), body, content_type, charset)
    except IngestError:
        raise
    except urllib.error.HTTPError as error:
        raise _error(url, _http_reason(error)) from None
    except urllib.error.URLError as error:
        raise _error(url, _network_reason(error.reason, timeout)) from None
    except TimeoutError:
        raise _error(url, f"timed out after {timeout:g} s") from None
    except (OSError, HTTPException, ValueError) as error:
        raise _error(url, _network_reason(error, timeout)) from None


def _read_body(response: HTTPResponse, url: str, deadline: float, max_bytes: int, timeout: float) -> bytes:
    """Read the response body, read in chunks until done, too large, or out of time."""
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise _error(url, f"timed out after {timeout:g} s")
        chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise _error(url, f"the page is larger than {max_bytes // (1024 * 1024)} MB")
        chunks.append(chunk)


def _sniff(body: bytes, url: str) -> str:
    """The type of a body the server did not label: HTML if it looks like it, else refused."""
    head = body[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")) or b"<html" in head:
        return "text/html"
    raise _error(url, "not a web page (the server did not say what it is and it is not HTML)")


def _content_type(headers: Message) -> tuple[str, str | None]:
    """The media type (lower case, no parameters) and the declared charset."""
    media = (headers.get_content_type() or "").lower() if headers.get("Content-Type") else ""
    return media, headers.get_content_charset()


def _http_reason(error: urllib.error.HTTPError) -> str:
    """The reason of an HTTP error ("404 Not Found"); urllib's loop refusal is a redirect."""
    if 300 <= error.code < 400:
        return "too many redirects"
    reason = error.reason if isinstance(error.reason, str) else ""
    return f"{error.code} {reason}".strip()


def _network_reason(reason: object, timeout: float) -> str:
    """A short description of a network failure."""
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({reason.reason or 'SSL error'})"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    text = str(reason).strip()
    return text.splitlines()[0][:120] if text else type(reason).__name__


def _error(url: str, reason: str) -> IngestError:
    """The one-line error for ``url``."""
    return IngestError(f"cannot open URL: {reason} ({url})")
