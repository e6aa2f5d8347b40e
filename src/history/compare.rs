//! Two compiled revisions compared file by file, through the same effective-entry model the diff
//! and the pages read (`resolve::view`): a national item's own values, or a region's effective
//! entry (national ⊕ province ⊕ city) for the item a changed entry file implements.

use std::collections::BTreeMap;

use serde_json::Value;

use super::Change;
use crate::diff::Class;
use crate::load::git::Commit;
use crate::pipeline::Compiled;
use crate::resolve::Line;
use crate::resolve::labels;
use crate::resolve::limits::Days;
use crate::resolve::view::{self, Contact, Department, Limit, ListField, Record};

/// What a change is about: where, which item, which field and line.
struct Subject<'a> {
    region: Option<&'a str>,
    item: &'a str,
    field: Option<&'a str>,
    key: Option<&'a str>,
}

/// The values of one side (a national item or an effective entry) that the changelog compares.
struct Side<'a> {
    limit: Option<Limit<'a>>,
    lines: [Vec<Line<'a>>; 3],
}

/// An effective entry at one revision.
struct EntryState<'a> {
    side: Side<'a>,
    department: Option<Department<'a>>,
    contact: Option<Contact<'a>>,
    class: Option<Class>,
}

/// Collects the changes of one file of one commit.
struct Recorder<'a, 'o> {
    file: &'a str,
    before: Option<&'a Compiled>,
    after: &'a Compiled,
    commit: &'a Commit,
    out: &'o mut Vec<Change>,
}

fn national<'a>(compiled: Option<&'a Compiled>, code: &str) -> Option<Record<&'a Value>> {
    let catalog = &compiled?.resolved.catalog;
    catalog
        .items
        .get(code)
        .map(|i| view::doc(&catalog.doc(i).json))
}

fn entry<'a>(compiled: Option<&'a Compiled>, region: &str, code: &str) -> Option<EntryState<'a>> {
    let compiled = compiled?;
    let effective = compiled.resolved.effective_of(region, code)?;
    let entry = view::effective(&compiled.resolved.catalog, effective);
    Some(EntryState {
        side: Side {
            limit: entry.committed_limit(),
            lines: ListField::ALL.map(|f| entry.lines(f)),
        },
        department: entry.department(),
        contact: entry.contact(),
        class: compiled.conformance.entry(region, code).map(|x| x.class),
    })
}

/// A national item's standard values.
fn side(record: Record<&Value>) -> Side<'_> {
    Side {
        limit: record.statutory_limit(),
        lines: ListField::ALL.map(|f| record.lines(f)),
    }
}

fn value(value: Option<&Value>) -> Option<Value> {
    value.cloned()
}

fn line_value(line: &Line<'_>) -> Value {
    serde_json::to_value(line).unwrap_or_default()
}

impl Recorder<'_, '_> {
    fn push(
        &mut self,
        kind: &'static str,
        subject: Subject<'_>,
        old: Option<Value>,
        new: Option<Value>,
        summary: String,
    ) {
        let (before, after) = (self.before, self.after);
        let region_name = subject.region.and_then(|r| {
            after
                .resolved
                .catalog
                .regions
                .get(r)
                .or_else(|| before.and_then(|b| b.resolved.catalog.regions.get(r)))
                .map(|r| r.value.name.clone())
        });
        let item_name = national(Some(after), subject.item)
            .or_else(|| national(before, subject.item))
            .map(|n| n.name().to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| subject.item.to_string());
        self.out.push(Change {
            kind,
            region: subject.region.map(str::to_string),
            region_name,
            item: subject.item.to_string(),
            item_name,
            field: subject.field.map(str::to_string),
            key: subject.key.map(str::to_string),
            old,
            new,
            summary,
            file: self.file.to_string(),
            commit: self.commit.clone(),
        });
    }

