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
//! - [`serve`]: `serve`: the build previewed on 127.0.0.1, rebuilt and reloaded on every change.
//!
//! [`cli`] is the command line and [`migrate`] upgrades a catalog to the current format; [`dates`]
//! and [`progress`] (a bar on a terminal for long work) are leaf helpers every stage may use.

pub mod check;
pub mod cli;
pub mod dates;
pub mod diagnostic;
pub mod diff;
pub mod emit;
#[doc(hidden)]
pub mod fuzzing;
pub mod history;
pub mod load;
pub mod migrate;
pub mod pipeline;
pub mod progress;
pub mod report;
pub mod resolve;
pub mod serve;
