"""A low-rank adapter (LoRA) for the encoder, trained by ``newsmine train`` on sentiment and narratives.

Linear heads on a frozen encoder hit a ceiling on sentence sentiment: the
mean-pooled embedding mostly says what a sentence is about, not which way
the market went. Fine-tuning the whole encoder fixes that (dev sentence
macro-F1 0.62 -> 0.68) but its weights are 90 MB and may not live in the
repo. A LoRA adapter gets the same gain with rank-8 updates ``B @ A`` to
every linear layer of the top transformer blocks (``FIRST_BLOCK`` on),
stored in the heads' ``.npz`` and merged into the weights at load time, so
encoding costs exactly what the plain encoder costs.

The lower blocks stay as they are: their output is computed once per text
and reused every epoch (and by every fit in ``train``), so training costs 60% less than adapting all six
(``bench/bench_adapter.py``), and that budget goes to more training text (the
sentence bank). Trained on sentiment alone, the adapter bent the features
away from what the narrative heads read (dev narratives fell 0.871 -> 0.845
once the bank joined); a narrative objective beside the sentiment one keeps
both (dev narratives 0.917, article sentiment 0.882, see ``fit``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import numpy as np

from newsmine.classify.blocks import run_blocks

RANK = 8
ALPHA = 16.0  # update scale alpha / rank, as in the LoRA paper
# The linear layers of each BERT block the adapter updates (all of them).
TARGETS = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)
EPOCHS = 2  # on dev, 2 beat 3 (article sentiment 0.93 vs 0.87, narratives 0.84 vs 0.83) with all blocks adapted
LEARNING_RATE = 1e-3
BATCH_SIZE = 32
MAX_LENGTH = 64  # tokens; training sentences beyond it are rare and the cut keeps batches cheap
# The first adapted block (0-based); blocks below it are frozen and run once per batch. On dev (with the
# bank and both objectives), 4 beat 3: narratives 0.917 vs 0.897, sentence sentiment macro-F1 0.665 vs 0.654.
FIRST_BLOCK = 4
NARRATIVE_LOSS = 1.0  # weight of the narrative objective next to the sentiment one
MAX_POSITIVE_WEIGHT = 20.0  # a label with very few positive sentences is not let to dominate the loss
CACHE_BYTES = 1 << 30  # lower-block states kept between epochs and fits (the corpus needs 0.4 GB); the rest is recomputed

Adapter = dict[str, np.ndarray]  # "<module>.A" (rank, in) and "<module>.B" (out, rank), float32


def digest(adapter: Mapping[str, np.ndarray]) -> str:
    """A short content hash: the encoder cache and the heads' provenance name an adapter by it."""
    h = hashlib.sha256()
    for key in sorted(adapter):
        h.update(key.encode())
        h.update(np.ascontiguousarray(adapter[key], dtype=np.float32).tobytes())
    return h.hexdigest()[:16]


def modules(model, first: int = 0):
    """(name, nn.Linear) for every adaptable layer from block ``first`` on, names relative to the model."""
    for i, block in enumerate(model.encoder.layer):
        if i < first:
            continue
        for target in TARGETS:
            module = block
            for part in target.split("."):
                module = getattr(module, part)
            yield f"encoder.layer.{i}.{target}", module


def merge(model, adapter: Mapping[str, np.ndarray]) -> None:
    """Add ``scale * B @ A`` to each weight the adapter names, in place (the model is then a plain encoder)."""
    import torch

    with torch.no_grad():
        for name, linear in modules(model):
            if f"{name}.A" not in adapter:
                continue
            a, b = adapter[f"{name}.A"], adapter[f"{name}.B"]
            linear.weight += (ALPHA / a.shape[0]) * torch.from_numpy(b @ a)


def fit(
    model,
    tokenizer,
    texts: Sequence[str],
    labels: Sequence[int],
    seed: int,
    epochs: int = EPOCHS,
    narratives: np.ndarray | None = None,
    first: int = FIRST_BLOCK,
    lower: LowerStates | None = None,
) -> Adapter:
    """Train a LoRA adapter for ``labels`` (sentiment class indices) on ``texts``; ``model`` is left unchanged.

    A linear classifier over the mean-pooled last layer is trained with it
    (class-balanced cross-entropy) and thrown away: the heads are refitted
    afterwards on the adapted features. With ``narratives`` ((n, labels) 0/1,
    a row of -1 where a text has no narrative gold) a second, multi-label
    classifier trains alongside, so the adapted features keep what the
    narrative heads need instead of serving sentiment alone.
    Batches hold sentences of similar length (less padding), in an order
    drawn from ``seed``, so the same data and seed give the same adapter.
    Only blocks ``first`` and up are adapted; each text's hidden states
    below them are computed once, on first use, and kept in ``lower`` (pass
    one to share them between fits of the same model; see ``LowerStates``).
    """
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    params = {}
    for name, linear in modules(model, first):
        params[f"{name}.A"] = torch.nn.Parameter(torch.randn(RANK, linear.in_features) * 0.01)
        params[f"{name}.B"] = torch.nn.Parameter(torch.zeros(linear.out_features, RANK))
    width = model.config.hidden_size
    classes = int(max(labels)) + 1
    head = torch.nn.Linear(width, classes)
    counts = np.bincount(labels, minlength=classes).astype(np.float64)
    weight = torch.tensor(len(labels) / (classes * np.maximum(counts, 1)), dtype=torch.float32)
    trained = [*params.values(), *head.parameters()]
    if narratives is not None:
        narrative_head, narrative_loss = _narrative_objective(narratives, width)
        trained += list(narrative_head.parameters())
    optim = torch.optim.AdamW(trained, lr=LEARNING_RATE, weight_decay=0.01)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    batches = [order[i : i + BATCH_SIZE] for i in range(0, len(order), BATCH_SIZE)]
    total = max(1, epochs * len(batches))
    # Linear warm-up over the first tenth, then linear decay to zero.
    sched = torch.optim.lr_scheduler.LambdaLR(optim, lambda s: min(1.0, (s + 1) / (0.1 * total)) * max(0.0, 1 - s / total))
    was_training = model.training
    if lower is None:
        lower = LowerStates(model, tokenizer, first)
    elif lower.first != first:
        raise ValueError(f"lower states enter block {lower.first}, the adapter starts at block {first}")
    hooks = attach(model, params)
    model.train()
    try:
        for p in model.parameters():
            p.requires_grad_(False)
        for _ in range(epochs):
            for k in rng.permutation(len(batches)):
                idx = batches[k]
                states, attention = lower.batch([texts[i] for i in idx])
                hidden = run_blocks(model, states, attention, model.encoder.layer[first:])[-1]
                mask = attention.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                loss = torch.nn.functional.cross_entropy(head(pooled), torch.tensor([labels[i] for i in idx]), weight=weight)
                if narratives is not None:
                    loss = loss + NARRATIVE_LOSS * narrative_loss(pooled, idx)
                optim.zero_grad()
                loss.backward()
                optim.step()
                sched.step()
    finally:
        for h in hooks:
            h.remove()
        model.train(was_training)
    return {k: v.detach().numpy().astype(np.float32) for k, v in params.items()}


