"""The encoder's LoRA sentiment adapter: training is reproducible, merging equals the trained function."""

import numpy as np
import pytest
import torch

from newsmine.classify import adapter
from newsmine.classify.encoder import BATCH_SIZE, Encoder, LowerLayers, encoder_path, get_encoder
from newsmine.classify.heads import load_heads
from newsmine.taxonomy import SENTENCE_SENTIMENTS

TEXTS = [
    "Bitcoin jumped 9% to a record high.",
    "Ether slumped as sellers took over.",
    "The exchange published its quarterly report.",
    "Solana rallied after the upgrade went live.",
    "Dogecoin fell 12% in a broad sell-off.",
    "The conference takes place in Lisbon next week.",
]
LABELS = [0, 1, 2, 0, 1, 2]  # indices into SENTENCE_SENTIMENTS


def test_labels_follow_the_taxonomy_order():
    assert [SENTENCE_SENTIMENTS[k] for k in LABELS[:3]] == ["bullish", "bearish", "neutral"]


def test_fit_is_reproducible_and_leaves_the_shared_encoder_alone():
    base = get_encoder()
    before = base.encode(TEXTS[:2])
    first = adapter.fit(base.model, base.tokenizer, TEXTS, LABELS, seed=3, epochs=2)
    second = adapter.fit(base.model, base.tokenizer, TEXTS, LABELS, seed=3, epochs=2)
    adapted_blocks = base.model.config.num_hidden_layers - adapter.FIRST_BLOCK
    assert first.keys() == second.keys() and len(first) == 2 * adapted_blocks * len(adapter.TARGETS)
    assert all(np.array_equal(first[k], second[k]) for k in first)
    assert any(np.abs(v).max() > 0 for k, v in first.items() if k.endswith(".B"))  # it learned something
    assert np.array_equal(base.encode(TEXTS[:2]), before)  # hooks removed, weights untouched
    adapted = get_encoder(None, first)
    assert adapted is get_encoder(None, second) and adapted is not base  # cached by content
    assert not np.allclose(adapted.encode(TEXTS[:2]), before, atol=1e-4)


def test_blocks_below_the_first_adapted_one_are_left_as_they_are():
    base = get_encoder()
    lora = adapter.fit(base.model, base.tokenizer, TEXTS, LABELS, seed=3, epochs=1)
    assert {int(k.split(".")[2]) for k in lora} == set(range(adapter.FIRST_BLOCK, base.model.config.num_hidden_layers))
    adapted = Encoder(encoder_path(), lora)
    batch = base.tokenizer(TEXTS, padding=True, return_tensors="pt")
    with torch.inference_mode():
        plain = base.model(**batch, output_hidden_states=True).hidden_states
        mine = adapted.model(**batch, output_hidden_states=True).hidden_states
    first = adapter.FIRST_BLOCK
    assert torch.equal(plain[first], mine[first])  # the input of the first adapted block: unchanged
    assert not torch.allclose(plain[-1], mine[-1], atol=1e-4)


