"""Fetcher against a real loopback server: statuses, retries, caps, charsets, safety."""

from __future__ import annotations

import gzip
import socket
import time
import zlib
from datetime import datetime

import httpx
import pytest
from loopback import Reply, loopback, loopback2  # noqa: F401  (pytest fixtures)

from newsmine.errors import FetchError
from newsmine.fetch import FetchConfig, Fetcher
from newsmine.fetch.transport import GuardedTransport, request_scope

HTML = {"Content-Type": "text/html; charset=utf-8"}
FAST = FetchConfig(
    rate=100, connect_timeout=1, read_timeout=0.5, total_timeout=2, retries=2, backoff=0.05, max_retry_after=2
)


def fetch(url: str, config: FetchConfig = FAST, **kwargs) -> object:
    """The Page, or the FetchError raised (its str() must be one line)."""
    with Fetcher(config) as fetcher:
        try:
            return fetcher.fetch(url, **kwargs)
        except FetchError as err:
            assert "\n" not in str(err)
            return err


def test_page_fields_and_user_agent(loopback):
    headers = {**HTML, "ETag": '"v1"', "Last-Modified": "Sat, 01 Nov 2025 10:00:00 GMT"}
    loopback.route("/a", Reply(200, "<p>Bitcoin ₿</p>", headers))
    page = fetch(loopback.url("/a"))
    assert page.html == "<p>Bitcoin ₿</p>" and page.status == 200 and not page.is_text
    assert (page.etag, page.last_modified) == ('"v1"', "Sat, 01 Nov 2025 10:00:00 GMT")
    assert page.url == page.source == loopback.url("/a")
    assert datetime.fromisoformat(page.fetched_at).utcoffset().total_seconds() == 0
    seen = [r for r in loopback.requests if r.path == "/a"][0]
    assert seen.headers["User-Agent"].startswith("newsmine/")


def test_text_plain_is_text_and_xhtml_is_markup(loopback):
    loopback.route("/t", Reply(200, "just words", {"Content-Type": "text/plain"}))
    loopback.route("/x", Reply(200, "<html/>", {"Content-Type": "application/xhtml+xml"}))
    assert fetch(loopback.url("/t")).is_text
    page = fetch(loopback.url("/x"))
    assert not page.is_text and page.content_type == "application/xhtml+xml"


def test_conditional_get_304(loopback):
    def handler(req):
        if req.headers.get("If-None-Match") == '"v1"':
            return Reply(304, b"", {"ETag": '"v1"'})
        return Reply(200, "<p>new</p>", {**HTML, "ETag": '"v1"'})

    loopback.route("/c", handler)
    assert fetch(loopback.url("/c")).etag == '"v1"'
    err = fetch(loopback.url("/c"), etag='"v1"', last_modified="Sat, 01 Nov 2025 10:00:00 GMT")
    assert isinstance(err, FetchError) and err.outcome == "not_modified" and err.status == 304
    last = loopback.requests[-1].headers
    assert last["If-Modified-Since"] == "Sat, 01 Nov 2025 10:00:00 GMT"


def test_redirects_followed_to_final_url(loopback):
    loopback.route("/old", Reply(301, b"", {"Location": "/mid"}))
    loopback.route("/mid", Reply(302, b"", {"Location": loopback.url("/new")}))
    loopback.route("/new", Reply(200, "<p>here</p>", HTML))
    page = fetch(loopback.url("/old"))
    assert page.url == loopback.url("/new") and page.source == loopback.url("/old")


def test_redirect_limit_and_loop(loopback):
    for i in range(7):
        loopback.route(f"/r{i}", Reply(302, b"", {"Location": f"/r{i + 1}"}))
    loopback.route("/r7", Reply(200, "<p>too far</p>", HTML))
    err = fetch(loopback.url("/r0"))
    assert isinstance(err, FetchError) and "more than 5 redirects" in str(err)
    assert isinstance(fetch(loopback.url("/r1")), FetchError)  # six hops
    assert fetch(loopback.url("/r2")).url == loopback.url("/r7")  # exactly five hops
    loopback.route("/x", Reply(302, b"", {"Location": "/y"}))
    loopback.route("/y", Reply(302, b"", {"Location": "/x"}))
    assert "redirect loop" in str(fetch(loopback.url("/x")))
    loopback.route("/to-ftp", Reply(302, b"", {"Location": "ftp://files.example/x"}))
    assert "unsupported URL scheme ftp" in str(fetch(loopback.url("/to-ftp")))


