use chrono::{NaiveDate, Weekday};

use super::{DateMention, extract_dates};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// (text, start, end) of every mention.
fn found(text: &str, reference: Option<&str>) -> Vec<(String, String, String)> {
    extract_dates(text, reference.map(d))
        .into_iter()
        .map(|m| (text[m.range].to_string(), m.interval.start.to_string(), m.interval.end.to_string()))
        .collect()
}

/// A sentence, its reference date, and the (text, start, end) expected.
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str, &'a str)]);

fn check(table: &[Case]) {
    let mut failures = Vec::new();
    for (text, reference, want) in table {
        let got = found(text, Some(reference));
        let want: Vec<_> = want.iter().map(|(t, s, e)| (t.to_string(), s.to_string(), e.to_string())).collect();
        if got != want {
            failures.push(format!("{text:?} (ref {reference})\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failure(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn absolute_days() {
    check(&[
        ("The meeting was on 3 January 2026 in Kyiv.", "2026-01-18", &[("3 January 2026", "2026-01-03", "2026-01-03")]),
        ("It ended January 3, 2026.", "2026-01-18", &[("January 3, 2026", "2026-01-03", "2026-01-03")]),
        ("Sold on Dec. 31 , 1994", "2018-05-01", &[("Dec. 31 , 1994", "1994-12-31", "1994-12-31")]),
        ("on the 3rd of January 2026", "2026-01-18", &[("the 3rd of January 2026", "2026-01-03", "2026-01-03")]),
        ("ISO 2026-01-06 here", "2026-01-18", &[("2026-01-06", "2026-01-06", "2026-01-06")]),
        ("US 1/6/2026 order", "2026-01-18", &[("1/6/2026", "2026-01-06", "2026-01-06")]),
        ("day first 21/04/2016", "2026-01-18", &[("21/04/2016", "2016-04-21", "2016-04-21")]),
        ("dotted 13.5.2015", "2026-01-18", &[("13.5.2015", "2015-05-13", "2015-05-13")]),
        ("short 05/05/89", "2026-01-18", &[("05/05/89", "1989-05-05", "1989-05-05")]),
        ("compact 20161016.", "2026-01-18", &[("20161016", "2016-10-16", "2016-10-16")]),
        (
            "mixed 05-Aug-2016 and 2019/aug/01",
            "2026-01-18",
            &[("05-Aug-2016", "2016-08-05", "2016-08-05"), ("2019/aug/01", "2019-08-01", "2019-08-01")],
        ),
        (
            "born on fifteen August nineteen hundred ninety three",
            "2026-01-18",
            &[("fifteen August nineteen hundred ninety three", "1993-08-15", "1993-08-15")],
        ),
        (
            "on January twenty five nineteen eighty six",
            "2026-01-18",
            &[("January twenty five nineteen eighty six", "1986-01-25", "1986-01-25")],
        ),
        ("fourth of july, 1995", "2026-01-18", &[("fourth of july, 1995", "1995-07-04", "1995-07-04")]),
        ("the 9/11 attacks", "2026-01-18", &[("9/11", "2001-09-11", "2001-09-11")]),
    ]);
}

#[test]
fn yearless_days_take_the_nearest_year() {
    check(&[
        ("on January 3", "2026-01-18", &[("January 3", "2026-01-03", "2026-01-03")]),
        ("on January 3rd", "2025-12-20", &[("January 3rd", "2026-01-03", "2026-01-03")]),
        (
            "Jan. 3 and Jan 3",
            "2026-01-18",
            &[("Jan. 3", "2026-01-03", "2026-01-03"), ("Jan 3", "2026-01-03", "2026-01-03")],
        ),
        ("the 3rd of January", "2026-06-01", &[("the 3rd of January", "2026-01-03", "2026-01-03")]),
        ("December 27", "2026-01-10", &[("December 27", "2025-12-27", "2025-12-27")]),
        (
            "Oct/2 and Oct2",
            "2016-11-07",
            &[("Oct/2", "2016-10-02", "2016-10-02"), ("Oct2", "2016-10-02", "2016-10-02")],
        ),
        ("on 4/22", "2016-11-07", &[("4/22", "2017-04-22", "2017-04-22")]),
        ("Feb 29", "2017-03-22", &[("Feb 29", "2016-02-29", "2016-02-29")]),
        ("set up on the 18th.", "2018-08-07", &[("the 18th", "2018-08-18", "2018-08-18")]),
        ("May twenty nine", "2016-11-07", &[("May twenty nine", "2016-05-29", "2016-05-29")]),
    ]);
}

#[test]
fn weekdays_and_relative_days() {
    // 2026-01-18 is a Sunday; 2016-11-07 a Monday; 2019-01-31 a Thursday.
    check(&[
        ("He spoke on Thursday.", "2026-01-18", &[("Thursday", "2026-01-15", "2026-01-15")]),
        ("said Friday", "2016-11-07", &[("Friday", "2016-11-04", "2016-11-04")]),
        ("on monday", "2016-11-07", &[("monday", "2016-11-07", "2016-11-07")]),
        ("last Thursday", "2026-01-18", &[("last Thursday", "2026-01-08", "2026-01-08")]),
        ("next Friday", "2019-01-31", &[("next Friday", "2019-02-08", "2019-02-08")]),
        ("this Friday", "2016-11-07", &[("this Friday", "2016-11-11", "2016-11-11")]),
        ("this past Wednesday", "2019-01-31", &[("this past Wednesday", "2019-01-30", "2019-01-30")]),
        ("coming Thursday", "2019-01-31", &[("coming Thursday", "2019-02-07", "2019-02-07")]),
        (
            "yesterday, today and tomorrow",
            "2026-01-18",
            &[
                ("yesterday", "2026-01-17", "2026-01-17"),
                ("today", "2026-01-18", "2026-01-18"),
                ("tomorrow", "2026-01-19", "2026-01-19"),
            ],
        ),
        ("the day after tomorrow", "2016-11-07", &[("the day after tomorrow", "2016-11-09", "2016-11-09")]),
        ("Friday next week", "2016-11-07", &[("Friday next week", "2016-11-18", "2016-11-18")]),
        ("next week Sunday", "2016-11-07", &[("next week Sunday", "2016-11-20", "2016-11-20")]),
        ("Thursday the 21st", "2017-09-27", &[("Thursday the 21st", "2017-09-21", "2017-09-21")]),
        ("Thursday, the first", "2026-02-06", &[("Thursday, the first", "2026-01-01", "2026-01-01")]),
        // An ordinal word before an ordinary word qualifies it: the weekday stands alone.
        ("he said on Thursday, the first swap in months", "2026-02-06", &[("Thursday", "2026-02-05", "2026-02-05")]),
        ("the first friday of july", "2016-11-07", &[("the first friday of july", "2016-07-01", "2016-07-01")]),
        (
            "the second Monday of next month",
            "2018-03-20",
            &[("the second Monday of next month", "2018-04-09", "2018-04-09")],
        ),
        ("Monday's meeting", "2026-01-18", &[("Monday", "2026-01-19", "2026-01-19")]),
    ]);
}

#[test]
fn weekday_written_with_a_date() {
    let text = "Friday, 11 January 2026 was a Sunday; Fri., Jan. 11 too; Tue May 9; on Thursday.";
    let got = extract_dates(text, Some(d("2026-01-18")));
    let rows: Vec<_> =
        got.iter().map(|m: &DateMention| (&text[m.range.clone()], m.interval.start, m.weekday)).collect();
    assert_eq!(
        rows,
        vec![
            ("Friday, 11 January 2026", d("2026-01-11"), Some(Weekday::Fri)),
            ("Fri., Jan. 11", d("2026-01-11"), Some(Weekday::Fri)),
            ("Tue May 9", d("2026-05-09"), Some(Weekday::Tue)),
            ("Thursday", d("2026-01-15"), None),
        ]
    );
    // A year-less date keeps its nearest year even when the weekday fits another one.
    let got = extract_dates("Monday, January 12", Some(d("2026-01-18")));
    assert_eq!((got[0].interval.start, got[0].weekday), (d("2026-01-12"), Some(Weekday::Mon)));
    let got = extract_dates("Sunday, January 12", Some(d("2026-01-18")));
    assert_eq!((got[0].interval.start, got[0].weekday), (d("2026-01-12"), Some(Weekday::Sun)));
}

#[test]
fn months_years_and_periods() {
    check(&[
        ("take office in January 2027", "2026-01-06", &[("January 2027", "2027-01-01", "2027-01-31")]),
        ("in March 2025", "2026-01-06", &[("March 2025", "2025-03-01", "2025-03-31")]),
        (
            "Dec-2018, Dec/2018, 2016-11, 3/2015",
            "2026-01-06",
            &[
                ("Dec-2018", "2018-12-01", "2018-12-31"),
                ("Dec/2018", "2018-12-01", "2018-12-31"),
                ("2016-11", "2016-11-01", "2016-11-30"),
                ("3/2015", "2015-03-01", "2015-03-31"),
            ],
        ),
        ("in 2024", "2026-01-06", &[("2024", "2024-01-01", "2024-12-31")]),
        ("the 2014 annexation", "2026-01-06", &[("2014", "2014-01-01", "2014-12-31")]),
        (
            "Russia's 2024 capture and its 2024 offensive, a 2026 summit",
            "2026-01-06",
            &[
                ("2024", "2024-01-01", "2024-12-31"),
                ("2024", "2024-01-01", "2024-12-31"),
                ("2026", "2026-01-01", "2026-12-31"),
            ],
        ),
        (
            "in 2007 and 2009",
            "2026-01-06",
            &[("2007", "2007-01-01", "2007-12-31"), ("2009", "2009-01-01", "2009-12-31")],
        ),
        ("in February", "2016-11-07", &[("February", "2017-02-01", "2017-02-28")]),
        ("this September", "2016-11-07", &[("this September", "2016-09-01", "2016-09-30")]),
        ("next week", "2026-01-18", &[("next week", "2026-01-19", "2026-01-25")]),
        ("last week", "2026-01-18", &[("last week", "2026-01-05", "2026-01-11")]),
        ("this week", "2026-01-01", &[("this week", "2025-12-29", "2026-01-04")]),
        ("next month", "2026-01-18", &[("next month", "2026-02-01", "2026-02-28")]),
        ("last year", "2026-01-18", &[("last year", "2025-01-01", "2025-12-31")]),
        ("this year", "2026-01-18", &[("this year", "2026-01-01", "2026-12-31")]),
        ("this weekend", "2016-11-07", &[("this weekend", "2016-11-12", "2016-11-13")]),
        ("last quarter", "2019-01-28", &[("last quarter", "2018-10-01", "2018-12-31")]),
        (
            "Q3 2016 and H2 2016 and 2017-q1",
            "2026-01-18",
            &[
                ("Q3 2016", "2016-07-01", "2016-09-30"),
                ("H2 2016", "2016-07-01", "2016-12-31"),
                ("2017-q1", "2017-01-01", "2017-03-31"),
            ],
        ),
        ("the third quarter of 2016", "2026-01-18", &[("the third quarter of 2016", "2016-07-01", "2016-09-30")]),
        ("the first half of 2024", "2026-01-18", &[("the first half of 2024", "2024-01-01", "2024-06-30")]),
        (
            "the 1990s, the 1970's and the '40s",
            "2016-11-07",
            &[
                ("the 1990s", "1990-01-01", "1999-12-31"),
                ("the 1970's", "1970-01-01", "1979-12-31"),
                ("the '40s", "1940-01-01", "1949-12-31"),
            ],
        ),
        ("the nineteen seventies", "2016-11-07", &[("the nineteen seventies", "1970-01-01", "1979-12-31")]),
        ("in the 21st century", "2016-11-07", &[("the 21st century", "2000-01-01", "2099-12-31")]),
        ("in the 1800s", "2016-11-07", &[("the 1800s", "1800-01-01", "1899-12-31")]),
        ("the week of April 10th", "2018-03-14", &[("the week of April 10th", "2018-04-09", "2018-04-15")]),
        ("the first week of 2015", "2017-11-20", &[("the first week of 2015", "2014-12-29", "2015-01-04")]),
        ("the last week of july", "2016-11-07", &[("the last week of july", "2016-07-25", "2016-07-31")]),
        ("in week 31", "2018-07-02", &[("week 31", "2018-07-30", "2018-08-05")]),
        ("the year 2008", "2026-01-18", &[("year 2008", "2008-01-01", "2008-12-31")]),
    ]);
}

#[test]
fn parts_of_periods() {
    check(&[
        ("in late 2024", "2026-01-18", &[("late 2024", "2024-09-01", "2024-12-31")]),
        ("early 2026", "2026-01-18", &[("early 2026", "2026-01-01", "2026-04-30")]),
        ("mid-2024", "2026-01-18", &[("mid-2024", "2024-05-01", "2024-08-31")]),
        ("at the end of 2025", "2026-01-18", &[("the end of 2025", "2025-09-01", "2025-12-31")]),
        ("early January", "2026-01-18", &[("early January", "2026-01-01", "2026-01-15")]),
        ("mid-January", "2026-01-18", &[("mid-January", "2026-01-10", "2026-01-20")]),
        ("late January", "2026-01-18", &[("late January", "2026-01-16", "2026-01-31")]),
        ("end of March", "2017-11-08", &[("end of March", "2018-03-16", "2018-03-31")]),
        ("earlier this month", "2018-05-28", &[("earlier this month", "2018-05-01", "2018-05-15")]),
        ("later this week", "2018-05-28", &[("later this week", "2018-05-31", "2018-06-03")]),
        ("later this year", "2017-11-08", &[("later this year", "2017-11-08", "2017-12-31")]),
        ("late this year", "2017-11-08", &[("late this year", "2017-07-01", "2017-12-31")]),
        ("early next week", "2017-11-08", &[("early next week", "2017-11-13", "2017-11-15")]),
        ("the rest of the month", "2016-11-07", &[("the rest of the month", "2016-11-07", "2016-11-30")]),
        ("the late 1990s", "2016-11-07", &[("the late 1990s", "1996-01-01", "1999-12-31")]),
        ("early Monday", "2026-01-18", &[("early Monday", "2026-01-19", "2026-01-19")]),
    ]);
}

#[test]
fn ranges() {
    check(&[
        ("between 2014 and 2018", "2026-01-18", &[("between 2014 and 2018", "2014-01-01", "2018-12-31")]),
        ("from January 3 to 5", "2026-01-18", &[("from January 3 to 5", "2026-01-03", "2026-01-05")]),
        ("January 3-5", "2026-01-18", &[("January 3-5", "2026-01-03", "2026-01-05")]),
        ("the 12–14 March talks", "2026-01-18", &[("12–14 March", "2026-03-12", "2026-03-14")]),
        ("The range is 2014-2018.", "2016-11-07", &[("2014-2018", "2014-01-01", "2018-12-31")]),
        ("from 2014 through May 2018", "2016-11-07", &[("from 2014 through May 2018", "2014-01-01", "2018-05-31")]),
        ("Nov-Feb 2017", "2018-10-24", &[("Nov-Feb 2017", "2016-11-01", "2017-02-28")]),
        ("from 10/1 to 11/7", "2018-10-24", &[("from 10/1 to 11/7", "2018-10-01", "2018-11-07")]),
        ("10/1/2018 - 10/7/2018", "2018-10-24", &[("10/1/2018 - 10/7/2018", "2018-10-01", "2018-10-07")]),
        ("from 4 to 22 this month", "2016-11-07", &[("from 4 to 22 this month", "2016-11-04", "2016-11-22")]),
        ("between 3 and 12 of Sept", "2016-11-07", &[("between 3 and 12 of Sept", "2016-09-03", "2016-09-12")]),
        ("May to March", "2018-09-07", &[("May to March", "2018-05-01", "2019-03-31")]),
        ("from today till tomorrow", "2016-11-07", &[("from today till tomorrow", "2016-11-07", "2016-11-08")]),
        ("between Jan 22 and now", "2019-04-25", &[("between Jan 22 and now", "2019-01-22", "2019-04-25")]),
        ("from 2007 to the end of 2008", "2016-11-07", &[("from 2007 to the end of 2008", "2007-01-01", "2008-12-31")]),
    ]);
}

#[test]
fn counted_and_offset_days() {
    check(&[
        ("3 days ago", "2026-01-18", &[("3 days ago", "2026-01-15", "2026-01-15")]),
        ("two weeks ago", "2026-01-18", &[("two weeks ago", "2026-01-04", "2026-01-04")]),
        ("a month ago", "2016-11-07", &[("a month ago", "2016-10-07", "2016-10-07")]),
        ("in two weeks", "2026-01-18", &[("in two weeks", "2026-02-01", "2026-02-01")]),
        ("in a fortnight's time", "2021-05-20", &[("in a fortnight's time", "2021-06-03", "2021-06-03")]),
        ("two weeks from now", "2016-11-07", &[("two weeks from now", "2016-11-21", "2016-11-21")]),
        ("2 weeks before Christmas", "2016-11-07", &[("2 weeks before Christmas", "2016-12-11", "2016-12-11")]),
        ("1 month and 21 days ago", "2017-11-23", &[("1 month and 21 days ago", "2017-10-02", "2017-10-02")]),
        ("over the past three years", "2026-01-18", &[("the past three years", "2023-01-18", "2026-01-17")]),
        ("next 3 days", "2016-11-07", &[("next 3 days", "2016-11-08", "2016-11-10")]),
        ("within 5 days", "2017-11-08", &[("within 5 days", "2017-11-08", "2017-11-12")]),
        ("the next two decades", "2018-07-02", &[("the next two decades", "2020-01-01", "2039-12-31")]),
        ("next 4 business days", "2018-08-21", &[("next 4 business days", "2018-08-22", "2018-08-27")]),
    ]);
}

#[test]
fn holidays() {
    check(&[
        ("on Christmas Day", "2016-11-07", &[("Christmas Day", "2016-12-25", "2016-12-25")]),
        ("New Year's Day", "2016-11-07", &[("New Year's Day", "2017-01-01", "2017-01-01")]),
        ("new year's eve", "2016-11-07", &[("new year's eve", "2016-12-31", "2016-12-31")]),
        ("easter 2018", "2016-11-07", &[("easter 2018", "2018-04-01", "2018-04-01")]),
        ("thanksgiving", "2016-11-07", &[("thanksgiving", "2016-11-24", "2016-11-24")]),
        ("black friday 2010", "2016-11-07", &[("black friday 2010", "2010-11-26", "2010-11-26")]),
        ("Independence Day", "2018-07-17", &[("Independence Day", "2018-07-04", "2018-07-04")]),
        ("Ukraine's Independence Day", "2026-01-18", &[("Independence Day", "2025-08-24", "2025-08-24")]),
        ("Orthodox Easter 2025", "2026-01-18", &[("Orthodox Easter 2025", "2025-04-20", "2025-04-20")]),
        ("labor day weekend", "2021-11-09", &[("labor day weekend", "2021-09-04", "2021-09-06")]),
        ("next easter", "2019-02-12", &[("next easter", "2019-04-21", "2019-04-21")]),
        ("over the weekend", "2026-01-19", &[("the weekend", "2026-01-17", "2026-01-18")]),
        ("this weekend", "2026-01-19", &[("this weekend", "2026-01-24", "2026-01-25")]),
        ("Eid al-Fitr 2021", "2026-01-18", &[("Eid al-Fitr 2021", "2021-05-12", "2021-05-13")]),
    ]);
}

#[test]
fn no_date_here() {
    let negatives = [
        "It may rain this afternoon, or it may not.",
        "May I ask what this is for?",
        "This may take longer than expected.",
        "A march on the capital drew crowds.",
        "The Sun reported the story; the Sunday Times did not.",
        "The vote is at 10:30 a.m. and ends at 5pm.",
        "He served for three years and then for 18 months.",
        "Article 5 applies; Flight 17 was shot down; see page 12 and room 101.",
        "The score was 3-1, then 2-0, then 21-14.",
        "Version 2.1 and iOS 17.2 were released; 3.5 percent growth.",
        "About 2,000 people and 2000 people and 1500 soldiers were there.",
        "Prices have risen since 2022.",
        "The ceasefire holds until March.",
        "It was calm before 2020.",
        "It changed after January 5.",
        "The target is to finish by 2030.",
        "It was the highest level in three years, the first time in two decades.",
        "Have a great week! Nice day. Good Morning.",
        "Bloody Sunday is remembered; Good Friday agreement.",
        "Call (206) 555-1212 or +86 138-2010-2015; ssn 123-12-1234.",
        "There are two to four people, 24/7 service and a 50/50 split.",
        "2015-1-32 and 2017-13-12 are wrong; so is 32-2015.",
        "The 4th Battalion fought for the second time on the 18th floor.",
        "The late President and Theresa May spoke.",
        "We've reached the end of the line.",
        "$DEC farming; ABC-12345-A1B2C3; W00 and week 00.",
        "Labs: BUN/Cr of 30/4.85, troponin 0.182; 4:3 aspect; a 1:1 meeting.",
        "Happy New Year to all, and a new year of work.",
        "Lunar New Year and Chinese New Year; Easter Island; the Good Friday Agreement.",
        "He flew to Mar-a-Lago in Palm Beach.",
        "They met on a Sunday, as every Friday.",
    ];
    let mut failures = Vec::new();
    for text in negatives {
        let got = found(text, Some("2026-01-18"));
        if !got.is_empty() {
            failures.push(format!("{text:?}: {got:?}"));
        }
    }
    assert!(failures.is_empty(), "dates found where there are none:\n{}", failures.join("\n"));
}

#[test]
fn without_reference_only_absolute_dates() {
    let text = "On 3 January 2026, in 2024, in March 2025, then January 3, yesterday, next week and on Friday, \
                late 2024, Christmas, the 1990s.";
    let got = found(text, None);
    let texts: Vec<&str> = got.iter().map(|(t, _, _)| t.as_str()).collect();
    // "January 3" takes the year the sentence wrote out before it.
    assert_eq!(texts, vec!["3 January 2026", "2024", "March 2025", "January 3", "late 2024", "the 1990s"]);
    // Datelines.
    assert_eq!(
        found("Kyiv, Ukraine – January 6, 2026", None),
        vec![("January 6, 2026".to_string(), "2026-01-06".to_string(), "2026-01-06".to_string())]
    );
    assert_eq!(found("Updated: 2026-01-06 10:00", None).len(), 1);
}

#[test]
fn results_are_sorted_and_disjoint() {
    let text = "From 2014 to 2018, then on January 3-5, 2026 and Friday, 9 January 2026, mid-2024 and Q3 2016.";
    let got = extract_dates(text, Some(d("2026-01-18")));
    assert!(got.len() >= 5);
    for pair in got.windows(2) {
        assert!(pair[0].range.end <= pair[1].range.start, "{pair:?}");
    }
}

#[test]
fn never_panics_on_awkward_text() {
    let awkward = [
        "",
        " ",
        "2",
        "’",
        "“January 3” – é2026-01-0🙂6 \u{1a}3\u{1a}January",
        "Jan.",
        "from",
        "between 2014 and",
        "from 4 to",
        "the week of",
        "2015-",
        "-2020-07-01-",
        "1/",
        "Q",
        "'",
        "'4",
        "99999999999999999999 days ago",
        "in 9999999 years",
        "week 99 of 2027",
        "December 31, 9999 and 1 day after December 31, 9999",
        "2999-12-31 plus 10000 centuries from now",
        "١٢/٣/٢٠٢٦ and ２０２６年",
        "Ğ3 çJan3 января 2026 г.",
        "mid-",
        "the rest of",
        "ramadan 2999 and eid al fitr 1000",
        "next 10000 business days",
    ];
    for text in awkward {
        for reference in [None, Some(d("2026-01-18")), Some(NaiveDate::MAX), Some(NaiveDate::MIN)] {
            for m in extract_dates(text, reference) {
                assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end), "{text:?}");
                assert!(m.interval.start <= m.interval.end);
            }
        }
    }
}

#[test]
fn huge_single_line_input() {
    let unit = "On January 3, 2026 about 2,000 people – “and” é – met 3 days ago; ";
    let text = unit.repeat(5_000_000 / unit.len() + 1);
    assert!(text.len() >= 5_000_000);
    let got = extract_dates(&text, Some(d("2026-01-18")));
    assert_eq!(got.len(), 2 * (text.len() / unit.len()));
    assert_eq!(got[0].interval.start, d("2026-01-03"));
    let digits = "1-".repeat(1_000_000);
    let _ = extract_dates(&digits, Some(d("2026-01-18")));
    let words = "two days after ".repeat(200_000);
    let _ = extract_dates(&words, Some(d("2026-01-18")));
}

#[test]
fn a_bare_weekday_follows_the_tense_of_its_sentence() {
    // 2024-07-29 is a Monday; the Thursdays around it are 2024-07-25 (4 days back) and
    // 2024-08-01 (3 days on).
    check(&[
        ("The minister opened the conference on Thursday.", "2024-07-29", &[("Thursday", "2024-07-25", "2024-07-25")]),
        (
            "The minister will open the conference on Thursday.",
            "2024-07-29",
            &[("Thursday", "2024-08-01", "2024-08-01")],
        ),
        ("The conference opens on Thursday.", "2024-07-29", &[("Thursday", "2024-08-01", "2024-08-01")]),
        // A passive participle is no past verb; "precede" and "ahead" look forward.
        (
            "The talks precede a summit on Thursday, hosted by the president.",
            "2024-07-29",
            &[("Thursday", "2024-08-01", "2024-08-01")],
        ),
        ("Ahead of the summit on Thursday, aides met.", "2024-07-29", &[("Thursday", "2024-08-01", "2024-08-01")]),
    ]);
    // Without a tense the nearest reading is chosen, and the other is kept.
    let silent = extract_dates("Talks on Thursday.", Some(d("2024-07-29")));
    assert_eq!(silent[0].interval.start, d("2024-08-01"));
    assert_eq!(silent[0].alternative.map(|a| a.start), Some(d("2024-07-25")));
    let decided = extract_dates("Talks ended on Thursday.", Some(d("2024-07-29")));
    assert_eq!(decided[0].alternative, None);
    // "The weekend", in the past tense on a weekday, may be the weekend just gone.
    let past = extract_dates("The weekend talks focused on territory.", Some(d("2024-07-29")));
    assert_eq!(past[0].alternative.map(|a| (a.start, a.end)), Some((d("2024-07-27"), d("2024-07-28"))));
    let coming = extract_dates("The weekend talks will focus on territory.", Some(d("2024-07-29")));
    assert_eq!(coming[0].alternative, None);
}

#[test]
fn a_yearless_date_takes_the_year_its_sentence_wrote_out() {
    check(&[
        (
            "The counteroffensive in September 2022 and the liberation of Kherson that November.",
            "2026-02-20",
            &[("September 2022", "2022-09-01", "2022-09-30"), ("November", "2022-11-01", "2022-11-30")],
        ),
        (
            "He served on 27 March and 4 September 2025.",
            "2026-02-20",
            &[("27 March", "2025-03-27", "2025-03-27"), ("4 September 2025", "2025-09-04", "2025-09-04")],
        ),
        (
            "The deal of 17 February 2025 was revised on 2 March.",
            "2026-02-20",
            &[("17 February 2025", "2025-02-17", "2025-02-17"), ("2 March", "2025-03-02", "2025-03-02")],
        ),
        // Another sentence is another time frame.
        (
            "It began in 2022. Talks resumed on 2 February.",
            "2026-02-20",
            &[("2022", "2022-01-01", "2022-12-31"), ("2 February", "2026-02-02", "2026-02-02")],
        ),
    ]);
    // In the past tense a month still to come this year may be the one gone by.
    let left = extract_dates("He left that job in July.", Some(d("2026-02-20")));
    assert_eq!(
        (left[0].interval.start, left[0].alternative.map(|a| a.start)),
        (d("2026-07-01"), Some(d("2025-07-01")))
    );
}

#[test]
fn two_days_in_a_row_joined_by_and_are_one_span() {
    check(&[
        // A year after a range is the whole range's.
        (
            "Davos was held from January 20 to 24, 2025.",
            "2026-02-20",
            &[("from January 20 to 24, 2025", "2025-01-20", "2025-01-24")],
        ),
        ("Talks on 17 and 18 January in Miami.", "2026-02-20", &[("17 and 18 January", "2026-01-17", "2026-01-18")]),
        ("Talks on January 17 and 18.", "2026-02-20", &[("January 17 and 18", "2026-01-17", "2026-01-18")]),
        ("Gespräche am 17. und 18. Januar.", "2026-02-20", &[("17. und 18. Januar", "2026-01-17", "2026-01-18")]),
        ("Les discussions des 23 et 24 janvier.", "2026-02-20", &[("23 et 24 janvier", "2026-01-23", "2026-01-24")]),
        // Days further apart are not one span.
        ("Votes on 17 and 23 January.", "2026-02-20", &[("23 January", "2026-01-23", "2026-01-23")]),
    ]);
}

#[test]
fn a_number_range_before_what_it_counts_is_no_date() {
    check(&[
        ("Delegations from 10-11 countries attended.", "2026-01-06", &[]),
        ("We met on 4-22 with partners.", "2026-01-06", &[("4-22", "2026-04-22", "2026-04-22")]),
    ]);
}

#[test]
fn figures_are_not_dates() {
    check(&[
        ("The index closed at 2082.1 on the day.", "2026-01-18", &[]),
        ("Exports rose to 28.7 million tonnes.", "2026-01-18", &[]),
        ("Output fell by 3.5 percent, to 1.2 billion.", "2026-01-18", &[]),
        ("Turnout was 12.3 percent in 2024.", "2026-01-18", &[("2024", "2024-01-01", "2024-12-31")]),
        ("The bond traded at 2024.5 points.", "2026-01-18", &[]),
        ("The index rose to 2015.3 on the day.", "2026-01-18", &[]),
        // Not after a figure's preposition, a year and a month may be written so.
        ("I'll be out 2015.3", "2026-01-18", &[("2015.3", "2015-03-01", "2015-03-31")]),
        ("Inflation reached 7.5 per cent.", "2026-01-18", &[]),
        ("It grew 4.3%.", "2026-01-18", &[]),
    ]);
}

#[test]
fn names_that_hold_a_month_or_a_holiday_are_not_dates() {
    check(&[
        ("The choir sang at St. Patrick's Cathedral.", "2026-01-18", &[]),
        ("They walked past St Patrick's Cathedral in the rain.", "2026-01-18", &[]),
        ("She recalled the 'Groundhog Day' speech.", "2026-01-18", &[]),
        (
            "Easter, called 'Easter Sunday', falls late.",
            "2026-01-18",
            &[("Easter", "2026-04-05", "2026-04-05"), ("Easter Sunday'", "2026-04-05", "2026-04-05")],
        ),
        ("She recalled the Groundhog Day speech.", "2026-01-18", &[]),
        ("He lit the Christmas tree and left for Christmas Island.", "2026-01-18", &[]),
        ("Protesters crossed Independence Square.", "2026-01-18", &[]),
        ("He recalled the Boxing Day tsunami.", "2026-01-18", &[]),
        ("Theresa May spoke, April Ryan asked, and June Carter sang.", "2026-01-18", &[]),
        ("Thousands joined the March for Life.", "2026-01-18", &[]),
        // A preposition of time keeps the holiday a date, a following name or not.
        ("On Christmas Day Russia struck the grid.", "2026-01-18", &[("Christmas Day", "2025-12-25", "2025-12-25")]),
        ("Theresa May resigned in June 2019.", "2026-01-18", &[("June 2019", "2019-06-01", "2019-06-30")]),
        ("The parade is on St. Patrick's Day.", "2026-01-18", &[("St. Patrick's Day", "2026-03-17", "2026-03-17")]),
    ]);
}

#[test]
fn march_the_noun_and_the_verb_are_not_months() {
    check(&[
        ("The march drew thousands to the square.", "2026-01-18", &[]),
        ("Police blocked the route during the march.", "2026-01-18", &[]),
        ("Veterans marched on the capital; a protest march followed.", "2026-01-18", &[]),
        ("They will march to parliament.", "2026-01-18", &[]),
        ("The deal was signed in March.", "2026-01-18", &[("March", "2026-03-01", "2026-03-31")]),
        ("The deal was signed in March 2025.", "2026-01-18", &[("March 2025", "2025-03-01", "2025-03-31")]),
    ]);
}

#[test]
fn programme_titles_are_not_dates() {
    check(&[
        ("He told This Week that talks would go on.", "2026-01-18", &[]),
        ("She appeared on NBC's Today show.", "2026-01-18", &[]),
        ("He said on Today that he would run.", "2026-01-18", &[]),
        // Capitalised at the start of a sentence, the words keep their meaning.
        ("Today the talks resume.", "2026-01-18", &[("Today", "2026-01-18", "2026-01-18")]),
        ("They spoke. This week they meet.", "2026-01-18", &[("This week", "2026-01-12", "2026-01-18")]),
        ("They meet this week.", "2026-01-18", &[("this week", "2026-01-12", "2026-01-18")]),
        // An acronym is no title.
        ("A party is held at the EOY.", "2018-11-23", &[("the EOY", "2018-07-01", "2018-12-31")]),
    ]);
}

#[test]
fn day_month_year_in_other_languages() {
    check(&[
        ("Die Sitzung fand am 1. Januar 2025 statt.", "2026-01-18", &[("1. Januar 2025", "2025-01-01", "2025-01-01")]),
        ("Das Treffen war am 3. März.", "2026-01-18", &[("3. März", "2026-03-03", "2026-03-03")]),
        ("Im März 2024 sagte er es.", "2026-01-18", &[("März 2024", "2024-03-01", "2024-03-31")]),
        ("Встреча прошла 5 января 2025 года.", "2026-01-18", &[("5 января 2025 года", "2025-01-05", "2025-01-05")]),
        ("Переговоры начались 12 февраля.", "2026-01-18", &[("12 февраля", "2026-02-12", "2026-02-12")]),
        ("Зустріч відбулася 6 січня 2026 р.", "2026-01-18", &[("6 січня 2026 р.", "2026-01-06", "2026-01-06")]),
        ("Le sommet a eu lieu le 3 janvier 2026.", "2026-01-18", &[("3 janvier 2026", "2026-01-03", "2026-01-03")]),
        ("Le défilé du 1er mai.", "2026-01-18", &[("1er mai", "2026-05-01", "2026-05-01")]),
        ("Il est arrivé le 14 août.", "2026-01-18", &[("14 août", "2025-08-14", "2025-08-14")]),
        ("La reunión fue el 5 de enero de 2026.", "2026-01-18", &[("5 de enero de 2026", "2026-01-05", "2026-01-05")]),
        ("Llegó el 5 de enero.", "2026-01-18", &[("5 de enero", "2026-01-05", "2026-01-05")]),
        ("Publicado en enero de 2026.", "2026-01-18", &[("enero de 2026", "2026-01-01", "2026-01-31")]),
    ]);
}

#[test]
fn words_of_other_languages_do_not_misfire() {
    check(&[
        // A foreign month alone is a word of its own ("mars", "mai", "mayo").
        ("Le rover sur mars. Le mai. Salsa de mayo.", "2026-01-18", &[]),
        ("C'est mon ami; il a sept ans.", "2026-01-18", &[]),
        ("Die Last ist groß.", "2026-01-18", &[]),
        // Open ranges in other languages give nothing, as in English.
        ("Der Krieg dauert seit Februar 2022.", "2026-01-18", &[]),
        ("Война идёт с 24 февраля 2022 года.", "2026-01-18", &[]),
        ("La guerre dure depuis 2022.", "2026-01-18", &[]),
    ]);
}

#[test]
fn weekdays_of_other_languages_go_with_a_day() {
    check(&[
        ("La votación será el martes 14.", "2023-11-10", &[("martes 14", "2023-11-14", "2023-11-14")]),
        ("Le vote aura lieu le jeudi 16 novembre.", "2023-11-10", &[("jeudi 16 novembre", "2023-11-16", "2023-11-16")]),
        ("Голосование во вторник, 14 ноября.", "2023-11-10", &[("вторник, 14 ноября", "2023-11-14", "2023-11-14")]),
        // Weekdays in a list go with days in a list: the last weekday is not the first day's.
        // The two days in a row are one span.
        (
            "Será este miércoles y jueves 15 y 16 de noviembre.",
            "2023-11-10",
            &[("15 y 16 de noviembre", "2023-11-15", "2023-11-16")],
        ),
        // Alone, a weekday of another language is not read: the tense is not known.
        ("La votación será el martes.", "2023-11-10", &[]),
        ("Die Abstimmung ist am Dienstag.", "2023-11-10", &[]),
    ]);
}

#[test]
fn a_weekday_with_a_day_is_read_near_the_article_date_too() {
    // 15 November 2023 is a Wednesday: the reading where the 15th is a Tuesday (August) comes
    // first, as the peer suites read it, and the nearest 15th, which news means, second.
    let found = extract_dates("The vote is on Tuesday the 15th.", Some(d("2023-11-10")));
    let alternative = found[0].alternative.map(|a| a.start.to_string());
    assert_eq!((found[0].interval.start.to_string(), alternative), ("2023-08-15".into(), Some("2023-11-15".into())));
    // When the nearest 15th is a Tuesday there is one reading.
    let found = extract_dates("The vote is on Tuesday the 14th.", Some(d("2023-11-10")));
    assert_eq!((found[0].interval.start.to_string(), found[0].alternative), ("2023-11-14".into(), None));
}

#[test]
fn counted_back_the_reading_is_as_loose_as_the_unit() {
    let loose = |text: &str| {
        let found = extract_dates(text, Some(d("2026-02-10")));
        let m = &found[0];
        (m.interval.start.to_string(), m.alternative.map(|a| (a.start.to_string(), a.end.to_string())))
    };
    let s = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
    assert_eq!(loose("The war began four years ago."), ("2022-02-10".into(), s("2021-08-12", "2022-08-11")));
    assert_eq!(loose("He left three months ago."), ("2025-11-10".into(), s("2025-10-26", "2025-11-25")));
    assert_eq!(loose("It opened two weeks ago."), ("2026-01-27".into(), s("2026-01-24", "2026-01-30")));
    assert_eq!(loose("It opened two days ago."), ("2026-02-08".into(), None));
    // Counted from when the words were written: a day either way.
    assert_eq!(loose("He died yesterday."), ("2026-02-09".into(), s("2026-02-08", "2026-02-10")));
    assert_eq!(loose("The talks open today."), ("2026-02-10".into(), s("2026-02-09", "2026-02-11")));
    // "more than" reaches further back: half as far again.
    assert_eq!(
        loose("The record was set more than 30 years ago."),
        ("1996-02-10".into(), s("1981-02-09", "1996-08-10"))
    );
    // 2026-02-10 is a Tuesday: "this Sunday" is the coming one, or in the past tense the last.
    assert_eq!(loose("The final is this Sunday."), ("2026-02-15".into(), None));
    assert_eq!(loose("He died this Sunday."), ("2026-02-15".into(), s("2026-02-08", "2026-02-08")));
}
