# The cellkg CLI, API and web explorer (used by docker-compose.yml's ingest and api services).
FROM node:20-slim AS web
WORKDIR /web
COPY api/schema.graphql /api/schema.graphql
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web ./
RUN npm run build

FROM python:3.13-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY cellkg ./cellkg
COPY extract ./extract
COPY graph ./graph
COPY api ./api
COPY cypher ./cypher
# a regular install: queries, Browser assets, lexicons and the SDL ship inside the package
RUN pip install --no-cache-dir . && rm -rf cellkg extract graph api cypher
COPY --from=web /web/dist ./web-dist
COPY examples ./examples
ENV PYTHONUNBUFFERED=1 CELLKG_WEB_DIST=/app/web-dist
