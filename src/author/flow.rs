//! JSON values written as YAML flow text (`{ref: id-card, copies: 2}`), for the files catalogc
//! writes for an editor: one line per value, strings quoted only when YAML would read them as
//! something else, and always when they hold only digits (docs/format.md: codes are strings).

use serde_json::Value;

/// `value` as one line of YAML flow text.
pub fn flow(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => out.push_str(&scalar(s)),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&scalar(key));
                out.push_str(": ");
                write(item, out);
            }
            out.push('}');
        }
    }
}

/// A string as a YAML scalar that reads back as the same string, in block or flow context.
pub fn scalar(s: &str) -> String {
    if needs_quotes(s) {
        quoted(s)
    } else {
        s.to_string()
    }
}

/// A double-quoted YAML scalar.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn needs_quotes(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return true;
    };
    // Words YAML reads as null, booleans or numbers; anything made of digits and number signs
    // (codes, phone numbers, dates) is quoted so that it stays a string.
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "null" | "~" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
    ) || s
        .chars()
        .all(|c| c.is_ascii_digit() || "+-.:_eE ".contains(c))
        || lower.starts_with(".inf")
        || lower.starts_with(".nan")
    {
        return true;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace() {
        return true;
    }
    s.ends_with(char::is_whitespace)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.contains(|c: char| ",[]{}\n\t\r".contains(c) || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Every written value reads back, through catalogc's own YAML loader, as the same value.
    #[test]
    fn flow_text_reads_back_as_the_same_value() {
        let values = [
            json!("000120010000"),
            json!("0755-12345678"),
            json!("2025-09-15"),
            json!("true"),
            json!("null"),
            json!(""),
            json!("居民身份证"),
            json!("a: b"),
            json!("note # not a comment"),
            json!("- dash"),
            json!("[x]"),
            json!("连续居住满12个月，有合法稳定就业"),
            json!("say \"hi\"\\"),
            json!(" padded "),
            json!({"ref": "id-card", "copies": 2, "required": false, "medium": ["paper", "electronic"]}),
            json!([{"a": null}, 1.5, -3, {"code": "440300"}]),
        ];
        for value in values {
            let text = format!("v: {}\n", flow(&value));
            let parsed = crate::load::yaml::parse(&text, crate::load::yaml::Limits::default());
            assert!(parsed.problems.is_empty(), "{text}: {:?}", parsed.problems);
            let root = parsed.root.expect("a document");
            let json = root.to_json();
            assert_eq!(json["v"], value, "{text}");
        }
    }
}
