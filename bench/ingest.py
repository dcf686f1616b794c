"""Reading HTML pages and WARC files: Parallax's path against trafilatura alone, on generated pages.

Usage: ``python bench/ingest.py --pages 300 [--seed 7]``

Pages are generated here from four invented layouts (a WordPress theme, a big portal,
an AMP page, an old table layout in windows-1252) with varied chrome and paragraphs,
then timed in one process on the same pages, in CPU seconds of that process (so that other
work on a shared machine does not skew the figures) and interleaved chunk by chunk (so that
every path sees the same machine state):

- trafilatura ``extract()`` alone (what a plain scraper does), and ``bare_extraction``
  with metadata (what Parallax asks trafilatura for);
- Parallax's ``article_from_html`` (visible lines, trafilatura, alignment, metadata),
  and that plus the ``clean`` stage: the ratio to ``extract()`` is the cost of keeping
  every visible line with a reason instead of dropping it;
- a ``.warc.gz`` of the same pages (plus warcinfo, request and image records): raw
  record iteration with Parallax's reader, fastwarc and warcio, then records/s of the
  whole ``read_inputs`` (iteration + extraction).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import trafilatura
from fastwarc.warc import ArchiveIterator as FastIterator
from fastwarc.warc import WarcRecordType
from warcio.archiveiterator import ArchiveIterator as WarcioIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parallax.ingest import read_inputs
from parallax.ingest.html import article_from_html
from parallax.ingest.warc import WarcRecord, iter_warc_records
from parallax.model import Article, Batch
from parallax.options import Options
from parallax.pipeline import run

CITIES = ["Campinas", "Santos", "Londrina", "Joinville", "Sorocaba", "Maringá", "Niterói", "Caxias do Sul"]
SUBJECTS = [
    ("A Defesa Civil", "interditou", "a ponte da avenida principal"),
    ("A prefeitura", "anunciou", "um novo horário para os ônibus"),
    ("O governo estadual", "liberou", "recursos para a reforma do hospital"),
    ("A polícia", "prendeu", "dois suspeitos de furto de cabos"),
    ("A câmara municipal", "aprovou", "o projeto que amplia as creches"),
]
FILLERS = [
    "Segundo o órgão, a medida vale por pelo menos {n} dias e será revista na próxima semana.",
    "“Não vamos correr riscos”, disse o coordenador, que pediu calma aos moradores de {city}.",
    "De acordo com a nota oficial, {n} famílias foram atendidas desde a manhã de terça-feira.",
    "Moradores relataram que o problema se arrasta há {n} meses sem solução definitiva.",
    "A oposição criticou a decisão e pediu explicações em uma sessão marcada para quinta-feira.",
    "Técnicos farão novas vistorias e um relatório deve ser publicado até o fim do mês.",
]
CHROME = ["Início", "Cidades", "Política", "Economia", "Esportes", "Cultura", "Opinião", "Vídeos"]
TEASERS = [
    "Feira de artesanato volta à praça central",
    "Show reúne 10 mil pessoas no estádio",
    "Veja a previsão do tempo para o fim de semana",
    "Concurso abre 200 vagas para professores",
]


def _story(rng: random.Random, n: int) -> tuple[str, list[str]]:
    city = rng.choice(CITIES)
    who, verb, what = rng.choice(SUBJECTS)
    title = f"{who} {verb} {what} em {city}"
    paragraphs = [f"{who} de {city} {verb} nesta segunda-feira {what}, depois de reclamações de moradores."]
    for filler in rng.sample(FILLERS, k=rng.randint(3, len(FILLERS))):
        paragraphs.append(filler.format(n=rng.randint(2, 90), city=city))
    return f"{title} ({n})", paragraphs


def _menu(rng: random.Random) -> str:
    return "".join(
        f"<li><a href='/{c.lower()}'>{c}</a></li>" for c in rng.sample(CHROME, k=rng.randint(4, 8))
    )


def _teasers(rng: random.Random) -> str:
    return "".join(f"<li><a>{t}</a></li>" for t in rng.sample(TEASERS, k=3))


def wordpress(rng: random.Random, title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="pt-BR"><head><meta charset="utf-8">
<title>{title} | Jornal do Vale</title><meta property="og:site_name" content="Jornal do Vale">
<meta property="article:published_time" content="2025-05-06T09:15:00-03:00">
<script>var x = 1;</script><style>.a{{color:red}}</style></head><body>
<header class="site-header"><nav class="main-navigation"><ul>{_menu(rng)}</ul></nav></header>
<main><article><h1 class="entry-title">{title}</h1><div class="entry-meta">Por Marina Costa</div>
<div class="sharedaddy"><ul><li>Facebook</li><li>WhatsApp</li></ul></div>
<div class="entry-content">{body}</div>
<footer class="entry-footer"><span class="tags-links">Tags: cidade, serviço</span></footer></article>
<div class="jp-relatedposts"><h3>Relacionado</h3><ul>{_teasers(rng)}</ul></div></main>
<aside class="widget-area"><h2>Mais lidas</h2><ul>{_teasers(rng)}</ul></aside>
<footer class="site-footer"><p>© 2025 Jornal do Vale</p></footer></body></html>""".encode()


