//! The units of an incremental build: the nation and each region. A region's files (its pages,
//! guides, feed, open data, JSON-LD and workbook, under `portal/regions/<code>/`,
//! `guides/<code>/` and `opendata/regions/<code>/`) are made only from the national files and
//! the documents of the region and its ancestors, so a fingerprint of those inputs says whether
//! they can be taken from the previous build as they are, as whole folders.
//!
//! The fingerprint is deliberately wide: anything outside `catalog/regions/` (national items,
//! events, registries, settings), the schemas and policy, the templates, catalogc's version, the
//! reference date and whether feeds are written change every region's fingerprint.

use std::collections::BTreeMap;

use xxhash_rust::xxh3::Xxh3;

use super::Site;

/// The folders of a region's files, under the output folder.
pub fn region_dirs(region: &str) -> [String; 3] {
    [
        format!("portal/regions/{region}"),
        format!("guides/{region}"),
        format!("opendata/regions/{region}"),
    ]
}

/// The region whose folders hold `path` (a path under the output folder), if any.
pub fn region_of(path: &str) -> Option<&str> {
    let rest = path
        .strip_prefix("portal/regions/")
        .or_else(|| path.strip_prefix("guides/"))
        .or_else(|| path.strip_prefix("opendata/regions/"))?;
    let (region, _) = rest.split_once('/')?;
    Some(region)
}

/// The documents of the catalog by region folder, and the fingerprint of everything national.
pub struct Units {
    /// Each region folder's documents (indices into `catalog.documents`), in path order.
    folders: BTreeMap<String, Vec<usize>>,
    /// The documents outside `catalog/regions/`.
    national: Vec<usize>,
    /// The hash of every input each region shares.
    global: u128,
}

impl Units {
    pub fn new(site: &Site<'_>, policy: &str) -> Units {
        let catalog = site.catalog;
        let mut folders: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut national = Vec::new();
        for (i, doc) in catalog.documents.iter().enumerate() {
            match region_folder(&doc.source.path) {
                Some(region) => folders.entry(region.to_string()).or_default().push(i),
                None => national.push(i),
            }
        }
        let mut hasher = Xxh3::new();
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        hasher.update(&site.templates.fingerprint.to_le_bytes());
        hasher.update(&catalog.today.to_le_bytes());
        hasher.update(&[site.feeds as u8]);
        field(&mut hasher, policy.as_bytes());
        for (name, _) in crate::load::schema::BUILT_IN {
            let text = crate::load::schema::schema_text(&catalog.root, name)
                .map(|t| t.0)
                .unwrap_or_default();
            field(&mut hasher, text.as_bytes());
        }
        for &i in &national {
            document(&mut hasher, site, i);
        }
        Units {
            folders,
            national,
            global: hasher.digest128(),
        }
    }

    /// The fingerprint of the inputs every region shares (the national files, schemas, policy,
    /// templates, version, reference date, feeds).
    pub fn national(&self) -> u128 {
        self.global
    }

    /// The fingerprint of `region`'s files: the national inputs, the documents of the region and
    /// of its ancestors, and its feed (which changes with the commits, not the files).
    pub fn key(&self, site: &Site<'_>, region: &str, feed: Option<&[u8]>) -> u128 {
        let mut hasher = Xxh3::new();
        hasher.update(&self.global.to_le_bytes());
        field(&mut hasher, region.as_bytes());
        for folder in std::iter::once(region).chain(site.catalog.ancestors(region)) {
            field(&mut hasher, folder.as_bytes());
            for &i in self.folders.get(folder).into_iter().flatten() {
                document(&mut hasher, site, i);
            }
        }
        if let Some(feed) = feed {
            field(&mut hasher, feed);
        }
        hasher.digest128()
    }

    /// The newest `reviewed` date of the national documents and, for a region, of its documents
    /// and its ancestors' (the creation time of its workbook).
    pub fn newest_reviewed<'s>(&self, site: &Site<'s>, region: Option<&str>) -> Option<&'s str> {
        let catalog = site.catalog;
        let regional = region
            .into_iter()
            .flat_map(|r| std::iter::once(r).chain(catalog.ancestors(r)))
            .flat_map(|folder| self.folders.get(folder).into_iter().flatten());
        self.national
            .iter()
            .chain(regional)
            .filter_map(|&i| catalog.documents[i].json.get("reviewed")?.as_str())
            .max()
    }
}

/// `catalog/regions/<code>/…` → `<code>`.
fn region_folder(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("catalog/regions/")?;
    rest.split_once('/').map(|(region, _)| region)
}

fn field(hasher: &mut Xxh3, bytes: &[u8]) {
    hasher.update(&(bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// A document's path and text, and the published copy of each attachment it references (the
/// content hash is in the name): a form replaced under the same name changes the pages that link
/// it, though the YAML is the same.
fn document(hasher: &mut Xxh3, site: &Site<'_>, i: usize) {
    let document = &site.catalog.documents[i];
    let source = &document.source;
    field(hasher, source.path.as_bytes());
    field(hasher, source.text.as_bytes());
    // Nothing published, nothing linked: no need to walk every document for its references.
    if site.files.is_empty() || !crate::load::attachments::may_reference(&source.text) {
        return;
    }
    for reference in crate::load::attachments::references(&document.json) {
        let object = reference
            .pointer
            .strip_suffix("/file")
            .and_then(|p| document.json.pointer(p));
        match site.files.get(object) {
            Some(published) => field(hasher, published.href.as_bytes()),
            None => field(hasher, b""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_belongs_to_the_region_whose_folder_holds_it() {
        assert_eq!(
            region_of("portal/regions/440300/index.html"),
            Some("440300")
        );
        assert_eq!(region_of("guides/440300/000120010000.md"), Some("440300"));
        assert_eq!(
            region_of("opendata/regions/440300/entries.csv"),
            Some("440300")
        );
        assert_eq!(region_of("portal/items/000120010000.html"), None);
        assert_eq!(region_of("opendata/entries.csv"), None);
        assert_eq!(
            region_folder("catalog/regions/440300/local/x.yaml"),
            Some("440300")
        );
        assert_eq!(region_folder("catalog/national/x.yaml"), None);
    }
}
