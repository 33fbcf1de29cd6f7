"""The model card ``models/classify_heads.md``, written by ``newsmine train`` from what it measured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsmine.classify.heads import HEADS_NAME, Heads


def _table(split: str, m: dict[str, Any]) -> list[str]:
    lines = [
        f"### {split} split ({m['articles']} articles, {m['sentences']} scored sentences)",
        "",
        f"- narratives, article level: micro P {m['narratives']['micro']['precision']:.3f} "
        f"R {m['narratives']['micro']['recall']:.3f} F1 **{m['narratives']['micro']['f1']:.3f}**",
        f"- narratives, sentence level: micro F1 {m['sentence_narratives']['f1']:.3f}",
        f"- article sentiment: accuracy **{m['sentiment']['accuracy']:.3f}**, macro-F1 {m['sentiment']['macro_f1']:.3f}",
        f"- sentence sentiment: accuracy {m['sentence_sentiment']['accuracy']:.3f}, "
        f"macro-F1 {m['sentence_sentiment']['macro_f1']:.3f}",
        f"- asset stance (gold `stances`): accuracy {m['stances']['accuracy']:.3f} over {m['stances']['n']} article-asset pairs",
        *([f"- {split} headlines (`corpora/headlines/{split}`, held out): sentiment accuracy {m['headlines']['accuracy']:.3f}, "
           f"macro-F1 {m['headlines']['macro_f1']:.3f} ({m['headlines']['n']} headlines)"] if "headlines" in m else []),
        "",
        "| label | P | R | F1 | support |",
        "|---|---|---|---|---|",
    ]
    for label, r in m["narratives"]["per_label"].items():
        lines.append(f"| {label} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['support']} |")
    return lines + [""]


def _adapter_line(heads: Heads) -> list[str]:
    a = heads.config.get("adapter")
    if not a:
        return ["- Encoder adapter: none (plain encoder)."]
    blocks = sorted({int(k.split(".")[2]) for k in heads.adapter})
    return [
        f"- Encoder adapter: rank-{a['rank']} LoRA on every linear layer of blocks {blocks} (0 = first) "
        f"({sum(v.size for v in heads.adapter.values()):,} numbers in the `.npz`, digest `{a['digest']}`), "
        f"fitted for {a['epochs']} epochs on train sentences, headlines and the sentence bank for sentence sentiment "
        "and, where the text has narrative gold (not headlines), narratives; merged into the "
        "weights at load time; every head reads the adapted encoder. Calibration uses train predictions "
        "through adapters fitted on the other half of the train articles (`newsmine/classify/crossfit.py`).",
    ]


def _signal_line(article: dict[str, Any]) -> str:
    signals = "NLP signals (figure kinds liquidations/funding/open interest/ETF flow/basis, hack words)"
    if article["signal_boost"] is None:  # calibration offered the lift and it did not help on held-out articles
        return f"- {signals} are offered to calibration as a lift of a sentence's narrative score; not kept (no held-out gain)."
    return (
        f"- {signals} lift a sentence's narrative score to {article['signal_boost']}; held-out article "
        f"micro-F1 gain over no lift: {article['signal_gain']:+.3f}."
    )


def write_card(folder: Path, heads: Heads, metrics: dict[str, dict[str, Any]]) -> Path:
    """Training data, split, settings, metrics, date and encoder hash, as Markdown."""
    t, e = heads.config["training"], heads.config["encoder"]
    lines = [
        "# newsmine classifier heads",
        "",
        f"Files: `{HEADS_NAME}.npz` (weights, float32, load with `allow_pickle=False`) and "
        f"`{HEADS_NAME}.json` (labels, thresholds, pooling and sentiment settings). Written by "
        "`newsmine train` (reproducible: fixed seed, deterministic lbfgs, grids searched in a fixed order).",
        "",
        "## Model",
        f"- Encoder (not in the repo): {e['name']}, {e['dim']}-d, the heads read each layer's L2-normalised mean pooling, concatenated; "
        f"sha256 of model.safetensors `{e['sha256']}`. Heads are only valid with this file.",
        *_adapter_line(heads),
        f"- Narratives: {len(heads.narratives)} independent L2 logistic regressions "
        f"(class-balanced, C={t['C_narratives']}) on sentence embeddings; article score = mean of "
        f"the top-{heads.config['article']['top_k']} sentence probabilities "
        f"(signal boost from NLP facts: {heads.config['article']['signal_boost'] or 'none'}), "
        f"kept above a per-label threshold ({heads.config['article']['thresholds']}).",
        f"- Sentence sentiment: multinomial L2 logistic regression (class-balanced, C={t['C_sentiment']}) on "
        f"layers {heads.config['sentiment_features']['layers']} of the embedding (0 = first) plus two "
        f"price-direction lexicon cues (up/down, negation-aware, scale {heads.config['sentiment_features']['lexicon_scale']}; "
        "`newsmine/classify/lexicon.py`); "
        f"article sentiment = weighted mix (settings: {heads.config['sentiment']}).",
        "",
        "## Data",
        f"- Team-written corpus `corpora/articles` (see corpora/GUIDE.md). Trained on the train split "
        f"({t['train_articles']} articles, {t['train_sentences']} sentences incl. headlines); "
        f"regularisation C chosen on dev ({t['dev_articles']} articles, {t['dev_sentences']} sentences; the sentiment "
        f"head's C on those sentences and {t.get('dev_headlines', 0)} held-out dev headlines, mean macro-F1); "
        "thresholds, pooling and sentiment rules calibrated on dev plus out-of-fold train predictions "
        "(5 folds by article). Test is only measured, never used to choose anything.",
        f"- The sentiment head also trains on {t.get('train_headlines', 0)} team-written headlines "
        f"(`corpora/headlines`, train only, sample weight {t.get('headline_weight', 0.0)}, chosen on dev); "
        "the narrative heads see them only through the encoder adapter.",
        f"- Both the narrative and the sentiment heads also train on {t.get('train_bank_sentences', 0)} team-written "
        f"standalone sentences (`corpora/sentences`, many outlets' styles and hard negatives, train only, "
        f"sample weight {t.get('bank_weight', 0.0)}, chosen on dev), and so does the adapter.",
        _signal_line(heads.config["article"]),
        f"- Trained on {t['date']} with seed {t['seed']}.",
        "",
        "## Metrics (`newsmine eval classify --split SPLIT`)",
        "",
    ]
    for split, m in metrics.items():
        lines += _table(split, m) if split != "cryptolin" else [
            "### CryptoLin headlines (real, human-labelled; evaluation only, never trained or tuned on)",
            "",
            f"- headline sentiment: accuracy {m['accuracy']:.3f}, macro-F1 **{m['macro_f1']:.3f}** ({m['n']} headlines)",
            "",
        ]
    lines += [
        "## Limits",
        "- The corpus is small and written by one team; real outlets vary more in style.",
        "- Narratives are article-level judgements pooled from sentences; a narrative mentioned",
        "  only once in passing can be missed, by design.",
    ]
    path = folder / f"{HEADS_NAME}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