    /// A change of the whole item or entry, with no field.
    fn whole(&mut self, kind: &'static str, region: Option<&str>, item: &str, summary: &str) {
        let subject = Subject {
            region,
            item,
            field: None,
            key: None,
        };
        self.push(kind, subject, None, None, summary.to_string());
    }

    fn national_item(&mut self, code: &str) {
        match (
            national(self.before, code),
            national(Some(self.after), code),
        ) {
            (None, Some(_)) => self.whole("item_added", None, code, "新增事项"),
            (Some(_), None) => self.whole("item_retired", None, code, "取消事项"),
            (Some(old), Some(new)) => {
                if old.status() != new.status() && new.status() == Some("retired") {
                    let subject = Subject {
                        region: None,
                        item: code,
                        field: Some("status"),
                        key: None,
                    };
                    let (a, b) = (old.status().map(Value::from), new.status().map(Value::from));
                    self.push("item_retired", subject, a, b, "事项已取消".into());
                }
                if old.name() != new.name() {
                    let subject = Subject {
                        region: None,
                        item: code,
                        field: Some("name"),
                        key: None,
                    };
                    let (a, b) = (Some(Value::from(old.name())), Some(Value::from(new.name())));
                    self.push("item_renamed", subject, a, b, "事项名称变更".into());
                }
                self.sides(None, code, &side(old), &side(new), "statutory_limit");
            }
            (None, None) => {}
        }
    }

    fn regional_entry(&mut self, region: &str, code: &str) {
        match (
            entry(self.before, region, code),
            entry(Some(self.after), region, code),
        ) {
            (None, Some(_)) => self.whole("entry_added", Some(region), code, "新增实施清单"),
            (Some(_), None) => self.whole("entry_removed", Some(region), code, "删除实施清单"),
            (Some(old), Some(new)) => {
                self.sides(Some(region), code, &old.side, &new.side, "committed_limit");
                let name = |d: Option<Department>| d.map(|d| Value::from(d.name()));
                if name(old.department) != name(new.department) {
                    let subject = Subject {
                        region: Some(region),
                        item: code,
                        field: Some("department"),
                        key: None,
                    };
                    let (a, b) = (name(old.department), name(new.department));
                    self.push("department_changed", subject, a, b, "实施主体变更".into());
                }
                let phone = |c: Option<Contact>| value(c.and_then(Contact::phone));
                if phone(old.contact) != phone(new.contact) {
                    let subject = Subject {
                        region: Some(region),
                        item: code,
                        field: Some("contact"),
                        key: None,
                    };
                    let (a, b) = (phone(old.contact), phone(new.contact));
                    self.push("phone_changed", subject, a, b, "咨询电话变更".into());
                }
                let deviates = |c: Option<Class>| c == Some(Class::Deviation);
                match (deviates(old.class), deviates(new.class)) {
                    (false, true) => self.whole(
                        "deviation_introduced",
                        Some(region),
                        code,
                        "出现未经批准的偏离",
                    ),
                    (true, false) => {
                        self.whole("deviation_resolved", Some(region), code, "偏离已消除")
                    }
                    _ => {}
                }
            }
            (None, None) => {}
        }
    }

