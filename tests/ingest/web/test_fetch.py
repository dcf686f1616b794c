"""The careful GET against a real loopback server: redirects, limits, types, retries, robots."""

from __future__ import annotations

import gzip
import ipaddress
import shutil
import ssl
import subprocess
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from parallax_web_pages import page
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from parallax.ingest.web.fetch import Fetcher, FetchError, gunzip_capped
from parallax.ingest.web.guard import Guard
from parallax.options import Options

LOOPBACK = ipaddress.ip_address("127.0.0.1")


def fetcher(options: Options, **kwargs: object) -> Fetcher:
    return Fetcher(options, backoff=0.01, **kwargs)  # type: ignore[arg-type]


def test_page_fetched(site: HTTPServer, options: Options) -> None:
    site.expect_request("/economia/juros").respond_with_data(
        page("Juros caem"), content_type="text/html; charset=utf-8", headers={"ETag": '"v1"'}
    )
    with fetcher(options) as f:
        got = f.get(site.url_for("/economia/juros"), "page")
    assert got.status == 200
    assert got.media_type == "text/html"
    assert got.etag == '"v1"'
    assert b"Juros caem" in got.body


def test_user_agent_sent(site: HTTPServer, options: Options) -> None:
    site.expect_request("/ua", headers={"User-Agent": "Teste/2.0"}).respond_with_data(
        page("Agente"), content_type="text/html"
    )
    with fetcher(options.replace(user_agent="Teste/2.0")) as f:
        assert f.get(site.url_for("/ua"), "page").status == 200


def test_redirects_followed(site: HTTPServer, options: Options) -> None:
    site.expect_request("/a").respond_with_data("", status=301, headers={"Location": "/b"})
    site.expect_request("/b").respond_with_data("", status=302, headers={"Location": site.url_for("/c")})
    site.expect_request("/c").respond_with_data(page("Destino"), content_type="text/html")
    with fetcher(options) as f:
        got = f.get(site.url_for("/a"), "page")
    assert got.url == site.url_for("/c")


def test_redirect_loop_refused(site: HTTPServer, options: Options) -> None:
    site.expect_request("/um").respond_with_data("", status=302, headers={"Location": "/dois"})
    site.expect_request("/dois").respond_with_data("", status=302, headers={"Location": "/um"})
    with fetcher(options) as f, pytest.raises(FetchError, match=r"^redirect loop: .*/um → .*/dois → .*/um$"):
        f.get(site.url_for("/um"), "page")


def test_too_many_redirects(site: HTTPServer, options: Options) -> None:
    for n in range(6):
        site.expect_request(f"/r{n}").respond_with_data("", status=307, headers={"Location": f"/r{n + 1}"})
    with (
        fetcher(options.replace(max_redirects=3)) as f,
        pytest.raises(FetchError, match="too many redirects"),
    ):
        f.get(site.url_for("/r0"), "page")


def test_redirect_to_loopback_refused_without_allow_private(site: HTTPServer, options: Options) -> None:
    # 127.0.0.1 stands in for a public site; the redirect then points at another loopback address.
    site.expect_request("/publico").respond_with_data(
        "", status=302, headers={"Location": f"http://127.0.0.2:{site.port}/interno"}
    )
    guard = Guard(allow_private=False, exempt=frozenset({LOOPBACK}))
    with fetcher(options.replace(allow_private=False), guard=guard) as f, pytest.raises(FetchError) as caught:
        f.get(f"http://127.0.0.1:{site.port}/publico", "page")
    assert str(caught.value).startswith(
        "refused: 127.0.0.2 is a loopback address (use --allow-private to allow)"
    )
    assert "redirected:" in str(caught.value)


def test_name_resolving_to_private_address_refused_before_connecting(options: Options) -> None:
    guard = Guard(allow_private=False)

    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.215.14", "10.0.0.5"] if host == "noticias.example" else []

    with (
        fetcher(options.replace(allow_private=False), guard=guard, resolver=resolver) as f,
        pytest.raises(FetchError, match=r"^refused: 10\.0\.0\.5 is a private address"),
    ):
        f.get("http://noticias.example/pagina", "page")


