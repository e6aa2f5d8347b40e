//! Git-aware checking: `check --since` selects what a change affects and reports exactly what a
//! full check reports for it.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use catalogc::load::since;
use catalogc::pipeline::{self, Options};
use common::*;

const ITEM: &str = "catalog/national/002000112001.yaml";

fn sample_repo() -> tempfile::TempDir {
    let dir = sample_copy();
    commit_all(dir.path(), "sample");
    dir
}

fn json_findings(out: &str) -> Vec<(String, String)> {
    let json: serde_json::Value = serde_json::from_str(out).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn lowering_a_statutory_limit_reports_the_unchanged_entries_that_now_exceed_it() {
    let dir = sample_repo();
    let path = dir.path().join(ITEM);
    let text = std::fs::read_to_string(&path).unwrap();
    let lowered = text.replacen("days: 15", "days: 12", 1);
    assert_ne!(text, lowered, "the sample's statutory limit is 15 days");
    std::fs::write(&path, lowered).unwrap();
    let (status, out, err) = check_since(dir.path(), "HEAD", "json");
    assert_eq!(status, Some(1), "{err}");
    let findings = json_findings(&out);
    let exceeding: BTreeSet<&str> = findings
        .iter()
        .filter(|(c, _)| c == "CAT101")
        .map(|(_, f)| f.as_str())
        .collect();
    // 安徽省 and 深圳市 commit to 15 days; their files did not change.
    assert!(
        exceeding.contains("catalog/regions/340000/002000112001.yaml"),
        "{findings:?}"
    );
    assert!(
        exceeding.contains("catalog/regions/440300/002000112001.yaml"),
        "{findings:?}"
    );
    assert!(
        !exceeding.contains("catalog/regions/510100/002000112001.yaml"),
        "成都 commits to 10 days"
    );
    // The item changed without a new reviewed date.
    assert!(
        findings.contains(&("CAT111".to_string(), ITEM.to_string())),
        "{findings:?}"
    );
    assert!(err.contains("002000112001.yaml changed"), "{err}");
}

#[test]
fn a_clean_tree_passes() {
    let dir = sample_repo();
    let (status, out, err) = check_since(dir.path(), "HEAD", "text");
    assert_eq!(status, Some(0), "{out}{err}");
    assert!(err.contains("0 changed file(s)"), "{err}");
}

#[test]
fn an_unrelated_change_selects_only_its_own_item() {
    let dir = sample_repo();
    let local = "catalog/regions/370303/local/372082001001.yaml";
    let selection = since::select(
        dir.path(),
        &[local.to_string()],
        catalogc::diagnostic::messages::Lang::En,
    );
    assert_eq!(selection.report, BTreeSet::from([local.to_string()]));
    let leaf = "catalog/regions/440304/000131127004.yaml";
    assert!(dir.path().join(leaf).exists());
    let selection = since::select(
        dir.path(),
        &[leaf.to_string()],
        catalogc::diagnostic::messages::Lang::En,
    );
    assert_eq!(selection.report, BTreeSet::from([leaf.to_string()]));
    // A registry change re-checks everything.
    assert!(
        since::select(
            dir.path(),
            &["catalog/registries/laws.yaml".to_string()],
            catalogc::diagnostic::messages::Lang::En
        )
        .all
    );
}

#[test]
fn since_needs_a_git_repository_and_a_real_revision() {
    let dir = sample_copy();
    assert_eq!(check_since(dir.path(), "HEAD", "text").0, Some(2));
    commit_all(dir.path(), "sample");
    assert_eq!(check_since(dir.path(), "no-such-rev", "text").0, Some(2));
    assert_eq!(check_since(dir.path(), "--output=x", "text").0, Some(2));
}

/// Change a file's content (not its `reviewed` date): `check --since` warns (CAT111).
fn touch_content(root: &Path, file: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replacen("    hours: ", &format!("    hours: {to}"), 1);
    assert_ne!(text, changed, "{file} has opening hours");
    std::fs::write(path, changed).unwrap();
}

fn stale(findings: &[(String, String)]) -> BTreeSet<&str> {
    findings
        .iter()
        .filter(|(code, _)| code == "CAT111")
        .map(|(_, file)| file.as_str())
        .collect()
}

#[test]
fn since_a_range_checks_what_its_commits_changed_and_from_the_merge_base_with_three_dots() {
    let dir = sample_repo();
    let root = dir.path();
    let entry = "catalog/regions/440304/000131127004.yaml";
    let other = "catalog/regions/440300/000131127004.yaml";
    git(root, &["checkout", "-q", "-b", "topic"]);
    touch_content(root, entry, "（含午休）");
    commit_all(root, "topic: opening hours");

    // On a clean tree the range and the revision find the same.
    let (status, range, err) = check_since(root, "HEAD~1..HEAD", "json");
    assert_eq!(status, Some(0), "{err}");
    assert!(
        err.contains("uncommitted changes are not looked for"),
        "{err}"
    );
    assert!(err.contains("1 changed file(s)"), "{err}");
    let (_, revision, _) = check_since(root, "HEAD~1", "json");
    assert_eq!(json_findings(&range), json_findings(&revision));
    assert_eq!(stale(&json_findings(&range)), BTreeSet::from([entry]));
    // The empty side is HEAD, as in git.
    let (_, open_ended, _) = check_since(root, "HEAD~1..", "json");
    assert_eq!(json_findings(&open_ended), json_findings(&range));

    // An uncommitted edit: the revision sees it, the range does not look for it.
    touch_content(root, other, "（暂停）");
    let (_, revision, _) = check_since(root, "HEAD~1", "json");
    assert_eq!(
        stale(&json_findings(&revision)),
        BTreeSet::from([entry, other])
    );
    let (_, range, _) = check_since(root, "HEAD~1..HEAD", "json");
    assert_eq!(stale(&json_findings(&range)), BTreeSet::from([entry]));
    git(root, &["checkout", "-q", "--", other]);

    // The default branch moves on. Two dots compare with its tip, so its change shows as one
    // this branch made (and undid); three dots compare with the merge base, as a pull request.
    git(root, &["checkout", "-q", "main"]);
    touch_content(root, other, "（延长）");
    commit_all(root, "main: opening hours");
    git(root, &["checkout", "-q", "topic"]);
    let (_, two, err) = check_since(root, "main..HEAD", "json");
    assert!(err.contains("2 changed file(s)"), "{err}");
    assert_eq!(stale(&json_findings(&two)), BTreeSet::from([entry, other]));
    let (_, three, err) = check_since(root, "main...HEAD", "json");
    assert!(err.contains("1 changed file(s)"), "{err}");
    assert_eq!(stale(&json_findings(&three)), BTreeSet::from([entry]));

    // The check reads the work tree: a range must end at HEAD.
    let (status, _, err) = check_since(root, "HEAD~1..main", "text");
    assert_eq!(status, Some(2));
    assert!(err.contains("does not end at HEAD"), "{err}");
    let (status, _, err) = check_since_in(root, "HEAD~1..main", "text", "zh");
    assert_eq!(status, Some(2));
    assert!(err.contains("终点不是 HEAD"), "{err}");
    assert_eq!(check_since(root, "HEAD~1..no-such-rev", "text").0, Some(2));
    assert_eq!(check_since(root, "a..b..c", "text").0, Some(2));
}

/// Findings as comparable tuples.
fn tuples(compiled: &pipeline::Compiled) -> Vec<(String, String, u32, u32, String)> {
    compiled
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.to_string(),
                d.file.clone(),
                d.span.start.line,
                d.span.start.column,
                d.message.clone(),
            )
        })
        .collect()
}

