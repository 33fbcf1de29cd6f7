"""``newsmine eval classify``: narrative and sentiment quality on a corpus split or CryptoLin."""

from __future__ import annotations

import rich_click as click


@click.command()
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default="test", show_default=True)
@click.option("--cryptolin", type=click.Path(exists=True), default=None, help="CryptoLin CSV or folder: headline sentiment only.")
@click.option("--corpus", type=click.Path(file_okay=False, exists=True), default=None, help="Corpus root (default: corpora/).")
@click.option("--models", type=click.Path(file_okay=False, exists=True), default=None, help="Heads folder (default: models/).")
@click.option("--encoder", type=click.Path(file_okay=False, exists=True), default=None, help="Local encoder folder.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
def classify(split: str, cryptolin: str | None, corpus: str | None, models: str | None, encoder: str | None, as_json: bool) -> None:
    """Narratives micro-F1 and per-label P/R/F1, sentence narrative F1, sentiment accuracy and macro-F1."""
    import json
    from pathlib import Path

    from rich.console import Console
    from rich.table import Table

    from newsmine.classify.evaluate import evaluate_cryptolin, evaluate_split
    from newsmine.classify.heads import load_heads
    from newsmine.errors import NewsmineError

    try:
        heads = load_heads(Path(models)) if models else load_heads()
        if cryptolin:
            result = {"cryptolin": evaluate_cryptolin(Path(cryptolin), heads, encoder)}
        else:
            result = {split: evaluate_split(Path(corpus) if corpus else None, split, heads, encoder)}
    except NewsmineError as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result, sort_keys=True, allow_nan=False))
        return
    console = Console()
    if cryptolin:
        m = result["cryptolin"]
        console.print(f"CryptoLin headline sentiment ({m['n']} headlines): accuracy {m['accuracy']:.3f}, macro-F1 {m['macro_f1']:.3f}")
        return
    m = result[split]
    table = Table(title=f"narratives, article level ({split}: {m['articles']} articles)")
    for col in ("label", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="left" if col == "label" else "right")
    rows = list(m["narratives"]["per_label"].items()) + [("micro", m["narratives"]["micro"])]
    for label, r in rows:
        table.add_row(label, f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}", str(r["support"]))
    console.print(table)
    console.print(f"sentence-level narratives micro-F1: {m['sentence_narratives']['f1']:.3f} ({m['sentences']} sentences)")
    console.print(f"article sentiment: accuracy {m['sentiment']['accuracy']:.3f}, macro-F1 {m['sentiment']['macro_f1']:.3f}")
    s = m["sentence_sentiment"]
    console.print(f"sentence sentiment: accuracy {s['accuracy']:.3f}, macro-F1 {s['macro_f1']:.3f}")
    if "headlines" in m:
        h = m["headlines"]
        console.print(f"{split} headlines sentiment: accuracy {h['accuracy']:.3f}, macro-F1 {h['macro_f1']:.3f} ({h['n']} headlines)")
    st = m["stances"]
    if st["n"]:
        console.print(f"asset stance: accuracy {st['accuracy']:.3f}, macro-F1 {st['macro_f1']:.3f} ({st['n']} article-asset pairs)")
