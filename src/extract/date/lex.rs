//! Tokens for date reading: words (classified once), ASCII digit runs and single punctuation
//! characters, each with its byte range. Whitespace separates tokens and is not kept; two tokens
//! are adjacent when nothing lies between them ("21st", "Q3", "1990s", "Oct2").

use std::sync::OnceLock;

use chrono::Weekday;
use rustc_hash::FxHashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokenKind {
    /// ASCII digits: their value (saturating) and how many there are.
    Num {
        value: u32,
        digits: u8,
    },
    Word(WordKind),
    /// Any other character that is not whitespace.
    Punct(char),
}

/// What a word is, for dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum WordKind {
    /// Month number; `abbr` for "Jan", "Sept".
    Month(u32, bool),
    /// A month named in another language ("März", "января", "enero"): read only beside a day
    /// number or a year, never alone.
    ForeignMonth(u32),
    /// Weekday; `abbr` for "Fri", "Thurs".
    Weekday(Weekday, bool),
    /// Cardinal number words zero..ninety.
    Card(u32),
    /// Ordinal number words first..twentieth, thirtieth.
    Ord(u32),
    /// Decade words: "seventies" (70), "noughties" (0), "tens" (10).
    Decade(u32),
    Keyword(Keyword),
    /// A word that begins a holiday name ("christmas", "new", "eid").
    Hol,
    /// Any other word.
    Other,
}

/// Words with a role in date expressions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Keyword {
    A,
    Ago,
    And,
    At,
    After,
    Before,
    Beginning,
    Between,
    Business,
    But,
    By,
    Calendar,
    Century,
    Coming,
    Commencing,
    Couple,
    Current,
    Cy,
    Date,
    Day,
    Decade,
    During,
    Early,
    Earlier,
    End,
    Eoy,
    Few,
    Following,
    Fortnight,
    From,
    Future,
    H,
    Half,
    Hence,
    Hundred,
    In,
    Last,
    Late,
    Later,
    Less,
    Mid,
    Middle,
    Month,
    My,
    Next,
    Not,
    Now,
    Of,
    Oh,
    On,
    Or,
    Past,
    Previous,
    Prior,
    Q,
    Quarter,
    Remaining,
    Rest,
    S,
    Since,
    Start,
    Starting,
    Suffix,
    Than,
    The,
    This,
    Thousand,
    Through,
    Till,
    Time,
    To,
    Today,
    Tomorrow,
    Tonight,
    Until,
    Upcoming,
    Up,
    WeekOf,
    C,
    Week,
    Weekend,
    Within,
    Workweek,
    Working,
    Year,
    Yesterday,
    Ytd,
    Ahead,
    Each,
    Every,
}

impl Keyword {
    /// A word that puts a time after it: "in", "since", "early", "between" — before a month
    /// word it makes the word a month ("in May", "early March"), not a verb or a noun.
    pub(super) fn leads_time(self) -> bool {
        matches!(
            self,
            Keyword::In
                | Keyword::During
                | Keyword::Of
                | Keyword::From
                | Keyword::Since
                | Keyword::Until
                | Keyword::Till
                | Keyword::By
                | Keyword::Through
                | Keyword::Before
                | Keyword::After
                | Keyword::Early
                | Keyword::Late
                | Keyword::Mid
                | Keyword::Between
        )
    }
}

