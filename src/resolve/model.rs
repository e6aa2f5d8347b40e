//! The typed data model of a catalog file.
//!
//! Files are validated against their JSON Schema first; only files that pass are turned into
//! these types, so the types can be strict. Field names follow `docs/format.md`; positions are not
//! kept here but in the document's YAML tree, found again through JSON Pointers.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    National,
    Province,
    City,
    County,
    Township,
    Village,
}

impl Level {
    /// 0 for national, growing downwards.
    pub fn depth(self) -> u8 {
        self as u8
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
            Level::Township => "township",
            Level::Village => "village",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::National => "国家级",
            Level::Province => "省级",
            Level::City => "市级",
            Level::County => "县级",
            Level::Township => "乡镇级",
            Level::Village => "村级",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    WorkingDay,
    CalendarDay,
}

impl Unit {
    pub fn label(self) -> &'static str {
        match self {
            Unit::WorkingDay => "个工作日",
            Unit::CalendarDay => "个自然日",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeLimit {
    pub days: u32,
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl std::fmt::Display for TimeLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.days, self.unit.label())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LegalRef {
    pub law: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    pub id: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Material {
    pub id: String,
    pub name: String,
    pub form: String,
    pub copies: u32,
    pub medium: Vec<String>,
    pub required: bool,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fee {
    pub id: String,
    pub name: String,
    pub amount: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonalData {
    pub field: String,
    #[serde(default)]
    pub purpose: Option<String>,
    #[serde(default)]
    pub basis: Option<String>,
}

/// A national standard item (基本目录事项), or the item part of a local item.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Item {
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub audience: Vec<String>,
    pub levels: Vec<Level>,
    pub status: String,
    pub legal_basis: Vec<LegalRef>,
    pub statutory_limit: TimeLimit,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    #[serde(default)]
    pub materials: Vec<Material>,
    #[serde(default)]
    pub fees: Vec<Fee>,
    #[serde(default)]
    pub personal_data: Vec<PersonalData>,
    pub reviewed: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Department {
    pub name: String,
    pub credit_code: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Online {
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Channels {
    #[serde(default)]
    pub window: Option<bool>,
    #[serde(default)]
    pub online: Option<Online>,
    #[serde(default)]
    pub mobile: Option<bool>,
    #[serde(default)]
    pub mail: Option<bool>,
    #[serde(default)]
    pub visits: Option<u32>,
}

impl Channels {
    /// Whether an applicant can apply without going to a window.
    pub fn remote(&self) -> bool {
        self.online.is_some() || self.mobile == Some(true) || self.mail == Some(true)
    }
}

/// A material, condition or fee line of a regional entry: `ref` restates a national line.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct EntryLine {
    #[serde(default, rename = "ref")]
    pub reference: Option<String>,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub certificate: Option<String>,
    #[serde(default)]
    pub basis: Option<String>,
    #[serde(default)]
    pub amount: Option<f64>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Exception {
    pub field: String,
    #[serde(default, rename = "ref")]
    pub reference: Option<String>,
    pub reason: String,
    pub approval: String,
    pub expires: String,
}

/// A region's implementation of a national item; absent fields are inherited.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Entry {
    #[serde(default)]
    pub department: Option<Department>,
    #[serde(default)]
    pub level: Option<Level>,
    #[serde(default)]
    pub committed_limit: Option<TimeLimit>,
    #[serde(default)]
    pub handling: Option<String>,
    #[serde(default)]
    pub conditions: Option<Vec<EntryLine>>,
    #[serde(default)]
    pub materials: Option<Vec<EntryLine>>,
    #[serde(default)]
    pub fees: Option<Vec<EntryLine>>,
    #[serde(default)]
    pub legal_basis: Option<Vec<LegalRef>>,
    #[serde(default)]
    pub implementation_basis: Option<Vec<LegalRef>>,
    #[serde(default)]
    pub channels: Option<Channels>,
    #[serde(default)]
    pub exceptions: Vec<Exception>,
    #[serde(default)]
    pub reviewed: Option<String>,
}

/// An item only one region has (地方事项): an item plus the local fields of an entry.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LocalItem {
    #[serde(flatten)]
    pub item: Item,
    #[serde(default)]
    pub department: Option<Department>,
    #[serde(default)]
    pub committed_limit: Option<TimeLimit>,
    #[serde(default)]
    pub handling: Option<String>,
    #[serde(default)]
    pub channels: Option<Channels>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Region {
    pub code: String,
    pub name: String,
    pub level: Level,
    #[serde(default)]
    pub parent: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub members: Vec<String>,
    #[serde(default)]
    pub reviewed: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Law {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub number: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Laws {
    pub laws: Vec<Law>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Certificate {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Certificates {
    pub certificates: Vec<Certificate>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CodePatterns {
    #[serde(default = "default_national_pattern")]
    pub national: String,
    #[serde(default = "default_local_pattern")]
    pub local: String,
}

fn default_national_pattern() -> String {
    "^[0-9]{11}[0-9Y]$".to_string()
}

fn default_local_pattern() -> String {
    "^[0-9]{2}[0-9A-Z]{8,12}$".to_string()
}

impl Default for CodePatterns {
    fn default() -> CodePatterns {
        CodePatterns {
            national: default_national_pattern(),
            local: default_local_pattern(),
        }
    }
}

/// `catalog/catalog.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Config {
    pub title: String,
    pub language: String,
    pub base_url: String,
    pub review_interval_days: u32,
    #[serde(default)]
    pub code_patterns: CodePatterns,
    #[serde(default)]
    pub feed: Option<FeedConfig>,
}

/// `feed:` in `catalog.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FeedConfig {
    /// How many recent commits the feeds cover (20 when absent).
    #[serde(default)]
    pub commits: Option<u64>,
}
