//! Stage 3: the effective entry of a region for an item.
//!
//! docs/format.md (inheritance): a field present in an entry replaces the inherited value; an absent field is
//! inherited from the parent region's entry for the same item, else from the national item. No
//! deep merging: list lines link to the standard by `ref`. An [`Effective`] entry does not copy
//! anything: it is the chain of documents to look in, and [`Effective::get`] answers which one
//! holds a field, so every finding can point at the file and line the value came from.

use serde_json::Value;

use super::catalog::Catalog;
use super::lines::{Line, effective_lines, effective_lines_in};
use crate::load::Document;

/// A value of an effective entry and the document it comes from.
#[derive(Clone, Copy, Debug)]
pub struct Sourced<'a> {
    pub value: &'a Value,
    pub doc: usize,
    /// True when the value comes from the national item rather than a regional entry.
    pub national: bool,
}

/// The effective entry of one region for one national item.
#[derive(Clone, Debug)]
pub struct Effective {
    pub region: String,
    pub item: String,
    /// Entry documents, the region's own first, then its ancestors' nearest first.
    pub chain: Vec<usize>,
    /// The national item's document, when it exists and is valid.
    pub national: Option<usize>,
}

impl Effective {
    /// A region's local item seen as an entry: the one document is both the standard and the
    /// region's implementation (docs/format.md, local items), so its lists are its own lines,
    /// none of them "added".
    pub fn local(region: &str, code: &str, doc: usize) -> Effective {
        Effective {
            region: region.to_string(),
            item: code.to_string(),
            chain: vec![doc],
            national: Some(doc),
        }
    }

    /// Whether this is a local item (its own standard) rather than an entry for a national item.
    pub fn is_local(&self) -> bool {
        self.national == Some(self.own())
    }

    /// The document of the region's own entry.
    pub fn own(&self) -> usize {
        self.chain[0]
    }

    /// Where field `field` comes from: the nearest entry that states it, else the national item.
    pub fn get<'a>(&self, catalog: &'a Catalog, field: &str) -> Option<Sourced<'a>> {
        self.find(|doc| catalog.documents[doc].json.get(field))
    }

    /// [`Effective::get`] with the look-up of a field in one document given: the nearest entry
    /// where `lookup` finds it, else the national item.
    pub fn find<'a>(&self, lookup: impl Fn(usize) -> Option<&'a Value>) -> Option<Sourced<'a>> {
        self.inherited_from(&self.chain, &lookup).or_else(|| {
            let doc = self.national?;
            lookup(doc).map(|value| Sourced {
                value,
                doc,
                national: true,
            })
        })
    }

    /// The nearest of the parent regions' entries (not the region's own) where `lookup` finds
    /// the field.
    pub fn inherited<'a>(
        &self,
        lookup: impl Fn(usize) -> Option<&'a Value>,
    ) -> Option<Sourced<'a>> {
        self.inherited_from(&self.chain[1..], &lookup)
    }

    fn inherited_from<'a>(
        &self,
        chain: &[usize],
        lookup: &impl Fn(usize) -> Option<&'a Value>,
    ) -> Option<Sourced<'a>> {
        chain.iter().find_map(|&doc| {
            lookup(doc).map(|value| Sourced {
                value,
                doc,
                national: false,
            })
        })
    }

    /// Whether `field` of document `doc` (the region's own entry, a parent region's, or the
    /// national item) reaches the region's effective entry: no entry nearer the region states it.
    pub fn reaches(&self, catalog: &Catalog, doc: usize, field: &str) -> bool {
        self.chain
            .iter()
            .take_while(|&&d| d != doc)
            .all(|&d| catalog.documents[d].json.get(field).is_none())
    }

    /// Whether the region's own entry states `field` (so findings about it belong to this entry).
    pub fn states(&self, catalog: &Catalog, field: &str) -> bool {
        catalog.documents[self.own()].json.get(field).is_some()
    }

    pub fn own_doc<'a>(&self, catalog: &'a Catalog) -> &'a Document {
        &catalog.documents[self.own()]
    }

    /// The effective lines of a list field: the national list as the region restates it (lines
    /// merged by `ref`, dropped lines gone, additions marked `added`), or the national list.
    pub fn lines<'a>(&self, catalog: &'a Catalog, field: &str) -> Vec<Line<'a>> {
        let (national, regional) = self.list(catalog, field);
        effective_lines(national, regional)
    }

    /// [`Effective::lines`] for an applicant in one situation (see [`effective_lines_in`]).
    pub fn lines_in<'a>(
        &self,
        catalog: &'a Catalog,
        field: &str,
        situation: &str,
    ) -> Vec<Line<'a>> {
        let (national, regional) = self.list(catalog, field);
        effective_lines_in(national, regional, situation)
    }

    /// The situations (办理情形) this region handles: the national ones it does not omit, and
    /// the ones it adds (empty when the item has none).
    pub fn situations<'a>(&self, catalog: &'a Catalog) -> Vec<Line<'a>> {
        self.lines(catalog, "situations")
    }

    /// A list field of the national item, and as the nearest region that restates it has it.
    pub fn list<'a>(
        &self,
        catalog: &'a Catalog,
        field: &str,
    ) -> (Option<&'a Value>, Option<&'a Value>) {
        let national = self
            .national
            .and_then(|doc| catalog.documents[doc].json.get(field));
        let regional = self
            .get(catalog, field)
            .filter(|s| !s.national && !self.is_local())
            .map(|s| s.value);
        (national, regional)
    }
}

/// The effective entry of every valid regional entry, in (region, item) order.
pub fn effective_entries(catalog: &Catalog) -> Vec<Effective> {
    catalog
        .entries
        .iter()
        .map(|((region, item), entry)| {
            let mut chain = vec![entry.doc];
            for ancestor in catalog.ancestors(region) {
                if let Some(parent) = catalog.entries.get(&(ancestor.to_string(), item.clone())) {
                    chain.push(parent.doc);
                }
            }
            Effective {
                region: region.clone(),
                item: item.clone(),
                chain,
                national: catalog.items.get(item).map(|i| i.doc),
            }
        })
        .collect()
}
