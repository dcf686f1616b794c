"""The SSRF guard on addresses and URLs, without any network."""

from __future__ import annotations

import ipaddress

import httpx
import pytest

from parallax.ingest.web.guard import Guard, GuardError, forbidden_kind


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "a loopback address"),
        ("127.8.9.10", "a loopback address"),
        ("10.0.0.5", "a private address"),
        ("10.255.255.255", "a private address"),
        ("172.16.0.1", "a private address"),
        ("172.31.255.254", "a private address"),
        ("192.168.1.20", "a private address"),
        ("169.254.169.254", "a cloud metadata address"),
        ("169.254.10.1", "a link-local address"),
        ("100.64.0.1", "a shared (carrier-grade NAT) address"),
        ("0.0.0.0", "an unspecified address"),
        ("224.0.0.251", "a multicast address"),
        ("240.0.0.1", "a reserved address"),
        ("::1", "a loopback address"),
        ("::", "an unspecified address"),
        ("fe80::1", "a link-local address"),
        ("fc00::1", "a unique-local address"),
        ("fd12:3456::1", "a unique-local address"),
        ("fd00:ec2::254", "a cloud metadata address"),
        ("ff02::1", "a multicast address"),
        ("::ffff:10.0.0.5", "a private address embedded in an IPv6 address"),
        ("2002:7f00:1::", "a loopback address embedded in an IPv6 address"),
    ],
)
def test_forbidden_addresses(address: str, kind: str) -> None:
    assert forbidden_kind(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize("address", ["93.184.215.14", "200.147.3.157", "2001:4860:4860::8888", "172.32.0.1"])
def test_public_addresses_allowed(address: str) -> None:
    assert forbidden_kind(ipaddress.ip_address(address)) is None
    Guard().check_address(ipaddress.ip_address(address))


def test_refusal_names_address_and_the_way_out() -> None:
    with pytest.raises(GuardError) as caught:
        Guard().check_address(ipaddress.ip_address("10.0.0.5"))
    assert str(caught.value) == "refused: 10.0.0.5 is a private address (use --allow-private to allow)"


def test_allow_private_and_exemptions() -> None:
    Guard(allow_private=True).check_address(ipaddress.ip_address("127.0.0.1"))
    guard = Guard(exempt=frozenset({ipaddress.ip_address("127.0.0.1")}))
    guard.check_address(ipaddress.ip_address("127.0.0.1"))
    with pytest.raises(GuardError):
        guard.check_address(ipaddress.ip_address("127.0.0.2"))


def test_every_resolved_address_is_checked() -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["200.147.3.157", "192.168.0.10"]

    with pytest.raises(GuardError, match=r"192\.168\.0\.10 is a private address"):
        Guard().resolve("jornal.example", 443, resolver)
    assert Guard().resolve("jornal.example", 443, lambda h, p: ["200.147.3.157", "200.147.3.157"]) == [
        "200.147.3.157"
    ]


def test_literal_addresses_checked_without_dns() -> None:
    with pytest.raises(GuardError, match="::1 is a loopback address"):
        Guard().resolve("[::1]", 80, lambda h, p: [])


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("gopher://jornal.example/", "scheme 'gopher'"),
        ("https://ana:segredo@jornal.example/", "user name or password"),
        ("http://metadata.google.internal/", "metadata.google.internal is a cloud metadata service"),
        ("http://Metadata.Google.Internal./", "metadata.google.internal is a cloud metadata service"),
    ],
)
def test_urls_refused_before_dns(url: str, reason: str) -> None:
    with pytest.raises(GuardError, match=reason):
        Guard().check_url(httpx.URL(url))
