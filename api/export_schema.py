"""Write the SDL to api/schema.graphql: ``python -m cellkg.api.export_schema`` (``--check`` to compare)."""

from __future__ import annotations

import sys
from pathlib import Path

from cellkg.api.schema import build_schema
from cellkg.core.settings import load_settings

SDL_PATH = Path(__file__).with_name("schema.graphql")


def current_sdl() -> str:
    return build_schema(load_settings()).as_str() + "\n"


def main(argv: list[str]) -> int:
    sdl = current_sdl()
    if "--check" in argv:
        if not SDL_PATH.exists() or SDL_PATH.read_text(encoding="utf-8") != sdl:
            print(f"{SDL_PATH} is out of date: run python -m cellkg.api.export_schema", file=sys.stderr)
            return 1
        return 0
    SDL_PATH.write_text(sdl, encoding="utf-8")
    print(f"wrote {SDL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
