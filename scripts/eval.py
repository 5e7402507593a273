#!/usr/bin/env python3
"""Scores factlint on the real-news corpus of eval/ (see eval/README.md).

Stages every excerpt (and every copy with an injected error) as a Markdown article with front
matter, runs `factlint check --format json` once per story group, and compares the findings
with the annotations: recall by kind and confidence, precision over errors and warnings, traps
hit, clean articles with alarms, and every false positive and miss on a line of its own.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
CACHE = Path(os.environ.get("FACTLINT_EVAL_CACHE", Path.home() / ".cache/factlint/eval-texts"))
FAMILIES = ("name", "title", "date", "count")
# The store puts the page's date before some excerpts: metadata, not the article's words.
STORE_DATE = re.compile(r"^\s*date \d{4}(-\d{2}){0,2}\s+")


def text_of(article_id, expected_sha, problems):
    for folder in (EVAL / "texts", CACHE):
        path = folder / f"{article_id}.txt"
        if path.is_file():
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if expected_sha and digest != expected_sha:
                problems.append(f"{article_id}: text differs from its sha256 ({path})")
            return data.decode("utf-8")
    problems.append(f"{article_id}: no text (eval/texts/{article_id}.txt; see eval/README.md)")
    return None


def occurrences(text, surface):
    found, start = [], 0
    while surface and (at := text.find(surface, start)) >= 0:
        found.append((at, at + len(surface)))
        start = at + 1
    return found


def places(text, note, problems, label):
    """The byte ranges (in the UTF-8 body) an expectation or trap covers."""
    spans = occurrences(text, note["surface"])
    if "occurrence" in note:
        n = note["occurrence"]
        spans = spans[n - 1 : n] if 0 < n <= len(spans) else []
    if not spans:
        problems.append(f"{label}: surface not found: {note['surface']!r}")
    # Character offsets to UTF-8 byte offsets.
    return [(len(text[:a].encode()), len(text[:b].encode())) for a, b in spans]


def inject(text, injection):
    spans = occurrences(text, injection["find"])
    n = injection.get("occurrence", 1)
    if not 0 < n <= len(spans):
        return None
    a, b = spans[n - 1]
    return text[:a] + injection["replace"] + text[b:], a


def load_articles(problems):
    articles = []
    for path in sorted((EVAL / "articles").glob("*.toml")):
        try:
            doc = tomllib.loads(path.read_text())
        except tomllib.TOMLDecodeError as err:
            problems.append(f"{path.name}: not valid TOML: {err}")
            continue
        meta = doc.get("article", {})
        if meta.get("id") != path.stem:
            problems.append(f"{path.name}: [article] id should be {path.stem!r}")
            continue
        text = text_of(meta["id"], meta.get("sha256"), problems)
        if text is None:
            continue
        text = STORE_DATE.sub("", text, count=1)
        base = {
            "id": meta["id"],
            "meta": meta,
            "text": text,
            "expect": doc.get("expect", []),
            "trap": doc.get("trap", []),
            "injected": None,
        }
        articles.append(base)
        for n, injection in enumerate(doc.get("injection", []), 1):
            done = inject(text, injection)
            if done is None:
                problems.append(f"{meta['id']}: injection {n}: text to replace not found: {injection['find']!r}")
                continue
            new_text, at = done
            # The base's notes that still read the same, plus the injected error itself.
            kept = lambda notes: [x for x in notes if x["surface"] in new_text and "occurrence" not in x]
            planted = dict(injection, surface=injection["replace"])
            planted["occurrence"] = new_text[:at].count(injection["replace"]) + 1
            planted["injected"] = True
            articles.append(
                {
                    "id": f"{meta['id']}~inj{n}",
                    "meta": meta,
                    "text": new_text,
                    "expect": kept(base["expect"]) + [planted],
                    "trap": kept(base["trap"]),
                    "injected": base["id"],
                }
            )
    return articles


def stage(article, folder):
    meta = article["meta"]
    head = ["---", f"published: {meta['published']}"]
    for key in ("outlet", "url"):
        if meta.get(key):
            head.append(f"{key}: {json.dumps(meta[key], ensure_ascii=False)}")
    head.append("---\n")
    front = "\n".join(head)
    path = folder / f"{article['id']}.md"
    path.write_text(front + article["text"], encoding="utf-8")
    article["path"] = path
    article["body_offset"] = len(front.encode())


def runs(articles):
    """Articles checked together: a story group (an injected copy stands in for its base), or one alone."""
    groups = defaultdict(list)
    for a in articles:
        if not a["injected"] and a["meta"].get("group"):
            groups[a["meta"]["group"]].append(a)
    out = [members for members in groups.values()]
    for a in articles:
        group = a["meta"].get("group")
        if a["injected"] and group:
            out.append([a] + [m for m in groups[group] if m["id"] != a["injected"]])
        elif not group:
            out.append([a])
    return out


def check(binary, files, rules):
    args = [binary, "check", "--format", "json", "--fail-on", "never"]
    for r in rules:
        args += ["--rules", str(r)]
    done = subprocess.run(args + [str(f) for f in files], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"factlint failed ({done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout)["findings"]


def score(articles, binary, rules, folder):
    if folder.exists():
        shutil.rmtree(folder)
    problems = []
    notes = []  # (article, kind, note, spans)
    for i, members in enumerate(runs(articles)):
        run = folder / f"run{i:03}"
        run.mkdir(parents=True)
        for a in members:
            stage(a, run)
        owner = {str(a["path"]): a for a in members}
        for f in check(binary, [a["path"] for a in members], rules):
            a = owner.get(f["path"])
            # Only the article this run is about: its group mates are scored in their own run.
            if a is None or (a["injected"] is None and any(m["injected"] for m in members)):
                continue
            if f["severity"] not in ("error", "warning"):
                continue
            start = f["span"]["start"] - a["body_offset"]
            end = f["span"]["end"] - a["body_offset"]
            a.setdefault("findings", []).append((start, max(end, start + 1), f))
    for a in articles:
        for kind in ("expect", "trap"):
            for note in a[kind]:
                notes.append((a, kind, note, places(a["text"], note, problems, a["id"])))
        a.setdefault("findings", [])
    return notes, problems


def family(code):
    return code.split(".")[0]


def report(articles, notes, problems, show):
    lines = []
    hit_expect = set()  # indices into notes
    finding_ok = set()  # (article id, finding index)
    trap_hits = []
    for i, (a, kind, note, spans) in enumerate(notes):
        fam = note.get("family")
        matched = [
            (k, f)
            for k, (s, e, f) in enumerate(a["findings"])
            if any(s < b and x < e for x, b in spans) and (kind == "trap" or family(f["code"]) == fam)
        ]
        if kind == "expect":
            if matched:
                hit_expect.add(i)
                finding_ok.update((a["id"], k) for k, _ in matched)
        elif matched:
            trap_hits.append((a, note, matched))
    # A finding an expectation asks for is right, whatever trap its text also overlaps.
    trap_hits = [
        (a, note, wrong)
        for a, note, matched in trap_hits
        if (wrong := [(k, f) for k, f in matched if (a["id"], k) not in finding_ok])
    ]

    recall_family, recall_conf, recall_origin = (defaultdict(lambda: [0, 0]) for _ in range(3))
    misses = []
    for i, (a, kind, note, spans) in enumerate(notes):
        if kind != "expect":
            continue
        hit = i in hit_expect
        for table, key in (
            (recall_family, note.get("family", "?")),
            (recall_conf, note.get("confidence", "?")),
            (recall_origin, "injected" if note.get("injected") else "natural"),
        ):
            table[key][0] += hit
            table[key][1] += 1
        if not hit:
            misses.append((a, note))

    false_positives = []
    total_alarms = 0
    for a in articles:
        for k, (s, e, f) in enumerate(a["findings"]):
            total_alarms += 1
            if (a["id"], k) not in finding_ok:
                false_positives.append((a, f))

    clean = [a for a in articles if not a["injected"] and not a["expect"]]
    clean_alarmed = [a for a in clean if a["findings"]]
    traps = [n for n in notes if n[1] == "trap"]
    expects = [n for n in notes if n[1] == "expect"]
    hits = sum(v[0] for v in recall_family.values())

    def ratio(n, d):
        return f"{n / d:.2f}" if d else "n/a"

    out = lines.append
    base = sum(1 for a in articles if not a["injected"])
    out(f"articles: {base} excerpts + {len(articles) - base} with an injected error")
    out(f"recall: {hits}/{len(expects)} = {ratio(hits, len(expects))}")
    for name, table in (("kind", recall_family), ("confidence", recall_conf), ("origin", recall_origin)):
        cells = ", ".join(f"{k} {v[0]}/{v[1]} = {ratio(*v)}" for k, v in sorted(table.items()))
        out(f"  by {name}: {cells}")
    right = total_alarms - len(false_positives)
    out(f"precision (errors and warnings): {right}/{total_alarms} = {ratio(right, total_alarms)}")
    out(f"traps hit: {len(trap_hits)}/{len(traps)} = {ratio(len(trap_hits), len(traps))}")
    out(
        f"clean articles without an alarm: {len(clean) - len(clean_alarmed)}/{len(clean)} = "
        f"{ratio(len(clean) - len(clean_alarmed), len(clean))}"
    )
    if show:
        for a, f in false_positives:
            out(f"FP   {a['id']}: {f['severity']}[{f['code']}] {f['message']}")
        for a, note in misses:
            out(f"MISS {a['id']}: {note.get('family')} {note['surface']!r} — {note.get('why', '')}")
        for a, note, matched in trap_hits:
            codes = ", ".join(f["code"] for _, f in matched)
            out(f"TRAP {a['id']}: {note['surface']!r} ({codes}) — {note.get('why', '')}")
    for p in problems:
        out(f"ANNOTATION {p}")
    summary = {
        "recall": hits / len(expects) if expects else None,
        "precision": right / total_alarms if total_alarms else None,
        "traps_hit": len(trap_hits),
        "traps": len(traps),
        "clean_alarmed": len(clean_alarmed),
        "clean": len(clean),
        "recall_by_kind": {k: v for k, v in recall_family.items()},
        "recall_by_confidence": {k: v for k, v in recall_conf.items()},
        "alarms": total_alarms,
        "false_positives": len(false_positives),
    }
    return lines, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=str(ROOT / "target/release/factlint"))
    parser.add_argument("--bundled-only", action="store_true", help="check with the bundled rules alone")
    parser.add_argument("--summary", action="store_true", help="figures only, no line per false positive or miss")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--only", metavar="PREFIX", help="only the articles whose id starts so")
    args = parser.parse_args()
    problems = []
    articles = load_articles(problems)
    if args.only:
        articles = [a for a in articles if a["id"].startswith(args.only)]
    if not articles:
        sys.exit("no article to score: stage the texts first (eval/README.md)")
    rules = [ROOT / "rules"] + ([] if args.bundled_only else [EVAL / "rules"])
    notes, more = score(articles, args.binary, rules, EVAL / ".staged")
    lines, summary = report(articles, notes, problems + more, not args.summary)
    print("\n".join(lines))
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