    /// Compare a time limit and the three lists, national or effective.
    fn sides(
        &mut self,
        region: Option<&str>,
        code: &str,
        old: &Side<'_>,
        new: &Side<'_>,
        limit_field: &'static str,
    ) {
        let labels = self.after.labels.clone();
        let days = |limit: Option<Limit<'_>>| limit.and_then(Days::of);
        if let (Some(was), Some(now)) = (days(old.limit), days(new.limit))
            && was != now
        {
            let (a, unit_a, b, unit_b) = (was.days, was.unit.as_str(), now.days, now.unit.as_str());
            let kind = if unit_a == unit_b && b < a {
                "limit_shortened"
            } else if unit_a == unit_b {
                "limit_lengthened"
            } else {
                "limit_changed"
            };
            let verb = match kind {
                "limit_shortened" => "缩短为",
                "limit_lengthened" => "延长为",
                _ => "改为",
            };
            let summary = format!(
                "{}由{}{verb}{}",
                labels.field(limit_field),
                labels::days(a, unit_a),
                labels::days(b, unit_b)
            );
            let subject = Subject {
                region,
                item: code,
                field: Some(limit_field),
                key: None,
            };
            let (a, b) = (
                old.limit.map(|l| l.raw().clone()),
                new.limit.map(|l| l.raw().clone()),
            );
            self.push(kind, subject, a, b, summary);
        }
        for (i, field) in ListField::ALL.into_iter().enumerate() {
            let label = labels.field(field.name());
            let by_id = |lines: &[Line<'_>]| -> BTreeMap<String, Value> {
                lines
                    .iter()
                    .filter(|l| !l.id().is_empty())
                    .map(|l| (l.id().to_string(), line_value(l)))
                    .collect()
            };
            let (before, after) = (by_id(&old.lines[i]), by_id(&new.lines[i]));
            let subject = |key| Subject {
                region,
                item: code,
                field: Some(field.name()),
                key: Some(key),
            };
            for (id, line) in &after {
                let now = Line::Plain(line);
                match before.get(id) {
                    None => self.push(
                        added(field),
                        subject(id),
                        None,
                        Some(line.clone()),
                        format!("增加{label}：{}", name(now)),
                    ),
                    Some(was) if was != line => {
                        let kind = changed(field, Line::Plain(was), now);
                        let summary = match kind {
                            "material_waived" => format!("{label}免提交：{}", name(now)),
                            "fee_changed" => format!(
                                "{label}{}的金额由{}元改为{}元",
                                name(now),
                                show(Line::Plain(was).amount_value()),
                                show(now.amount_value())
                            ),
                            _ => format!("{label}变更：{}", name(now)),
                        };
                        self.push(
                            kind,
                            subject(id),
                            Some(was.clone()),
                            Some(line.clone()),
                            summary,
                        );
                    }
                    _ => {}
                }
            }
            for (id, line) in before.iter().filter(|(id, _)| !after.contains_key(*id)) {
                self.push(
                    removed(field),
                    subject(id),
                    Some(line.clone()),
                    None,
                    format!("减少{label}：{}", name(Line::Plain(line))),
                );
            }
        }
    }
}

/// The semantic changes one file's change made.
pub fn compare_file(
    file: &str,
    before: Option<&Compiled>,
    after: &Compiled,
    commit: &Commit,
    out: &mut Vec<Change>,
) {
    let mut recorder = Recorder {
        file,
        before,
        after,
        commit,
        out,
    };
    match file.split('/').collect::<Vec<_>>().as_slice() {
        ["catalog", "national", name] => recorder.national_item(name.trim_end_matches(".yaml")),
        ["catalog", "regions", region, name] if *name != "region.yaml" => {
            recorder.regional_entry(region, name.trim_end_matches(".yaml"))
        }
        _ => {}
    }
}

/// A line's name (a condition's text).
fn name(line: Line<'_>) -> &str {
    if line.name().is_empty() {
        line.text()
    } else {
        line.name()
    }
}

fn show(value: Option<&Value>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn added(field: ListField) -> &'static str {
    match field {
        ListField::Conditions => "condition_added",
        ListField::Materials => "material_added",
        ListField::Fees => "fee_added",
    }
}

fn removed(field: ListField) -> &'static str {
    match field {
        ListField::Conditions => "condition_removed",
        ListField::Materials => "material_removed",
        ListField::Fees => "fee_removed",
    }
}

fn changed(field: ListField, before: Line<'_>, after: Line<'_>) -> &'static str {
    match field {
        ListField::Conditions => "condition_reworded",
        ListField::Materials if before.waived_by().is_none() && after.waived_by().is_some() => {
            "material_waived"
        }
        ListField::Materials => "material_changed",
        ListField::Fees => "fee_changed",
    }
}
