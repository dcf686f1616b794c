"""The SQLite workspace: versions, search, the corpus analysis, schema and migrations."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from parallax.ingest import make_article
from parallax.model import Article, Batch, Claim, Credit, Entity, EntityMention, Span, Story, to_dict
from parallax.options import Options
from parallax.store import MIGRATIONS, Workspace, WorkspaceError

PONTE = (
    "---\nurl: https://www.exemplo.com.br/ponte\noutlet: Jornal do Rio Claro\n"
    "published: 2025-05-06T22:15:00-03:00\n---\n"
    "Ponte é interditada após rachaduras\nA Defesa Civil fechou a ponte do Ribeirão Claro nesta terça.\n"
)
PONTE_V2 = PONTE.replace("nesta terça", "nesta terça-feira; o tráfego foi desviado")
FEIRA = "Feira do livro abre com recorde de público\nA organização contou doze mil visitantes.\n"
OPTIONS = Options(workspace=None)


def article(text: str, path: str) -> Article:
    return make_article(text, path, OPTIONS)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "ws") as workspace:
        yield workspace


def raw(ws: Workspace, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(ws.path / "parallax.sqlite")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# ----------------------------------------------------------------------------- articles and versions


def test_new_then_unchanged_then_new_version(ws: Workspace) -> None:
    v1 = article(PONTE, "ponte.txt")
    assert ws.add_article(v1) == "new"
    assert ws.add_article(v1) == "unchanged"
    spaced = article(PONTE.replace("fechou a ponte", "fechou  a   PONTE"), "ponte.txt")
    assert ws.add_article(spaced) == "unchanged", "case and spacing are not a new version"
    v2 = article(PONTE_V2, "ponte.txt")
    assert ws.add_article(v2) == "new_version"
    assert ws.counts() | {"runs": 0} == {"sources": 1, "versions": 2, "stories": 0, "entities": 0, "runs": 0}
    (latest,) = ws.latest_articles()
    assert latest.id == v2.id and latest.version == 2
    versions = ws.versions("https://www.exemplo.com.br/ponte")
    assert [(a.id, a.version) for a in versions] == [(v1.id, 1), (v2.id, 2)]


def test_stored_article_round_trips_exactly(ws: Workspace) -> None:
    original = dataclasses.replace(
        article(PONTE, "ponte.txt"),
        language="pt",
        credits=[Credit("Reuters", "dateline", "(Reuters)", Span(10, 19))],
        entities=[EntityMention("Defesa Civil", "ORG", Span(70, 82), entity="e1")],
    )
    ws.add_article(original)
    stored = ws.article(original.id)
    assert stored is not None
    assert to_dict(stored) == to_dict(original)


def test_has_content_looks_at_the_latest_version_only(ws: Workspace) -> None:
    v1, v2 = article(PONTE, "ponte.txt"), article(PONTE_V2, "ponte.txt")
    key = v1.source.key
    assert not ws.has_content(key, v1.content_hash)
    ws.add_article(v1)
    assert ws.has_content(key, v1.content_hash)
    ws.add_article(v2)
    assert not ws.has_content(key, v1.content_hash)
    assert ws.has_content(key, v2.content_hash)


def test_content_reverting_to_an_old_text_is_a_third_version_with_the_old_id(ws: Workspace) -> None:
    v1, v2 = article(PONTE, "ponte.txt"), article(PONTE_V2, "ponte.txt")
    assert [ws.add_article(a) for a in (v1, v2, v1)] == ["new", "new_version", "new_version"]
    (latest,) = ws.latest_articles()
    assert (latest.id, latest.version) == (v1.id, 3)
    found = ws.article(v1.id)
    assert found is not None and found.version == 3


def test_queryable_columns_hold_utc_and_the_offset_is_kept_in_the_article(ws: Workspace) -> None:
    ws.add_article(article(PONTE, "ponte.txt"))
    rows = raw(ws, "SELECT outlet, published, published_utc FROM article_versions")
    assert rows == [("Jornal do Rio Claro", "2025-05-06T22:15:00-03:00", "2025-05-07T01:15:00Z")]


def test_latest_articles_are_in_source_key_order(ws: Workspace) -> None:
    for name in ("zeta.txt", "alfa.txt", "meio.txt"):
        ws.add_article(article(FEIRA + name, name))
    assert [a.source.key for a in ws.latest_articles()] == ["alfa.txt", "meio.txt", "zeta.txt"]


def test_unknown_article_is_none(ws: Workspace) -> None:
    assert ws.article("a000000000000") is None


# ----------------------------------------------------------------------------- search


def test_search_ignores_accents_ranks_and_marks_the_words(ws: Workspace) -> None:
    ws.add_article(article(PONTE, "ponte.txt"))
    ws.add_article(article(FEIRA, "feira.txt"))
    hits = ws.search("ribeirao")
    assert [h.source for h in hits] == ["https://www.exemplo.com.br/ponte"]
    assert "**Ribeirão**" in hits[0].snippet
    assert hits[0].outlet == "Jornal do Rio Claro"
    assert [h.source for h in ws.search("visitantes OR ponte")] != []
    assert ws.search("inexistente") == []
    assert ws.search("   ") == []


def test_search_prefers_title_matches(ws: Workspace) -> None:
    ws.add_article(
        dataclasses.replace(article("Texto sobre outra coisa. Livro citado.\n", "a.txt"), title="Livro")
    )
    ws.add_article(article("Um texto qualquer.\nOutra linha, e o livro aparece aqui no fim.\n", "b.txt"))
    assert [h.source for h in ws.search("livro")] == ["a.txt", "b.txt"]


def test_text_that_is_not_fts_syntax_is_searched_as_words(ws: Workspace) -> None:
    ws.add_article(article(PONTE, "ponte.txt"))
    hits = ws.search('Defesa-Civil "ponte')
    assert [h.source for h in hits] == ["https://www.exemplo.com.br/ponte"]


def test_only_the_latest_version_is_searchable(ws: Workspace) -> None:
    ws.add_article(article(PONTE, "ponte.txt"))
    ws.add_article(article(PONTE_V2, "ponte.txt"))
    assert [h.article_id for h in ws.search("tráfego")] == [article(PONTE_V2, "ponte.txt").id]
    hits = ws.search("ponte")
    assert len(hits) == 1 and hits[0].article_id == article(PONTE_V2, "ponte.txt").id
    assert raw(ws, "SELECT count(*) FROM article_search") == [(1,)]


def test_removed_lines_are_not_searchable(ws: Workspace) -> None:
    from parallax.model import RemovedLine

    text = "Assine nossa newsletter\nFeira do livro abre com recorde.\n"
    a = dataclasses.replace(
        article(text, "feira.txt"),
        removed=[RemovedLine("Assine nossa newsletter", "newsletter_prompt", Span(0, 23))],
    )
    ws.add_article(a)
    assert ws.search("newsletter") == []
    assert len(ws.search("feira")) == 1


# ----------------------------------------------------------------------------- corpus analysis


def _analysis(a: Article, b: Article, story_id: str) -> Batch:
    copied = dataclasses.replace(
        b, credits=[Credit("Reuters", "copied", "texto copiado", None, source_article=a.id)]
    )
    return Batch(
        articles=[a, copied],
        entities=[Entity("e1", "Defesa Civil", "ORG", articles=[a.id, b.id])],
        stories=[
            Story(
                story_id,
                "Ponte interditada",
                "2025-05-06",
                articles=[a.id, b.id],
                claims=[Claim("c1", "A ponte foi fechada", "conflicting", 2)],
            )
        ],
    )


def test_save_analysis_stores_stories_entities_and_article_updates(ws: Workspace) -> None:
    a, b = article(PONTE, "ponte.txt"), article(FEIRA, "feira.txt")
    ws.add_article(a)
    ws.add_article(b)
    ws.save_analysis(_analysis(a, b, "st-1"))
    assert [s.id for s in ws.stories()] == ["st-1"]
    story = ws.story("st-1")
    assert story is not None and story.claims[0].status == "conflicting"
    assert [e.name for e in ws.entities()] == ["Defesa Civil"]
    stored_b = ws.article(b.id)
    assert stored_b is not None and stored_b.credits[0].kind == "copied"
    assert stored_b.credits[0].source_article == a.id
    assert sorted(raw(ws, "SELECT story_id, article_id FROM story_articles")) == sorted(
        [("st-1", a.id), ("st-1", b.id)]
    )


def test_save_analysis_replaces_the_previous_one(ws: Workspace) -> None:
    a, b = article(PONTE, "ponte.txt"), article(FEIRA, "feira.txt")
    ws.save_analysis(_analysis(a, b, "st-old"))  # articles not yet stored are added
    ws.save_analysis(_analysis(a, b, "st-new"))
    assert [s.id for s in ws.stories()] == ["st-new"]
    assert ws.story("st-old") is None
    assert ws.counts()["versions"] == 2
    assert raw(ws, "SELECT count(*) FROM story_articles") == [(2,)]


def test_a_failing_save_leaves_the_previous_analysis_intact(ws: Workspace) -> None:
    a, b = article(PONTE, "ponte.txt"), article(FEIRA, "feira.txt")
    ws.save_analysis(_analysis(a, b, "st-1"))
    broken = _analysis(a, b, "st-2")
    broken.entities.append(Entity("e2", None, "PER"))  # type: ignore[arg-type]  # name is NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        ws.save_analysis(broken)
    assert [s.id for s in ws.stories()] == ["st-1"]
    assert [e.id for e in ws.entities()] == ["e1"]


def test_an_analysis_of_a_superseded_version_does_not_overwrite_the_newer_one(ws: Workspace) -> None:
    v1, v2 = article(PONTE, "ponte.txt"), article(PONTE_V2, "ponte.txt")
    ws.add_article(v1)
    ws.add_article(v2)
    ws.save_analysis(Batch(articles=[dataclasses.replace(v1, title="Título antigo")]))
    (latest,) = ws.latest_articles()
    assert latest.id == v2.id and latest.title is None
    assert ws.counts()["versions"] == 2


def test_stories_are_listed_most_recent_first(ws: Workspace) -> None:
    ws.save_analysis(
        Batch(
            stories=[
                Story("s-a", "Antiga", "2025-01-02"),
                Story("s-b", "Sem data", None),
                Story("s-c", "Nova", "2025-04-01"),
            ]
        )
    )
    assert [s.id for s in ws.stories()] == ["s-c", "s-a", "s-b"]


# ----------------------------------------------------------------------------- schema, runs, files


def test_schema_version_wal_and_foreign_keys(ws: Workspace) -> None:
    assert ws.schema_version == len(MIGRATIONS) == 1
    assert raw(ws, "PRAGMA journal_mode") == [("wal",)]
    assert ws._conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert ws.integrity_check() == "ok"


def test_migration_hook_runs_pending_migrations_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Workspace.open(tmp_path / "ws").close()
    calls: list[int] = []

    def add_notes(conn: sqlite3.Connection) -> None:
        calls.append(1)
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")

    monkeypatch.setattr("parallax.store.workspace.MIGRATIONS", [*MIGRATIONS, add_notes])
    with Workspace.open(tmp_path / "ws") as ws:
        assert ws.schema_version == 2
    with Workspace.open(tmp_path / "ws") as ws:
        assert ws.schema_version == 2
        ws._conn.execute("INSERT INTO notes (text) VALUES ('ok')")
    assert calls == [1]


def test_a_failing_migration_leaves_the_old_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Workspace.open(tmp_path / "ws").close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (id INTEGER)")
        conn.execute("THIS IS NOT SQL")

    monkeypatch.setattr("parallax.store.workspace.MIGRATIONS", [*MIGRATIONS, broken])
    with pytest.raises(WorkspaceError, match="not a usable Parallax workspace"):
        Workspace.open(tmp_path / "ws")
    monkeypatch.undo()
    with Workspace.open(tmp_path / "ws") as ws:
        assert ws.schema_version == 1
        assert ws._conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchall() == []


def test_a_workspace_from_a_newer_parallax_is_refused(tmp_path: Path) -> None:
    Workspace.open(tmp_path / "ws").close()
    conn = sqlite3.connect(tmp_path / "ws" / "parallax.sqlite")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(WorkspaceError, match="schema version 99, newer than this Parallax knows"):
        Workspace.open(tmp_path / "ws")


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws" / "parallax.sqlite").write_text("isto não é um banco de dados " * 100)
    with pytest.raises(WorkspaceError, match="not a usable Parallax workspace"):
        Workspace.open(tmp_path / "ws")


def test_opening_without_create_needs_an_existing_workspace(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no workspace at"):
        Workspace.open(tmp_path / "nada", create=False)
    assert not (tmp_path / "nada").exists()
    (tmp_path / "arquivo").write_text("x")
    with pytest.raises(WorkspaceError, match="is a file, not a folder"):
        Workspace.open(tmp_path / "arquivo")


def test_runs_are_recorded_and_an_unfinished_run_stays_open(ws: Workspace) -> None:
    done = ws.start_run("ingest", ["clean", "language"])
    ws.finish_run(done, {"new": 2})
    ws.start_run("ingest", ["clean"])
    rows = raw(ws, "SELECT kind, pipeline, finished_at IS NOT NULL, counts FROM runs ORDER BY id")
    assert rows == [("ingest", "clean,language", 1, '{"new": 2}'), ("ingest", "clean", 0, None)]


def test_a_reader_sees_committed_articles_while_a_writer_is_open(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as writer, Workspace.open(tmp_path / "ws") as reader:
        writer.add_article(article(PONTE, "ponte.txt"))
        assert [a.source.path for a in reader.latest_articles()] == ["ponte.txt"]
        writer.add_article(article(FEIRA, "feira.txt"))
        assert len(reader.latest_articles()) == 2


def test_a_new_version_records_what_changed(ws: Workspace) -> None:
    assert ws.add_article(article(PONTE, "ponte.txt")) == "new"
    status, stored = ws.store_article(article(PONTE_V2, "ponte.txt"))
    assert status == "new_version" and stored.version == 2
    change = stored.change
    assert change is not None
    assert (change.previous_version, change.lines_added, change.lines_removed) == (1, 1, 1)
    assert change.previous == article(PONTE, "ponte.txt").id and not change.title_changed
    assert "-A Defesa Civil fechou a ponte do Ribeirão Claro nesta terça." in change.diff
    assert "+A Defesa Civil fechou a ponte do Ribeirão Claro nesta terça-feira; o tráfego foi desviado." in (
        change.diff
    )
    (latest,) = ws.latest_articles()
    assert latest.change == change, "the change is stored with the version"
    # A later analysis save of the same version keeps the change record.
    ws.update_articles([dataclasses.replace(latest, change=None, title="Ponte interditada")])
    (again,) = ws.latest_articles()
    assert again.change == change and again.title == "Ponte interditada"


def test_an_unchanged_article_comes_back_as_stored(ws: Workspace) -> None:
    ws.add_article(article(PONTE, "ponte.txt"))
    ws.add_article(article(PONTE_V2, "ponte.txt"))
    status, stored = ws.store_article(article(PONTE_V2, "ponte.txt"))
    assert status == "unchanged" and stored.version == 2 and stored.change is not None
