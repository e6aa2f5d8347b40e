//! Incremental builds (issue 18, point 3): a region whose inputs did not change keeps its folders
//! (moved as a whole from the previous output), a changed one is made again, the national pages
//! follow every change, and the output is byte-identical to a build from scratch (`--no-cache`),
//! hidden manifests included. A build killed while it moves folders leaves the previous output
//! whole for the next build to find.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;

/// The paths where two trees differ (for a readable failure).
fn differences(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut paths: Vec<String> = a
        .keys()
        .chain(b.keys())
        .filter(|p| a.get(*p) != b.get(*p))
        .cloned()
        .collect();
    paths.dedup();
    paths
}

fn ok(output: std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    stderr
}

/// The output at `site` is byte for byte what a `--no-cache` build of `root` into `fresh` writes.
fn same_as_from_scratch(root: &Path, site: &Path, fresh: &Path) {
    ok(build(root, fresh, &["--no-cache"]));
    assert_eq!(
        differences(&files(site), &files(fresh)),
        Vec::<String>::new()
    );
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .ino()
}

/// The sample catalog in a git repository of two commits, so that the build writes feeds.
fn sample_repo() -> tempfile::TempDir {
    let dir = sample_copy();
    commit_all(dir.path(), "样例目录");
    merge(
        dir.path(),
        "catalog/regions/440300/002000112001.yaml",
        "reviewed: 2025-10-01\n",
    );
    commit_all(dir.path(), "深圳市居住证申领：复核");
    dir
}

#[cfg(unix)]
#[test]
fn one_changed_entry_remakes_its_region_and_the_national_pages_and_nothing_else() {
    let dir = sample_repo();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    ok(build(dir.path(), &site, &[]));
    // 广东 (440000) is the parent of 深圳 (440300), whose child is 福田 (440304); 湖南 (430000)
    // is elsewhere.
    let folders = |region: &str| {
        [
            format!("portal/regions/{region}"),
            format!("guides/{region}"),
            format!("opendata/regions/{region}"),
        ]
    };
    let before: BTreeMap<String, u64> = ["440000", "440300", "440304", "430000"]
        .iter()
        .flat_map(|r| folders(r))
        .filter(|f| site.join(f).is_dir())
        .map(|f| (f.clone(), inode(&site.join(&f))))
        .collect();
    assert!(before.contains_key("opendata/regions/430000"), "{before:?}");

    // Nothing changed: every region's folders are the previous ones, moved.
    let unchanged = files(&site);
    ok(build(dir.path(), &site, &[]));
    assert_eq!(differences(&unchanged, &files(&site)), Vec::<String>::new());
    for (folder, ino) in &before {
        assert_eq!(inode(&site.join(folder)), *ino, "{folder} was made again");
    }

    // One entry of 深圳 changes (committed, so the feeds change too).
    let item_before = std::fs::read(site.join("portal/items/002000112001.html")).unwrap();
    // The page of an item 深圳's change does not touch, as the previous build made it.
    let other_item = site.join("portal/items/000700180003.html");
    let other_before = inode(&other_item);
    merge(
        dir.path(),
        "catalog/regions/440300/002000112001.yaml",
        "service_points: [{address: 深圳市福田区福中三路2012号}]\ncommitted_limit: {days: 7, unit: working_day}\n",
    );
    commit_all(dir.path(), "深圳市居住证申领：办理地点、承诺时限");
    ok(build(dir.path(), &site, &[]));
    // 深圳 and the region below it are made again; its parent and the other provinces are not.
    for (folder, ino) in &before {
        let again = inode(&site.join(folder)) != *ino;
        let expected = folder.contains("440300") || folder.contains("440304");
        assert_eq!(again, expected, "{folder}: made again {again}");
    }
    let guide =
        std::fs::read_to_string(site.join("portal/regions/440300/002000112001.html")).unwrap();
    assert!(guide.contains("福中三路2012号"));
    // The national pages follow: the item page's column for 深圳, the national feed.
    let item = std::fs::read_to_string(site.join("portal/items/002000112001.html")).unwrap();
    assert!(item.as_bytes() != item_before && item.contains("7个工作日"));
    // The other item's page was taken from the previous output (linked), not made again.
    assert_eq!(
        inode(&other_item),
        other_before,
        "an unchanged item page was made again"
    );
    let feed = std::fs::read_to_string(site.join("portal/feed.xml")).unwrap();
    assert!(feed.contains("7个工作日"), "{feed}");
    let region_feed = std::fs::read_to_string(site.join("portal/regions/440300/feed.xml")).unwrap();
    assert!(region_feed.contains("7个工作日"));

    // The whole output is what a build from scratch writes, byte for byte.
    same_as_from_scratch(dir.path(), &site, &out.path().join("fresh"));

    // A change to a national item reaches every region.
    merge(
        dir.path(),
        "catalog/national/002000112001.yaml",
        "reviewed: 2026-01-05\n",
    );
    ok(build(dir.path(), &site, &[]));
    assert_ne!(
        inode(&site.join("opendata/regions/430000")),
        before["opendata/regions/430000"]
    );
    same_as_from_scratch(dir.path(), &site, &out.path().join("fresh2"));
}

