#!/usr/bin/env python3
"""Text of a given size in shapes that stress one stage of factlint each (issue 14, item 7):

  prose    ordinary paragraphs (the memory figure of item 8 is taken on it)
  line     the same prose on one line: no paragraph or line break anywhere
  titles   titled people, known and unknown: "Defense Minister Rustem Umerov said ..."
  names    capitalised names that match no rule, each one new or a near miss of another
  numbers  counts of every form: "about 50 nations", "between 15 and 20", "hundreds of"
  dates    dates, weekdays, events and relative days: "on Friday, 9 January 2026, ..."

    scripts/adversarial.py SHAPE BYTES [SEED] > article.txt

Deterministic for a seed. Sentences are built from parts written here, never taken from
articles.
"""

import random
import sys

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SYLLABLES = ["ka", "lo", "mer", "vin", "dra", "sel", "tor", "bri", "nes", "ul", "va", "zen",
             "gor", "pa", "rik", "sto", "mi", "len", "qua", "dor", "fe", "shan", "ti", "wel"]
KNOWN = [("Defense Minister", "Rustem Umerov"), ("President", "Volodymyr Zelenskyy"),
         ("Prime Minister", "Keir Starmer"), ("Secretary-General", "Mark Rutte"),
         ("President", "Donald Trump"), ("President-elect", "Donald Trump"),
         ("Prime Minister", "Mette Frederiksen"), ("former President", "Joe Biden")]
OFFICES = ["Finance Minister", "Health Secretary", "Mayor", "Governor", "Foreign Minister",
           "Chief Executive", "Deputy Prime Minister", "Attorney General", "Senator"]
NOUNS = ["countries", "drones", "workers", "nations", "soldiers", "villages", "delegates",
         "schools", "ships", "votes"]
VERBS = ["said", "told reporters", "warned", "announced", "added", "wrote", "insisted"]
FILLER = ["the talks would resume after the holiday", "the plan had support in parliament",
          "the budget left little room for new spending", "the harbour would reopen soon",
          "the committee met behind closed doors", "the figures were still being checked",
          "the road to the border stayed closed overnight", "local officials asked for patience"]


def name(rng):
    word = lambda n: "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()
    return f"{word(2)} {word(rng.randint(2, 3))}"


def near_miss(rng, full):
    """One letter of the surname changed, so fuzzy name comparison has work to do."""
    given, surname = full.split(" ", 1)
    i = rng.randrange(1, len(surname))
    return f"{given} {surname[:i]}{rng.choice('aeiourn')}{surname[i + 1:]}"


def prose(rng):
    return f"{rng.choice(FILLER).capitalize()}, officials {rng.choice(VERBS)}, and {rng.choice(FILLER)}."


def titles(rng):
    if rng.random() < 0.6:
        title, person = rng.choice(KNOWN)
    else:
        title, person = rng.choice(OFFICES), name(rng)
    return rng.choice([f"{title} {person} {rng.choice(VERBS)} that {rng.choice(FILLER)}.",
                       f"{person}, the {title.lower()}, {rng.choice(VERBS)} nothing.",
                       f"{title} {person} met {rng.choice(KNOWN)[0]} {rng.choice(KNOWN)[1]}."])


def names(rng, seen):
    if seen and rng.random() < 0.5:
        person = near_miss(rng, rng.choice(seen))
    else:
        person = name(rng)
        seen.append(person)
        if len(seen) > 5000:
            seen.pop(0)
    return f"{person} {rng.choice(VERBS)} that {rng.choice(FILLER)}, according to {name(rng)}."


def numbers(rng):
    n = rng.randint(2, 90000)
    form = rng.choice([f"{n}", f"about {n}", f"more than {n:,}", f"at least {n}", f"nearly {n}",
                       f"up to {n}", f"between {n} and {n + rng.randint(1, 50)}", f"{n}-{n + 5}",
                       "a dozen", "hundreds of", f"some {n:,}", f"over {rng.randint(1, 9)} million"])
    return f"Representatives from {form} {rng.choice(NOUNS)} attended, and {rng.randint(2, 40)} {rng.choice(NOUNS)} left."


def dates(rng):
    year, month, day = rng.randint(2014, 2027), rng.randrange(12), rng.randint(1, 28)
    form = rng.choice([f"on {WEEKDAYS[rng.randrange(7)]}, {day} {MONTHS[month]} {year}",
                       f"on {MONTHS[month]} {day}, {year}", f"in {MONTHS[month]} {year}",
                       "yesterday", "last Tuesday", f"{rng.randint(2, 30)} years ago",
                       f"between {day} and {day + 2} {MONTHS[month]}"])
    event = rng.choice(["the invasion began", "the summit opened", "the inauguration took place",
                        "the ceasefire was signed", "the talks collapsed"])
    return f"{form[0].upper()}{form[1:]}, {event}, {rng.choice(VERBS)} {name(rng)}."


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in SHAPES:
        sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(SHAPES)}}} BYTES [SEED]")
    shape, size = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    seen = []
    sentence = {"prose": prose, "line": prose, "titles": titles, "names": lambda r: names(r, seen),
                "numbers": numbers, "dates": dates}[shape]
    # One line has no break at all; the others break paragraphs every few sentences.
    out, written, in_paragraph = sys.stdout, 0, 0
    header = "" if shape == "line" else "Kyiv, 12 January 2026 -\n\n"
    out.write(header)
    written += len(header.encode())
    while written < size:
        text = sentence(rng)
        in_paragraph += 1
        if shape != "line" and in_paragraph >= rng.randint(3, 7):
            text += "\n\n"
            in_paragraph = 0
        else:
            text += " "
        out.write(text)
        written += len(text.encode())


SHAPES = ["prose", "line", "titles", "names", "numbers", "dates"]

if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.exit(0)