def test_429_honours_retry_after(loopback):
    loopback.route("/busy", [Reply(429, b"", {"Retry-After": "1"}), Reply(200, "<p>ok</p>", HTML)])
    start = time.monotonic()
    assert fetch(loopback.url("/busy")).html == "<p>ok</p>"
    assert time.monotonic() - start >= 0.9  # waited as told, not the 0.05 s backoff


def test_retry_after_is_capped(loopback):
    loopback.route("/later", [Reply(503, b"", {"Retry-After": "3600"}), Reply(200, "<p>back</p>", HTML)])
    start = time.monotonic()
    assert fetch(loopback.url("/later"), FetchConfig(rate=100, max_retry_after=0.2)).html == "<p>back</p>"
    assert time.monotonic() - start < 2


def test_500_then_success_and_500_forever(loopback):
    loopback.route("/flaky", [Reply(500, "oops"), Reply(503, "oops"), Reply(200, "<p>up</p>", HTML)])
    assert fetch(loopback.url("/flaky")).html == "<p>up</p>"
    loopback.route("/down", Reply(500, "oops"))
    err = fetch(loopback.url("/down"))
    assert isinstance(err, FetchError) and err.status == 500 and err.outcome == "failed"
    assert "HTTP 500" in str(err) and "3 attempts" in str(err)
    assert loopback.hits("/down") == 3


def test_404_is_not_retried(loopback):
    err = fetch(loopback.url("/missing"))
    assert err.status == 404 and loopback.hits("/missing") == 1


def test_silent_server_times_out(loopback):
    loopback.route("/slow", lambda req: (time.sleep(1.5), Reply(200, "<p>late</p>", HTML))[1])
    start = time.monotonic()
    err = fetch(loopback.url("/slow"), FetchConfig(rate=100, read_timeout=0.3, retries=0))
    assert isinstance(err, FetchError) and "nothing for 0.3 s" in str(err)
    assert time.monotonic() - start < 1.2


def _drip(head: bytes, piece: bytes):
    """A handler that sends ``head``, then ``piece`` every 0.1 s for ever (until the client hangs up)."""

    def handler(req):
        req.wfile.write(head)
        while True:
            req.wfile.write(piece)
            req.wfile.flush()
            time.sleep(0.1)

    return handler


@pytest.mark.parametrize(
    ("head", "piece"),
    [
        (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n", b"1\r\nx\r\n"),
        (b"HTTP/1.1 200 OK\r\nX-Slow: ", b"z"),  # headers that never end
    ],
    ids=["body", "headers"],
)
def test_dripping_server_hits_total_timeout(loopback, head, piece):
    loopback.route("/drip", _drip(head, piece))
    config = FetchConfig(rate=100, read_timeout=1, total_timeout=0.8, retries=0)
    start = time.monotonic()
    err = fetch(loopback.url("/drip"), config)
    assert "total timeout" in str(err) and time.monotonic() - start < 2


def _endless(req):
    req.send_response(200)
    req.send_header("Content-Type", "text/html")
    req.send_header("Transfer-Encoding", "chunked")
    req.end_headers()
    chunk = b"x" * 65536
    while True:
        req.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))


def test_body_caps(loopback):
    loopback.route("/big", Reply(200, b"<p>" + b"x" * 300_000, HTML))
    loopback.route("/endless", _endless)
    small = FetchConfig(rate=100, max_bytes=100_000, max_raw_bytes=100_000, retries=0)
    assert "exceeds the 97.7 KB cap" in str(fetch(loopback.url("/big"), small))
    err = fetch(loopback.url("/endless"), small)
    assert isinstance(err, FetchError) and "cap" in str(err)


