"""Which URLs newsmine may request at all (scheme and address checks).

Links newsmine discovers by itself (in feeds, sitemaps, redirect hops) come
from servers, not from the user; a hostile page could point them at the
user's router, a cloud metadata endpoint or a local admin port. Those links
must resolve to public addresses unless the user opts in (``allow_private``).
A URL the user typed may go anywhere: the user chose it, and so did they
choose its host (an http -> https or port hop on that host stays trusted).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from newsmine.errors import FetchError

SCHEMES = ("http", "https")


def host_of(url: str) -> str:
    """The lower-cased host name of ``url`` ("" when it has none or does not parse).

    The unit of trust (a host the user typed) and of politeness (rate limits).
    """
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def check_scheme(url: str) -> None:
    """Refuse anything but absolute http(s) URLs with a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        shown = parts.scheme or "(none)"
        raise FetchError(f"{url}: unsupported URL scheme {shown}, only http and https are fetched")
    if not parts.hostname:
        raise FetchError(f"{url}: URL has no host")
    try:
        parts.port  # noqa: B018 - urlsplit parses the port lazily; a bad one raises here
    except ValueError as err:
        raise FetchError(f"{url}: invalid URL: {err}") from None


def check_public(url: str) -> None:
    """Refuse ``url`` if its host resolves to any non-public address."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        public_address(parts.hostname or "", port)
    except FetchError as err:
        raise FetchError(f"{url}: {err}") from None


def public_address(host: str, port: int) -> str:
    """Resolve ``host`` and return one of its addresses, if all of them are public.

    Any non-public answer refuses the host: a name that resolves to both a
    public and a private address is the usual trick to slip past a check
    that looks at the first answer only.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as err:
        raise FetchError(f"cannot resolve host {host}: {err}") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]
    for address in addresses:
        if not is_public(address):
            raise FetchError(
                f"refused, {host} resolves to non-public address {address} "
                "(links found in pages, feeds and redirects must be public; allow_private lifts this)"
            )
    return str(addresses[0])


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Globally routable unicast: not private, loopback, link-local, reserved or multicast."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:10.0.0.1 is 10.0.0.1
    return address.is_global and not address.is_multicast
