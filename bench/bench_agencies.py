"""Speed of agency recognition on the seed texts: the token-trie matcher vbparse uses, and
spaCy's PhraseMatcher (blank "xx" tokenizer) fed the same folded aliases, for comparison.
Also lists every body the named-body grammar (named_bodies.yaml, id None) and every group
phrase the group grammar (groups.yaml) finds in the seeds, the unseen and the held-out
fixtures (both held-out sets), so that their false positives can be read off.

Run: .venv/bin/python bench/bench_agencies.py  (prints figures; no thresholds)
"""

from __future__ import annotations

import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
UNSEEN = sorted((FIXTURES / "unseen").glob("*.txt"))
HELDOUT = sorted((FIXTURES / "heldout").glob("*.txt"))
HELDOUT3 = sorted((FIXTURES / "heldout3").glob("*.txt"))


def grammar_bodies_report() -> None:
    """Every grammar-named body (no gazetteer id) and every group the gazetteer does not list
    by id, per fixture set, with its count."""
    from collections import Counter

    from vbparse.extract.agencies.matcher import find_agencies, load_gazetteer

    listed = {e.id for e in load_gazetteer().entries}
    for label, paths in (
        ("seeds", SEEDS),
        ("unseen", UNSEEN),
        ("held-out", HELDOUT),
        ("held-out 3", HELDOUT3),
    ):
        named: Counter[tuple[str, str]] = Counter()
        groups: Counter[str] = Counter()
        total = 0
        for path in paths:
            for agency in find_agencies(path.read_text(encoding="utf-8")):
                total += 1
                if agency.id is None:
                    named[(agency.name, agency.kind)] += 1
                elif agency.kind == "group" and agency.id not in listed:
                    groups[agency.name] += 1
        print(f"named bodies in {label}: {sum(named.values())} of {total} mentions")
        for (name, kind), n in named.most_common():
            print(f"  {n:3d}  {kind:12s} {name}")
        print(f"composed groups in {label}: {sum(groups.values())} of {total} mentions")
        for name, n in groups.most_common():
            print(f"  {n:3d}  {name}")


def main() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    chars = sum(len(t) for t in texts)

    t0 = time.perf_counter()
    from vbparse.extract.agencies.matcher import find_agencies, load_gazetteer
    from vbparse.extract.tasks.roles import find_roles

    gazetteer = load_gazetteer()
    print(
        f"gazetteer: {len(gazetteer.entries)} entries, loaded in {time.perf_counter() - t0:.2f} s"
    )

    repeats = 5
    t0 = time.perf_counter()
    for _ in range(repeats):
        mentions = sum(len(list(find_agencies(t))) for t in texts)
    elapsed = (time.perf_counter() - t0) / repeats
    print(
        f"trie matcher: {mentions} mentions in {chars} chars, {elapsed * 1000:.1f} ms "
        f"({chars / elapsed / 1e6:.2f} M chars/s)"
    )

    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    t0 = time.perf_counter()
    for p in paragraphs:
        find_roles(p)
    elapsed = time.perf_counter() - t0
    print(f"find_roles: {len(paragraphs)} paragraphs in {elapsed * 1000:.1f} ms")
    grammar_bodies_report()

    try:
        import spacy
        from spacy.matcher import PhraseMatcher
    except ImportError:
        print("spaCy not installed: PhraseMatcher comparison skipped")
        return
    from vbparse.extract.agencies.keys import fold_phrase

    t0 = time.perf_counter()
    nlp = spacy.blank("xx")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    patterns = {}
    for entry in gazetteer.entries:
        for alias in (entry.name, *entry.aliases):
            patterns.setdefault(entry.id, []).append(nlp.make_doc(" ".join(fold_phrase(alias))))
    for entry_id, docs in patterns.items():
        matcher.add(entry_id, docs)
    print(f"PhraseMatcher: built in {time.perf_counter() - t0:.2f} s")
    folded = [" ".join(fold_phrase(t)) for t in texts]
    t0 = time.perf_counter()
    for _ in range(repeats):
        found = 0
        for doc in nlp.pipe(folded):
            found += len(spacy.util.filter_spans([doc[s:e] for _, s, e in matcher(doc)]))
    elapsed = (time.perf_counter() - t0) / repeats
    print(f"PhraseMatcher: {found} spans (no groups, no list expansion), {elapsed * 1000:.1f} ms")


if __name__ == "__main__":
    main()
