//! The open-data tables of format 3 (issue 15): situations (办理情形), service points (窗口),
//! attachments (空白表格、示例样表、结果样本, with media type and size) and assistance channels
//! (适老化与无障碍服务). Kept apart from the tables of `opendata.rs` so that each table's rows
//! and columns can move on their own; the same rows make CSV files and workbook sheets.

use std::borrow::Cow;

use serde_json::Value;

use super::{Rows, Table, column};
use crate::emit::Site;
use crate::resolve::view::{self, ListField};

const REGION: Column = column("region", "string", "行政区划代码（空为全国标准）");
const ITEM: Column = column("item", "string", "基本编码").titled("item.schema.json", "code");

use super::Column;

const SITUATIONS: Table = Table {
    name: "situations",
    title: "办理情形（全国标准与各地办理的情形）",
    sheet: "办理情形",
    columns: &[
        REGION,
        ITEM,
        column("situation", "string", "情形标识").titled("situation", "id"),
        column("name", "string", "情形名称").titled("situation", "name"),
        column("description", "string", "情形说明").titled("situation", "description"),
        column("optional", "boolean", "地方可不办理").titled("situation", "optional"),
        column("added", "boolean", "地方新增"),
    ],
    key: &[],
    national: true,
    regional: true,
};

const SERVICE_POINTS: Table = Table {
    name: "service_points",
    title: "办理地点（各地窗口）",
    sheet: "办理地点",
    columns: &[
        column("region", "string", "行政区划代码"),
        ITEM,
        column("number", "integer", "序号"),
        column("name", "string", "窗口名称").titled("service_point", "name"),
        column("address", "string", "办理地址").titled("service_point", "address"),
        column("hours", "string", "办理时间").titled("service_point", "hours"),
        column("phone", "string", "窗口电话").titled("service_point", "phone"),
        column("map_url", "string", "地图链接").titled("service_point", "map_url"),
        column("appointment_url", "string", "预约地址").titled("service_point", "appointment_url"),
        column("towns", "string", "服务乡镇（街道）").titled("service_point", "towns"),
    ],
    key: &["region", "item", "number"],
    national: true,
    regional: true,
};

const ATTACHMENTS: Table = Table {
    name: "attachments",
    title: "表格与样本文件",
    sheet: "表格与样本",
    columns: &[
        REGION,
        ITEM,
        column("material", "string", "材料标识（空为审批结果样本）"),
        column("kind", "string", "文件类别"),
        column("name", "string", "文件名称").titled("attachment", "name"),
        column("href", "string", "下载地址（相对于门户根目录）"),
        column("media_type", "string", "媒体类型"),
        column("bytes", "integer", "文件大小（字节）"),
        column("illustrative", "boolean", "示例文件").titled("attachment", "illustrative"),
    ],
    key: &[],
    national: true,
    regional: true,
};

const ASSISTANCE: Table = Table {
    name: "assistance",
    title: "帮办服务（适老化与无障碍）",
    sheet: "帮办服务",
    columns: &[
        column("region", "string", "行政区划代码"),
        ITEM,
        column("kind", "string", "服务方式").titled("assistance", "kind"),
        column("who", "string", "服务对象").titled("assistance", "who"),
        column("text", "string", "服务说明").titled("assistance", "text"),
        column("phone", "string", "联系电话").titled("assistance", "phone"),
    ],
    key: &[],
    national: true,
    regional: true,
};

pub(in crate::emit) const TABLES: [&Table; 4] =
    [&SITUATIONS, &SERVICE_POINTS, &ATTACHMENTS, &ASSISTANCE];

fn boolean(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

fn text<'v>(value: Option<&'v Value>, key: &str) -> Cow<'v, str> {
    super::text(value.and_then(|v| v.get(key)))
}

/// The rows of the national standard (region empty) or of one region's entry.
fn item_rows<'a, R: Rows>(
    site: &Site<'a>,
    out: &mut [R; 4],
    region: &str,
    item: &str,
    situations: Vec<crate::resolve::lines::Line<'a>>,
    materials: Vec<crate::resolve::lines::Line<'a>>,
    result: Option<&'a Value>,
) {
    let [situation_rows, _, attachment_rows, _] = out;
    for s in &situations {
        situation_rows.row(&[
            region,
            item,
            s.id(),
            s.name(),
            s.get("description")
                .and_then(Value::as_str)
                .unwrap_or_default(),
            boolean(s.flag("optional")),
            boolean(s.added()),
        ]);
    }
    let mut attachment = |material: &str, kind: &str, value: Option<&'a Value>| {
        if let Some(file) = site.files.get(value) {
            attachment_rows.row(&[
                region,
                item,
                material,
                kind,
                file.name,
                file.href,
                file.media_type,
                &file.bytes.to_string(),
                boolean(file.illustrative),
            ]);
        }
    };
    for m in &materials {
        attachment(m.id(), "blank_form", m.get("blank_form"));
        attachment(m.id(), "example", m.get("example"));
    }
    attachment("", "sample_file", result.and_then(|r| r.get("sample_file")));
}

/// The rows of the four tables ([`TABLES`]) of one part: the national items' (`region` none), or one region's entries and
/// local items'. A region's rows are in its own part, like the other tables, so a region is
/// regenerated alone and a merge of build shards writes the same files.
pub(in crate::emit) fn rows_of<'a, R: Rows>(
    site: &Site<'a>,
    region: Option<&str>,
    out: &mut [R; 4],
) {
    let catalog = site.catalog;
    for (code, item) in catalog.items.iter().filter(|_| region.is_none()) {
        let record = view::doc(&catalog.doc(item).json);
        item_rows(
            site,
            out,
            "",
            code,
            record.lines_named("situations"),
            record.lines(ListField::Materials),
            catalog.doc(item).json.get("result"),
        );
    }
    for effective in site
        .resolved
        .effective
        .iter()
        .filter(|e| catalog.items.contains_key(&e.item))
        .chain(&site.resolved.local)
        .filter(|e| region == Some(e.region.as_str()))
    {
        let entry = view::effective(catalog, effective);
        let (region, item) = (effective.region.as_str(), effective.item.as_str());
        item_rows(
            site,
            out,
            region,
            item,
            entry.handled_situations(),
            entry.lines(ListField::Materials),
            entry.result().map(|r| r.0),
        );
        let [_, points, _, assistance] = out;
        for (i, point) in entry.objects("service_points").iter().enumerate() {
            let towns = point
                .get("towns")
                .and_then(Value::as_array)
                .map(|towns| {
                    towns
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(";")
                })
                .unwrap_or_default();
            let point = Some(point);
            points.row(&[
                Cow::Borrowed(region),
                Cow::Borrowed(item),
                Cow::Owned((i + 1).to_string()),
                text(point, "name"),
                text(point, "address"),
                text(point, "hours"),
                text(point, "phone"),
                text(point, "map_url"),
                text(point, "appointment_url"),
                Cow::Owned(towns),
            ]);
        }
        for help in entry.objects("assistance") {
            let help = Some(help);
            assistance.row(&[
                Cow::Borrowed(region),
                Cow::Borrowed(item),
                text(help, "kind"),
                text(help, "who"),
                text(help, "text"),
                text(help, "phone"),
            ]);
        }
    }
}
