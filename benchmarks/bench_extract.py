"""Extraction throughput: English words/s and Chinese chars/s, one process and with --workers N.

The corpus is synthesised at run time from ../shared/corpus (documents repeated to --mb megabytes per
language). If en_core_web_sm is importable, its NER over the same English text is timed for a ratio.
Prints figures; not a test.
"""
from __future__ import annotations

import argparse
import time
from multiprocessing import Pool
from pathlib import Path

from extract import extract_text, read_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def corpus(lang: str, megabytes: float) -> list[str]:
    texts = [r.text for r in map(read_document, sorted(SHARED.glob("*.txt"))) if r.lang == lang]
    docs, size = [], 0
    while size < megabytes * 1_000_000:
        for text in texts:
            docs.append(text)
            size += len(text.encode("utf-8"))
    return docs


def _extract(args: tuple[str, str]) -> int:
    text, lang = args
    return len(extract_text(text, lang=lang).relations)


def timed(docs: list[str], lang: str, workers: int) -> float:
    extract_text(docs[0], lang=lang)  # build pipelines and lexicons outside the clock
    start = time.perf_counter()
    if workers > 1:
        with Pool(workers) as pool:
            pool.map(_extract, [(d, lang) for d in docs], chunksize=8)
    else:
        for doc in docs:
            _extract((doc, lang))
    return time.perf_counter() - start


def spacy_ratio(docs: list[str], ours: float) -> None:
    try:
        import en_core_web_sm
    except ImportError:
        print("en_core_web_sm is not installed: no ratio against statistical NER")
        return
    nlp = en_core_web_sm.load(exclude=["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"])
    start = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=16):
        pass
    theirs = time.perf_counter() - start
    print(f"en_core_web_sm NER: {theirs:.2f}s; cellkg extraction is {theirs / ours:.2f}x its speed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--mb", type=float, default=2.0, help="megabytes of text per language")
    args = parser.parse_args()
    english, chinese = corpus("en", args.mb), corpus("zh", args.mb)
    words = sum(len(d.split()) for d in english)
    chars = sum(len(d) for d in chinese)
    for workers in sorted({1, args.workers}):
        en_time, zh_time = timed(english, "en", workers), timed(chinese, "zh", workers)
        print(f"workers={workers}: English {words / en_time:,.0f} words/s ({words:,} words, {en_time:.2f}s); "
              f"Chinese {chars / zh_time:,.0f} chars/s ({chars:,} chars, {zh_time:.2f}s)")
        if workers == 1:
            single_en = en_time
    spacy_ratio(english, single_en)


if __name__ == "__main__":
    main()