/// A small deterministic generator, so a failure can be replayed from its iteration number.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// One random single-file edit of a YAML file (not an attachment): change a number, drop a
/// line, add a key, or delete the file.
fn edit(root: &Path, rng: &mut Lcg) -> String {
    let files: Vec<String> = walkdir::WalkDir::new(root.join("catalog"))
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let file = files[rng.next(files.len())].clone();
    let path = root.join(&file);
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let new = match rng.next(4) {
        0 => {
            let digits: Vec<usize> = text
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if digits.is_empty() {
                format!("{text}extra_key: 1\n")
            } else {
                let at = digits[rng.next(digits.len())];
                let digit = (text.as_bytes()[at] - b'0' + 1 + rng.next(8) as u8) % 10;
                format!("{}{}{}", &text[..at], digit, &text[at + 1..])
            }
        }
        1 if !lines.is_empty() => {
            let drop = rng.next(lines.len());
            lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != drop)
                .map(|(_, l)| format!("{l}\n"))
                .collect()
        }
        2 => format!("{text}extra_key: 1\n"),
        _ => {
            std::fs::remove_file(&path).unwrap();
            return file;
        }
    };
    std::fs::write(&path, new).unwrap();
    file
}

#[test]
fn since_findings_equal_a_full_check_restricted_to_the_selection() {
    let mut rng = Lcg(2026);
    for iteration in 0..40 {
        let dir = sample_copy();
        let changed = edit(dir.path(), &mut rng);
        let selection = since::select(
            dir.path(),
            std::slice::from_ref(&changed),
            catalogc::diagnostic::messages::Lang::En,
        );
        let mut full = compile(dir.path());
        full.diagnostics.retain(|d| selection.reports(&d.file));
        let partial = pipeline::compile(
            dir.path(),
            &Options {
                selection: Some(selection.clone()),
                ..options()
            },
        )
        .unwrap();
        assert_eq!(
            tuples(&partial),
            tuples(&full),
            "iteration {iteration}: editing {changed}, selected {:?}",
            selection.report
        );
    }
}

