"""ChiCTR registration pages saved as HTML → ExtractionResult (fields mapped: docs/sources.md).

A page is a table of bilingual labels ("注册号：" / "Registration number：") and values, each value in Chinese
and English (``p.cn``, ``p.en``) or once; interventions and sites are nested tables. The stored text is one
line per value, labelled, and every fact points at its value there.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from cellkg.core.errors import InputError
from cellkg.core.model import DocumentRecord, Entity, ExtractionResult, short_hash
from cellkg.core.xrefs import make_curie, parse_curie
from cellkg.extract.read.reader import detect_language
from cellkg.extract.sources.builder import RecordBuilder, xref
from cellkg.extract.sources.fields import found
from cellkg.extract.sources.names import is_modality, is_person, lexicon_entry, researcher, resolve
from cellkg.extract.sources.record_text import FieldSpan, TextWriter

SOURCE = "chictr"
REGISTRATION = re.compile(r"ChiCTR-?[A-Z]{0,4}-?\d{6,10}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# field → (Chinese label, English label), as the registry labels its rows
LABELS = {
    "registration_number": ("注册号", "Registration number"),
    "last_refreshed": ("最近更新日期", "Date of Last Refreshed on"),
    "registered": ("注册时间", "Date of Registration"),
    "public_title": ("注册题目", "Public title"),
    "scientific_title": ("研究课题的正式科学名称", "Scientific title"),
    "study_leader": ("研究负责人", "Study leader"),
    "leader_affiliation": ("研究负责人所在单位", "Affiliation of the Leader"),
    "primary_sponsor": ("试验主办单位", "Primary sponsor"),
    "target_disease": ("研究疾病", "Target disease"),
    "study_phase": ("研究所处阶段", "Study phase"),
    "recruiting_status": ("征募研究对象情况", "Recruiting status"),
    "execute_time": ("研究实施时间", "Study execute time"),
    "interventions": ("干预措施", "Interventions"),
    "sites": ("研究实施地点", "Countries of recruitment and research settings"),
}
_BY_LABEL = {label.casefold(): name for name, pair in LABELS.items() for label in pair}


def process_chictr_html(text: str, *, stem: str, where: str) -> list[ExtractionResult]:
    rows = _rows(BeautifulSoup(text, "lxml"))
    writer = TextWriter()
    spans: dict[str, list[FieldSpan]] = {}
    for name, values in rows:
        for path, value in values:
            cn, en = LABELS[name]
            span = writer.field(path, value, label=f"{cn} {en}: ")
            if span is not None:
                spans.setdefault(path.split("[")[0].split(".")[0], []).append(span)
    numbers = [s for s in spans.get("registration_number", []) if REGISTRATION.fullmatch(s.value)]
    if not numbers:
        raise InputError(
            f"{where}: no ChiCTR registration number (注册号 / Registration number)", reason="bad_record", path=where
        )
    return [_result(writer.text, spans, numbers[0], stem)]


def _rows(soup: BeautifulSoup) -> list[tuple[str, list[tuple[str, str]]]]:
    """(field, [(path, value)]) for every labelled row of the page's top-level table."""
    rows: list[tuple[str, list[tuple[str, str]]]] = []
    for row in soup.find_all("tr"):
        cells = row.find_all(["td", "th"], recursive=False)
        if len(cells) < 2 or row.find_parent("table", class_=["interventions", "sites"]) is not None:
            continue
        name = _field_of(cells[0])
        if name is None or any(n == name for n, _ in rows):
            continue
        nested = cells[1].find("table")
        if nested is not None:
            rows.append((name, _nested_values(name, nested)))
        else:
            rows.append((name, _values(name, cells[1])))
    return rows


def _field_of(cell: Tag) -> str | None:
    for label in [p.get_text(" ", strip=True) for p in cell.find_all("p")] or [cell.get_text(" ", strip=True)]:
        name = _BY_LABEL.get(label.rstrip("：: ").casefold())
        if name:
            return name
    return None


def _values(path: str, cell: Tag) -> list[tuple[str, str]]:
    """A value cell: its Chinese and English paragraphs, or its text once."""
    parts = cell.find_all("p", recursive=False)
    if parts:
        return [
            (f"{path}.{'en' if 'en' in (p.get('class') or []) else 'cn'}", p.get_text(" ", strip=True)) for p in parts
        ]
    return [(path, cell.get_text(" ", strip=True))]


def _nested_values(name: str, table: Tag) -> list[tuple[str, str]]:
    """Rows of an interventions or sites table: (group, intervention) or (country, institution)."""
    columns = ("group", "intervention") if name == "interventions" else ("country", "institution")
    values = []
    for index, row in enumerate(r for r in table.find_all("tr") if r.find("td")):
        for column, cell in zip(columns, row.find_all("td"), strict=False):
            values.extend(_values(f"{name}[{index}].{column}", cell))
    return values


