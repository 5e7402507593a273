use super::*;

/// One count as the tests write it: text, low, high (None = unbounded), low_open, high_open, unit.
type Row = (&'static str, u64, Option<u64>, bool, bool, Option<&'static str>);
/// The same, read from a text.
type Found = (String, u64, Option<u64>, bool, bool, Option<String>);

fn read(text: &str) -> Vec<Found> {
    extract_counts(text, &CountSettings::default())
        .into_iter()
        .map(|m| {
            let i = m.interval;
            (text[m.range].to_string(), i.low, i.high, i.low_open, i.high_open, m.unit.map(|u| text[u].to_string()))
        })
        .collect()
}

fn check(table: &[(&str, &[Row])]) {
    let mut failures = Vec::new();
    for (sentence, expected) in table {
        let got = read(sentence);
        let want: Vec<_> =
            expected.iter().map(|&(t, l, h, lo, ho, u)| (t.to_string(), l, h, lo, ho, u.map(str::to_string))).collect();
        if got != want {
            failures.push(format!("{sentence:?}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

const N: Option<u64> = None;

#[test]
fn exact_counts() {
    check(&[
        ("Representatives from 18 countries attended.", &[("18", 18, Some(18), false, false, Some("countries"))]),
        ("18 European countries signed.", &[("18", 18, Some(18), false, false, Some("countries"))]),
        ("Eighteen nations agreed.", &[("Eighteen", 18, Some(18), false, false, Some("nations"))]),
        ("Twenty-one guns were fired.", &[("Twenty-one", 21, Some(21), false, false, Some("guns"))]),
        (
            "It has two hundred and fifty members.",
            &[("two hundred and fifty", 250, Some(250), false, false, Some("members"))],
        ),
        ("The plant employs 58,000 workers.", &[("58,000", 58_000, Some(58_000), false, false, Some("workers"))]),
        ("A dozen states objected.", &[("A dozen", 12, Some(12), false, false, Some("states"))]),
        ("Half a million people fled.", &[("Half a million", 500_000, Some(500_000), false, false, Some("people"))]),
        ("India has 1.2bn people.", &[("1.2bn", 1_200_000_000, Some(1_200_000_000), false, false, Some("people"))]),
        ("About 13 lakh voters.", &[("About 13 lakh", 1_170_000, Some(1_430_000), false, false, Some("voters"))]),
        ("It displaced 2 million people.", &[("2 million", 2_000_000, Some(2_000_000), false, false, Some("people"))]),
        (
            "Some 1.5 million refugees.",
            &[("Some 1.5 million", 1_350_000, Some(1_650_000), false, false, Some("refugees"))],
        ),
        ("It hit 5m homes.", &[("5m", 5_000_000, Some(5_000_000), false, false, Some("homes"))]),
        ("The EU's 27 members voted.", &[("27", 27, Some(27), false, false, Some("members"))]),
        ("One person died.", &[("One", 1, Some(1), false, false, Some("person"))]),
        ("Only one soldier survived.", &[("one", 1, Some(1), false, false, Some("soldier"))]),
        ("It has 2000 employees.", &[("2000", 2000, Some(2000), false, false, Some("employees"))]),
        (
            "Police arrested 12 suspects and 3 others.",
            &[("12", 12, Some(12), false, false, Some("suspects")), ("3", 3, Some(3), false, false, Some("others"))],
        ),
        ("Ukraine's 24 regions.", &[("24", 24, Some(24), false, false, Some("regions"))]),
        ("Exactly 40 000 troops.", &[("Exactly 40 000", 40_000, Some(40_000), false, false, Some("troops"))]),
        ("the 20 new cases", &[("20", 20, Some(20), false, false, Some("cases"))]),
        ("Russia Launches 200 Drones at Kyiv", &[("200", 200, Some(200), false, false, Some("Drones"))]),
        ("They visited three times.", &[("three", 3, Some(3), false, false, Some("times"))]),
        ("She had 0 votes.", &[("0", 0, Some(0), false, false, Some("votes"))]),
        (
            "I count 12 in six boxes",
            &[("12", 12, Some(12), false, false, None), ("six", 6, Some(6), false, false, Some("boxes"))],
        ),
        ("records more than 30000 in 2009", &[("more than 30000", 30_000, N, true, false, None)]),
        (
            "He has 3 children and 2 grandchildren.",
            &[
                ("3", 3, Some(3), false, false, Some("children")),
                ("2", 2, Some(2), false, false, Some("grandchildren")),
            ],
        ),
        (
            "It cost 5 million US dollars and 3 Ukrainian soldiers died.",
            &[("3", 3, Some(3), false, false, Some("soldiers"))],
        ),
        ("The death toll rose to 41, officials said.", &[("41", 41, Some(41), false, false, None)]),
        (
            "Two soldiers were hurt. Three people died.",
            &[("Two", 2, Some(2), false, false, Some("soldiers")), ("Three", 3, Some(3), false, false, Some("people"))],
        ),
    ]);
}

#[test]
fn qualified_counts() {
    check(&[
        ("about 50 nations", &[("about 50", 45, Some(55), false, false, Some("nations"))]),
        ("around 50 nations", &[("around 50", 45, Some(55), false, false, Some("nations"))]),
        ("roughly 200 people", &[("roughly 200", 180, Some(220), false, false, Some("people"))]),
        ("approximately 1,000 homes", &[("approximately 1,000", 900, Some(1100), false, false, Some("homes"))]),
        (
            "an estimated 58,000 employees and technicians",
            &[("an estimated 58,000", 52_200, Some(63_800), false, false, Some("employees"))],
        ),
        ("some 33 soldiers", &[("some 33", 29, Some(37), false, false, Some("soldiers"))]),
        ("more than 200 drones", &[("more than 200", 200, N, true, false, Some("drones"))]),
        ("over 10 million viewers", &[("over 10 million", 10_000_000, N, true, false, Some("viewers"))]),
        ("killed over 50 people", &[("over 50", 50, N, true, false, Some("people"))]),
        ("exceeding 150 units", &[("exceeding 150", 150, N, true, false, Some("units"))]),
        ("above 170 apiece", &[("above 170", 170, N, true, false, None)]),
        ("at least 15 civilians", &[("at least 15", 15, N, false, false, Some("civilians"))]),
        ("no fewer than 30 ships", &[("no fewer than 30", 30, N, false, false, Some("ships"))]),
        ("a minimum of 12 judges", &[("a minimum of 12", 12, N, false, false, Some("judges"))]),
        ("nearly 40 countries", &[("nearly 40", 36, Some(40), false, true, Some("countries"))]),
        ("almost 100 tanks", &[("almost 100", 90, Some(100), false, true, Some("tanks"))]),
        ("just under 500 seats", &[("just under 500", 450, Some(500), false, true, Some("seats"))]),
        ("close to 1,000 people", &[("close to 1,000", 900, Some(1000), false, true, Some("people"))]),
        ("up to 20 jets", &[("up to 20", 0, Some(20), false, false, Some("jets"))]),
        ("at most 7 members", &[("at most 7", 0, Some(7), false, false, Some("members"))]),
        ("as many as 300 prisoners", &[("as many as 300", 0, Some(300), false, false, Some("prisoners"))]),
        ("no more than 5 officials", &[("no more than 5", 0, Some(5), false, false, Some("officials"))]),
        ("fewer than 10 votes", &[("fewer than 10", 0, Some(10), false, true, Some("votes"))]),
        ("less than a thousand pandas", &[("less than a thousand", 0, Some(1000), false, true, Some("pandas"))]),
        ("under 30 hostages", &[("under 30", 0, Some(30), false, true, Some("hostages"))]),
        ("below 170", &[("below 170", 0, Some(170), false, true, None)]),
        ("200 or more drones", &[("200 or more", 200, N, false, false, Some("drones"))]),
        ("50 people or more", &[("50", 50, N, false, false, Some("people"))]),
        ("500 or fewer seats", &[("500 or fewer", 0, Some(500), false, false, Some("seats"))]),
        ("50+ nations", &[("50+", 50, N, false, false, Some("nations"))]),
        ("a 50-plus delegation", &[("50-plus", 50, N, false, false, None)]),
        ("50-plus nations", &[("50-plus", 50, N, false, false, Some("nations"))]),
        ("20 or so journalists", &[("20 or so", 18, Some(22), false, false, Some("journalists"))]),
        ("less than 5000 or equal", &[("less than 5000 or equal", 0, Some(5000), false, false, None)]),
        ("x>10 and y<20", &[(">10", 10, N, true, false, None), ("<20", 0, Some(20), false, true, None)]),
        (
            "more than 10 and fewer than 40 boats",
            &[("more than 10 and fewer than 40", 10, Some(40), true, true, Some("boats"))],
        ),
        (
            "at most 100 and at least 20 apples",
            &[("at most 100 and at least 20", 20, Some(100), false, false, Some("apples"))],
        ),
        (
            "more than 40 and less than 10",
            &[("more than 40", 40, N, true, false, None), ("less than 10", 0, Some(10), false, true, None)],
        ),
        ("The talks centre around three questions.", &[("three", 3, Some(3), false, false, Some("questions"))]),
        ("Soldiers handed over 5 prisoners.", &[("5", 5, Some(5), false, false, Some("prisoners"))]),
        ("about 1 person", &[("about 1", 0, Some(2), false, false, Some("person"))]),
    ]);
}

#[test]
fn ranges() {
    check(&[
        ("between 15 and 20 ministers", &[("between 15 and 20", 15, Some(20), false, false, Some("ministers"))]),
        ("15-20 ministers", &[("15-20", 15, Some(20), false, false, Some("ministers"))]),
        ("15–20 ministers", &[("15–20", 15, Some(20), false, false, Some("ministers"))]),
        ("15 to 20 ministers", &[("15 to 20", 15, Some(20), false, false, Some("ministers"))]),
        ("from 15 to 20 ministers", &[("from 15 to 20", 15, Some(20), false, false, Some("ministers"))]),
        ("1000 - 5000", &[("1000 - 5000", 1000, Some(5000), false, false, None)]),
        ("10-15 million people", &[("10-15 million", 10_000_000, Some(15_000_000), false, false, Some("people"))]),
        (
            "between 1.5 and 2 million voters",
            &[("between 1.5 and 2 million", 1_500_000, Some(2_000_000), false, false, Some("voters"))],
        ),
        (
            "two or three hundred protesters",
            &[("two or three hundred", 200, Some(300), false, false, Some("protesters"))],
        ),
        ("5k-20k", &[("5k-20k", 5000, Some(20_000), false, false, None)]),
        ("about 20~100 apples", &[("20~100", 20, Some(100), false, false, Some("apples"))]),
        (
            "between one hundred and two hundred",
            &[("between one hundred and two hundred", 100, Some(200), false, false, None)],
        ),
        (
            "It fell from 20 to 15 members",
            &[("20", 20, Some(20), false, false, None), ("15", 15, Some(15), false, false, Some("members"))],
        ),
        (
            "either 10 bln or 10 tln",
            &[
                ("10 bln", 10_000_000_000, Some(10_000_000_000), false, false, None),
                ("10 tln", 10_000_000_000_000, Some(10_000_000_000_000), false, false, None),
            ],
        ),
    ]);
}

#[test]
fn vague_quantities() {
    check(&[
        ("a dozen states", &[("a dozen", 12, Some(12), false, false, Some("states"))]),
        ("dozens of people", &[("dozens", 24, Some(99), false, false, Some("people"))]),
        ("Hundreds were injured.", &[("Hundreds", 200, Some(999), false, false, None)]),
        ("hundreds of drones", &[("hundreds", 200, Some(999), false, false, Some("drones"))]),
        ("thousands of troops", &[("thousands", 2000, Some(999_999), false, false, Some("troops"))]),
        (
            "tens of thousands of protesters",
            &[("tens of thousands", 20_000, Some(99_999), false, false, Some("protesters"))],
        ),
        (
            "hundreds of thousands of casualties",
            &[("hundreds of thousands", 200_000, Some(999_999), false, false, Some("casualties"))],
        ),
        ("millions of Ukrainians", &[("millions", 2_000_000, Some(999_999_999), false, false, Some("Ukrainians"))]),
        ("several hundred soldiers", &[("several hundred", 200, Some(999), false, false, Some("soldiers"))]),
        ("a few thousand residents", &[("a few thousand", 2000, Some(999_999), false, false, Some("residents"))]),
        (
            "several hundred thousand refugees",
            &[("several hundred thousand", 200_000, Some(999_999), false, false, Some("refugees"))],
        ),
        ("tens of people", &[("tens", 20, Some(99), false, false, Some("people"))]),
    ]);
}

#[test]
fn not_counts() {
    let sentences = [
        "The deal is worth $60 billion.",
        "He paid €5m for it.",
        "It costs £3.",
        "They paid 60 dollars and 40 euros.",
        "A fee of US$ 5 applies.",
        "Support rose 5%.",
        "Support rose 5 percent, or 5 per cent.",
        "It grew 3 percentage points.",
        "The road is 29km long.",
        "They walked 10 miles.",
        "It weighs 5 kg, about 3 tonnes less.",
        "The wall is 10m high.",
        "The war has lasted 3 years.",
        "He is 45 years old.",
        "A 30-year-old man.",
        "It took 5 days, 12 hours and 30 minutes.",
        "It was the 21st summit, the 1st and the 3rd.",
        "They meet on the third floor.",
        "The meeting is at 10:30.",
        "The meeting starts at 3 p.m. or 3pm.",
        "It is 2.5 people per household.",
        "Call +44 20 7946 0958 or 555-123-4567.",
        "Call (555) 123-4567.",
        "The server is at 192.168.1.1.",
        "Upgrade to version 2 or v1.2.3.",
        "They won 3-2.",
        "A 3-2 win for Kyiv.",
        "The court ruled 5-4.",
        "Article 5 of the treaty.",
        "Flight 17 was shot down.",
        "Room 101 is empty.",
        "Apollo 11 landed.",
        "The F-16 jets arrived.",
        "COVID-19 spread.",
        "Section 230 protects them.",
        "Resolution 2231 was adopted.",
        "G7 leaders met.",
        "In 2024 the war went on.",
        "Since 2014, Russia has occupied Crimea.",
        "The 2022 invasion.",
        "between 2014 and 2018",
        "the 1990s",
        "They met No. 10 officials.",
        "He lives at 10 Downing Street.",
        "Windows 10 and iPhone 15.",
        "The one you mentioned is invalid",
        "Which one do you prefer?",
        "No one came.",
        "One of them left.",
        "I was a current student last semester",
        "He was looking for a next of kin",
        "the 180ml liquid",
        "the .25ml liquid",
        "1m isn't a number.",
        "It rose two-thirds.",
        "Three quarters of voters.",
        "A third of the budget.",
        "[1] See the report.",
        "1. First item",
        "Temperatures fell to -5 degrees.",
        "It was 5 °C.",
        "The score was 21 to 14.",
        "a 24/7 service",
        "Formula One drivers",
        "on 3 January 2026",
        "It is 5 x 3.",
        "They say it is 3 times as large.",
        "For 500 BC and 1066 AD.",
        "One in five adults and 9 out of 10 doctors agree.",
        "The Group of Seven and the Five Eyes met.",
        "Temperatures dropped to minus 20.",
        "They gathered at 9 in the morning, 10 local time.",
        "The CAC 40 and the FTSE 100 fell; the S&P 500 rose.",
        "S-400 systems, T-72 tanks, Mi-8 helicopters and MiG-29 jets.",
        "World War 2 and Formula 1; the 9/11 attacks; PM2.5; the P5+1 talks.",
        "In the 2024-25 season.",
        "The bill passed 311-105 in the House.",
        "A magnitude 6 quake and a Category 5 hurricane; day 3 of the talks.",
    ];
    let mut failures = Vec::new();
    for s in sentences {
        let got = read(s);
        if !got.is_empty() {
            failures.push(format!("{s:?} -> {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_count_opening_a_sentence_is_read_whatever_word_ends_the_one_before() {
    // "sector", "rules" and "bill" label numbers ("Sector 7"), but a full stop after the whole
    // word ends its sentence; only an abbreviation's dot labels across it ("No. 10").
    check(&[
        (
            "Jobs depend on the sector. 3,000-3,500 participants registered.",
            &[("3,000-3,500", 3000, Some(3500), false, false, Some("participants"))],
        ),
        ("They broke the rules. 18 countries objected.", &[("18", 18, Some(18), false, false, Some("countries"))]),
        ("It passed the bill. 40 senators voted.", &[("40", 40, Some(40), false, false, Some("senators"))]),
        ("See Vol. 3 and Art. 5 of the treaty.", &[]),
    ]);
}

#[test]
fn approximations_round_outwards() {
    let a = |n| approximate(n, 0.1);
    assert_eq!(a(50), CountInterval::closed(45, 55));
    assert_eq!(a(58_000), CountInterval::closed(52_200, 63_800));
    assert_eq!(a(33), CountInterval::closed(29, 37));
    assert_eq!(a(0), CountInterval::closed(0, 0));
    assert_eq!(approximate(50, 0.2), CountInterval::closed(40, 60));
    let settings = CountSettings { approximate: 0.2 };
    let m = extract_counts("about 50 nations", &settings);
    assert_eq!(m[0].interval, CountInterval::closed(40, 60));
}

#[test]
fn results_are_sorted_and_disjoint() {
    let text = "More than 40 and less than 10, less than 10 and more than 40 are the same; 15-20, 3 dozens, \
                between 5 and 9, about 7 or more, 8 or less than 9.";
    let counts = extract_counts(text, &CountSettings::default());
    assert!(counts.len() >= 6);
    for pair in counts.windows(2) {
        assert!(pair[0].range.end <= pair[1].range.start, "{pair:?}");
    }
    for c in &counts {
        assert!(text.is_char_boundary(c.range.start) && text.is_char_boundary(c.range.end));
    }
}

#[test]
fn awkward_input_does_not_panic() {
    let long_digits = "9".repeat(100_000);
    let long_words = "one hundred and ".repeat(10_000);
    let inputs = [
        "",
        "5",
        "a",
        "5\u{1a}6 \u{1a}7\u{1a}",
        "ü5ü 5ü ü5 5€ €5 5½ ½5 ５ 5 ５人",
        "2\u{202f}000\u{a0}000 5\u{2009}000",
        "– 5 – — 5—6 5−6 −5",
        "5,,000 5,.5 5.,5 .5. 5.. ,5, 5, ,5",
        "between 5 and",
        "from 5 to",
        "more than",
        "at least 5 and",
        "5-",
        "-5-",
        "5 or",
        "hundreds of",
        "tens of",
        "a few",
        "half a",
        "five and a half",
        "one million and a",
        "18446744073709551616 people 99999999999999999999 1e400",
        "🙂5🙂 5🙂 🙂 5 🙂 about 🙂 50",
        "5\n\n6\r\n7",
        &long_digits,
        &long_words,
    ];
    for s in inputs {
        let counts = extract_counts(s, &CountSettings::default());
        for c in counts {
            assert!(s.is_char_boundary(c.range.start) && s.is_char_boundary(c.range.end));
            assert!(c.range.start < c.range.end && c.range.end <= s.len());
        }
    }
}

#[test]
fn long_single_line_is_linear() {
    let unit = "Officials said more than 200 drones and about 50 missiles hit 18 regions, with 3,000 people \
                displaced — between 15 and 20 of them children; costs reached $5bn (5%). ";
    let text = unit.repeat(4_000); // about 600 kB
    let start = std::time::Instant::now();
    let counts = extract_counts(&text, &CountSettings::default());
    assert_eq!(counts.len(), 5 * 4_000);
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

#[test]
fn word_lists_load_from_their_data_files() {
    use super::lexicon::{Qual, is_non_count, is_street, qualifiers};
    assert!(is_non_count("years") && is_non_count("p.m") && !is_non_count("countries"));
    assert!(is_street("avenue"));
    let qual = |phrase: &str| qualifiers().iter().find(|(p, _)| p.join(" ") == phrase).map(|(_, q)| *q);
    assert_eq!(qual("at least"), Some(Qual::Lower { open: false }));
    assert_eq!(qual("well over"), Some(Qual::Lower { open: true }));
    assert_eq!(qual("below"), Some(Qual::Upper { open: true }));
    assert_eq!(qual("more than"), Some(Qual::Lower { open: true }));
}
