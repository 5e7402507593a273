#!/usr/bin/env python3
"""Where factlint's time goes, by component: reads `perf script -F tid,ip,sym --inline` output
(from `perf record --call-graph dwarf`) and attributes each sample to the innermost factlint
component on its stack (dates, counts, names, loading, each check, the JSON report, rules).

    profile_components.py SCRIPT.txt              # all threads
    profile_components.py SCRIPT.txt --tid N      # one thread (the main thread is the serial part)
    profile_components.py SCRIPT.txt "COMPONENT"  # which frames lead into one component

Used by scripts/profile.sh.
"""
import sys, collections, re
# Each sample goes to the first component, from the leaf up, one of whose keys a frame holds.
# Shared helpers (phrase lookups, the near-miss index) have no key: their samples go to the
# caller. Keys are specific: "unknown_mentions" holds "known_mentions", so the known names' keys
# are anchored.
rules = [
    ("read file", ["corpus::read ", "std::fs::read"]),
    ("load: markdown masking", ["input::markdown::"]),
    ("load: paragraphs, sentences", ["input::structure::"]),
    ("load: other", ["input::load", "factlint::input::"]),
    ("extract: word hashes", ["WordHashes::new"]),
    ("extract: unknown names", ["unknown_mentions", "name_from_run", "RunWord::new"]),
    ("extract: known names", [" known_mentions", "::known_mentions", "given_name_check"]),
    ("extract: titles", ["find_titles", "extract::title::"]),
    ("extract: events", ["SentenceEvents", "extract::event::"]),
    ("extract: dates", ["extract_dates", "extract::date::"]),
    ("extract: counts", ["extract_counts_around", "extract::count::"]),
    ("extract: other (claims, phrase lookups inlined)", ["extract::extract", "find_mentions"]),
    ("check: name.unknown-variant", ["UnknownVariant"]),
    ("check: name.cross-source", ["CrossSource"]),
    ("check: name.misspelled", ["Misspelled"]),
    ("check: name.inconsistent", ["Inconsistent"]),
    ("check: title.*", ["checks::title::"]),
    ("check: draft.duplicate-paragraph", ["DuplicateParagraph"]),
    ("check: date/count conflict", ["checks::date::", "checks::count::", "checks::compare"]),
    ("check: other", ["factlint::checks::"]),
    ("facts: collect", ["SourceFacts::collect"]),
    ("facts: merge", ["CorpusFacts::add"]),
    ("rules: parse + compile", ["KnowledgeBase::compile", "KnowledgeBase::load", "toml::"]),
    ("find files", ["input::walk", "Found::new"]),
    ("report: json", ["report::json", "serde_json"]),
    ("lint: other", ["factlint::lint::"]),
]
counts = collections.Counter(); total = 0
threads = collections.Counter()
stack = []
def flush():
    global total
    if not stack: return
    total += 1
    for frame in stack:  # leaf first
        for name, keys in rules:
            if any(k in frame for k in keys):
                counts[name] += 1; return
    leaf = stack[0]
    counts["other: " + ("kernel" if re.match(r"^[0-9a-f]+ (\S+)", leaf) and "ffffffff" in leaf.split()[0] else "runtime/alloc/rayon")] += 1
only_tid = sys.argv[sys.argv.index("--tid") + 1] if "--tid" in sys.argv else None
keep = True
for line in open(sys.argv[1]):
    if not line.startswith("\t"):
        if keep:
            flush()
        stack = []
        keep = only_tid is None or line.split()[:1] == [only_tid]
        continue
    stack.append(line.strip())
if keep:
    flush()
for name, n in counts.most_common():
    print(f"{100*n/total:5.1f}%  {name}")
print(f"({total} samples)")

# Debug: for one component, which frames lead into it (the frame just below the match).
if len(sys.argv) > 2 and sys.argv[2] != "--tid":
    want = sys.argv[2]; below = collections.Counter(); stack = []
    def f2():
        for i, frame in enumerate(stack):
            for name, keys in rules:
                if any(k in frame for k in keys):
                    if name == want:
                        below[" <- ".join(x.split(' ',1)[1][:60] for x in stack[max(0,i-2):i+1])] += 1
                    return
    for line in open(sys.argv[1]):
        if not line.startswith("\t"):
            f2(); stack = []; continue
        stack.append(line.strip())
    f2()
    for k, n in below.most_common(25): print(n, k)
