//! Absolute dates: a month and a day ("12 January", "Jan. 12th"), with or without a year, and
//! numeric dates ("12/01/2026", "2026-01-12").

use super::*;

impl Parser<'_> {
    // ------------------------------------------------------------------------------------
    // Months and days
    // ------------------------------------------------------------------------------------

    /// A month name, with the dot of an abbreviation: (end, month, abbreviated).
    pub(super) fn month(&self, i: usize) -> Option<(usize, u32, bool)> {
        let WordKind::Month(mo, abbr) = self.word_at(i)? else { return None };
        let mut e = i + 1;
        if self.is_punct(e, '.') && self.adj(i) && (abbr || self.is_num(e + 1)) {
            e += 1;
        }
        Some((e, mo, abbr))
    }

    /// "May" or "march" written lower-case, or "May" at all: words that are often not months.
    pub(super) fn doubtful_month(&self, i: usize, mo: u32) -> bool {
        (mo == 5 || mo == 3) && !self.cap(i)
    }

    /// After a month and day: ", 2026", " of 2020", " in 2020", " next year".
    pub(super) fn year_after(&self, i: usize) -> Option<(usize, i32)> {
        let mut q = i;
        if self.is_punct(q, ',') || self.tight_sep(q) {
            q += 1;
        }
        let of = self.kw(q, Keyword::Of) || self.kw(q, Keyword::In);
        if let Some(y) = self.year_any(if of { q + 1 } else { q }, of || self.is_punct(q - 1, ',')) {
            // A two-digit year after a comma must end the phrase ("08/12,15"), not be a count.
            return Some(y);
        }
        self.rel_year(q, false)
    }

    /// "January 3", "Jan. 3rd, 2026", "Oct/2", "Dec31 , 1994", "May twenty nine",
    /// "june 26th of 2020", "April the ninth", "January 2027", "Dec-2018", "April of 87",
    /// "June next year".
    pub(super) fn month_first(&self, i: usize) -> Option<Match> {
        let (j, mo, _abbr) = self.month(i)?;
        if self.money_before(i) {
            return None;
        }
        let mut k = j;
        if self.is_punct(k, ',') || self.tight_sep(k) {
            k += 1;
        }
        let kd = if self.kw(k, Keyword::The) { k + 1 } else { k };
        if let Some((ye, y)) = self.year_words(k) {
            return abs(ye, cal::month(y, mo));
        }
        if let Some((e, d, ord)) = self.day(kd) {
            let word = !self.is_num(kd);
            let plural = !ord && self.plural_noun(e);
            let doubtful = word && self.doubtful_month(i, mo) && !ord && kd == j;
            if d <= MAX_DAY[mo as usize - 1] && !plural && !doubtful {
                if let Some((ye, y)) = self.year_after(e) {
                    return abs(ye, day_iv(ymd(y, mo, d)));
                }
                return matched(e, Meaning::YearlessSpan(YearlessSpan::day(mo, d)));
            }
        }
        // Month and year.
        let mut q = j;
        let mut two = false;
        if self.is_punct(q, ',') || self.tight_sep(q) {
            q += 1;
        } else if self.kw(q, Keyword::Of) || self.kw(q, Keyword::In) {
            q += 1;
            two = self.kw(q - 1, Keyword::Of);
        }
        // "september-2020-23"
        if let (Some((v, 4)), true) = (self.num(q), q > j && self.tight_sep(q + 1)) {
            if let Some((de, d, _)) = self.day_num(q + 2) {
                return abs(de, day_iv(ymd(v as i32, mo, d)));
            }
        }
        if let Some((ye, y)) = self.year_any(q, two) {
            return abs(ye, cal::month(y, mo));
        }
        if let Some((ye, y)) = self.rel_year(j, false) {
            return abs(ye, cal::month(y, mo));
        }
        None
    }

    /// "3 January 2026", "the 09th of May", "second of Aug.", "16. Nov. 2016", "twenty third
    /// day of september", "15 April of 87", "the 20th of next month".
    pub(super) fn day_first(&self, i: usize) -> Option<Match> {
        let k = if self.kw(i, Keyword::The) { i + 1 } else { i };
        let (mut e, d, ord) = self.day(k)?;
        let word = !self.is_num(k);
        if !word && !ord && self.is_punct(e, '.') && self.word_at(e + 1).is_some() {
            e += 1;
        }
        let mut day_kw = false;
        if ord && self.kw(e, Keyword::Day) {
            e += 1;
            day_kw = true;
        }
        let of = self.kw(e, Keyword::Of);
        if of {
            e += 1;
        } else if day_kw {
            return None;
        } else if self.tight_sep(e) && !word {
            e += 1;
        }
        if let Some((me, mo, _)) = self.month(e) {
            if d > MAX_DAY[mo as usize - 1] || (word && !of && !ord && self.doubtful_month(e, mo)) {
                return None;
            }
            if self.money_before(k) {
                return None;
            }
            if let Some((ye, y)) = self.year_after(me) {
                return abs(ye, day_iv(ymd(y, mo, d)));
            }
            return matched(me, Meaning::YearlessSpan(YearlessSpan::day(mo, d)));
        }
        let rel_start = if of { e - 1 } else { e };
        if let Some((re, first)) = self.rel_month(rel_start) {
            if of || ord || self.is_num(k) {
                return abs(re, day_iv(ymd(first.year(), first.month(), d)));
            }
        }
        None
    }

    /// A day-month(-year) date in another language: "1. März 2024", "5 января 2025 года",
    /// "6 січня 2026", "3 janvier 2026", "1er mai", "5 de enero de 2026". The month's name makes
    /// it foreign; English relative words play no part.
    pub(super) fn foreign_day(&self, i: usize) -> Option<Match> {
        let (d, _) = self.num(i).filter(|&(v, len)| len <= 2 && (1..=31).contains(&v))?;
        if self.money_before(i) || self.inside_cluster(i) {
            return None;
        }
        let mut k = i + 1;
        // "1." (German), "1er" (French), "5 de" (Spanish)
        if ((self.is_punct(k, '.') || self.is(k, "er")) && self.adj(i)) || self.is(k, "de") {
            k += 1;
        }
        let Some(WordKind::ForeignMonth(mo)) = self.word_at(k) else { return None };
        if d > MAX_DAY[mo as usize - 1] {
            return None;
        }
        match self.foreign_year(k + 1) {
            Some((e, y)) => abs(e, day_iv(ymd(y, mo, d))),
            None => matched(k + 1, Meaning::YearlessSpan(YearlessSpan::day(mo, d))),
        }
    }

    /// A month of another language and its year: "März 2024", "enero de 2026", "января 2025
    /// года". A foreign month alone is never read: "mars", "mai" and "mayo" are words too.
    pub(super) fn foreign_month_year(&self, i: usize) -> Option<Match> {
        let Some(WordKind::ForeignMonth(mo)) = self.word_at(i) else { return None };
        let (e, y) = self.foreign_year(i + 1)?;
        abs(e, cal::month(y, mo))
    }

    /// The year after a foreign month: "2024", "de 2026", "2025 года", "2026 р.".
    pub(super) fn foreign_year(&self, i: usize) -> Option<(usize, i32)> {
        let k = if self.is(i, "de") { i + 1 } else { i };
        let (mut e, y) = self.year4(k)?;
        // The word "year" after it, in Russian and Ukrainian, with its abbreviation.
        if ["года", "году", "року"].contains(&self.str(e)) {
            e += 1;
        } else if ["г", "р"].contains(&self.str(e)) && self.is_punct(e + 1, '.') && self.adj(e) {
            e += 2;
        }
        Some((e, y))
    }

    /// A month alone where the context makes it one: "in May", "from October", "February".
    pub(super) fn month_bare(&self, i: usize) -> Option<Match> {
        let (e, mo, abbr) = self.month(i)?;
        if self.money_before(i) || (self.adj(i) && self.is_num(i + 1)) {
            return None;
        }
        // "Mar-a-Lago"
        if self.adj(i)
            && self.is_punct(i + 1, '-')
            && self.word_at(i + 2).is_some_and(|w| !matches!(w, WordKind::Month(..)))
        {
            return None;
        }
        let prev = self.prev_kw(i);
        let ctx = prev.is_some_and(|k| k.leads_time() || k == Keyword::To)
            || (prev == Some(Keyword::The) && i >= 2 && self.kw(i - 2, Keyword::In))
            || (i >= 2 && self.is_punct(i - 1, '-') && self.kw(i - 2, Keyword::Mid));
        // After an article, "march" and "may" are the noun ("in the march"), and a month before
        // a preposition and a name is an event's name ("the March for Life", "the March on
        // Washington").
        if prev == Some(Keyword::The)
            && (self.doubtful_month(i, mo)
                || (["for", "on", "against", "to"].iter().any(|w| self.is(e, w)) && self.cap(e + 1)))
        {
            return None;
        }
        // A capitalised month before a capitalised word is a name: "April Ryan", "June Carter".
        let name_follows = self.cap(e) && self.word_at(e) == Some(WordKind::Other);
        let standalone = self.cap(i) && !abbr && !matches!(mo, 3 | 4 | 5 | 6 | 8) && !name_follows;
        (ctx || standalone).then(|| Match {
            end: e,
            meaning: Meaning::YearlessSpan(YearlessSpan::month(mo)),
            weekday: None,
        })
    }

    /// "this September", "next june", "last sept": the month in this, next or last year.
    pub(super) fn month_rel(&self, i: usize) -> Option<Match> {
        let delta = match self.kw_at(i)? {
            Keyword::This => 0,
            Keyword::Next => 1,
            Keyword::Last => -1,
            _ => return None,
        };
        let (e, mo, _) = self.month(i + 1)?;
        if self.doubtful_month(i + 1, mo) || self.is_num(e) || self.day_word(e).is_some() {
            return None; // "this May 5": a day, read elsewhere
        }
        let r = self.reference?;
        abs(e, cal::month(r.year() + delta, mo))
    }

    /// "this 5/12", "next 6th of April", "last March 3": a year-less day in this year, the
    /// next one after today, or the last one before it.
    pub(super) fn day_rel(&self, i: usize) -> Option<Match> {
        let md = match self.kw_at(i)? {
            Keyword::This => Modifier::This,
            Keyword::Next => Modifier::Next,
            Keyword::Last => Modifier::Last,
            _ => return None,
        };
        let inner = self.cluster(i + 1).or_else(|| self.month_first(i + 1)).or_else(|| self.day_first(i + 1))?;
        let Meaning::YearlessSpan(yl) = inner.meaning else { return None };
        if !yl.is_day() {
            return None;
        }
        let r = self.reference?;
        let y = r.year();
        let d = match md {
            Modifier::This => ymd(y, yl.start_month, yl.start_day)?,
            Modifier::Next => (y..=y + 8).filter_map(|y| ymd(y, yl.start_month, yl.start_day)).find(|d| *d > r)?,
            _ => (y - 8..=y).rev().filter_map(|y| ymd(y, yl.start_month, yl.start_day)).find(|d| *d < r)?,
        };
        abs(inner.end, Some(DateInterval::day(d)))
    }

    /// A day alone: "the 18th", "on the 4th", "on 15", "the twenty second".
    pub(super) fn bare_day(&self, i: usize) -> Option<Match> {
        let the = self.kw(i, Keyword::The);
        if !the && self.prev_kw(i) != Some(Keyword::On) {
            return None;
        }
        let k = if the { i + 1 } else { i };
        let (e, d, ord) = self.day(k)?;
        let digits = self.is_num(k);
        // What follows must end the phrase: "the 18th century" and "the second time" are not days.
        let end = e >= self.tokens.len() || matches!(self.tokens[e].kind, TokenKind::Punct('.' | '!' | '?' | ';'));
        let soft = end
            || matches!(self.tokens[e].kind, TokenKind::Punct(',' | ')' | '-' | '–'))
            || matches!(
                self.kw_at(e),
                Some(
                    Keyword::At
                        | Keyword::And
                        | Keyword::Or
                        | Keyword::To
                        | Keyword::Till
                        | Keyword::Until
                        | Keyword::Through
                )
            );
        let ok = if digits && ord { soft } else { end };
        (ok && (the || digits)).then_some(Match { end: e, meaning: Meaning::Day(d), weekday: None })
    }

    // ------------------------------------------------------------------------------------
    // Numeric dates
    // ------------------------------------------------------------------------------------

    /// True when token `i` continues a numeric date that starts before it.
    pub(super) fn inside_cluster(&self, i: usize) -> bool {
        i >= 2
            && matches!(self.tokens[i - 1].kind, TokenKind::Punct('-' | '/' | '.' | ','))
            && self.adj(i - 1)
            && self.adj(i - 2)
            && matches!(self.tokens[i - 2].kind, TokenKind::Num { .. } | TokenKind::Word(WordKind::Month(..)))
    }

    /// Numeric and mixed dates written as one run: "2026-01-06", "1/6/2026", "21/04/16",
    /// "4/22", "2015-3", "3/2015", "20161016", "05-Aug-2016", "2019/aug/01", "2014-2018",
    /// "10/1-11/7", "02-02-2020 - 03-03-2020".
    pub(super) fn cluster(&self, i: usize) -> Option<Match> {
        if !self.is_num(i) || self.inside_cluster(i) || self.money_before(i) {
            return None;
        }
        if i > 0
            && self.adj(i - 1)
            && matches!(self.tokens[i - 1].kind, TokenKind::Word(WordKind::Other | WordKind::Hol))
        {
            return None; // "A1B2", "FY2024"
        }
        // Parts: token indices; separators: (char, spaced).
        let mut parts = [0usize; 8];
        let mut seps = [(' ', false); 8];
        let mut n = 1;
        parts[0] = i;
        let mut k = i;
        loop {
            let s = k + 1;
            let Some(Token { kind: TokenKind::Punct(c), .. }) = self.tokens.get(s).copied() else { break };
            if !matches!(c, '-' | '/' | '.' | ',' | '~' | '–') {
                break;
            }
            let next = s + 1;
            let next_num = self.num(next);
            let next_month = matches!(self.word_at(next), Some(WordKind::Month(..)));
            if next_num.is_none() && !next_month {
                break;
            }
            let tight = self.adj(k) && self.adj(s);
            let ok = match c {
                '.' => tight && next_num.is_some(),
                ',' => {
                    // Only before a final year: "08/12,2015", "08/12, 2015".
                    self.adj(k) && n == 2 && next_num.is_some_and(|(_, l)| l == 4 || (l == 2 && self.adj(s)))
                }
                _ => tight || next_num.is_some(),
            };
            if !ok || n == 8 {
                break;
            }
            if !tight && next_month {
                break;
            }
            seps[n - 1] = (c, !tight);
            parts[n] = next;
            n += 1;
            k = next;
            if c == ',' {
                break;
            }
        }
        let mut end = parts[n - 1] + 1;
        // Too long a run, or one that runs on into letters ("A1B2C3"), is not a date.
        if self.adj(end - 1) {
            match self.tokens.get(end).map(|t| t.kind) {
                Some(TokenKind::Word(WordKind::Keyword(Keyword::Suffix))) => end += 1,
                Some(TokenKind::Word(_)) | Some(TokenKind::Num { .. }) => return None,
                Some(TokenKind::Punct('-' | '/' | '.' | ':')) if self.adj(end) && self.is_num(end + 1) => return None,
                Some(TokenKind::Punct(':' | '%')) => return None,
                _ => {}
            }
        }
        // "28.7 million", "3.5 percent": a decimal figure.
        if n == 2 && seps[0].0 == '.' && self.measure_after(end) {
            return None;
        }
        if n == 1 {
            // Eight digits: "20161016".
            let (v, len) = self.num(i)?;
            if len != 8 {
                return None;
            }
            let (y, mo, d) = ((v / 10000) as i32, v / 100 % 100, v % 100);
            if !(1900..=2100).contains(&y) {
                return None;
            }
            return abs(end, day_iv(ymd(y, mo, d)));
        }
        let p = self
            .interpret(&parts[..n], &seps[..n - 1], i, false)
            .or_else(|| self.split_range(&parts[..n], &seps[..n - 1], i))?;
        // "5/1-5/7, 2020": a year after a year-less run.
        if let Meaning::YearlessSpan(yl) = p {
            if self.is_punct(end, ',') {
                if let Some((ye, y)) = self.year4(end + 1) {
                    return abs(ye, self.yl_in(yl, y));
                }
            }
        }
        let p = match p {
            Meaning::YearlessSpan(_) if self.is_punct(end, '%') || self.is(end, "percent") => return None,
            p => p,
        };
        matched(end, p)
    }

    /// A numeric run split at a dash into two dates: a range.
    pub(super) fn split_range(&self, parts: &[usize], seps: &[(char, bool)], i: usize) -> Option<Meaning> {
        let n = parts.len();
        (1..n).find_map(|cut| {
            let (c, _) = seps[cut - 1];
            if !matches!(c, '-' | '–' | '~') {
                return None;
            }
            let left = self.interpret_side(&parts[..cut], &seps[..cut - 1], i)?;
            let right = self.interpret_side(&parts[cut..], &seps[cut..], i)?;
            self.combine(left, right)
        })
    }

    pub(super) fn interpret_side(&self, parts: &[usize], seps: &[(char, bool)], i: usize) -> Option<Meaning> {
        if seps.iter().any(|(_, spaced)| *spaced) {
            return None;
        }
        if parts.len() == 1 {
            return None;
        }
        match self.interpret(parts, seps, i, true)? {
            Meaning::Abs(iv) if iv.days() > 366 => None,
            p => Some(p),
        }
    }

    /// Whether a short m-d or m.d date is written where a date is expected ("on 4-22",
    /// "Friday 7.6"), rather than a score or a decimal.
    pub(super) fn date_context(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = if self.is_punct(i - 1, '(') && i >= 2 { i - 2 } else { i - 1 };
        matches!(self.word_at(p), Some(WordKind::Weekday(..)))
            || matches!(
                self.kw_at(p),
                Some(
                    Keyword::On
                        | Keyword::In
                        | Keyword::This
                        | Keyword::Next
                        | Keyword::Last
                        | Keyword::Between
                        | Keyword::From
                        | Keyword::To
                        | Keyword::Till
                        | Keyword::Until
                        | Keyword::Through
                )
            )
    }

    /// The meaning of a numeric run.
    pub(super) fn interpret(
        &self,
        parts: &[usize],
        seps: &[(char, bool)],
        i: usize,
        in_range: bool,
    ) -> Option<Meaning> {
        #[derive(Clone, Copy)]
        enum DatePart {
            Number(u32, u8),
            Month(u32),
        }
        let mut pts = [DatePart::Number(0, 0); 8];
        for (slot, &p) in pts.iter_mut().zip(parts) {
            *slot = match self.tokens[p].kind {
                TokenKind::Num { value: v, digits: len } => DatePart::Number(v, len),
                TokenKind::Word(WordKind::Month(mo, _)) => DatePart::Month(mo),
                _ => return None,
            };
        }
        let n = parts.len();
        let spaced = seps.iter().any(|(_, s)| *s);
        let same = seps.iter().all(|(c, _)| *c == seps[0].0 || *c == ',');
        let c0 = seps[0].0;
        let valid_md = |mo: u32, d: u32| (1..=12).contains(&mo) && d >= 1 && d <= MAX_DAY[mo as usize - 1];
        let day = |y: i32, mo: u32, d: u32| day_iv(ymd(y, mo, d)).map(Meaning::Abs);
        let y4 = |v: u32, l: u8| l == 4 && (1000..=2999).contains(&v);
        match (n, pts[0], pts[1], pts.get(2).copied().filter(|_| n > 2)) {
            (2, DatePart::Number(a, la), DatePart::Number(b, lb), _) => {
                if y4(a, la) && lb <= 2 {
                    // "closed at 2082.1", "rose to 2015.3": a figure after a preposition that
                    // introduces one, not a month.
                    if c0 == '.' && self.figure_before(i) {
                        return None;
                    }
                    if (1..=12).contains(&b) && c0 != ',' {
                        return cal::month(a as i32, b).map(Meaning::Abs);
                    }
                    // "2014-18", "1939-45"
                    let last = a % 100;
                    if lb == 2 && matches!(c0, '-' | '–') && b > last && b - last <= 10 {
                        return cal::years(a as i32, (a - last + b) as i32).map(Meaning::Abs);
                    }
                    return None;
                }
                if y4(a, la) && y4(b, lb) {
                    return (matches!(c0, '-' | '–' | '~') && a < b && b - a <= 200)
                        .then(|| cal::years(a as i32, b as i32).map(Meaning::Abs))
                        .flatten();
                }
                if la <= 2 && y4(b, lb) {
                    return ((1..=12).contains(&a) && c0 != ',')
                        .then(|| cal::month(b as i32, a).map(Meaning::Abs))
                        .flatten();
                }
                if spaced || la > 2 || lb > 2 {
                    return None;
                }
                // A year-less day: "4/22", "22/04", "4-22", "4.22".
                if (a, b) == (9, 11) && c0 == '/' {
                    return day(2001, 9, 11);
                }
                if (a, b) == (24, 7) {
                    return None;
                }
                let next_month = matches!(self.word_at(parts[1] + 1), Some(WordKind::Month(..)))
                    || (self.kw(parts[1] + 1, Keyword::In) || self.kw(parts[1] + 1, Keyword::Of))
                        && self.rel_month(parts[1] + 1).is_some();
                if next_month {
                    return None; // "4-22 January": a range of days
                }
                match c0 {
                    '/' => {
                        if a < b && b <= 10 && !in_range {
                            return None; // a fraction
                        }
                    }
                    '-' | '.' => {
                        if !in_range && !self.date_context(i) {
                            return None;
                        }
                        // "from 10-11 countries": a range of numbers before what they count.
                        if !in_range && self.plural_noun(parts[1] + 1) {
                            return None;
                        }
                    }
                    _ => return None,
                }
                if valid_md(a, b) {
                    Some(Meaning::YearlessSpan(YearlessSpan::day(a, b)))
                } else if valid_md(b, a) {
                    Some(Meaning::YearlessSpan(YearlessSpan::day(b, a)))
                } else {
                    None
                }
            }
            (2, DatePart::Month(mo), DatePart::Number(b, lb), _)
            | (2, DatePart::Number(b, lb), DatePart::Month(mo), _) => {
                if spaced {
                    return None;
                }
                if y4(b, lb) {
                    return cal::month(b as i32, mo).map(Meaning::Abs);
                }
                (lb <= 2 && valid_md(mo, b)).then_some(Meaning::YearlessSpan(YearlessSpan::day(mo, b)))
            }
            (3, DatePart::Number(a, la), DatePart::Number(b, lb), Some(DatePart::Number(c, lc))) => {
                if spaced || !same || la > 4 || lb > 2 || lc > 4 {
                    return None;
                }
                if y4(a, la) {
                    return if c0 == ',' || lc > 2 { None } else { day(a as i32, b, c) };
                }
                if la > 2 {
                    return None;
                }
                let y = if y4(c, lc) {
                    c as i32
                } else if lc == 2 && c0 != '.' {
                    Self::pivot(c)
                } else {
                    return None;
                };
                let dot = c0 == '.';
                let (mo, d) = if dot {
                    if valid_md(b, a) { (b, a) } else { (a, b) }
                } else if valid_md(a, b) {
                    (a, b)
                } else {
                    (b, a)
                };
                day(y, mo, d)
            }
            (3, DatePart::Number(d, ld), DatePart::Month(mo), Some(DatePart::Number(y, ly)))
                if ld <= 2 && y4(y, ly) =>
            {
                day(y as i32, mo, d)
            }
            (3, DatePart::Number(y, ly), DatePart::Month(mo), Some(DatePart::Number(d, ld)))
                if ld <= 2 && y4(y, ly) =>
            {
                day(y as i32, mo, d)
            }
            (3, DatePart::Number(y, ly), DatePart::Number(d, ld), Some(DatePart::Month(mo)))
                if ld <= 2 && y4(y, ly) =>
            {
                day(y as i32, mo, d)
            }
            (3, DatePart::Number(d, ld), DatePart::Number(y, ly), Some(DatePart::Month(mo)))
                if ld <= 2 && y4(y, ly) =>
            {
                day(y as i32, mo, d)
            }
            (3, DatePart::Month(mo), DatePart::Number(d, ld), Some(DatePart::Number(y, ly)))
                if ld <= 2 && y4(y, ly) =>
            {
                day(y as i32, mo, d)
            }
            _ => None,
        }
    }

    /// Two ends of a range into one meaning.
    pub(super) fn combine(&self, a: Meaning, b: Meaning) -> Option<Meaning> {
        let next_month = |d: NaiveDate, day: u32| -> Option<NaiveDate> {
            let f = add_months(ymd(d.year(), d.month(), 1)?, 1)?;
            ymd(f.year(), f.month(), day)
        };
        match (a, b) {
            (Meaning::Abs(x), Meaning::Abs(y)) => span(x.start, y.end).map(Meaning::Abs),
            (Meaning::YearlessSpan(x), Meaning::Abs(y)) => {
                let mut s = self.yl_in(x, y.start.year())?;
                if s.start > y.start {
                    s = self.yl_in(x, y.start.year() - 1)?;
                }
                span(s.start, y.end).map(Meaning::Abs)
            }
            (Meaning::Abs(x), Meaning::YearlessSpan(y)) => {
                let mut e = self.yl_in(y, x.start.year())?;
                if e.end < x.start {
                    e = self.yl_in(y, x.start.year() + 1)?;
                }
                span(x.start, e.end).map(Meaning::Abs)
            }
            (Meaning::YearlessSpan(x), Meaning::YearlessSpan(y)) => Some(Meaning::YearlessSpan(YearlessSpan {
                start_month: x.start_month,
                start_day: x.start_day,
                end_month: y.end_month,
                end_day: y.end_day,
            })),
            (Meaning::Day(d), Meaning::YearlessSpan(y)) => {
                // "from 28 to 3 March": the start is in the month before.
                let start_month = if y.start_month == y.end_month && y.end_day != 0 && d > y.end_day {
                    (y.start_month + 10) % 12 + 1
                } else {
                    y.start_month
                };
                (d <= MAX_DAY[start_month as usize - 1]).then_some(Meaning::YearlessSpan(YearlessSpan {
                    start_month,
                    start_day: d,
                    end_month: y.end_month,
                    end_day: y.end_day,
                }))
            }
            (Meaning::Day(d), Meaning::Abs(y)) => {
                let mut s = ymd(y.start.year(), y.start.month(), d)?;
                if s > y.start {
                    s = add_months(s, -1)?;
                }
                span(s, y.end).map(Meaning::Abs)
            }
            (Meaning::YearlessSpan(x), Meaning::Day(d)) => {
                let end_month = if d < x.end_day || (x.end_day == 0 && d < x.start_day) {
                    x.end_month % 12 + 1
                } else {
                    x.end_month
                };
                (d <= MAX_DAY[end_month as usize - 1]).then_some(Meaning::YearlessSpan(YearlessSpan {
                    start_month: x.start_month,
                    start_day: x.start_day,
                    end_month,
                    end_day: d,
                }))
            }
            (Meaning::Abs(x), Meaning::Day(d)) => {
                let mut e = ymd(x.end.year(), x.end.month(), d)?;
                if e < x.end {
                    e = next_month(x.end, d)?;
                }
                span(x.start, e).map(Meaning::Abs)
            }
            (Meaning::Abs(x), Meaning::Wd(w)) => {
                let ahead = (7 + w.num_days_from_monday() - x.end.weekday().num_days_from_monday()) % 7;
                span(x.start, add_days(x.end, i64::from(ahead))?).map(Meaning::Abs)
            }
            (Meaning::Day(_), Meaning::Day(_)) => None,
            (a, b) => {
                let a = self.resolve(a)?;
                let b = match b {
                    Meaning::Wd(w) => {
                        let ahead = (7 + w.num_days_from_monday() - a.end.weekday().num_days_from_monday()) % 7;
                        DateInterval::day(add_days(a.end, i64::from(ahead))?)
                    }
                    b => self.resolve(b)?,
                };
                span(a.start, b.end).map(Meaning::Abs)
            }
        }
    }
}
