"""Paths → articles: folders, globs, stdin, ids, and every kind of bad input named with its reason."""

from __future__ import annotations

import builtins
import hashlib
import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from parallax.ingest import InputWarning, article_id, content_hash, iter_inputs, read_inputs
from parallax.model import Article, Rejected
from parallax.options import Options

BODY = "Ponte é interditada após rachaduras\nA Defesa Civil fechou a ponte na manhã desta terça-feira.\n"
HEADER = (
    "---\nurl: https://www.exemplo.com.br/cidades/ponte-77\noutlet: Jornal do Rio Claro\n"
    "published: 2025-05-06T09:15:00-03:00\nlanguage: pt\n---\n"
)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def reasons(rejected: list[Rejected]) -> dict[str, str]:
    return {r.input: r.reason for r in rejected}


# ----------------------------------------------------------------------------- articles


def test_header_article_has_metadata_body_span_and_contract_ids(workdir: Path) -> None:
    write(workdir / "ponte.txt", HEADER + BODY)
    batch = read_inputs(["ponte.txt"], Options())
    (article,) = batch.articles
    assert article.source.path == "ponte.txt"
    assert article.source.url == "https://www.exemplo.com.br/cidades/ponte-77"
    assert article.source.key == "https://www.exemplo.com.br/cidades/ponte-77"
    assert article.outlet == "Jornal do Rio Claro"
    assert article.published == "2025-05-06T09:15:00-03:00"
    assert article.language == "pt"
    assert article.body is not None
    assert article.text[article.body.start : article.body.end] == BODY
    normalised = " ".join(BODY.split()).casefold()
    expected_hash = hashlib.sha256(normalised.encode()).hexdigest()
    assert article.content_hash == expected_hash
    key = "https://www.exemplo.com.br/cidades/ponte-77"
    assert article.id == "a" + hashlib.sha256(f"{key}\n{expected_hash}".encode()).hexdigest()[:11]


def test_plain_article_uses_its_path_and_the_default_publication_date(workdir: Path) -> None:
    write(workdir / "ponte.txt", BODY)
    (article,) = read_inputs(["./ponte.txt"], Options(default_published="2025-05-06")).articles
    assert article.source.path == "ponte.txt" and article.source.url is None
    assert article.outlet is None
    assert article.published == "2025-05-06"
    assert article.body is not None and (article.body.start, article.body.end) == (0, len(BODY))


def test_content_hash_ignores_case_and_spacing_but_not_words() -> None:
    assert content_hash("A ponte  caiu.\n\nFim") == content_hash("a PONTE caiu. fim\n")
    assert content_hash("A ponte caiu.") != content_hash("A ponte ruiu.")


def test_same_content_from_two_sources_gets_two_ids() -> None:
    digest = content_hash(BODY)
    assert article_id("a.txt", digest) != article_id("b.txt", digest)
    assert article_id("a.txt", digest) == article_id("a.txt", digest)


def test_absolute_and_relative_spellings_name_one_source(workdir: Path) -> None:
    write(workdir / "ponte.txt", BODY)
    batch = read_inputs([str(workdir / "ponte.txt"), "ponte.txt", "./ponte.txt"], Options())
    assert [a.source.path for a in batch.articles] == ["ponte.txt"]


def test_bad_header_value_keeps_the_article_and_warns(workdir: Path) -> None:
    write(workdir / "a.txt", "---\noutlet: Gazeta\npublished: anteontem\n---\n" + BODY)
    warnings: list[InputWarning] = []
    batch = read_inputs(["a.txt"], Options(default_published="2025-05-01"), warnings.append)
    (article,) = batch.articles
    assert article.outlet == "Gazeta"
    assert article.published == "2025-05-01"
    assert warnings == [
        InputWarning("a.txt", "header published 'anteontem' is not an ISO 8601 date or datetime; ignored")
    ]


