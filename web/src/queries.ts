// Every operation the explorer sends; typed by graphql-codegen from ../api/schema.graphql.
import { graphql } from "./gql";

export const EntityBriefFragment = graphql(`
  fragment EntityBrief on Entity {
    __typename
    id
    name
    nameZh
    type
    ... on Trial {
      phases
      status
    }
  }
`);

export const EvidenceFieldsFragment = graphql(`
  fragment EvidenceFields on Evidence {
    id
    relationId
    relationType
    sentence
    span {
      start
      end
    }
    confidence
    negated
    hedged
    rule
    field
    language
    document {
      id
      name
      title
    }
    subject {
      id
      name
      aliases
      type
    }
    object {
      id
      name
      aliases
      type
    }
  }
`);

/*
 * One fragment per edge type, the same fields in each: the schema's seven *RelationEdge types share no
 * interface, and a GraphQL fragment has exactly one type condition.
 */
export const TherapyEdgeFragment = graphql(`
  fragment TherapyEdge on TherapyRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
    }
    evidence(first: 5) {
      ...EvidenceFields
    }
  }
`);
export const TargetEdgeFragment = graphql(`
  fragment TargetEdge on TargetRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
    }
    evidence(first: 5) {
      ...EvidenceFields
    }
  }
`);
export const DiseaseEdgeFragment = graphql(`
  fragment DiseaseEdge on DiseaseRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
    }
    evidence(first: 5) {
      ...EvidenceFields
    }
  }
`);
export const TrialEdgeFragment = graphql(`
  fragment TrialEdge on TrialRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
    }
    evidence(first: 5) {
      ...EvidenceFields
    }
  }
`);
export const InstitutionEdgeFragment = graphql(`
  fragment InstitutionEdge on InstitutionRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
    }
    evidence(first: 5) {
      ...EvidenceFields
    }
  }
`);
export const ResearcherEdgeFragment = graphql(`
  fragment ResearcherEdge on ResearcherRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
    }
    evidence(first: 5) {
      ...EvidenceFields
    }
  }
`);
export const AnyEdgeFragment = graphql(`
  fragment AnyEdge on EntityRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
    }
    evidence(first: 5) {
      ...EvidenceFields
    }
  }
`);
export const XrefFieldsFragment = graphql(`
  fragment XrefFields on Xref {
    prefix
    id
    curie
    url
  }
`);

/** A claim with its figures: the document page's and the overview's tables. */
export const ClaimFieldsFragment = graphql(`
  fragment ClaimFields on Relation {
    id
    type
    confidence
    evidenceCount
    documentCount
    negated
    subject {
      ...EntityBrief
    }
    object {
      ...EntityBrief
    }
  }
`);

/**
 * An entity with every relation it takes part in (negated ones too) and their first pieces of evidence:
 * the entity page, and each node the graph view expands (so moving between the two hits urql's cache).
 * Nested arguments are literals, not variables: the API's look-ahead (api/lookahead.py) fails on
 * variables below the top level and on @include/@skip.
 */
export const EntityQuery = graphql(`
  query Entity($id: ID!) {
    entity(id: $id) {
      ...EntityBrief
      aliases
      xrefs {
        ...XrefFields
      }
      documents(first: 20) {
        id
        name
        title
        language
      }
      ... on Researcher {
        institutions(first: 50, includeNegated: true) {
          ...InstitutionEdge
        }
        therapies(first: 50, includeNegated: true) {
          ...TherapyEdge
        }
      }
      ... on Institution {
        researchers(first: 50, includeNegated: true) {
          ...ResearcherEdge
        }
        therapies(first: 50, includeNegated: true) {
          ...TherapyEdge
        }
        trials(first: 50, includeNegated: true) {
          ...TrialEdge
        }
        collaborators(first: 50, includeNegated: true) {
          ...InstitutionEdge
        }
      }
      ... on Therapy {
        developedBy(first: 50, includeNegated: true) {
          ...AnyEdge
        }
        targets(first: 50, includeNegated: true) {
          ...TargetEdge
        }
        diseases(first: 50, includeNegated: true) {
          ...DiseaseEdge
        }
        trials(first: 50, includeNegated: true) {
          ...TrialEdge
        }
      }
      ... on Target {
        therapies(first: 50, includeNegated: true) {
          ...TherapyEdge
        }
      }
      ... on Trial {
        phases
        status
        startDate
        completionDate
        enrollment
        countries
        studyType
        testedTherapies(first: 50, includeNegated: true) {
          ...TherapyEdge
        }
        conductedAt(first: 50, includeNegated: true) {
          ...InstitutionEdge
        }
        studies(first: 50, includeNegated: true) {
          ...DiseaseEdge
        }
      }
      ... on Disease {
        treatedBy(first: 50, includeNegated: true) {
          ...TherapyEdge
        }
        studiedIn(first: 50, includeNegated: true) {
          ...TrialEdge
        }
      }
    }
  }
`);

