//! The p50 / p95 / max that the drag benchmarks print.

/// The value at percentile `p` of `sorted` (nearest rank).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// p50, p95 and max of `values`, in any order (panics when there are none).
pub fn summary(values: &[f64]) -> (f64, f64, f64) {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    (
        percentile(&v, 50.0),
        percentile(&v, 95.0),
        *v.last().unwrap_or(&0.0),
    )
}
