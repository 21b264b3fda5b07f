"""Errors a client may see, and the rule that masks every other one.

Resolvers raise :class:`UserError` (or a subclass) for anything the caller can fix or should
know about; its message reaches the client. Any other exception is a bug or an internal detail
(Cypher text, hostnames) and is replaced by a generic message.
"""

from __future__ import annotations

from graphql import GraphQLError

MASKED_MESSAGE = "Internal error; the server log has the details."


class UserError(Exception):
    """A problem the client can act on; its message is shown as is."""


class GraphUnavailable(UserError):
    """Neo4j cannot be reached or did not answer in time."""


class MutationsDisabled(UserError):
    pass


def should_mask(error: GraphQLError) -> bool:
    """Mask exceptions raised while resolving, except UserErrors; parse and validation
    errors (no original exception) describe the query itself and are kept."""
    original = error.original_error
    return original is not None and not isinstance(original, UserError)