/// The files a listing found, and the files its findings name.
fn listed(listing: &catalogc::load::Listing) -> (Vec<String>, BTreeSet<String>) {
    (
        listing
            .files
            .iter()
            .map(|(_, _, rel)| rel.clone())
            .collect(),
        listing.diagnostics.iter().map(|d| d.file.clone()).collect(),
    )
}

#[test]
fn since_lists_only_the_folders_a_change_reaches_and_finds_there_what_a_full_check_finds() {
    let dir = sample_copy();
    let root = dir.path();
    let region = root.join("catalog/regions/341504");
    // What an editor leaves in the changed region: notes, a `.yml` file, a link, a folder named
    // like a file with a file in it, and a file they deleted.
    std::fs::write(region.join("notes.txt"), "待核实\n").unwrap();
    std::fs::copy(
        region.join("000131127004.yaml"),
        region.join("000131128009.yml"),
    )
    .unwrap();
    std::os::unix::fs::symlink("000131127004.yaml", region.join("000999999999.yaml")).unwrap();
    std::fs::create_dir(region.join("副本.yaml")).unwrap();
    std::fs::write(region.join("副本.yaml/000131127004.yaml"), "name: x\n").unwrap();
    std::fs::remove_file(region.join("000700201002.yaml")).unwrap();
    // The same in a region the change does not reach: a full walk finds them, `--since` must
    // not even list them.
    let other = root.join("catalog/regions/440304");
    std::fs::write(other.join("notes.txt"), "待核实\n").unwrap();
    std::fs::create_dir(other.join("副本.yaml")).unwrap();
    let changed: Vec<String> = [
        "notes.txt",
        "000131128009.yml",
        "000999999999.yaml",
        "副本.yaml/000131127004.yaml",
        "000700201002.yaml",
        "000131127004.yaml",
    ]
    .iter()
    .map(|f| format!("catalog/regions/341504/{f}"))
    .collect();
    let lang = catalogc::diagnostic::messages::Lang::En;
    let selection = since::select(root, &changed, lang);
    assert!(!selection.all);

    let limits = catalogc::load::yaml::Limits::default();
    let whole = catalogc::load::list(root, limits, lang, &|rel| selection.loads(rel));
    let narrow = catalogc::load::list_in(
        root,
        limits,
        lang,
        &|rel| selection.loads(rel),
        selection.narrow(),
    );
    let (whole_files, whole_found) = listed(&whole);
    let (narrow_files, narrow_found) = listed(&narrow);
    // Nothing of the other region but the files every check reads; its junk is not looked at.
    let others: Vec<&String> = narrow_files
        .iter()
        .filter(|f| f.starts_with("catalog/regions/440304/"))
        .collect();
    assert_eq!(
        others,
        ["catalog/regions/440304/region.yaml"],
        "{narrow_files:?}"
    );
    assert!(whole_found.contains("catalog/regions/440304/副本.yaml"));
    assert!(
        !narrow_found.iter().any(|f| f.contains("440304")),
        "{narrow_found:?}"
    );
    assert!(
        narrow_files.len() * 2 < whole_files.len(),
        "{narrow_files:?}"
    );
    // What it lists, it lists in the whole walk's order; and of what it reports on, it finds
    // what the whole walk finds.
    let wanted: Vec<&String> = whole_files
        .iter()
        .filter(|f| narrow_files.contains(f))
        .collect();
    assert_eq!(wanted, narrow_files.iter().collect::<Vec<_>>());
    for file in &selection.load {
        assert_eq!(
            whole_files.contains(file),
            narrow_files.contains(file),
            "{file}"
        );
    }
    let reported = |found: &BTreeSet<String>| -> BTreeSet<String> {
        found
            .iter()
            .filter(|f| selection.reports(f))
            .cloned()
            .collect()
    };
    assert_eq!(reported(&narrow_found), reported(&whole_found));
    for file in ["notes.txt", "000131128009.yml", "000999999999.yaml"] {
        let file = format!("catalog/regions/341504/{file}");
        assert!(narrow_found.contains(&file), "{file}: {narrow_found:?}");
    }

    // And the check's findings are the full check's, for the selected files.
    let mut full = compile(root);
    full.diagnostics.retain(|d| selection.reports(&d.file));
    let partial = pipeline::compile(
        root,
        &Options {
            selection: Some(selection.clone()),
            ..options()
        },
    )
    .unwrap();
    assert_eq!(tuples(&partial), tuples(&full));
    assert!(
        tuples(&partial)
            .iter()
            .any(|(code, file, ..)| code == "CAT020" && file.ends_with(".yml")),
        "{:?}",
        tuples(&partial)
    );
}

