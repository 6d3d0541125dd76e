//! Calendar dates from day counts, with no clock read and no time-zone table: the
//! caller says which day (days since 1970-01-01 in the user's time zone).

/// A day as `YYYY-MM-DD` (the proleptic Gregorian calendar).
pub fn date_of(day: i64) -> String {
    // Days since 0000-03-01, in 400-year eras (H. Hinnant's civil_from_days).
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}
