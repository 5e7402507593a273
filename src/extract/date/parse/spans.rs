//! Spans and offsets: the week of a day, "in three weeks", "two days after", "the 10 days to".

use super::*;

impl Parser<'_> {
    // ------------------------------------------------------------------------------------
    // Weeks of a day, spans, offsets
    // ------------------------------------------------------------------------------------

    /// "the week of April 10th", "w/c Feb 4", "the week beginning February 4", "month of
    /// september.16th".
    pub(super) fn week_of(&self, i: usize) -> Option<Match> {
        let k = if self.kw(i, Keyword::The) { i + 1 } else { i };
        let (q, month) = if self.kw(k, Keyword::WeekOf) && self.is_punct(k + 1, '/') && self.kw(k + 2, Keyword::C) {
            (k + 3, false)
        } else if self.kw(k, Keyword::Week) && !self.str(k).ends_with('s') {
            match self.kw_at(k + 1)? {
                Keyword::Of | Keyword::Beginning | Keyword::Starting | Keyword::Commencing | Keyword::Start => {
                    (k + 2 + usize::from(self.kw(k + 2, Keyword::On)), false)
                }
                _ => return None,
            }
        } else if self.kw(k, Keyword::Month) && !self.str(k).ends_with('s') && self.kw(k + 1, Keyword::Of) {
            (k + 2, true)
        } else {
            return None;
        };
        let a = self.atom(q)?;
        let day = match a.meaning {
            Meaning::Abs(iv) if iv.is_day() => iv.start,
            Meaning::YearlessSpan(yl) if yl.is_day() => self.resolve_day(a.meaning)?,
            Meaning::Day(_) => self.resolve_day(a.meaning)?,
            _ => return None,
        };
        if month {
            return abs(a.end, cal::month(day.year(), day.month()));
        }
        abs(a.end, cal::week(day))
    }

    /// Whether the words before `i` make "in 3 years" a span of time, not a date: "the first
    /// time in 3 years", "the highest in a decade", "once in two years".
    pub(super) fn duration_context(&self, i: usize) -> bool {
        for j in (i.saturating_sub(4)..i).rev() {
            match self.tokens[j].kind {
                TokenKind::Punct('.' | ';' | '!' | '?') => return false,
                TokenKind::Word(WordKind::Keyword(Keyword::Time)) | TokenKind::Word(WordKind::Ord(1)) => return true,
                TokenKind::Word(WordKind::Other) => {
                    let w = self.str(j);
                    let lower = w.to_ascii_lowercase();
                    if (lower.len() > 4 && lower.ends_with("est"))
                        || matches!(lower.as_str(), "ever" | "most" | "least" | "record" | "once" | "twice" | "times")
                    {
                        return true;
                    }
                }
                _ => {}
            }
        }
        false
    }

    /// "3 days ago", "two weeks ago", "in two weeks", "in a fortnight's time", "two weeks from
    /// now", "3 days after January 12th", "2 weeks before Christmas", "two days before
    /// yesterday".
    pub(super) fn offset(&self, i: usize) -> Option<Match> {
        if self.kw(i, Keyword::In) {
            let (e, dur) = self.duration(i + 1, 3)?;
            if self.kw(e, Keyword::Of) || self.kw(e, Keyword::Ago) || self.duration_context(i) {
                return None;
            }
            if matches!(self.kw_at(e), Some(Keyword::From | Keyword::After | Keyword::Before | Keyword::Since)) {
                return None;
            }
            let mut end = e;
            if self.is_punct(end, '\'') {
                end += 1;
                if self.kw(end, Keyword::S) {
                    end += 1;
                }
                if self.kw(end, Keyword::Time) {
                    end += 1;
                } else {
                    end = e;
                }
            } else if self.kw(end, Keyword::Time) {
                end += 1;
            }
            return abs(end, day_iv(self.shift(self.reference?, &dur, 1)));
        }
        let (e, dur) = self.duration(i, 3)?;
        match self.kw_at(e)? {
            Keyword::Ago => abs(e + 1, day_iv(self.shift(self.reference?, &dur, -1))),
            k @ (Keyword::From | Keyword::After | Keyword::Before) => {
                let sign = if k == Keyword::Before { -1 } else { 1 };
                if k == Keyword::From && self.kw(e + 1, Keyword::Now) {
                    return abs(e + 2, day_iv(self.shift(self.reference?, &dur, 1)));
                }
                let a = self.atom(e + 1)?;
                let base = self.resolve_day(a.meaning)?;
                abs(a.end, day_iv(self.shift(base, &dur, sign)))
            }
            _ => None,
        }
    }

    /// Spans counted from today: "next 3 days", "the past three years", "last 2 quarters",
    /// "the next two decades", "5 upcoming years", "within 5 days", "less than 2 weeks from
    /// today", "4 weeks in the future", "2 days hence", "3 days starting from next Monday",
    /// "for 3 days from today", "next couple weeks", "the next 4 business days".
    pub(super) fn rel_span(&self, i: usize) -> Option<Match> {
        let k = if self.kw(i, Keyword::The) { i + 1 } else { i };
        let dir = |kw: Option<Keyword>| match kw {
            Some(Keyword::Next | Keyword::Coming | Keyword::Upcoming | Keyword::Following) => Some(1),
            Some(Keyword::Past | Keyword::Last | Keyword::Previous | Keyword::Prior) => Some(-1),
            _ => None,
        };
        // "next 3 days", "the past three years"
        if let Some(sign) = dir(self.kw_at(k)) {
            let (mut e, mut dur) = self.duration(k + 1, 3)?;
            if self.kw(e, Keyword::Ago) {
                let (e1, d1) = self.duration(k + 1, 1)?;
                e = e1;
                dur = d1;
            }
            if matches!(
                self.kw_at(e),
                Some(Keyword::From | Keyword::After | Keyword::Before | Keyword::Of | Keyword::Ago)
            ) {
                return None;
            }
            return abs(e, self.span_from_today(&dur, sign));
        }
        // "the 3 next weeks", "5 upcoming years"
        if let Some((ce, n)) = self.count(k) {
            if let Some(sign) = dir(self.kw_at(ce)) {
                let (ue, u) = self.unit(ce + 1)?;
                if n != 1 && !self.str(ue - 1).ends_with('s') {
                    return None;
                }
                let dur = self.dur_of(n, u);
                return abs(ue, self.span_from_today(&dur, sign));
            }
        }
        let r = self.reference?;
        // "within 5 days", "within the next 3 years", "within 2 weeks from today"
        if self.kw(k, Keyword::Within) || (self.kw(k, Keyword::Less) && self.kw(k + 1, Keyword::Than)) {
            let mut q = if self.kw(k, Keyword::Within) { k + 1 } else { k + 2 };
            if self.kw(q, Keyword::The) {
                q += 1;
            }
            if matches!(self.kw_at(q), Some(Keyword::Next | Keyword::Upcoming | Keyword::Coming)) {
                q += 1;
            }
            let (e, dur) = self.duration(q, 3)?;
            let (e, base) = match self.kw_at(e) {
                Some(Keyword::From | Keyword::After) => match self.kw_at(e + 1) {
                    Some(Keyword::Today | Keyword::Now) => (e + 2, r),
                    Some(Keyword::Tomorrow) => (e + 2, add_days(r, 1)?),
                    _ => return None,
                },
                Some(Keyword::Before | Keyword::Ago) => return None,
                _ if self.kw(k, Keyword::Less) => return None,
                _ => (e, r),
            };
            return abs(e, span(base, add_days(self.shift(base, &dur, 1)?, -1)?));
        }
        // "for 3 days, from today"
        let (q, for_) = if self.is(k, "for") { (k + 1, true) } else { (k, false) };
        let (e, dur) = self.duration(q, 3)?;
        if !for_ && self.kw(e, Keyword::In) && self.kw(e + 1, Keyword::The) && self.kw(e + 2, Keyword::Future) {
            return abs(e + 3, span(add_days(r, 1)?, self.shift(r, &dur, 1)?));
        }
        if !for_ && self.kw(e, Keyword::Hence) {
            return abs(e + 1, span(add_days(r, 1)?, self.shift(r, &dur, 1)?));
        }
        let mut s = e;
        if self.is_punct(s, ',') {
            s += 1;
        }
        let starting = self.kw(s, Keyword::Starting);
        if starting {
            s += 1;
            if self.kw(s, Keyword::From) || self.kw(s, Keyword::On) {
                s += 1;
            }
        } else if for_ && self.kw(s, Keyword::From) {
            s += 1;
        } else {
            return None;
        }
        let a = self.atom(s)?;
        let base = self.resolve_day(a.meaning)?;
        abs(a.end, span(base, add_days(self.shift(base, &dur, 1)?, -1)?))
    }

    pub(super) fn dur_of(&self, n: i64, u: Unit) -> Length {
        let mut d = Length { single: Some((n, u)), ..Length::default() };
        match u {
            Unit::Day => d.days = n,
            Unit::BDay => d.bdays = n,
            Unit::Week => d.days = 7 * n,
            Unit::Fortnight => d.days = 14 * n,
            Unit::Month => d.months = n,
            Unit::Quarter => d.months = 3 * n,
            Unit::Year => d.months = 12 * n,
            Unit::Decade => d.months = 120 * n,
            Unit::Century => d.months = 1200 * n,
        }
        d
    }

    /// The days after (sign 1) or before (-1) today covered by a duration. Quarters, decades
    /// and centuries count whole calendar units.
    pub(super) fn span_from_today(&self, dur: &Length, sign: i64) -> Option<DateInterval> {
        let r = self.reference?;
        if let Some((n, u @ (Unit::Quarter | Unit::Decade | Unit::Century | Unit::Fortnight))) = dur.single {
            if n < 1 {
                return None;
            }
            return if sign > 0 {
                span(self.unit_iv(u, r, 1)?.start, self.unit_iv(u, r, n)?.end)
            } else {
                span(self.unit_iv(u, r, -n)?.start, self.unit_iv(u, r, -1)?.end)
            };
        }
        if sign > 0 {
            let first = if dur.bdays > 0 {
                self.shift(r, &Length { bdays: 1, ..Length::default() }, 1)?
            } else {
                add_days(r, 1)?
            };
            span(first, self.shift(r, dur, 1)?)
        } else {
            let last = if dur.bdays > 0 {
                self.shift(r, &Length { bdays: 1, ..Length::default() }, -1)?
            } else {
                add_days(r, -1)?
            };
            span(self.shift(r, dur, -1)?, last)
        }
    }
}
