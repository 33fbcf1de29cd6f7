"""Running a slice of the encoder's transformer blocks by hand.

The adapter trains on the top blocks only, and ``train``'s encoders share
the bottom ones, so both feed a saved block state into the blocks above it
instead of running the whole model; this is that step, with the padding
mask built the way the model itself builds it.
"""

from __future__ import annotations


def run_blocks(model, hidden, attention_mask, blocks) -> list:
    """Each of ``blocks``' outputs (transformer layers, in turn) for ``hidden`` under the batch's padding mask."""
    from transformers.masking_utils import create_bidirectional_mask

    mask = create_bidirectional_mask(config=model.config, inputs_embeds=hidden, attention_mask=attention_mask)
    outputs = []
    for block in blocks:
        hidden = block(hidden, mask)
        outputs.append(hidden)
    return outputs
