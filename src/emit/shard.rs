//! Build shards: `build --region P` builds the subtree of region P (P and every region below it,
//! found through `parent` in each `region.yaml`) from the national files and the documents of
//! that subtree and of P's ancestors alone, so that a province's build needs the memory of one
//! province. A shard's output holds its regions' folders (the same bytes as in the whole build),
//! the national feed and `shard.json`: what the national pages need from its regions
//! ([`super::Summary`]). `catalogc merge --kind site` ([`super::merge`]) makes the national site
//! from the shards.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Summary;
use crate::load::since::Selection;
use crate::load::yaml::{self, Limits};

/// The version of `shard.json`.
pub const VERSION: u32 = 1;

/// `shard.json`: the regions of the shard and their summaries, in code order, and what the
/// national files were made from (a merge refuses shards of another catalog). A build writes it
/// with `summaries` a sequence made as it is written ([`write`]).
#[derive(Debug, Serialize, Deserialize)]
pub struct ShardFile<S = Vec<Summary>> {
    pub version: u32,
    /// The fingerprint of the national inputs ([`super::units::Units::global`]).
    pub national: String,
    /// Whether the shard was built with feeds.
    pub feeds: bool,
    pub regions: Vec<String>,
    pub summaries: S,
}

/// Write `shard.json` (as [`ShardFile`], pretty-printed with a final newline) to `out`, the
/// summaries serialized one at a time as `summaries` yields them.
pub fn write(out: &mut dyn Write, file: &ShardFile<impl Serialize>) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    super::json::pretty_to(&mut out, file)?;
    out.flush()
}

/// Each region folder's parent, from its `region.yaml` (a folder without one, or without a
/// parent, has none).
fn parents(root: &Path) -> BTreeMap<String, Option<String>> {
    let Ok(entries) = std::fs::read_dir(root.join("catalog").join("regions")) else {
        return BTreeMap::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| {
            let code = e.file_name().into_string().ok()?;
            let text = std::fs::read_to_string(e.path().join("region.yaml")).ok();
            let parent = text
                .and_then(|t| yaml::parse(&t, Limits::default()).root)
                .map(|n| n.to_json())
                .and_then(|json| json.get("parent")?.as_str().map(str::to_string));
            Some((code, parent))
        })
        .collect()
}

/// The regions of the subtrees of `regions` (each region and every region below it), and their
/// ancestors, in code order.
pub fn subtree(root: &Path, regions: &[String]) -> (Vec<String>, Vec<String>) {
    crate::pipeline::units::subtree(&parents(root), regions)
}

/// The files a shard loads: every file outside `catalog/regions/`, and the files of `folders`.
pub fn selection(root: &Path, folders: &[String]) -> Selection {
    let folders: BTreeSet<&str> = folders.iter().map(String::as_str).collect();
    let files: BTreeSet<String> = crate::load::walk_sorted(&root.join("catalog"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            match rel.strip_prefix("catalog/regions/") {
                Some(rest) => {
                    let (folder, _) = rest.split_once('/')?;
                    folders.contains(folder).then_some(rel)
                }
                None => Some(rel),
            }
        })
        .collect();
    Selection {
        all: false,
        report: files.clone(),
        load: files,
        reasons: Vec::new(),
    }
}