#[cfg(unix)]
#[test]
fn a_region_manifest_that_does_not_describe_the_output_is_not_trusted() {
    let dir = copy_of("base");
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    ok(build(dir.path(), &site, &[]));
    let folder = site.join("opendata/regions/440000");
    let ino = inode(&folder);
    let manifest = site.join(".catalogc-regions");
    let text = std::fs::read_to_string(&manifest).unwrap();
    assert!(text.lines().any(|l| l.ends_with(" 440000")), "{text}");
    let lied: String = text
        .lines()
        .map(|l| match l.split_once(' ') {
            Some((_, rest)) if l.len() > 40 => format!("{} {rest}\n", "0".repeat(32)),
            _ => format!("{l}\n"),
        })
        .collect();
    std::fs::write(&manifest, lied).unwrap();
    ok(build(dir.path(), &site, &[]));
    assert_ne!(inode(&folder), ino, "a region with another key was moved");
    same_as_from_scratch(dir.path(), &site, &out.path().join("fresh"));
}

/// A build killed while it moved folders out of the previous output (a journal beside the output
/// names them, some are in its staging folder) or just after it moved the previous output aside:
/// the next build, even one that fails, first puts everything back.
#[cfg(unix)]
#[test]
fn a_build_killed_while_moving_folders_is_undone_by_the_next_one() {
    let dir = copy_of("base");
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    ok(build(dir.path(), &site, &[]));
    let good = files(&site);
    let broken_template = |root: &Path| {
        std::fs::create_dir_all(root.join("output-templates")).unwrap();
        // Fails while rendering, inside the build (not while the templates load).
        std::fs::write(
            root.join("output-templates/guide.html"),
            "{% extends \"builtin/guide.html\" %}{% block content %}{{ guide.name | no_such_filter }}{% endblock %}",
        )
        .unwrap();
    };
    broken_template(dir.path());

    for aside in [false, true] {
        // What a killed build leaves: two folders moved into its staging folder, the journal.
        let staging = out.path().join(".site.tmp-4242424");
        let moved = ["portal/regions/440000", "opendata/regions/440300"];
        for folder in moved {
            std::fs::create_dir_all(staging.join(folder).parent().unwrap()).unwrap();
            std::fs::rename(site.join(folder), staging.join(folder)).unwrap();
        }
        std::fs::write(
            out.path().join(".site.moves-4242424"),
            format!("{}\nguides/440000\n", moved.join("\n")),
        )
        .unwrap();
        if aside {
            // Killed after moving the previous output aside, before putting the new one in place.
            std::fs::rename(&site, out.path().join(".site.old-4242424")).unwrap();
        }
        let failed = build(dir.path(), &site, &[]);
        assert_eq!(failed.status.code(), Some(2));
        assert_eq!(
            differences(&good, &files(&site)),
            Vec::<String>::new(),
            "aside: {aside}"
        );
        let left: Vec<String> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, ["site"], "aside: {aside}");
    }

    // And a good build after it makes what a build from scratch makes.
    std::fs::remove_dir_all(dir.path().join("output-templates")).unwrap();
    ok(build(dir.path(), &site, &[]));
    same_as_from_scratch(dir.path(), &site, &out.path().join("fresh"));
}