def portal(rng: random.Random, title: str, paragraphs: list[str]) -> bytes:
    half = len(paragraphs) // 2
    first = "".join(f"<p class='content-text'>{p}</p>" for p in paragraphs[:half])
    rest = "".join(f"<p class='content-text'>{p}</p>" for p in paragraphs[half:])
    return f"""<!doctype html><html lang="pt-br"><head><meta charset="utf-8">
<title>{title} | Portal Horizonte</title>
<meta property="og:site_name" content="Portal Horizonte">
<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2025-01-14T18:42:10Z"}}</script>
</head>
<body><div class="cookie-banner"><p>Usamos cookies para melhorar sua experiência.</p></div>
<header role="banner"><nav class="menu-principal"><ul>{_menu(rng)}</ul></nav></header>
<div class="ad-container"><span>Publicidade</span></div><main><h1>{title}</h1>
<h2 class="subtitle">Veja o que se sabe até agora sobre o caso</h2>
<p class="byline">Por Renata Albuquerque</p>
<article class="content-text">{first}
<div class="saibamais"><strong>LEIA TAMBÉM</strong><ul>{_teasers(rng)}</ul></div>
<figure><img src="a.jpg"><figcaption>Foto: Leitor/Portal Horizonte</figcaption></figure>{rest}</article>
<div class="related-list"><ul>{_teasers(rng)}</ul></div></main>
<footer><ul><li>Quem somos</li><li>Anuncie</li></ul></footer></body></html>""".encode()


def amp(rng: random.Random, title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html ⚡ lang="pt"><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="https://www.gazeta.example/noticia/{rng.randint(1, 10**6)}">
<style amp-custom>body{{margin:0}}</style></head><body>
<amp-sidebar id="s" layout="nodisplay"><ul>{_menu(rng)}</ul></amp-sidebar>
<header class="amp-header"><button>Menu</button></header><article><h1>{title}</h1>
<div class="amp-share"><span>Compartilhe</span></div><amp-img src="a.jpg" width="1" height="1"></amp-img>
{body}<div class="amp-related"><ul>{_teasers(rng)}</ul></div></article>
<footer><p>Gazeta © 2025</p></footer></body></html>""".encode()


def tables(rng: random.Random, title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>{title} - Correio do Sertão</title><meta name="date" content="2024-11-03"></head><body>
<table><tr><td class="menu">{" | ".join(rng.sample(CHROME, k=5))}</td></tr></table>
<table><tr><td><h1>{title}</h1>{body}</td></tr></table>
<div id="rodape">Correio do Sertão © 2024 – Todos os direitos reservados</div></body></html>"""
    return page.encode("cp1252", errors="replace")


LAYOUTS: list[Callable[[random.Random, str, list[str]], bytes]] = [wordpress, portal, amp, tables]


def generate(count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    pages = []
    for n in range(count):
        title, paragraphs = _story(rng, n)
        pages.append(LAYOUTS[n % len(LAYOUTS)](rng, title, paragraphs))
    return pages


def write_warc(path: Path, pages: list[bytes]) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "parallax-bench"}))
        for n, page in enumerate(pages):
            url = f"https://www.exemplo.example/noticia/{n}"
            request = writer.create_warc_record(
                url,
                "request",
                payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                warc_content_type="application/http",
            )
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(page),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-05-06T12:00:00Z"},
            )
            writer.write_record(record)
            if n % 10 == 0:
                image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(
                        url + ".jpg", "response", payload=io.BytesIO(b"\xff\xd8" * 2000), http_headers=image
                    )
                )


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """CPU seconds of this process (other processes on a shared machine do not count), and the result."""
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


