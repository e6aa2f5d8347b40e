//! `diff --format text`: each region's score and counts, its entries' fields that are not the
//! same as the standard with every difference described, and with `--item` each region's result
//! for those items alone (no whole-catalog score) and the regions side by side.

use std::fmt::Write;

use super::{DiffReport, fees, limit, materials};
use crate::diff::{Class, describe};

pub fn render(report: &DiffReport<'_>) -> String {
    let mut out = String::new();
    for region in &report.regions {
        let _ = write!(
            out,
            "{} ({}, {})",
            region.name,
            region.code,
            region.level.as_str(),
        );
        if report.focus {
            out.push('\n');
        } else {
            let _ = writeln!(out, "  {}", super::score_line(region));
            let counts: Vec<String> = Class::ALL
                .iter()
                .filter(|c| !matches!(c, Class::Local))
                .map(|c| {
                    format!(
                        "{} {}",
                        c.as_str(),
                        region.counts.get(c).copied().unwrap_or(0)
                    )
                })
                .collect();
            let _ = writeln!(out, "  entries: {}", counts.join(", "));
        }
        for entry in &region.entries {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                entry.item,
                entry.name,
                entry.class.as_str()
            );
            for field in entry
                .fields
                .iter()
                .filter(|f| !matches!(f.class, Class::Same | Class::Local))
            {
                let from = if field.inherited {
                    format!(", inherited from {}:{}", field.file, field.line)
                } else {
                    format!(", {}:{}", field.file, field.line)
                };
                let _ = writeln!(out, "    {}: {}{from}", field.field, field.class.as_str());
                for detail in &field.details {
                    let national = report.national(&entry.item);
                    let _ = writeln!(
                        out,
                        "      {}{}",
                        describe(&report.compiled.labels, &field.field, detail, national),
                        text_diff(detail)
                    );
                }
            }
        }
        for missing in &region.missing {
            let _ = writeln!(out, "  {} {}: missing", missing.code, missing.name);
        }
        for extra in &region.extra {
            let _ = writeln!(out, "  {} {}: extra (local item)", extra.code, extra.name);
        }
        out.push('\n');
    }
    if report.focus {
        for item in report.items() {
            let _ = writeln!(out, "{} {} across regions", item.code, item.name);
            let _ = writeln!(
                out,
                "  national: {} materials: {}; limit {}; fees {}",
                item.materials.len(),
                materials(&item.materials),
                limit(item.statutory_limit),
                fees(&item.fees)
            );
            for column in &item.regions {
                let _ = writeln!(
                    out,
                    "  {} ({}): {} materials: {}; committed {}; fees {}; {}",
                    column.name,
                    column.region,
                    column.materials.len(),
                    materials(&column.materials),
                    limit(column.committed_limit),
                    fees(&column.fees),
                    column.class.as_str()
                );
            }
            out.push('\n');
        }
    }
    out
}

/// A reworded text's character diff, `kept[-removed-]{+added+}`, after its description.
pub fn text_diff(detail: &crate::diff::Detail) -> String {
    detail
        .text_diff
        .as_ref()
        .map(|d| format!("；文字差异：{d}"))
        .unwrap_or_default()
}
