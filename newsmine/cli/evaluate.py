"""``newsmine eval``: quality measurements, one subcommand per stage."""

from __future__ import annotations

import rich_click as click

from newsmine.cli import LazyGroup

# Each stage owns its evaluation command in its own module.
EVAL_COMMANDS = {
    "extraction": "eval_extraction:extraction",
    "facts": "eval_facts:facts",
    "classify": "eval_classify:classify",
}


@click.group(cls=LazyGroup, commands=EVAL_COMMANDS)
def eval_group() -> None:
    """Measure extraction, facts and classification quality (precision, recall, F1)."""