def test_gzip_page_and_gzip_bomb(loopback):
    gz = {**HTML, "Content-Encoding": "gzip"}
    loopback.route("/gz", Reply(200, gzip.compress("<p>compressed café</p>".encode()), gz))
    assert fetch(loopback.url("/gz")).html == "<p>compressed café</p>"
    for wbits in (zlib.MAX_WBITS, -zlib.MAX_WBITS):  # deflate with and without the zlib header
        packer = zlib.compressobj(wbits=wbits)
        body = packer.compress(b"<p>deflated</p>") + packer.flush()
        loopback.route(f"/deflate{wbits}", Reply(200, body, {**HTML, "Content-Encoding": "deflate"}))
        assert fetch(loopback.url(f"/deflate{wbits}")).html == "<p>deflated</p>"
    two_members = gzip.compress(b"<p>one ") + gzip.compress(b"two</p>")
    loopback.route("/members", Reply(200, two_members, gz))
    assert fetch(loopback.url("/members")).html == "<p>one two</p>"
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    loopback.route("/bomb", Reply(200, bomb, gz))
    err = fetch(loopback.url("/bomb"), FetchConfig(rate=100, max_bytes=1_000_000, retries=0))
    assert "cap after decompression" in str(err)


def test_wrong_and_missing_charsets(loopback):
    text = "<p>Café crème, déjà vu — naïve</p>"
    loopback.route("/lat", Reply(200, text.encode("latin-1", "replace"), HTML))  # declared utf-8: a lie
    assert fetch(loopback.url("/lat")).html == text.replace("—", "?")
    utf16 = "<p>Ethereum Ξ rallied</p>"
    loopback.route("/u16", Reply(200, utf16.encode("utf-16"), {"Content-Type": "text/html"}))
    assert fetch(loopback.url("/u16")).html == utf16
    ru = '<html><head><meta charset="windows-1251"></head><body><p>Биткоин упал до 30 000 долларов</p></body></html>'
    loopback.route("/meta", Reply(200, ru.encode("cp1251"), {"Content-Type": "text/html"}))
    page = fetch(loopback.url("/meta"))
    assert page.html == ru and page.encoding == "cp1251"


def test_pdf_refused(loopback):
    loopback.route("/doc.pdf", Reply(200, b"%PDF-1.4", {"Content-Type": "application/pdf"}))
    err = fetch(loopback.url("/doc.pdf"))
    assert str(err).endswith("unsupported content type application/pdf")


def test_closed_port_gives_one_line():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    err = fetch(f"http://127.0.0.1:{port}/")
    assert isinstance(err, FetchError) and "cannot connect" in str(err)


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)", "example.com"])
def test_non_http_schemes_refused(url):
    assert "unsupported URL scheme" in str(fetch(url))


def test_private_targets_refused_unless_typed_or_allowed(loopback, loopback2):
    loopback.route("/page", Reply(200, "<p>internal</p>", HTML))
    # A typed URL may reach loopback; the same URL found in a feed may not.
    assert fetch(loopback.url("/page")).html == "<p>internal</p>"
    err = fetch(loopback.url("/page"), typed=False)
    assert "non-public address 127.0.0.1" in str(err)
    # A redirect hop to another origin is a link the server chose: checked too.
    loopback.route("/hop", Reply(302, b"", {"Location": loopback.url("/page", host="localhost")}))
    assert "non-public address" in str(fetch(loopback.url("/hop")))
    # Another port or scheme on the typed host is still the host the user chose.
    loopback2.route("/other-port", Reply(200, "<p>same host</p>", HTML))
    loopback.route("/port-hop", Reply(302, b"", {"Location": loopback2.url("/other-port")}))
    assert fetch(loopback.url("/port-hop")).html == "<p>same host</p>"
    allowed = FetchConfig(rate=100, allow_private=True)
    assert fetch(loopback.url("/hop"), allowed).url == loopback.url("/page", host="localhost")
    assert fetch(loopback.url("/page"), allowed, typed=False).status == 200


def test_address_checked_again_when_connecting(loopback):
    """The transport re-checks at connect time (no DNS-rebinding window between check and use)."""
    loopback.route("/x", Reply(200, "<p>x</p>", HTML))
    with httpx.Client(transport=GuardedTransport()) as client:
        assert client.get(loopback.url("/x")).status_code == 200  # unguarded: loopback is fine
        with request_scope(public_only=True, deadline=None), pytest.raises(FetchError, match="non-public address 127.0.0.1"):
            client.get(loopback.url("/x", host="localhost"))
    assert loopback.hits("/x") == 1
