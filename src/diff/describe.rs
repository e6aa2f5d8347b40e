//! The one describer of a difference from the standard, in the words a person reads: guides,
//! item pages, the `diff` report, the open data and the feeds all say a difference this way.
//! Field and property names are the schemas' Chinese titles.

use serde_json::Value;

use super::Detail;
use crate::load::schema::FieldLabels;
use crate::resolve::Line;
use crate::resolve::labels;
use crate::resolve::view::{Limit, Lines, Record};

/// A difference of `field` from the national item `national`, as one Chinese sentence:
/// `申请材料：“本人近期相片”份数为3份（全国标准1份）`.
pub fn describe(
    labels: &FieldLabels,
    field: &str,
    detail: &Detail,
    national: Record<&Value>,
) -> String {
    let key = detail.key.as_deref().unwrap_or_default();
    // The line's name in the national standard (or in the addition itself).
    let line = Lines(national.get(field))
        .iter()
        .map(Line::Plain)
        .find(|l| l.id() == key)
        .or(detail
            .regional
            .as_ref()
            .filter(|_| detail.kind == "added")
            .map(Line::Plain));
    let name = line
        .map(|l| {
            if field == "conditions" {
                l.text()
            } else {
                l.name()
            }
        })
        .filter(|n| !n.is_empty())
        .unwrap_or(key);
    let text = |v: Option<&Value>| match v {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Bool(true)) => "是".to_string(),
        Some(Value::Bool(false)) | None => "否".to_string(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| labels::medium(i.as_str().unwrap_or_default()).to_string())
            .collect::<Vec<_>>()
            .join("、"),
        Some(v) => v.to_string(),
    };
    let label = labels.field(field);
    // A scalar's value in words: a time limit, else an enumeration's label.
    let limit = |v: Option<&Value>| {
        v.map(Limit)
            .and_then(Limit::label)
            .unwrap_or_else(|| match v {
                Some(Value::String(code)) if field == "handle_area" => {
                    labels::handle_area(code).to_string()
                }
                other => text(other),
            })
    };
    let mut sentence = match detail.kind.as_str() {
        "added" => format!("{label}：增加“{name}”"),
        "removed" => format!("{label}：不再要求“{name}”"),
        "omitted" => match detail
            .regional
            .as_ref()
            .and_then(|l| Line::Plain(l).omitted())
            .and_then(Value::as_str)
        {
            Some(reason) => format!("{label}：不再要求“{name}”（{reason}）"),
            None => format!("{label}：不再要求“{name}”（未说明理由）"),
        },
        "unaccounted" => format!("{label}：未列出全国标准的“{name}”，也未说明省略理由"),
        "waived" => format!(
            "{label}：“{name}”{}",
            labels::waived_by(&text(detail.regional.as_ref()))
        ),
        "value" => format!(
            "{label}：{}（{}{}）",
            limit(detail.regional.as_ref()),
            detail.baseline.as_deref().unwrap_or("全国标准"),
            limit(detail.national.as_ref())
        ),
        "changed" => format!(
            "{label}：与全国标准不同，本地为“{}”，全国标准为“{}”",
            text(detail.regional.as_ref()),
            text(detail.national.as_ref())
        ),
        "copies" => format!(
            "{label}：“{name}”份数为{}份（全国标准{}份）",
            text(detail.regional.as_ref()),
            text(detail.national.as_ref())
        ),
        "required" => format!(
            "{label}：“{name}”{}",
            if detail.regional == Some(Value::Bool(false)) {
                "改为非必要"
            } else {
                "改为必要"
            }
        ),
        "form" => format!(
            "{label}：“{name}”须提交{}（全国标准为{}）",
            labels::form(&text(detail.regional.as_ref())),
            labels::form(&text(detail.national.as_ref()))
        ),
        "medium" => format!(
            "{label}：“{name}”可提交{}（全国标准为{}）",
            text(detail.regional.as_ref()),
            text(detail.national.as_ref())
        ),
        "text" | "name" => format!(
            "{label}：“{name}”表述改为“{}”",
            text(detail.regional.as_ref())
        ),
        "amount" => format!(
            "{label}：“{name}”收费{}元（全国标准{}元）",
            text(detail.regional.as_ref()),
            text(detail.national.as_ref())
        ),
        kind => format!(
            "{label}：{}由“{}”改为“{}”",
            labels.property("channels", kind),
            text(detail.national.as_ref()),
            text(detail.regional.as_ref())
        ),
    };
    if let Some(approval) = &detail.approved_by {
        let sample = if approval.illustrative {
            "（示例文号，非真实文件）"
        } else {
            ""
        };
        sentence.push_str(&format!(
            "（经{}{sample}批准，有效期至{}）",
            approval.approval, approval.expires
        ));
    }
    sentence
}
