"""WARC / WARC.gz files written by warcio in the CC-NEWS layout → one article per HTML page captured."""

from __future__ import annotations

import gzip as gzip_module
import io
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parallax.ingest import InputWarning, read_inputs
from parallax.ingest.warc import WarcRecord, iter_warc_records
from parallax.model import Article
from parallax.options import Options

PAGE = """<!doctype html><html lang="pt-BR"><head><meta charset="utf-8">
<title>{title} | Gazeta do Litoral</title>
<meta property="og:site_name" content="Gazeta do Litoral">{date_meta}
</head><body>
<nav class="menu"><ul><li>Início</li><li>Cidades</li><li>Esportes</li></ul></nav>
<article><h1>{title}</h1>
<p>{first}</p>
<p>A prefeitura informou que novas medições serão feitas ao longo da semana,
com apoio de técnicos do estado.</p>
</article>
<footer class="site-footer"><p>Gazeta do Litoral, todos os direitos reservados.</p></footer>
</body></html>"""

STORIES = [
    (
        "Maré alta invade avenida da orla em Santos",
        "A maré alta desta segunda-feira invadiu a avenida da orla de Santos e interditou duas faixas "
        "por três horas.",
        "2025-03-10T08:00:00-03:00",
    ),
    (
        "Ressaca derruba quiosque na praia do Gonzaga",
        "Um quiosque da praia do Gonzaga desabou durante a ressaca da madrugada, sem deixar feridos, "
        "segundo os bombeiros.",
        None,  # no date in the page: the WARC-Date is used
    ),
    (
        "Balsa entre Santos e Guarujá volta a operar",
        "A travessia de balsa entre Santos e Guarujá voltou a operar no início da tarde, depois de "
        "seis horas parada.",
        "2025-03-10T15:20:00-03:00",
    ),
]


def _page(title: str, first: str, date: str | None) -> bytes:
    date_meta = f'\n<meta property="article:published_time" content="{date}">' if date else ""
    return PAGE.format(title=title, first=first, date_meta=date_meta).encode("utf-8")


def _response(
    writer: WARCWriter, url: str, body: bytes, *, status: str = "200 OK", ctype: str, date: str
) -> None:
    http = StatusAndHeaders(
        status, [("Content-Type", ctype), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date}
    )
    writer.write_record(record)


