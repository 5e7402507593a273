//! Ranges between two expressions ("from 3 to 5 March", "between January and June").

use super::*;

impl Parser<'_> {
    // ------------------------------------------------------------------------------------
    // Ranges
    // ------------------------------------------------------------------------------------

    /// One end of a range: any date, or what only a range makes a date ("4", "the ninth",
    /// "2014", "now", "date", "May"). `atom` is the caller's reading of the atom at `j`.
    pub(super) fn side(&self, j: usize, atom: Option<Match>, after_to: bool) -> Option<(Match, Side)> {
        if let Some(a) = atom {
            let kind = match a.meaning {
                Meaning::Day(_) => Side::Day,
                _ => Side::Date,
            };
            return Some((a, kind));
        }
        if self.kw(j, Keyword::Now) || (after_to && self.kw(j, Keyword::Date)) {
            return Some((
                Match { end: j + 1, meaning: Meaning::Abs(DateInterval::day(self.reference?)), weekday: None },
                Side::Date,
            ));
        }
        if after_to && self.kw(j, Keyword::Current) && self.kw(j + 1, Keyword::Date) {
            return Some((
                Match { end: j + 2, meaning: Meaning::Abs(DateInterval::day(self.reference?)), weekday: None },
                Side::Date,
            ));
        }
        if let Some((e, y)) = self.year4(j).or_else(|| self.year_words(j)) {
            if self.money_before(j) || self.inside_cluster(j) {
                return None;
            }
            return Some((Match { end: e, meaning: Meaning::Abs(cal::year(y)?), weekday: None }, Side::Year));
        }
        if let Some((e, mo, _)) = self.month(j) {
            if !self.money_before(j) {
                return Some((
                    Match { end: e, meaning: Meaning::YearlessSpan(YearlessSpan::month(mo)), weekday: None },
                    Side::Date,
                ));
            }
        }
        let k = if self.kw(j, Keyword::The) { j + 1 } else { j };
        let (e, d, ord) = self.day(k)?;
        if k != j && !ord {
            return None;
        }
        let kind = if ord || self.is_num(k) { Side::Day } else { Side::DayWord };
        Some((Match { end: e, meaning: Meaning::Day(d), weekday: None }, kind))
    }

    /// "from X to Y", "between X and Y", "X-Y", "X through Y", "November between 19 and 20".
    pub(super) fn range(&self, i: usize, atom_at_i: Option<Match>) -> Option<Match> {
        // "November between 19 and 20 (, 2018)"
        if let Some((me, mo, _)) = self.month(i) {
            if self.kw(me, Keyword::Between) {
                let (e1, d1, _) = self.day(me + 1)?;
                let (e2, d2) = if self.kw(e1, Keyword::And) {
                    let (e2, d2, _) = self.day(e1 + 1)?;
                    (e2, d2)
                } else if self.is_punct(e1, '-') {
                    let (e2, d2, _) = self.day_num(e1 + 1)?;
                    (e2, d2)
                } else {
                    return None;
                };
                let yl = YearlessSpan { start_month: mo, start_day: d1, end_month: mo, end_day: d2 };
                if d1 >= d2 || d2 > MAX_DAY[mo as usize - 1] {
                    return None;
                }
                if let Some((ye, y)) = self.year_after(e2) {
                    return abs(ye, self.yl_in(yl, y));
                }
                return matched(e2, Meaning::YearlessSpan(yl));
            }
        }
        let pre = self.kw_at(i).filter(|k| matches!(k, Keyword::From | Keyword::Between));
        let k = if pre.is_some() { i + 1 } else { i };
        // The scan has read the atom at `i` already: most tokens have none, and reading it again
        // would double the scan's cost.
        let atom = if k == i { atom_at_i } else { self.atom(k) };
        let (s1, k1) = self.side(k, atom, false)?;
        // German writes a day with a full stop: "am 17. und 18. Januar".
        let ordinal_dot = k1 == Side::Day
            && self.is_punct(s1.end, '.')
            && self.tokens.get(s1.end + 1).is_some_and(|_| is_coordinator(self.str(s1.end + 1)));
        let c = s1.end + usize::from(ordinal_dot);
        // "17 and 18 January", "am 17. und 18. Januar", "les 23 et 24 janvier": two days in a
        // row, one span. (Days further apart are two dates, not read here.)
        let coordinated = pre.is_none() && is_coordinator(self.str(c));
        let conn = match self.tokens.get(c)?.kind {
            _ if coordinated => true,
            TokenKind::Word(WordKind::Keyword(Keyword::And)) => pre == Some(Keyword::Between),
            TokenKind::Word(WordKind::Keyword(Keyword::To | Keyword::Till | Keyword::Until | Keyword::Through)) => true,
            TokenKind::Punct('-' | '–' | '—' | '~') => true,
            _ => false,
        };
        if !conn
            || (pre == Some(Keyword::Between)
                && !self.kw(c, Keyword::And)
                && !self.kw(c, Keyword::Through)
                && !self.is_punct(c, '-'))
        {
            return None;
        }
        let after_to = matches!(self.kw_at(c), Some(Keyword::To | Keyword::Till | Keyword::Until));
        let (s2, k2) = self.side(c + 1, self.atom(c + 1), after_to)?;
        // A coordinated pair is a day and a date, either way round.
        if coordinated && !matches!((k1, k2), (Side::Day, Side::Date) | (Side::Date, Side::Day)) {
            return None;
        }
        // Bare numbers on both sides must be years, or days with a month on the other side.
        let (k1, k2) = match (k1, k2) {
            (Side::DayWord, _) if matches!(s2.meaning, Meaning::YearlessSpan(_)) => (Side::Day, k2),
            (_, Side::DayWord) if matches!(s1.meaning, Meaning::YearlessSpan(_)) => (k1, Side::Day),
            (Side::DayWord, _) | (_, Side::DayWord) => return None,
            kinds => kinds,
        };
        match (k1, k2) {
            (Side::Day, Side::Day) | (Side::Year, Side::Day) | (Side::Day, Side::Year) => return None,
            (Side::Year, Side::Year) => {
                let (Meaning::Abs(a), Meaning::Abs(b)) = (s1.meaning, s2.meaning) else { return None };
                let (ya, yb) = (a.start.year(), b.start.year());
                if ya >= yb || yb - ya > 200 || self.plural_noun(s2.end) {
                    return None;
                }
            }
            (Side::Day, Side::Date)
                if pre.is_none() && !matches!(s2.meaning, Meaning::YearlessSpan(_) | Meaning::Abs(_)) =>
            {
                return None;
            }
            (Side::Date, Side::Day) if self.plural_noun(s2.end) || self.unit(s2.end).is_some() => {
                return None;
            }
            _ => {}
        }
        // A day number needs a day on the other side: "2014-5" is not a range.
        let dayish = |p: Meaning| match p {
            Meaning::Abs(iv) => iv.days() <= 31,
            Meaning::YearlessSpan(_) => true,
            _ => true,
        };
        if (k1 == Side::Day && !dayish(s2.meaning)) || (k2 == Side::Day && !dayish(s1.meaning)) {
            return None;
        }
        let p = self.combine(s1.meaning, s2.meaning)?;
        let two_days = match p {
            Meaning::Abs(iv) => iv.days() == 2,
            Meaning::YearlessSpan(yl) => yl.start_month == yl.end_month && yl.end_day == yl.start_day + 1,
            _ => false,
        };
        if coordinated && !two_days {
            return None;
        }
        // "from January 20 to 24, 2025": a year after the range is the whole range's.
        if let Meaning::YearlessSpan(yl) = p
            && let Some((ye, y)) = self.year_after(s2.end)
        {
            return abs(ye, self.yl_in(yl, y));
        }
        matched(s2.end, p)
    }
}

/// Words that join two days into one span of two ("17 and 18 January"), in the languages dates
/// are read in.
const COORDINATORS: &[&str] = &["and", "und", "et", "y", "e", "и", "і", "та"];

pub(in crate::extract::date) fn is_coordinator(word: &str) -> bool {
    word.len() <= 4 && COORDINATORS.iter().any(|c| word == *c || word.eq_ignore_ascii_case(c))
}
