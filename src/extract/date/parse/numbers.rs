//! Numbers in date expressions: days of the month, years, and counts of units.

use super::*;

impl Parser<'_> {
    // ------------------------------------------------------------------------------------
    // Numbers: days, years, counts
    // ------------------------------------------------------------------------------------

    /// A day of the month in digits: "3", "03", "3rd". With its end and whether it had a suffix.
    pub(super) fn day_num(&self, i: usize) -> Option<(usize, u32, bool)> {
        let (v, len) = self.num(i)?;
        if len > 2 || v == 0 || v > 31 {
            return None;
        }
        if self.adj(i) && self.kw(i + 1, Keyword::Suffix) {
            return Some((i + 2, v, true));
        }
        self.num_ends(i).then_some((i + 1, v, false))
    }

    /// A day of the month in words: "ninth", "twenty-first", "twenty one", "fifteen".
    pub(super) fn day_word(&self, i: usize) -> Option<(usize, u32, bool)> {
        match self.word_at(i)? {
            WordKind::Ord(v) if v <= 31 => Some((i + 1, v, true)),
            WordKind::Card(t @ (20 | 30)) => {
                let mut j = i + 1;
                if self.is_punct(j, '-') && self.adj(i) {
                    j += 1;
                }
                match self.word_at(j) {
                    Some(WordKind::Ord(u @ 1..=9)) if t + u <= 31 => Some((j + 1, t + u, true)),
                    Some(WordKind::Card(u @ 1..=9)) if t + u <= 31 => Some((j + 1, t + u, false)),
                    _ => Some((i + 1, t, false)),
                }
            }
            WordKind::Card(v @ 1..=19) => Some((i + 1, v, false)),
            _ => None,
        }
    }

    pub(super) fn day(&self, i: usize) -> Option<(usize, u32, bool)> {
        self.day_num(i).or_else(|| self.day_word(i))
    }

    /// A four-digit year 1000–2999 in digits, not part of a longer number.
    pub(super) fn year4(&self, i: usize) -> Option<(usize, i32)> {
        let (v, len) = self.num(i)?;
        let run_on = self.adj(i)
            && (self.is_punct(i + 1, '-') || self.is_punct(i + 1, '/'))
            && self.adj(i + 1)
            && self.is_num(i + 2);
        (len == 4 && (1000..=2999).contains(&v) && self.num_ends(i) && !run_on).then_some((i + 1, v as i32))
    }

    /// A number from 1 to 99 in words: "ninety six", "seventy-two", "twelve".
    pub(super) fn two_digit_words(&self, i: usize) -> Option<(usize, u32)> {
        let WordKind::Card(a) = self.word_at(i)? else { return None };
        if a >= 20 {
            let mut j = i + 1;
            if self.is_punct(j, '-') && self.adj(i) {
                j += 1;
            }
            if let Some(WordKind::Card(u @ 1..=9)) = self.word_at(j) {
                return Some((j + 1, a + u));
            }
            return Some((i + 1, a));
        }
        (a >= 1).then_some((i + 1, a))
    }

    /// A year in words: "nineteen ninety six", "nineteen oh five", "seventeen hundred thirty
    /// three", "two thousand and fifteen".
    pub(super) fn year_words(&self, i: usize) -> Option<(usize, i32)> {
        let WordKind::Card(a) = self.word_at(i)? else { return None };
        if (11..=99).contains(&a) && (a < 20 || a % 10 == 0) {
            let j = i + 1;
            if self.kw(j, Keyword::Hundred) {
                let mut k = j + 1;
                if self.kw(k, Keyword::And) && self.two_digit_words(k + 1).is_some() {
                    k += 1;
                }
                return match self.two_digit_words(k) {
                    Some((e, n)) => Some((e, (a * 100 + n) as i32)),
                    None => Some((j + 1, (a * 100) as i32)),
                };
            }
            if self.kw(j, Keyword::Oh) || self.word_at(j) == Some(WordKind::Card(0)) {
                if let Some(WordKind::Card(u @ 1..=9)) = self.word_at(j + 1) {
                    return Some((j + 2, (a * 100 + u) as i32));
                }
            }
            if let Some((e, n)) = self.two_digit_words(j) {
                if n >= 10 {
                    return Some((e, (a * 100 + n) as i32));
                }
            }
        }
        if !matches!(a, 1..=2) || !self.kw(i + 1, Keyword::Thousand) {
            return None;
        }
        let s = self.tokens[i].start;
        let n = parse_number(&self.text[s..])?;
        if n.value.fract() != 0.0 || !(1000.0..3000.0).contains(&n.value) {
            return None;
        }
        Some((self.tok_end_at(i, s + n.len), n.value as i32))
    }

    /// Two-digit years: 00–39 are 2000–2039, 40–99 are 1940–1999.
    pub(super) fn pivot(v: u32) -> i32 {
        if v < 40 { 2000 + v as i32 } else { 1900 + v as i32 }
    }

    /// A year after a month or a day: four digits, words, "'87", or two digits when `two`.
    pub(super) fn year_any(&self, i: usize, two: bool) -> Option<(usize, i32)> {
        if let Some(y) = self.year4(i).or_else(|| self.year_words(i)) {
            return Some(y);
        }
        if self.is_punct(i, '\'') && self.adj(i) {
            let (v, len) = self.num(i + 1)?;
            return (len == 2 && self.num_ends(i + 1)).then_some((i + 2, Self::pivot(v)));
        }
        let (v, len) = self.num(i)?;
        (two && len == 2 && self.num_ends(i)).then_some((i + 1, Self::pivot(v)))
    }

    /// "this year", "next year", "last year" (also after "of"/"in"), or "the year" when
    /// `the_year`: the year and where it ends.
    pub(super) fn rel_year(&self, i: usize, the_year: bool) -> Option<(usize, i32)> {
        let r = self.reference?;
        let mut k = i;
        if self.kw(k, Keyword::Of) || self.kw(k, Keyword::In) {
            k += 1;
        }
        if self.kw(k, Keyword::The) && self.kw(k + 1, Keyword::Current) {
            k += 1;
        }
        let delta = match self.kw_at(k)? {
            Keyword::Past => -1,
            Keyword::The if the_year => 0,
            _ => self.step(k)?,
        };
        let mut e = k + 1;
        if self.kw(e, Keyword::Calendar) {
            e += 1;
        }
        self.kw(e, Keyword::Year).then_some((e + 1, r.year() + delta as i32))
    }

    /// How many units on a word steps from the current one: "this" 0, "next" 1, "last" -1.
    pub(super) fn step(&self, k: usize) -> Option<i64> {
        match self.kw_at(k)? {
            Keyword::This | Keyword::Current => Some(0),
            Keyword::Next | Keyword::Coming | Keyword::Following => Some(1),
            Keyword::Last | Keyword::Previous => Some(-1),
            _ => None,
        }
    }

    /// "this month", "next month", "last month" (also after "of"/"in"): first day and end.
    pub(super) fn rel_month(&self, i: usize) -> Option<(usize, NaiveDate)> {
        let r = self.reference?;
        let mut k = i;
        if self.kw(k, Keyword::Of) || self.kw(k, Keyword::In) {
            k += 1;
        }
        if self.kw(k, Keyword::The) && self.kw(k + 1, Keyword::Following) {
            k += 1;
        }
        let delta = self.step(k)?;
        if !self.kw(k + 1, Keyword::Month) {
            return None;
        }
        Some((k + 2, add_months(ymd(r.year(), r.month(), 1)?, delta)?))
    }

    /// A year given any way after "of"/"in" or alone: (end, year, relative).
    pub(super) fn year_spec(&self, i: usize, the_year: bool) -> Option<(usize, i32, bool)> {
        let k = if self.kw(i, Keyword::Of) || self.kw(i, Keyword::In) { i + 1 } else { i };
        if let Some((e, y)) = self.year4(k).or_else(|| self.year_words(k)) {
            return Some((e, y, false));
        }
        self.rel_year(k, the_year).map(|(e, y)| (e, y, true))
    }

    /// How many: digits, number words, "a", "a few", "a couple of".
    pub(super) fn count(&self, i: usize) -> Option<(usize, i64)> {
        match self.tokens.get(i)?.kind {
            TokenKind::Num { value: v, digits: len } if len <= 5 => {
                if self.adj(i)
                    && (self.is_punct(i + 1, ':')
                        || ((self.is_punct(i + 1, '.') || self.is_punct(i + 1, ','))
                            && self.adj(i + 1)
                            && self.is_num(i + 2)))
                {
                    return None;
                }
                Some((i + 1, i64::from(v)))
            }
            TokenKind::Word(WordKind::Keyword(Keyword::A)) => {
                if self.kw(i + 1, Keyword::Few) {
                    Some((i + 2, 3))
                } else if self.kw(i + 1, Keyword::Couple) {
                    Some((if self.kw(i + 2, Keyword::Of) { i + 3 } else { i + 2 }, 2))
                } else {
                    Some((i + 1, 1))
                }
            }
            TokenKind::Word(WordKind::Keyword(Keyword::Few)) => Some((i + 1, 3)),
            TokenKind::Word(WordKind::Keyword(Keyword::Couple)) => {
                Some((if self.kw(i + 1, Keyword::Of) { i + 2 } else { i + 1 }, 2))
            }
            TokenKind::Word(WordKind::Card(_)) => {
                let s = self.tokens[i].start;
                let n = parse_number(&self.text[s..])?;
                if n.value.fract() != 0.0 || !(0.0..=100_000.0).contains(&n.value) {
                    return None;
                }
                let e = self.tok_end_at(i, s + n.len);
                (e > i).then_some((e, n.value as i64))
            }
            _ => None,
        }
    }

    pub(super) fn unit(&self, i: usize) -> Option<(usize, Unit)> {
        let u = match self.kw_at(i)? {
            Keyword::Day => Unit::Day,
            Keyword::Week => Unit::Week,
            Keyword::Fortnight => Unit::Fortnight,
            Keyword::Month => Unit::Month,
            Keyword::Quarter => Unit::Quarter,
            Keyword::Year => Unit::Year,
            Keyword::Decade => Unit::Decade,
            Keyword::Century => Unit::Century,
            Keyword::Business | Keyword::Working if self.kw(i + 1, Keyword::Day) => return Some((i + 2, Unit::BDay)),
            _ => return None,
        };
        Some((i + 1, u))
    }

    /// "3 days", "two weeks", "1 month 21 days", "2 years, 1 month and 12 days".
    pub(super) fn duration(&self, i: usize, max_parts: usize) -> Option<(usize, Length)> {
        let mut d = Length::default();
        let mut k = i;
        let mut parts = 0;
        let mut end = i;
        while parts < max_parts {
            let mut s = k;
            if parts > 0 {
                if self.is_punct(s, ',') {
                    s += 1;
                }
                if self.kw(s, Keyword::And) {
                    s += 1;
                }
            }
            let Some((ce, n)) = self.count(s) else { break };
            // "a" counts only as the first part, and not before a number word ("a dozen").
            let Some((ue, u)) = self.unit(ce) else { break };
            if n > 10_000 {
                return None;
            }
            match u {
                Unit::Day => d.days += n,
                Unit::BDay => d.bdays += n,
                Unit::Week => d.days += 7 * n,
                Unit::Fortnight => d.days += 14 * n,
                Unit::Month => d.months += n,
                Unit::Quarter => d.months += 3 * n,
                Unit::Year => d.months += 12 * n,
                Unit::Decade => d.months += 120 * n,
                Unit::Century => d.months += 1200 * n,
            }
            d.single = if parts == 0 { Some((n, u)) } else { None };
            parts += 1;
            end = ue;
            k = ue;
        }
        (parts > 0).then_some((end, d))
    }

    /// `d` moved by a duration (`sign` ±1).
    pub(super) fn shift(&self, d: NaiveDate, dur: &Length, sign: i64) -> Option<NaiveDate> {
        let mut x = add_months(d, sign * dur.months)?;
        x = add_days(x, sign * dur.days)?;
        let mut left = dur.bdays;
        while left > 0 {
            x = add_days(x, sign)?;
            if !matches!(x.weekday(), Weekday::Sat | Weekday::Sun) {
                left -= 1;
            }
        }
        Some(x)
    }
}
