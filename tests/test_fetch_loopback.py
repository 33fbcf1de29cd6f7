"""The loopback test server itself: routes, turns, 404s and request records."""

import urllib.error
import urllib.request

from loopback import Reply, loopback  # noqa: F401  (pytest fixture)


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def test_routes_turns_and_records(loopback):
    loopback.route("/a", Reply(200, "hello"))
    loopback.route("/t", [Reply(500, "no"), Reply(200, "yes")])
    assert _get(loopback.url("/a")) == (200, "hello")
    assert [_get(loopback.url("/t"))[0] for _ in range(3)] == [500, 200, 200]
    assert _get(loopback.url("/missing"))[0] == 404
    assert loopback.hits("/t") == 3
    assert loopback.requests[0].headers.get("Host", "").startswith("127.0.0.1:")


def test_callable_route_writes_its_own_response(loopback):
    def handler(req):
        req.send_response(201)
        req.send_header("Content-Length", "2")
        req.end_headers()
        req.wfile.write(b"ok")

    loopback.route("/c", handler)
    assert _get(loopback.url("/c", host="localhost")) == (201, "ok")