/// Classifies one lower-case ASCII word.
fn classify(lower: &str) -> WordKind {
    use Keyword::*;
    if let Some(i) = crate::lexicon::MONTHS.iter().position(|m| *m == lower) {
        return WordKind::Month(i as u32 + 1, false);
    }
    let month_abbr = match lower {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => 0,
    };
    if month_abbr > 0 {
        return WordKind::Month(month_abbr, true);
    }
    let weekday = match lower {
        "monday" => Some((Weekday::Mon, false)),
        "tuesday" => Some((Weekday::Tue, false)),
        "wednesday" => Some((Weekday::Wed, false)),
        "thursday" => Some((Weekday::Thu, false)),
        "friday" => Some((Weekday::Fri, false)),
        "saturday" => Some((Weekday::Sat, false)),
        "sunday" => Some((Weekday::Sun, false)),
        "mon" => Some((Weekday::Mon, true)),
        "tue" | "tues" => Some((Weekday::Tue, true)),
        "wed" => Some((Weekday::Wed, true)),
        "thu" | "thur" | "thurs" => Some((Weekday::Thu, true)),
        "fri" => Some((Weekday::Fri, true)),
        "sat" => Some((Weekday::Sat, true)),
        "sun" => Some((Weekday::Sun, true)),
        _ => None,
    };
    if let Some((w, abbr)) = weekday {
        return WordKind::Weekday(w, abbr);
    }
    // Cardinal words come from the shared number reader ("eighteen", "forty"; "dozen" too).
    if let Some(value) = crate::extract::number::word_value(lower).filter(|_| !lower.contains('-')) {
        return WordKind::Card(value as u32);
    }
    let ordinal = match lower {
        "first" => Some(1),
        "second" => Some(2),
        "third" => Some(3),
        "fourth" => Some(4),
        "fifth" => Some(5),
        "sixth" => Some(6),
        "seventh" => Some(7),
        "eighth" => Some(8),
        "ninth" => Some(9),
        "tenth" => Some(10),
        "eleventh" => Some(11),
        "twelfth" => Some(12),
        "thirteenth" => Some(13),
        "fourteenth" => Some(14),
        "fifteenth" => Some(15),
        "sixteenth" => Some(16),
        "seventeenth" => Some(17),
        "eighteenth" => Some(18),
        "nineteenth" => Some(19),
        "twentieth" => Some(20),
        "thirtieth" => Some(30),
        _ => None,
    };
    if let Some(n) = ordinal {
        return WordKind::Ord(n);
    }
    let decade = match lower {
        "noughties" | "aughts" => Some(0),
        "tens" => Some(10),
        "twenties" => Some(20),
        "thirties" => Some(30),
        "forties" => Some(40),
        "fifties" => Some(50),
        "sixties" => Some(60),
        "seventies" => Some(70),
        "eighties" => Some(80),
        "nineties" => Some(90),
        "thousands" => Some(1000),
        _ => None,
    };
    if let Some(d) = decade {
        return WordKind::Decade(d);
    }
    let kw = match lower {
        "a" | "an" => A,
        "ago" => Ago,
        "and" => And,
        "at" => At,
        "after" => After,
        "before" => Before,
        "beginning" => Beginning,
        "between" => Between,
        "business" => Business,
        "but" => But,
        "by" => By,
        "calendar" => Calendar,
        "century" | "centuries" => Century,
        "coming" => Coming,
        "commencing" => Commencing,
        "couple" => Couple,
        "current" => Current,
        "cy" => Cy,
        "date" => Date,
        "day" | "days" => Day,
        "decade" | "decades" => Decade,
        "during" => During,
        "early" => Early,
        "earlier" => Earlier,
        "end" => End,
        "eoy" => Eoy,
        "few" => Few,
        "following" | "subsequent" => Following,
        "fortnight" | "fortnights" => Fortnight,
        "from" => From,
        "future" => Future,
        "h" => H,
        "half" => Half,
        "hence" => Hence,
        "hundred" => Hundred,
        "in" => In,
        "last" => Last,
        "late" => Late,
        "later" => Later,
        "less" | "fewer" => Less,
        "mid" => Mid,
        "middle" => Middle,
        "month" | "months" => Month,
        "my" | "our" => My,
        "next" => Next,
        "not" => Not,
        "now" => Now,
        "of" => Of,
        "oh" => Oh,
        "on" => On,
        "or" => Or,
        "past" => Past,
        "previous" => Previous,
        "prior" => Prior,
        "q" => Q,
        "quarter" | "quarters" => Quarter,
        "remaining" | "remainder" => Remaining,
        "rest" => Rest,
        "s" => S,
        "since" => Since,
        "start" => Start,
        "starting" => Starting,
        "st" | "nd" | "rd" | "th" => Suffix,
        "than" => Than,
        "the" => The,
        "this" => This,
        "thousand" => Thousand,
        "through" | "thru" | "throughout" => Through,
        "till" | "til" => Till,
        "time" => Time,
        "to" => To,
        "today" | "otd" => Today,
        "tomorrow" | "tmrw" | "tmr" => Tomorrow,
        "tonight" => Tonight,
        "until" | "untill" => Until,
        "upcoming" => Upcoming,
        "up" => Up,
        "w" => WeekOf,
        "c" => C,
        "week" | "weeks" => Week,
        "weekend" | "weekends" => Weekend,
        "within" => Within,
        "workweek" | "workweeks" => Workweek,
        "working" | "work" => Working,
        "year" | "years" | "yr" | "yrs" => Year,
        "yesterday" => Yesterday,
        "ytd" => Ytd,
        "ahead" => Ahead,
        "each" => Each,
        "every" => Every,
        _ => return if starts_holiday(lower) { WordKind::Hol } else { WordKind::Other },
    };
    WordKind::Keyword(kw)
}

