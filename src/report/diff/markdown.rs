//! `diff --format markdown`: a report for people (pasted in pull-request comments, published),
//! in Chinese. Without `--item`: every region's score and counts against the national standard
//! (全国标准); with `--item`: those items side by side in every region, with each region's class
//! for them and no whole-catalog score. Then every difference, under one heading per class (偏离
//! first, then 经批准的偏离, 无法确定, 优于标准), and the applicable items a region lacks (未实施)
//! and its own items (地方事项).

use std::fmt::Write;

use super::{DiffReport, fees, materials, section};
use crate::diff::{Class, ItemRef, RegionResult, describe};
use crate::resolve::labels;
use crate::resolve::view::Limit;

/// The classes of a difference, in the order the report lists them.
pub const DIFFERENCES: [Class; 4] = [
    Class::Deviation,
    Class::Approved,
    Class::Uncertain,
    Class::Improved,
];

pub fn render(report: &DiffReport<'_>) -> String {
    let mut out = Vec::new();
    // Writing to memory does not fail, and the report is UTF-8 text.
    let _ = write(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The report written to `out`: a spilled report's rows copied piece by piece.
pub fn write(report: &DiffReport<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut head = String::from("## 合规情况（基准：全国标准）\n");
    if report.focus {
        items(report, &mut head);
    } else {
        scores_heading(&mut head);
    }
    out.write_all(head.as_bytes())?;
    if !report.focus {
        section(report, section::REGIONS, "", out, score_row)?;
    }
    for (i, wanted) in DIFFERENCES.into_iter().enumerate() {
        let heading = format!(
            "\n### {}\n\n| 地区 | 事项 | 差异 |\n|---|---|---|\n",
            class(wanted)
        );
        section(report, section::DIFFERENCE + i as u8, &heading, out, |r| {
            difference_rows(report, r, wanted)
        })?;
    }
    let listing =
        |heading: Class| format!("\n### {}\n\n| 地区 | 事项 |\n|---|---|\n", class(heading));
    section(
        report,
        section::MISSING,
        &listing(Class::Missing),
        out,
        |r| listing_rows(r, |r| &r.missing),
    )?;
    section(report, section::EXTRA, &listing(Class::Extra), out, |r| {
        listing_rows(r, |r| &r.extra)
    })
}

/// One section: its heading, when it has rows, then every region's rows (`rows` of the regions
/// in memory, or the spilled pieces of `spilled`).
fn section(
    report: &DiffReport<'_>,
    spilled: u8,
    heading: &str,
    out: &mut dyn std::io::Write,
    rows: impl Fn(&RegionResult) -> String,
) -> std::io::Result<()> {
    match report.spilled {
        Some(spill) => {
            let pieces = spill.section(spilled);
            if !pieces.is_empty() {
                out.write_all(heading.as_bytes())?;
            }
            spill.copy(pieces, out)
        }
        None => {
            let rows: String = report.regions.iter().map(|r| rows(r)).collect();
            if !rows.is_empty() {
                out.write_all(heading.as_bytes())?;
            }
            out.write_all(rows.as_bytes())
        }
    }
}

fn class(class: Class) -> &'static str {
    labels::class(class.as_str())
}

/// The heading of the score table (one row per region).
fn scores_heading(out: &mut String) {
    let _ = write!(
        out,
        "\n得分 =（{same} + {approved}）÷ 适用事项数；{same}含与全国标准相同和{improved}\n\n| 地区 | 得分 | 适用 | 已实施 | {same} | {approved} | 无法确定 | {deviation} | {missing} | {extra} |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
        same = class(Class::Same),
        approved = class(Class::Approved),
        improved = class(Class::Improved),
        deviation = class(Class::Deviation),
        missing = class(Class::Missing),
        extra = class(Class::Extra),
    );
}

/// A region's row of the score table.
pub fn score_row(r: &RegionResult) -> String {
    let score = r
        .score_pct()
        .map_or_else(|| "无适用事项".to_string(), |p| format!("{p}%"));
    format!(
        "| {} ({}) | {score} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
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
    )
}

/// `--item`: each wanted item side by side in every region that implements it, with the
/// region's class for it.
fn items(report: &DiffReport<'_>, out: &mut String) {
    for item in report.items() {
        let _ = write!(
            out,
            "\n### {} {}\n\n| 地区 | 申请材料 | 办结时限 | 收费 | 结果 |\n|---|---|---|---|---|\n",
            item.code,
            cell(item.name)
        );
        let _ = writeln!(
            out,
            "| 全国标准 | {} ({}) | {} | {} | |",
            item.materials.len(),
            cell(&materials(&item.materials)),
            named_limit("法定", item.statutory_limit),
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
                named_limit("承诺", c.committed_limit),
                cell(&fees(&c.fees)),
                class(c.class)
            );
        }
        situations(&item, out);
    }
}