def _result(text: str, spans: dict[str, list[FieldSpan]], number: FieldSpan, stem: str) -> ExtractionResult:
    def first(name: str) -> str:
        return spans[name][0].value if spans.get(name) else ""

    curie = make_curie("chictr", number.value)
    document = DocumentRecord(
        doc_id=short_hash(text),
        name=stem,
        source=parse_curie(curie).url,
        title=first("public_title") or number.value,
        lang=detect_language(text),
        text=text,
        media_type="text/html",
        xrefs=(curie,),
        published_at=first("registered"),
        version=first("last_refreshed"),
    )
    builder = RecordBuilder(document, SOURCE)
    trial = _trial(builder, spans, number)
    therapies = _therapies(builder, spans, trial)
    for span in spans.get("target_disease", []):
        key = builder.entity(resolve("Disease", span.value))
        builder.mention(key, span)
        builder.relate("STUDIES", trial, key, span)
        for therapy in therapies:
            builder.relate("TREATS", therapy, key, span)
    for span in spans.get("primary_sponsor", []):
        key = builder.entity(resolve("Institution", span.value))
        builder.mention(key, span)
        builder.relate("CONDUCTED_AT", trial, key, span)
        for therapy in therapies:
            builder.relate("DEVELOPS", key, therapy, span)
    for span in (s for s in spans.get("sites", []) if ".institution" in s.path):
        key = builder.entity(resolve("Institution", span.value))
        builder.mention(key, span)
        builder.relate("CONDUCTED_AT", trial, key, span)
    _leader(builder, spans)
    return builder.build()


def _trial(builder: RecordBuilder, spans: dict[str, list[FieldSpan]], number: FieldSpan) -> str:
    execute = " ".join(s.value for s in spans.get("execute_time", []))
    dates = _DATE.findall(execute)
    status = [s.value for s in spans.get("recruiting_status", [])]
    countries = sorted({s.value for s in spans.get("sites", []) if s.path.endswith("country.en")})
    attributes = {
        "phases": tuple(s.value for s in spans.get("study_phase", [])),
        "status": status[-1] if status else "",  # the English value when given
        "start_date": dates[0] if dates else "",
        "completion_date": dates[1] if len(dates) > 1 else "",
        "countries": tuple(countries),
    }
    titles = spans.get("public_title", []) + spans.get("scientific_title", [])
    key = builder.entity(
        Entity(
            "Trial",
            number.value,
            aliases=(number.value, *(s.value for s in titles)),
            key=f"Trial:{number.value.lower()}",
        ),
        attributes=tuple((k, v) for k, v in attributes.items() if v),
        xrefs=xref("chictr", number.value),
    )
    for span in [number, *titles]:
        builder.mention(key, span)
    return key


def _therapies(builder: RecordBuilder, spans: dict[str, list[FieldSpan]], trial: str) -> list[str]:
    """Cell therapies named in the interventions (a lexicon product, else what the text extractor reads)."""
    keys = []
    for span in (s for s in spans.get("interventions", []) if ".intervention" in s.path):
        readings = found(span.value, "Therapy")
        entry = lexicon_entry("Therapy", span.value)
        specific = [(e, s, t) for e, s, t in readings if not is_modality(e.key)] or readings
        if entry is not None:
            therapy, start, end = (
                Entity("Therapy", entry.name, aliases=entry.aliases, key=entry.key),
                0,
                len(span.value),
            )
        elif specific:
            therapy, start, end = specific[0]
        else:
            continue
        key = builder.entity(therapy, aliases=(span.value[start:end],))
        builder.mention(key, span, start, end)
        builder.relate("TESTED_IN", key, trial, span)
        for target, t_start, t_end in found(span.value, "Target"):
            target_key = builder.entity(target)
            builder.mention(target_key, span, t_start, t_end)
            builder.relate("TARGETS", key, target_key, span)
        keys.append(key)
    return list(dict.fromkeys(keys))


def _leader(builder: RecordBuilder, spans: dict[str, list[FieldSpan]]) -> None:
    leaders = spans.get("study_leader", [])
    affiliations = spans.get("leader_affiliation", [])
    people = []
    for span in (s for s in leaders if is_person(s.value)):
        people.append(builder.entity(researcher(span.value)))  # the Chinese and English spellings: one key
        builder.mention(people[-1], span)
    for affiliation in affiliations:
        institution = builder.entity(resolve("Institution", affiliation.value))
        builder.mention(institution, affiliation)
        for person in dict.fromkeys(people):
            builder.relate("AFFILIATED_WITH", person, institution, affiliation)
