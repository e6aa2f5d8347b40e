//! The pipeline up to the findings: load → validate → resolve → rules beside the conformance diff.
//!
//! `check`, `diff`, `build` and `changelog` all start here; `check` only renders what this returns.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

pub mod memo;
pub mod units;

use crate::check;
use crate::diagnostic::messages::Lang;
use crate::diagnostic::{self, Diagnostic};
use crate::diff::{self, Conformance};
use crate::load::policy::Policy;
use crate::load::schema::{FieldLabels, SchemaError, Schemas};
use crate::load::{self, Document};
use crate::resolve::Resolved;
use crate::resolve::catalog::Catalog;

/// What the caller can choose.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Reference date (days since 1970-01-01) for reviews and expiry; today when absent.
    pub as_of: Option<i64>,
    /// Only report on these regions (and on the national files); all when empty.
    pub regions: Vec<String>,
    /// Only load and report what a change can affect (`check --since`).
    pub selection: Option<crate::load::since::Selection>,
    /// Use the content-addressed cache in `.catalogc-cache/`.
    pub cache: bool,
    /// Resolve and diff only, without the rules (for comparing past revisions).
    pub skip_rules: bool,
    /// The language of the messages (`--lang`); the catalog's `language` when absent.
    pub lang: Option<Lang>,
    /// Compile the whole catalog at once rather than one province at a time ([`units`]): the
    /// reference the unit-by-unit run is tested against.
    pub whole_catalog: bool,
    /// `changelog` and `build`'s feeds: how many files of region folders a commit that reaches
    /// every province compiles at once ([`crate::history::PART_FILES`] when absent).
    pub part_files: Option<usize>,
    /// With `regions`: compile and report the whole units (provinces) they belong to, not only
    /// their folders (a shard, see [`units`]).
    pub whole_units: bool,
    /// With `cache`: take a unit's findings from `.catalogc-cache/units/` when its inputs are
    /// unchanged ([`memo`]). Only for a caller that needs nothing of a unit but its findings
    /// (`check`): a unit taken from the memo is not compiled, so `per_unit` never sees it.
    pub memo: bool,
    /// In a province's compile ([`units`]): the region folders whose files' findings it keeps.
    /// The checks of one file at a time (its attachments, the rules that read one document)
    /// skip every other file, whose findings the unit that owns it keeps; `None` checks all.
    pub own_folders: Option<Vec<String>>,
}

/// Everything the pipeline computed.
pub struct Compiled {
    pub resolved: Resolved,
    /// The schemas' Chinese field titles, for every output that names a field.
    pub labels: Arc<FieldLabels>,
    pub policy_document: Document,
    pub conformance: Conformance,
    pub diagnostics: Vec<Diagnostic>,
    /// The language the messages were written in.
    pub lang: Lang,
}

/// What a check applies, read once: the schemas, the conformance policy, the input limits.
pub struct Standard {
    /// What, besides a file's bytes, decides how it parses and validates (for the cache).
    pub fingerprint: u128,
    pub schemas: Schemas,
    pub policy: Policy,
    pub policy_document: Document,
    pub policy_diagnostics: Vec<Diagnostic>,
    pub limits: crate::load::yaml::Limits,
    /// The language of the messages: `lang` if given, else the catalog's `language`.
    pub lang: Lang,
}

impl Standard {
    pub fn load(root: &Path, lang: Option<Lang>) -> Result<Standard, SchemaError> {
        let mut limits = load::limits(root);
        let lang = lang.unwrap_or_else(|| load::language(root));
        // The loader's own messages (full-width slips, syntax errors) follow `--lang` too.
        limits.lang = lang;
        let schemas = Schemas::load(root)?;
        // Not the language: the cache holds only clean documents, never a finding's words, so
        // runs in Chinese and in English share it (tests/messages.rs runs both on one cache).
        let unspoken = crate::load::yaml::Limits {
            lang: Lang::default(),
            ..limits
        };
        let mut parts = vec![format!("{unspoken:?}").into_bytes()];
        for (name, _) in crate::load::schema::BUILT_IN {
            parts.push(crate::load::schema::schema_text(root, name)?.0.into_bytes());
        }
        let fingerprint =
            crate::load::cache::fingerprint(&parts.iter().map(Vec::as_slice).collect::<Vec<_>>());
        let (policy, policy_document, policy_diagnostics) =
            Policy::load(root, &schemas, limits, lang)?;
        Ok(Standard {
            fingerprint,
            schemas,
            policy,
            policy_document,
            policy_diagnostics,
            limits,
            lang,
        })
    }
}

