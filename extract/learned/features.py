"""What the scorer sees of a candidate pair: cheap, sparse, binary features, named so that a person can
read a model file.

Per context (one pair of mentions where they meet): how far apart they are, what lies between (other
mentions, punctuation, a possessive, trigger words of triggers.tsv), the cues of the sentence (negation,
hedge, contrast), the section (headline, author block, body), the entity flags and the language, and
whether each end is the only one of its type there. Per entity pair: which rules found the relation and
whether the ends have other relations of the type. Every feature is written twice, alone and joined to
the relation type (``DEVELOPS|poss``), so that the model shares what holds across types.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import takewhile

from cellkg.extract.learned.pairs import Context
from cellkg.extract.lexicon.words import cue
from cellkg.extract.mentions.candidate import Candidate, Flag
from cellkg.extract.relations.context import DocContext

# trigger ids of triggers.tsv the features look for (each in the document's language, and English in Chinese text)
CUES = (
    "develop",
    "attribution",
    "treat",
    "target",
    "trial_site",
    "collaborate",
    "role",
    "team",
    "principal_investigator",
    "outcome",
    "therapy_cue",
    "pipeline",
)
SENTENCE_CUES = ("negation", "hedge", "contrast")
FLAGS = tuple(sorted(Flag))
GAPS = ((2, "g0"), (10, "g1"), (30, "g2"), (80, "g3"))  # gap length in characters -> bucket, "g4" beyond
_POSSESSIVE = re.compile(r"^\s*(?:'s|’s|的)")
_OPEN = re.compile(r"[(（]\s*$")
_PUNCT = {"comma": ",，、", "semi": ";；", "colon": ":：", "paren": "()（）", "dash": "–—"}
_FOOTNOTE = re.compile(r"[ ,]{0,3}(\d{1,2}(?:\s*,\s*\d{1,2})*)(?!\d)")  # "Mara Linden1,2", "Mara Linden, 1,2"
_NOTE_NUMBER = re.compile(r"(?:^|(?<=[\s.;,]))(\d{1,2})\s*[.)]?\s*(?=\D)")  # "2 Quillmont University": line 2
_NOTE_SPLIT = re.compile(r"\s*,\s*")
_AND = re.compile(r"(?<![A-Za-z])(?:and|or|as\s+well\s+as)(?![A-Za-z])|[和与及、]", re.I)


@cache
def _patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    found = []
    for id_ in CUES + SENTENCE_CUES:
        for each in (lang, "en") if lang == "zh" else (lang,):
            try:
                found.append((id_, cue(id_, each)))
            except KeyError:  # no words of that id in that language
                continue
    return tuple(found)


class SentenceCues:
    """Where each trigger matches in each sentence, found once per sentence."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self._spans: dict[int, list[tuple[str, int, int]]] = {}

    def spans(self, index: int) -> list[tuple[str, int, int]]:
        if index not in self._spans:
            sentence = self.ctx.sentences[index]
            self._spans[index] = [
                (id_, sentence.start + m.start(), sentence.start + m.end())
                for id_, pattern in _patterns(self.ctx.lang)
                for m in pattern.finditer(sentence.text)
            ]
        return self._spans[index]


def _gap_bucket(length: int) -> str:
    return next((name for limit, name in GAPS if length <= limit), "g4")


def context_features(ctx: DocContext, c: Context, cues: SentenceCues, headline: int, authors: set[int]) -> set[str]:
    s, t = c.source, c.target
    left, right = (s, t) if s.start <= t.start else (t, s)
    sentence = ctx.sentences[c.index]
    out = {f"reach:{c.reach}", f"lang:{ctx.lang}", "order:st" if left is s else "order:ts"}
    out.add("section:headline" if sentence.line == headline else "section:author" if sentence.line in authors else "")
    if s.overlaps(t):
        out.add("nested")
    elif c.reach == "same":
        gap = ctx.text[left.end : right.start]
        out.add(_gap_bucket(len(gap)))
        out.update(f"gap:{name}" for name, chars in _PUNCT.items() if any(ch in gap for ch in chars))
        between = [m for m in ctx.by_sentence[c.index] if left.end <= m.start and m.end <= right.start]
        if _POSSESSIVE.match(gap) and not between:
            out.add("poss" if left is s else "poss_rev")
        if _OPEN.search(gap):
            out.add("paren_open")
        if _AND.search(gap):
            out.add("gap:and")
        out.add(f"between:{min(len(between), 2)}")
        if any(m.type in (s.type, t.type) for m in between):
            out.add("between:same_type")
        for id_, start, end in cues.spans(c.index):
            where = "in" if left.end <= start and end <= right.start else "out"
            out.add(f"{where}:{id_}")
    else:
        out.update(f"cue:{id_}" for id_, _, _ in cues.spans(c.index))
    if c.reach == "block":
        out.update(_block(ctx, c))
    elif _nearest(ctx.by_sentence[c.index], s, t):
        out.add("nearest")
    for side, mention in (("src", s), ("tgt", t)):
        keys = {m.entity_key for m in ctx.by_sentence[c.index] if m.type == mention.type}
        if len(keys) == 1:
            out.add(f"{side}:only")
        out.update(f"{side}:{flag}" for flag in ctx.flags(mention))
        if mention.entity_key == ctx.focus_therapy:
            out.add(f"{side}:focus")
    out.discard("")
    return out


def _nearest(mentions: list[Candidate], s: Candidate, t: Candidate) -> bool:
    """No other mention of the target's type lies closer to the source than the target does."""
    distance = abs(t.start - s.start)
    return not any(
        m.type == t.type and m.entity_key != t.entity_key and abs(m.start - s.start) < distance for m in mentions
    )


def _block(ctx: DocContext, c: Context) -> set[str]:
    """An author line and an institution on a later line: how far, how crowded that line, numbered authors."""
    sentences = ctx.sentences
    target_line, source_line = sentences[c.index].line, sentences[c.other].line
    line = takewhile(lambda i: sentences[i].line == target_line, range(c.index, len(sentences)))
    on_line = [m for i in line for m in ctx.of_type(i, "Institution")]
    marks = _FOOTNOTE.match(ctx.text, c.source.end)
    sentence = sentences[c.index]
    numbers = _NOTE_NUMBER.findall(ctx.text, sentence.start, c.target.start)
    if marks and numbers:
        note = "block:note_match" if numbers[-1] in _NOTE_SPLIT.split(marks.group(1)) else "block:note_other"
    else:
        note = "block:numbered" if marks else "block:plain"
    return {
        "block:next_line" if target_line - source_line == 1 else "block:later_line",
        f"block:orgs:{min(len({m.entity_key for m in on_line}), 3)}",
        "block:first_org" if on_line and on_line[0].entity_key == c.target.entity_key else "block:other_org",
        note,
    }


def typed(rel_type: str, names: Iterable[str]) -> set[str]:
    """Each feature alone and joined to the relation type; the type's own bias."""
    names = set(names)
    return names | {f"{rel_type}|{n}" for n in names} | {f"{rel_type}|bias"}
