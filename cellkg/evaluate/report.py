"""Scores as text: one row per type, the relation ceiling, and the shared scorer's summary line."""

from __future__ import annotations

from cellkg.evaluate.score import Scores, Tally


def _row(name: str, tally: Tally) -> str:
    figures = tally.as_dict()  # rounded first, as the shared scorer prints them
    return (
        f"  {name:<18} P={figures['precision']:.3f} R={figures['recall']:.3f} F1={figures['f1']:.3f}"
        f"  (tp={tally.tp} fp={tally.fp} fn={tally.fn})"
    )


def summary_line(scores: Scores) -> str:
    """``documents=N entity_f1=... (P=... R=...) relation_f1=... (P=... R=...)``, as the shared scorer ends."""
    e, r = scores.entity.overall.as_dict(), scores.relation.overall.as_dict()
    return (
        f"documents={len(scores.per_document)} entity_f1={e['f1']:.3f} (P={e['precision']:.3f} R={e['recall']:.3f}) "
        f"relation_f1={r['f1']:.3f} (P={r['precision']:.3f} R={r['recall']:.3f})"
    )


def report_lines(scores: Scores) -> list[str]:
    lines = []
    for kind, tallies in (("entities", scores.entity), ("relations", scores.relation)):
        lines.append(f"{kind} by type:")
        lines.extend(_row(name, tally) for name, tally in sorted(tallies.by_type.items()))
    ceiling = scores.ceiling
    lines.append(
        f"relation ceiling={ceiling.as_dict()['share']:.3f}: {ceiling.reachable} of {ceiling.gold} gold relations "
        "have both ends among the predicted entities"
    )
    lines.append(summary_line(scores))
    return lines