/// A form replaced under the same file name (the YAML unchanged) is published under its new
/// content name, and the region's pages that link it are made again: before, the region's
/// folders were reused with a link to the old copy, which the new output no longer has.
#[cfg(unix)]
#[test]
fn a_replaced_attachment_remakes_the_pages_that_link_it() {
    let dir = sample_repo();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    ok(build(dir.path(), &site, &[]));
    let guide = "portal/regions/430624/000700180003.html";
    let href = |site: &Path| -> String {
        // Attribute values escape `/` as `&#x2f;`.
        let page = std::fs::read_to_string(site.join(guide))
            .unwrap()
            .replace("&#x2f;", "/");
        let at = page.find("files/").expect("a published form");
        page[at..at + page[at..].find('"').unwrap()].to_string()
    };
    let old = href(&site);
    let form = dir
        .path()
        .join("catalog/regions/430624/000700180003/不动产登记申请书.pdf");
    let mut bytes = std::fs::read(&form).unwrap();
    bytes.extend_from_slice(b"\n% revised 2026\n");
    std::fs::write(&form, bytes).unwrap();
    ok(build(dir.path(), &site, &[]));
    let new = href(&site);
    assert_ne!(new, old);
    assert!(site.join("portal").join(&new).is_file(), "{new}");
    same_as_from_scratch(dir.path(), &site, &out.path().join("fresh"));
}

/// `reports/conformance.json` is streamed to its file (it is hundreds of MB at 50k entries):
/// unchanged, it is the previous build's file, linked; changed, it is a build from scratch's.
#[cfg(unix)]
#[test]
fn the_streamed_conformance_report_is_kept_when_unchanged_and_rewritten_when_changed() {
    let dir = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    ok(build(dir.path(), &site, &[]));
    let report = site.join("reports/conformance.json");
    let first = std::fs::read(&report).unwrap();
    let ino = inode(&report);
    ok(build(dir.path(), &site, &[]));
    assert_eq!(
        inode(&report),
        ino,
        "an unchanged report is linked, not written"
    );
    assert_eq!(std::fs::read(&report).unwrap(), first);

    // Same length, other bytes: 7 → 8 working days in 深圳's limit.
    merge(
        dir.path(),
        "catalog/regions/440300/002000112001.yaml",
        "committed_limit: {days: 7, unit: working_day}\n",
    );
    ok(build(dir.path(), &site, &[]));
    let seven = std::fs::read(&report).unwrap();
    merge(
        dir.path(),
        "catalog/regions/440300/002000112001.yaml",
        "committed_limit: {days: 8, unit: working_day}\n",
    );
    let stderr = ok(build(dir.path(), &site, &[]));
    let eight = std::fs::read(&report).unwrap();
    assert_eq!(seven.len(), eight.len(), "{stderr}");
    assert_ne!(seven, eight);
    let fresh = out.path().join("fresh");
    ok(build(dir.path(), &fresh, &["--no-cache"]));
    assert_eq!(
        std::fs::read(fresh.join("reports/conformance.json")).unwrap(),
        eight
    );
}

/// The line a build writes when it took provinces from the last build's records.
fn kept(stderr: &str) -> Option<(usize, usize)> {
    let line = stderr
        .lines()
        .find(|l| l.contains("provinces were unchanged since the last build"))?;
    let mut numbers = line.split(' ').filter_map(|w| w.parse::<usize>().ok());
    Some((numbers.next()?, numbers.next()?))
}

/// How many regions of the provinces compiled again were unchanged, and how many there were.
fn regions_kept(stderr: &str) -> Option<(usize, usize)> {
    let line = stderr
        .lines()
        .find(|l| l.contains("regions of the provinces compiled again were unchanged"))?;
    let mut numbers = line.split(' ').filter_map(|w| w.parse::<usize>().ok());
    Some((numbers.next()?, numbers.next()?))
}

/// 深圳's 居住证 entry given a committed limit of `days` working days, committed, and built into
/// `site`: the build's messages.
fn shenzhen_limit(root: &Path, site: &Path, days: u32) -> String {
    merge(
        root,
        "catalog/regions/440300/002000112001.yaml",
        &format!("committed_limit: {{days: {days}, unit: working_day}}\n"),
    );
    commit_all(root, &format!("深圳市居住证申领：{days} 个工作日"));
    ok(build(root, site, &[]))
}

