"""Split content lines into sentences with exact offsets, for English and Chinese.

English boundaries survive titles and abbreviations ("Prof.", "Dr.", "e.g.", "vs.", "et al.",
initials, decimals); Chinese sentences end at 。！？；; and both rules apply inside mixed text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from cellkg.extract.lexicon.words import word_set
from cellkg.extract.read.boilerplate import MAX_LINK_TITLE_CHARS, is_boilerplate, is_furniture, opens_link_list

_EN_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ZH_BOUNDARY = re.compile(r"(?<=[。！？；;!?])[”’」』)）]*")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_LIST_NUMBER = re.compile(r"(?:^|\s)\d{1,3}\.$")
_FIELD_LABEL = re.compile(r"^\s*[A-Z][A-Za-z]+(?:\s[A-Za-z]+){0,2}\s?:\s*$")  # "Lead Sponsor:", "Collaborator:"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    line: int  # index of the content line (paragraph) it belongs to


def content_lines(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_boilerplate) for every non-empty line; the first content line is the title."""
    lines, offset, seen_title, in_link_list, after_label = [], 0, False, False, False
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        if not body.strip() or len(body.strip()) > MAX_LINK_TITLE_CHARS:
            in_link_list = False  # a blank line or a paragraph ends a link list
        if body.strip():
            # the value of a field ("Collaborator:" then "Quillmont General Hospital") is content, not a tag line
            title = (not seen_title or after_label) and not is_furniture(body)
            boilerplate = in_link_list or is_boilerplate(body, is_title=title)
            in_link_list = in_link_list or (seen_title and opens_link_list(body))
            lines.append((offset, offset + len(body), boilerplate or in_link_list))
            seen_title = seen_title or not boilerplate
            after_label = _FIELD_LABEL.match(body) is not None and not boilerplate and not in_link_list
        offset += len(raw)
    return lines


def _split_points(line: str) -> list[int]:
    points = [m.end() for m in _ZH_BOUNDARY.finditer(line)]
    for match in _EN_BOUNDARY.finditer(line):
        head = line[: match.start()]
        last = _LAST_WORD.search(head)
        if _LIST_NUMBER.search(head):
            continue
        if last and (last.group(1).lower() in word_set("abbreviation") or len(last.group(1)) == 1):
            continue
        points.append(match.end())
    return sorted(set(p for p in points if 0 < p < len(line)))


def split_sentences(text: str) -> list[Sentence]:
    sentences = []
    for index, (start, end, boilerplate) in enumerate(content_lines(text)):
        if boilerplate:
            continue
        line = text[start:end]
        bounds = [0, *_split_points(line), len(line)]
        for left, right in pairwise(bounds):
            chunk = line[left:right]
            lead = len(chunk) - len(chunk.lstrip())
            body = chunk.strip()
            if body:
                s = start + left + lead
                sentences.append(Sentence(s, s + len(body), body, index))
    return sentences
