"""ClinicalTrials.gov API v2 study JSON → ExtractionResult (fields mapped: docs/sources.md).

Input: one study, a ``{"studies": [...]}`` page, or JSON lines of studies. Each study is a document of its
own whose text is the study's canonical JSON; every fact is evidence pointing at the field that states it.
"""

from __future__ import annotations

import json
import re

from cellkg.core.errors import InputError
from cellkg.core.model import DocumentRecord, Entity, ExtractionResult, short_hash
from cellkg.extract.sources.builder import RecordBuilder, xref
from cellkg.extract.sources.fields import each, found, targeted_in, value
from cellkg.extract.sources.names import (
    is_modality,
    is_person,
    lexicon_entry,
    researcher,
    resolve,
    strip_degrees,
)
from cellkg.extract.sources.record_text import FieldSpan, canonical_json, index_json

SOURCE = "ctgov.v2"
NCT_ID = re.compile(r"NCT\d{8}")
CHICTR_ID = re.compile(r"ChiCTR-?[A-Z]{0,4}-?\d{6,10}")
# intervention types whose description may make an unnamed product a cell therapy ("XYZ-101": "autologous
# CAR T cells"); a drug's description naming CAR-T ("lymphodepletion before CAR-T") does not
_CELL_PRODUCT_TYPES = {"BIOLOGICAL", "GENETIC", "COMBINATION_PRODUCT"}
_CELLS = re.compile(r"\bcells?\b|lymphocytes?|细胞", re.I)  # "Cells will be infused", "mTCR PBL lymphocytes"

_P = "protocolSection"
_ID = f"{_P}.identificationModule"
_STATUS = f"{_P}.statusModule"
_DESIGN = f"{_P}.designModule"
_SPONSORS = f"{_P}.sponsorCollaboratorsModule"
_ARMS = f"{_P}.armsInterventionsModule"
_CONTACTS = f"{_P}.contactsLocationsModule"


