"""``newsmine train`` is reproducible: same corpus and seed give the same heads."""

import json
import shutil

import numpy as np
from click.testing import CliRunner

from newsmine.classify.heads import load_heads
from newsmine.classify.train import per_label_thresholds, train
from newsmine.cli import cli
from newsmine.corpus import load
from newsmine.corpus.training_text import load_headlines


def _tiny_corpus(tmp_path):
    """Three train and one dev article copied from the real corpus."""
    articles = load()
    picked = [a for a in articles if a.split == "train"][:3] + [a for a in articles if a.split == "dev"][:1]
    (tmp_path / "articles").mkdir()
    for a in picked:
        shutil.copy(a.path, tmp_path / "articles" / a.path.name)
    (tmp_path / "headlines").mkdir()
    (tmp_path / "headlines" / "train.txt").write_text(
        "bullish | Bitcoin jumps 9% to a record\nbearish | Exchange hacked, funds stolen\nneutral | What is a halving?\n",
        encoding="utf-8",
    )
    (tmp_path / "sentences").mkdir()
    (tmp_path / "sentences" / "bank.txt").write_text(
        "bearish over_leverage | Longs worth $400 million were wiped out as funding ran hot.\n"
        "neutral | The exchange will leverage its payments network in Europe.\n"
        "bearish regulation | The regulator sued the exchange for offering unregistered securities.\n",
        encoding="utf-8",
    )
    return tmp_path


def test_same_seed_gives_same_heads(tmp_path):
    root = _tiny_corpus(tmp_path)
    first = train(root, tmp_path / "one", seed=7)
    second = train(root, tmp_path / "two", seed=7)
    assert np.allclose(first.narr_w, second.narr_w, atol=1e-6)
    assert np.allclose(first.sent_w, second.sent_w, atol=1e-6)
    assert first.config["sentence_thresholds"] == second.config["sentence_thresholds"]
    assert first.config["article"] == second.config["article"]
    assert first.config["sentiment"] == second.config["sentiment"]
    assert first.config["training"]["train_articles"] == 3
    assert first.config["training"]["train_headlines"] == 3
    assert first.adapter.keys() == second.adapter.keys()
    assert all(np.array_equal(first.adapter[k], second.adapter[k]) for k in first.adapter)
    again = load_heads(tmp_path / "one")
    assert np.allclose(again.narr_w, first.narr_w, atol=1e-6)
    assert again.config["adapter"]["digest"] == first.config["adapter"]["digest"]


def test_each_narrative_gets_the_threshold_its_scores_need():
    # Label 0 is separated by any cut in (0.25, 0.35], label 1 only by one in (0.6, 0.75]: no single cut
    # fits both, and each label takes the separating cut nearest the start.
    gold = np.array([[1, 0], [1, 0], [0, 1], [0, 0], [0, 1], [0, 0]])
    scores = np.array([[0.35, 0.1], [0.4, 0.2], [0.1, 0.75], [0.2, 0.6], [0.1, 0.8], [0.25, 0.5]])
    assert per_label_thresholds(gold, scores, 0.5, ("a", "b")) == [0.35, 0.65]
    # Where every threshold already gives perfect F1, none moves from the start.
    assert per_label_thresholds(gold, np.where(gold, 0.9, 0.1), 0.5, ("a", "b")) == [0.5, 0.5]


def test_headlines_reach_the_narratives_only_through_the_adapter(tmp_path):
    root = _tiny_corpus(tmp_path)
    plain = train(root, None, seed=7, adapter_epochs=0)
    without = train(root, None, seed=7, headline_weight=0.0, adapter_epochs=0)
    assert plain.adapter == {} and plain.config["adapter"] is None
    assert without.config["training"]["train_headlines"] == 0
    assert np.allclose(without.narr_w, plain.narr_w, atol=1e-6)
    assert not np.allclose(without.sent_w, plain.sent_w, atol=1e-3)