/// Splits `text` into tokens. Linear in the text; one small stack buffer per word.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5 + 4);
    // Each ASCII word is lower-cased into this one buffer: no allocation, and no UTF-8 check,
    // which `text::ascii_lower` makes and which costs more than the lookup.
    let mut lower = String::with_capacity(16);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let s = i;
            let mut v: u32 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            let len = (i - s).min(255) as u8;
            toks.push(Token { start: s, end: i, kind: TokenKind::Num { value: v, digits: len } });
            continue;
        }
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b.is_ascii() && !b.is_ascii_alphabetic() {
            toks.push(Token { start: i, end: i + 1, kind: TokenKind::Punct(b as char) });
            i += 1;
            continue;
        }
        // A word (ASCII or Unicode letters), or one non-ASCII character.
        let c = text[i..].chars().next().unwrap_or('\u{fffd}');
        if !c.is_alphabetic() {
            let len = c.len_utf8();
            if !c.is_whitespace() {
                // Curly apostrophes count as straight ones.
                let c = if matches!(c, '\u{2019}' | '\u{2018}') { '\'' } else { c };
                toks.push(Token { start: i, end: i + len, kind: TokenKind::Punct(c) });
            }
            i += len;
            continue;
        }
        let s = i;
        let mut ascii = true;
        for (off, ch) in text[s..].char_indices() {
            if !ch.is_alphabetic() {
                break;
            }
            ascii &= ch.is_ascii();
            i = s + off + ch.len_utf8();
        }
        let word = &text[s..i];
        let w = if ascii && word.len() <= 16 {
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            match classify(&lower) {
                // The foreign forms written in ASCII are 3 to 10 letters long.
                WordKind::Other if (3..=10).contains(&lower.len()) => foreign_word(&lower),
                w => w,
            }
        } else if !ascii && word.len() <= 24 {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            foreign_word(&lower)
        } else {
            WordKind::Other
        };
        toks.push(Token { start: s, end: i, kind: TokenKind::Word(w) });
    }
    toks
}

/// What a lower-case word names in another language: a month, a weekday (read as an
/// abbreviation is, never alone in prose), or nothing.
fn foreign_word(lower: &str) -> WordKind {
    static TABLE: OnceLock<FxHashMap<&'static str, WordKind>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = FxHashMap::default();
        for (number, word) in crate::lexicon::foreign_weekdays() {
            let Ok(weekday) = Weekday::try_from(number as u8 - 1) else { continue };
            table.insert(word, WordKind::Weekday(weekday, true));
        }
        table
    });
    match table.get(lower) {
        Some(&kind) => kind,
        None => crate::lexicon::foreign_month_number(lower).map_or(WordKind::Other, WordKind::ForeignMonth),
    }
}

/// First words of holiday names, as written ("mother" of "Mother's Day").
fn starts_holiday(lower: &str) -> bool {
    matches!(
        lower,
        "christmas"
            | "xmas"
            | "boxing"
            | "new"
            | "yuandan"
            | "orthodox"
            | "epiphany"
            | "groundhog"
            | "saint"
            | "st"
            | "valentines"
            | "valentine"
            | "earth"
            | "international"
            | "intl"
            | "int"
            | "juneteenth"
            | "flag"
            | "canada"
            | "bastille"
            | "australia"
            | "halloween"
            | "all"
            | "veterans"
            | "armistice"
            | "remembrance"
            | "martin"
            | "mlk"
            | "presidents"
            | "president"
            | "washington"
            | "washingtons"
            | "mothers"
            | "mother"
            | "memorial"
            | "fathers"
            | "father"
            | "labor"
            | "columbus"
            | "indigenous"
            | "thanksgiving"
            | "thanks"
            | "black"
            | "cyber"
            | "easter"
            | "good"
            | "holy"
            | "maundy"
            | "palm"
            | "ash"
            | "shrove"
            | "mardi"
            | "ascension"
            | "pentecost"
            | "whit"
            | "whitsunday"
            | "ramadan"
            | "ramazan"
            | "ramzan"
            | "ramadhan"
            | "ramathan"
            | "eid"
            | "eidul"
            | "festival"
            | "islamic"
            | "hijri"
            | "arabic"
            | "independence"
    )
}
