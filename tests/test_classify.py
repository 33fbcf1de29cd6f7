"""The classifier with the real encoder and the committed heads: offline, bounded, sane."""

import os
import time

import numpy as np
import pytest

from newsmine.classify import classify
from newsmine.classify.encoder import encoder_path, get_encoder, weights_sha256
from newsmine.classify.evaluate import evaluate_articles
from newsmine.classify.heads import Heads, default_heads, load_heads
from newsmine.classify.sentences import MAX_SENTENCES, select, split_sentences
from newsmine.corpus import load
from newsmine.errors import InputError
from newsmine.records import Article, Facts, Figure
from newsmine.taxonomy import NARRATIVES, SENTENCE_SENTIMENTS


@pytest.fixture(scope="module")
def heads() -> Heads:
    return default_heads()


def test_encoder_loads_offline_and_gives_unit_384d_vectors(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    vectors = get_encoder().encode(["Bitcoin fell 8% as longs were liquidated.", "Ether rallied.", ""])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:2], axis=1), 1.0, atol=1e-5)
    # Same sentence, same vector whatever the batch around it (padding must not leak in).
    alone = get_encoder().encode(["Ether rallied."])[0]
    assert np.allclose(alone, vectors[1], atol=1e-5)
    assert get_encoder() is get_encoder()  # loaded once per process


def test_encoder_folder_can_be_chosen_and_bad_folder_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSMINE_ENCODER", str(tmp_path))
    with pytest.raises(InputError, match="no config.json"):
        encoder_path()
    monkeypatch.delenv("NEWSMINE_ENCODER")
    assert (encoder_path() / "model.safetensors").is_file()


def test_heads_match_the_encoder_and_predict(heads):
    assert heads.config["encoder"]["sha256"] == weights_sha256(encoder_path())
    text = "Hackers drained $600 million from the bridge in an exploit."
    x = get_encoder(None, heads.adapter).encode([text], all_layers=True)  # the heads read the adapted encoder
    assert x.shape == (1, 6 * 384)
    narr = dict(zip(heads.narratives, heads.narrative_probs(x)[0]))
    assert max(narr, key=narr.get) == "security_incident"
    probs = heads.sentiment_probs(heads.sentiment_input(x, [text]))[0]
    assert probs.sum() == pytest.approx(1.0, abs=1e-5)
    assert heads.sentiments[int(probs.argmax())] == "bearish"


def test_heads_round_trip_without_pickle(heads, tmp_path):
    heads.save(tmp_path)
    again = load_heads(tmp_path)
    assert again.narratives == NARRATIVES and again.sentiments == SENTENCE_SENTIMENTS
    assert np.array_equal(again.narr_w, heads.narr_w.astype(np.float32))
    (tmp_path / "classify_heads.npz").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="cannot load classifier heads"):
        load_heads(tmp_path)


def test_empty_text_is_neutral_without_narratives(heads):
    result = classify([Article(source="-", text=""), Article(source="-", text="   \n\n ")], [Facts(), Facts()], heads=heads)
    assert [r.sentiment.label for r in result] == ["neutral", "neutral"]
    assert all(r.narratives == [] for r in result)


def test_article_gets_narratives_with_evidence_spans(heads):
    text = (
        "Bitcoin plunged 12% to $28,100 on Tuesday as more than $1 billion of leveraged long positions "
        "were liquidated across derivatives exchanges. Funding rates had climbed to extreme levels "
        "before the crash, a sign that traders had piled into leveraged bets. Open interest on futures "
        "fell by a quarter within hours as margin calls cascaded."
    )
    article = Article(source="-", text=text, title="Bitcoin Crashes as Leveraged Longs Are Wiped Out")
    [result] = classify([article], [], heads=heads)  # standalone: no NLP facts, regex splitting
    assert result.sentiment.label == "bearish"
    labels = [n.label for n in result.narratives]
    assert "over_leverage" in labels
    narrative = result.narratives[labels.index("over_leverage")]
    assert 0 < narrative.score <= 1 and narrative.evidence
    for ev in narrative.evidence:
        assert ev.start is None or text[ev.start : ev.end] == ev.sentence


def test_facts_must_match_articles(heads):
    with pytest.raises(InputError, match="2 articles but 1 facts"):
        classify([Article(source="a", text="x"), Article(source="b", text="y")], [Facts()], heads=heads)


