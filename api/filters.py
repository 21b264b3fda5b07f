"""Filter and order inputs → Cypher predicates and parameters for api.cypher.page.

User values only ever become parameters (``$p0``, ``$p1``…); the Cypher text comes from
api.cypher's closed-set templates and from the expression tables below, written for the
variables those templates bind: ``n`` for a listed entity, document or piece of evidence (``d``
for the evidence's document) and ``a``-[``r``]->``b`` for a listed relation.

Every filter compiles the same way: its own fields give conditions that must all hold, and its
``AND`` / ``OR`` / ``NOT`` parts (filters of the same type) are compiled alike and combined.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from strawberry.utils.str_converters import to_camel_case

from cellkg.api import cypher as cy
from cellkg.api.errors import UserError
from cellkg.api.limits import short_text
from cellkg.api.relations import relation_fields
from cellkg.api.types.enums import EntitySortField, EvidenceSortField, RelationSortField, SortDirection
from cellkg.api.types.inputs import (
    LOGIC_FIELDS,
    DocumentFilter,
    EntityOrder,
    EvidenceFilter,
    EvidenceOrder,
    NameFilter,
    RelatedFilter,
    RelationFilter,
    RelationOrder,
)
from cellkg.core.schema import RELATION_TYPES

MAX_FILTER_DEPTH = 5  # levels of AND / OR / NOT below the filter argument
MAX_FILTER_PARTS = 50  # filters in one argument, counting itself and every AND / OR / NOT part
MAX_IN_VALUES = 1_000  # values of one `in`

_NAME_OPERATORS = ("equals", "contains", "starts_with")
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# a comparison input's fields (IDComparison, IntComparison…) and their Cypher operators
_COMPARISON_OPERATORS = {"eq": "=", "in_": "IN", "gt": ">", "gte": ">=", "lt": "<", "lte": "<="}

# filter field -> the expression its comparison input (or, in *_EQUAL, its plain value) applies to
_ENTITY_COMPARED = {"id": "n.key", "document_count": cy.MENTIONING_DOCUMENTS}
_RELATION_COMPARED = {
    "id": "r.key",
    "type": "type(r)",
    "confidence": "r.confidence",
    "evidence_count": "r.evidence_count",
    "document_count": "r.document_count",
}
_RELATION_EQUAL = {"negated": "r.negated"}
_EVIDENCE_COMPARED = {
    "id": "n.key",
    "document_id": "d.doc_id",
    "relation_id": "n.relation_key",
    "relation_type": "n.relation_type",
    "subject_id": "n.subject_key",
    "object_id": "n.object_key",
    "confidence": "n.confidence",
    "rule": "n.rule",
}
_EVIDENCE_EQUAL = {"negated": "n.negated", "hedged": "n.hedged", "language": "n.lang"}

# sort field -> sort keys; each list then sorts by its unique key, so that a keyset cursor is exact
_ENTITY_ORDER = {
    EntitySortField.NAME: ["n.name"],
    EntitySortField.ID: [],
    EntitySortField.DOCUMENT_COUNT: [cy.MENTIONING_DOCUMENTS],
}
_RELATION_ORDER = {
    RelationSortField.CONFIDENCE: ["r.confidence"],
    RelationSortField.EVIDENCE_COUNT: ["r.evidence_count"],
    RelationSortField.DOCUMENT_COUNT: ["r.document_count"],
    RelationSortField.ID: [],
}
_EVIDENCE_ORDER = {
    EvidenceSortField.CONFIDENCE: ["n.confidence"],
    EvidenceSortField.POSITION: ["d.doc_id", "n.char_start"],
    EvidenceSortField.ID: [],
}


@dataclass
class Predicates:
    where: list[str] = field(default_factory=list)
    params: dict[str, object] = field(default_factory=dict)

    def param(self, value: object) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return name


# the conditions of one filter's own fields (its AND / OR / NOT parts aside)
Conditions = Callable[[Any, Predicates], list[str]]


@dataclass
class _Logic:
    """Compiles a filter and its AND / OR / NOT parts, refusing trees deeper or larger than the limits."""

    own: Conditions
    preds: Predicates
    parts: int = 0

    def conditions(self, spec: Any, depth: int = 0) -> list[str]:
        self.parts += 1
        if depth > MAX_FILTER_DEPTH:
            raise UserError(f"filters nest at most {MAX_FILTER_DEPTH} levels deep in AND / OR / NOT")
        if self.parts > MAX_FILTER_PARTS:
            raise UserError(f"a filter has at most {MAX_FILTER_PARTS} parts, counting every AND / OR / NOT part")
        found = self.own(spec, self.preds)
        for part in _parts(spec, "and_"):
            found += self.conditions(part, depth + 1)
        if spec.or_ is not None:
            found.append(cy.any_of([cy.all_of(self.conditions(part, depth + 1)) for part in _parts(spec, "or_")]))
        if spec.not_ is not None:
            found.append(cy.negation(cy.all_of(self.conditions(spec.not_, depth + 1))))
        return found


def _parts(spec: Any, attr: str) -> list:
    parts = getattr(spec, attr)
    if parts is not None and not parts:
        raise UserError(f"'{LOGIC_FIELDS[attr][0]}' needs at least one filter")
    return parts or []


def _compile(spec: Any | None, own: Conditions) -> Predicates:
    preds = Predicates()
    if spec is not None:
        preds.where = _Logic(own, preds).conditions(spec)
    return preds


def _value(value: Any, argument: str) -> Any:
    """A filter value as a parameter: enums by value, texts checked, lists not empty and bounded."""
    if isinstance(value, list):
        if not value:
            raise UserError(f"'{argument}' needs at least one value")
        if len(value) > MAX_IN_VALUES:
            raise UserError(f"'{argument}' takes at most {MAX_IN_VALUES} values")
        return [_value(v, argument) for v in value]
    if isinstance(value, Enum):
        return value.value
    return short_text(value, argument) if isinstance(value, str) else value


def _compared(preds: Predicates, spec: Any, expressions: dict[str, str]) -> list[str]:
    """For each comparison input of ``spec`` named in ``expressions``: every operator given, on its expression."""
    found = []
    for attr, expression in expressions.items():
        comparison = getattr(spec, attr)
        for operand, operator in _COMPARISON_OPERATORS.items():
            value = getattr(comparison, operand, None)
            if value is not None:
                argument = f"{to_camel_case(attr)}.{operand.rstrip('_')}"
                found.append(cy.compare(expression, operator, preds.param(_value(value, argument))))
    return found


def _equal(preds: Predicates, spec: Any, expressions: dict[str, str]) -> list[str]:
    """For each plain value of ``spec`` named in ``expressions``: its expression equals it."""
    return [
        cy.compare(expression, "=", preds.param(_value(value, to_camel_case(attr))))
        for attr, expression in expressions.items()
        if (value := getattr(spec, attr)) is not None
    ]


def alias_pattern(operator: str, value: str, argument: str) -> str:
    """What graph.statements' aliases_lower (NUL-delimited lower-cased aliases) contains when one
    alias equals / starts with / contains ``value``, case-insensitively (short_text forbids NUL)."""
    lowered = short_text(value, argument).lower()
    return {"equals": f"\0{lowered}\0", "starts_with": f"\0{lowered}", "contains": lowered}[operator]


def _name(preds: Predicates, name: NameFilter) -> list[str]:
    return [
        cy.alias_predicate(preds.param(alias_pattern(operator, value, f"name.{operator}")))
        for operator in _NAME_OPERATORS
        if (value := getattr(name, operator)) is not None
    ]


def _related(preds: Predicates, spec: RelatedFilter, argument: str) -> tuple[str | None, str | None]:
    """Parameters of a related entity's key and name (an alias, case-insensitively), for cy.entity_matches."""
    id_param = preds.param(short_text(spec.id, f"{argument}.id")) if spec.id is not None else None
    name_param = preds.param(alias_pattern("equals", spec.name, f"{argument}.name")) if spec.name is not None else None
    return id_param, name_param


