# The cellkg CLI and API (used by docker-compose.yml's ingest and api services).
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
COPY examples ./examples
ENV PYTHONUNBUFFERED=1