def html_paths(
    pages: list[bytes], options: Options, chunk: int = 20
) -> tuple[dict[str, float], list[Article]]:
    """CPU seconds of each HTML path, interleaved chunk by chunk so that all see the same machine state."""
    totals = dict.fromkeys(("extract", "bare", "read", "clean"), 0.0)
    articles: list[Article] = []
    for first in range(0, len(pages), chunk):
        part = pages[first : first + chunk]
        start = time.process_time()
        for page in part:
            trafilatura.extract(page)
        middle = time.process_time()
        for page in part:
            trafilatura.bare_extraction(page, with_metadata=True)
        read_start = time.process_time()
        read = [
            article_from_html(p, url=None, path=f"{first + i}.html", options=options)
            for i, p in enumerate(part)
        ]
        clean_start = time.process_time()
        run(Batch(articles=list(read)), options)
        end = time.process_time()
        totals["extract"] += middle - start
        totals["bare"] += read_start - middle
        totals["read"] += clean_start - read_start
        totals["clean"] += end - clean_start
        articles.extend(read)
    return totals, articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    pages = generate(args.pages, args.seed)
    options = Options(workspace=None, pipeline=("clean",))
    megabytes = sum(map(len, pages)) / 1e6
    print(f"{len(pages)} pages, {megabytes:.1f} MB of HTML, 4 layouts\n")

    # warm-up: imports, lexicons and trafilatura's caches are not what is measured
    run(Batch(articles=[article_from_html(pages[0], url=None, path="warm.html", options=options)]), options)
    trafilatura.extract(pages[0])

    totals, articles = html_paths(pages, options)
    t_extract, t_bare, t_read, t_clean = totals["extract"], totals["bare"], totals["read"], totals["clean"]
    rows = [
        ("trafilatura extract() alone", t_extract),
        ("trafilatura bare_extraction(with_metadata)", t_bare),
        ("Parallax article_from_html", t_read),
        ("Parallax article_from_html + clean stage", t_read + t_clean),
    ]
    print("| HTML path | CPU seconds | pages/s | x extract() |")
    print("|---|---:|---:|---:|")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.2f} | {len(pages) / seconds:,.0f} | {seconds / t_extract:.2f} |")
    kept = sum(len(a.kept_lines()) for a in articles)
    removed = sum(len(a.removed) for a in articles)
    print(
        f"\n{len(articles)} articles, {kept} body lines kept, {removed} visible lines recorded as removed\n"
    )

    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "bench.warc.gz"
        write_warc(warc, pages)
        size = warc.stat().st_size / 1e6

        def own() -> int:
            with warc.open("rb") as stream:
                return sum(
                    1 for r in iter_warc_records(stream, 20 << 20, gzipped=True) if isinstance(r, WarcRecord)
                )

        def fast() -> int:
            with warc.open("rb") as stream:
                return sum(
                    1
                    for r in FastIterator(stream, record_types=WarcRecordType.any_type, parse_http=True)
                    if r.reader.read() is not None
                )

        def warcio() -> int:
            with warc.open("rb") as stream:
                return sum(1 for r in WarcioIterator(stream) if r.content_stream().read() is not None)

        print(f"WARC: {size:.1f} MB gzipped\n")
        print("| WARC pass | CPU seconds | records/s |")
        print("|---|---:|---:|")
        for label, fn in (
            ("raw iteration, Parallax reader (zlib per member)", own),
            ("raw iteration, fastwarc", fast),
            ("raw iteration, warcio", warcio),
        ):
            seconds, records = timed(fn)
            assert isinstance(records, int)
            print(f"| {label} | {seconds:.3f} | {records / seconds:,.0f} ({records} records) |")
        seconds, batch = timed(lambda: read_inputs([str(warc)], Options(workspace=None)))
        assert isinstance(batch, Batch)
        found = len(batch.articles)
        print(
            f"| read_inputs (iteration + HTML extraction) | {seconds:.2f} | "
            f"{found / seconds:,.0f} ({found} pages) |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