export const SearchQuery = graphql(`
  query Search($text: String!, $first: Int!) {
    search(text: $text, first: $first) {
      score
      entity {
        ...EntityBrief
        aliases
      }
    }
  }
`);

export const DocumentQuery = graphql(`
  query Document($id: ID!) {
    document(id: $id) {
      id
      name
      title
      source
      language
      chars
      mediaType
      ingestedAt
      extractorVersion
      publishedAt
      journal
      version
      xrefs {
        ...XrefFields
      }
      text
      mentions(first: 100) {
        count
        entity {
          ...EntityBrief
        }
        spans {
          start
          end
        }
      }
      evidence(first: 100) {
        ...EvidenceFields
      }
      claims(first: 100) {
        ...ClaimFields
      }
    }
  }
`);

export const DocumentsQuery = graphql(`
  query Documents($first: Int!, $after: String, $language: Language) {
    documents(first: $first, after: $after, filter: { language: $language }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          title
          source
          language
          chars
          mediaType
          publishedAt
          journal
        }
      }
    }
  }
`);

export const PathFieldsFragment = graphql(`
  fragment PathFields on Path {
    length
    nodes {
      ...EntityBrief
    }
    relations {
      id
      type
      confidence
      evidenceCount
      documentCount
      negated
      subject {
        id
      }
      object {
        id
      }
      evidence(first: 3) {
        ...EvidenceFields
      }
    }
  }
`);

/** The shortest path the API finds (it returns one). */
export const PathQuery = graphql(`
  query Path($from: ID!, $to: ID!, $maxHops: Int!) {
    path(from: $from, to: $to, maxHops: $maxHops) {
      ...PathFields
    }
  }
`);

/** A chain through a given first step: from → via in one hop, then a shortest path via → to. */
export const PathViaQuery = graphql(`
  query PathVia($from: ID!, $via: ID!, $to: ID!, $rest: Int!) {
    step: path(from: $from, to: $via, maxHops: 1) {
      ...PathFields
    }
    rest: path(from: $via, to: $to, maxHops: $rest) {
      ...PathFields
    }
  }
`);

export const EntityNameQuery = graphql(`
  query EntityName($id: ID!) {
    entity(id: $id) {
      ...EntityBrief
    }
  }
`);

export const OverviewCountsQuery = graphql(`
  query OverviewCounts {
    stats {
      entities {
        name
        count
      }
      relations {
        name
        count
      }
      documents
      evidence
    }
    docsEn: documents(first: 0, filter: { language: EN }) {
      totalCount
    }
    docsZh: documents(first: 0, filter: { language: ZH }) {
      totalCount
    }
    researcherZh: researchers(first: 0, filter: { mentionedInLanguage: ZH }) {
      totalCount
    }
    institutionZh: institutions(first: 0, filter: { mentionedInLanguage: ZH }) {
      totalCount
    }
    therapyZh: therapies(first: 0, filter: { mentionedInLanguage: ZH }) {
      totalCount
    }
    targetZh: targets(first: 0, filter: { mentionedInLanguage: ZH }) {
      totalCount
    }
    trialZh: trials(first: 0, filter: { mentionedInLanguage: ZH }) {
      totalCount
    }
    diseaseZh: diseases(first: 0, filter: { mentionedInLanguage: ZH }) {
      totalCount
    }
  }
`);

export const OverviewCountsEnQuery = graphql(`
  query OverviewCountsEn {
    researcherEn: researchers(first: 0, filter: { mentionedInLanguage: EN }) {
      totalCount
    }
    institutionEn: institutions(first: 0, filter: { mentionedInLanguage: EN }) {
      totalCount
    }
    therapyEn: therapies(first: 0, filter: { mentionedInLanguage: EN }) {
      totalCount
    }
    targetEn: targets(first: 0, filter: { mentionedInLanguage: EN }) {
      totalCount
    }
    trialEn: trials(first: 0, filter: { mentionedInLanguage: EN }) {
      totalCount
    }
    diseaseEn: diseases(first: 0, filter: { mentionedInLanguage: EN }) {
      totalCount
    }
  }
`);

export const OverviewTablesQuery = graphql(`
  query OverviewTables {
    targets(first: 20, orderBy: { field: DOCUMENT_COUNT, direction: DESC }) {
      edges {
        node {
          id
          name
          nameZh
          therapies(first: 12) {
            confidence
            node {
              id
              name
              nameZh
            }
          }
        }
      }
    }
    diseases(first: 50, orderBy: { field: DOCUMENT_COUNT, direction: DESC }) {
      edges {
        node {
          id
          name
          nameZh
          studiedIn(first: 12) {
            confidence
            node {
              ...EntityBrief
            }
          }
        }
      }
    }
    documents(first: 20) {
      edges {
        node {
          id
          claims(first: 50) {
            ...ClaimFields
          }
        }
      }
    }
  }
`);
