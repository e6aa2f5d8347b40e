//! Scheduled changes (施行日期, docs/format.md): a file states `scheduled: [{effective, set}]`, a
//! change merged now that takes effect on a later date. From `effective` on, the fields in `set`
//! replace the file's own; before it, the file reads as it did. The date compared with is the
//! run's reference date (`--as-of`, else today), so `build --as-of 2027-01-01` publishes the
//! catalog in force on that day.

use serde_json::Value;

use super::Document;

/// A change stated in `scheduled` that is not yet in force on the reference date.
#[derive(Clone, Debug, PartialEq)]
pub struct Upcoming<'a> {
    /// `effective` (YYYY-MM-DD).
    pub effective: &'a str,
    pub basis: Option<&'a str>,
    pub note: Option<&'a str>,
    /// The fields the change replaces, in the order written.
    pub fields: Vec<&'a str>,
}

/// Put the scheduled changes of a valid document that are in force on `today` into its JSON,
/// in the order of their dates (a later change wins), and remember where each replaced field is
/// written so that findings point there. Returns how many changes were applied.
pub fn apply(document: &mut Document, today: i64) -> usize {
    let Some(list) = document.json.get("scheduled").and_then(Value::as_array) else {
        return 0;
    };
    let mut in_force: Vec<(i64, usize)> = list
        .iter()
        .enumerate()
        .filter_map(|(i, change)| {
            let day = crate::dates::parse(change.get("effective")?.as_str()?)?;
            (day <= today).then_some((day, i))
        })
        .collect();
    // Stable: two changes on one day apply in the order written.
    in_force.sort_by_key(|&(day, _)| day);
    let changes: Vec<(usize, serde_json::Map<String, Value>)> = in_force
        .iter()
        .filter_map(|&(_, i)| Some((i, list[i].get("set")?.as_object()?.clone())))
        .collect();
    let Some(json) = std::sync::Arc::make_mut(&mut document.json).as_object_mut() else {
        return 0;
    };
    for (i, set) in &changes {
        for (field, value) in set {
            json.insert(field.clone(), value.clone());
            let pointer = format!("/{}", escape(field));
            document.moved.retain(|(f, _)| *f != pointer);
            document
                .moved
                .push((pointer.clone(), format!("/scheduled/{i}/set{pointer}")));
        }
    }
    changes.len()
}

/// The changes of a document (its JSON as written or applied) still to come after `today`,
/// soonest first.
pub fn upcoming(json: &Value, today: i64) -> Vec<Upcoming<'_>> {
    let mut found: Vec<(i64, Upcoming<'_>)> = json
        .get("scheduled")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|change| {
            let effective = change.get("effective")?.as_str()?;
            let day = crate::dates::parse(effective)?;
            (day > today).then(|| {
                let text = |k: &str| change.get(k).and_then(Value::as_str);
                let fields = change
                    .get("set")
                    .and_then(Value::as_object)
                    .map(|set| set.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                (
                    day,
                    Upcoming {
                        effective,
                        basis: text("basis"),
                        note: text("note"),
                        fields,
                    },
                )
            })
        })
        .collect();
    found.sort_by_key(|(day, _)| *day);
    found.into_iter().map(|(_, u)| u).collect()
}

/// A JSON Pointer segment (RFC 6901).
fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}