def test_bank_sentences_train_both_heads_and_the_adapter(tmp_path):
    root = _tiny_corpus(tmp_path)
    plain = train(root, None, seed=7, adapter_epochs=0)
    without = train(root, None, seed=7, bank_weight=0.0, adapter_epochs=0)
    assert plain.config["training"]["train_bank_sentences"] == 3
    assert without.config["training"]["train_bank_sentences"] == 0
    assert not np.allclose(without.narr_w, plain.narr_w, atol=1e-3)
    assert not np.allclose(without.sent_w, plain.sent_w, atol=1e-3)
    adapted = train(root, None, seed=7, adapter_epochs=1)
    adapted_without = train(root, None, seed=7, bank_weight=0.0, adapter_epochs=1)
    assert adapted.config["adapter"]["digest"] != adapted_without.config["adapter"]["digest"]


def test_train_command_writes_heads_and_card(tmp_path):
    root = _tiny_corpus(tmp_path)
    (root / "headlines" / "dev").mkdir()
    (root / "headlines" / "dev" / "wire.txt").write_text(
        "bearish | Lender freezes withdrawals\nbullish | Bank lets clients buy bitcoin\nneutral | Exchange names new CFO\n",
        encoding="utf-8",
    )
    out = tmp_path / "models"
    result = CliRunner().invoke(cli, ["train", "--corpus", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # rich wraps long lines
    assert "dev: narratives" in said and "headline sentiment macro-F1" in said
    card = (out / "classify_heads.md").read_text()
    assert "sha256" in card and "train split (3 articles" in card
    assert "3 held-out dev headlines" in card and "dev headlines (`corpora/headlines/dev`, held out)" in card
    assert load_heads(out).config["training"]["dev_headlines"] == 3
    assert {p.name for p in out.iterdir()} == {"classify_heads.npz", "classify_heads.json", "classify_heads.md"}


def test_eval_classify_json_and_bad_models_folder(tmp_path):
    runner = CliRunner()
    bad = runner.invoke(cli, ["eval", "classify", "--models", str(tmp_path)])
    assert bad.exit_code != 0 and "cannot load classifier heads" in bad.output
    ok = runner.invoke(cli, ["eval", "classify", "--split", "dev", "--json"])
    assert ok.exit_code == 0, ok.output
    assert '"narratives"' in ok.output and "NaN" not in ok.output
    assert json.loads(ok.output)["dev"]["headlines"]["n"] == len(load_headlines(None, "dev")) > 0


def test_fits_in_forked_processes_give_what_they_give_in_turn(tmp_path, monkeypatch):
    from newsmine.classify import adapter, crossfit, forked
    from newsmine.classify.data import labelled
    from newsmine.classify.encoder import LowerLayers, get_encoder
    from newsmine.classify.rows import ExtraText, encode_rows
    from newsmine.corpus.training_text import load_bank

    root = _tiny_corpus(tmp_path)
    items = [labelled(a) for a in load(root, "train")]
    text = ExtraText(load_headlines(root), load_bank(root), 1.0, 1.0)
    base = get_encoder()

    layers = LowerLayers(adapter.FIRST_BLOCK)
    encode_rows(base, items, text, layers)  # as train's first encoding does: the passes reuse its lower blocks

    def run():
        final, folds = crossfit.fit_adapters(base, items, text, 7, 1)
        return final, folds, crossfit.cross_fitted(items, items, text, base, folds, (1.0, 1.0), 7, layers)

    forked_final, forked_folds, forked_predictions = run()
    monkeypatch.setattr(forked.multiprocessing, "get_all_start_methods", lambda: ["spawn"])  # no fork: in turn
    final, folds, predictions = run()
    assert final and len(folds) == crossfit.ADAPTER_FOLDS and all(folds)
    assert adapter.digest(final) == adapter.digest(forked_final)
    assert [adapter.digest(f) for f in folds] == [adapter.digest(f) for f in forked_folds]
    assert adapter.digest(final) not in {adapter.digest(f) for f in folds}  # each fold's adapter saw other text
    assert len(forked_predictions) == len(predictions) == 3 and all(n.size and s.size for n, s in forked_predictions)
    assert all(np.array_equal(a, b) for pair, other in zip(forked_predictions, predictions) for a, b in zip(pair, other))
