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
rules = [
    # Frames perf could not resolve to an inlined caller, attributed by what they do.
    ("extract: event ties (AC overlapping + refers_back regex)", ["try_find_overlapping", "search_half", "btree::set_val"]),
    ("extract: event triggers and places (AC)", ["Automaton::try_find", "try_find_fwd"]),
    ("extract: unknown names (capitalised runs)", ["text::words::"]),
    ("extract: other (claims, sort)", ["slice::sort", "driftsort"]),
    ("extract: dates (regex)", ["extract::date::extract_dates", "extract_dates"]),
    ("extract: counts", ["extract::count::extract_counts", "extract_counts", "count::qualify"]),
    ("extract: event ties (AC overlapping + refers_back regex)", ["tie_events", "refers_back", "extract::event::"]),
    ("extract: titles", ["find_titles", "title_before", "title_after", "extract::title::"]),
    ("extract: unknown names (capitalised runs)", ["unknown_mentions", "name_from_run", "is_headline"]),
    ("extract: given-name check", ["given_name_check", "is_given_name"]),
    ("extract: known names (word index)", ["known_mentions", "kb::names::"]),
    ("extract: other (claims, sort)", ["factlint::extract::extract", "find_mentions"]),
    ("load: markdown masking, paragraphs, sentences", ["factlint::input::", "load_corpus", "decode_keeping_offsets"]),
    ("check: name.* near-miss index (deletion keys)", ["checks::name::similar"]),
    ("check: name.unknown-variant", ["UnknownVariant"]),
    ("check: name.cross-source", ["CrossSource"]),
    ("check: name.misspelled", ["Misspelled"]),
    ("check: name.inconsistent", ["Inconsistent"]),
    ("check: title.*", ["checks::title::"]),
    ("check: draft.duplicate-paragraph", ["DuplicateParagraph"]),
    ("check: date/count conflict", ["checks::date::", "checks::count::", "checks::compare"]),
    ("check: other", ["factlint::checks::"]),
    ("lint: suppressions, sort", ["factlint::lint::"]),
    ("report: json", ["report::json", "serde_json"]),
    ("rules: parse + compile", ["factlint::kb::", "toml::"]),
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
