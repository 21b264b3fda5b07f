"""The analysts' query library and the Neo4j Browser style and guide, shipped as package data."""
