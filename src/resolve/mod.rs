//! Stage 2: from schema-valid documents to the catalog as it applies in each region.
//!
//! [`catalog`] turns the documents into typed, indexed values; [`effective`] computes the
//! effective entry of every region for every item it implements (national ⊕ province ⊕ city, each
//! value knowing the file that states it); [`lines`] merges list lines by `ref`; [`view`] is the
//! typed accessor of every catalog field that a later stage reads; [`labels`] are the Chinese
//! words for the format's enumerations and the one formatter of a time limit. Everything after
//! this stage reads the catalog through a [`Resolved`].

pub mod catalog;
pub mod effective;
pub mod labels;
pub mod limits;
pub mod lines;
pub mod model;
pub mod view;

use std::collections::BTreeMap;

pub use effective::{Effective, Sourced};
pub use lines::Line;

use crate::load::policy::{FieldPolicy, Policy};
use catalog::Catalog;

/// The hand-off of this stage: the catalog and the effective entry of every valid regional entry.
#[derive(Debug, Default)]
pub struct Resolved {
    pub catalog: Catalog,
    /// The list fields whose lines restate national lines by `ref` (`narrow: fewer` in
    /// `policy.yaml`), in the policy's order.
    pub line_fields: Vec<String>,
    /// Sorted by (region, item).
    pub effective: Vec<Effective>,
    /// Every region's local items as entries ([`Effective::local`]), sorted by (region, code).
    pub local: Vec<Effective>,
    /// Indices into `effective` by national item code.
    by_item: BTreeMap<String, Vec<usize>>,
}

impl Resolved {
    /// Resolve every regional entry of `catalog`; `policy` says which fields are lists of lines.
    pub fn new(catalog: Catalog, policy: &Policy) -> Resolved {
        let effective = effective::effective_entries(&catalog);
        let mut by_item: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, e) in effective.iter().enumerate() {
            by_item.entry(e.item.clone()).or_default().push(i);
        }
        let line_fields = policy
            .fields
            .iter()
            .filter(|(_, rule)| matches!(rule, FieldPolicy::Fewer { .. }))
            .map(|(name, _)| name.clone())
            .collect();
        let mut local: Vec<Effective> = catalog
            .local_items
            .iter()
            .map(|((region, _), l)| Effective::local(region, &l.value.item.code, l.doc))
            .collect();
        local.sort_by(|a, b| (&a.region, &a.item).cmp(&(&b.region, &b.item)));
        Resolved {
            catalog,
            line_fields,
            effective,
            local,
            by_item,
        }
    }

    /// Whether `field` is a list of lines that restate national lines by `ref`.
    pub fn is_line_field(&self, field: &str) -> bool {
        self.line_fields.iter().any(|f| f == field)
    }

    /// The effective entry of `region` for `item`.
    pub fn effective_of(&self, region: &str, item: &str) -> Option<&Effective> {
        self.effective
            .binary_search_by(|e| (e.region.as_str(), e.item.as_str()).cmp(&(region, item)))
            .ok()
            .map(|i| &self.effective[i])
    }

    /// Every region's effective entry for `item`, in region order.
    pub fn effective_for_item<'a>(
        &'a self,
        item: &str,
    ) -> impl Iterator<Item = &'a Effective> + 'a {
        self.by_item
            .get(item)
            .into_iter()
            .flatten()
            .map(|&i| &self.effective[i])
    }
}

#[cfg(test)]
mod tests;