def write_warc(path: Path, *, gzip: bool) -> None:
    """Three HTML responses among a warcinfo, requests, a robots.txt, an image, a redirect and a revisit."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "parallax-test"}))
        for n, (title, first, date) in enumerate(STORIES, 1):
            url = f"https://www.gazetadolitoral.example/noticia/{n}"
            request = writer.create_warc_record(
                url,
                "request",
                payload=io.BytesIO(b"GET /noticia HTTP/1.1\r\nHost: x\r\n\r\n"),
                warc_content_type="application/http; msgtype=request",
            )
            writer.write_record(request)
            _response(
                writer,
                url,
                _page(title, first, date),
                ctype="text/html; charset=utf-8",
                date=f"2025-03-1{n}T12:00:00Z",
            )
        _response(
            writer,
            "https://www.gazetadolitoral.example/robots.txt",
            b"User-agent: *\nAllow: /\n",
            ctype="text/plain",
            date="2025-03-11T12:00:00Z",
        )
        _response(
            writer,
            "https://www.gazetadolitoral.example/foto.jpg",
            b"\xff\xd8\xff\xe0" + b"\x00" * 64,
            ctype="image/jpeg",
            date="2025-03-11T12:00:00Z",
        )
        _response(
            writer,
            "https://www.gazetadolitoral.example/antiga",
            b"",
            status="301 Moved Permanently",
            ctype="text/html",
            date="2025-03-11T12:00:00Z",
        )
        revisit = writer.create_revisit_record(
            "https://www.gazetadolitoral.example/noticia/1",
            digest="sha1:AAAA",
            refers_to_uri="https://www.gazetadolitoral.example/noticia/1",
            refers_to_date="2025-03-11T12:00:00Z",
        )
        writer.write_record(revisit)


def record_offsets(path: Path, *, gzip: bool) -> list[tuple[int, str]]:
    with path.open("rb") as stream:
        return [
            (r.offset, r.type)
            for r in iter_warc_records(stream, 10_000_000, gzipped=gzip)
            if isinstance(r, WarcRecord)
        ]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_articles_with_urls_dates_and_record_provenance(
    workdir: Path, gzip: bool
) -> None:
    name = "cc-news.warc.gz" if gzip else "cc-news.warc"
    write_warc(workdir / name, gzip=gzip)
    warnings: list[InputWarning] = []
    batch = read_inputs([name], Options(), warnings.append)
    assert batch.rejected == []
    articles = batch.articles
    assert [a.source.url for a in articles] == [
        f"https://www.gazetadolitoral.example/noticia/{n}" for n in (1, 2, 3)
    ]
    assert [a.title for a in articles] == [title for title, _, _ in STORIES]
    assert [a.published for a in articles] == [
        "2025-03-10T08:00:00-03:00",
        "2025-03-12T12:00:00Z",  # the page states none: the record's WARC-Date
        "2025-03-10T15:20:00-03:00",
    ]
    assert {a.outlet for a in articles} == {"Gazeta do Litoral"}
    responses = [offset for offset, kind in record_offsets(workdir / name, gzip=gzip) if kind == "response"]
    if not gzip:
        data = (workdir / name).read_bytes()
        assert {data[offset : offset + 8] for offset in responses} == {b"WARC/1.0"}
    assert [a.source.path for a in articles] == [f"{name}#{offset}" for offset in responses[:3]]
    assert len({a.id for a in articles}) == 3
    assert [a.at(a.kept_lines()[1][0]) for a in articles] == [first for _, first, _ in STORIES]
    assert [(w.input, w.message) for w in warnings] == [
        (
            name,
            "skipped 8 non-HTML records (request 3, response not an HTML page with status 200 3, "
            "warcinfo 1, revisit 1)",
        )
    ]


def test_a_file_cut_mid_record_keeps_the_records_before_it_and_names_the_offset(workdir: Path) -> None:
    write_warc(workdir / "full.warc.gz", gzip=True)
    data = (workdir / "full.warc.gz").read_bytes()
    responses = [o for o, kind in record_offsets(workdir / "full.warc.gz", gzip=True) if kind == "response"]
    third = responses[2]
    (workdir / "cut.warc.gz").write_bytes(data[: third + 200])  # inside the third page's gzip member
    batch = read_inputs(["cut.warc.gz"], Options())
    assert [a.source.url for a in batch.articles] == [
        "https://www.gazetadolitoral.example/noticia/1",
        "https://www.gazetadolitoral.example/noticia/2",
    ]
    (rejected,) = batch.rejected
    assert rejected.input == f"cut.warc.gz#{third}"
    assert rejected.reason == f"record 7 at byte {third}: gzip member cut short (file ends mid-record)"


def test_an_uncompressed_file_cut_mid_record_names_the_record(workdir: Path) -> None:
    write_warc(workdir / "full.warc", gzip=False)
    data = (workdir / "full.warc").read_bytes()
    responses = [o for o, kind in record_offsets(workdir / "full.warc", gzip=False) if kind == "response"]
    (workdir / "cut.warc").write_bytes(data[: responses[1] + 900])
    batch = read_inputs(["cut.warc"], Options())
    assert [a.source.url for a in batch.articles] == ["https://www.gazetadolitoral.example/noticia/1"]
    (rejected,) = batch.rejected
    assert rejected.input == f"cut.warc#{responses[1]}"
    assert rejected.reason.startswith(f"record 5 at byte {responses[1]}: record cut short: ")
    assert rejected.reason.endswith("content bytes (file ends mid-record)")


def test_a_corrupt_gzip_member_is_named_and_the_records_after_it_are_still_read(workdir: Path) -> None:
    write_warc(workdir / "full.warc.gz", gzip=True)
    data = bytearray((workdir / "full.warc.gz").read_bytes())
    responses = [o for o, kind in record_offsets(workdir / "full.warc.gz", gzip=True) if kind == "response"]
    second = responses[1]
    for k in range(second + 40, second + 90):  # garble the deflate stream of the second page
        data[k] ^= 0x5A
    (workdir / "bad.warc.gz").write_bytes(bytes(data))
    batch = read_inputs(["bad.warc.gz"], Options())
    assert [a.source.url for a in batch.articles] == [
        "https://www.gazetadolitoral.example/noticia/1",
        "https://www.gazetadolitoral.example/noticia/3",
    ]
    (rejected,) = batch.rejected
    assert rejected.input == f"bad.warc.gz#{second}"
    assert rejected.reason.startswith(f"record 5 at byte {second}: ")
    assert "corrupt gzip data (" in rejected.reason


def test_a_record_over_the_size_cap_is_refused_unkept_and_the_next_one_read(workdir: Path) -> None:
    bomb = zlib.compressobj(9, zlib.DEFLATED, 31)
    header = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 5000000\r\n\r\n"
    member = bomb.compress(header) + bomb.compress(b"\0" * 5_000_000) + bomb.flush()
    write_warc(workdir / "rest.warc.gz", gzip=True)
    (workdir / "bomb.warc.gz").write_bytes(member + (workdir / "rest.warc.gz").read_bytes())
    batch = read_inputs(["bomb.warc.gz"], Options(max_input_bytes=1_000_000))
    assert len(member) < 10_000
    assert len(batch.articles) == 3
    (rejected,) = batch.rejected
    assert rejected.input == "bomb.warc.gz#0"
    assert (
        rejected.reason == "record 1 at byte 0: record of 4.8 MB is over the 976.6 KB limit (max_input_bytes)"
    )


def test_a_whole_file_gzipped_as_one_member_is_still_read_record_by_record(workdir: Path) -> None:
    write_warc(workdir / "plain.warc", gzip=False)
    (workdir / "one.warc.gz").write_bytes(gzip_module.compress((workdir / "plain.warc").read_bytes()))
    batch = read_inputs(["one.warc.gz"], Options())
    assert batch.rejected == []
    assert [a.source.url for a in batch.articles] == [
        f"https://www.gazetadolitoral.example/noticia/{n}" for n in (1, 2, 3)
    ]
    plain = (workdir / "plain.warc").read_bytes()
    for article in batch.articles:  # one member: the record's offset inside it, which is the plain file's
        assert article.source.path is not None
        member, inside = article.source.path.removeprefix("one.warc.gz#").split("+")
        assert member == "0" and plain[int(inside) : int(inside) + 8] == b"WARC/1.0"


def test_a_page_without_article_text_in_a_warc_is_rejected_with_its_url(workdir: Path) -> None:
    with (workdir / "menu.warc.gz").open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        page = b"<html><body><nav class='menu'><ul><li>Inicio</li><li>Cidades</li></ul></nav></body></html>"
        _response(
            writer,
            "https://www.gazetadolitoral.example/",
            page,
            ctype="text/html",
            date="2025-03-11T12:00:00Z",
        )
    batch = read_inputs(["menu.warc.gz"], Options())
    (rejected,) = batch.rejected
    assert rejected.input == "menu.warc.gz#0"
    assert rejected.reason.startswith("record 1 at byte 0 (https://www.gazetadolitoral.example/): ")


def test_warc_articles_keep_exact_spans(workdir: Path) -> None:
    write_warc(workdir / "a.warc.gz", gzip=True)
    for article in read_inputs(["a.warc.gz"], Options()).articles:
        assert isinstance(article, Article)
        for line in article.removed:
            assert article.at(line.span) == line.text
        assert article.title_span is not None and article.at(article.title_span) == article.title


def test_a_gzipped_warc_on_stdin_is_recognised_from_its_bytes(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    write_warc(workdir / "a.warc.gz", gzip=True)
    data = (workdir / "a.warc.gz").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    batch = read_inputs(["-"], Options())
    assert batch.rejected == []
    assert [a.source.url for a in batch.articles] == [
        f"https://www.gazetadolitoral.example/noticia/{n}" for n in (1, 2, 3)
    ]
    assert batch.articles[0].source.path is not None and batch.articles[0].source.path.startswith("<stdin>#")