def test_guarded_connection_goes_to_the_checked_address(site: HTTPServer, options: Options) -> None:
    # A made-up name resolved by the guard's resolver: the request reaches the server it names.
    site.expect_request("/via-nome").respond_with_data(page("Por nome"), content_type="text/html")
    guard = Guard(allow_private=False, exempt=frozenset({LOOPBACK}))

    def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    with fetcher(options.replace(allow_private=False), guard=guard, resolver=resolver) as f:
        got = f.get(f"http://jornal.example:{site.port}/via-nome", "page")
    assert b"Por nome" in got.body
    assert site.log[-1][0].headers["Host"] == f"jornal.example:{site.port}"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://jornal.example/a", "scheme 'ftp' is not http or https"),
        ("file:///etc/passwd", "scheme 'file' is not http or https"),
        ("http://leitor:senha@jornal.example/a", "user name or password"),
        ("http://metadata.google.internal/computeMetadata/v1/", "cloud metadata service"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address"),
        ("http://[::1]:9/", "::1 is a loopback address"),
    ],
)
def test_refused_urls(options: Options, url: str, reason: str) -> None:
    with fetcher(options.replace(allow_private=False)) as f, pytest.raises(FetchError, match=reason):
        f.get(url, "page")


def test_slow_response_times_out(site: HTTPServer, options: Options) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response(page("Atrasada"), content_type="text/html")

    site.expect_request("/lenta").respond_with_handler(slow)
    with (
        fetcher(options.replace(fetch_timeout=0.5)) as f,
        pytest.raises(FetchError, match=r"^timed out after 0\.5 s$"),
    ):
        f.get(site.url_for("/lenta"), "page")


def test_oversized_body_refused_from_its_length(site: HTTPServer, options: Options) -> None:
    site.expect_request("/grande").respond_with_data(b"<html>" + b"a" * 5000, content_type="text/html")
    with (
        fetcher(options.replace(max_input_bytes=1000)) as f,
        pytest.raises(FetchError, match=r"^too large: 4\.9 KB"),
    ):
        f.get(site.url_for("/grande"), "page")


def test_oversized_streamed_body_refused_while_reading(site: HTTPServer, options: Options) -> None:
    def streamed(request: Request) -> Response:
        chunks = (b"<p>" + b"x" * 500 + b"</p>" for _ in range(20))
        return Response(chunks, content_type="text/html")  # no Content-Length: chunked

    site.expect_request("/fluxo").respond_with_handler(streamed)
    with (
        fetcher(options.replace(max_input_bytes=2000)) as f,
        pytest.raises(FetchError, match=r"^too large: more than 2.0 KB"),
    ):
        f.get(site.url_for("/fluxo"), "page")


def test_gzip_bomb_refused(site: HTTPServer, options: Options) -> None:
    bomb = gzip.compress(b"<html>" + b"\0" * 5_000_000)
    assert len(bomb) < 10_000
    site.expect_request("/bomba").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    with (
        fetcher(options.replace(max_input_bytes=100_000)) as f,
        pytest.raises(FetchError, match=r"^too large: more than 97.7 KB"),
    ):
        f.get(site.url_for("/bomba"), "page")


def test_gzip_encoded_page_read(site: HTTPServer, options: Options) -> None:
    original = page("Comprimida")
    site.expect_request("/gz").respond_with_data(
        gzip.compress(original), content_type="text/html; charset=utf-8", headers={"Content-Encoding": "gzip"}
    )
    with fetcher(options) as f:
        assert f.get(site.url_for("/gz"), "page").body == original


def test_deflate_encoded_page_read(site: HTTPServer, options: Options) -> None:
    original = page("Deflate")
    site.expect_request("/deflate").respond_with_data(
        zlib.compress(original), content_type="text/html", headers={"Content-Encoding": "deflate"}
    )
    with fetcher(options) as f:
        assert f.get(site.url_for("/deflate"), "page").body == original


def test_gzip_file_capped() -> None:
    assert gunzip_capped(gzip.compress(b"abc"), 10) == b"abc"
    with pytest.raises(FetchError, match="too large"):
        gunzip_capped(gzip.compress(b"a" * 100), 10)


