"""The annotated corpus parses and every gold span sits in its text."""

from collections import Counter
from pathlib import Path

import pytest

from newsmine.corpus import CorpusError, load, parse_file
from newsmine.corpus.check import check, expected_split
from newsmine.corpus.training_text import load_bank, load_headlines


def test_bundled_corpus_has_no_problems():
    articles = load()
    report = check(articles)
    assert report.problems == []


def test_probe_articles_outside_the_corpus_have_no_problems():
    # corpora/probes: articles written blind to probe the NLP rules, kept out of training (GUIDE, "Split")
    articles = load(Path(__file__).resolve().parents[1] / "corpora" / "probes")
    assert len(articles) == 1230 and {a.split for a in articles} == {"train"}
    assert check(articles).problems == []


def write_train_article(folder: Path, article_id: str, gold: str, body: str) -> Path:
    """A train-split wire article with bearish sentiment, the ``gold`` front-matter lines and ``body``."""
    (folder / "articles").mkdir()
    path = folder / "articles" / f"{article_id}.md"
    path.write_text(f"---\nid: {article_id}\nsplit: train\ngenre: wire\nsentiment: bearish\nnarratives: []\n{gold}---\n{body}",
                    encoding="utf-8")
    return path


def test_text_is_built_from_sentences_and_paragraphs(tmp_path: Path):
    path = write_train_article(
        tmp_path, "z003", "prices:\n  - {asset: BTC, value: 9120, currency: USD, kind: open, span: '$9,120'}\n",
        "# bearish | Bitcoin opens lower\nbearish | Bitcoin opened at $9,120.\nneutral | Trading was thin.\n\n"
        "neutral | A second paragraph.\n")
    article = parse_file(path)
    assert article.text == "Bitcoin opened at $9,120. Trading was thin.\n\nA second paragraph."
    assert [article.text[s.start:s.end] for s in article.sentences] == [
        "Bitcoin opened at $9,120.", "Trading was thin.", "A second paragraph."]
    assert check([article]).problems == []


def test_check_reports_a_span_missing_from_the_text(tmp_path: Path):
    path = tmp_path / "z001.md"
    path.write_text(
        "---\nid: z001\nsplit: test\ngenre: wire\nsentiment: neutral\n"
        "quotes:\n  - {text: never said, speaker: null}\n---\n# neutral | Quiet day\nneutral | Nothing.\n",
        encoding="utf-8",
    )
    problems = check([parse_file(path)]).problems
    assert problems == ["z001.md: quote text not in text: 'never said'"]