def test_signals_come_from_nlp_figures_and_hack_words():
    text = "Traders saw $300 million of longs liquidated on Binance overnight. The protocol was hacked on Sunday."
    sentences = split_sentences(text)
    figure = Figure("liquidations", 3e8, "USD", "$300 million", text.index("$300"), text.index("$300") + 12)
    picked = select(None, text, Facts(sentences=sentences, figures=[figure]))
    assert [s.signals for s in picked] == [{"over_leverage"}, {"security_incident"}]


def test_ten_thousand_sentence_document_is_bounded(heads):
    body = " ".join(f"Bitcoin traded sideways for the {i}th straight hour on thin volume." for i in range(10_000))
    body += " Hackers stole $40 million from the exchange's hot wallet."
    facts = Facts(sentences=split_sentences(body))
    assert len(facts.sentences) == 10_001
    picked = select("Bitcoin drifts", body, facts)
    assert len(picked) <= MAX_SENTENCES + 1
    assert picked[-1].signals == {"security_incident"}  # a late signal sentence is still scored
    start = time.perf_counter()
    [result] = classify([Article(source="-", text=body, title="Bitcoin drifts")], [facts], heads=heads)
    assert time.perf_counter() - start < 30
    assert result.sentiment.label in {"bullish", "bearish", "neutral", "mixed"}


def test_dev_floor(heads):
    """Far below the measured dev figures (see models/classify_heads.md): catches a broken pipeline."""
    m = evaluate_articles(load(split="dev"), heads)
    assert m["narratives"]["micro"]["f1"] >= 0.6
    assert m["sentiment"]["accuracy"] >= 0.5
    assert m["sentence_sentiment"]["accuracy"] >= 0.4


def test_classify_runs_with_network_disabled_in_a_fresh_process():
    import subprocess
    import sys

    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    code = (
        "from newsmine.classify import classify; from newsmine.records import Article;"
        "r = classify([Article(source='-', text='Ether jumped 9% as traders rotated out of bitcoin into altcoins.')]);"
        "print(r[0].sentiment.label)"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() in {"bullish", "bearish", "neutral", "mixed"}


def test_lexicon_reads_price_direction_and_negation():
    from newsmine.classify.lexicon import direction_counts, lexicon_features

    assert direction_counts("Bitcoin surges to a record high as ETF inflows jump") == (4, 0)
    assert direction_counts("Ether plunges after the exchange was hacked") == (0, 2)
    assert direction_counts("Bitcoin failed to rally above $70,000") == (0, 1)
    feats = lexicon_features(["Stocks tumble", "The meeting is on Tuesday"], 2.0)
    assert feats.shape == (2, 2) and feats[0, 1] > 1.0 and not feats[1].any()


def test_asset_stances_follow_each_assets_own_moves(heads):
    """BTC sold off while ETH rallied: one article, two stances (NLP facts feed the classifier)."""
    from newsmine.nlp import extract_facts

    text = (
        "Bitcoin fell 6% to $41,200 on Tuesday as leveraged long positions were liquidated. "
        "Sellers dominated bitcoin trading through the session.\n\n"
        "Ether, meanwhile, jumped 9% to $3,100 after the network upgrade went live. "
        "Traders piled into ether as the rally broadened."
    )
    article = Article(source="-", text=text, title="Bitcoin Slides While Ether Rallies After Upgrade")
    facts = extract_facts([article])
    assert [s.assets for s in facts[0].sentences] == [["BTC"], ["BTC"], ["ETH"], ["ETH"]]
    [result] = classify([article], facts, heads=heads)
    stances = {s.asset: s for s in result.stances}
    assert stances["BTC"].label == "bearish" and stances["ETH"].label == "bullish"
    assert stances["BTC"].sentences == 3  # two body sentences plus the headline (about the most-named asset)
    assert stances["ETH"].sentences == 2


def test_stances_are_in_the_json_contract():
    from newsmine.records import Analysis, Classification, Sentiment, Stance

    c = Classification(Sentiment("mixed", 0.7), stances=[Stance("BTC", "bearish", 0.8, 3)])
    out = Analysis(Article(source="-", text="x"), classification=c).to_json()
    assert out["stances"] == [{"asset": "BTC", "label": "bearish", "score": 0.8, "sentences": 3}]