def entity_predicates(entity_type: str, spec: Any | None) -> Predicates:
    def own(spec: Any, preds: Predicates) -> list[str]:
        found = _compared(preds, spec, _ENTITY_COMPARED)
        if spec.name is not None:
            found += _name(preds, spec.name)
        if spec.mentioned_in_language is not None:
            found.append(cy.mentioned_in_language(preds.param(spec.mentioned_in_language.value)))
        if entity_type == "Trial":
            found += _trial_facts(preds, spec)
        for relation in relation_fields(entity_type):
            value = getattr(spec, relation.name)
            if value is None or (value.id is None and value.name is None):
                continue
            id_param, name_param = _related(preds, value, to_camel_case(relation.name))
            subtypes = bool(getattr(value, "include_subtypes", False))
            found.append(cy.related_to(relation, id_param, name_param, subtypes=subtypes))
        return found

    return _compile(spec, own)


def _upper(values: list[str], argument: str) -> list[str]:
    return [v.upper() for v in _value(values, argument)]


def iso_date(value: str, argument: str) -> str:
    if not _ISO_DATE.fullmatch(value):
        raise UserError(f"'{argument}' must be an ISO-8601 date: YYYY, YYYY-MM or YYYY-MM-DD, not {value[:40]!r}")
    return value


