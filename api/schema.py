"""The strawberry schema with the safety limits from settings."""

from __future__ import annotations

from functools import partial
from typing import Any

import strawberry
from strawberry.extensions import (
    DisableIntrospection,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
)

from cellkg.api.cache import MAX_ENTRIES, SkipKnownValid
from cellkg.api.errors import MASKED_MESSAGE, should_mask
from cellkg.api.mutation import Mutation
from cellkg.api.query import Query
from cellkg.api.types.registry import ENTITY_CLASSES
from cellkg.core.settings import Settings


def build_schema(settings: Settings) -> strawberry.Schema:
    extensions: list[Any] = [  # factories: strawberry builds fresh extension instances per request
        partial(MaxTokensLimiter, max_token_count=settings.api_max_tokens),
        partial(QueryDepthLimiter, max_depth=settings.api_max_depth),
        partial(MaxAliasesLimiter, max_alias_count=settings.api_max_aliases),
        partial(MaskErrors, should_mask_error=should_mask, error_message=MASKED_MESSAGE),
        # a frontend sends the same few texts again and again: parse and validate each once
        partial(ParserCache, maxsize=MAX_ENTRIES),
        partial(SkipKnownValid, known={}),
    ]
    if not settings.api_introspection:
        extensions.append(DisableIntrospection)
    return strawberry.Schema(query=Query, mutation=Mutation, types=list(ENTITY_CLASSES.values()), extensions=extensions)
