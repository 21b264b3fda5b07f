"""Therapies beyond the lexicon: ``find_therapies`` runs the finders of therapies named by their target
(``therapy_targets``) and by their cells (``therapy_cells``), then the product names found here: Chinese
generic names of CAR-T products (阿基仑赛) and product codes next to therapy words (AB-101, XYZ123).
"""

from __future__ import annotations

import re

from cellkg.extract.lexicon.words import cue, has_cue, word_set
from cellkg.extract.mentions.candidate import Candidate
from cellkg.extract.mentions.therapy_cells import find_cell_therapies
from cellkg.extract.mentions.therapy_names import therapy_candidate
from cellkg.extract.mentions.therapy_targets import find_targeted_therapies, target_aliases

# Chinese generic names of CAR-T products end in 基(奥)仑赛 (阿基仑赛, 瑞基奥仑赛, 泽沃基奥仑赛); the prefix stops at
# one character before 基 (two only after a non-Chinese boundary: no word breaks to find the start otherwise), so
# that "创新药泽基仑赛注射液" yields 泽基仑赛注射液, one entity with or without 注射液
_ZH_INN = re.compile(r"(?:(?<![\u4e00-\u9fff])[\u4e00-\u9fff])?[\u4e00-\u9fff]基奥?仑赛(?:注射液)?")
# "AB-101", "CT-0508", "iNK-M15": an optional lower-case platform prefix and letters after the dash;
# "Descartes-08": a capitalised word and two or three digits
_CODE = re.compile(
    r"(?<![A-Za-z0-9-])([a-z]?[A-Z]{2,5}(?:-?\d{2,6}|-[A-Z]{1,2}\d{1,6})[A-Z]?|[A-Z][a-z]{3,12}-\d{2,3})(?![A-Za-z0-9-]|\.\d)"
)
_OWNED = re.compile(r"(?:(?<![A-Za-z])(?:its|their|our)\s+|公司的|旗下)$", re.I)
_NOT_CODE = tuple(sorted(word_set("not_product_code")))  # registry ids, markers, endpoints: prefixes of no product


def find_therapies(text: str, start: int, end: int) -> list[Candidate]:
    return (
        find_targeted_therapies(text, start, end)
        + find_cell_therapies(text, start, end)
        + _find_product_names(text, start, end)
    )


def _find_product_names(text: str, start: int, end: int) -> list[Candidate]:
    segment, found = text[start:end], []
    for match in _ZH_INN.finditer(segment):
        name = match.group().removesuffix("注射液")
        found.append(therapy_candidate(text, start + match.start(), start + match.end(), "zh.ther.inn", key_name=name))
    cued = has_cue("therapy_cue", segment) or cue("product_cue", "any").search(segment)
    for match in _CODE.finditer(segment):
        code = match.group(1)
        owned = _OWNED.search(segment, 0, match.start(1))  # "Velora said its VX-512 …": a company's own product
        if (cued or owned) and not code.startswith(_NOT_CODE) and code not in target_aliases():
            found.append(therapy_candidate(text, start + match.start(1), start + match.end(1), "any.ther.code"))
    return found
