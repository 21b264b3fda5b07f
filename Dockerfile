# The cellkg CLI and API (used by docker-compose.yml's ingest and api services).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY cellkg ./cellkg
COPY extract ./extract
COPY graph ./graph
COPY api ./api
COPY cypher ./cypher
COPY examples ./examples
RUN pip install --no-cache-dir -e .
ENV PYTHONUNBUFFERED=1
