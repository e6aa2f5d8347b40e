//! What the situation rules (CAT316–CAT319) share: the lines that may carry `situations`, and the
//! national item their examples use. Not a rule.

use serde_json::Value;

/// The national item of the rules' examples.
pub const NATIONAL: &str = "catalog/national/000120010000.yaml";

/// The base fixture's national item with situations by ground: each has its proof.
pub const NATIONAL_YAML: &str = "situations:\n  - {id: employment, name: 以合法稳定就业申领, proof: [labor-contract]}\n  - {id: housing, name: 以合法稳定住所申领}\nmaterials:\n  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper, electronic], required: true, source: issuing_authority, certificate: resident-id-card}\n  - {id: photo, name: 本人近期相片, form: original, copies: 1, medium: [paper], required: true, source: applicant}\n  - {id: labor-contract, name: 劳动合同, form: copy, copies: 1, medium: [paper], required: true, source: applicant, situations: [employment]}\n";

/// The lists whose lines may name situations.
pub const LISTS: [&str; 2] = ["materials", "conditions"];

/// The lines of a document's `materials` and `conditions`, with their list and index.
pub fn owned_lines(json: &Value) -> impl Iterator<Item = (&'static str, usize, &Value)> {
    LISTS.into_iter().flat_map(move |list| {
        json.get(list)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
            .map(move |(i, line)| (list, i, line))
    })
}

/// The situation ids a line names.
pub fn ids(line: &Value) -> impl Iterator<Item = &str> {
    line.get("situations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

/// The ids of a national item's own situations.
pub fn national_ids(json: &Value) -> Vec<&str> {
    json.get("situations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("id").and_then(Value::as_str))
        .collect()
}