def _trial_facts(preds: Predicates, spec: Any) -> list[str]:
    found = []
    if spec.phase is not None:
        found.append(cy.has_any("phases", preds.param(_upper(spec.phase, "phase"))))
    if spec.status is not None:
        found.append(cy.value_in("status", preds.param(_upper(spec.status, "status"))))
    if spec.country is not None:
        found.append(cy.has_any("countries", preds.param(_upper(spec.country, "country"))))
    dates = spec.start_date
    if dates is not None and dates.from_ is not None:
        found.append(cy.date_from("start_date", preds.param(iso_date(dates.from_, "startDate.from"))))
    if dates is not None and dates.to is not None:
        found.append(cy.date_to("start_date", preds.param(iso_date(dates.to, "startDate.to"))))
    return found


def relation_predicates(spec: RelationFilter | None) -> Predicates:
    def own(spec: RelationFilter, preds: Predicates) -> list[str]:
        found = _compared(preds, spec, _RELATION_COMPARED) + _equal(preds, spec, _RELATION_EQUAL)
        for end, var in (("subject", "a"), ("object", "b")):
            value = getattr(spec, end)
            if value is not None:
                found += cy.entity_matches(var, *_related(preds, value, end))
        return found

    return _compile(spec, own)


def relation_types(spec: RelationFilter | None) -> tuple[str, ...]:
    """The relation types that the ``type`` conditions every match must meet (the filter's own and its
    AND parts') admit, for the MATCH pattern, so that Neo4j reads only relationships of those types.
    All types when none is constrained or when they contradict each other: the predicates from
    relation_predicates, which keep their ``type`` conditions, then keep nothing."""
    admitted = set(RELATION_TYPES)
    for part in _conjuncts(spec):
        if part.type is not None and part.type.eq is not None:
            admitted &= {part.type.eq.value}
        if part.type is not None and part.type.in_ is not None:
            admitted &= {t.value for t in part.type.in_}
    return tuple(t for t in RELATION_TYPES if t in admitted) or RELATION_TYPES


def _conjuncts(spec: Any | None) -> Iterator[Any]:
    """The filter and, recursively, its AND parts: filters every match meets."""
    if spec is not None:
        yield spec
        for part in spec.and_ or ():
            yield from _conjuncts(part)


def evidence_predicates(spec: EvidenceFilter | None) -> Predicates:
    return _compile(spec, lambda s, preds: _compared(preds, s, _EVIDENCE_COMPARED) + _equal(preds, s, _EVIDENCE_EQUAL))


def document_predicates(spec: DocumentFilter | None) -> Predicates:
    preds = Predicates()
    if spec is None:
        return preds
    for prop, value in (
        ("lang", spec.language.value if spec.language else None),
        ("source", spec.source),
        ("name", spec.name),
        ("pmid", spec.pmid),
        ("doi", spec.doi),
    ):
        if value is not None:
            preds.where.append(cy.document_field_equals(prop, preds.param(short_text(value, prop))))
    return preds


def _order(keys: list[str], unique: str, direction: SortDirection) -> str:
    word = "DESC" if direction == SortDirection.DESC else "ASC"
    return ", ".join(f"{key} {word}" for key in [*keys, unique])


def entity_order(order: EntityOrder | None) -> str:
    order = order or EntityOrder()
    return _order(_ENTITY_ORDER[order.field], "n.key", order.direction)


def relation_order(order: RelationOrder | None) -> str:
    order = order or RelationOrder()
    return _order(_RELATION_ORDER[order.field], "r.key", order.direction)


def evidence_order(order: EvidenceOrder | None) -> str:
    order = order or EvidenceOrder()
    return _order(_EVIDENCE_ORDER[order.field], "n.key", order.direction)
