"""Mentions: finders propose typed candidates (lexicon, patterns), selection keeps the best of overlapping
ones, resolution joins aliases, abbreviations, anaphors and trial descriptions into one entity each."""
