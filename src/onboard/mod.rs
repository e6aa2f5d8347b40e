//! Onboarding a region from the national platform's spreadsheets: `catalogc import` reads a
//! 实施清单 export (XLSX or CSV) into regional entries, `catalogc export` writes a region's
//! effective entries back in the same layout so editors can review them in Excel or WPS.
//!
//! [`sheet`] reads a spreadsheet into rows under recognised column names; [`cells`] parses what
//! a cell says (lines of a list, a time limit, a material's annotations) and compares names;
//! [`import`] turns rows into entries, checks them with the pipeline and writes them atomically;
//! [`export`] writes the layout. This stage comes after `emit`: it runs the whole pipeline on the
//! entries it is about to write, to report the verdicts they get.

pub mod cells;
pub mod export;
pub mod import;
pub mod sheet;

/// The columns catalogc reads and writes, by their national exchange names (the 实施清单
/// exchange tables, `up_task_general_basic`), with the other headers real exports use for them.
/// The first name is the one `export` writes.
pub const COLUMNS: &[(Column, &[&str])] = &[
    (Column::Name, &["事项名称", "实施清单名称", "事项名"]),
    (Column::Code, &["基本编码", "事项编码", "目录编码"]),
    (Column::TaskCode, &["实施编码", "实施清单编码"]),
    (
        Column::Department,
        &["实施主体", "实施主体名称", "实施机构"],
    ),
    (
        Column::CreditCode,
        &[
            "实施主体编码",
            "统一社会信用代码",
            "实施主体统一社会信用代码",
        ],
    ),
    (Column::Limit, &["承诺办结时限", "承诺时限", "承诺期限"]),
    (Column::Handling, &["办件类型"]),
    (Column::Materials, &["申请材料", "申请材料目录", "材料清单"]),
    (Column::Conditions, &["受理条件", "申请条件"]),
    (Column::Fees, &["收费项目", "收费标准", "收费情况"]),
    (Column::Address, &["办理地点", "受理地点"]),
    (Column::Hours, &["办理时间", "受理时间"]),
    (Column::Phone, &["咨询电话", "咨询方式"]),
    (
        Column::Complaint,
        &["监督投诉电话", "监督投诉方式", "投诉电话"],
    ),
];

/// A column catalogc understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    Name,
    Code,
    TaskCode,
    Department,
    CreditCode,
    Limit,
    Handling,
    Materials,
    Conditions,
    Fees,
    Address,
    Hours,
    Phone,
    Complaint,
}

impl Column {
    /// The national exchange name, which `export` writes and reports use.
    pub fn title(self) -> &'static str {
        COLUMNS
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("", |(_, names)| names[0])
    }

    /// The column a header names, comparing without spaces, full-width forms or a trailing
    /// colon or asterisk (`*事项名称`, `事项名称：`).
    pub fn recognise(header: &str) -> Option<Column> {
        let header = cells::normalise(header);
        let header = header.trim_matches(|c| c == '*' || c == ':');
        COLUMNS
            .iter()
            .find(|(_, names)| names.contains(&header))
            .map(|(c, _)| *c)
    }
}
