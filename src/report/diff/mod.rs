//! The conformance report of `diff` and of `build` (`reports/conformance.json`): per-region
//! results and a cross-region view per item, borrowed from the compiled catalog and rendered by
//! one file per format: [`json`] (documented by `schema/diff.schema.json`), [`text`] and
//! [`markdown`] (for pull-request comments).

pub mod json;
pub mod markdown;
pub mod spill;
pub mod text;

use std::borrow::Cow;
use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;

use crate::diff::{Class, RegionResult};
use crate::pipeline::Compiled;
use crate::resolve::Line;
use crate::resolve::view::{self, Limit, ListField, Record};
use crate::t;
use spill::{Pieces, Spill};

/// One region's effective values for one item, side by side with the others.
#[derive(Debug, Serialize)]
pub struct RegionColumn<'a> {
    pub region: &'a str,
    pub name: &'a str,
    pub class: Class,
    pub materials: Vec<Line<'a>>,
    pub committed_limit: Option<Limit<'a>>,
    pub fees: Vec<Line<'a>>,
    /// For an item with situations (办理情形): what an applicant brings here in each situation
    /// the region handles, and which lines differ from its baseline.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub situations: Vec<SituationCell<'a>>,
}

/// One cell of the region × situation table: the materials an applicant in one situation brings.
#[derive(Debug, Serialize)]
pub struct SituationCell<'a> {
    pub situation: &'a str,
    pub name: &'a str,
    /// Required materials the applicant brings at once (not waived, not 容缺).
    pub required: usize,
    /// Materials that are not required, or may follow later (容缺受理), not waived.
    pub optional: usize,
    /// The effective material lines in this situation (waived ones included, marked).
    pub materials: Vec<Line<'a>>,
    /// The `ref` (or `id`) of each material line that differs from the baseline in this
    /// situation, in the order the diff found them; empty for the national column.
    pub differs: Vec<String>,
}

impl<'a> SituationCell<'a> {
    /// The names of the documents brought (not waived): at once (`later: false`: required, not
    /// 容缺), or not required or brought later (`later: true`); a line without a name by its id.
    pub fn names(&self, later: bool) -> Vec<&'a str> {
        self.materials
            .iter()
            .filter(|m| m.waived_by().is_none())
            .filter(|m| (!m.required() || deferrable(m)) == later)
            .map(shown_name)
            .collect()
    }

    /// The names of the waived (免提交) documents.
    pub fn waived(&self) -> Vec<&'a str> {
        self.materials
            .iter()
            .filter(|m| m.waived_by().is_some())
            .map(shown_name)
            .collect()
    }

    /// The cell of one situation: `materials` are the effective lines there, `differs` the keys
    /// of the lines that differ from the baseline there ([`differing`]).
    pub fn new(situation: &Line<'a>, materials: Vec<Line<'a>>, differs: Vec<String>) -> Self {
        let brought = |m: &&Line<'_>| m.waived_by().is_none();
        let later = |m: &Line<'_>| !m.required() || deferrable(m);
        SituationCell {
            situation: situation.id(),
            name: situation.name(),
            required: materials
                .iter()
                .filter(brought)
                .filter(|m| !later(m))
                .count(),
            optional: materials
                .iter()
                .filter(brought)
                .filter(|m| later(m))
                .count(),
            materials,
            differs,
        }
    }
}

/// A line's name, else its id.
pub fn shown_name<'a>(line: &Line<'a>) -> &'a str {
    if line.name().is_empty() {
        line.id()
    } else {
        line.name()
    }
}

/// A material accepted while it follows later (容缺受理).
pub fn deferrable(line: &Line<'_>) -> bool {
    line.get("deferrable")
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// One national item and every region's column.
#[derive(Debug, Serialize)]
pub struct ItemView<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub statutory_limit: Option<Limit<'a>>,
    pub materials: Vec<Line<'a>>,
    pub fees: Vec<Line<'a>>,
    /// For an item with situations: the national materials per situation.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub situations: Vec<SituationCell<'a>>,
    pub regions: Vec<RegionColumn<'a>>,
}

/// The report: the regions and the wanted items. With `--item`, each region's result is scoped
/// to those items (its entries, counts and score over them alone), and a region where none of
/// them applies or is implemented is left out.
pub struct DiffReport<'a> {
    pub compiled: &'a Compiled,
    pub regions: Vec<Cow<'a, RegionResult>>,
    items: Vec<String>,
    /// Whether `--item` asked for some items (the text and Markdown then show them side by side).
    pub focus: bool,
    /// The regions' parts of the report when they were compiled apart, one unit at a time, and
    /// spilled to disk ([`DiffReport::spill`]); `compiled` is then the national files alone and
    /// `regions` is empty.
    spilled: Option<&'a Pieces>,
}

/// The formats of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
}

