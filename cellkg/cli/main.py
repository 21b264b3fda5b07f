"""The ``cellkg`` command line, the top floor: one module per group of commands, errors shown here."""

from __future__ import annotations

import argparse
import sys

from cellkg import __version__
from cellkg.cli import documents, exchange, fetch, reading, servers, training
from cellkg.cli.console import console
from cellkg.core.errors import CellKGError

COMMAND_GROUPS = (servers, documents, fetch, reading, exchange, training)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cellkg", description="A knowledge graph of cell-therapy research, with provenance."
    )
    parser.add_argument("--version", action="version", version=f"cellkg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except CellKGError as exc:
        console.print(f"[bold red]error[/] [{exc.code}] {exc.message}", highlight=False)
        if exc.hint:
            console.print(f"  hint: {exc.hint}", highlight=False)
        return exc.exit_code
    except KeyboardInterrupt:
        console.print("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
