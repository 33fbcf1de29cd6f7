"""The ``newsmine`` command line: a thin layer over the Python API.

Subcommands live in their own modules and are imported only when invoked, so
``newsmine --help`` never loads spaCy or torch.
"""

from __future__ import annotations

import importlib
import importlib.util
import os

import rich_click as click

from newsmine import __version__

# command name -> "module:attribute" (relative to newsmine.cli)
COMMANDS = {
    "ingest": "ingest:ingest",
    "analyze": "analyze:analyze",
    "demo": "demo:demo",
    "corpus": "corpus:corpus",
    "eval": "evaluate:eval_group",
    "train": "train:train",
    "query": "query:query",
    "search": "query:search",
    "show": "query:show",
    "summary": "query:summary",
    "sql": "query:sql",
}



class LazyGroup(click.RichGroup):
    """A click group whose subcommand modules are imported on first use.

    Command modules import only click at module level and load heavy stages
    inside the command body, so listing the commands stays instant.
    """

    def __init__(self, *args, commands: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_commands = COMMANDS if commands is None else commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in self.lazy_commands if self._module_exists(name)]

    def _module_exists(self, name: str) -> bool:
        module = self.lazy_commands[name].split(":")[0]
        return importlib.util.find_spec(f"newsmine.cli.{module}") is not None

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.lazy_commands or not self._module_exists(name):
            return None
        module, attr = self.lazy_commands[name].split(":")
        return getattr(importlib.import_module(f"newsmine.cli.{module}"), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=lambda: os.environ.get("NEWSMINE_DB", "newsmine.db"),
    show_default="newsmine.db, or $NEWSMINE_DB",
    help="SQLite database file.",
)
@click.version_option(__version__, prog_name="newsmine")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """newsmine turns crypto-market news into facts you can query."""
    ctx.obj = {"db": db}


def main() -> None:
    """Console-script entry point (``newsmine``)."""
    cli(prog_name="newsmine")
