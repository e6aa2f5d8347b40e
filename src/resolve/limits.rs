//! Time limits compared by what they guarantee, across working and calendar days.
//!
//! The calendar assumption (docs/format.md, time limits; the pages of CAT101 and CAT102):
//!
//! - N working days span at least N calendar days (a run of working days with no weekend or
//!   holiday in it; 调休 makes some weekends working days, so nothing shorter is possible).
//! - N working days span at most [`longest_span`]`(N)` calendar days: a weekend of 2 days after
//!   every 5 working days, plus one public-holiday run of up to 8 days (春节, 国庆) for every 40
//!   working days, which adds 6 days beyond the weekend it absorbs. The count starts on a working
//!   day (受理), so these fall between working days.
//!
//! A promise is *within* a limit when it holds however the calendar falls, *over* when it can
//! never hold, and *uncertain* in between, with the largest promise that would be within.

use super::view::Limit;

/// A unit of a time limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    WorkingDay,
    CalendarDay,
}

impl Unit {
    pub fn parse(text: &str) -> Option<Unit> {
        match text {
            "working_day" => Some(Unit::WorkingDay),
            "calendar_day" => Some(Unit::CalendarDay),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::WorkingDay => "working_day",
            Unit::CalendarDay => "calendar_day",
        }
    }
}

/// A number of days in a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Days {
    pub days: u64,
    pub unit: Unit,
}

impl Days {
    pub fn of(limit: Limit<'_>) -> Option<Days> {
        Some(Days {
            days: limit.days()?,
            unit: Unit::parse(limit.unit()?)?,
        })
    }
}

/// How a promise relates to a limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// Same number, same unit.
    Same,
    /// Always within the limit, and not the same.
    Within,
    /// Never within the limit.
    Over,
    /// Within or over depending on the calendar; `at_most` is the largest promise, in the
    /// promise's unit, that is within whatever the calendar.
    Uncertain { at_most: u64 },
}

/// The most calendar days `working` working days can take (see the module's assumption).
pub fn longest_span(working: u64) -> u64 {
    if working == 0 {
        return 0;
    }
    // The first day is a working day (a limit runs from 受理, which happens on one), so
    // weekends and holidays can only fall between the working days.
    let weekends = (working - 1).div_ceil(5);
    let holiday_runs = (working - 1).div_ceil(40);
    working + 2 * weekends + 6 * holiday_runs
}

/// How `promise` relates to `limit`.
pub fn relate(promise: Days, limit: Days) -> Relation {
    use Unit::{CalendarDay, WorkingDay};
    let (p, l) = (promise.days, limit.days);
    match (promise.unit, limit.unit) {
        (a, b) if a == b => match p.cmp(&l) {
            std::cmp::Ordering::Equal => Relation::Same,
            std::cmp::Ordering::Less => Relation::Within,
            std::cmp::Ordering::Greater => Relation::Over,
        },
        // p working days against l calendar days.
        (WorkingDay, CalendarDay) => {
            if p > l {
                Relation::Over
            } else if longest_span(p) <= l {
                Relation::Within
            } else {
                let at_most = (0..=p).rev().find(|&w| longest_span(w) <= l).unwrap_or(0);
                Relation::Uncertain { at_most }
            }
        }
        // p calendar days against l working days.
        (CalendarDay, WorkingDay) => {
            if p <= l {
                Relation::Within
            } else if p > longest_span(l) {
                Relation::Over
            } else {
                Relation::Uncertain { at_most: l }
            }
        }
        _ => Relation::Same,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(days: u64) -> Days {
        Days {
            days,
            unit: Unit::WorkingDay,
        }
    }

    fn c(days: u64) -> Days {
        Days {
            days,
            unit: Unit::CalendarDay,
        }
    }

    #[test]
    fn the_longest_span_counts_weekends_and_a_holiday_run() {
        assert_eq!(longest_span(0), 0);
        // One working day is the day of 受理 itself.
        assert_eq!(longest_span(1), 1);
        assert_eq!(longest_span(2), 10);
        assert_eq!(longest_span(5), 13);
        assert_eq!(longest_span(6), 14);
        assert_eq!(longest_span(10), 20);
        assert_eq!(longest_span(20), 34);
        assert_eq!(longest_span(41), 41 + 16 + 6);
        assert_eq!(longest_span(42), 42 + 18 + 12);
    }

    #[test]
    fn same_units_compare_as_numbers() {
        assert_eq!(relate(w(10), w(10)), Relation::Same);
        assert_eq!(relate(w(7), w(10)), Relation::Within);
        assert_eq!(relate(c(20), c(15)), Relation::Over);
    }

    #[test]
    fn working_days_against_calendar_days() {
        // 20 working days always take at least 20 calendar days: over a 15-day statute.
        assert_eq!(relate(w(20), c(15)), Relation::Over);
        // 10 working days can take 20 calendar days around a holiday: uncertain; 6 fit.
        assert_eq!(relate(w(10), c(15)), Relation::Uncertain { at_most: 6 });
        assert_eq!(relate(w(6), c(15)), Relation::Within);
        // Equal numbers are not provably over: uncertain.
        assert_eq!(relate(w(15), c(15)), Relation::Uncertain { at_most: 6 });
    }

    #[test]
    fn calendar_days_against_working_days() {
        assert_eq!(relate(c(10), w(10)), Relation::Within);
        assert_eq!(relate(c(15), w(10)), Relation::Uncertain { at_most: 10 });
        assert_eq!(relate(c(21), w(10)), Relation::Over);
    }
}
