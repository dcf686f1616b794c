"""The SSRF guard: which URLs and addresses a fetch may reach.

A URL given to Parallax (or found in a feed, a sitemap or a redirect) must not make
it talk to the machine it runs on, to the private network behind it or to a cloud
metadata service. Hostnames are not trusted: a public-looking name may resolve to
``10.0.0.5``. So the guard judges *addresses*, every address a name resolves to,
and the connection is then made to one of exactly those checked addresses (see
:class:`GuardedBackend`), which closes the DNS-rebinding window between a check
and a second resolution done by the HTTP library.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Cloud instance-metadata endpoints (AWS, GCP, Azure, OpenStack, Oracle; AWS over IPv6).
METADATA_ADDRESSES: frozenset[IPAddress] = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)
#: Names that only mean something inside a cloud and always point at its metadata service.
METADATA_HOSTS: frozenset[str] = frozenset({"metadata.google.internal", "metadata.goog", "metadata"})
ALLOWED_SCHEMES: frozenset[str] = frozenset({"http", "https"})
_SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT, RFC 6598

Resolver = Callable[[str, int], Sequence[str]]


class GuardError(Exception):
    """A URL or address the guard refuses; the message is the reason shown to the user."""


@dataclass(frozen=True, slots=True)
class Guard:
    """What may be reached: public addresses only, unless ``allow_private``.

    ``exempt`` names single addresses treated as public (a local mirror, or a test
    server standing in for a public site); everything else is judged normally.
    """

    allow_private: bool = False
    exempt: frozenset[IPAddress] = field(default_factory=frozenset)

    def check_url(self, url: httpx.URL) -> None:
        """Refuse other schemes, URLs with credentials and metadata host names (before any DNS)."""
        if url.scheme not in ALLOWED_SCHEMES:
            raise GuardError(f"refused: scheme {url.scheme or '(none)'!r} is not http or https")
        if url.userinfo:
            raise GuardError("refused: the URL carries a user name or password")
        if not url.host:
            raise GuardError("refused: the URL has no host")
        host = url.host.rstrip(".").lower()
        if not self.allow_private and host in METADATA_HOSTS:
            raise GuardError(f"refused: {host} is a cloud metadata service (use --allow-private to allow)")

    def check_address(self, address: IPAddress) -> None:
        if self.allow_private or address in self.exempt:
            return
        kind = forbidden_kind(address)
        if kind is not None:
            raise GuardError(f"refused: {address} is {kind} (use --allow-private to allow)")

    def resolve(self, host: str, port: int, resolver: Resolver | None = None) -> list[str]:
        """Every address ``host`` resolves to, each checked; refused if any one is forbidden.

        Refusing on *any* bad address (not just skipping it) keeps a name that mixes a
        public and a private address from reaching the private one on a retry.
        """
        try:
            literal = ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            literal = None
        if literal is not None:
            self.check_address(literal)
            return [str(literal)]
        found = (resolver or system_resolver)(host, port)
        if not found:
            raise GuardError(f"cannot resolve host {host}")
        addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in found]
        for address in addresses:
            self.check_address(address)
        return [str(a) for a in dict.fromkeys(addresses)]


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise GuardError(f"cannot resolve host {host}: {exc.strerror or exc}") from exc
    except UnicodeError as exc:
        raise GuardError(f"cannot resolve host {host}: {exc}") from exc
    return [str(info[4][0]) for info in infos]


def forbidden_kind(address: IPAddress) -> str | None:
    """Why an address is off limits ("a private address", …), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo or (None, None))[1]
        if embedded is not None:
            inner = forbidden_kind(embedded)
            if inner is not None:
                return f"{inner} embedded in an IPv6 address"
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast:
        return "a multicast address"
    if isinstance(address, ipaddress.IPv6Address) and address in ipaddress.ip_network("fc00::/7"):
        return "a unique-local address"
    if isinstance(address, ipaddress.IPv4Address) and address in _SHARED_ADDRESS_SPACE:
        return "a shared (carrier-grade NAT) address"
    if address.is_reserved:
        return "a reserved address"
    if address.is_private:
        return "a private address"
    if not address.is_global:
        return "a non-public address"
    return None


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, but every TCP connection goes through the guard.

    httpcore hands the backend the host name of the URL; the backend resolves it once,
    checks every address and connects to a checked address itself. The TLS layer still
    uses the URL's host name for SNI and certificate checks (httpcore passes it to
    ``start_tls`` separately), so HTTPS is verified against the real name. Because the
    address that is checked is the address that is dialled, a DNS answer that changes
    between "check" and "connect" (DNS rebinding) cannot slip a private address in,
    and every redirect hop — a new connection — is checked the same way.
    """

    def __init__(self, guard: Guard, resolver: Resolver | None = None) -> None:
        self._guard = guard
        self._resolver = resolver
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self._guard.resolve(host, port, self._resolver)
        last: Exception | None = None
        for address in addresses:
            try:
                return self._sockets.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise GuardError("refused: unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        self._sockets.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """An httpx transport whose connection pool dials through :class:`GuardedBackend`.

    No proxy and no environment settings: a proxy would make the guard judge the
    proxy's address instead of the site's.
    """

    def __init__(
        self, guard: Guard, resolver: Resolver | None = None, ssl_context: ssl.SSLContext | None = None
    ) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context or httpx.create_ssl_context(trust_env=False),
            max_connections=20,
            max_keepalive_connections=10,
            keepalive_expiry=5.0,
            network_backend=GuardedBackend(guard, resolver),
        )