def test_header_with_no_body_is_rejected(workdir: Path) -> None:
    write(workdir / "so-cabecalho.txt", "---\noutlet: Gazeta\n---\n\n  \n")
    batch = read_inputs(["so-cabecalho.txt"], Options())
    assert reasons(batch.rejected) == {"so-cabecalho.txt": "no body text after the header block"}


def test_a_bad_default_publication_date_is_a_configuration_error() -> None:
    with pytest.raises(ValueError, match="default_published 'amanhã'"):
        list(iter_inputs(["x.txt"], Options(default_published="amanhã")))


def test_latin1_file_is_repaired_and_quotes_survive(workdir: Path) -> None:
    text = "A ação em São Paulo terminou às 18h.\n“Foi um sucesso”, disse o coordenador.\n"
    write(workdir / "latin.txt", text.encode("cp1252"))
    write(workdir / "mojibake.txt", "A aÃ§Ã£o em SÃ£o Paulo terminou.\n")
    batch = read_inputs(["latin.txt", "mojibake.txt"], Options())
    assert [a.text for a in batch.articles] == [text, "A ação em São Paulo terminou.\n"]
    assert batch.rejected == []


# ----------------------------------------------------------------------------- paths


def test_folder_is_walked_recursively_sorted_skipping_hidden_and_other_files(workdir: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.text", "sub/deep/d.TXT", ".oculto.txt", ".git/e.txt", "f.json"):
        write(workdir / "corpus" / name, f"Texto de {name}.\n")
    batch = read_inputs(["corpus"], Options())
    assert [a.source.path for a in batch.articles] == [
        "corpus/a.md",
        "corpus/b.txt",
        "corpus/sub/c.text",
        "corpus/sub/deep/d.TXT",
    ]


def test_a_file_named_explicitly_is_read_whatever_its_extension(workdir: Path) -> None:
    write(workdir / "nota.log", "Texto que não é um registro.\n")
    assert [a.source.path for a in read_inputs(["nota.log"], Options()).articles] == ["nota.log"]


def test_glob_expands_sorted_and_a_glob_matching_nothing_is_named(workdir: Path) -> None:
    for name in ("z.txt", "m.txt", "a.md"):
        write(workdir / "news" / name, f"Texto {name}.\n")
    batch = read_inputs(["news/*.txt", "nada/*.txt"], Options())
    assert [a.source.path for a in batch.articles] == ["news/m.txt", "news/z.txt"]
    assert reasons(batch.rejected) == {"nada/*.txt": "no file matches this pattern"}


def test_folder_without_text_files_is_named(workdir: Path) -> None:
    write(workdir / "vazia" / "foto.jpg", b"\xff\xd8\xff")
    batch = read_inputs(["vazia"], Options())
    assert reasons(batch.rejected) == {
        "vazia": "folder holds no files to read (.txt, .md, .text, .html, .htm, .xhtml, .warc, .json, "
        ".jsonl, .ndjson, .csv, .tsv, and .gz of these)"
    }


def test_a_file_given_twice_is_read_once(workdir: Path) -> None:
    write(workdir / "a.txt", BODY)
    batch = read_inputs(["a.txt", ".", "a.txt"], Options())
    assert [a.source.path for a in batch.articles] == ["a.txt"]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((HEADER + BODY).encode())))
    (article,) = read_inputs(["-"], Options()).articles
    assert article.source.path == "-"
    assert article.outlet == "Jornal do Rio Claro"


def test_empty_stdin_is_named_as_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert reasons(read_inputs(["-"], Options()).rejected) == {"<stdin>": "empty file"}


def test_oversized_stdin_is_rejected_after_reading_only_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO(b"palavra " * 1000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw))
    batch = read_inputs(["-"], Options(max_input_bytes=100))
    assert reasons(batch.rejected) == {
        "<stdin>": "input is more than 100 bytes, over the 100 bytes limit (max_input_bytes)"
    }
    assert raw.tell() == 101


