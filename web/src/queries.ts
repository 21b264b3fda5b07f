// Every operation the explorer sends; typed by graphql-codegen from ../api/schema.graphql.
import { graphql } from "./gql";

export const EntityBriefFragment = graphql(`
  fragment EntityBrief on Entity {
    __typename
    id
    name
    nameZh
    type
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
export const GTherapyEdgeFragment = graphql(`
  fragment GTherapyEdge on TherapyRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
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
export const GTargetEdgeFragment = graphql(`
  fragment GTargetEdge on TargetRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
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
export const GDiseaseEdgeFragment = graphql(`
  fragment GDiseaseEdge on DiseaseRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
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
export const GTrialEdgeFragment = graphql(`
  fragment GTrialEdge on TrialRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
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
export const GInstitutionEdgeFragment = graphql(`
  fragment GInstitutionEdge on InstitutionRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
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
export const GResearcherEdgeFragment = graphql(`
  fragment GResearcherEdge on ResearcherRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
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
export const GAnyEdgeFragment = graphql(`
  fragment GAnyEdge on EntityRelationEdge {
    relationId
    type
    confidence
    evidenceCount
    documentCount
    negated
    node {
      ...EntityBrief
    }
  }
`);
/**
 * An entity with every relation it takes part in (negated ones too) and their first pieces of evidence.
 * Nested arguments are literals, not variables: the API's look-ahead (api/lookahead.py) fails on
 * variables below the top level and on @include/@skip.
 */
export const EntityQuery = graphql(`
  query Entity($id: ID!) {
    entity(id: $id) {
      ...EntityBrief
      aliases
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

/** The neighbourhood of an entity for the graph view: relations without evidence. */
export const NeighbourhoodQuery = graphql(`
  query Neighbourhood($id: ID!) {
    entity(id: $id) {
      ...EntityBrief
      aliases
      ... on Researcher {
        institutions(first: 25) {
          ...GInstitutionEdge
        }
        therapies(first: 25) {
          ...GTherapyEdge
        }
      }
      ... on Institution {
        researchers(first: 25) {
          ...GResearcherEdge
        }
        therapies(first: 25) {
          ...GTherapyEdge
        }
        trials(first: 25) {
          ...GTrialEdge
        }
        collaborators(first: 25) {
          ...GInstitutionEdge
        }
      }
      ... on Therapy {
        developedBy(first: 25) {
          ...GAnyEdge
        }
        targets(first: 25) {
          ...GTargetEdge
        }
        diseases(first: 25) {
          ...GDiseaseEdge
        }
        trials(first: 25) {
          ...GTrialEdge
        }
      }
      ... on Target {
        therapies(first: 25) {
          ...GTherapyEdge
        }
      }
      ... on Trial {
        testedTherapies(first: 25) {
          ...GTherapyEdge
        }
        conductedAt(first: 25) {
          ...GInstitutionEdge
        }
        studies(first: 25) {
          ...GDiseaseEdge
        }
      }
      ... on Disease {
        treatedBy(first: 25) {
          ...GTherapyEdge
        }
        studiedIn(first: 25) {
          ...GTrialEdge
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
          ingestedAt
        }
      }
    }
  }
`);

export const PathQuery = graphql(`
  query Path($from: ID!, $to: ID!, $maxHops: Int!) {
    path(from: $from, to: $to, maxHops: $maxHops) {
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
              id
              name
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
            id
            type
            confidence
            evidenceCount
            documentCount
            negated
            subject {
              id
              name
              type
            }
            object {
              id
              name
              type
            }
          }
        }
      }
    }
  }
`);