/// The records of the units' parts of a build.
fn records(root: &Path) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(root.join(".catalogc-cache/builds"))
        .map(|d| {
            d.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "bin"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

/// A province whose inputs (its files, the national ones, the templates, its regions' feeds) are
/// those of the last build is neither compiled nor summarised: its regions' folders are moved
/// from the previous output and what the national pages and the report need of it is read from
/// the record that build left. The output is a build from scratch's at every step.
#[cfg(unix)]
#[test]
fn an_unchanged_province_is_taken_from_the_last_builds_record_with_the_same_output() {
    let dir = sample_repo();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let fresh = out.path().join("fresh");
    let first = ok(build(dir.path(), &site, &[]));
    assert_eq!(kept(&first), None, "nothing to take yet: {first}");
    // The sample's seven provinces, one record each.
    assert_eq!(records(dir.path()).len(), 7);

    let again = ok(build(dir.path(), &site, &[]));
    assert_eq!(kept(&again), Some((7, 7)), "{again}");
    same_as_from_scratch(dir.path(), &site, &fresh);

    // One entry of 深圳 changed and committed: 广东 is compiled again (its files and its regions'
    // feeds changed), the six others are taken from their records.
    let one = shenzhen_limit(dir.path(), &site, 8);
    assert_eq!(kept(&one), Some((6, 7)), "{one}");
    // Of 广东's four regions, 广东 itself and 珠海 (440200) are unchanged: their summaries and
    // parts of the report come from 广东's last record, and the national pages and the report
    // are still a build from scratch's.
    assert_eq!(regions_kept(&one), Some((2, 4)), "{one}");
    same_as_from_scratch(dir.path(), &site, &fresh);
    let guide =
        std::fs::read_to_string(site.join("portal/regions/440300/002000112001.html")).unwrap();
    assert!(guide.contains('8'), "{guide}");

    // An entry of 湖南 changed in the work tree, not committed (no feed changed): 湖南 alone is
    // compiled.
    merge(
        dir.path(),
        "catalog/regions/430000/000700201002.yaml",
        "contact: {phone: \"0731-12345679\", complaint: \"12345\"}\n",
    );
    let uncommitted = ok(build(dir.path(), &site, &[]));
    assert_eq!(kept(&uncommitted), Some((6, 7)), "{uncommitted}");
    same_as_from_scratch(dir.path(), &site, &fresh);
    // Committed: 湖南's files are those of its record, but its regions' feeds now list the
    // change, so it is compiled again.
    commit_all(dir.path(), "湖南省出生登记：咨询电话");
    let committed = ok(build(dir.path(), &site, &[]));
    assert_eq!(kept(&committed), Some((6, 7)), "{committed}");
    same_as_from_scratch(dir.path(), &site, &fresh);
    let feed = std::fs::read_to_string(site.join("portal/regions/430000/feed.xml")).unwrap();
    assert!(feed.contains("000700201002"), "{feed}");

    // A national file changed: every province's pages may change, none is taken.
    merge(
        dir.path(),
        "catalog/national/002000112001.yaml",
        "reviewed: 2025-11-01\n",
    );
    let national = ok(build(dir.path(), &site, &[]));
    assert_eq!(kept(&national), None, "{national}");
    same_as_from_scratch(dir.path(), &site, &fresh);
    // The records of the inputs that are gone are deleted: one per province again.
    assert_eq!(records(dir.path()).len(), 7);

    // `--no-cache` neither reads nor writes records.
    let before: Vec<_> = records(dir.path())
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    let uncached = ok(build(dir.path(), &site, &["--no-cache"]));
    assert_eq!(kept(&uncached), None, "{uncached}");
    let after: Vec<_> = records(dir.path())
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert_eq!(before, after);
}

/// A record is used whole or not at all: a damaged one, one whose regions' folders are gone from
/// the previous output, or the memo of findings that `check` left without a record, each has its
/// province compiled again, with a build from scratch's output; stray files are deleted.
#[cfg(unix)]
#[test]
fn a_damaged_record_or_a_region_gone_from_the_output_has_its_province_compiled_again() {
    let dir = sample_repo();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let fresh = out.path().join("fresh");
    // `check` first: its memo of findings has every province, and no record exists yet.
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["check", "--lang", "en", "--as-of", AS_OF, "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(check.status.code() == Some(0), "{check:?}");
    let first = ok(build(dir.path(), &site, &[]));
    assert_eq!(kept(&first), None, "{first}");
    same_as_from_scratch(dir.path(), &site, &fresh);

    // One byte changed in the middle of every record, one record cut short, a stray file.
    let paths = records(dir.path());
    for (i, path) in paths.iter().enumerate() {
        let mut bytes = std::fs::read(path).unwrap();
        if i == 0 {
            bytes.truncate(bytes.len() - 3);
        } else {
            let middle = bytes.len() / 2;
            bytes[middle] ^= 0x20;
        }
        std::fs::write(path, bytes).unwrap();
    }
    let stray = dir.path().join(".catalogc-cache/builds/stray.bin");
    std::fs::write(&stray, "not a record").unwrap();
    let damaged = ok(build(dir.path(), &site, &[]));
    assert_eq!(kept(&damaged), None, "{damaged}");
    same_as_from_scratch(dir.path(), &site, &fresh);
    assert!(!stray.exists());
    let mended = ok(build(dir.path(), &site, &[]));
    assert_eq!(kept(&mended), Some((7, 7)), "{mended}");

    // 福田 (440304, in 广东) deleted from the output: 广东 is compiled and its folders made again.
    for folder in [
        "portal/regions/440304",
        "guides/440304",
        "opendata/regions/440304",
    ] {
        std::fs::remove_dir_all(site.join(folder)).unwrap();
    }
    let gone = ok(build(dir.path(), &site, &[]));
    assert_eq!(kept(&gone), Some((6, 7)), "{gone}");
    assert!(site.join("portal/regions/440304/index.html").is_file());
    same_as_from_scratch(dir.path(), &site, &fresh);
}

/// The conformance report (hundreds of MB at 50k entries) is not made again when every
/// province's inputs are those of the build that wrote it and the previous output still holds
/// the file that build recorded (its length and hash): a file planted in its place with the
/// recorded length and hash is taken as it is, which shows it was not made again; a file that
/// is not the recorded one is made again, and so is the report of a changed catalog.
#[cfg(unix)]
#[test]
fn an_unchanged_report_is_taken_from_the_previous_output_and_a_different_file_is_made_again() {
    let dir = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    ok(build(dir.path(), &site, &[]));
    let report = site.join("reports/conformance.json");
    let made = std::fs::read(&report).unwrap();
    let record = dir.path().join(".catalogc-cache/builds/report");
    let text = std::fs::read_to_string(&record).unwrap();
    // The same length, one digit changed, and the record saying so.
    let at = made.iter().position(u8::is_ascii_digit).unwrap();
    let mut planted = made.clone();
    planted[at] = if made[at] == b'9' { b'8' } else { made[at] + 1 };
    std::fs::remove_file(&report).unwrap();
    std::fs::write(&report, &planted).unwrap();
    let hash = xxhash_rust::xxh3::xxh3_128(&planted);
    let words: Vec<&str> = text.lines().nth(1).unwrap().split(' ').collect();
    assert_eq!(words[1], made.len().to_string(), "{text}");
    std::fs::write(
        &record,
        format!("catalogc report 1\n{} {} {hash:032x}\n", words[0], words[1]),
    )
    .unwrap();
    let stderr = ok(build(dir.path(), &site, &[]));
    assert!(stderr.contains("7 of 7 provinces"), "{stderr}");
    assert_eq!(std::fs::read(&report).unwrap(), planted, "taken as it is");

    // The previous file changed behind the record's back: made again, as a build from scratch.
    let mut other = planted.clone();
    other[at] = made[at];
    other[at + 1..].reverse();
    std::fs::remove_file(&report).unwrap();
    std::fs::write(&report, &other).unwrap();
    ok(build(dir.path(), &site, &[]));
    assert_eq!(std::fs::read(&report).unwrap(), made);
    same_as_from_scratch(dir.path(), &site, &out.path().join("fresh"));

    // A changed entry: a new report, as a build from scratch's.
    merge(
        dir.path(),
        "catalog/regions/440300/002000112001.yaml",
        "committed_limit: {days: 8, unit: working_day}\n",
    );
    ok(build(dir.path(), &site, &[]));
    assert_ne!(std::fs::read(&report).unwrap(), made);
    same_as_from_scratch(dir.path(), &site, &out.path().join("fresh2"));
}

/// Where the report's piece `region` (the region's result, section 0) is in the last report:
/// its place and length, from `.catalogc-cache/builds/report-pieces`.
fn region_piece(root: &Path, region: &str) -> (usize, usize) {
    let pieces =
        std::fs::read_to_string(root.join(".catalogc-cache/builds/report-pieces")).unwrap();
    let line = pieces
        .lines()
        .find(|l| l.starts_with(&format!("0\t{region}\t\t")))
        .unwrap_or_else(|| panic!("no piece of {region}: {pieces}"));
    let fields: Vec<usize> = line
        .split('\t')
        .skip(3)
        .map(|f| f.parse().unwrap())
        .collect();
    (fields[0], fields[1])
}

/// Every record's report pieces (its `P` blocks, found in its index: a kind, a region's length
/// and bytes, a place and a length, numbers as 8 bytes little-endian) replaced by bytes that do
/// not inflate, the record sealed again so that it is still whole.
fn break_records_pieces(root: &Path) {
    let number =
        |bytes: &[u8], at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
    for path in records(root) {
        let mut bytes = std::fs::read(&path).unwrap();
        let end = bytes.len() - 24;
        let mut at = number(&bytes, end) as usize;
        let mut broken = 0;
        while at < end {
            let kind = bytes[at];
            let region = number(&bytes, at + 1) as usize;
            let place = at + 9 + region;
            let (block, len) = (
                number(&bytes, place) as usize,
                number(&bytes, place + 8) as usize,
            );
            if kind == b'P' {
                bytes[block..block + len].fill(0xff);
                broken += 1;
            }
            at = place + 16;
        }
        assert!(broken > 0, "{}", path.display());
        let body = bytes.len() - 16;
        let hash = xxhash_rust::xxh3::xxh3_128(&bytes[..body]);
        bytes[body..].copy_from_slice(&hash.to_le_bytes());
        std::fs::write(&path, bytes).unwrap();
    }
}

/// When the report is made again, the parts of it that regions unchanged since the last build
/// contribute (the provinces taken from their records, the unchanged regions of a province
/// compiled again) are copied from the report the last build wrote, where it says they are
/// (`report-pieces`), not read from the records: with every record's pieces unreadable, a
/// change still makes a build from scratch's report. A last report that is not the file that
/// build wrote (a digit changed, the length kept) is not copied from.
#[cfg(unix)]
#[test]
fn the_unchanged_parts_of_a_report_made_again_are_copied_from_the_last_report() {
    let dir = sample_repo();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let fresh = out.path().join("fresh");
    let report = site.join("reports/conformance.json");
    ok(build(dir.path(), &site, &[]));

    // A digit of 湖南's part of the previous report changed: the file is not the one recorded,
    // so none of it is copied; the report is made from the records.
    let (at, len) = region_piece(dir.path(), "430000");
    let mut planted = std::fs::read(&report).unwrap();
    let digit = at
        + planted[at..at + len]
            .iter()
            .position(u8::is_ascii_digit)
            .unwrap();
    planted[digit] = if planted[digit] == b'9' {
        b'8'
    } else {
        planted[digit] + 1
    };
    std::fs::remove_file(&report).unwrap();
    std::fs::write(&report, &planted).unwrap();
    let one = shenzhen_limit(dir.path(), &site, 8);
    assert_eq!(kept(&one), Some((6, 7)), "{one}");
    same_as_from_scratch(dir.path(), &site, &fresh);

    // Every record's pieces unreadable: another change to 深圳 makes the report from the last
    // one, for the six provinces taken and for 广东's two unchanged regions.
    break_records_pieces(dir.path());
    let two = shenzhen_limit(dir.path(), &site, 9);
    assert_eq!(kept(&two), Some((6, 7)), "{two}");
    assert_eq!(regions_kept(&two), Some((2, 4)), "{two}");
    same_as_from_scratch(dir.path(), &site, &fresh);
    assert!(String::from_utf8_lossy(&std::fs::read(&report).unwrap()).contains("\"days\": 9"));
}