def _narrative_objective(narratives: np.ndarray, width: int):
    """(classifier, loss(pooled, batch indices)): class-balanced multi-label cross-entropy over the texts with narrative gold."""
    import torch

    known = torch.tensor((narratives >= 0).all(axis=1))
    targets = torch.tensor(np.clip(narratives, 0, 1), dtype=torch.float32)
    positives = targets[known].sum(0)
    # Each label's positives weigh as much as its negatives, as in the heads' class balancing.
    pos_weight = ((known.sum() - positives) / positives.clamp(min=1)).clamp(max=MAX_POSITIVE_WEIGHT)
    classifier = torch.nn.Linear(width, narratives.shape[1])

    def loss(pooled, idx: Sequence[int]):
        rows = known[list(idx)]
        if not rows.any():
            return pooled.new_zeros(())
        gold = targets[torch.tensor(idx)[rows]]
        return torch.nn.functional.binary_cross_entropy_with_logits(classifier(pooled[rows]), gold, pos_weight=pos_weight)

    return classifier, loss


class LowerStates:
    """Each text's hidden states entering block ``first``, computed without dropout or gradients.

    The frozen blocks give a text the same states every epoch and in every
    fit, so they are kept per text after their first use, up to
    ``CACHE_BYTES``. ``train`` shares one of these across its three adapter
    fits, which all read the headlines and the bank (three quarters of their
    text). Texts beyond the cache are recomputed, which gives identical
    values, so a larger corpus costs time, not memory.
    """

    def __init__(self, model, tokenizer, first: int = FIRST_BLOCK):
        self.model, self.tokenizer, self.first = model, tokenizer, first
        self.kept: dict[str, object] = {}
        self.size = 0

    def batch(self, texts: Sequence[str]):
        """(states (n, longest, width) zero-padded, attention mask (n, longest)) for ``texts``."""
        import torch

        missing = [t for t in dict.fromkeys(texts) if t not in self.kept]
        fresh = self._compute(missing) if missing else {}
        rows = [self.kept[t] if t in self.kept else fresh[t] for t in texts]
        longest = max(len(r) for r in rows)
        states = rows[0].new_zeros((len(rows), longest, rows[0].shape[1]))
        attention = torch.zeros((len(rows), longest), dtype=torch.long)
        for i, row in enumerate(rows):
            states[i, : len(row)] = row
            attention[i, : len(row)] = 1
        return states, attention

    def _compute(self, texts: Sequence[str]) -> dict:
        import torch

        batch = self.tokenizer(list(texts), padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt")
        was_training = self.model.training
        self.model.eval()
        with torch.no_grad():
            hidden = self.model.embeddings(input_ids=batch["input_ids"], token_type_ids=batch.get("token_type_ids"))
            states = run_blocks(self.model, hidden, batch["attention_mask"], self.model.encoder.layer[: self.first])[-1]
        self.model.train(was_training)
        out = {}
        for text, row, mask in zip(texts, states, batch["attention_mask"]):
            out[text] = row[mask.bool()].clone()  # the text's own tokens, without the batch's padding
            if self.size + out[text].nbytes <= CACHE_BYTES:
                self.kept[text] = out[text]
                self.size += out[text].nbytes
        return out


def attach(model, params: Mapping) -> list:
    """Add each low-rank update to its layer's output through forward hooks (the weights stay untouched).

    ``params`` maps the adapter's keys to torch tensors; returns the hook
    handles (``.remove()`` them to detach). Training runs this way so the
    shared encoder is never modified; ``merge`` gives the same function.
    """
    hooks = []
    for name, linear in modules(model):
        if f"{name}.A" not in params:
            continue
        a, b = params[f"{name}.A"], params[f"{name}.B"]
        scale = ALPHA / a.shape[0]
        hooks.append(linear.register_forward_hook(lambda _m, inputs, output, a=a, b=b, s=scale: output + (inputs[0] @ a.T @ b.T) * s))
    return hooks
