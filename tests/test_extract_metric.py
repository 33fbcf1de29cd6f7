"""The shingle precision/recall/F1 metric on tiny hand-made examples, and the eval command."""

from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from newsmine.cli import cli
from newsmine.errors import InputError
from newsmine.extract.evaluate import aggregate, load_benchmark, score_page, shingles, tokens


def test_tokens_keep_case_and_drop_punctuation():
    assert tokens("Bitcoin, rose 5%! To $9,000.") == ["Bitcoin", "rose", "5", "To", "9", "000"]


def test_shingles_are_a_multiset_of_four_grams():
    got = shingles("a b c d a b c d")
    assert got[("a", "b", "c", "d")] == 2
    assert sum(got.values()) == 5
    assert shingles("only three words") == {("only", "three", "words"): 1}
    assert shingles("  ... ") == {}


def test_exact_prediction_scores_one():
    s = score_page("One two three four five.", "One two three four five")
    assert (s.precision, s.recall, s.exact) == (1.0, 1.0, True)


def test_extra_and_missing_shingles():
    s = score_page("x y a b c d e", "a b c d e f")
    # pred shingles: xyab, yabc, abcd, bcde -> TP=2 (abcd, bcde), FP=2; truth misses cdef -> FN=1
    assert s.precision == pytest.approx(2 / 4)
    assert s.recall == pytest.approx(2 / 3)
    assert s.exact is False


def test_case_matters():
    s = score_page("Bitcoin rose on Monday", "bitcoin rose on Monday")
    assert s.precision == 0.0 and s.recall == 0.0


def test_empty_prediction_has_no_precision_and_zero_recall():
    s = score_page("", "some real article body text")
    assert s.precision is None and s.recall == 0.0


def test_corpus_figures_average_pages_then_take_f1():
    perfect = score_page("a b c d", "a b c d")
    half = score_page("a b c d e f g h", "a b c d")  # P = 1/5, R = 1
    empty = score_page("", "a b c d")  # no precision, R = 0
    scores = aggregate([perfect, half, empty], resamples=50)
    assert scores.precision == pytest.approx((1 + 1 / 5) / 2)
    assert scores.recall == pytest.approx((1 + 1 + 0) / 3)
    p, r = scores.precision, scores.recall
    assert scores.f1 == pytest.approx(2 * p * r / (p + r))
    assert scores.accuracy == pytest.approx(1 / 3)
    assert scores.f1_sd > 0


def test_eval_command_on_a_tiny_benchmark(tmp_path):
    body = "Bitcoin rose to a record on Monday as buyers returned to the market after a week of losses."
    pages = {
        "p1": f"<html><body><nav>Home Markets</nav><article><h1>Title</h1><p>{body}</p></article></body></html>",
        "p2": "<html><body></body></html>",
    }
    (tmp_path / "html").mkdir()
    truth = {}
    for key, html in pages.items():
        (tmp_path / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[key] = {"url": f"https://example.org/{key}", "articleBody": body}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    result = CliRunner().invoke(cli, ["eval", "extraction", str(tmp_path), "--json", "--workers", "1"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["pages"] == 2 and out["failures"] == 1
    assert out["precision"] == 1.0  # the failed page has no precision to average
    assert out["recall"] == pytest.approx(0.5)


def test_eval_rejects_a_folder_without_ground_truth(tmp_path):
    with pytest.raises(InputError, match="not a benchmark folder"):
        load_benchmark(tmp_path)
    result = CliRunner().invoke(cli, ["eval", "extraction", str(tmp_path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "Error" in result.output