def test_unlabelled_line_is_a_clear_error(tmp_path: Path):
    path = tmp_path / "z002.md"
    path.write_text("---\nid: z002\n---\n# neutral | T\njust a sentence\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"z002.md:2: expected 'LABELS \| sentence'"):
        parse_file(path)


def test_split_follows_the_article_number():
    assert [expected_split(f"a{n:03d}") for n in (1, 2, 3, 5, 6)] == ["test", "dev", "train", "train", "test"]


def test_check_reports_figures_outside_the_guide_vocabulary(tmp_path: Path):
    path = tmp_path / "z006.md"
    path.write_text(
        "---\nid: z006\nsplit: test\ngenre: wire\nsentiment: bearish\nfigures:\n"
        "  - {kind: percent_change, value: -8, unit: USD, asset: null, venue: null, side: null,"
        " period: 9 days, span: '8%'}\n"
        "  - {kind: funding_rate, value: 0.06, unit: percent, asset: BTC, venue: null, side: long,"
        " period: 8h, span: '0.06%'}\n"
        "prices:\n  - {asset: BTC, value: 30000, currency: $, kind: low, span: '$30,000'}\n---\n"
        "# bearish | Bitcoin falls\nbearish | Bitcoin fell 8% to $30,000 as funding hit 0.06%.\n",
        encoding="utf-8",
    )
    assert check([parse_file(path)]).problems == [
        "z006.md: price '$30,000': currency '$' is not a code",
        "z006.md: figure '8%': unit 'USD' should be 'percent'",
        "z006.md: figure '8%': period '9 days' not in ('day', 'week', 'month', 'ytd', 'year') or '<n>h'/'<n>d'",
        "z006.md: figure '8%': percent_change needs the asset that moved",
        "z006.md: figure '0.06%': side 'long' not allowed for funding_rate",
    ]


def test_check_reports_stances_outside_assets_or_labels(tmp_path: Path):
    path = tmp_path / "z008.md"
    path.write_text(
        "---\nid: z008\nsplit: train\ngenre: wire\nsentiment: mixed\nnarratives: []\n"
        "stances: {BTC: bearish, ETH: moon, SOL: bullish}\nassets: [BTC, ETH]\n---\n"
        "# bearish | Bitcoin falls, ether rallies\nbearish | Bitcoin fell while ether rallied.\n",
        encoding="utf-8",
    )
    report = check([parse_file(path)])
    assert report.problems == [
        "z008.md: stance 'moon' for 'ETH' not in ('bullish', 'bearish', 'neutral', 'mixed')",
        "z008.md: stance for 'SOL', which is not in assets",
    ]
    assert report.counts["asset_stance"] == Counter({"bearish": 1, "moon": 1, "bullish": 1})
    path.write_text(path.read_text(encoding="utf-8").replace(
        "{BTC: bearish, ETH: moon, SOL: bullish}", "[BTC, ETH]"), encoding="utf-8")
    assert check([parse_file(path)]).problems == [
        "z008.md: stances ['BTC', 'ETH'] is not a mapping of ticker to stance"]


def test_check_reports_a_ticker_spelled_unlike_the_lexicon(tmp_path: Path):
    path = write_train_article(
        tmp_path, "z013", "prices:\n  - {asset: USDe, value: 0.97, currency: USD, kind: low, span: '$0.97'}\nassets: [USDe]\n",
        "# bearish | A synthetic dollar slips\nbearish | Ethena's USDe slipped to $0.97.\n")
    assert check([parse_file(path)]).problems == ["z013.md: asset 'USDe' is written 'USDE'"]


def test_bundled_headlines_are_balanced_and_clean():
    headlines = load_headlines()
    counts = Counter(h.sentiment for h in headlines)
    assert set(counts) == {"bullish", "bearish", "neutral"} and min(counts.values()) >= 100
    dev = load_headlines(None, "dev")
    assert {h.sentiment for h in dev} == {"bullish", "bearish", "neutral"} and len(dev) >= 300
    assert check(load(), headlines, load_bank(), dev).problems == []


def test_headline_check_reports_bad_label_and_duplicate(tmp_path: Path):
    (tmp_path / "headlines").mkdir()
    (tmp_path / "headlines" / "train.txt").write_text(
        "# comment | ignored\n\nbullish | Bitcoin jumps\nmoon | Ether soars\nbearish | bitcoin  JUMPS\n",
        encoding="utf-8",
    )
    headlines = load_headlines(tmp_path)
    assert [(h.sentiment, h.source) for h in headlines] == [
        ("bullish", "train.txt:3"), ("moon", "train.txt:4"), ("bearish", "train.txt:5")
    ]
    assert check([], headlines).problems == [
        "train.txt:4: sentiment 'moon' not in ('bullish', 'bearish', 'neutral')",
        "train.txt:5: duplicate of train.txt:3",
    ]


def test_dev_headlines_are_held_apart_and_may_not_repeat_training_text(tmp_path: Path):
    (tmp_path / "headlines" / "dev").mkdir(parents=True)
    (tmp_path / "headlines" / "train.txt").write_text("bullish | Bitcoin jumps\n", encoding="utf-8")
    (tmp_path / "headlines" / "dev" / "wire.txt").write_text(
        "neutral | Exchange names a new CFO\nbullish | BITCOIN jumps\n", encoding="utf-8"
    )
    train, dev = load_headlines(tmp_path), load_headlines(tmp_path, "dev")
    assert [h.text for h in train] == ["Bitcoin jumps"]
    assert [(h.sentiment, h.source) for h in dev] == [("neutral", "dev/wire.txt:1"), ("bullish", "dev/wire.txt:2")]
    report = check([], train, [], dev)
    assert report.problems == ["dev/wire.txt:2: duplicate of train.txt:1"]
    assert report.counts["dev_headline_sentiment"] == Counter({"neutral": 1, "bullish": 1})


def test_headline_without_label_is_a_clear_error(tmp_path: Path):
    (tmp_path / "headlines").mkdir()
    (tmp_path / "headlines" / "x.txt").write_text("bullish bearish | Two labels\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"x.txt:1: expected exactly one sentiment label"):
        load_headlines(tmp_path)


def test_bank_check_reports_unknown_narrative_and_repeats_across_files(tmp_path: Path):
    (tmp_path / "headlines").mkdir()
    (tmp_path / "headlines" / "h.txt").write_text("bearish | Exchange halts withdrawals\n", encoding="utf-8")
    (tmp_path / "sentences").mkdir()
    (tmp_path / "sentences" / "bank.txt").write_text(
        "# team-written\nbearish over_leverage | Longs were flushed.\nbullish moon | Up only.\n"
        "bearish security_incident | exchange halts withdrawals\n",
        encoding="utf-8",
    )
    bank = load_bank(tmp_path)
    assert [(s.sentiment, s.narratives) for s in bank] == [
        ("bearish", ("over_leverage",)), ("bullish", ("moon",)), ("bearish", ("security_incident",))
    ]
    report = check([], load_headlines(tmp_path), bank)
    assert report.problems == [
        "bank.txt:3: narrative 'moon' not in the taxonomy",
        "bank.txt:4: duplicate of h.txt:1",
    ]
    assert report.counts["bank_narrative"] == Counter({"over_leverage": 1, "moon": 1, "security_incident": 1})


def test_check_reports_a_ticker_in_capitals_the_lexicon_writes_in_mixed_case(tmp_path: Path):
    path = write_train_article(
        tmp_path, "z014", "prices:\n  - {asset: STETH, value: 0.95, currency: ETH, kind: low, span: '0.95'}\nassets: [STETH]\n",
        "# bearish | Staked ether at a discount\nbearish | Lido's stETH slid to 0.95 ETH on Curve.\n")
    assert check([parse_file(path)]).problems == ["z014.md: asset 'STETH' is written 'stETH'"]
