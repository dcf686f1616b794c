"""JSON, JSON Lines and CSV/TSV → one article per record, mapped fields, bad rows named by line."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from parallax.ingest import InputWarning, read_inputs
from parallax.model import Rejected
from parallax.options import Options

FIRST = "A Câmara aprovou nesta quarta-feira o projeto que cria 300 vagas em creches municipais."
SECOND = "O Ibama aplicou multa de R$ 2 milhões a uma mineradora por despejo irregular no rio."
BODY_FIELDS = (
    "text, body, content, article, maintext, article_body, articlebody, full_text, fulltext, "
    "texto, corpo, conteudo, conteúdo, cuerpo, contenido"
)
THIRD = "O aeroporto ficou fechado por 40 minutos por causa da neblina, e 12 voos atrasaram."


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def reasons(rejected: list[Rejected]) -> dict[str, str]:
    return {r.input: r.reason for r in rejected}


def test_jsonl_maps_fields_names_bad_lines_and_keeps_going(workdir: Path) -> None:
    lines = [
        {
            "title": "Câmara aprova vagas em creches",
            "text": FIRST,
            "url": "https://folha.example/1",
            "published_at": "2025-04-02T18:00:00-03:00",
            "source": "Folha Exemplo",
            "lang": "pt-BR",
        },
        {"headline": "Sem texto", "url": "https://folha.example/2"},
        {"Body": SECOND, "pubDate": "Wed, 02 Apr 2025 19:30:00 -0300", "publisher": {"name": "Diário Verde"}},
        {"content": THIRD, "date": "ontem à noite", "site": "Aeroporto Hoje"},
    ]
    text = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines[:2])
    text += "\n\n{not json\n" + "\n".join(json.dumps(line, ensure_ascii=False) for line in lines[2:]) + "\n"
    (workdir / "feed.jsonl").write_text(text, encoding="utf-8")
    warnings: list[InputWarning] = []
    batch = read_inputs(["feed.jsonl"], Options(), warnings.append)
    first, second, third = batch.articles
    assert (first.title, first.source.url, first.published, first.outlet, first.language) == (
        "Câmara aprova vagas em creches",
        "https://folha.example/1",
        "2025-04-02T18:00:00-03:00",
        "Folha Exemplo",
        "pt",
    )
    assert first.text == FIRST and first.body is not None and first.at(first.body) == FIRST
    assert first.source.path == "feed.jsonl:1"
    assert (second.source.path, second.source.url, second.outlet) == ("feed.jsonl:5", None, "Diário Verde")
    assert second.published == "2025-04-02T19:30:00-03:00"  # an RSS date, made ISO
    assert (third.source.path, third.published, third.outlet) == ("feed.jsonl:6", None, "Aeroporto Hoje")
    assert reasons(batch.rejected) == {
        "feed.jsonl:2": f"line 2: no article text (none of the fields {BODY_FIELDS})",
        "feed.jsonl:4": "line 4: not valid JSON (Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1))",
    }
    assert [(w.input, w.message) for w in warnings] == [
        ("feed.jsonl:6", "field 'date' value 'ontem à noite' is not a valid published; ignored")
    ]


def test_records_of_one_file_never_share_an_id_even_with_the_same_text(workdir: Path) -> None:
    row = json.dumps({"text": FIRST})
    (workdir / "dup.jsonl").write_text(f"{row}\n{row}\n", encoding="utf-8")
    first, second = read_inputs(["dup.jsonl"], Options()).articles
    assert first.source.key == "dup.jsonl:1" and second.source.key == "dup.jsonl:2"
    assert first.id != second.id and first.content_hash == second.content_hash


def test_csv_with_header_quoted_multiline_cell_and_a_row_without_text(workdir: Path) -> None:
    (workdir / "export.csv").write_text(
        "Title,Body,Link,Published\n"
        f'Creches,"{FIRST}\nSegundo parágrafo da notícia.",https://folha.example/1,2025-04-02\n'
        "Vazia,,https://folha.example/2,2025-04-02\n"
        f"Multa,{SECOND.replace(',', '')},https://verde.example/9,02/04/2025\n",
        encoding="utf-8",
    )
    warnings: list[InputWarning] = []
    batch = read_inputs(["export.csv"], Options(), warnings.append)
    first, second = batch.articles
    assert first.text == FIRST + "\nSegundo parágrafo da notícia."
    assert (first.title, first.source.path, first.published) == ("Creches", "export.csv:2", "2025-04-02")
    assert (second.source.path, second.source.url, second.published) == (
        "export.csv:5",
        "https://verde.example/9",
        None,
    )
    assert reasons(batch.rejected) == {
        "export.csv:4": f"line 4: no article text (none of the fields {BODY_FIELDS})"
    }
    assert [w.message for w in warnings] == [
        "field 'published' value '02/04/2025' is not a valid published; ignored"
    ]


def test_semicolon_csv_in_cp1252_and_tsv(workdir: Path) -> None:
    (workdir / "planilha.csv").write_bytes(f"titulo;texto\nAção;{FIRST}\n".encode("cp1252"))
    (workdir / "dados.tsv").write_text(f"title\ttext\nNeblina\t{THIRD}\n", encoding="utf-8")
    batch = read_inputs(["planilha.csv", "dados.tsv"], Options())
    assert [(a.text, a.source.path) for a in batch.articles] == [
        (FIRST, "planilha.csv:2"),
        (THIRD, "dados.tsv:2"),
    ]


def test_a_csv_without_a_text_column_is_rejected_whole(workdir: Path) -> None:
    (workdir / "x.csv").write_text("nome,idade\nAna,30\n", encoding="utf-8")
    assert reasons(read_inputs(["x.csv"], Options()).rejected) == {
        "x.csv": f"no text column (looked for {BODY_FIELDS}; found nome, idade)"
    }


def test_json_list_and_single_object_and_html_bodies(workdir: Path) -> None:
    records = [
        {"title": "Creches", "article": FIRST},
        {"title": "Multa", "content": f"<p>{SECOND}</p><p>A empresa vai recorrer.</p>"},
        "um texto solto",
    ]
    (workdir / "lote.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (workdir / "uma.json").write_text(
        json.dumps({"text": THIRD, "url": "https://ar.example/3"}), encoding="utf-8"
    )
    batch = read_inputs(["lote.json", "uma.json"], Options())
    assert [(a.source.path, a.text) for a in batch.articles] == [
        ("lote.json[0]", FIRST),
        ("lote.json[1]", f"{SECOND}\nA empresa vai recorrer."),
        ("uma.json", THIRD),
    ]
    assert reasons(batch.rejected) == {"lote.json[2]": "item 2: a JSON str, not an object"}


def test_invalid_json_file_is_rejected(workdir: Path) -> None:
    (workdir / "ruim.json").write_text('{"text": "sem fim', encoding="utf-8")
    (rejected,) = read_inputs(["ruim.json"], Options()).rejected
    assert rejected.input == "ruim.json" and rejected.reason.startswith("not valid JSON (")


def test_gzipped_jsonl_and_text_are_decompressed_while_read(workdir: Path) -> None:
    (workdir / "feed.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": FIRST}).encode() + b"\n"))
    (workdir / "nota.txt.gz").write_bytes(gzip.compress(SECOND.encode("utf-8")))
    batch = read_inputs(["feed.jsonl.gz", "nota.txt.gz"], Options())
    assert [(a.source.path, a.text) for a in batch.articles] == [
        ("feed.jsonl.gz:1", FIRST),
        ("nota.txt.gz", SECOND),
    ]


def test_a_gzip_bomb_is_refused_without_being_inflated_whole(workdir: Path) -> None:
    (workdir / "bomba.txt.gz").write_bytes(gzip.compress(b"A" * 3_000_000, compresslevel=9))
    (workdir / "bomba.jsonl.gz").write_bytes(gzip.compress(b'{"text": "' + b"A" * 3_000_000 + b'"}\n'))
    batch = read_inputs(["bomba.txt.gz", "bomba.jsonl.gz"], Options(max_input_bytes=1_000_000))
    assert batch.articles == []
    assert reasons(batch.rejected) == {
        "bomba.txt.gz": "decompresses to more than the 976.6 KB limit (max_input_bytes); refused unread "
        "(a gzip bomb, or too large an input)",
        "bomba.jsonl.gz:1": "line 1: longer than the 976.6 KB limit (max_input_bytes)",
    }


def test_a_truncated_gzip_file_is_named(workdir: Path) -> None:
    data = gzip.compress((json.dumps({"text": FIRST}) + "\n").encode() * 200)
    (workdir / "cortado.jsonl.gz").write_bytes(data[: len(data) // 2])
    batch = read_inputs(["cortado.jsonl.gz"], Options())
    assert batch.rejected[-1] == Rejected(
        "cortado.jsonl.gz", "gzip data cut short (the file ends mid-stream)"
    )


def test_stdin_html_and_gzipped_stdin_are_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    page = (Path(__file__).parent / "pages" / "wordpress.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(page))))
    (article,) = read_inputs(["-"], Options()).articles
    assert article.title == "Ponte é interditada após rachaduras em Rio Claro"
    assert article.source.path == "-"
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(gzip.compress(FIRST.encode()))))
    )
    (article,) = read_inputs(["-"], Options()).articles
    assert article.text == FIRST


def test_urls_go_to_the_fetcher_not_to_the_file_reader(workdir: Path) -> None:
    pytest.importorskip("parallax.ingest.web")
    from parallax.ingest import count_inputs

    (workdir / "a.txt").write_text(FIRST, encoding="utf-8")
    assert count_inputs(["a.txt", "https://127.0.0.1:9/x", "http://127.0.0.1:9/y"]) == 3
    batch = read_inputs(["https://127.0.0.1:9/x"], Options(fetch_retries=0, fetch_timeout=2))
    assert batch.articles == []
    assert [r.input for r in batch.rejected] == ["https://127.0.0.1:9/x"]
    assert "no such file" not in batch.rejected[0].reason
