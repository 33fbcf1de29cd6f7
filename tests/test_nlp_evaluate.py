"""The facts evaluation: matching rules, scores, and a regression floor on dev."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from newsmine.nlp.evaluate import Score, close, evaluate, quote_overlap
from newsmine.records import ExchangeMention, Facts, Figure, Price, Quote


def gold(**fields):
    meta = {"prices": [], "figures": [], "exchanges": [], "assets": [], "quotes": [], **fields}
    return SimpleNamespace(id="g1", gold=lambda key: list(meta.get(key) or []))


def test_score_arithmetic():
    s = Score(tp=3, fp=1, fn=2)
    assert s.precision == pytest.approx(0.75) and s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Score().f1 == 1.0  # nothing to find, nothing found


def test_value_tolerance_and_quote_overlap():
    assert close(31444, 31444.0) and close(1.2e9, 1.2e9 + 1)
    assert not close(31444, 30000) and not close("x", 1)
    assert quote_overlap("Leverage got way ahead of spot demand,", "Leverage got way ahead of spot demand") == 1.0
    assert quote_overlap("totally different words here", "Leverage got way ahead") == 0.0


def test_prices_strict_and_loose_figures_and_attributes():
    g = gold(
        prices=[{"asset": "BTC", "value": 31444, "kind": "low"}, {"asset": "ETH", "value": 2000, "kind": "spot"}],
        figures=[{"kind": "liquidations", "value": 135e6, "asset": "BTC", "venue": "BitMEX", "side": "long",
                  "period": "24h", "unit": "USD"}],
        exchanges=["BitMEX", "Binance"],
        quotes=[{"text": "Leverage got way ahead of spot demand", "speaker": "Mara Quinn"}],
    )
    facts = Facts(
        prices=[Price("BTC", 31444.0, "USD", "spot", "s", 0, 1), Price("SOL", 20.0, "USD", "spot", "s", 0, 1)],
        figures=[Figure("liquidations", 135e6, "USD", "s", 0, 1, asset="BTC", venue="BitMEX", side="short",
                        period="24h")],
        exchanges=[ExchangeMention("BitMEX", 2)],
        quotes=[Quote("Leverage got way ahead of spot demand,", 0, 1, speaker="Mara Quinn"),
                Quote("an extra quote nobody annotated", 0, 1)],
    )
    report = evaluate([g], [facts])
    prices = report.scores["prices"]
    assert (prices.tp, prices.fp, prices.fn) == (0, 2, 2)  # right value, wrong kind: a strict miss
    loose = report.scores["prices (asset, value)"]
    assert (loose.tp, loose.fp, loose.fn) == (1, 1, 1)
    assert report.scores["figures"].tp == 1
    assert report.accuracies["figure side"].value == 0.0
    assert report.accuracies["figure venue"].value == 1.0
    ex = report.scores["exchanges"]
    assert (ex.tp, ex.fp, ex.fn) == (1, 0, 1)
    q = report.scores["quotes"]
    assert (q.tp, q.fp) == (1, 1)
    assert report.accuracies["speaker attribution"].value == 1.0
    assert report.to_json()["scores"]["quotes"]["precision"] == 0.5


def test_dev_split_regression_floor():
    """Floors sit well below the measured dev scores: they catch breakage, not noise."""
    from newsmine import corpus
    from newsmine.nlp.evaluate import run

    if not corpus.load(split="dev"):
        pytest.skip("no dev articles in the corpus")
    report = run("dev")
    assert report.scores["prices (asset, value)"].f1 >= 0.75
    assert report.scores["prices"].f1 >= 0.6
    assert report.scores["figures"].f1 >= 0.7
    assert report.scores["exchanges"].f1 >= 0.85
    assert report.scores["assets"].f1 >= 0.85
    assert report.scores["quotes"].f1 >= 0.8
    assert report.accuracies["speaker attribution"].value >= 0.75


def test_eval_facts_command_on_a_small_corpus(tmp_path, monkeypatch):
    import json
    import shutil

    from click.testing import CliRunner

    from newsmine import corpus
    from newsmine.cli import cli

    dev = corpus.load(split="dev")
    if not dev:
        pytest.skip("no dev articles in the corpus")
    (tmp_path / "articles").mkdir()
    shutil.copy(dev[0].path, tmp_path / "articles" / dev[0].path.name)
    monkeypatch.setenv("NEWSMINE_CORPUS", str(tmp_path))
    result = CliRunner().invoke(cli, ["eval", "facts", "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["articles"] == 1 and set(data["scores"]) >= {"prices", "figures", "quotes"}
    table = CliRunner().invoke(cli, ["eval", "facts", "--split", "dev", "--errors"])
    assert table.exit_code == 0 and "speaker attribution" in table.output
    empty = CliRunner().invoke(cli, ["eval", "facts", "--split", "test"])
    assert empty.exit_code != 0 and "no corpus articles" in empty.output


def test_eval_facts_ids_keeps_one_writers_series(tmp_path, monkeypatch):
    import json
    import shutil

    from click.testing import CliRunner

    from newsmine import corpus
    from newsmine.cli import cli

    dev = corpus.load(split="dev")
    if len(dev) < 2:
        pytest.skip("too few dev articles in the corpus")
    (tmp_path / "articles").mkdir()
    for g in dev[:2]:
        shutil.copy(g.path, tmp_path / "articles" / g.path.name)
    monkeypatch.setenv("NEWSMINE_CORPUS", str(tmp_path))
    one = CliRunner().invoke(cli, ["eval", "facts", "--split", "dev", "--ids", dev[0].id, "--json"])
    assert one.exit_code == 0, one.output
    assert json.loads(one.output)["articles"] == 1
    none = CliRunner().invoke(cli, ["eval", "facts", "--split", "dev", "--ids", "zz*"])
    assert none.exit_code != 0 and "matching 'zz*'" in none.output
