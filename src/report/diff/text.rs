//! `diff --format text`: each region's score and counts, its entries' fields that are not the
//! same as the standard with every difference described, and with `--item` each region's result
//! for those items alone (no whole-catalog score) and the regions side by side.

use std::fmt::Write;

use super::{DiffReport, fees, limit, materials};
use crate::diff::{Class, describe};
use crate::t;

pub fn render(report: &DiffReport<'_>) -> String {
    let mut out = String::new();
    for r in &report.regions {
        out.push_str(&region(report, r));
    }
    focus(report, &mut out);
    out
}

/// The same, written to `out` (a spilled report's regions copied piece by piece).
pub fn write(report: &DiffReport<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    match report.spilled {
        Some(pieces) => pieces.copy(pieces.section(super::section::REGIONS), out)?,
        None => {
            for r in &report.regions {
                out.write_all(region(report, r).as_bytes())?;
            }
        }
    }
    let mut rest = String::new();
    focus(report, &mut rest);
    out.write_all(rest.as_bytes())
}

/// One region's block: its score and counts, then its entries' differences.
pub fn region(report: &DiffReport<'_>, region: &crate::diff::RegionResult) -> String {
    let lang = report.compiled.lang;
    let class = |c: Class| t!(lang, "class", class = c.as_str());
    let mut out = String::new();
    {
        let _ = write!(
            out,
            "{}",
            t!(
                lang,
                "diff-region",
                name = region.name.as_str(),
                code = region.code.as_str(),
                level = region.level.as_str()
            )
        );
        if report.focus {
            out.push('\n');
        } else {
            let _ = writeln!(out, "  {}", super::score_line(region, lang));
            let counts: Vec<String> = Class::ALL
                .iter()
                .filter(|c| !matches!(c, Class::Local))
                .map(|c| {
                    t!(
                        lang,
                        "diff-count",
                        class = class(*c),
                        count = region.counts.get(c).copied().unwrap_or(0)
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "  {}",
                t!(
                    lang,
                    "diff-entries",
                    counts = counts.join(&t!(lang, "list-separator"))
                )
            );
        }
        for entry in &region.entries {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                entry.item,
                entry.name,
                class(entry.class)
            );
            for field in entry
                .fields
                .iter()
                .filter(|f| !matches!(f.class, Class::Same | Class::Local))
            {
                let at = format!("{}:{}", field.file, field.line);
                let from = if field.inherited {
                    t!(lang, "diff-inherited", at = at)
                } else {
                    t!(lang, "diff-stated", at = at)
                };
                let _ = writeln!(out, "    {}: {}{from}", field.field, class(field.class));
                // Compared per situation, one difference found in several situations is one
                // line, naming them unless it holds in every situation compared.
                let national = report.national(&entry.item);
                let mut lines: Vec<(String, Vec<&str>)> = Vec::new();
                let mut compared: Vec<&str> = Vec::new();
                for detail in &field.details {
                    let text = format!(
                        "{}{}",
                        describe(&report.compiled.labels, &field.field, detail, national),
                        text_diff(detail)
                    );
                    let situation = detail.situation_name.as_deref();
                    if let Some(s) = situation
                        && !compared.contains(&s)
                    {
                        compared.push(s);
                    }
                    match lines.iter_mut().find(|(t, _)| *t == text) {
                        Some((_, names)) => names.extend(situation),
                        None => lines.push((text, situation.into_iter().collect())),
                    }
                }
                for (text, names) in lines {
                    let suffix = if names.is_empty() || names.len() == compared.len() {
                        String::new()
                    } else {
                        t!(
                            lang,
                            "diff-in-situations",
                            names = names.join(&t!(lang, "list-separator"))
                        )
                    };
                    let _ = writeln!(out, "      {text}{suffix}");
                }
            }
        }
        for missing in &region.missing {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                missing.code,
                missing.name,
                class(Class::Missing)
            );
        }
        for extra in &region.extra {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                extra.code,
                extra.name,
                t!(lang, "diff-extra")
            );
        }
        out.push('\n');
    }
    out
}

