//! catalogc: a compiler for a government service catalog (政务服务事项目录) kept as YAML.
//!
//! The pipeline, one module per stage, in the order data flows:
//! [`load`] (files → YAML trees with positions) → [`schema`] (JSON Schema) → [`catalog`] (typed
//! values) → [`resolve`] (effective regional entries) → [`rules`] (semantic rules) → [`diff`]
//! (conformance against the national standard, driven by [`policy`]) → [`render`] (text, JSON,
//! SARIF, GitHub, JUnit). [`check`] runs the pipeline; [`cli`] is the command line.

pub mod cache;
pub mod catalog;
pub mod changelog;
pub mod check;
pub mod cli;
pub mod dates;
pub mod diagnostic;
pub mod diff;
pub mod diff_report;
pub mod emit;
#[doc(hidden)]
pub mod fuzzing;
pub mod git;
pub mod labels;
pub mod load;
pub mod model;
pub mod policy;
pub mod render;
pub mod resolve;
pub mod rules;
pub mod schema;
pub mod since;
pub mod source;
pub mod yaml;
