//! Periods: years, decades, centuries and quarters; their parts ("early 2024", "the end of the
//! month"); and weeks, months and weekdays counted in them ("the second week of March").

use super::*;

impl Parser<'_> {
    // ------------------------------------------------------------------------------------
    // Years, decades, centuries, quarters
    // ------------------------------------------------------------------------------------

    /// Whether a four-digit number at `i` is a year by its context.
    pub(super) fn year_context(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = i - 1;
        let follows_year = |from: usize| {
            (from.saturating_sub(6)..from)
                .any(|j| self.num(j).is_some_and(|(v, l)| l == 4 && (1000..=2999).contains(&v)))
        };
        match self.tokens[p].kind {
            TokenKind::Word(WordKind::Keyword(k)) => match k {
                k if k.leads_time() => true,
                Keyword::Year | Keyword::Calendar => true,
                Keyword::The | Keyword::A | Keyword::My => self.word_at(i + 1).is_some() || self.is_punct(i + 1, '-'),
                Keyword::To => !(p > 0 && (self.kw(p - 1, Keyword::Up) || self.kw(p - 1, Keyword::Prior))),
                Keyword::And | Keyword::Or | Keyword::Not | Keyword::But | Keyword::Than => follows_year(p),
                Keyword::S => p > 0 && self.is_punct(p - 1, '\'') && self.word_at(i + 1).is_some(),
                _ => false,
            },
            TokenKind::Punct('=') => true,
            TokenKind::Punct(',') => follows_year(p),
            TokenKind::Punct('(') => self.is_punct(i + 1, ')'),
            TokenKind::Word(WordKind::Other) => {
                ["its", "his", "her", "their", "whose", "circa"].iter().any(|w| self.is(p, w))
                    && self.word_at(i + 1).is_some()
            }
            _ => false,
        }
    }

    /// Years: "in 2024", "the 2014 annexation", "Russia's 2024 capture", "year 2008", "the year
    /// of 2008", "calendar year 2008", "cy18", "in nineteen twenty eight", "=2019".
    pub(super) fn year(&self, i: usize) -> Option<Match> {
        // "year 247", "calendar year 2008", "cy 2008", "cy18"
        let kyear = if self.kw(i, Keyword::Calendar) && self.kw(i + 1, Keyword::Year) {
            Some(i + 2)
        } else if self.kw(i, Keyword::Year) && !self.str(i).ends_with('s') {
            Some(i + 1)
        } else {
            None
        };
        if let Some(k) = kyear {
            let k = if self.kw(k, Keyword::Of) { k + 1 } else { k };
            if let Some((v, len)) = self.num(k) {
                if (1..=4).contains(&len)
                    && v >= 1
                    && self.num_ends(k)
                    && !self.plural_noun(k + 1)
                    && self.unit(k + 1).is_none()
                {
                    return abs(k + 1, cal::year(v as i32));
                }
            }
            if let Some((e, y)) = self.year_words(k) {
                return abs(e, cal::year(y));
            }
            if matches!(self.word_at(k), Some(WordKind::Card(_))) {
                let s = self.tokens[k].start;
                let n = parse_number(&self.text[s..])?;
                if n.value.fract() == 0.0 && (1.0..3000.0).contains(&n.value) {
                    return abs(self.tok_end_at(k, s + n.len), cal::year(n.value as i32));
                }
            }
            return None;
        }
        if self.kw(i, Keyword::Cy) {
            if let Some((e, y)) = self.year4(i + 1) {
                return abs(e, cal::year(y));
            }
            let (v, len) = self.num(i + 1)?;
            return (len == 2 && self.adj(i) && self.num_ends(i + 1))
                .then(|| abs(i + 2, cal::year(Self::pivot(v))))
                .flatten();
        }
        if let Some((e, y)) = self.year4(i) {
            if !self.year_context(i) || self.money_before(i) || self.inside_cluster(i) {
                return None;
            }
            // "2000 people" is a count; "the 2016 elections" a year.
            if self.plural_noun(e) && y % 100 == 0 {
                return None;
            }
            if self.is(e, "percent") || self.is(e, "per") {
                return None;
            }
            return abs(e, cal::year(y));
        }
        if matches!(self.word_at(i), Some(WordKind::Card(_)))
            && matches!(
                self.prev_kw(i),
                Some(Keyword::In | Keyword::Of | Keyword::During | Keyword::Since | Keyword::Until)
            )
        {
            let (e, y) = self.year_words(i)?;
            if self.plural_noun(e) {
                return None;
            }
            return abs(e, cal::year(y));
        }
        None
    }

    /// "2017 april", "2016, nov", "2015 June": a year then a month.
    pub(super) fn year_month(&self, i: usize) -> Option<Match> {
        let (e, y) = self.year4(i)?;
        if self.money_before(i) || self.inside_cluster(i) {
            return None;
        }
        let q = if self.is_punct(e, ',') { e + 1 } else { e };
        let (me, mo, abbr) = self.month(q)?;
        if self.doubtful_month(q, mo) || (abbr && !self.cap(q) && q == e && !self.year_context(i)) {
            return None;
        }
        if self.day(me).is_some_and(|(de, _, _)| self.num(me).is_some() && !self.plural_noun(de))
            && !self.is_punct(me, ',')
        {
            // "2016 June 5"
            let (de, d, _) = self.day(me)?;
            return abs(de, day_iv(ymd(y, mo, d)));
        }
        abs(me, cal::month(y, mo))
    }

    /// Which decade: the one starting at `base + d`, or for a bare "'70s" the latest such decade
    /// starting no later than the article's year.
    pub(super) fn decade_of(&self, d: u32) -> Option<DateInterval> {
        let y = match self.reference {
            Some(r) if 2000 + d as i32 <= r.year() => 2000 + d as i32,
            _ => 1900 + d as i32,
        };
        cal::years(y, y + 9)
    }

    /// "the 1990s", "1970's", "the '40s", "the 70s", "the seventies", "the nineteen seventies",
    /// "the two thousands", "the noughties", "the 1800s" (a century).
    pub(super) fn decade(&self, i: usize) -> Option<Match> {
        let the = self.kw(i, Keyword::The);
        let k = if the { i + 1 } else { i };
        let apos = self.is_punct(k, '\'') && self.adj(k);
        let n = if apos { k + 1 } else { k };
        if let Some((v, len)) = self.num(n) {
            if v % 10 != 0 || !(len == 4 || len == 2) || (apos && len != 2) {
                return None;
            }
            let e = if self.adj(n) && self.kw(n + 1, Keyword::S) {
                n + 2
            } else if self.adj(n) && self.is_punct(n + 1, '\'') && self.adj(n + 1) && self.kw(n + 2, Keyword::S) {
                n + 3
            } else if self.kw(n + 1, Keyword::S) && (the || self.prev_kw(i) == Some(Keyword::In)) {
                n + 2
            } else {
                return None;
            };
            if self.money_before(n) {
                return None;
            }
            if len == 4 {
                let y = v as i32;
                if v % 100 == 0 && v != 2000 {
                    return abs(e, cal::years(y, y + 99));
                }
                return abs(e, cal::years(y, y + 9));
            }
            if !(apos || the || self.prev_kw(i) == Some(Keyword::In)) {
                return None;
            }
            return abs(e, self.decade_of(v));
        }
        if !the {
            return None;
        }
        // Words: "the seventies", "the nineteen seventies", "the twenty-tens", "the two thousand
        // and tens", "the two thousands", "the noughties".
        let mut q = k;
        let mut base = None;
        match self.word_at(q) {
            Some(WordKind::Card(19)) => {
                base = Some(1900);
                q += 1;
            }
            Some(WordKind::Card(20))
                if matches!(
                    self.word_at(q + 1 + usize::from(self.is_punct(q + 1, '-'))),
                    Some(WordKind::Decade(10))
                ) =>
            {
                base = Some(2000);
                q += 1 + usize::from(self.is_punct(q + 1, '-'));
            }
            Some(WordKind::Card(2)) if self.kw(q + 1, Keyword::Thousand) => {
                base = Some(2000);
                q += 2;
                if self.kw(q, Keyword::And) {
                    q += 1;
                }
            }
            Some(WordKind::Card(2)) if matches!(self.word_at(q + 1), Some(WordKind::Decade(1000))) => {
                return abs(q + 2, cal::years(2000, 2009));
            }
            _ => {}
        }
        let Some(WordKind::Decade(d)) = self.word_at(q) else { return None };
        if d >= 100 {
            return None;
        }
        match (base, d) {
            (Some(b), d) => abs(q + 1, cal::years(b + d as i32, b + d as i32 + 9)),
            (None, 0) => abs(q + 1, cal::years(2000, 2009)),
            (None, 10) => None,
            (None, d) => abs(q + 1, self.decade_of(d)),
        }
    }

    /// An ordinal 1–31 in digits or words: "21st", "twenty-first", "nineteenth".
    pub(super) fn ordinal(&self, i: usize) -> Option<(usize, u32)> {
        if let Some((e, v, true)) = self.day_num(i) {
            return Some((e, v));
        }
        match self.day_word(i)? {
            (e, v, true) => Some((e, v)),
            _ => None,
        }
    }

    /// "the 21st century", "15th  century", "the nineteenth century".
    pub(super) fn century(&self, i: usize) -> Option<Match> {
        let k = if self.kw(i, Keyword::The) { i + 1 } else { i };
        let (e, n) = self.ordinal(k)?;
        if !self.kw(e, Keyword::Century) || self.str(e).ends_with('s') || n == 0 {
            return None;
        }
        let y = (n as i32 - 1) * 100;
        abs(e + 1, cal::years(y.max(1), y + 99))
    }

    /// "Q3 2016", "2016 Q3", "2017-q1", "q1 of 2017", "Q3 this year", "H2 2016", "2016H2",
    /// "the third quarter of 2016", "1st quarter of 2013", "the first half of 2024", "Q3".
    pub(super) fn quarter(&self, i: usize) -> Option<Match> {
        // Year first.
        if let Some((v, 4)) = self.num(i) {
            if self.money_before(i) || self.inside_cluster(i) {
                return None;
            }
            let y = v as i32;
            let mut q = i + 1;
            if (self.is_punct(q, '-') && self.adj(i) && self.adj(q)) || !self.adj(i) {
                q += usize::from(self.is_punct(q, '-'));
            }
            let half = self.kw(q, Keyword::H);
            if !(half || self.kw(q, Keyword::Q)) {
                return None;
            }
            let (n, _) = self.num(q + 1).filter(|_| self.adj(q))?;
            if !self.num_ends(q + 1) {
                return None;
            }
            return abs(q + 2, if half { self.half(y, n) } else { cal::quarter(y, n) });
        }
        // "Q3", "H2": a letter touching a digit.
        if self.kw(i, Keyword::Q) || self.kw(i, Keyword::H) {
            let half = self.kw(i, Keyword::H);
            let (n, len) = self.num(i + 1).filter(|_| self.adj(i))?;
            if len != 1
                || (self.adj(i + 1)
                    && !matches!(self.tokens.get(i + 2).map(|t| t.kind), Some(TokenKind::Punct('-' | ',' | '.' | ')'))))
            {
                return None;
            }
            let mut q = i + 2;
            if self.is_punct(q, '-') && self.adj(q - 1) {
                q += 1;
            }
            if let Some((e, y, _)) = self.year_spec(q, false) {
                return abs(e, if half { self.half(y, n) } else { cal::quarter(y, n) });
            }
            if half || !(1..=4).contains(&n) {
                return None;
            }
            let r = self.reference?;
            return abs(i + 2, cal::nearest(r, (r.year() - 1..=r.year() + 1).filter_map(|y| cal::quarter(y, n))));
        }
        // Words.
        let k = if self.kw(i, Keyword::The) { i + 1 } else { i };
        let n = if self.kw(k, Keyword::Last) { 4 } else { self.ordinal(k).map(|(_, n)| n)? };
        let oe = if self.kw(k, Keyword::Last) { k + 1 } else { self.ordinal(k)?.0 };
        let half = self.kw(oe, Keyword::Half);
        if !(half || self.kw(oe, Keyword::Quarter)) || self.str(oe).ends_with('s') {
            return None;
        }
        let n = if half && self.kw(k, Keyword::Last) { 2 } else { n };
        let (e, y, _) = self.year_spec(oe + 1, true)?;
        abs(e, if half { self.half(y, n) } else { cal::quarter(y, n) })
    }

    pub(super) fn half(&self, y: i32, n: u32) -> Option<DateInterval> {
        match n {
            1 => cal::months(y, 1, 6),
            2 => cal::months(y, 7, 12),
            _ => None,
        }
    }

    // ------------------------------------------------------------------------------------
    // Parts of periods
    // ------------------------------------------------------------------------------------

    /// A period that early/mid/late, beginning/end of and the like apply to.
    pub(super) fn period(&self, j: usize) -> Option<(usize, Meaning, PeriodKind)> {
        if let Some(WordKind::Weekday(w, false)) = self.word_at(j) {
            return Some((j + 1, Meaning::Wd(w), PeriodKind::Weekday));
        }
        if let Some((e, mo, _)) = self.month(j) {
            let mut q = e;
            let mut two = false;
            if self.is_punct(q, ',') || self.tight_sep(q) {
                q += 1;
            } else if self.kw(q, Keyword::Of) || self.kw(q, Keyword::In) {
                q += 1;
                two = self.kw(q - 1, Keyword::Of);
            }
            if let Some((ye, y)) = self.year_any(q, two) {
                return Some((ye, Meaning::Abs(cal::month(y, mo)?), PeriodKind::Month));
            }
            if let Some((ye, y)) = self.rel_year(e, false) {
                return Some((ye, Meaning::Abs(cal::month(y, mo)?), PeriodKind::Month));
            }
            if self.is_num(e) {
                return None;
            }
            return Some((e, Meaning::YearlessSpan(YearlessSpan::month(mo)), PeriodKind::Month));
        }
        if let Some(d) = self.decade(j).or_else(|| self.decade(j + 1).filter(|_| self.kw(j, Keyword::The))) {
            let Meaning::Abs(iv) = d.meaning else { return None };
            let kind = if iv.days() > 3660 { PeriodKind::Century } else { PeriodKind::Decade };
            return Some((d.end, d.meaning, kind));
        }
        if let Some(c) = self.century(j) {
            return Some((c.end, c.meaning, PeriodKind::Century));
        }
        if let Some((e, y)) = self.year4(j).or_else(|| self.year_words(j)) {
            if self.money_before(j) || self.inside_cluster(j) {
                return None;
            }
            return Some((e, Meaning::Abs(cal::year(y)?), PeriodKind::Year(false)));
        }
        // "this week", "the month", "next year", "month"
        let mut k = j;
        let mut delta = 0;
        match self.kw_at(k) {
            Some(Keyword::This | Keyword::Current | Keyword::The | Keyword::My) => k += 1,
            Some(Keyword::Next | Keyword::Coming | Keyword::Following) => {
                delta = 1;
                k += 1;
            }
            Some(Keyword::Last | Keyword::Previous | Keyword::Past) => {
                delta = -1;
                k += 1;
            }
            _ => {}
        }
        let (e, u) = self.period_unit(k)?;
        if self.kw(k, Keyword::Weekend) {
            return None;
        }
        let r = self.reference?;
        let iv = self.unit_iv(u, r, delta)?;
        let kind = match u {
            Unit::Week => PeriodKind::Week,
            Unit::Month => PeriodKind::Month,
            Unit::Year => PeriodKind::Year(true),
            Unit::Decade => PeriodKind::Decade,
            Unit::Century => PeriodKind::Century,
            _ => return None,
        };
        Some((e, Meaning::Abs(iv), kind))
    }

    /// The early, middle or late part of a period.
    pub(super) fn apply_part(&self, part: Part, p: Meaning, kind: PeriodKind) -> Option<Meaning> {
        let month_days = |part: Part| match part {
            Part::Early => (1, 15),
            Part::Mid => (10, 20),
            Part::Late => (16, 0),
        };
        match (kind, p) {
            (PeriodKind::Weekday, p) => Some(p),
            (PeriodKind::Month, Meaning::YearlessSpan(yl)) => {
                let (a, b) = month_days(part);
                Some(Meaning::YearlessSpan(YearlessSpan {
                    start_month: yl.start_month,
                    start_day: a,
                    end_month: yl.start_month,
                    end_day: b,
                }))
            }
            (PeriodKind::Month, Meaning::Abs(iv)) => {
                let (a, b) = month_days(part);
                let (y, mo) = (iv.start.year(), iv.start.month());
                let b = if b == 0 { cal::last_day(y, mo) } else { b };
                span(ymd(y, mo, a)?, ymd(y, mo, b)?).map(Meaning::Abs)
            }
            (PeriodKind::Year(rel), Meaning::Abs(iv)) => {
                let y = iv.start.year();
                let (a, b) = match (part, rel) {
                    (Part::Early, true) => (1, 6),
                    (Part::Late, true) => (7, 12),
                    (Part::Early, false) => (1, 4),
                    (Part::Mid, _) => (5, 8),
                    (Part::Late, false) => (9, 12),
                };
                cal::months(y, a, b).map(Meaning::Abs)
            }
            (PeriodKind::Week, Meaning::Abs(iv)) => {
                let (a, b) = match part {
                    Part::Early => (0, 2),
                    Part::Mid => (1, 4),
                    Part::Late => (3, 6),
                };
                span(add_days(iv.start, a)?, add_days(iv.start, b)?).map(Meaning::Abs)
            }
            (PeriodKind::Decade, Meaning::Abs(iv)) => {
                let y = iv.start.year();
                let (a, b) = match part {
                    Part::Early => (0, 3),
                    Part::Mid => (3, 6),
                    Part::Late => (6, 9),
                };
                cal::years(y + a, y + b).map(Meaning::Abs)
            }
            (PeriodKind::Century, Meaning::Abs(iv)) => {
                let y = iv.start.year().div_euclid(100) * 100;
                let (a, b) = match part {
                    Part::Early => (0, 32),
                    Part::Mid => (33, 66),
                    Part::Late => (67, 99),
                };
                cal::years((y + a).max(iv.start.year()), y + b).map(Meaning::Abs)
            }
            _ => None,
        }
    }

    /// "early January", "mid-2024", "late this week", "the end of 2025", "beginning of next
    /// week", "end of month", "earlier this month", "later this year", "the rest of the week",
    /// "EOY", "early Monday".
    pub(super) fn part(&self, i: usize) -> Option<Match> {
        let k = if self.kw(i, Keyword::The) { i + 1 } else { i };
        let kw = self.kw_at(k)?;
        let part = match kw {
            Keyword::Early | Keyword::Beginning | Keyword::Start => Part::Early,
            Keyword::Mid | Keyword::Middle => Part::Mid,
            Keyword::Late | Keyword::End => Part::Late,
            Keyword::Earlier | Keyword::Later => return self.earlier_later(k),
            Keyword::Rest | Keyword::Remaining => return self.rest(k),
            Keyword::Eoy => {
                let r = self.reference?;
                return abs(k + 1, cal::months(r.year(), 7, 12));
            }
            _ => return None,
        };
        if k != i && matches!(kw, Keyword::Early | Keyword::Mid | Keyword::Late) && self.decade(k + 1).is_none() {
            return None; // "the late President"
        }
        let mut q = k + 1;
        if matches!(kw, Keyword::Beginning | Keyword::Start | Keyword::Middle | Keyword::End) {
            if !self.kw(q, Keyword::Of) {
                return None;
            }
            q += 1;
        } else {
            if self.is_punct(q, '-') && self.adj(q - 1) {
                q += 1;
            }
            if self.kw(q, Keyword::In) && kw != Keyword::Mid {
                q += 1;
            }
        }
        let (e, p, kind) = self.period(q)?;
        if kind == PeriodKind::Weekday && !matches!(kw, Keyword::Early | Keyword::Late) {
            return None;
        }
        matched(e, self.apply_part(part, p, kind)?)
    }

    /// "earlier this month", "later this week", "later in the year", "earlier previous week".
    pub(super) fn earlier_later(&self, k: usize) -> Option<Match> {
        let r = self.reference?;
        let later = self.kw(k, Keyword::Later);
        let mut q = k + 1;
        if self.kw(q, Keyword::In) && self.kw(q + 1, Keyword::The) {
            q += 2;
        } else if self.kw(q, Keyword::This) || self.kw(q, Keyword::The) || self.kw(q, Keyword::Current) {
            q += 1;
        } else if matches!(self.kw_at(q), Some(Keyword::Previous | Keyword::Last | Keyword::Next)) {
            let (e, p, kind) = self.period(q)?;
            let part = if later { Part::Late } else { Part::Early };
            return (kind == PeriodKind::Week).then(|| matched(e, self.apply_part(part, p, kind)?)).flatten();
        } else {
            return None;
        }
        let (e, u) = self.period_unit(q)?;
        let iv = self.unit_iv(u, r, 0)?;
        let (a, b) = match u {
            Unit::Week => {
                if later {
                    (r.max(add_days(iv.start, 3)?), iv.end)
                } else {
                    (iv.start, add_days(r, -1)?.max(iv.start))
                }
            }
            Unit::Month => {
                if later {
                    (r.max(ymd(r.year(), r.month(), 16)?), iv.end)
                } else {
                    (iv.start, add_days(r, -1)?.min(ymd(r.year(), r.month(), 15)?).max(iv.start))
                }
            }
            Unit::Year => {
                if later {
                    (r.max(ymd(r.year(), 7, 1)?), iv.end)
                } else {
                    (iv.start, add_days(r, -1)?.max(iv.start))
                }
            }
            _ => return None,
        };
        abs(e, span(a, b))
    }

    /// "the rest of the week", "rest of the month", "rest of the year", "rest this week".
    pub(super) fn rest(&self, k: usize) -> Option<Match> {
        let r = self.reference?;
        let mut q = k + 1;
        if self.kw(q, Keyword::Of) {
            q += 1;
        }
        if matches!(self.kw_at(q), Some(Keyword::The | Keyword::This | Keyword::My | Keyword::Current)) {
            q += 1;
        }
        let (e, u) = self.period_unit(q)?;
        if !matches!(u, Unit::Week | Unit::Month | Unit::Year) || self.kw(q, Keyword::Weekend) {
            return None;
        }
        let iv = self.unit_iv(u, r, 0)?;
        abs(e, span(r, iv.end))
    }

    // ------------------------------------------------------------------------------------
    // Weeks, months and weekdays counted in a period
    // ------------------------------------------------------------------------------------

    /// A period resolved to days, for "the first week of ...".
    pub(super) fn period_iv(&self, j: usize) -> Option<(usize, DateInterval, PeriodKind)> {
        let (e, p, kind) = self.period(j)?;
        if kind == PeriodKind::Weekday {
            return None;
        }
        Some((e, self.resolve(p)?, kind))
    }

    /// "on Friday" after a week: the day of that week.
    pub(super) fn on_weekday(&self, e: usize, monday: NaiveDate) -> Option<(usize, NaiveDate)> {
        let mut q = e;
        if self.kw(q, Keyword::On) || self.is_punct(q, ',') {
            q += 1;
        }
        let Some(WordKind::Weekday(w, _)) = self.word_at(q) else { return None };
        Some((q + 1, cal::in_week(monday, w)?))
    }

    pub(super) fn week_result(&self, e: usize, monday: NaiveDate) -> Option<Match> {
        if let Some((we, day)) = self.on_weekday(e, monday) {
            return abs(we, Some(DateInterval::day(day)));
        }
        abs(e, span(monday, add_days(monday, 6)?))
    }

    /// "week 31", "week 3 of 2027", "the first week of Oct", "the last week of july", "3rd week
    /// of 2018", "the third week next year", "the first 2 weeks of 2021", "the last four months
    /// of 2021", "first ten days of last year", "the third month of 2021", "the first friday of
    /// july", "the second Monday of next month", "second Sunday".
    pub(super) fn nth(&self, i: usize) -> Option<Match> {
        let k = if self.kw(i, Keyword::The) { i + 1 } else { i };
        // ISO weeks: "week 31", "week 3 of 2027"
        if self.kw(k, Keyword::Week) && !self.str(k).ends_with('s') {
            let (n, len) = self.num(k + 1)?;
            if len > 2 || !(1..=53).contains(&n) || !self.num_ends(k + 1) || self.plural_noun(k + 2) {
                return None;
            }
            let (e, y) = match self.year_spec(k + 2, false) {
                Some((e, y, _)) if self.kw(k + 2, Keyword::Of) || self.kw(k + 2, Keyword::In) => (e, y),
                _ => (k + 2, self.reference?.year()),
            };
            let monday = NaiveDate::from_isoywd_opt(y, n, Weekday::Mon)?;
            return self.week_result(e, monday);
        }
        // The ordinal.
        let (oe, n) = if self.kw(k, Keyword::Last) {
            (k + 1, -1)
        } else {
            let (e, n) = self.ordinal(k)?;
            (e, n as i32)
        };
        // "the first 2 weeks of 2021", "the last four months of 2021"
        if n == 1 || n == -1 {
            if let Some((ce, c)) = self.count(oe).filter(|_| !self.kw(oe, Keyword::A)) {
                if let Some((ue, u)) = self.unit(ce) {
                    if self.kw(ue, Keyword::Of) && (1..=366).contains(&c) {
                        let (e, iv, _) = self.period_iv(ue + 1)?;
                        let c = c as i32;
                        let out = match u {
                            Unit::Week => {
                                let (a, b) = if n > 0 { (1, c) } else { (-c, -1) };
                                span(cal::nth_week(&iv, a)?, add_days(cal::nth_week(&iv, b)?, 6)?)
                            }
                            Unit::Day => {
                                if n > 0 {
                                    span(iv.start, add_days(iv.start, i64::from(c) - 1)?.min(iv.end))
                                } else {
                                    span(add_days(iv.end, 1 - i64::from(c))?.max(iv.start), iv.end)
                                }
                            }
                            Unit::Month => {
                                if n > 0 {
                                    span(iv.start, add_days(add_months(iv.start, i64::from(c))?, -1)?.min(iv.end))
                                } else {
                                    let s = add_months(add_days(iv.end, 1)?, -i64::from(c))?;
                                    span(s.max(iv.start), iv.end)
                                }
                            }
                            _ => None,
                        };
                        return abs(e, out);
                    }
                }
            }
        }
        if n > 12 || n == 0 {
            return None;
        }
        // "the first week of Oct", "the third week next year"
        if self.kw(oe, Keyword::Week) && !self.str(oe).ends_with('s') {
            if n > 5 {
                return None;
            }
            let q = if self.kw(oe + 1, Keyword::Of) || self.kw(oe + 1, Keyword::In) { oe + 2 } else { oe + 1 };
            let (e, iv, kind) = self.period_iv(q)?;
            if !matches!(kind, PeriodKind::Month | PeriodKind::Year(_)) {
                return None;
            }
            let monday = cal::nth_week(&iv, n)?;
            return self.week_result(e, monday);
        }
        // "the third month of 2021"
        if self.kw(oe, Keyword::Month) && self.kw(oe + 1, Keyword::Of) {
            let (e, y, _) = self.year_spec(oe + 2, true)?;
            if n < 1 {
                return None;
            }
            return abs(e, cal::month(y, n as u32));
        }
        // "the first friday of july"
        let Some(WordKind::Weekday(w, _)) = self.word_at(oe) else { return None };
        if n > 5 {
            return None;
        }
        if self.kw(oe + 1, Keyword::Of) || self.kw(oe + 1, Keyword::In) {
            let (e, iv, kind) = self.period_iv(oe + 2)?;
            if kind != PeriodKind::Month {
                return None;
            }
            return abs(e, day_iv(cal::nth_weekday(iv.start.year(), iv.start.month(), w, n)));
        }
        let end = oe + 1 >= self.tokens.len() || matches!(self.tokens[oe + 1].kind, TokenKind::Punct('.' | '!' | '?'));
        if !end || n < 1 {
            return None;
        }
        let r = self.reference?;
        abs(oe + 1, day_iv(cal::nth_weekday(r.year(), r.month(), w, n)))
    }
}