/// For an item with situations: a table with a column per situation and a row for 全国标准 and
/// each region, each cell what an applicant in that situation brings (as the text report's
/// region × situation table says it).
fn situations(item: &super::ItemView<'_>, out: &mut String) {
    if item.situations.is_empty() {
        return;
    }
    let names = |c: &super::SituationCell<'_>, later: bool| c.names(later).join("、");
    let text = |c: &super::SituationCell<'_>| -> String {
        let mut t = format!("{} 项：{}", c.required, names(c, false));
        if c.optional > 0 {
            let _ = write!(t, "；非必要或容缺 {} 项：{}", c.optional, names(c, true));
        }
        if !c.differs.is_empty() {
            let _ = write!(t, "；与全国标准不同：{}", c.differs.join("、"));
        }
        cell(&t)
    };
    let _ = write!(
        out,
        "
按办理情形，申请人须提交的必要材料：

| 地区 |"
    );
    for s in &item.situations {
        let _ = write!(out, " {} |", cell(s.name));
    }
    let _ = write!(
        out,
        "
|---|"
    );
    for _ in &item.situations {
        out.push_str("---|");
    }
    out.push_str(
        "
| 全国标准 |",
    );
    for s in &item.situations {
        let _ = write!(out, " {} |", text(s));
    }
    out.push('\n');
    // Situations a region adds follow the table, one line each.
    let mut added = String::new();
    for c in &item.regions {
        let _ = write!(out, "| {} ({}) |", cell(c.name), c.region);
        for s in &item.situations {
            let here = c.situations.iter().find(|x| x.situation == s.situation);
            let _ = write!(
                out,
                " {} |",
                here.map_or_else(|| "本地不办理".to_string(), text)
            );
        }
        out.push('\n');
        for own in c
            .situations
            .iter()
            .filter(|x| !item.situations.iter().any(|s| s.situation == x.situation))
        {
            let _ = write!(
                added,
                "\n- {} ({}) 另增情形（地方新增）{}：{}",
                cell(c.name),
                c.region,
                cell(own.name),
                text(own)
            );
        }
    }
    if !added.is_empty() {
        out.push_str(&added);
        out.push('\n');
    }
}

/// A region's differences of class `wanted`, one row each.
pub fn difference_rows(report: &DiffReport<'_>, r: &RegionResult, wanted: Class) -> String {
    let mut rows = String::new();
    for e in &r.entries {
        for f in &e.fields {
            for d in f.details.iter().filter(|d| d.class == wanted) {
                let _ = writeln!(
                    rows,
                    "| {} ({}) | {} {} | {} |",
                    cell(&r.name),
                    r.code,
                    e.item,
                    cell(&e.name),
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
    rows
}

/// The items of a region that `items` picks (未实施, 地方事项), one row each.
pub fn listing_rows(r: &RegionResult, items: fn(&RegionResult) -> &Vec<ItemRef>) -> String {
    let mut rows = String::new();
    for item in items(r) {
        let _ = writeln!(
            rows,
            "| {} ({}) | {} {} |",
            cell(&r.name),
            r.code,
            item.code,
            cell(&item.name)
        );
    }
    rows
}

/// `法定15个自然日（…）`, or `—` when there is no limit.
fn named_limit(kind: &str, value: Option<Limit<'_>>) -> String {
    value
        .and_then(Limit::label)
        .map_or_else(|| "—".to_string(), |l| format!("{kind}{l}"))
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
