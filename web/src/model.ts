// What the explorer knows about the graph model: colours (cypher/browser/cellkg.grass), labels,
// and which relation fields each entity type has, so the pages can treat them uniformly.
import type { EntityQuery, EntityType, EvidenceFieldsFragment, RelationType } from "./gql/graphql";

/** Node colours of the Neo4j Browser style (cypher/browser/cellkg.grass). */
export const TYPE_STYLE: Record<EntityType, { color: string; border: string; text: string; label: string }> = {
  THERAPY: { color: "#F79767", border: "#F36924", text: "#FFFFFF", label: "Therapy" },
  TARGET: { color: "#57C7E3", border: "#23B3D7", text: "#2A2C34", label: "Target" },
  DISEASE: { color: "#F16667", border: "#EB2728", text: "#FFFFFF", label: "Disease" },
  INSTITUTION: { color: "#4C8EDA", border: "#2870C2", text: "#FFFFFF", label: "Institution" },
  RESEARCHER: { color: "#8DCC93", border: "#5DB665", text: "#2A2C34", label: "Researcher" },
  TRIAL: { color: "#FFC454", border: "#D7A013", text: "#2A2C34", label: "Trial" },
};
export const TYPE_ORDER: EntityType[] = ["THERAPY", "TARGET", "DISEASE", "TRIAL", "INSTITUTION", "RESEARCHER"];

/** Relationship colours from the same style; the others use its default grey. */
export const RELATION_COLOR: Record<RelationType, string> = {
  TARGETS: "#57C7E3",
  TREATS: "#F16667",
  DEVELOPS: "#F79767",
  COLLABORATES_WITH: "#2870C2",
  AFFILIATED_WITH: "#A5ABB6",
  TESTED_IN: "#A5ABB6",
  CONDUCTED_AT: "#A5ABB6",
  STUDIES: "#A5ABB6",
};
export const RELATION_TYPES: RelationType[] = [
  "TARGETS",
  "TREATS",
  "DEVELOPS",
  "TESTED_IN",
  "STUDIES",
  "CONDUCTED_AT",
  "AFFILIATED_WITH",
  "COLLABORATES_WITH",
];

export function typeFromTypename(typename: string): EntityType {
  return typename.toUpperCase() as EntityType;
}

type Direction = "out" | "in" | "both";
type LoadedEntity = NonNullable<EntityQuery["entity"]>;
/** The fields of an entity type (as EntityQuery loads it) that hold relation edges. */
type EdgeField<T extends LoadedEntity["__typename"]> = {
  [K in keyof Extract<LoadedEntity, { __typename: T }>]-?: Extract<LoadedEntity, { __typename: T }>[K] extends
    | { relationId: string }[]
    | undefined
    ? K
    : never;
}[keyof Extract<LoadedEntity, { __typename: T }>];
interface FieldSpec<F> {
  field: F;
  label: string;
  direction: Direction;
}

/**
 * Labels and directions of the relation fields EntityQuery loads ("out" when this entity is the subject of
 * the claim); a field named here that the query does not load fails the type check.
 */
const RELATION_FIELDS: { [T in LoadedEntity["__typename"]]: FieldSpec<EdgeField<T>>[] } = {
  Researcher: [
    { field: "institutions", label: "Affiliated with", direction: "out" },
    { field: "therapies", label: "Develops", direction: "out" },
  ],
  Institution: [
    { field: "therapies", label: "Develops", direction: "out" },
    { field: "trials", label: "Trials conducted here", direction: "in" },
    { field: "researchers", label: "Affiliated researchers", direction: "in" },
    { field: "collaborators", label: "Collaborates with", direction: "both" },
  ],
  Therapy: [
    { field: "targets", label: "Targets", direction: "out" },
    { field: "diseases", label: "Treats", direction: "out" },
    { field: "trials", label: "Tested in", direction: "out" },
    { field: "developedBy", label: "Developed by", direction: "in" },
  ],
  Target: [{ field: "therapies", label: "Targeted by", direction: "in" }],
  Trial: [
    { field: "testedTherapies", label: "Tests", direction: "in" },
    { field: "studies", label: "Studies", direction: "out" },
    { field: "conductedAt", label: "Conducted at", direction: "out" },
  ],
  Disease: [
    { field: "treatedBy", label: "Treated by", direction: "in" },
    { field: "studiedIn", label: "Studied in", direction: "in" },
  ],
};

export interface Brief {
  id: string;
  name: string;
  nameZh?: string | null;
  type: EntityType;
  /** A trial's, as its registry record states them (EntityBrief). */
  phases?: string[] | null;
  status?: string | null;
}

export interface RelEdge {
  relationId: string;
  type: RelationType;
  confidence: number;
  evidenceCount: number;
  documentCount: number;
  negated: boolean;
  node: Brief;
  evidence: EvidenceFieldsFragment[];
}

export interface RelGroup {
  field: string;
  label: string;
  direction: Direction;
  edges: RelEdge[];
}

/** The entity's relation fields as groups, most confident first within each. */
export function relationGroups(entity: LoadedEntity): RelGroup[] {
  const record = entity as unknown as Record<string, RelEdge[]>;
  const specs: FieldSpec<string>[] = RELATION_FIELDS[entity.__typename];
  return specs.map((spec) => ({
    ...spec,
    edges: [...record[spec.field]].sort(
      (a, b) => Number(a.negated) - Number(b.negated) || b.confidence - a.confidence || b.evidenceCount - a.evidenceCount,
    ),
  }));
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;
export const isChinese = (s: string) => /[\u3400-\u9fff]/.test(s);