def read_studies(text: str, where: str) -> list[dict]:
    """The studies of a file: one study, a page of studies, or JSON lines."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        data = _json_lines(text, where, exc)
    if isinstance(data, dict) and isinstance(data.get("studies"), list):
        studies = data["studies"]
    elif isinstance(data, dict):
        studies = [data]
    elif isinstance(data, list):
        studies = data
    else:
        raise InputError(f"{where}: not a ClinicalTrials.gov study or page", reason="unrecognised_record", path=where)
    for index, study in enumerate(studies):
        if not isinstance(study, dict) or not isinstance(study.get(_P), dict):
            raise InputError(
                f"{where}: record {index + 1} is not a ClinicalTrials.gov v2 study (no protocolSection)",
                reason="bad_record",
                path=where,
            )
    return studies


def _json_lines(text: str, where: str, error: json.JSONDecodeError) -> list:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        raise InputError(
            f"{where}: not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})",
            reason="bad_record",
            path=where,
            hint="the file may be truncated: fetch it again",
        ) from None
    records = []
    for number, line in enumerate(lines, start=1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{where}: line {number} is not valid JSON ({exc.msg})", reason="bad_record", path=where
            ) from None
    return records


def process_studies(studies: list[dict], *, stem: str, where: str) -> list[ExtractionResult]:
    """Every study of a file; the whole file is refused when one study is bad (nothing half-loaded)."""
    ids = [_nct_id(study, where, index) for index, study in enumerate(studies)]
    return [
        process_study(study, name=stem if len(studies) == 1 else f"{stem}.{nct}")
        for study, nct in zip(studies, ids, strict=True)
    ]


def _nct_id(study: dict, where: str, index: int) -> str:
    nct = study[_P].get("identificationModule", {}).get("nctId", "")
    if not isinstance(nct, str) or not NCT_ID.fullmatch(nct):
        raise InputError(
            f"{where}: study {index + 1} has no valid NCT id (protocolSection.identificationModule.nctId: {nct!r})",
            reason="bad_record",
            path=where,
            hint="a ClinicalTrials.gov record is identified by its NCT number",
        )
    return nct


def process_study(study: dict, *, name: str) -> ExtractionResult:
    text = canonical_json(study)
    fields = index_json(text)
    nct = value(fields, f"{_ID}.nctId")
    document = DocumentRecord(
        doc_id=short_hash(text),
        name=name,
        source=f"https://clinicaltrials.gov/study/{nct}",
        title=value(fields, f"{_ID}.briefTitle") or nct,
        lang="en",
        text=text,
        media_type="application/json",
        xrefs=xref("clinicaltrials", nct),
        published_at=value(fields, f"{_STATUS}.studyFirstPostDateStruct.date"),
        version=value(fields, f"{_STATUS}.lastUpdatePostDateStruct.date")
        or value(fields, f"{_STATUS}.lastUpdateSubmitDate"),
    )
    builder = RecordBuilder(document, SOURCE)
    trial = _trial(builder, fields, nct)
    therapies = _interventions(builder, fields, trial)
    _diseases(builder, fields, trial, therapies)
    _institutions(builder, fields, trial, therapies)
    _people(builder, fields)
    return builder.build()


def _trial(builder: RecordBuilder, fields: dict[str, FieldSpan], nct: str) -> str:
    phases = tuple(span.value for span in each(fields, f"{_DESIGN}.phases[*]"))
    countries = tuple(sorted({span.value for span in each(fields, f"{_CONTACTS}.locations[*].country")}))
    enrollment = value(fields, f"{_DESIGN}.enrollmentInfo.count")
    attributes = {
        "phases": phases,
        "status": value(fields, f"{_STATUS}.overallStatus"),
        "start_date": value(fields, f"{_STATUS}.startDateStruct.date"),
        "completion_date": value(fields, f"{_STATUS}.completionDateStruct.date"),
        "enrollment": int(enrollment) if enrollment.isdigit() else "",
        "study_type": value(fields, f"{_DESIGN}.studyType"),
        "countries": countries,
    }
    names = [
        span for path in ("nctId", "acronym", "briefTitle", "officialTitle") for span in each(fields, f"{_ID}.{path}")
    ]
    other_ids = [
        span
        for path in (f"{_ID}.orgStudyIdInfo.id", f"{_ID}.secondaryIdInfos[*].id")
        for span in each(fields, path)
        if CHICTR_ID.fullmatch(span.value)
    ]
    key = builder.entity(
        Entity("Trial", nct, aliases=tuple(s.value for s in names + other_ids), key=f"Trial:{nct.lower()}"),
        attributes=tuple((k, v) for k, v in attributes.items() if v != "" and v != ()),
        xrefs=(*xref("clinicaltrials", nct), *(x for s in other_ids for x in xref("chictr", s.value))),
    )
    for span in names + other_ids:
        builder.mention(key, span)
    return key


def _interventions(builder: RecordBuilder, fields: dict[str, FieldSpan], trial: str) -> list[tuple[str, FieldSpan]]:
    """Cell therapies among the interventions (conditioning chemotherapy and other drugs are left out)."""
    therapies = []
    index = 0
    while f"{_ARMS}.interventions[{index}].name" in fields:
        base = f"{_ARMS}.interventions[{index}]"
        index += 1
        names = [fields[f"{base}.name"], *each(fields, f"{base}.otherNames[*]")]
        description = fields.get(f"{base}.description")
        therapy = _therapy(names, description, value(fields, f"{base}.type"))
        if therapy is None:
            continue
        key = builder.entity(therapy)
        for span in names:
            builder.mention(key, span)
        builder.relate("TESTED_IN", key, trial, names[0])
        descriptions = ([description] if description else []) + _arm_descriptions(fields, names[0].value)
        for span in names + descriptions:
            # a name's target is the product's ("anti-KRAS G12D mTCR PBL"); a description's only when the
            # text says a therapy targets it (a conditioning regimen's IL-2 is not)
            targeted = None if span in names else targeted_in(span.value)
            for target, start, end in found(span.value, "Target"):
                if targeted is not None and target.key not in targeted:
                    continue
                target_key = builder.entity(target)
                builder.mention(target_key, span, start, end)
                builder.relate("TARGETS", key, target_key, span)
        therapies.append((key, names[0]))
    return therapies


def _arm_descriptions(fields: dict[str, FieldSpan], intervention: str) -> list[FieldSpan]:
    """Descriptions of the arms giving the intervention ("Biological: IX001 TCR-T injection")."""
    arms = {
        span.path.split(".interventionNames")[0]
        for span in each(fields, f"{_ARMS}.armGroups[*].interventionNames[*]")
        if span.value.partition(": ")[2] == intervention
    }
    return [fields[f"{arm}.description"] for arm in sorted(arms) if f"{arm}.description" in fields]


def _therapy(names: list[FieldSpan], description: FieldSpan | None, kind: str) -> Entity | None:
    """The therapy an intervention is, keyed as the text extractor keys it: a lexicon product under any of its
    names (code, INN, brand, Chinese name), else a product the extractor finds in a name ("IX001"), else the
    modality the whole name is ("TCR-T therapy"), else the intervention's own name when it names a cell therapy
    or is a biological whose description does; None for anything else."""
    written = tuple(span.value for span in names)
    for surface in written:
        entry = lexicon_entry("Therapy", surface)
        if entry is not None and not is_modality(entry.key):
            return Entity("Therapy", entry.name, aliases=(*written, *entry.aliases), key=entry.key)
    readings = [entity for surface in written for entity, _, _ in found(surface, "Therapy")]
    specific = [e for e in readings if not is_modality(e.key)]
    if specific:
        return Entity("Therapy", specific[0].name, aliases=(*written, *specific[0].aliases), key=specific[0].key)
    whole = lexicon_entry("Therapy", written[0])
    if whole is not None:
        return Entity("Therapy", whole.name, aliases=(*written, *whole.aliases), key=whole.key)
    described = kind in _CELL_PRODUCT_TYPES and any(
        found(span.value, "Therapy") or _CELLS.search(span.value) for span in (*names, *filter(None, [description]))
    )
    if readings or described:
        return Entity("Therapy", written[0], aliases=written)
    return None


def _diseases(
    builder: RecordBuilder, fields: dict[str, FieldSpan], trial: str, therapies: list[tuple[str, FieldSpan]]
) -> None:
    conditions: dict[str, Entity] = {}
    for span in each(fields, f"{_P}.conditionsModule.conditions[*]"):
        if found(span.value, "Target") and not found(span.value, "Disease"):
            continue  # a molecular marker listed among conditions ("KRAS p.G12C") is no disease
        disease = resolve("Disease", span.value)
        key = conditions.setdefault(disease.key, disease).key
        builder.entity(disease)
        builder.mention(key, span)
        builder.relate("STUDIES", trial, key, span)
        for therapy, _ in therapies:
            builder.relate("TREATS", therapy, key, span)
    # MeSH headings are derived by the registry, not stated by the sponsor, and often broader than the
    # conditions ("Neoplasms"): they name a condition (its alias and MeSH id) only when they are it, or
    # when the record has one condition; never a disease of their own
    mesh = "derivedSection.conditionBrowseModule.meshes"
    for span in each(fields, f"{mesh}[*].term"):
        condition = _condition_of_heading(span.value, conditions)
        if condition is None:
            continue
        mesh_id = value(fields, span.path.removesuffix(".term") + ".id")
        builder.entity(condition, aliases=(span.value,), xrefs=xref("mesh", mesh_id))
        builder.mention(condition.key, span)


_HEADING_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_GENERIC_HEADING_WORDS = frozenset({"neoplasms", "neoplasm", "diseases", "disease", "disorders"})


def _condition_of_heading(heading: str, conditions: dict[str, Entity]) -> Entity | None:
    """The condition a MeSH heading names: the same lexicon entry, or the condition holding every specific
    word of the heading ("Pancreatic Neoplasms" → "Pancreatic Cancer"; "Lymphoma, Large B-Cell, Diffuse"),
    or the record's only condition."""
    if (same := conditions.get(resolve("Disease", heading).key)) is not None:
        return same
    words = {w.casefold() for w in _HEADING_WORD.findall(heading)} - _GENERIC_HEADING_WORDS
    for condition in conditions.values():
        names = " ".join((condition.name, *condition.aliases)).casefold()
        if words and words <= {w for w in _HEADING_WORD.findall(names)}:
            return condition
    return next(iter(conditions.values())) if len(conditions) == 1 else None


