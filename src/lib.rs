//! catalogc: a compiler for a government service catalog (政务服务事项目录) kept as YAML.
//!
//! The source tree is the pipeline, one folder per stage in the order data flows; a stage may use
//! the ones above it and never one below:
//!
//! - [`diagnostic`]: the one model of a finding, its source positions and the table of codes.
//! - [`load`]: files → YAML trees with positions → JSON Schema validation (with the standard:
//!   schemas, policy, limits; the parse cache; the git reads and `--since` selection).
//! - [`resolve`]: schema-valid documents → the typed catalog and the effective entry of every
//!   region (national ⊕ province ⊕ city), read through typed accessors by everything below.
//! - [`check`]: the semantic rules, one file each.
//! - [`diff`]: conformance of every effective entry with the national standard (`policy.yaml`),
//!   and the one describer of a difference.
//! - [`pipeline`]: runs load → resolve → check and diff, and hands over a [`pipeline::Compiled`].
//! - [`report`]: findings as text, JSON, SARIF, GitHub, JUnit; the `diff` and `changelog` reports.
//! - [`emit`]: `build`: portal, guides, open data, CPSV-AP, feeds.
//! - [`history`]: two revisions compiled and compared (`changelog`, feeds).
//! - [`onboard`]: `import` of a 实施清单 spreadsheet and `export` of a region's entries.
//! - [`serve`]: `serve`: the build previewed on 127.0.0.1, rebuilt and reloaded on every change.
//!
//! [`cli`] is the command line, [`fix`] applies the safe repairs findings carry (`check --fix`),
//! [`migrate`] upgrades a catalog to the current format, [`author`] writes new files for editors
//! (`init`, `new`) and [`lsp`] is the language server; [`dates`] and [`progress`] (a bar on a
//! terminal for long work) are leaf helpers every stage may use.

pub mod author;
pub mod check;
pub mod cli;
pub mod dates;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod fix;
#[doc(hidden)]
pub mod fuzzing;
pub mod history;
pub mod load;
pub mod lsp;
pub mod merge;
pub mod migrate;
pub mod onboard;
pub mod pipeline;
pub mod progress;
pub mod report;
pub mod resolve;
pub mod serve;
