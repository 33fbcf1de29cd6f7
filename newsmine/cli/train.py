"""``newsmine train``: rebuild the classifier heads in models/ from corpora/."""

from __future__ import annotations

import rich_click as click


@click.command()
@click.option("--seed", default=13, show_default=True, help="Seed recorded with the heads.")
@click.option("--out", type=click.Path(file_okay=False), default=None, help="Output folder (default: models/).")
@click.option("--corpus", type=click.Path(file_okay=False, exists=True), default=None, help="Corpus root (default: corpora/).")
@click.option("--encoder", type=click.Path(file_okay=False, exists=True), default=None, help="Local encoder folder.")
@click.option(
    "--cryptolin",
    type=click.Path(exists=True),
    default=None,
    help="Also measure headline sentiment on CryptoLin for the model card (evaluation only).",
)
def train(seed: int, out: str | None, corpus: str | None, encoder: str | None, cryptolin: str | None) -> None:
    """Fit the heads on the train split, calibrate on dev, measure dev/test, write the model card."""
    from pathlib import Path

    from rich.console import Console

    from newsmine.classify.card import write_card
    from newsmine.classify.evaluate import evaluate_cryptolin, evaluate_split
    from newsmine.classify.heads import models_dir
    from newsmine.classify.train import train as fit
    from newsmine.corpus import load
    from newsmine.errors import NewsmineError

    console = Console(stderr=True)
    root = Path(corpus) if corpus else None
    folder = Path(out) if out else models_dir()
    try:
        heads = fit(root, folder, seed=seed, encoder=encoder)
        metrics = {split: evaluate_split(root, split, heads, encoder) for split in ("dev", "test") if load(root, split)}
        if cryptolin:
            metrics["cryptolin"] = evaluate_cryptolin(Path(cryptolin), heads, encoder)
    except NewsmineError as exc:
        raise click.ClickException(str(exc)) from None
    card = write_card(folder, heads, metrics)
    for split, m in metrics.items():
        if split == "cryptolin":
            console.print(f"cryptolin: headline sentiment macro-F1 {m['macro_f1']:.3f}")
        else:
            console.print(
                f"{split}: narratives micro-F1 {m['narratives']['micro']['f1']:.3f}, "
                f"sentiment accuracy {m['sentiment']['accuracy']:.3f}"
                + (f", headline sentiment macro-F1 {m['headlines']['macro_f1']:.3f}" if "headlines" in m else "")
            )
    console.print(f"wrote heads and model card to {card.parent}")
