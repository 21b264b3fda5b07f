"""Lines that are page furniture, not content: menus, chat widgets, link titles, tag lines, index badges.

Nothing inside a boilerplate line is annotated. The first content line (the title) is never
boilerplate.
"""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import word_set

_EXPLICIT = re.compile(
    r"""^\s*(?:
        \d{1,2}\)\s                                   # numbered menu entries "1) ..."
      | [•·▪●◦■►»]                                    # bullets of index badges and menus
      | (?:start\ chat|scan\ the\ code|need\ help|let\ us\ know|welcome\ to|you\ may\ like\ to\ read
        |read\ more|related\ (?:articles|posts|news)|previous\ articles?|next\ articles?|share\ this
        |click\ here|subscribe|all\ rights\ reserved|copyright|©|key\ ?words?\s*:|tags?\s*:
        |sources?\s*:|category\s*:|published\s+\d|received\s*:|doi\s*:)
      | (?:来源|编辑|责任编辑|作者|撰文|排版|审核|关键词|标签|扫码|点击|阅读原文|相关阅读|推荐阅读|版权)\s*[:：]?
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Headers that open a list of links ("You may like to read:", "Related articles", "延伸阅读："): the short
# lines after them are link titles up to the next blank line, even when a title reads like a sentence.
_LINK_LIST_HEADER = re.compile(
    r"^\s*(?:you\ may\ (?:also\ )?like(?:\ to\ read)?|related\ (?:articles|posts|news|stories|reading)|read\ more|"
    r"more\ from\b|recommended(?:\ (?:articles|reading))?|see\ also|further\ reading|"
    r"相关(?:新闻|文章|阅读|链接|报道)|延伸阅读|推荐阅读|热门文章|猜你喜欢)",
    re.IGNORECASE | re.VERBOSE,
)
MAX_LINK_TITLE_CHARS = 150
_JOURNAL_HEADER = re.compile(r"››|»\s*\d{4}|Vol\.\s*\d+.*Issue", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。！？;；:：”\"')）]\s*$")
_LINK_TITLE = re.compile(r"\b(?:therapy|treatment|cost|hospitals?|clinics?)\s+in\s+[A-Z][a-z]+\s*$", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_PUNCT = re.compile(r"[，。、；：:,;！？!?（(“\"]")


def is_furniture(line: str) -> bool:
    """Menus, widgets, badges and journal headers: boilerplate wherever they stand."""
    stripped = line.strip()
    return bool(_EXPLICIT.match(stripped) or _JOURNAL_HEADER.search(stripped))


def opens_link_list(line: str) -> bool:
    return bool(_LINK_LIST_HEADER.match(line.strip()))


def is_boilerplate(line: str, *, is_title: bool = False) -> bool:
    stripped = line.strip()
    if not stripped or is_title:
        return False
    if is_furniture(stripped):
        return True
    if _CJK.search(stripped):
        return _is_cjk_heading(stripped)
    return _is_tag_line(stripped)


def _is_tag_line(line: str) -> bool:
    """Short unpunctuated lines without function words or numbers: tag lines, link titles, headings."""
    words = line.split()
    if len(words) > 10 or _SENTENCE_END.search(line):
        return False
    if _LINK_TITLE.search(line):
        return True
    if any(ch.isdigit() for ch in line) or "," in line:
        return False
    return not any(w.lower().strip(".,'’") in word_set("function_word") for w in words)


def _is_cjk_heading(line: str) -> bool:
    """Short Chinese lines without clause punctuation: section headings and catalogue entries."""
    return len(line) <= 24 and not _CJK_PUNCT.search(line)
