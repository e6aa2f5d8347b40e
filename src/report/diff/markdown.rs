//! `diff --format markdown`: a pull-request comment with the score table, the deviations and,
//! with `--item`, the regions side by side.

use std::fmt::Write;

use super::{DiffReport, fees, limit, materials};
use crate::diff::{Class, describe};

pub fn render(report: &DiffReport<'_>) -> String {
    let mut out = String::from(
        "## Conformance\n\nscore = (conforming + approved) ÷ applicable; conforming = same or improved\n\n| region | score | applicable | implemented | conforming | approved | uncertain | deviating | missing | extra |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in &report.regions {
        let score = r
            .score_pct()
            .map_or_else(|| "no applicable item".to_string(), |p| format!("{p}%"));
        let _ = writeln!(
            out,
            "| {} ({}) | {score} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&r.name),
            r.code,
            r.applicable,
            r.implemented,
            r.conforming,
            r.approved,
            r.uncertain,
            r.deviating,
            r.missing.len(),
            r.extra.len()
        );
    }
    let mut rows = String::new();
    for r in &report.regions {
        for e in &r.entries {
            for f in &e.fields {
                for d in f
                    .details
                    .iter()
                    .filter(|d| matches!(d.class, Class::Deviation | Class::Approved))
                {
                    let _ = writeln!(
                        rows,
                        "| {} | {} {} | {} | {} | {} |",
                        cell(&r.name),
                        e.item,
                        cell(&e.name),
                        f.field,
                        d.class.as_str(),
                        cell(&format!(
                            "{}{}",
                            describe(
                                &report.compiled.labels,
                                &f.field,
                                d,
                                report.national(&e.item)
                            ),
                            super::text::text_diff(d)
                        ))
                    );
                }
            }
        }
    }
    if !rows.is_empty() {
        out.push_str(
            "\n### Deviations\n\n| region | item | field | class | what |\n|---|---|---|---|---|\n",
        );
        out.push_str(&rows);
    }
    if report.focus {
        for item in report.items() {
            let _ = write!(
                out,
                "\n### {} {}\n\n| region | materials | limit | fees | class |\n|---|---|---|---|---|\n",
                item.code,
                cell(item.name)
            );
            let _ = writeln!(
                out,
                "| national standard | {} ({}) | {} | {} | |",
                item.materials.len(),
                cell(&materials(&item.materials)),
                limit(item.statutory_limit),
                cell(&fees(&item.fees))
            );
            for c in &item.regions {
                let _ = writeln!(
                    out,
                    "| {} ({}) | {} ({}) | {} | {} | {} |",
                    cell(c.name),
                    c.region,
                    c.materials.len(),
                    cell(&materials(&c.materials)),
                    limit(c.committed_limit),
                    cell(&fees(&c.fees)),
                    c.class.as_str()
                );
            }
        }
    }
    out
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
