"""Quality of the classifier on a corpus split and on the CryptoLin headlines.

Narratives are scored at article level (micro-F1 and per-label P/R/F1) and at
sentence level (micro-F1); sentiment as article accuracy and sentence
accuracy/macro-F1, on dev also over the held-out dev headlines. CryptoLin
(real human-labelled headlines, evaluation only) gives headline sentiment
macro-F1: the check that the heads generalise beyond the team-written corpus.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsmine.classify import score_sentences
from newsmine.classify.article import build
from newsmine.classify.data import labelled
from newsmine.classify.heads import Heads
from newsmine.classify.sentences import Scored
from newsmine.corpus import GoldArticle, load
from newsmine.corpus.training_text import HEADLINE_FOLDERS, load_headlines
from newsmine.errors import InputError
from newsmine.records import Article

CRYPTOLIN_LABELS = {"1": "bullish", "-1": "bearish", "0": "neutral"}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall, F1 (0 where undefined) and support."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}


def multilabel(gold: np.ndarray, pred: np.ndarray, labels: Sequence[str]) -> dict[str, Any]:
    """Micro P/R/F1 over all labels plus per-label P/R/F1 for 0/1 matrices (items, labels)."""
    gold, pred = gold.astype(bool), pred.astype(bool)
    tp, fp, fn = (gold & pred).sum(0), (~gold & pred).sum(0), (gold & ~pred).sum(0)
    per = {label: prf(int(tp[j]), int(fp[j]), int(fn[j])) for j, label in enumerate(labels)}
    return {"micro": prf(int(tp.sum()), int(fp.sum()), int(fn.sum())), "per_label": per}


def accuracy_macro_f1(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """Accuracy and macro-F1 over the classes present in the gold."""
    classes = sorted(set(gold))
    f1s = [
        prf(
            sum(g == c and p == c for g, p in zip(gold, pred)),
            sum(g != c and p == c for g, p in zip(gold, pred)),
            sum(g == c and p != c for g, p in zip(gold, pred)),
        )["f1"]
        for c in classes
    ]
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0
    return {"accuracy": round(acc, 4), "macro_f1": round(float(np.mean(f1s)) if f1s else 0.0, 4), "n": len(gold)}


def evaluate_articles(articles: Sequence[GoldArticle], heads: Heads, encoder: str | None = None) -> dict[str, Any]:
    """All corpus metrics for ``articles`` (one split), with the heads' own settings."""
    if not articles:
        raise InputError("no corpus articles in that split")
    from newsmine.nlp import extract_facts

    nlp = extract_facts([Article(source=a.id, text=a.text, title=a.title) for a in articles])
    items = [labelled(a, nlp=f) for a, f in zip(articles, nlp)]
    scores = score_sentences([it.scored for it in items], heads, encoder)
    labels = heads.narratives
    cut = np.array([heads.config["sentence_thresholds"][label] for label in labels])
    art_gold, art_pred, sent_gold, sent_pred, s_gold, s_pred, a_gold, a_pred = [], [], [], [], [], [], [], []
    st_gold: list[str] = []  # per (article, asset) with a gold stance; "none" where no stance was given
    st_pred: list[str] = []
    for it, (narr, sent) in zip(items, scores):
        result = build(it.scored, narr, sent, labels, heads.config)
        found = {n.label for n in result.narratives}
        art_gold.append([label in it.article.narratives for label in labels])
        art_pred.append([label in found for label in labels])
        sent_gold.append(it.narratives)
        sent_pred.append(narr >= cut)
        s_gold += it.sentiments
        s_pred += [heads.sentiments[k] for k in sent.argmax(axis=1)] if len(sent) else []
        a_gold.append(it.article.sentiment)
        a_pred.append(result.sentiment.label)
        stance = {x.asset: x.label for x in result.stances}
        for asset, label in (it.article.meta.get("stances") or {}).items():
            st_gold.append(label)
            st_pred.append(stance.get(asset, "none"))
    return {
        "articles": len(items),
        "sentences": int(sum(len(it.scored) for it in items)),
        "narratives": multilabel(np.array(art_gold), np.array(art_pred), labels),
        "sentence_narratives": multilabel(np.concatenate(sent_gold), np.concatenate(sent_pred), labels)["micro"],
        "sentiment": accuracy_macro_f1(a_gold, a_pred),
        "sentence_sentiment": accuracy_macro_f1(s_gold, s_pred),
        "stances": accuracy_macro_f1(st_gold, st_pred),
    }


def read_cryptolin(path: Path) -> tuple[list[str], list[str]]:
    """Headlines and gold labels (bullish/bearish/neutral) from CryptoLin_IE.csv or its folder."""
    if path.is_dir():
        path = path / "CryptoLin_IE.csv"
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = [r for r in csv.DictReader(fh) if r.get("news") and r.get("final_manual_labelling") in CRYPTOLIN_LABELS]
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not rows:
        raise InputError(f"{path} has no rows with news and final_manual_labelling")
    return [r["news"] for r in rows], [CRYPTOLIN_LABELS[r["final_manual_labelling"]] for r in rows]


def evaluate_headlines(headlines: Sequence[str], gold: Sequence[str], heads: Heads, encoder: str | None = None) -> dict[str, Any]:
    """Headline sentiment accuracy and macro-F1: each headline scored alone by the sentence sentiment head."""
    groups = [[Scored(h, None, None, is_title=True)] for h in headlines]
    pred = [heads.sentiments[int(sent[0].argmax())] for _, sent in score_sentences(groups, heads, encoder)]
    return accuracy_macro_f1(gold, pred)


def evaluate_split(root: Path | None, split: str, heads: Heads, encoder: str | None = None) -> dict[str, Any]:
    """``evaluate_articles`` on one corpus split, plus ``headlines`` (sentiment of the split's held-out headlines) when it has any."""
    metrics = evaluate_articles(load(root, split), heads, encoder)
    # train headlines are training text: only a held-out split's headlines are scored
    lines = load_headlines(root, split) if split in HEADLINE_FOLDERS and split != "train" else []
    if lines:
        metrics["headlines"] = evaluate_headlines([h.text for h in lines], [h.sentiment for h in lines], heads, encoder)
    return metrics


def evaluate_cryptolin(path: Path, heads: Heads, encoder: str | None = None) -> dict[str, Any]:
    """Headline sentiment on CryptoLin: real, human-labelled headlines from many outlets."""
    return evaluate_headlines(*read_cryptolin(path), heads, encoder)
