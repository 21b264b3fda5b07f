"""Operations: provisioning and running Neo4j and the API, bulk import with neo4j-admin."""