/// With `--item`: each wanted item across the regions.
fn focus(report: &DiffReport<'_>, out: &mut String) {
    let lang = report.compiled.lang;
    let class = |c: Class| t!(lang, "class", class = c.as_str());
    if report.focus {
        for item in report.items() {
            let _ = writeln!(
                out,
                "{}",
                t!(lang, "diff-across", code = item.code, name = item.name)
            );
            let _ = writeln!(
                out,
                "  {}",
                t!(
                    lang,
                    "diff-national-column",
                    count = item.materials.len(),
                    materials = materials(&item.materials),
                    limit = limit(item.statutory_limit),
                    fees = fees(&item.fees)
                )
            );
            for column in &item.regions {
                let _ = writeln!(
                    out,
                    "  {}",
                    t!(
                        lang,
                        "diff-region-column",
                        name = column.name,
                        region = column.region,
                        count = column.materials.len(),
                        materials = materials(&column.materials),
                        limit = limit(column.committed_limit),
                        fees = fees(&column.fees),
                        class = class(column.class)
                    )
                );
            }
            situation_table(out, &item, lang);
            out.push('\n');
        }
    }
}

/// For an item with situations: per situation, what an applicant brings by the national
/// standard and in each region, and which lines differ there.
fn situation_table(
    out: &mut String,
    item: &super::ItemView<'_>,
    lang: crate::diagnostic::messages::Lang,
) {
    let sep = t!(lang, "list-separator");
    let names = |cell: &super::SituationCell<'_>, later: bool| cell.names(later).join(&sep);
    let line = |cell: &super::SituationCell<'_>| -> String {
        let mut text = t!(
            lang,
            "diff-situation-count",
            required = cell.required,
            optional = cell.optional,
            materials = names(cell, false)
        );
        if cell.optional > 0 {
            text.push_str(&t!(
                lang,
                "diff-situation-optional",
                materials = names(cell, true)
            ));
        }
        if !cell.differs.is_empty() {
            text.push_str(&t!(
                lang,
                "diff-situation-differs",
                lines = cell.differs.join(&sep)
            ));
        }
        text
    };
    for national in &item.situations {
        let _ = writeln!(
            out,
            "  {}",
            t!(
                lang,
                "diff-situation",
                name = national.name,
                id = national.situation
            )
        );
        let _ = writeln!(
            out,
            "    {}",
            t!(lang, "diff-situation-national", cell = line(national))
        );
        for column in &item.regions {
            let cell = column
                .situations
                .iter()
                .find(|c| c.situation == national.situation);
            let text = cell.map_or_else(|| t!(lang, "diff-situation-not-handled"), line);
            let _ = writeln!(
                out,
                "    {}",
                t!(
                    lang,
                    "diff-situation-region",
                    name = column.name,
                    region = column.region,
                    cell = text
                )
            );
        }
    }
    // Situations a region adds (an approved deviation, or CAT204).
    for column in &item.regions {
        for cell in column
            .situations
            .iter()
            .filter(|c| !item.situations.iter().any(|n| n.situation == c.situation))
        {
            let _ = writeln!(
                out,
                "  {}",
                t!(
                    lang,
                    "diff-situation-added",
                    name = cell.name,
                    id = cell.situation
                )
            );
            let _ = writeln!(
                out,
                "    {}",
                t!(
                    lang,
                    "diff-situation-region",
                    name = column.name,
                    region = column.region,
                    cell = line(cell)
                )
            );
        }
    }
}

/// A reworded text's character diff, `kept[-removed-]{+added+}`, after its description.
pub fn text_diff(detail: &crate::diff::Detail) -> String {
    detail
        .text_diff
        .as_ref()
        .map(|d| format!("；文字差异：{d}"))
        .unwrap_or_default()
}