def test_encoders_sharing_lower_blocks_give_what_a_whole_run_gives():
    base = get_encoder()
    lora = adapter.fit(base.model, base.tokenizer, TEXTS, LABELS, seed=3, epochs=1)
    texts = [f"{t} Day {k}." for k in range(BATCH_SIZE // len(TEXTS) + 2) for t in TEXTS]  # more than one batch
    layers = LowerLayers(adapter.FIRST_BLOCK)
    plain = base.encode(texts, all_layers=True, lower=layers)  # runs the whole model, keeps the lower blocks
    assert len(layers.kept) == 2 and np.array_equal(plain, base.encode(texts, all_layers=True))
    adapted = Encoder(encoder_path(), lora)
    assert np.array_equal(adapted.encode(texts, all_layers=True, lower=layers), adapted.encode(texts, all_layers=True))
    low = adapter.fit(base.model, base.tokenizer, TEXTS, LABELS, seed=3, epochs=1, first=adapter.FIRST_BLOCK - 1)
    with pytest.raises(ValueError, match="below"):
        Encoder(encoder_path(), low).encode(texts, all_layers=True, lower=layers)


def test_lower_states_beyond_the_cache_are_recomputed_to_the_same_adapter(monkeypatch):
    base = get_encoder()
    kept = adapter.fit(base.model, base.tokenizer, TEXTS, LABELS, seed=3, epochs=2)
    monkeypatch.setattr(adapter, "CACHE_BYTES", 0)  # nothing kept: every epoch runs the lower blocks again
    recomputed = adapter.fit(base.model, base.tokenizer, TEXTS, LABELS, seed=3, epochs=2)
    assert all(np.array_equal(kept[k], recomputed[k]) for k in kept)


def test_lower_states_are_shared_between_fits_of_the_same_model():
    base = get_encoder()
    alone = adapter.fit(base.model, base.tokenizer, TEXTS, LABELS, seed=3, epochs=1)
    lower = adapter.LowerStates(base.model, base.tokenizer)
    adapter.fit(base.model, base.tokenizer, TEXTS[:4], LABELS[:4], seed=3, epochs=1, lower=lower)
    assert set(lower.kept) == set(TEXTS[:4])
    shared = adapter.fit(base.model, base.tokenizer, TEXTS, LABELS, seed=3, epochs=1, lower=lower)
    assert set(lower.kept) == set(TEXTS)  # only the two new texts ran through the lower blocks
    # Kept states were computed in other batches: equal up to float rounding, not bit for bit.
    assert all(np.allclose(alone[k], shared[k], atol=1e-4) for k in alone)
    with pytest.raises(ValueError, match="block"):
        adapter.fit(base.model, base.tokenizer, TEXTS, LABELS, seed=3, epochs=1, first=adapter.FIRST_BLOCK - 1, lower=lower)


def test_narrative_gold_trains_alongside_sentiment():
    base = get_encoder()
    # Two made-up narratives over the six texts; a row of -1 has no narrative gold (like a headline).
    gold = np.array([[1, 0], [0, 0], [-1, -1], [0, 1], [1, 0], [-1, -1]], dtype=np.int8)
    sentiment_only = adapter.fit(base.model, base.tokenizer, TEXTS, LABELS, seed=3, epochs=1)
    both = adapter.fit(base.model, base.tokenizer, TEXTS, LABELS, seed=3, epochs=1, narratives=gold)
    again = adapter.fit(base.model, base.tokenizer, TEXTS, LABELS, seed=3, epochs=1, narratives=gold)
    assert all(np.array_equal(both[k], again[k]) for k in both)
    assert any(not np.allclose(both[k], sentiment_only[k]) for k in both)


def test_merged_weights_equal_the_hooked_training_forward():
    rng = np.random.default_rng(0)
    base = get_encoder()
    lora = {}
    for name, linear in adapter.modules(base.model):
        lora[f"{name}.A"] = rng.normal(0, 0.02, (adapter.RANK, linear.in_features)).astype(np.float32)
        lora[f"{name}.B"] = rng.normal(0, 0.02, (linear.out_features, adapter.RANK)).astype(np.float32)
    batch = base.tokenizer(TEXTS, padding=True, return_tensors="pt")
    hooks = adapter.attach(base.model, {k: torch.from_numpy(v) for k, v in lora.items()})
    try:
        with torch.inference_mode():
            hooked = base.model(**batch).last_hidden_state
    finally:
        for h in hooks:
            h.remove()
    merged = Encoder(encoder_path(), lora)
    with torch.inference_mode():
        plain = merged.model(**batch).last_hidden_state
    assert torch.allclose(hooked, plain, atol=1e-4)


def test_committed_heads_carry_their_adapter(tmp_path):
    heads = load_heads()
    assert heads.config["adapter"]["digest"] == adapter.digest(heads.adapter)
    heads.save(tmp_path)
    again = load_heads(tmp_path)
    assert again.adapter.keys() == heads.adapter.keys()
    assert adapter.digest(again.adapter) == heads.config["adapter"]["digest"]
