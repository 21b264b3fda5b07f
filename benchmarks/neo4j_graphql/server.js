// The cellkg entity graph served by @neo4j/graphql (one compiled Cypher per operation), for
// benchmarks/bench_api.py. Env: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, PORT.
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const entity = "key: ID!\n  name: String!\n  name_zh: String\n  aliases: [String!]";
const rel = (field, type, direction, target) =>
  `${field}: [${target}!]! @relationship(type: "${type}", direction: ${direction}, properties: "Claim")`;

const typeDefs = `
type Claim @relationshipProperties { key: String  confidence: Float  evidence_count: Int  negated: Boolean }
type Researcher @node { ${entity}
  ${rel("institutions", "AFFILIATED_WITH", "OUT", "Institution")}
  ${rel("therapies", "DEVELOPS", "OUT", "Therapy")} }
type Institution @node { ${entity}
  ${rel("researchers", "AFFILIATED_WITH", "IN", "Researcher")}
  ${rel("trials", "CONDUCTED_AT", "IN", "Trial")} }
type Therapy @node { ${entity}
  ${rel("developers", "DEVELOPS", "IN", "Researcher")}
  ${rel("targets", "TARGETS", "OUT", "Target")}
  ${rel("diseases", "TREATS", "OUT", "Disease")}
  ${rel("trials", "TESTED_IN", "OUT", "Trial")} }
type Target @node { ${entity}
  ${rel("therapies", "TARGETS", "IN", "Therapy")} }
type Disease @node { ${entity}
  ${rel("treatedBy", "TREATS", "IN", "Therapy")}
  ${rel("studiedIn", "STUDIES", "IN", "Trial")} }
type Trial @node { ${entity}
  ${rel("conductedAt", "CONDUCTED_AT", "OUT", "Institution")}
  ${rel("studies", "STUDIES", "OUT", "Disease")} }
`;

const driver = neo4j.driver(process.env.NEO4J_URI, neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD));
// Case-insensitive string filters, as cellkg's name filters are: both sides then do the same work.
const features = { filters: { String: { CASE_INSENSITIVE: true } } };
const schema = await new Neo4jGraphQL({ typeDefs, driver, features }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port: Number(process.env.PORT) } });
console.log(`ready ${url}`);