/// Run the pipeline on the catalog at `root`. `Err` means catalogc cannot run (a broken schema).
pub fn compile(root: &Path, options: &Options) -> Result<Compiled, SchemaError> {
    let standard = Standard::load(root, options.lang)?;
    let cache = options
        .cache
        .then(|| crate::load::cache::Cache::open(root, standard.fingerprint));
    let validate = |document: &Document| standard.schemas.validate(document, standard.lang);
    let loaded = match &options.selection {
        Some(selection) => load::load_some(
            root,
            standard.limits,
            standard.lang,
            &|rel| selection.loads(rel),
            selection.narrow(),
            cache.as_ref(),
            Some(&validate),
        ),
        None => load::load_some(
            root,
            standard.limits,
            standard.lang,
            &|_| true,
            None,
            cache.as_ref(),
            Some(&validate),
        ),
    };
    // Every document was validated while loading, so the cache is complete: write it now and
    // free it before the rules and the diff need the memory.
    if let Some(cache) = cache {
        cache.save(options.selection.is_none());
    }
    Ok(analyse(&standard, loaded, options))
}

/// Everything after reading the files: validate, assemble, run the rules and the diff.
pub fn analyse(standard: &Standard, loaded: load::Loaded, options: &Options) -> Compiled {
    let mut diagnostics = loaded.diagnostics;
    let mut documents = loaded.documents;

    // Documents not validated while loading (loaded without a validator) are validated here.
    let validated: Vec<Vec<Diagnostic>> = documents
        .par_iter_mut()
        .map(|document| {
            document.check_schema(|d| standard.schemas.validate(d, standard.lang), None)
        })
        .collect();
    diagnostics.extend(validated.into_iter().flatten());
    diagnostics.extend(standard.policy_diagnostics.iter().cloned());
    if !options.skip_rules {
        let keeps = |d: &Document| Catalog::keeps(options.own_folders.as_deref(), d);
        diagnostics.extend(load::attachments::check(
            &loaded.root,
            documents.iter().filter(|d| keeps(d)),
            &loaded.attachments,
            standard.limits,
            standard.lang,
            options.selection.is_some(),
        ));
    }

    let today = options.as_of.unwrap_or_else(crate::dates::today);
    // The catalog in force on the reference date: scheduled changes whose date has come.
    for document in documents.iter_mut().filter(|d| d.valid) {
        load::scheduled::apply(document, today);
    }
    let root = loaded.root.clone();
    let bar = crate::progress::phase("合并地区并检查规则与一致性", 0);
    let mut catalog = Catalog::assemble(
        loaded.root,
        documents,
        &loaded.listed,
        today,
        standard.lang,
        &mut diagnostics,
    );
    catalog.keep_only(options.own_folders.as_deref());
    let resolved = Resolved::new(catalog, &standard.policy);
    // The rules and the diff only read the catalog: run them side by side.
    let (found, mut conformance) = rayon::join(
        || {
            if options.skip_rules {
                Vec::new()
            } else {
                check::run(&resolved)
            }
        },
        || diff::diff(&resolved, &standard.policy),
    );
    bar.finish();
    diagnostics.extend(found);
    diagnostics.append(&mut conformance.diagnostics);
    // Acknowledged findings are marked (they stop counting toward the exit status only).
    crate::load::suppress::apply(
        &resolved.catalog.documents,
        &mut diagnostics,
        &root,
        today,
        standard.limits.lang,
    );

    if let Some(selection) = &options.selection {
        diagnostics.retain(|d| selection.reports(&d.file));
    }
    if !options.regions.is_empty() {
        diagnostics.retain(|d| in_regions(&d.file, &options.regions));
        conformance
            .regions
            .retain(|r| options.regions.contains(&r.code));
    }
    diagnostic::sort(&mut diagnostics);
    Compiled {
        resolved,
        labels: standard.schemas.labels(),
        policy_document: standard.policy_document.clone(),
        conformance,
        diagnostics,
        lang: standard.lang,
    }
}

/// Whether a file concerns one of `regions`: files outside `catalog/regions/` concern everyone.
fn in_regions(file: &str, regions: &[String]) -> bool {
    match file.strip_prefix("catalog/regions/") {
        Some(rest) => regions
            .iter()
            .any(|r| rest.split('/').next() == Some(r.as_str())),
        None => true,
    }
}
