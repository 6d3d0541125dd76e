//! Reading what a benchmark's page script returned.

use serde_json::Value;

/// The numbers of the list `key` of a script's result (panics when it has none).
pub fn numbers(result: &Value, key: &str) -> Vec<f64> {
    result[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key} in {result}"))
        .iter()
        .filter_map(Value::as_f64)
        .collect()
}
