"""The recipe that makes ``service/data/pair_classifier.json``.

    python -m service.judge.train --data /work/shared/data/ans --out service/data/pair_classifier.json

Fits on ANS ``train.csv`` only and chooses everything else on ``dev.csv``:
the feature set (cosine alone, cosine with the embedding interaction, the
slot and lexical features with and without it, with and without the learned
changed words), the L2 strength, and how much harder the embedding and
changed-word blocks are penalised than the few hand-made columns (a
thousand weak columns otherwise drown forty strong ones). The metric is the
macro-F1 over agree and disagree. Every feature is symmetric in the two
sentences, so training on swapped copies of the pairs would change nothing
and is not done.
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
from service.judge.classifier import CLASSES, PairClassifier
from service.judge.cue_words import cue_word_matrix, learn_vocabulary
from service.judge.features import (
    EMBEDDING_NAMES,
    FEATURE_NAMES,
    SCALAR_NAMES,
    pair_feature_matrix,
)
from service.judge.logistic import fit_logistic

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


@dataclass(frozen=True)
class Config:
    feature_set: str
    l2: float
    embedding_penalty: float = 1.0
    cue_penalty: float = 1.0


@dataclass(frozen=True, eq=False)
class Split:
    pairs: list[StancePair]
    base: np.ndarray    # pair_feature_matrix, all FEATURE_NAMES
    cues: np.ndarray    # changed-word columns for the training vocabulary

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
    return x, np.asarray(penalty)


def fit(train: Split, config: Config):
    x, penalty = design(train, config)
    # Rounded as stored, so the dev score below is the shipped model's score.
    return fit_logistic(x, train.labels, CLASSES, l2=config.l2, penalty=penalty).rounded()


def dev_score(model, dev: Split, config: Config) -> dict:
    predicted = [CLASSES[i] for i in model.predict_proba(design(dev, config)[0]).argmax(axis=1)]
    return stance_report(dev.labels, predicted)


def load_split(path: Path, encoder, vocabulary: tuple[str, ...] | None = None) -> Split:
    pairs = read_stance_pairs(path)
    a, b = [p.s1 for p in pairs], [p.s2 for p in pairs]
    vectors = encoder.encode(a + b)
    base = pair_feature_matrix(a, b, vectors[: len(a)], vectors[len(a):])
    return Split(pairs, base, cue_word_matrix(a, b, vocabulary or ()))


def select(train: Split, dev: Split, log=print) -> tuple[Config, object, dict, list[dict]]:
    """Every configuration fitted on train and scored on dev; the best one, and a summary per set."""
    best, summary = None, []
    for feature_set in FEATURE_SETS:
        set_best = None
        for config in configs(feature_set):
            model = fit(train, config)
            report = dev_score(model, dev, config)
            key = report["macro_f1_agree_disagree"]
            if set_best is None or key > set_best[0]:
                set_best = (key, config, model, report)
        log(f"{feature_set:<32} dev macro-F1 (agree, disagree) {set_best[0]:.4f}  {set_best[1]}")
        summary.append({"feature_set": feature_set, "dev_macro_f1_agree_disagree": round(set_best[0], 4),
                        **{k: v for k, v in vars(set_best[1]).items() if k != "feature_set"}})
        if best is None or set_best[0] > best[0]:
            best = set_best
    return best[1], best[2], best[3], summary


def train(data_dir: Path, out: Path, encoder_spec: str | None = None, threads: int = 2,
          log=print) -> PairClassifier:
    from embeddings.encoders.registry import load_encoder

    encoder = load_encoder(encoder_spec, threads=threads)
    train_path, dev_path = data_dir / "train.csv", data_dir / "dev.csv"
    vocabulary = learn_vocabulary(((p.s1, p.s2) for p in read_stance_pairs(train_path)), MIN_CUE_COUNT)
    log(f"encoder {encoder.name}; {len(vocabulary)} changed words seen in >= {MIN_CUE_COUNT} training pairs")
    train_split = load_split(train_path, encoder, vocabulary)
    dev_split = load_split(dev_path, encoder, vocabulary)
    config, model, report, summary = select(train_split, dev_split, log)
    names, use_cues = FEATURE_SETS[config.feature_set]
    metadata = {
        "trained_at": dt.datetime.now(dt.UTC).date().isoformat(),
        "recipe": "python -m service.judge.train --data DIR --out PATH",
        "training_data": {s: {"file": f"{data_dir.name}/{p.name}", "sha256": file_sha256(p), "rows": len(d.pairs)}
                          for s, p, d in (("train", train_path, train_split), ("dev", dev_path, dev_split))},
        "selection": {"metric": "dev macro-F1 over agree and disagree", **vars(config)},
        "feature_set_comparison": summary,
        "dev_scores": report,
    }
    classifier = PairClassifier(model, encoder.name, tuple(names), vocabulary if use_cues else (), metadata)
    classifier.save(out)
    log(f"chosen: {config}\n{format_report(report)}\nwrote {out} ({out.stat().st_size / 1024:.0f} KiB)")
    return classifier


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m service.judge.train", description=__doc__.split("\n\n")[0],
        epilog="example: python -m service.judge.train --data /work/shared/data/ans "
               "--out service/data/pair_classifier.json")
    parser.add_argument("--data", type=Path, required=True, help="folder holding ANS train.csv and dev.csv")
    parser.add_argument("--out", type=Path, required=True, help="where to write the JSON artefact")
    parser.add_argument("--encoder", default=None, help="encoder spec (default: use-multilingual-v3)")
    parser.add_argument("--threads", type=int, default=2, help="encoder threads (default 2)")
    args = parser.parse_args(argv)
    for name in ("train.csv", "dev.csv"):
        if not (args.data / name).is_file():
            parser.error(f"{args.data / name} not found: --data must be a folder with train.csv and dev.csv")
    train(args.data, args.out, args.encoder, args.threads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
