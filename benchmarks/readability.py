"""Readability rates of synopsis summaries (benchmarks/readability.md).

Two steps, so that the summaries of any synopsis checkout (main before a change, a
branch after it) are rated by the same checker:

    # with the checkout to rate on PYTHONPATH: write its summaries
    python benchmarks/readability.py dump DATA --split check --words 100 --out s.jsonl
    # with this checkout: rate them (sentence counts and flag rates)
    python benchmarks/readability.py rate DATA s.jsonl [--show KIND]

    # ROUGE-2 of one selection variant on a tune half (how the rules were decided)
    python benchmarks/readability.py rouge DATA --select '{"on_topic": false}'
    # ... with one refusal rule switched off (an ablation, not an option: --off help)
    python benchmarks/readability.py rouge DATA --off need:speakerless
    # how many candidate sentences (and words) each refusal rule removes
    python benchmarks/readability.py refusals DATA --split tune

``dump`` uses only ``synopsis.summarize`` and ``synopsis.evaluate.data``, which main has
too. ``--show`` prints the flagged sentences of one kind for reading (never commit them:
the data is research-use).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time


def dump(args: argparse.Namespace) -> None:
    import synopsis
    from synopsis.evaluate.data import read_clusters, split

    clusters = split(read_clusters(args.data), args.split)
    start = time.process_time()
    with open(args.out, "w", encoding="utf-8") as out:
        for cluster in clusters:
            try:
                summary = synopsis.summarize(cluster, words=args.words)
                sentences = [s.text for s in summary.sentences]
            except synopsis.SynopsisError:
                sentences = []
            out.write(json.dumps({"id": cluster.id, "sentences": sentences}) + "\n")
    print(
        f"{len(clusters)} summaries, {time.process_time() - start:.1f} s CPU, "
        f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB",
        file=sys.stderr,
    )


def rate(args: argparse.Namespace) -> None:
    from synopsis.evaluate.data import read_clusters
    from synopsis.evaluate.readability import KINDS, Readability, check, check_sentences

    clusters = {c.id: c for c in read_clusters(args.data)}
    total = Readability()
    with open(args.summaries, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    for row in rows:
        cluster = clusters[row["id"]]
        total += check(row["sentences"], cluster)
        if args.show:
            for flags in check_sentences(row["sentences"], cluster):
                if getattr(flags, args.show):
                    print(f"{row['id']}: {flags.text}")
    print(f"{len(rows)} summaries, {total.sentences} sentences")
    for kind in ("flagged", *KINDS, "repeat"):
        print(f"{kind:12} {getattr(total, kind):5d}  {100 * total.rate(kind):5.1f}%")


# Refusal rules a ``rouge --off`` run can switch off, one at a time or together: a need
# kind of dependencies.needs (the sentence is then read as needing nothing; "demonstrative"
# is "these findings"), the quotation-context rule, a reason of fragment or off_topic
# (the sentence then stands; "cut tail", "to-clause", "subordinate", "no verb" are
# dependencies.verbless),
# the announcement rule, the reaction rule (order and lead), taking an "another" with
# the candidate that meets it (pair-another), the generic "we"/"our" exemption
# (generic-we; the checker then counts them too), the wait of a name cited alone for its
# introduction (surname; dependencies.names.unintroduced), showing that introduction with
# the name instead of the wait (surname-introduction; dependencies.units
# .SHOW_INTRODUCTION: off, every such name waits), the lead demotion, or the unit size
# (max-unit=N).
NEED_KINDS = ("pronoun", "definite", "connective", "continued-quote", "open-quote", "speaker")
NEED_KINDS += ("speakerless", "first-person", "another", "demonstrative")
FRAGMENTS = ("glued", "page text", "lower-case start", "no final punctuation")
FRAGMENTS += ("cut tail", "to-clause", "subordinate", "no verb")
OFF_TOPIC = ("another event", "tip line", "page text", "question")
ABLATIONS = (
    *(f"need:{k}" for k in NEED_KINDS),
    "quote-context",
    *(f"fragment:{k}" for k in FRAGMENTS),
    *(f"off-topic:{k}" for k in OFF_TOPIC),
    "announces",
    "reacts",
    "pair-another",
    "generic-we",
    "surname",
    "surname-introduction",
    "lead-demotion",
    "unit-stands",
    "max-unit=N",
)


def ablate(off: list[str]) -> None:
    """Switch the named refusal rules off in this process (module attributes the selector
    reads patched; the checker keeps its own references, so it still judges by every
    rule)."""
    import synopsis.dependencies as dependencies
    from synopsis.dependencies import names, sentence, units
    from synopsis.select import greedy
    from synopsis.select import units as select_units

    kinds = {o.split(":", 1)[1] for o in off if o.startswith("need:")}
    frags = {o.split(":", 1)[1] for o in off if o.startswith("fragment:")}
    topics = {o.split(":", 1)[1] for o in off if o.startswith("off-topic:")}
    unknown = [o for o in off if o not in ABLATIONS and not o.startswith("max-unit=")]
    if unknown:
        raise SystemExit(f"unknown --off {unknown}; known: {', '.join(ABLATIONS)}")
    if kinds:
        needs = units.needs

        def needs_off(text):
            need = needs(text)
            return None if need is not None and need.kind in kinds else need

        units.needs = needs_off  # (read by Article.needs)
        if "speaker" in kinds:  # the selector's view only: the checker still asks speaker_need
            article_needs = dependencies.Article.needs

            def article_needs_off(self, i):
                need, balance, _speaker, context = article_needs(self, i)
                return need, balance, None, context

            dependencies.Article.needs = article_needs_off
    if "quote-context" in off:
        units.quote_context = lambda text: None  # (read by Article.needs)
    if frags:
        fragment = select_units.fragment  # (read by _standalone, in select.units)
        select_units.fragment = lambda text: None if fragment(text) in frags else fragment(text)
    if topics:
        off_topic = select_units.off_topic
        select_units.off_topic = lambda text: None if off_topic(text) in topics else off_topic(text)
    if "announces" in off:
        greedy.announces = lambda text: False
    if "reacts" in off:  # reactions open a summary and keep their place in the order
        greedy.reacts = lambda text: False
    if "generic-we" in off:  # "our planet", "as we know it" count as first-person text
        sentence.GENERIC_WE = False
    if "surname" in off:  # a name cited alone waits for nothing (the checker still flags it)
        names.SURNAME = False
    if "surname-introduction" in off:  # "[spokesman Webb] said" not shown: "Webb said" waits
        units.SHOW_INTRODUCTION = False
    if "pair-another" in off:  # "another resident" only after a resident was taken
        greedy.PAIR_ANOTHER = False
    if "lead-demotion" in off:
        greedy.not_a_lead = lambda text, quotation=False: None
    if "unit-stands" in off:  # a unit whose other parts do not stand is still taken
        of = select_units._Units.of

        def of_off(self, g):
            saved, self.on_topic = self.on_topic, False
            try:
                return of(self, g)
            finally:
                self.on_topic = saved

        select_units._Units.of = of_off
    sizes = [int(o.split("=", 1)[1]) for o in off if o.startswith("max-unit=")]
    if sizes:
        resolve = select_units.resolve  # (read by _Units.of)
        select_units.resolve = lambda texts, k, article=None: resolve(texts, k, sizes[-1], article)


def rouge(args: argparse.Namespace) -> None:
    from synopsis.evaluate.data import read_clusters, split
    from synopsis.evaluate.readability import Readability, check
    from synopsis.evaluate.rouge import RougeMetric
    from synopsis.evaluate.systems import cut
    from synopsis.options import Options, SelectOptions
    from synopsis.pipeline import run

    ablate([o for o in args.off.split(",") if o])
    clusters = split(read_clusters(args.data), args.split)
    options = Options(select=SelectOptions(words=args.words, **json.loads(args.select)))
    metric, total, rated, words = RougeMetric(), 0.0, Readability(), 0
    for cluster in clusters:
        sentences = [s.text for s in run(cluster, options).sentences]
        kept = cut(sentences, args.words)
        words += sum(len(s.split()) for s in kept)
        total += metric.score(kept, cluster.reference or "").rouge2.fmeasure
        rated += check(sentences[: len(kept)], cluster)
    print(
        f"{args.select} off={args.off or '-'}: ROUGE-2 F1 {100 * total / len(clusters):.2f}, "
        f"{words / len(clusters):.0f} words, "
        f"flagged {100 * rated.rate('flagged'):.1f}% of {rated.sentences} sentences, "
        f"repeats {rated.repeat}"
    )


def _spy_on_select(pipeline) -> dict:  # type: ignore[no-untyped-def]
    """Make the pipeline record, under "scored", the scored cluster it hands to select."""
    seen: dict = {}
    select = pipeline.select

    def spy(scored, *rest, **kw):  # type: ignore[no-untyped-def]
        seen["scored"] = scored
        return select(scored, *rest, **kw)

    pipeline.select = spy
    return seen


def budget(args: argparse.Namespace) -> None:
    """Where the budget goes unused: the words of each cluster's best-scored candidates
    (top ``--top`` by score), by the first rule that keeps each one out."""
    import collections

    import numpy as np

    import synopsis.pipeline as pipeline
    from synopsis.dependencies import fragment, needs, resolve
    from synopsis.evaluate.data import read_clusters, split
    from synopsis.options import Options, SelectOptions
    from synopsis.topic import off_topic

    seen = _spy_on_select(pipeline)
    options = Options(select=SelectOptions(words=args.words))
    lo, hi = options.select.min_words, options.select.max_words
    words = collections.Counter()
    clusters = split(read_clusters(args.data), args.split)
    for cluster in clusters:
        pipeline.run(cluster, options)
        scored = seen["scored"]
        for r in np.argsort(-np.asarray(scored.scores), kind="stable")[: args.top]:
            s = scored.sentences[r]
            texts = [t.text for t in scored.documents[s.doc_index].sentences]
            if not lo <= s.words <= hi:
                reason = "length: " + ("short" if s.words < lo else "long")
            elif off_topic(s.text):
                reason = "off-topic: " + str(off_topic(s.text))
            elif fragment(s.text):
                reason = "fragment: " + str(fragment(s.text))
            elif (unit := resolve(texts, s.index)) is None:
                need = needs(s.text)
                reason = "dependency: " + (need.kind if need else "speaker")
            elif any(off_topic(t) or fragment(t) for t in texts[unit.first : unit.last + 1]):
                reason = "unit part not standalone"
            else:
                reason = "selectable"
            words[reason] += s.words
    total = sum(words.values())
    print(f"{len(clusters)} clusters, top {args.top} candidates each, {total} words")
    for reason, n in words.most_common():
        print(f"{reason:32} {n:7d}  {100 * n / total:5.1f}%")


def refusals(args: argparse.Namespace) -> None:
    """Every sentence the pipeline scores, by the first rule of ``select`` that keeps it
    from being a candidate (in the selector's order: length, on topic and whole,
    announcement, dependencies, a unit part that does not stand): sentences and words."""
    import collections

    import synopsis.pipeline as pipeline
    from synopsis import dependencies
    from synopsis.dependencies import announces
    from synopsis.evaluate.data import read_clusters, split
    from synopsis.options import Options, SelectOptions
    from synopsis.select.units import _Units
    from synopsis.topic import off_topic

    seen = _spy_on_select(pipeline)
    options = Options(select=SelectOptions(words=args.words))
    lo, hi = options.select.min_words, options.select.max_words
    counts, words = collections.Counter(), collections.Counter()
    clusters = split(read_clusters(args.data), args.split)
    for cluster in clusters:
        seen.clear()
        pipeline.run(cluster, options)
        if "scored" not in seen:
            continue
        scored = seen["scored"]
        units = _Units(scored, True, True)
        for g, s in enumerate(scored.sentences):
            text = units.text(g)
            if not lo <= s.words <= hi:
                reason = "length: " + ("short" if s.words < lo else "long")
            elif not units.stands(g):
                why = off_topic(text)
                reason = f"off-topic: {why}" if why else f"fragment: {dependencies.fragment(text)}"
            elif announces(text):
                reason = "announces"
            elif units.of(g) is None:
                article = units.article(s.doc_index)
                if dependencies.resolve(article.texts, s.index, article=article) is not None:
                    reason = "unit part not standalone"
                elif dependencies.quote_context(text) is not None:
                    reason = "dependency: quote-context"
                else:
                    need = dependencies.needs(text) or dependencies.speaker_need(text)
                    reason = "dependency: " + (need.kind if need else "in unit")
            else:
                reason = "selectable"
            counts[reason] += 1
            words[reason] += s.words
    total, n = sum(words.values()), sum(counts.values())
    print(f"{len(clusters)} clusters, {n} sentences, {total} words")
    for reason, w in words.most_common():
        print(
            f"{reason:34} {counts[reason]:6d} sentences {100 * counts[reason] / n:5.1f}%"
            f"  {w:7d} words {100 * w / total:5.1f}%"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="write summaries of one split as JSON Lines")
    d.add_argument("data")
    d.add_argument("--split", default="check")
    d.add_argument("--words", type=int, default=100)
    d.add_argument("--out", required=True)
    r = sub.add_parser("rate", help="rate dumped summaries with this checkout's checker")
    r.add_argument("data")
    r.add_argument("summaries")
    r.add_argument("--show", default="", help="print the sentences flagged with this kind")
    g = sub.add_parser("rouge", help="ROUGE-2 and flagged share of one selection variant")
    g.add_argument("data")
    g.add_argument("--split", default="tune")
    g.add_argument("--words", type=int, default=300)
    g.add_argument("--select", default="{}", help="SelectOptions fields as JSON")
    g.add_argument(
        "--off",
        default="",
        help="refusal rules to switch off, comma-separated: " + ", ".join(ABLATIONS),
    )
    f = sub.add_parser("refusals", help="sentences and words removed by each refusal rule")
    f.add_argument("data")
    f.add_argument("--split", default="tune")
    f.add_argument("--words", type=int, default=300)
    b = sub.add_parser("budget", help="words of the best candidates, by the rule that drops them")
    b.add_argument("data")
    b.add_argument("--split", default="tune")
    b.add_argument("--words", type=int, default=300)
    b.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    commands = {"dump": dump, "rate": rate, "rouge": rouge, "budget": budget, "refusals": refusals}
    commands[args.command](args)


if __name__ == "__main__":
    main()
