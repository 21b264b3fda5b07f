"""Filter and order inputs → Cypher predicates and parameters for api.cypher.page.

User values only ever become parameters (``$p0``, ``$p1``…); the Cypher text comes from
api.cypher's closed-set templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cellkg.api import cypher as cy
from cellkg.api.limits import short_text
from cellkg.api.relations import relation_field
from cellkg.api.types.enums import EntitySortField, SortDirection
from cellkg.api.types.inputs import DocumentFilter, EntityOrder, NameFilter

_NAME_OPERATORS = ("equals", "contains", "starts_with")
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
    for name, value in vars(spec).items():
        if name in ("name", "mentioned_in_language") or value is None or (value.id is None and value.name is None):
            continue
        id_param = preds.param(short_text(value.id, f"{name}.id")) if value.id is not None else None
        name_param = (
            preds.param(alias_pattern("equals", value.name, f"{name}.name")) if value.name is not None else None
        )
        preds.where.append(cy.related_to(relation_field(entity_type, name), id_param, name_param))
    return preds


def document_predicates(spec: DocumentFilter | None) -> Predicates:
    preds = Predicates()
    if spec is None:
        return preds
    for prop, value in (
        ("lang", spec.language.value if spec.language else None),
        ("source", spec.source),
        ("name", spec.name),
    ):
        if value is not None:
            preds.where.append(cy.document_field_equals(prop, preds.param(short_text(value, prop))))
    return preds


def entity_order(order: EntityOrder | None) -> str:
    order = order or EntityOrder()
    direction = "DESC" if order.direction == SortDirection.DESC else "ASC"
    return f"{_ORDER_KEYS[order.field]} {direction}, n.key {direction}"
