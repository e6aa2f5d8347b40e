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

    /// The one-digit code of the level (GB/T 39046 A.2: national 1, province 2, city 3, county
    /// 4, township 5, village 6), as it stands in the 19th character of a 实施编码.
    pub fn digit(self) -> char {
        char::from(b'1' + self as u8)
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    WorkingDay,
    CalendarDay,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeLimit {
    pub days: u32,
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A national standard item (基本目录事项), or the item part of a local item.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Item {
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub levels: Vec<Level>,
    /// `active` or `retired`.
    pub status: String,
}

/// A region's implementation of a national item; absent fields are inherited. Only what the
/// rules read as typed values is here; every other field is read through `view.rs`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Entry {
    #[serde(default)]
    pub level: Option<Level>,
}

/// An item only one region has (地方事项): an item plus the local fields of an entry.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LocalItem {
    #[serde(flatten)]
    pub item: Item,
    /// The level at which this region exercises it (行使层级).
    #[serde(default)]
    pub level: Option<Level>,
    #[serde(default)]
    pub committed_limit: Option<TimeLimit>,
    #[serde(default)]
    pub handling: Option<String>,
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
    /// The date of the latest amendment in force (最近修正日期), YYYY-MM-DD.
    #[serde(default)]
    pub amended: Option<String>,
    /// The date it was repealed (废止日期), YYYY-MM-DD.
    #[serde(default)]
    pub repealed: Option<String>,
    /// The law that replaces it, when repealed.
    #[serde(default)]
    pub replaced_by: Option<String>,
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
    /// `sample: true`: the catalog is an illustration, not a real catalog (docs/format.md).
    #[serde(default)]
    pub sample: bool,
    /// Days before an exception expires from which it is announced (default 60).
    #[serde(default)]
    pub exception_notice_days: Option<u32>,
    /// The format version the catalog is written for (`catalogc migrate` upgrades it).
    pub schema_version: u64,
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
