"""``cellkg train``: refit the relation scorer from the gold sets; ``--loso`` prints the leave-one-set-out table."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.table import Table

from cellkg.cli.console import console, out


def _table(rows) -> Table:
    table = Table("set", "docs", "entity F1", "relation F1", "relation P", "relation R", "ceiling")
    for r in rows:
        figures = (r.entity_f1, r.relation_f1, r.relation_p, r.relation_r, r.ceiling)
        table.add_row(r.name, str(r.documents), *(f"{x:.3f}" for x in figures))
    return table


def cmd_train(args: argparse.Namespace) -> int:
    from cellkg.core.errors import InputError
    from cellkg.train import build, loso

    if not args.data.is_dir():
        raise InputError(
            f"no gold sets at {args.data}", reason="missing", hint="run from the repository or pass --data"
        )
    console.print(f"reading the gold sets in {args.data}")
    sets, data = build.collect(args.data)
    model = build.train(sets, data)
    target = args.out or build.shipped_path()
    text = model.to_json()
    if args.check:
        same = target.read_text(encoding="utf-8") == text
        console.print(f"{target} {'is' if same else 'is NOT'} what training gives now")
        return 0 if same else 1
    target.write_text(text, encoding="utf-8")
    meta = model.meta
    console.print(
        f"wrote {target}: {len(model.weights)} weights, threshold {model.threshold}, "
        f"{meta['examples']} pairs ({meta['positives']} positive) from {sum(meta['sets'].values())} documents"
    )
    if args.loso:
        rows = loso.leave_one_set_out(sets, data)
        rows.append(loso.mean_row(rows))
        if args.seeds:
            corpus = sorted(p for p in (args.seeds / "corpus").iterdir() if p.is_file())
            scores = loso.score_documents(corpus, args.seeds / "eval" / "seeds", model)
            rows.append(loso.Row.of("seeds", scores))
        out.print(_table(rows))
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="refit the relation scorer from the gold sets (needs the [train] extra)")
    p.add_argument("--data", type=Path, default=Path("tests/data"), metavar="DIR", help="folder of gold sets")
    p.add_argument("--out", type=Path, metavar="FILE", help="model file (default: the one the extractor ships)")
    p.add_argument("--check", action="store_true", help="only say whether the model file is what training gives")
    p.add_argument("--loso", action="store_true", help="also print the leave-one-set-out table")
    p.add_argument("--seeds", type=Path, metavar="SHARED", help="with --loso: also score SHARED/corpus on eval/seeds")
    p.set_defaults(func=cmd_train)
