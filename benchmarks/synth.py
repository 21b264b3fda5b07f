"""A synthetic cell-therapy corpus (English and Chinese) that carries its own ground truth.

Document ``i`` depends only on ``(seed, i)``, so a corpus of any size is streamed to disk one
document at a time and any slice can be regenerated. Entities are drawn from the domain lexicon
(extract/lexicon/*.tsv, or a small built-in vocabulary) plus invented people, institutions,
products and trial ids; pools grow with the corpus and draws are skewed, so popular entities
recur across documents and relations gather evidence from several of them, as in real news.
Each document yields its text, a FORMAT.md gold file and an ExtractionResult built from the
truth (the loader's input without running the extractor).

    python -m benchmarks.synth --docs 10000 --out /tmp/corpus --seed 7
    python -m benchmarks.synth --docs 300 --seed 7 --load --group 10    # into the CELLKG_* Neo4j
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from string import Formatter

from pypinyin import lazy_pinyin

from cellkg.core.model import DocumentRecord, Entity, Evidence, ExtractionResult, Mention, Relation, short_hash
from cellkg.extract.lexicon import LEXICON_DIR

SYNTH_VERSION = "cellkg-synth 1"
DOCS_PER_SHARD = 1000
_CJK = re.compile(r"[\u3400-\u9fff]")
_BUILTIN = {  # used when the lexicon files are absent: (English name, Chinese alias or "")
    "Therapy": [("CAR-T", "CAR-T细胞疗法"), ("CAR-NK", "CAR-NK细胞疗法"), ("TCR-T", ""), ("TIL therapy", "")],
    "Target": [("CD19", ""), ("BCMA", ""), ("GPRC5D", ""), ("CD7", ""), ("Claudin18.2", ""), ("NKG2D", "")],
    "Disease": [
        ("multiple myeloma", "多发性骨髓瘤"),
        ("gastric cancer", "胃癌"),
        ("B-cell lymphoma", "B细胞淋巴瘤"),
        ("acute myeloid leukemia", "急性髓系白血病"),
        ("lupus", "系统性红斑狼疮"),
    ],
    "Institution": [
        ("Tsinghua University", "清华大学"),
        ("Peking University", "北京大学"),
        ("Fudan University", "复旦大学"),
    ],
}
_SURNAMES = [
    ("张", "Zhang"),
    ("王", "Wang"),
    ("李", "Li"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("黄", "Huang"),
    ("赵", "Zhao"),
    ("吴", "Wu"),
    ("周", "Zhou"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("马", "Ma"),
    ("朱", "Zhu"),
    ("胡", "Hu"),
    ("郭", "Guo"),
    ("何", "He"),
    ("林", "Lin"),
    ("罗", "Luo"),
    ("高", "Gao"),
    ("欧阳", "Ouyang"),
]
_GIVEN = "明辉伟芳丽军勇敏静磊洋艳杰涛强娟霞平刚桂英华健红玲志宏建国晓雪梅鹏飞宇翔文博"
_PLACE = "安宁江海山平阳东南西北华新明清德泰湖川云岭溪林泉峰"
_WESTERN_FIRST = [
    "James",
    "Mary",
    "Robert",
    "Linda",
    "Michael",
    "Sarah",
    "David",
    "Emma",
    "Carl",
    "Laura",
    "Ethan",
    "Olivia",
]
_WESTERN_LAST = ["Smith", "Johnson", "Miller", "Davis", "Garcia", "Wilson", "Anderson", "Taylor", "Moore", "Martin"]
_INSTITUTION_FORMS = [
    ("{} University Hospital", "{}大学附属医院"),
    ("{} Institute of Cell Therapy", "{}细胞治疗研究所"),
    ("{} Medical University", "{}医科大学"),
    ("{} Cancer Center", "{}肿瘤医院"),
]

# (relation type or None, subject slot, object slot, English template, Chinese template)
SENTENCES = [
    ("AFFILIATED_WITH", "R", "I", "{R}, a professor at {I}, led the study.", "{I}的{R}教授团队牵头开展了这项研究。"),
    ("AFFILIATED_WITH", "R", "I", "Dr. {R} of {I} presented the results.", "{R}（{I}）表示，结果令人鼓舞。"),
    (
        "DEVELOPS",
        "I",
        "T",
        "{I} developed {T} for patients who had exhausted standard options.",
        "{I}研发的{T}已进入临床阶段。",
    ),
    ("DEVELOPS", "R", "T", "The team of {R} engineered {T} in-house.", "{R}团队自主研发了{T}。"),
    ("TARGETS", "T", "G", "{T} targets {G} on malignant cells.", "{T}靶向{G}。"),
    ("TREATS", "T", "D", "{T} produced durable responses in patients with {D}.", "{T}用于治疗{D}患者。"),
    ("TESTED_IN", "T", "X", "{T} is being evaluated in the {X} trial.", "{T}正在{X}试验中接受评估。"),
    ("CONDUCTED_AT", "X", "I", "The {X} study is being conducted at {I}.", "{X}试验在{I}开展。"),
    ("STUDIES", "X", "D", "{X} enrolls adults with relapsed {D}.", "{X}试验入组了复发的{D}患者。"),
    (
        "COLLABORATES_WITH",
        "I",
        "J",
        "{I} and {J} formed a joint team to scale up manufacturing.",
        "{I}与{J}联合组建了研究团队。",
    ),
    (None, "", "", "Manufacturing costs remain a major barrier to access.", "细胞治疗的生产成本仍然较高。"),
    (None, "", "", "The findings were published this month.", "相关成果近日发表。"),
    (None, "", "", "Side effects were manageable in most patients.", "多数患者的不良反应可控。"),
    (None, "", "", "Regulators asked for longer follow-up data.", "监管部门要求提供更长期的随访数据。"),
]
TITLES = ("{T} shows promise against {D}", "{T}治疗{D}取得新进展")
SLOT_TYPES = {
    "R": "Researcher",
    "I": "Institution",
    "J": "Institution",
    "T": "Therapy",
    "G": "Target",
    "D": "Disease",
    "X": "Trial",
}


@dataclass(frozen=True)
class SynthEntity:
    type: str
    name: str
    name_zh: str = ""

    def surface(self, lang: str) -> str:
        return self.name_zh if lang == "zh" and self.name_zh else self.name

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(sorted({self.name, self.name_zh} - {""}))


@dataclass
class SynthDoc:
    name: str
    lang: str
    text: str = ""
    entities: list[SynthEntity] = field(default_factory=list)
    mentions: list[tuple[int, int, int]] = field(default_factory=list)  # (entity index, start, end)
    relations: list[tuple[str, int, int, int, int]] = field(default_factory=list)  # (type, subj, obj, start, end)

    @property
    def doc_id(self) -> str:
        return short_hash(self.text)  # as extract.read_document computes it for a .txt file


def _lexicon_rows(file_name: str) -> list[list[str]]:
    path = LEXICON_DIR / file_name
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _first_cjk(aliases: str) -> str:
    return next((a for a in aliases.split("|") if _CJK.search(a)), "")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, list[SynthEntity]]:
    """Lexicon entries per type (generic umbrella terms left out: they make poor claims)."""
    found = {
        "Therapy": [SynthEntity("Therapy", r[0], _first_cjk(r[1])) for r in _lexicon_rows("therapies.tsv")],
        "Target": [SynthEntity("Target", r[0]) for r in _lexicon_rows("targets.tsv")],
        "Disease": [
            SynthEntity("Disease", r[0], _first_cjk(r[1]))
            for r in _lexicon_rows("diseases.tsv")
            if "generic" not in (r + ["", ""])[2]
        ],
        "Institution": [
            SynthEntity("Institution", r[0], _first_cjk(r[1]))
            for r in _lexicon_rows("institutions.tsv")
            if "regulator" not in (r + ["", ""])[2]
        ],
    }
    return {t: found[t] or [SynthEntity(t, en, zh) for en, zh in _BUILTIN[t]] for t in found}


def _chinese_person(rng: random.Random) -> SynthEntity:
    surname, family = rng.choice(_SURNAMES)
    given = "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))
    return SynthEntity("Researcher", f"{family} {''.join(lazy_pinyin(given)).capitalize()}", surname + given)


def invent(entity_type: str, index: int, seed: int) -> SynthEntity:
    """Entity number ``index`` of an invented pool: the same (type, index, seed) gives the same entity."""
    rng = random.Random(f"{seed}:{entity_type}:{index}")
    if entity_type == "Researcher":
        if rng.random() < 0.7:
            return _chinese_person(rng)
        return SynthEntity("Researcher", f"{rng.choice(_WESTERN_FIRST)} {rng.choice(_WESTERN_LAST)}")
    if entity_type == "Institution":
        place = rng.choice(_PLACE) + rng.choice(_PLACE)
        english, chinese = rng.choice(_INSTITUTION_FORMS)
        return SynthEntity(
            "Institution", english.format("".join(lazy_pinyin(place)).capitalize()), chinese.format(place)
        )
    if entity_type == "Therapy":
        code = "".join(rng.choice("ABCDEFGHKMPRTXZ") for _ in range(2))
        return SynthEntity("Therapy", f"{code}-{rng.randrange(100, 1000)}")
    return SynthEntity("Trial", f"NCT0{rng.randrange(10**6, 10**7)}")


def _pick(entity_type: str, rng: random.Random, pool: int, seed: int) -> SynthEntity:
    """Skewed draw (rank ~ u²) from the lexicon or an invented pool of ``pool`` entities."""
    known = vocabulary().get(entity_type, [])
    if known and (entity_type in ("Target", "Disease") or rng.random() < 0.6):  # no invented targets or diseases
        return known[int(len(known) * rng.random() ** 2)]
    return invent(entity_type, int(pool * rng.random() ** 2), seed)


def _cast(rng: random.Random, docs: int, seed: int) -> dict[str, SynthEntity]:
    pool = max(20, docs // 4)
    cast = {slot: _pick(t, rng, pool, seed) for slot, t in SLOT_TYPES.items()}
    while cast["J"] == cast["I"]:
        cast["J"] = invent("Institution", rng.randrange(pool * 2), seed)
    return cast


def _append(doc: SynthDoc, template: str, cast: dict[str, SynthEntity], slots: dict[str, int]) -> tuple[int, int]:
    """Fill ``template`` at the end of the text, recording a mention per slot; returns its span."""
    start = len(doc.text)
    for literal, slot, _, _ in Formatter().parse(template):
        doc.text += literal
        if slot:
            entity = cast[slot]
            if entity not in doc.entities:
                doc.entities.append(entity)
            slots[slot] = doc.entities.index(entity)
            surface = entity.surface(doc.lang)
            doc.mentions.append((slots[slot], len(doc.text), len(doc.text) + len(surface)))
            doc.text += surface
    return start, len(doc.text)


def generate_document(index: int, *, docs: int, seed: int) -> SynthDoc:
    rng = random.Random(f"{seed}:doc:{index}")
    lang = "zh" if rng.random() < 0.3 else "en"
    doc, cast = SynthDoc(name=f"{index:07d}", lang=lang), _cast(rng, docs, seed)
    _append(doc, TITLES[lang == "zh"], cast, {})
    doc.text += "\n"
    for rel_type, subj, obj, english, chinese in rng.sample(SENTENCES, rng.randrange(4, 11)):
        slots: dict[str, int] = {}
        start, end = _append(doc, chinese if lang == "zh" else english, cast, slots)
        doc.text += "" if lang == "zh" else " "
        if rel_type:
            doc.relations.append((rel_type, slots[subj], slots[obj], start, end))
    doc.text = doc.text.rstrip() + "\n"
    return doc


def iter_documents(docs: int, seed: int, start: int = 0, stop: int | None = None) -> Iterator[SynthDoc]:
    for index in range(start, docs if stop is None else min(stop, docs)):
        yield generate_document(index, docs=docs, seed=seed)


def gold_json(doc: SynthDoc, source: str = "") -> dict:
    """The document's truth in FORMAT.md's gold format (one relation per (type, source, target))."""
    entities = [
        {"id": f"e{i + 1}", "type": e.type, "name": e.name, "aliases": list(e.aliases)}
        for i, e in enumerate(doc.entities)
    ]
    relations, seen = [], set()
    for rel_type, subj, obj, start, end in doc.relations:
        if (rel_type, subj, obj) not in seen:
            seen.add((rel_type, subj, obj))
            relations.append(
                {"type": rel_type, "source": f"e{subj + 1}", "target": f"e{obj + 1}", "evidence": doc.text[start:end]}
            )
    return {
        "doc_id": doc.name,
        "lang": doc.lang,
        "source": source or f"{doc.name}.txt",
        "entities": entities,
        "relations": relations,
    }


def to_result(doc: SynthDoc, source: str = "") -> ExtractionResult:
    """The ExtractionResult a perfect extractor would return for ``doc``."""
    record = DocumentRecord(
        doc_id=doc.doc_id,
        name=doc.name,
        source=source or f"{doc.name}.txt",
        title=doc.text.split("\n", 1)[0],
        lang=doc.lang,
        text=doc.text,
    )
    entities = [Entity(e.type, e.name, e.aliases) for e in doc.entities]
    mentions = tuple(
        Mention(entities[i].key, record.doc_id, s, e, doc.text[s:e], "synth.lexicon") for i, s, e in doc.mentions
    )
    evidence: dict[tuple[str, int, int], list[Evidence]] = {}
    for rel_type, subj, obj, start, end in doc.relations:
        confidence = 0.7 + 0.01 * (start % 20)  # varied but reproducible, so noisy-OR sums differ
        evidence.setdefault((rel_type, subj, obj), []).append(
            Evidence(
                record.doc_id,
                doc.text[start:end],
                start,
                end,
                f"synth.{rel_type.lower()}",
                SYNTH_VERSION,
                confidence,
                lang=doc.lang,
                source=record.source,
                extracted_at="2026-01-01T00:00:00+00:00",
            )
        )
    relations = tuple(Relation(t, entities[s].key, entities[o].key, tuple(evs)) for (t, s, o), evs in evidence.items())
    return ExtractionResult(record, tuple(entities), mentions, relations, extractor_version=SYNTH_VERSION)


def document_path(out: Path, doc: SynthDoc, folder: str = "docs", suffix: str = ".txt") -> Path:
    """``out/docs/0001/0001234.txt``: shards of 1,000 so no folder grows unwieldy at 1M documents."""
    return out / folder / f"{int(doc.name) // DOCS_PER_SHARD:04d}" / f"{doc.name}{suffix}"


def write_corpus(out: Path, docs: int, seed: int, *, gold: bool = True) -> int:
    """Write ``docs`` documents (and gold files) under ``out``; returns the number of words written."""
    words = 0
    for doc in iter_documents(docs, seed):
        path = document_path(out, doc)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(doc.text, encoding="utf-8")
        words += (
            len(doc.text.split()) if doc.lang == "en" else int(len(doc.text) / 1.5)
        )  # ~1.5 characters per Chinese word
        if gold:
            gold_path = document_path(out, doc, "gold", ".gold.json")
            gold_path.parent.mkdir(parents=True, exist_ok=True)
            gold_path.write_text(json.dumps(gold_json(doc, str(path)), ensure_ascii=False, indent=1), encoding="utf-8")
    return words


def load_corpus(settings, docs: int, seed: int, *, group: int = 50, order_seed: int | None = None):
    """Generate and load straight into Neo4j (no extractor, no files): the loader under test.

    ``order_seed`` shuffles the document order, as concurrent ingesters see it.
    """
    from cellkg.graph.db import driver_session
    from cellkg.graph.loader import Loader, LoadReport
    from cellkg.ingest.stream import load_with_retry

    indices = list(range(docs))
    if order_seed is not None:
        random.Random(order_seed).shuffle(indices)
    report = LoadReport()
    with driver_session(settings) as driver:
        loader = Loader(driver, settings.neo4j_database)
        for start in range(0, docs, group):
            batch = [to_result(generate_document(i, docs=docs, seed=seed)) for i in indices[start : start + group]]
            report.add(load_with_retry(loader, batch))  # as `cellkg ingest` does
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synth", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, required=True, metavar="N", help="number of documents")
    parser.add_argument("--out", type=Path, metavar="DIR", help="writes DIR/docs and DIR/gold")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="same seed, same corpus")
    parser.add_argument("--no-gold", action="store_true", help="write the documents only")
    parser.add_argument("--load", action="store_true", help="load into the configured Neo4j instead of writing files")
    parser.add_argument("--group", type=int, default=50, metavar="G", help="documents per transaction with --load")
    parser.add_argument("--order-seed", type=int, default=None, metavar="O", help="shuffle the load order")
    args = parser.parse_args(argv)
    if args.load:
        from cellkg.core.settings import load_settings

        report = load_corpus(load_settings(), args.docs, args.seed, group=args.group, order_seed=args.order_seed)
        print(f"loaded {report.documents_loaded} documents ({report.documents_unchanged} unchanged)")
        return 0
    if args.out is None:
        parser.error("--out is required unless --load is given")
    words = write_corpus(args.out, args.docs, args.seed, gold=not args.no_gold)
    print(f"wrote {args.docs} documents (~{words} words) to {args.out / 'docs'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