/// The sections of a spill: what each piece is.
mod section {
    /// A region's result (JSON), its block (text) or its row of the score table (Markdown).
    pub const REGIONS: u8 = 0;
    /// An item's column in one region (JSON).
    pub const COLUMNS: u8 = 1;
    /// Markdown: a region's rows of the table of one class of difference (`DIFFERENCE + i`),
    /// then of its missing and its extra items.
    pub const DIFFERENCE: u8 = 2;
    pub const MISSING: u8 = 10;
    pub const EXTRA: u8 = 11;
}

/// The region a spilled piece belongs to (its first key, but an item's column's, whose second key
/// is its region).
pub fn piece_region<'k>(section: u8, first: &'k str, second: &'k str) -> &'k str {
    if section == section::COLUMNS {
        second
    } else {
        first
    }
}

impl<'a> DiffReport<'a> {
    pub fn new(compiled: &'a Compiled, items: &[String]) -> DiffReport<'a> {
        let wanted = |code: &str| items.iter().any(|i| i == code);
        let regions = compiled
            .conformance
            .regions
            .iter()
            .filter_map(|r| {
                if items.is_empty() {
                    return Some(Cow::Borrowed(r));
                }
                let r = r.scoped(&compiled.resolved.catalog, &wanted);
                (r.applicable > 0 || !r.entries.is_empty()).then_some(Cow::Owned(r))
            })
            .collect();
        DiffReport {
            compiled,
            regions,
            items: items.to_vec(),
            focus: !items.is_empty(),
            spilled: None,
        }
    }

    /// The report of a catalog compiled one unit at a time: `national` is the national files'
    /// compiled catalog, `spilled` every unit's part of the report, written by
    /// [`DiffReport::spill`] in the same format.
    pub fn of_units(national: &'a Compiled, spilled: &'a Pieces) -> DiffReport<'a> {
        DiffReport {
            compiled: national,
            regions: Vec::new(),
            items: Vec::new(),
            focus: false,
            spilled: Some(spilled),
        }
    }

    /// Write this report's regions (one unit's) to `spill` as `format` renders them, so that
    /// [`DiffReport::of_units`] and [`DiffReport::write`] put them in place later.
    pub fn spill(&self, format: Format, spill: &mut Spill) -> std::io::Result<()> {
        self.spill_regions(format, spill, &|_| true)
    }

    /// [`DiffReport::spill`] for the regions `wanted` says (the others' pieces are taken from
    /// elsewhere: a build takes an unchanged region's from its province's last record).
    pub fn spill_regions(
        &self,
        format: Format,
        spill: &mut Spill,
        wanted: &dyn Fn(&str) -> bool,
    ) -> std::io::Result<()> {
        for region in self.regions.iter().filter(|r| wanted(&r.code)) {
            let code = region.code.as_str();
            match format {
                Format::Json => spill.put(section::REGIONS, code, "", &json::region(region))?,
                Format::Text => {
                    spill.put(section::REGIONS, code, "", &text::region(self, region))?
                }
                Format::Markdown => {
                    spill.put(section::REGIONS, code, "", &markdown::score_row(region))?;
                    for (i, class) in markdown::DIFFERENCES.iter().enumerate() {
                        let rows = markdown::difference_rows(self, region, *class);
                        spill.put(section::DIFFERENCE + i as u8, code, "", &rows)?;
                    }
                    let missing = markdown::listing_rows(region, |r| &r.missing);
                    spill.put(section::MISSING, code, "", &missing)?;
                    let extra = markdown::listing_rows(region, |r| &r.extra);
                    spill.put(section::EXTRA, code, "", &extra)?;
                }
            }
        }
        if format == Format::Json {
            // The columns of the wanted regions alone are made.
            let kept = self
                .regions
                .iter()
                .map(|r| r.code.as_str())
                .filter(|code| wanted(code))
                .collect();
            for item in self.items_of(kept) {
                for column in &item.regions {
                    spill.put(
                        section::COLUMNS,
                        item.code,
                        column.region,
                        &json::column(column),
                    )?;
                }
            }
        }
        Ok(())
    }

    /// Write the report in `format` to `out`, as it is rendered (a spilled report piece by
    /// piece, never whole in memory).
    pub fn write(&self, format: Format, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        match format {
            Format::Json => json::write(self, out),
            Format::Text => text::write(self, out),
            Format::Markdown => markdown::write(self, out),
        }
    }

