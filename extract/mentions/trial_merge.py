"""One entity per trial: registry ids, acronyms, phase descriptions and anaphors that name the same study.

Within a sentence an acronym next to its registry id ("ORCHID-2 study (NCT01234567)") is one trial and a
phase description joins the identified trial beside it. A description elsewhere joins the identified
trial with the same phase; "the trial"/"这项研究" join the trial named last; a generic "clinical trial"
right after a therapy joins the document's only identified trial, and so does any description when the
document identifies exactly one trial. Other generic mentions are dropped.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from cellkg.extract.mentions.candidate import Candidate, Flag
from cellkg.extract.mentions.trial_context import (
    adjacent_ids,
    is_anaphoric,
    is_anchored,
    is_planned,
    phase_before,
    phase_label,
)
from cellkg.extract.read.sentences import Sentence


def merge_trials(text: str, sentences: list[Sentence], mentions: list[Candidate]) -> list[Candidate]:
    trials = [m for m in mentions if m.type == "Trial"]
    if not trials:
        return mentions
    keys = {id(m): m.entity_key for m in trials}
    by_sentence = [[m for m in trials if s.start <= m.start < s.end] for s in sentences]
    for group in by_sentence:
        _merge_sentence(text, group, keys)
    identified = [m for m in trials if Flag.IDENTIFIED in m.flags]
    phases = _phases_of_identified(text, trials, identified, keys)
    only = {keys[id(i)] for i in identified}
    # a news item about one registered trial: an unmatched phase description is that trial, unless that trial's
    # own phase is known (a "phase 2 study" after "the phase 1 trial" is the next study)
    fold_unmatched = len(only) == 1 and not any(phases.values())
    if len(only) == 1:
        phases.setdefault("", set()).update(only)
    therapies = [m for m in mentions if m.type == "Therapy" and Flag.MODALITY not in m.flags]
    renamed: dict[str, str] = {}
    last: Candidate | None = None
    dropped: set[int] = set()  # generic mentions that name no trial of their own
    for group in by_sentence:
        for m in group:
            key: str | None = keys[id(m)]
            own = Flag.IDENTIFIED in m.flags or keys[id(m)] != m.entity_key
            if not own and Flag.GENERIC not in m.flags:
                label = phase_label(m.text)
                label = label if label in phases or not fold_unmatched else ""
                if is_planned(text, m) and not is_anaphoric(text, m.start):
                    pass  # "warrants a phase II study", "将开展I/II期临床试验": a later study of its own
                elif label in phases and len(phases[label]) == 1:
                    key = next(iter(phases[label]))
                elif last and is_anaphoric(text, m.start):
                    key = keys[id(last)]
            elif Flag.GENERIC in m.flags and not own:
                if last and is_anaphoric(text, m.start):
                    key = keys[id(last)]
                elif len({keys[id(i)] for i in identified}) == 1 and is_anchored(text, m, therapies):
                    key = keys[id(identified[0])]
                else:
                    key = None
            if key is None:
                dropped.add(id(m))
                continue
            keys[id(m)] = key
            if Flag.GENERIC not in m.flags:
                renamed.setdefault(m.entity_key, key)
            last = m
    result = []
    for m in mentions:
        if m.type != "Trial":
            result.append(m)
        elif id(m) not in dropped:
            result.append(
                replace(m, key=renamed.get(keys[id(m)], keys[id(m)]) if keys[id(m)] == m.entity_key else keys[id(m)])
            )
    return result


def _merge_sentence(text: str, group: list[Candidate], keys: dict[int, str]) -> None:
    """Adjacent ids become one trial; descriptions and generic mentions join the nearest id of the sentence."""
    ids = [m for m in group if Flag.IDENTIFIED in m.flags]
    for left, right in pairwise(ids):
        if adjacent_ids(text, left, right):
            # the registry number keys the trial, so a registry record of it meets the same node
            keys[id(left)] = keys[id(right)] = keys[id(right if _registered(right) and not _registered(left) else left)]
    if not ids:
        return
    for m in group:
        if Flag.IDENTIFIED not in m.flags:
            keys[id(m)] = keys[id(min(ids, key=lambda i: abs(i.start - m.start)))]


def _registered(mention: Candidate) -> bool:
    return mention.rule == "any.trial.registry"


def _phases_of_identified(
    text: str, trials: list[Candidate], identified: list[Candidate], keys: dict[int, str]
) -> dict[str, set[str]]:
    """Phase label → keys of identified trials described with that phase."""
    id_keys = {keys[id(i)] for i in identified}
    phases: dict[str, set[str]] = {}
    for m in identified:
        if phase_before(text, m):
            phases.setdefault(phase_before(text, m), set()).add(keys[id(m)])
    for m in trials:
        label = phase_label(m.text)
        if label and keys[id(m)] in id_keys and Flag.IDENTIFIED not in m.flags:
            phases.setdefault(label, set()).add(keys[id(m)])
    return phases
