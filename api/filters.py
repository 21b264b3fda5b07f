"""Filter and order inputs → Cypher predicates and parameters for api.cypher.page.

User values only ever become parameters (``$p0``, ``$p1``…); the Cypher text comes from
api.cypher's closed-set templates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from strawberry.utils.str_converters import to_camel_case

from cellkg.api import cypher as cy
from cellkg.api.errors import UserError
from cellkg.api.limits import short_text
from cellkg.api.relations import relation_fields
from cellkg.api.types.enums import EntitySortField, SortDirection
from cellkg.api.types.inputs import DocumentFilter, EntityOrder, NameFilter

_NAME_OPERATORS = ("equals", "contains", "starts_with")
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_ORDER_KEYS = {
    EntitySortField.NAME: "n.name",
    EntitySortField.ID: "n.key",
    EntitySortField.DOCUMENT_COUNT: "COUNT { (:Document)-[:MENTIONS]->(n) }",
}


@dataclass
class Predicates:
    where: list[str] = field(default_factory=list)
    params: dict[str, object] = field(default_factory=dict)

    def param(self, value: object) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return name


def alias_pattern(operator: str, value: str, argument: str) -> str:
    """What graph.statements' aliases_lower (NUL-delimited lower-cased aliases) contains when one
    alias equals / starts with / contains ``value``, case-insensitively (short_text forbids NUL)."""
    lowered = short_text(value, argument).lower()
    return {"equals": f"\0{lowered}\0", "starts_with": f"\0{lowered}", "contains": lowered}[operator]


def _add_name(preds: Predicates, name: NameFilter) -> None:
    for operator in _NAME_OPERATORS:
        value = getattr(name, operator)
        if value is not None:
            preds.where.append(cy.alias_predicate(preds.param(alias_pattern(operator, value, f"name.{operator}"))))


def entity_predicates(entity_type: str, spec: Any | None) -> Predicates:
    preds = Predicates()
    if spec is None:
        return preds
    if spec.name is not None:
        _add_name(preds, spec.name)
    if spec.mentioned_in_language is not None:
        preds.where.append(cy.mentioned_in_language(preds.param(spec.mentioned_in_language.value)))
    if entity_type == "Trial":
        _add_trial_facts(preds, spec)
    for relation in relation_fields(entity_type):
        value = getattr(spec, relation.name)
        if value is None or (value.id is None and value.name is None):
            continue
        argument = to_camel_case(relation.name)
        id_param = preds.param(short_text(value.id, f"{argument}.id")) if value.id is not None else None
        name_param = (
            preds.param(alias_pattern("equals", value.name, f"{argument}.name")) if value.name is not None else None
        )
        subtypes = bool(getattr(value, "include_subtypes", False))
        preds.where.append(cy.related_to(relation, id_param, name_param, subtypes=subtypes))
    return preds


def _values(values: list[str], argument: str) -> list[str]:
    if not values:
        raise UserError(f"'{argument}' needs at least one value")
    return [short_text(v, argument).upper() for v in values]


def iso_date(value: str, argument: str) -> str:
    if not _ISO_DATE.fullmatch(value):
        raise UserError(f"'{argument}' must be an ISO-8601 date: YYYY, YYYY-MM or YYYY-MM-DD, not {value[:40]!r}")
    return value


def _add_trial_facts(preds: Predicates, spec: Any) -> None:
    if spec.phase is not None:
        preds.where.append(cy.has_any("phases", preds.param(_values(spec.phase, "phase"))))
    if spec.status is not None:
        preds.where.append(cy.value_in("status", preds.param(_values(spec.status, "status"))))
    if spec.country is not None:
        preds.where.append(cy.has_any("countries", preds.param(_values(spec.country, "country"))))
    dates = spec.start_date
    if dates is not None and dates.from_ is not None:
        preds.where.append(cy.date_from("start_date", preds.param(iso_date(dates.from_, "startDate.from"))))
    if dates is not None and dates.to is not None:
        preds.where.append(cy.date_to("start_date", preds.param(iso_date(dates.to, "startDate.to"))))


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


def entity_order(order: EntityOrder | None) -> str:
    order = order or EntityOrder()
    direction = "DESC" if order.direction == SortDirection.DESC else "ASC"
    return f"{_ORDER_KEYS[order.field]} {direction}, n.key {direction}"