    /// The national item `code`'s record.
    pub fn national(&self, code: &str) -> Record<&'a Value> {
        let catalog = &self.compiled.resolved.catalog;
        view::doc(
            catalog
                .items
                .get(code)
                .map_or(&Value::Null, |i| &catalog.doc(i).json),
        )
    }

    /// The wanted items, in code order, each with the columns of the reported regions.
    pub fn items(&self) -> impl Iterator<Item = ItemView<'a>> + '_ {
        self.items_of(self.regions.iter().map(|r| r.code.as_str()).collect())
    }

    /// [`DiffReport::items`] with the columns of the regions `kept` alone.
    fn items_of<'s>(&'s self, kept: BTreeSet<&'s str>) -> impl Iterator<Item = ItemView<'a>> + 's {
        let compiled = self.compiled;
        let catalog = &compiled.resolved.catalog;
        catalog
            .items
            .iter()
            .filter(|(code, _)| self.items.is_empty() || self.items.contains(code))
            .map(move |(code, item)| {
                let national = view::doc(&catalog.doc(item).json);
                let regions = compiled
                    .resolved
                    .effective_for_item(code)
                    .filter(|e| kept.contains(e.region.as_str()))
                    .map(|e| {
                        let entry = view::effective(catalog, e);
                        let result = compiled.conformance.entry(&e.region, code);
                        let situations = if national.situations().is_empty() {
                            Vec::new()
                        } else {
                            entry
                                .handled_situations()
                                .iter()
                                .map(|s| {
                                    SituationCell::new(
                                        s,
                                        entry.lines_in(ListField::Materials, s.id()),
                                        differing(result, s.id()),
                                    )
                                })
                                .collect()
                        };
                        RegionColumn {
                            region: &e.region,
                            name: catalog
                                .regions
                                .get(&e.region)
                                .map_or("", |r| r.value.name.as_str()),
                            class: compiled
                                .conformance
                                .entry(&e.region, code)
                                .map_or(Class::Same, |x| x.class),
                            materials: entry.lines(ListField::Materials),
                            committed_limit: entry.committed_limit(),
                            fees: entry.lines(ListField::Fees),
                            situations,
                        }
                    })
                    .collect();
                let situations = national
                    .situations()
                    .iter()
                    .map(|s| {
                        let s = Line::Plain(s);
                        SituationCell::new(
                            &s,
                            national.lines_in(ListField::Materials, s.id()),
                            Vec::new(),
                        )
                    })
                    .collect();
                ItemView {
                    situations,
                    code,
                    name: &item.value.name,
                    statutory_limit: national.statutory_limit(),
                    materials: national.lines(ListField::Materials),
                    fees: national.lines(ListField::Fees),
                    regions,
                }
            })
    }

    pub fn json(&self) -> String {
        json::render(self)
    }

    pub fn text(&self) -> String {
        text::render(self)
    }

    pub fn markdown(&self) -> String {
        markdown::render(self)
    }
}

/// The keys of the material lines that differ from the national standard in `situation`, in
/// the order the diff found them.
pub fn differing(result: Option<&crate::diff::EntryResult>, situation: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    let details = result
        .into_iter()
        .flat_map(|r| &r.fields)
        .filter(|f| &*f.field == "materials")
        .flat_map(|f| &f.details);
    for d in details.filter(|d| d.situation.as_deref() == Some(situation)) {
        if let Some(key) = &d.key
            && !keys.contains(key)
        {
            keys.push(key.clone());
        }
    }
    keys
}

/// A region's score and what it counts, in one line: `score 80% (10 applicable: 9 implemented —
/// 7 conforming, 1 approved, 0 uncertain, 1 deviating; 1 missing)`.
fn score_line(r: &RegionResult, lang: crate::diagnostic::messages::Lang) -> String {
    match r.score_pct() {
        None => t!(lang, "diff-no-score"),
        Some(pct) => t!(
            lang,
            "diff-score",
            pct = pct,
            applicable = r.applicable,
            implemented = r.implemented,
            conforming = r.conforming,
            approved = r.approved,
            uncertain = r.uncertain,
            deviating = r.deviating,
            missing = r.missing.len()
        ),
    }
}

/// A time limit for the report, by the one formatter, or `—`.
fn limit(value: Option<Limit<'_>>) -> String {
    value
        .and_then(Limit::label)
        .unwrap_or_else(|| "—".to_string())
}

/// Materials in one cell: `居民身份证(1份)、本人近期相片(免提交)`.
fn materials(lines: &[Line<'_>]) -> String {
    lines
        .iter()
        .map(|m| {
            let name = if m.name().is_empty() {
                m.id()
            } else {
                m.name()
            };
            let mut notes = Vec::new();
            if m.waived_by().is_some() {
                notes.push("免提交".to_string());
            } else if let Some(c) = m.copies() {
                notes.push(format!("{c}份"));
            }
            if !m.required() {
                notes.push("非必要".to_string());
            }
            if m.added() {
                notes.push("地方新增".to_string());
            }
            format!("{name}({})", notes.join("，"))
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// Fees in one cell, or 不收费.
fn fees(lines: &[Line<'_>]) -> String {
    if lines.is_empty() {
        return "不收费".to_string();
    }
    lines
        .iter()
        .map(|f| {
            let amount = f
                .amount_value()
                .map_or_else(|| "—".to_string(), |a| a.to_string());
            format!("{} {amount}元", f.name())
        })
        .collect::<Vec<_>>()
        .join("、")
}
