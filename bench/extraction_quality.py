"""Extraction quality: precision and recall of ``extract`` on the test corpus, as a table and as JSON.

Three sets (tests/services/extraction_corpus.py): CASES, the development set the rules were written against;
HELD_OUT, written before tuning and then fixed where it showed general gaps; UNSEEN, written after all tuning
and never tuned on — the honest estimate for new text. "strict" compares every field including the indicator's
wording; "figure" every field but the wording (value, unit, comparator, approx, hedge, deadline, period,
baseline). Run: ``.venv/bin/python -m bench.extraction_quality``.
"""

from __future__ import annotations

import json
import time

from app.services.extraction import extract
from tests.services.extraction_corpus import CASES, HELD_OUT, UNSEEN, Case, score

SETS: dict[str, tuple[Case, ...]] = {"cases": CASES, "held_out": HELD_OUT, "unseen": UNSEEN}


def measure() -> dict[str, dict[str, float | int]]:
    results: dict[str, dict[str, float | int]] = {}
    for name, cases in SETS.items():
        for level in ("strict", "figure"):
            s = score(cases, with_indicator=level == "strict")
            results[f"{name}/{level}"] = {
                "cases": len(cases),
                "expected": s.expected,
                "proposed": s.proposed,
                "correct": s.correct,
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
            }
    return results


def throughput() -> float:
    """Characters per second over the whole corpus repeated (a rough figure; extraction is linear)."""
    text = "\n".join(c.text for c in CASES + HELD_OUT + UNSEEN) * 20
    start = time.perf_counter()
    extract(text)
    return len(text) / (time.perf_counter() - start)


def main() -> None:
    results = measure()
    print(
        f"{'set/level':<18}{'cases':>6}{'expected':>10}{'proposed':>10}{'correct':>9}{'precision':>11}{'recall':>8}"
    )
    for name, r in results.items():
        print(
            f"{name:<18}{r['cases']:>6}{r['expected']:>10}{r['proposed']:>10}{r['correct']:>9}"
            f"{r['precision']:>11.3f}{r['recall']:>8.3f}"
        )
    speed = throughput()
    print(f"\nthroughput: {speed:,.0f} characters/s")
    print(json.dumps({"results": results, "chars_per_second": round(speed)}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