def _institutions(
    builder: RecordBuilder, fields: dict[str, FieldSpan], trial: str, therapies: list[tuple[str, FieldSpan]]
) -> None:
    lead = fields.get(f"{_SPONSORS}.leadSponsor.name")
    sponsors = ([lead] if lead else []) + list(each(fields, f"{_SPONSORS}.collaborators[*].name"))
    sponsor_keys = []
    for span in sponsors:
        key = builder.entity(resolve("Institution", span.value))
        builder.mention(key, span)
        builder.relate("CONDUCTED_AT", trial, key, span)
        for therapy, _ in therapies:
            builder.relate("DEVELOPS", key, therapy, span)
        sponsor_keys.append((key, span))
    for (lead_key, _), (partner, span) in ((sponsor_keys[0], other) for other in sponsor_keys[1:]):
        builder.relate("COLLABORATES_WITH", lead_key, partner, span)
    for span in each(fields, f"{_CONTACTS}.locations[*].facility"):
        key = builder.entity(resolve("Institution", span.value))
        builder.mention(key, span)
        builder.relate("CONDUCTED_AT", trial, key, span)


def _people(builder: RecordBuilder, fields: dict[str, FieldSpan]) -> None:
    """Overall officials and the responsible investigator, with the affiliation the record gives them."""
    pairs = [
        (span, fields.get(span.path.removesuffix(".name") + ".affiliation"))
        for span in each(fields, f"{_CONTACTS}.overallOfficials[*].name")
    ]
    party = f"{_SPONSORS}.responsibleParty"
    if f"{party}.investigatorFullName" in fields:
        pairs.append((fields[f"{party}.investigatorFullName"], fields.get(f"{party}.investigatorAffiliation")))
    for name, affiliation in pairs:
        if not is_person(strip_degrees(name.value)):
            continue
        key = builder.entity(researcher(name.value))
        builder.mention(key, name)
        if affiliation is not None:
            institution = builder.entity(resolve("Institution", affiliation.value))
            builder.mention(institution, affiliation)
            builder.relate("AFFILIATED_WITH", key, institution, affiliation)
