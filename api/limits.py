"""Checks on sizes the client chooses, shared by every resolver that takes them."""

from __future__ import annotations

from strawberry import Info

from cellkg.api.errors import UserError

MAX_TEXT_LENGTH = 1_000  # search text, names and filter values


def max_page(info: Info) -> int:
    return info.context.settings.api_max_page_size


def page_size(info: Info, value: int | None, argument: str = "first") -> int | None:
    """``value`` if it is within 0..api_max_page_size, else a UserError naming the limit."""
    limit = max_page(info)
    if value is not None and not 0 <= value <= limit:
        raise UserError(f"'{argument}' must be between 0 and {limit}, got {value}")
    return value


def short_text(value: str, argument: str) -> str:
    if len(value) > MAX_TEXT_LENGTH:
        raise UserError(f"'{argument}' is longer than {MAX_TEXT_LENGTH} characters")
    if "\x00" in value:
        raise UserError(f"'{argument}' contains a NUL character")
    return value