def test_wrong_content_type_refused(site: HTTPServer, options: Options) -> None:
    site.expect_request("/relatorio.pdf").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    with fetcher(options) as f, pytest.raises(FetchError, match=r"^not HTML: content type application/pdf$"):
        f.get(site.url_for("/relatorio.pdf"), "page")
    with (
        fetcher(options) as f,
        pytest.raises(FetchError, match=r"^not HTML, a feed or a sitemap: content type application/pdf$"),
    ):
        f.get(site.url_for("/relatorio.pdf"), "document")


def test_http_error_named(site: HTTPServer, options: Options) -> None:
    site.expect_request("/sumiu").respond_with_data("não encontrada", status=404)
    with fetcher(options) as f, pytest.raises(FetchError, match=r"^HTTP 404 NOT FOUND$"):
        f.get(site.url_for("/sumiu"), "page")


def test_retry_after_503_then_success(site: HTTPServer, options: Options) -> None:
    site.expect_ordered_request("/instavel").respond_with_data("ocupado", status=503)
    site.expect_ordered_request("/instavel").respond_with_data(page("Voltou"), content_type="text/html")
    with fetcher(options.replace(fetch_retries=2, respect_robots=False)) as f:
        got = f.get(site.url_for("/instavel"), "page")
    assert b"Voltou" in got.body
    assert [entry[0].path for entry in site.log].count("/instavel") == 2


def test_429_retry_after_honoured(site: HTTPServer, options: Options) -> None:
    waits: list[float] = []
    site.expect_ordered_request("/limite").respond_with_data(
        "devagar", status=429, headers={"Retry-After": "2"}
    )
    site.expect_ordered_request("/limite").respond_with_data(page("Liberada"), content_type="text/html")
    with Fetcher(
        options.replace(fetch_retries=1, respect_robots=False), backoff=0.01, sleep=waits.append
    ) as f:
        assert b"Liberada" in f.get(site.url_for("/limite"), "page").body
    assert waits == [2.0]


def test_429_with_long_retry_after_gives_up(site: HTTPServer, options: Options) -> None:
    site.expect_request("/limite").respond_with_data("amanhã", status=429, headers={"Retry-After": "3600"})
    with (
        fetcher(options.replace(fetch_retries=3)) as f,
        pytest.raises(FetchError, match=r"HTTP 429 TOO MANY REQUESTS: the server asks to wait 3600 s"),
    ):
        f.get(site.url_for("/limite"), "page")


def test_retries_exhausted_with_exponential_back_off(site: HTTPServer, options: Options) -> None:
    waits: list[float] = []
    site.expect_request("/quebrada").respond_with_data("erro", status=500)
    with (
        Fetcher(options.replace(fetch_retries=2), backoff=0.5, sleep=waits.append) as f,
        pytest.raises(FetchError, match=r"^HTTP 500 INTERNAL SERVER ERROR \(3 attempts\)$"),
    ):
        f.get(site.url_for("/quebrada"), "page")
    assert waits == [0.5, 1.0]


def test_connection_errors_retried(options: Options) -> None:
    waits: list[float] = []
    with (
        Fetcher(
            options.replace(fetch_retries=1, respect_robots=False), backoff=0.25, sleep=waits.append
        ) as f,
        pytest.raises(FetchError, match=r"^connection failed \(2 attempts\): "),
    ):
        f.get("http://127.0.0.1:9/fechado", "page")  # the discard port: nothing listens
    assert waits == [0.25]


def test_timeout_retried_then_success(site: HTTPServer, options: Options) -> None:
    calls: list[int] = []

    def first_slow(request: Request) -> Response:
        calls.append(1)
        if len(calls) == 1:
            time.sleep(0.8)
        return Response(page("Na segunda"), content_type="text/html")

    site.expect_request("/lenta").respond_with_handler(first_slow)
    with fetcher(options.replace(fetch_timeout=0.4, fetch_retries=1, respect_robots=False)) as f:
        assert b"Na segunda" in f.get(site.url_for("/lenta"), "page").body
    assert len(calls) == 2