/// `catalogc check --format json` in `dir`: the CAT214 findings as (file, line, help).
fn version_findings(dir: &std::path::Path, since: Option<&str>) -> Vec<(String, u64, String)> {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"));
    command
        .args([
            "check", "--lang", "en", "--as-of", AS_OF, "--format", "json", "--root",
        ])
        .arg(dir);
    if let Some(rev) = since {
        command.args(["--since", rev]);
    }
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "CAT214")
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["help"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_new_national_version_asks_the_entries_reviewed_against_the_old_one_for_a_review() {
    let dir = copy_of("base");
    let city = "catalog/regions/440300/000120010000.yaml";
    merge(dir.path(), city, "standard_version: 1\n");
    commit_all(dir.path(), "version 1");
    assert!(version_findings(dir.path(), None).is_empty());
    // The national office adds a form and publishes version 2.
    let national = "catalog/national/000120010000.yaml";
    merge(
        dir.path(),
        national,
        "version: 2\nmaterials:\n  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper, electronic], required: true, source: issuing_authority, certificate: resident-id-card}\n  - {id: photo, name: 本人近期相片, form: original, copies: 1, medium: [paper], required: true, source: applicant}\n  - {id: form, name: 居住证申领登记表, form: original, copies: 1, medium: [paper], required: true, source: applicant}\n",
    );
    merge(
        dir.path(),
        city,
        "materials:\n  - {ref: id-card}\n  - {ref: photo}\n  - {ref: form}\n",
    );
    commit_all(dir.path(), "version 2");
    let found = version_findings(dir.path(), None);
    assert_eq!(found.len(), 1, "{found:?}");
    let (file, line, help) = &found[0];
    assert_eq!(file, city);
    assert!(
        help.contains("set `standard_version: 2`")
            && help.contains("since version 1 (commit ")
            && help.contains("申请材料: added form"),
        "{help}"
    );
    // `--since` reports the same finding at the same place.
    let since = version_findings(dir.path(), Some("HEAD~1"));
    assert_eq!(
        since.iter().map(|f| (&f.0, f.1)).collect::<Vec<_>>(),
        [(file, *line)]
    );
    // Without the history (a copy outside git), the same code at the same place, and the help
    // only says that the version moved.
    let copy = tempfile::tempdir().unwrap();
    copy_dir(dir.path(), copy.path());
    std::fs::remove_dir_all(copy.path().join(".git")).unwrap();
    let bare = version_findings(copy.path(), None);
    assert_eq!(bare.len(), 1);
    assert_eq!((&bare[0].0, bare[0].1), (file, *line));
    assert!(!bare[0].2.contains("since version"), "{}", bare[0].2);
    // Updating the recorded version after the review resolves it.
    merge(dir.path(), city, "standard_version: 2\n");
    assert!(version_findings(dir.path(), None).is_empty());
}

#[test]
fn check_since_lists_every_escape_hatch_the_change_adds_for_review() {
    let dir = copy_of("base");
    let city = "catalog/regions/440300/000120010000.yaml";
    merge(
        dir.path(),
        city,
        "conditions:\n  - {ref: residence, text: 连续居住满十二个月}\nexceptions:\n  - {field: conditions, ref: residence, reason: 经济特区条例, approval: 粤府函〔2026〕1号, expires: 2027-06-30}\n",
    );
    commit_all(dir.path(), "base with one exception");
    // Nothing changed: nothing to review.
    let (_, json, _) = check_since(dir.path(), "HEAD", "json");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["escape_hatches"], serde_json::json!([]));
    // The exception is extended, a line is omitted, and a new exception approves an addition.
    merge(
        dir.path(),
        city,
        "materials:\n  - {ref: id-card}\n  - {ref: photo, omitted: 电子照片由人像系统调取}\n  - {id: lease, name: 房屋租赁合同, form: copy, copies: 1, medium: [paper], required: true, source: applicant}\nexceptions:\n  - {field: conditions, ref: residence, reason: 经济特区条例, approval: 粤府函〔2026〕1号, expires: 2028-06-30}\n  - {field: materials, ref: lease, reason: 住所核验, approval: 深府函〔2026〕3号, expires: 2027-12-31}\n",
    );
    let (status, json, _) = check_since(dir.path(), "HEAD", "json");
    assert_eq!(status, Some(0), "{json}");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let kinds: Vec<(&str, &str, &str)> = json["escape_hatches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap(),
                e["field"].as_str().unwrap(),
                e["reference"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("exception_extended", "conditions", "residence"),
            ("exception_added", "materials", "lease"),
            ("omission_added", "materials", "photo"),
        ]
    );
    // The text, Markdown, SARIF and GitHub forms carry them too.
    let (_, text, _) = check_since(dir.path(), "HEAD", "text");
    assert!(
        text.contains("escape hatches this change adds, for the national office's review (3):")
            && text.contains("新增省略 materials photo: 电子照片由人像系统调取"),
        "{text}"
    );
    let (_, markdown, _) = check_since(dir.path(), "HEAD", "markdown");
    assert!(
        markdown.contains("### Escape hatches for the national office's review (3)")
            && markdown.contains("例外延期 conditions residence"),
        "{markdown}"
    );
    let (_, sarif, _) = check_since(dir.path(), "HEAD", "sarif");
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    assert_eq!(
        sarif["runs"][0]["properties"]["escapeHatches"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let (_, github, _) = check_since(dir.path(), "HEAD", "github");
    assert_eq!(
        github.matches("title=catalogc escape hatch::").count(),
        3,
        "{github}"
    );
}

#[test]
fn check_since_counts_the_same_files_on_stdout_and_stderr() {
    let dir = copy_of("base");
    commit_all(dir.path(), "base");
    merge(
        dir.path(),
        "catalog/national/000120020000.yaml",
        "reviewed: 2026-11-01\n",
    );
    let (_, stdout, stderr) = check_since(dir.path(), "HEAD", "text");
    let selected: usize = stderr
        .lines()
        .find_map(|l| l.strip_prefix("checked "))
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        selected < 10,
        "the change selects part of the catalog: {stderr}"
    );
    assert!(
        stdout.contains(&format!("checked {selected} file")),
        "stdout and stderr disagree:\n{stdout}\n{stderr}"
    );
}