def test_inputs_are_streamed_one_at_a_time(workdir: Path) -> None:
    write(workdir / "c" / "1.txt", "Primeiro texto.\n")
    write(workdir / "c" / "2.txt", "Segundo texto.\n")
    stream = iter_inputs(["c"], Options())
    first = next(stream)
    assert isinstance(first, Article) and first.source.path == "c/1.txt"
    (workdir / "c" / "2.txt").unlink()  # listed already, but not read yet
    second = next(stream)
    assert second == Rejected("c/2.txt", "no such file or folder")


# ----------------------------------------------------------------------------- bad inputs


def test_every_bad_input_is_named_with_its_reason_and_the_rest_still_read(workdir: Path) -> None:
    write(workdir / "bom.txt", BODY)
    write(workdir / "vazio.txt", b"")
    write(workdir / "brancos.txt", "  \n\n\t \n")
    write(workdir / "imagem.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    write(workdir / "lixo.txt", bytes(range(0x80, 0x100)) * 4)
    (workdir / "quebrado.txt").symlink_to(workdir / "nao-existe.txt")
    batch = read_inputs(
        [
            "bom.txt",
            "vazio.txt",
            "brancos.txt",
            "imagem.txt",
            "lixo.txt",
            "quebrado.txt",
            "sumiu.txt",
            "bom.txt/dentro.txt",
        ],
        Options(),
    )
    assert [a.source.path for a in batch.articles] == ["bom.txt"]
    got = reasons(batch.rejected)
    assert got["vazio.txt"] == "empty file"
    assert got["brancos.txt"] == "file holds only whitespace"
    assert got["imagem.txt"] == "binary file (contains NUL bytes)"
    assert got["lixo.txt"].startswith("undecodable bytes")
    assert got["quebrado.txt"] == f"broken symbolic link (points to {workdir / 'nao-existe.txt'})"
    assert got["sumiu.txt"] == "no such file or folder"
    assert got["bom.txt/dentro.txt"].startswith("no such file (a part of the path is a file")
    assert len(batch.rejected) == 7


def test_a_broken_link_inside_a_folder_is_named_not_skipped(workdir: Path) -> None:
    write(workdir / "c" / "bom.txt", BODY)
    (workdir / "c" / "morto.txt").symlink_to(workdir / "c" / "apagado.txt")
    batch = read_inputs(["c"], Options())
    assert [a.source.path for a in batch.articles] == ["c/bom.txt"]
    assert list(reasons(batch.rejected)) == ["c/morto.txt"]


def test_a_50_mb_file_is_rejected_from_its_size_without_being_read(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = workdir / "enorme.txt"
    with open(big, "wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: costs no disk and no time
    opened: list[str] = []
    real_open = builtins.open

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    batch = read_inputs(["enorme.txt"], Options())
    assert reasons(batch.rejected) == {
        "enorme.txt": "input is 50.0 MB (52428800 bytes), over the 20.0 MB limit (max_input_bytes)"
    }
    assert "enorme.txt" not in opened


def test_permission_denied_is_named(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = write(workdir / "secreto.txt", BODY)
    if os.geteuid() != 0:
        secret.chmod(0)
    else:  # root reads through mode 000, so make the operating system's refusal happen here
        real_open = builtins.open

        def deny(file: Any, *args: Any, **kwargs: Any) -> Any:
            if str(file) == "secreto.txt":
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", deny)
    batch = read_inputs(["secreto.txt"], Options())
    assert reasons(batch.rejected) == {"secreto.txt": "permission denied"}


def test_an_unlistable_subfolder_is_named(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(workdir / "c" / "bom.txt", BODY)
    write(workdir / "c" / "trancada" / "x.txt", BODY)
    real_scandir = os.scandir

    def deny(path: Any) -> Any:
        if str(path).endswith("trancada"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    batch = read_inputs(["c"], Options())
    assert [a.source.path for a in batch.articles] == ["c/bom.txt"]
    assert reasons(batch.rejected) == {"c/trancada": "cannot list folder: Permission denied"}
