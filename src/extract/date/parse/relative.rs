//! Dates relative to the article's: weekdays ("on Friday", "last Tuesday"), days ("yesterday",
//! "three days ago") and periods ("next week", "last month").

use super::*;

impl Parser<'_> {
    // ------------------------------------------------------------------------------------
    // Weekdays and relative days
    // ------------------------------------------------------------------------------------

    /// "this", "next", "last", "this past", "coming", ... before a weekday: (after it, modifier).
    pub(super) fn weekday_mod(&self, i: usize) -> (usize, Option<Modifier>) {
        let md = match self.kw_at(i) {
            Some(Keyword::This) => match self.kw_at(i + 1) {
                Some(Keyword::Past) => return (i + 2, Some(Modifier::Past)),
                Some(Keyword::Coming | Keyword::Upcoming) => return (i + 2, Some(Modifier::Coming)),
                _ => Modifier::This,
            },
            Some(Keyword::Next | Keyword::Following) => Modifier::Next,
            Some(Keyword::Last | Keyword::Previous) => Modifier::Last,
            Some(Keyword::Past) => Modifier::Past,
            Some(Keyword::Coming | Keyword::Upcoming) => Modifier::Coming,
            _ => return (i, None),
        };
        (i + 1, Some(md))
    }

    /// "next week", "the following week", "last week" after a weekday: that week's Monday.
    pub(super) fn week_after_weekday(&self, i: usize) -> Option<(usize, NaiveDate)> {
        let mut k = i;
        if self.kw(k, Keyword::Of) || self.kw(k, Keyword::On) || self.is_punct(k, ',') || self.is_punct(k, '-') {
            k += 1;
        }
        if self.kw(k, Keyword::The) {
            k += 1;
        }
        let delta = self.step(k)?;
        if !self.kw(k + 1, Keyword::Week) {
            return None;
        }
        Some((k + 2, add_days(cal::week_start(self.reference?), 7 * delta)?))
    }

    /// Weekdays: "Friday", "on Thursday", "next Friday", "this past Wednesday", "Friday, 11
    /// January 2026", "Fri., Jan. 11", "Tue May 9", "Friday 7/6", "Thursday the 21st",
    /// "Mon 13th", "Friday next week", "tuesday of next week".
    pub(super) fn weekday(&self, i: usize) -> Option<Match> {
        let (k, md) = self.weekday_mod(i);
        let WordKind::Weekday(w, abbr) = self.word_at(k)? else { return None };
        let mut e = k + 1;
        if abbr && self.is_punct(e, '.') && self.adj(k) {
            e += 1;
        }
        if abbr
            && (self.is_punct(k + 1, '/') || self.is_punct(k + 1, '-'))
            && self.adj(k)
            && !self.is_num(k + 2)
            && self.month(k + 2).is_none()
        {
            return None; // "Sun/Star": not a weekday
        }
        // Weekdays in a list go with days in a list, in order: "Wednesday and Thursday, 15 and
        // 16 November", "miércoles y jueves 15 y 16": the last weekday is not the first day's.
        let in_list =
            k >= 2 && self.is_conjunction(k - 1) && matches!(self.word_at(k - 2), Some(WordKind::Weekday(..)));
        // A date written with the weekday.
        let mut q = e;
        let paren = self.is_punct(q, '(');
        if self.is_punct(q, ',') || paren || (self.is_punct(q, '-') && self.adj(q)) {
            q += 1;
        }
        let dated = if in_list {
            None
        } else {
            self.month_first(q)
                .or_else(|| self.day_first(q))
                .or_else(|| self.cluster(q))
                .or_else(|| self.foreign_day(q))
        };
        if let Some(dm) = dated {
            let is_day = match dm.meaning {
                Meaning::Abs(iv) => iv.is_day(),
                Meaning::YearlessSpan(yl) => yl.is_day(),
                _ => false,
            };
            if is_day {
                let end = if paren && self.is_punct(dm.end, ')') { dm.end + 1 } else { dm.end };
                return Some(Match { end, meaning: dm.meaning, weekday: Some(w) });
            }
        }
        if md.is_none() {
            // A day of an unnamed month that falls on this weekday: "Thursday the 21st".
            let mut q = e;
            if self.is_punct(q, ',') {
                q += 1;
            }
            let the = self.kw(q, Keyword::The);
            let dq = if the { q + 1 } else { q };
            if let Some((de, d, _)) = self.day(dq).filter(|_| !in_list) {
                let digits = self.is_num(dq);
                // An ordinal word before an ordinary word qualifies it ("Thursday, the first
                // swap"): it is not a day of the month.
                let qualifies = !digits && self.word_at(de) == Some(WordKind::Other) && !self.cap(de);
                let clean = !qualifies && !self.plural_noun(de) && self.unit(de).is_none() && !self.is_time_word(de);
                if clean && (the || digits) && self.fit_weekday(w, d).is_some() {
                    return Some(Match { end: de, meaning: Meaning::WdDay(w, d), weekday: Some(w) });
                }
            }
            if let Some((we, monday)) = self.week_after_weekday(e) {
                return abs(we, day_iv(cal::in_week(monday, w)));
            }
        }
        // The weekday alone, or with a modifier.
        if md.is_none() {
            if abbr {
                // A weekday of another language is never read alone: its tense is not known.
                let written = self.text[self.tokens[k].start..self.tokens[k].end].to_ascii_lowercase();
                if !crate::lexicon::WEEKDAY_ABBREVIATIONS.contains(&written.as_str()) {
                    return None;
                }
                let listed = matches!(self.kw_at(e), Some(Keyword::Or | Keyword::And))
                    || matches!(
                        self.prev_kw(k),
                        Some(Keyword::On | Keyword::Or | Keyword::And | Keyword::To | Keyword::From)
                    );
                if w == Weekday::Sun || !self.cap(k) || !(listed || self.is_punct(k + 1, '.')) {
                    return None;
                }
            }
            const NOT_DAYS: &[&str] = &[
                "good", "black", "cyber", "bloody", "super", "ash", "holy", "palm", "maundy", "shrove", "easter",
                "whit", "blue", "giving", "fat", "low", "spy", "trinity", "passion", "small", "travel", "manic",
            ];
            if k > 0 && NOT_DAYS.iter().any(|w| self.is(k - 1, w)) {
                return None;
            }
            const PAPERS: &[&str] = &[
                "times",
                "telegraph",
                "mirror",
                "express",
                "herald",
                "independent",
                "tribune",
                "sport",
                "night",
                "people",
                "post",
                "mail",
                "observer",
            ];
            if self.cap(k) && PAPERS.iter().any(|p| self.is(e, p)) && self.cap(e) {
                return None;
            }
            // "a Sunday", "every Friday": no particular day.
            if matches!(self.prev_kw(k), Some(Keyword::A | Keyword::Each | Keyword::Every)) {
                return None;
            }
            return matched(e, Meaning::Wd(w));
        }
        let md = md?;
        abs(e, day_iv(self.weekday_with(md, w)))
    }

    /// The day numbered `d` nearest to the article date that falls on weekday `w`.
    /// "and", "or", or their equivalents in the languages whose dates are read.
    pub(super) fn is_conjunction(&self, i: usize) -> bool {
        matches!(self.kw_at(i), Some(Keyword::And | Keyword::Or))
            || ["y", "e", "et", "und", "oder", "ou", "o", "и", "і", "та", "или", "або"].iter().any(|w| self.is(i, w))
    }

    pub(super) fn fit_weekday(&self, w: Weekday, d: u32) -> Option<NaiveDate> {
        let r = self.reference?;
        let first = ymd(r.year(), r.month(), 1)?;
        (-24..=24)
            .filter_map(|k| {
                let f = add_months(first, k)?;
                ymd(f.year(), f.month(), d)
            })
            .filter(|day| day.weekday() == w)
            .min_by_key(|day| ((*day - r).num_days().abs(), *day))
    }

    /// "today", "tomorrow", "yesterday", "the day after tomorrow", "the day before yesterday".
    pub(super) fn relday(&self, i: usize) -> Option<Match> {
        let r = self.reference;
        let k = if self.kw(i, Keyword::The) { i + 1 } else { i };
        if self.kw(k, Keyword::Day) && !self.is(k, "days") {
            let sign = match self.kw_at(k + 1)? {
                Keyword::After => 1,
                Keyword::Before => -1,
                _ => return None,
            };
            let base = match self.kw_at(k + 2)? {
                Keyword::Tomorrow if sign == 1 => 1,
                Keyword::Yesterday if sign == -1 => -1,
                _ => return None,
            };
            return abs(k + 3, day_iv(add_days(r?, base + sign)));
        }
        if k != i {
            return None;
        }
        let delta = match self.kw_at(i)? {
            Keyword::Today | Keyword::Tonight => 0,
            Keyword::Tomorrow => 1,
            Keyword::Yesterday => -1,
            _ => return None,
        };
        // "USA Today", "the Today programme".
        if self.is(i.wrapping_sub(1), "usa") || (self.cap(i) && (self.is(i + 1, "show") || self.is(i + 1, "programme")))
        {
            return None;
        }
        abs(i + 1, day_iv(add_days(r?, delta)))
    }

    // ------------------------------------------------------------------------------------
    // Relative periods
    // ------------------------------------------------------------------------------------

    /// The interval of a calendar unit containing `d`, moved by `delta` units.
    pub(super) fn unit_iv(&self, u: Unit, d: NaiveDate, delta: i64) -> Option<DateInterval> {
        match u {
            Unit::Week => cal::week(add_days(cal::week_start(d), 7 * delta)?),
            Unit::Fortnight => {
                let s = add_days(cal::week_start(d), 14 * delta)?;
                span(s, add_days(s, 13)?)
            }
            Unit::Month => {
                let f = add_months(ymd(d.year(), d.month(), 1)?, delta)?;
                cal::month(f.year(), f.month())
            }
            Unit::Quarter => {
                let q = i64::from(d.month0() / 3) + delta;
                let y = i64::from(d.year()) + q.div_euclid(4);
                cal::quarter(i32::try_from(y).ok()?, q.rem_euclid(4) as u32 + 1)
            }
            Unit::Year => cal::year(d.year().checked_add(i32::try_from(delta).ok()?)?),
            Unit::Decade => {
                let y = d.year().div_euclid(10) * 10 + 10 * i32::try_from(delta).ok()?;
                cal::years(y, y + 9)
            }
            Unit::Century => {
                let y = d.year().div_euclid(100) * 100 + 100 * i32::try_from(delta).ok()?;
                cal::years(y, y + 99)
            }
            Unit::Day | Unit::BDay => day_iv(add_days(d, delta)),
        }
    }

    /// "this week", "next month", "last year", "the coming week", "the week after next",
    /// "this weekend", "next workweek", "current quarter", "this decade", "past fortnight",
    /// "next week Friday", "this calendar year", "year to date".
    pub(super) fn relperiod(&self, i: usize) -> Option<Match> {
        let the = self.kw(i, Keyword::The);
        let k = if the { i + 1 } else { i };
        // "year to date", "ytd"
        if self.kw(k, Keyword::Ytd)
            || (self.kw(k, Keyword::Year) && self.kw(k + 1, Keyword::To) && self.kw(k + 2, Keyword::Date))
        {
            let r = self.reference?;
            let e = if self.kw(k, Keyword::Ytd) { k + 1 } else { k + 3 };
            let start = ymd(r.year(), 1, 1)?;
            return abs(e, span(start, add_days(r, -1)?.max(start)));
        }
        // "the week after next", "the month after the next"
        if the {
            if let Some((ue, u)) = self.period_unit(k) {
                if self.kw(ue, Keyword::After) {
                    let n = if self.kw(ue + 1, Keyword::The) { ue + 2 } else { ue + 1 };
                    if self.kw(n, Keyword::Next) {
                        return self.unit_or_weekend(n + 1, u, 2, self.is_weekend(k));
                    }
                }
            }
        }
        let delta = match self.kw_at(k)? {
            Keyword::This | Keyword::Current => 0,
            Keyword::Next | Keyword::Coming | Keyword::Upcoming | Keyword::Following => 1,
            Keyword::Last | Keyword::Previous | Keyword::Past | Keyword::Prior => -1,
            Keyword::Weekend if !the && matches!(self.prev_kw(k), Some(Keyword::On | Keyword::At)) => {
                return self.unit_or_weekend(k + 1, Unit::Week, 0, true);
            }
            Keyword::Weekend if the && i > 0 && self.is(i - 1, "over") => {
                // "over the weekend": the latest weekend begun, as news uses it.
                let r = self.reference?;
                let back = if r.weekday().num_days_from_monday() >= 5 { 0 } else { -1 };
                return self.unit_or_weekend(k + 1, Unit::Week, back, true);
            }
            Keyword::Weekend | Keyword::Fortnight if the => {
                let u = if self.kw(k, Keyword::Weekend) { Unit::Week } else { Unit::Fortnight };
                return self.unit_or_weekend(k + 1, u, 0, self.kw(k, Keyword::Weekend));
            }
            _ => return None,
        };
        let rolling = matches!(self.kw_at(k), Some(Keyword::Past))
            || (the && matches!(self.kw_at(k), Some(Keyword::Last | Keyword::Next)));
        let (ue, u) = self.period_unit(k + 1)?;
        let weekend = self.is_weekend(k + 1);
        let workweek =
            self.kw(k + 1, Keyword::Workweek) || self.kw(k + 2, Keyword::Week) && !self.kw(k + 1, Keyword::Week);
        if rolling && !weekend && matches!(u, Unit::Week | Unit::Month | Unit::Year) {
            // "the past week", "the next month": the days up to or from today.
            let r = self.reference?;
            let dur = match u {
                Unit::Week => Length { days: 7, ..Length::default() },
                Unit::Month => Length { months: 1, ..Length::default() },
                _ => Length { months: 12, ..Length::default() },
            };
            let iv = if delta < 0 {
                span(self.shift(r, &dur, -1)?, add_days(r, -1)?)
            } else {
                span(add_days(r, 1)?, self.shift(r, &dur, 1)?)
            };
            return abs(ue, iv);
        }
        if workweek {
            let r = self.reference?;
            let s = add_days(cal::week_start(r), 7 * delta)?;
            return abs(ue, span(s, add_days(s, 4)?));
        }
        self.unit_or_weekend(ue, u, delta, weekend)
    }

    pub(super) fn is_weekend(&self, i: usize) -> bool {
        self.kw(i, Keyword::Weekend)
    }

    /// A unit word for relative periods: (end, unit). "working week" and "workweek" are weeks,
    /// "weekend" is a week (its Saturday and Sunday), "calendar year" a year.
    pub(super) fn period_unit(&self, i: usize) -> Option<(usize, Unit)> {
        let u = match self.kw_at(i)? {
            Keyword::Week | Keyword::Weekend | Keyword::Workweek => Unit::Week,
            Keyword::Fortnight => Unit::Fortnight,
            Keyword::Month => Unit::Month,
            Keyword::Quarter => Unit::Quarter,
            Keyword::Year => Unit::Year,
            Keyword::Decade => Unit::Decade,
            Keyword::Century => Unit::Century,
            Keyword::Calendar if self.kw(i + 1, Keyword::Year) => return Some((i + 2, Unit::Year)),
            Keyword::Working | Keyword::Business if self.kw(i + 1, Keyword::Week) => return Some((i + 2, Unit::Week)),
            _ => return None,
        };
        if self.str(i).ends_with('s') && !matches!(u, Unit::Week) {
            return None; // "last years" is not a period
        }
        if matches!(self.kw_at(i), Some(Keyword::Week | Keyword::Weekend)) && self.str(i).ends_with('s') {
            return None;
        }
        Some((i + 1, u))
    }

    /// A relative unit resolved, with "next week Friday"-style weekdays after weeks.
    pub(super) fn unit_or_weekend(&self, e: usize, u: Unit, delta: i64, weekend: bool) -> Option<Match> {
        let r = self.reference?;
        let iv = self.unit_iv(u, r, delta)?;
        if weekend {
            return abs(e, span(add_days(iv.start, 5)?, iv.end));
        }
        if u == Unit::Week {
            let mut q = e;
            if self.kw(q, Keyword::On) || self.is_punct(q, ',') || self.is_punct(q, '-') {
                q += 1;
            }
            if let Some(WordKind::Weekday(w, abbr)) = self.word_at(q) {
                if !abbr || self.cap(q) {
                    let mut we = q + 1;
                    if abbr && self.is_punct(we, '.') {
                        we += 1;
                    }
                    return abs(we, day_iv(cal::in_week(iv.start, w)));
                }
            }
        }
        abs(e, Some(iv))
    }
}
