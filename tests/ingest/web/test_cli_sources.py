"""The source flags of ``parallax ingest``/``analyze`` and ``parallax watch``, end to end on loopback."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner
from parallax_web_pages import page
from pytest_httpserver import HTTPServer

from parallax.cli import cli

FETCH_FLAGS = ["--allow-private", "--host-delay", "0", "--fetch-timeout", "3", "--no-embeddings"]


def serve_pages(site: HTTPServer) -> None:
    site.expect_request("/n/ponte").respond_with_data(
        page("Ponte será interditada no fim de semana"), content_type="text/html"
    )
    site.expect_request("/n/vacina").respond_with_data(
        page("Campanha de vacinação é prorrogada"), content_type="text/html"
    )


def test_ingest_url(site: HTTPServer, tmp_path: Path) -> None:
    serve_pages(site)
    workspace = tmp_path / "ws"
    result = CliRunner().invoke(
        cli, ["ingest", site.url_for("/n/ponte"), "--workspace", str(workspace), *FETCH_FLAGS]
    )
    assert result.exit_code == 0, result.output
    assert "new: 1, unchanged: 0, new_version: 0, rejected: 0" in result.stdout


def test_ingest_without_allow_private_refuses_loopback(site: HTTPServer, tmp_path: Path) -> None:
    serve_pages(site)
    result = CliRunner().invoke(
        cli, ["ingest", site.url_for("/n/ponte"), "--workspace", str(tmp_path / "ws"), "--host-delay", "0"]
    )
    assert result.exit_code == 1
    assert "is a loopback address (use --allow-private to allow)" in result.stderr


def test_ingest_url_list_and_the_batch_goes_on(site: HTTPServer, tmp_path: Path) -> None:
    serve_pages(site)
    url_list = tmp_path / "urls.txt"
    url_list.write_text(
        "# pauta de hoje\n"
        f"{site.url_for('/n/ponte')}\n"
        "\n"
        f"{site.url_for('/n/sumiu')}\n"
        "www.sem-esquema.example/materia\n"
        f"{site.url_for('/n/vacina')}\n",
        encoding="utf-8",
    )
    workspace = tmp_path / "ws"
    result = CliRunner().invoke(
        cli, ["ingest", "--urls", str(url_list), "--workspace", str(workspace), "--no-robots", *FETCH_FLAGS]
    )
    assert result.exit_code == 1
    assert "new: 2, unchanged: 0, new_version: 0, rejected: 2" in result.stdout
    assert f"rejected {url_list}:5: not an http(s) URL: 'www.sem-esquema.example/materia'" in result.stderr
    assert f"rejected {site.url_for('/n/sumiu')}: HTTP 500" in result.stderr
    # robots.txt was not asked for
    assert "/robots.txt" not in [entry[0].path for entry in site.log]


def test_analyze_url_to_json(site: HTTPServer, tmp_path: Path) -> None:
    serve_pages(site)
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        cli,
        [
            "analyze",
            site.url_for("/n/ponte"),
            site.url_for("/n/vacina"),
            "--no-workspace",
            "-o",
            str(out),
            *FETCH_FLAGS,
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert "analysed 2 articles" in result.stderr
    assert site.url_for("/n/ponte") in json.dumps(report)


def test_no_inputs_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["ingest", "--no-embeddings"])
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...' (or --urls FILE, --warc PATH)" in result.stderr


def test_watch_polls_and_remembers(site: HTTPServer, tmp_path: Path) -> None:
    serve_pages(site)
    base = site.url_for("").rstrip("/")
    site.expect_request("/rss").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Rádio Central</title>'
        f"<item><title>Ponte</title><link>{base}/n/ponte</link></item>"
        f"<item><title>Vacina</title><link>{base}/n/vacina</link></item></channel></rss>",
        content_type="application/rss+xml",
    )
    workspace = tmp_path / "ws"
    args = ["watch", site.url_for("/rss"), "--polls", "2", "--interval", "0", "--workspace", str(workspace)]
    result = CliRunner().invoke(cli, [*args, *FETCH_FLAGS])
    assert result.exit_code == 0, result.output
    assert f"poll 1: {site.url_for('/rss')}: 2 new items, 2 articles, 0 rejected" in result.stderr
    assert f"poll 2: {site.url_for('/rss')}: 0 new items, 0 articles, 0 rejected" in result.stderr
    assert "stored new: 2, new_version: 0" in result.stderr
    assert (workspace / "watch-state.json").is_file()
    search = CliRunner().invoke(
        cli, ["search", "vacinação", "--workspace", str(workspace), "--format", "json"]
    )
    assert [hit["title"] for hit in json.loads(search.stdout)] == ["Campanha de vacinação é prorrogada"]


def test_watch_stops_cleanly_on_ctrl_c(site: HTTPServer, tmp_path: Path) -> None:
    serve_pages(site)
    base = site.url_for("").rstrip("/")
    site.expect_request("/rss").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Rádio Central</title>'
        f"<item><title>Ponte</title><link>{base}/n/ponte</link></item></channel></rss>",
        content_type="application/rss+xml",
    )
    workspace = tmp_path / "ws"
    state = workspace / "watch-state.json"
    command = [
        sys.executable,
        "-m",
        "parallax",
        "watch",
        site.url_for("/rss"),
        "--interval",
        "60",
        "--pipeline",
        "clean",
    ]
    process = subprocess.Popen(
        [*command, "--workspace", str(workspace), *FETCH_FLAGS], stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while not state.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert state.exists()
        process.send_signal(signal.SIGINT)  # while it waits for the next poll
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert "watch stopped; what was taken is stored and remembered" in stderr
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert saved["feeds"][site.url_for("/rss")]["seen"] == [f"{base}/n/ponte"]
