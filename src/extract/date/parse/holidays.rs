//! Holidays and observances, by name ("Christmas Day", "Independence Day"), fixed or movable.

use super::*;

impl Parser<'_> {
    // ------------------------------------------------------------------------------------
    // Holidays
    // ------------------------------------------------------------------------------------

    /// A holiday name at `i`: (end, rule, words matched).
    pub(super) fn holiday_name(&self, i: usize) -> Option<(usize, super::cal::Rule, usize)> {
        match self.word_at(i)? {
            WordKind::Hol | WordKind::Month(5, false) => {}
            WordKind::Keyword(Keyword::Suffix) if self.is(i, "st") => {}
            _ => return None,
        }
        // Normalised words and the token after each.
        let mut words: [([u8; 16], usize, usize); 6] = [([0; 16], 0, 0); 6];
        let mut n = 0;
        let mut k = i;
        while n < 6 && k < self.tokens.len() {
            match self.tokens[k].kind {
                TokenKind::Word(_) => {
                    let w = self.str(k);
                    if w.len() > 16 || !w.is_ascii() {
                        break;
                    }
                    let mut buf = [0u8; 16];
                    for (d, b) in buf.iter_mut().zip(w.bytes()) {
                        *d = b.to_ascii_lowercase();
                    }
                    words[n] = (buf, w.len(), k + 1);
                    n += 1;
                    k += 1;
                }
                TokenKind::Punct('\'') if n > 0 => {
                    // "year's", "int'l": the letters after the apostrophe join the word.
                    if self.adj(k) && (self.is(k + 1, "s") || self.is(k + 1, "l")) && self.adj(k - 1) {
                        let (buf, len, _) = &mut words[n - 1];
                        if *len < 16 {
                            buf[*len] = self.str(k + 1).as_bytes()[0].to_ascii_lowercase();
                            *len += 1;
                        }
                        words[n - 1].2 = k + 2;
                        k += 2;
                    } else {
                        words[n - 1].2 = k + 1;
                        k += 1;
                    }
                }
                TokenKind::Punct('.' | '-') if n > 0 && self.word_at(k + 1).is_some() => k += 1,
                _ => break,
            }
        }
        let word = |j: usize| std::str::from_utf8(&words[j].0[..words[j].1]).unwrap_or("");
        let mut best: Option<(usize, super::cal::Rule, usize)> = None;
        for (name, rule) in holidays() {
            if name.len() > n || best.is_some_and(|(_, _, l)| l >= name.len()) {
                continue;
            }
            if name.iter().enumerate().all(|(j, w)| word(j) == *w) {
                best = Some((words[name.len() - 1].2, *rule, name.len()));
            }
        }
        best
    }

    /// Is the holiday name at tokens `k..e` part of the name of something else? Quoted before a
    /// noun, it is a title ("the 'Groundhog Day' speech"); written capitalised and followed by a capitalised
    /// noun, it begins a proper name ("St. Patrick's Cathedral", "Christmas Island") unless a
    /// preposition of time puts it in time ("on Christmas Day Russia struck").
    pub(super) fn names_a_thing(&self, k: usize, e: usize) -> bool {
        let after_quote =
            if matches!(self.tokens.get(e).map(|t| t.kind), Some(TokenKind::Punct('\'' | '"' | '”' | '»'))) {
                e + 1
            } else {
                e
            };
        let quoted = k > 0
            && self.adj(k - 1)
            && matches!(self.tokens[k - 1].kind, TokenKind::Punct('\'' | '"' | '“' | '«' | '„'))
            && self.word_at(after_quote) == Some(WordKind::Other)
            && self.str(after_quote).starts_with(|c: char| c.is_lowercase());
        let name_follows = self.cap(k)
            && self.cap(e)
            && self.word_at(e) == Some(WordKind::Other)
            && !matches!(
                self.prev_kw(k),
                Some(
                    Keyword::On
                        | Keyword::Since
                        | Keyword::Until
                        | Keyword::Till
                        | Keyword::Before
                        | Keyword::After
                        | Keyword::By
                        | Keyword::During
                )
            );
        // "the Christmas tree", "the Boxing Day tsunami": after an article the holiday only
        // qualifies the noun that follows, which may be of any year.
        let qualifies = k > 0
            && self.kw(k - 1, Keyword::The)
            && self.word_at(e) == Some(WordKind::Other)
            && self.str(e).chars().next().is_some_and(char::is_lowercase);
        quoted || name_follows || qualifies
    }

    /// The Independence Day of the country named before `i`, if any is named.
    pub(super) fn independence(&self, i: usize) -> Option<Option<(u32, u32)>> {
        let mut p = i.checked_sub(1)?;
        if self.kw(p, Keyword::S) && p > 0 && self.is_punct(p - 1, '\'') {
            p = p.checked_sub(2)?;
        }
        if self.word_at(p) != Some(WordKind::Other) {
            return None;
        }
        let name = self.str(p);
        let lower: String = name.chars().filter(|c| *c != '.').collect::<String>().to_lowercase();
        if let Some((_, mo, d)) = independence_days().iter().find(|(c, _, _)| *c == lower) {
            return Some(Some((*mo, *d)));
        }
        crate::lexicon::is_country(name).then_some(None)
    }

    /// "Christmas", "New Year's Eve", "Easter Monday 2017", "next easter", "Thanksgiving
    /// 2010", "father's day of 2015", "Yuandan of next year", "labor day weekend", "the weekend
    /// of halloween", "Ukraine's Independence Day".
    pub(super) fn holiday(&self, i: usize) -> Option<Match> {
        let mut k = if self.kw(i, Keyword::The) { i + 1 } else { i };
        let mut weekend = false;
        if self.kw(k, Keyword::Weekend) && self.kw(k + 1, Keyword::Of) {
            weekend = true;
            k += 2;
        }
        let md = match self.kw_at(k) {
            Some(Keyword::Next | Keyword::Coming | Keyword::Upcoming | Keyword::Following) => Some(Modifier::Next),
            Some(Keyword::Last | Keyword::Previous | Keyword::Past) => Some(Modifier::Last),
            Some(Keyword::This) => Some(Modifier::This),
            _ => None,
        };
        if md.is_some() {
            k += 1;
        }
        let (mut e, mut rule, words) = self.holiday_name(k)?;
        // "the Good Friday Agreement", "the Easter Rising", "the Christmas offensive": events of
        // their own.
        const EVENTS: &[&str] =
            &["agreement", "accord", "accords", "offensive", "rising", "uprising", "massacre", "island", "islands"];
        if EVENTS.iter().any(|w| self.is(e, w)) || self.names_a_thing(k, e) {
            return None;
        }
        if k == i && self.kw(i, Keyword::The) {
            return None;
        }
        let first = self.str(k);
        if words == 2 && first.eq_ignore_ascii_case("new") && !self.is(k + 1, "years") {
            // "a new year", "the new year", "Happy New Year" are not New Year's Day.
            if k > 0 && (matches!(self.kw_at(k - 1), Some(Keyword::The | Keyword::A)) || self.is(k - 1, "happy")) {
                return None;
            }
        }
        // "Lunar New Year", "Chinese New Year", "Jewish New Year": other calendars.
        if first.eq_ignore_ascii_case("new") && k > 0 && self.word_at(k - 1) == Some(WordKind::Other) && self.cap(k - 1)
        {
            return None;
        }
        if words == 2 && self.word_at(k) == Some(WordKind::Month(5, false)) && !self.cap(k) && !self.cap(k + 1) {
            return None; // "may day-trade"
        }
        if rule == super::cal::Rule::Fixed(7, 4) && first.eq_ignore_ascii_case("independence") {
            match self.independence(k) {
                Some(Some((mo, d))) => rule = super::cal::Rule::Fixed(mo, d),
                Some(None) => return None,
                None => {}
            }
        }
        // A year: "easter 2018", "father's day of 2015", "Yuandan of next year".
        let mut year = None;
        if let Some((ye, y, _)) = self.year_spec(e, false) {
            year = Some(y);
            e = ye;
        }
        if !weekend && self.kw(e, Keyword::Weekend) && !self.str(e).ends_with('s') {
            weekend = true;
            e += 1;
            if year.is_none() {
                if let Some((ye, y)) = self.year4(e) {
                    year = Some(y);
                    e = ye;
                }
            }
        }
        let iv = match (year, md) {
            (Some(y), _) => super::cal::holiday(rule, y)?,
            (None, Some(md)) => {
                let r = self.reference?;
                let y = r.year();
                match md {
                    Modifier::Next | Modifier::Coming => {
                        (y..=y + 1).filter_map(|y| super::cal::holiday(rule, y)).find(|iv| iv.start > r)?
                    }
                    Modifier::Last | Modifier::Past => {
                        (y - 1..=y).rev().filter_map(|y| super::cal::holiday(rule, y)).find(|iv| iv.start < r)?
                    }
                    Modifier::This => super::cal::holiday(rule, y)?,
                }
            }
            (None, None) => {
                let r = self.reference?;
                cal::nearest(r, (r.year() - 1..=r.year() + 1).filter_map(|y| super::cal::holiday(rule, y)))?
            }
        };
        if weekend {
            let h = iv.start;
            let (a, b) = match h.weekday() {
                Weekday::Mon => (-2, 0),
                Weekday::Tue => (-3, 0),
                Weekday::Wed => (3, 4),
                Weekday::Thu => (0, 3),
                Weekday::Fri => (0, 2),
                Weekday::Sat => (0, 1),
                Weekday::Sun => (-1, 0),
            };
            return abs(e, span(add_days(h, a)?, add_days(h, b)?));
        }
        abs(e, Some(iv))
    }
}
