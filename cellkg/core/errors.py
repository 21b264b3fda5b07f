"""One root error and a few specific ones; every message says what to do next.

Errors carry a stable ``code`` (as spaCy's E-numbers do) so that users and tests can
match on them without parsing prose.
"""

from __future__ import annotations


class CellKGError(Exception):
    """Root of every error cellkg raises on purpose."""

    code = "CKG000"
    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message}" + (f"\n  hint: {hint}" if hint else ""))


class ConfigError(CellKGError):
    code = "CKG100"
    exit_code = 2


class InputError(CellKGError):
    """A document cannot be read: binary, empty, undecodable, too large, unsupported type."""

    code = "CKG200"
    exit_code = 3

    def __init__(self, message: str, *, reason: str, path: str = "", hint: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(message, hint=hint)


class Neo4jUnavailable(CellKGError):
    code = "CKG300"
    exit_code = 4


class ProvisionError(CellKGError):
    """Java missing or too old, download failed, port taken, server not ready."""

    code = "CKG310"
    exit_code = 5


class NotFound(CellKGError):
    code = "CKG400"
    exit_code = 6