def test_host_delay_spaces_requests(site: HTTPServer, options: Options) -> None:
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    def served(request: Request) -> Response:
        now[0] += 0.25  # each answer takes a quarter of a second on this clock
        return Response(page("Pausa"), content_type="text/html")

    site.expect_request("/p").respond_with_handler(served)
    with Fetcher(
        options.replace(host_delay=1.0, respect_robots=False), sleep=sleep, clock=lambda: now[0]
    ) as f:
        f.get(site.url_for("/p"), "page")
        f.get(site.url_for("/p"), "page")
        f.get(site.url_for("/p"), "page")
    assert waits == [pytest.approx(0.75), pytest.approx(0.75)]


def test_conditional_get_not_modified(site: HTTPServer, options: Options) -> None:
    site.expect_request("/feed.xml", headers={"If-None-Match": '"abc"'}).respond_with_data("", status=304)
    with fetcher(options) as f:
        got = f.get(site.url_for("/feed.xml"), "xml", etag='"abc"')
    assert got.not_modified


# ---------------------------------------------------------------------------- robots.txt


def test_robots_disallow(httpserver: HTTPServer, options: Options) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /restrito/\n", content_type="text/plain"
    )
    httpserver.expect_request("/restrito/materia").respond_with_data(
        page("Fechada"), content_type="text/html"
    )
    httpserver.expect_request("/aberto/materia").respond_with_data(page("Aberta"), content_type="text/html")
    with fetcher(options) as f:
        assert b"Aberta" in f.get(httpserver.url_for("/aberto/materia"), "page").body
        with pytest.raises(
            FetchError, match=r"^robots.txt of (localhost|127.0.0.1) disallows .*/restrito/materia"
        ):
            f.get(httpserver.url_for("/restrito/materia"), "page")
    with fetcher(options.replace(respect_robots=False)) as f:
        assert b"Fechada" in f.get(httpserver.url_for("/restrito/materia"), "page").body
    robots_requests = [entry[0].path for entry in httpserver.log].count("/robots.txt")
    assert robots_requests == 1  # cached per site


def test_robots_for_our_agent_only(httpserver: HTTPServer, options: Options) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: Parallax\nDisallow: /\n\nUser-agent: *\nAllow: /\n", content_type="text/plain"
    )
    httpserver.expect_request("/x").respond_with_data(page("X"), content_type="text/html")
    with fetcher(options) as f, pytest.raises(FetchError, match=r"robots\.txt"):
        f.get(httpserver.url_for("/x"), "page")


def test_unreachable_robots_closes_the_site(httpserver: HTTPServer, options: Options) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("falha", status=503)
    httpserver.expect_request("/x").respond_with_data(page("X"), content_type="text/html")
    with (
        fetcher(options) as f,
        pytest.raises(FetchError, match=r"robots.txt of .* could not be read \(HTTP 503"),
    ):
        f.get(httpserver.url_for("/x"), "page")


# ---------------------------------------------------------------------------- HTTPS through the guard


@pytest.fixture
def tls_site(tmp_path: Path) -> Iterator[HTTPServer]:
    """An HTTPS loopback server with a certificate for jornal.example only (made by openssl)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
    command += ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=jornal.example"]
    command += ["-addext", "subjectAltName=DNS:jornal.example"]
    subprocess.run(
        command,
        check=True,
        capture_output=True,
    )
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=server_context)
    server.start()
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.expect_request("/seguro").respond_with_data(page("Página segura"), content_type="text/html")
    try:
        yield server
    finally:
        server.clear()
        server.stop()


def test_https_verified_against_the_host_name_while_dialling_the_checked_address(
    tls_site: HTTPServer, options: Options, tmp_path: Path
) -> None:
    trust = ssl.create_default_context(cafile=str(tmp_path / "cert.pem"))
    guard = Guard(allow_private=False, exempt=frozenset({LOOPBACK}))

    def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    safe = options.replace(allow_private=False)
    with fetcher(safe, guard=guard, resolver=resolver, ssl_context=trust) as f:
        got = f.get(f"https://jornal.example:{tls_site.port}/seguro", "page")
    assert "Página segura".encode() in got.body
    # the same address under another name: the certificate does not match, so no page
    with (
        fetcher(safe, guard=guard, resolver=resolver, ssl_context=trust) as f,
        pytest.raises(FetchError, match=r"certificate verify failed"),
    ):
        f.get(f"https://outro.example:{tls_site.port}/seguro", "page")
