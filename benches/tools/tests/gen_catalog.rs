//! gen-catalog writes format-2 lists, and its summary line counts exactly what it wrote: the
//! explicit omissions (`{ref: …, omitted: 理由}`) and the inherited lines it left out silently,
//! which catalogc must report one by one as CAT210. With the default rates the catalog is free of
//! errors.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use catalogc::diagnostic::Severity;
use catalogc::pipeline::{self, Compiled, Options};

/// The reference date of the root crate's tests (tests/common/mod.rs).
const AS_OF: &str = "2026-11-29";

/// Runs gen-catalog into `out` and returns its summary line as `name → value`.
fn generate(out: &Path, args: &[&str]) -> BTreeMap<String, String> {
    let output = Command::new(env!("CARGO_BIN_EXE_gen-catalog"))
        .arg("--out")
        .arg(out)
        .args(["--provinces", "1", "--cities", "2", "--items", "60"])
        .args(args)
        .output()
        .expect("gen-catalog runs");
    assert!(
        output.status.success(),
        "gen-catalog failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let tokens: Vec<&str> = stdout.split_whitespace().collect();
    assert!(
        tokens.len().is_multiple_of(2),
        "not `name value …`: {stdout}"
    );
    tokens
        .chunks(2)
        .map(|pair| (pair[0].to_string(), pair[1].to_string()))
        .collect()
}

fn count(summary: &BTreeMap<String, String>, name: &str) -> usize {
    summary
        .get(name)
        .unwrap_or_else(|| panic!("no `{name}` in the summary {summary:?}"))
        .parse()
        .unwrap()
}

fn compile(root: &Path) -> Compiled {
    let options = Options {
        as_of: catalogc::dates::parse(AS_OF),
        ..Options::default()
    };
    pipeline::compile(root, &options).expect("the schema compiles")
}

/// Every file under `dir`, as (path relative to `root` with `/`, bytes).
fn files(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(root, &path, out);
        } else {
            let relative = path.strip_prefix(root).unwrap();
            let name: Vec<_> = relative.iter().map(|c| c.to_str().unwrap()).collect();
            out.push((name.join("/"), std::fs::read(&path).unwrap()));
        }
    }
}

/// The explicit omission lines written in each file, counted in the YAML text: gen-catalog
/// writes each as one flow mapping `- {ref: …, omitted: 理由}`, and `omitted:` appears nowhere
/// else in a generated catalog.
fn omission_lines(root: &Path) -> BTreeMap<String, usize> {
    let mut all = Vec::new();
    files(root, &root.join("catalog"), &mut all);
    all.iter()
        .filter(|(path, _)| path.ends_with(".yaml"))
        .map(|(path, text)| {
            let text = std::str::from_utf8(text).unwrap();
            (path, text.matches(", omitted: ").count())
        })
        .filter(|(_, n)| *n > 0)
        .map(|(path, n)| (path.clone(), n))
        .collect()
}

/// Explicit omissions per file as the conformance diff found them, counting in each entry only
/// the lists the entry states itself (`field.file == entry.file`). A province's omission is
/// inherited: it also appears among the details of each of its cities, but there the list's
/// file is the province's, so it is counted once, in the province's entry. Every entry file has
/// one entry result, so every stated list is seen exactly once.
///
/// Within a stated list, an omitted detail could still be an ancestor's (a city restating a list
/// its province restated too keeps the province's omissions). gen-catalog never writes that (a
/// city restates lists only where its province holds no regional standard), and the comparison
/// with `omission_lines`, file by file, would catch it: the city's file would count an omission
/// its text does not have.
fn omitted_details(compiled: &Compiled) -> BTreeMap<String, usize> {
    let mut found: BTreeMap<String, usize> = BTreeMap::new();
    for region in &compiled.conformance.regions {
        for entry in &region.entries {
            for field in entry.fields.iter().filter(|f| *f.file == *entry.file) {
                let n = lines_of(field, "omitted");
                if n > 0 {
                    *found.entry(entry.file.clone()).or_default() += n;
                }
            }
        }
    }
    found
}

/// The lines of `field` whose details are of `kind`. For an item with situations the diff
/// compares the lists per situation, so one omitted line has a detail in each situation it
/// applies in: the lines are the distinct `ref`s (gen-catalog writes at most one omission per
/// `ref` and list: a line omitted in one situation only is restated in the others).
fn lines_of(field: &catalogc::diff::FieldResult, kind: &str) -> usize {
    field
        .details
        .iter()
        .filter(|d| d.kind == kind)
        .map(|d| d.key.as_deref())
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

/// CAT210 findings per file.
fn unaccounted_findings(compiled: &Compiled) -> BTreeMap<String, usize> {
    let mut found: BTreeMap<String, usize> = BTreeMap::new();
    for d in compiled.diagnostics.iter().filter(|d| d.code == "CAT210") {
        *found.entry(d.file.clone()).or_default() += 1;
    }
    found
}

/// Lines left out silently per file as the diff found them, counted like `omitted_details`.
fn unaccounted_details(compiled: &Compiled) -> BTreeMap<String, usize> {
    let mut found: BTreeMap<String, usize> = BTreeMap::new();
    for region in &compiled.conformance.regions {
        for entry in &region.entries {
            for field in entry.fields.iter().filter(|f| *f.file == *entry.file) {
                let n = lines_of(field, "unaccounted");
                if n > 0 {
                    *found.entry(entry.file.clone()).or_default() += n;
                }
            }
        }
    }
    found
}

fn total(counts: &BTreeMap<String, usize>) -> usize {
    counts.values().sum()
}

fn errors(compiled: &Compiled) -> Vec<String> {
    compiled
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}: {}", d.code, d.file, d.message))
        .collect()
}

#[test]
fn the_summary_counts_the_omissions_and_the_unaccounted_lines_it_wrote() {
    let args = [
        "--seed",
        "7",
        "--omit-rate",
        "0.3",
        "--unaccounted-rate",
        "0.05",
    ];
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("a");
    let summary = generate(&root, &args);
    let omissions = count(&summary, "omissions");
    let unaccounted = count(&summary, "unaccounted");
    assert!(
        omissions > 0 && unaccounted > 0,
        "both kinds of line are written: {summary:?}"
    );

    // The omission lines are in the files, and the diff classes each of them in its own file.
    let written = omission_lines(&root);
    assert_eq!(
        total(&written),
        omissions,
        "omission lines in the YAML files"
    );
    let compiled = compile(&root);
    assert_eq!(
        omitted_details(&compiled),
        written,
        "omitted details per file"
    );

    // Each line left out is one CAT210, against the file that left it out.
    let findings = unaccounted_findings(&compiled);
    assert_eq!(total(&findings), unaccounted, "CAT210 findings");
    assert_eq!(unaccounted_details(&compiled), findings);
    // And nothing else is wrong: the only errors are those findings.
    let other: Vec<String> = errors(&compiled)
        .into_iter()
        .filter(|e| !e.starts_with("CAT210 "))
        .collect();
    assert!(other.is_empty(), "{other:#?}");

    // The same arguments give the same catalog (the summary's `seconds` aside).
    let again = dir.path().join("b");
    let mut summary_again = generate(&again, &args);
    summary_again.insert("seconds".into(), summary["seconds"].clone());
    assert_eq!(summary_again, summary);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    files(&root, &root, &mut a);
    files(&again, &again, &mut b);
    assert!(a == b, "the output depends on more than the arguments");
}

#[test]
fn with_the_default_rates_the_catalog_has_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    let summary = generate(dir.path(), &[]);
    assert_eq!(count(&summary, "unaccounted"), 0);
    let omissions = count(&summary, "omissions");
    assert!(omissions > 0, "{summary:?}");
    assert_eq!(total(&omission_lines(dir.path())), omissions);

    // The flags that make an omission an error exist, and gen-catalog respects them.
    let mut national = Vec::new();
    let root = dir.path();
    files(root, &root.join("catalog/national"), &mut national);
    let flagged = |flag: &str| {
        national
            .iter()
            .filter(|(_, t)| String::from_utf8_lossy(t).contains(flag))
            .count()
    };
    assert!(flagged("statutory: true") > 0 && flagged("waivable: true") > 0);

    let compiled = compile(dir.path());
    assert_eq!(errors(&compiled), Vec::<String>::new());
    assert_eq!(total(&omitted_details(&compiled)), omissions);
    assert_eq!(omitted_details(&compiled), omission_lines(dir.path()));
}

/// The constructs of real guides (issue 15) are in the generated catalog, valid: national items
/// with 2–6 situations (the last optional) and a proof per situation, 容缺 and separate counts of
/// originals; regional entries that restate the situations, do not handle one, omit a line in
/// one situation only, and a few approved deviations; stand-in forms beside national items and
/// entries, referenced as `blank_form` and `example`, each a valid file of its type. The
/// attachment checks (CAT008, CAT03x) find nothing, and every attachment is published.
#[test]
fn the_catalog_has_situations_and_attachments_that_check() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let summary = generate(root, &["--provinces", "2", "--items", "120"]);
    assert!(count(&summary, "situation_items") > 0, "{summary:?}");
    let mut all = Vec::new();
    files(root, &root.join("catalog"), &mut all);
    let yaml = |prefix: &str| -> Vec<(String, String)> {
        all.iter()
            .filter(|(p, _)| p.starts_with(prefix) && p.ends_with(".yaml"))
            .map(|(p, t)| (p.clone(), String::from_utf8(t.clone()).unwrap()))
            .collect()
    };
    let national = yaml("catalog/national/");
    let regional = yaml("catalog/regions/");
    let with = |files: &[(String, String)], what: &str| {
        files
            .iter()
            .map(|(_, t)| t.matches(what).count())
            .sum::<usize>()
    };
    // National situations: 2 to 6 per item, the last one optional, each with its proof.
    let mut items_with_situations = 0;
    for (path, text) in &national {
        let Some(list) = text.split("\nsituations:\n").nth(1) else {
            continue;
        };
        items_with_situations += 1;
        let lines: Vec<&str> = list.lines().take_while(|l| l.starts_with("  - ")).collect();
        assert!((2..=6).contains(&lines.len()), "{path}: {lines:?}");
        assert!(lines.last().unwrap().contains("optional: true"), "{path}");
        assert!(lines.iter().all(|l| l.contains("proof: [")), "{path}");
    }
    assert_eq!(items_with_situations, count(&summary, "situation_items"));
    assert!(with(&national, "    situations: [") >= 2 * items_with_situations);
    assert!(with(&national, "    deferrable: true") > 0);
    assert!(with(&national, "    originals: 1") > 0);
    // Regional: situations restated and not handled, a line omitted in one situation only,
    // 容缺, approved deviations of situations.
    assert!(with(&regional, "\nsituations:\n") > 0);
    assert!(with(&regional, ", situations: [") > 0);
    let per_situation = regional
        .iter()
        .filter(|(_, t)| {
            t.lines()
                .any(|l| l.contains(", situations: [") && l.contains(", omitted: "))
        })
        .count();
    assert!(per_situation > 0);
    assert!(with(&regional, ", deferrable: true") > 0);
    assert!(with(&regional, "field: situations") > 0);
    assert!(with(&regional, "blank_form: {file: ") > 0 && with(&regional, "example: {file: ") > 0);
    assert!(with(&national, "blank_form: {file: ") > 0);
    // The attachments: valid files of their type, a few hundred bytes, beside national items
    // and regional entries.
    let attachments: Vec<&(String, Vec<u8>)> =
        all.iter().filter(|(p, _)| !p.ends_with(".yaml")).collect();
    assert_eq!(attachments.len(), count(&summary, "attachments"));
    assert!(
        attachments
            .iter()
            .any(|(p, _)| p.starts_with("catalog/national/"))
    );
    assert!(
        attachments
            .iter()
            .any(|(p, _)| p.starts_with("catalog/regions/"))
    );
    for (path, bytes) in &attachments {
        assert!(
            (200..2000).contains(&bytes.len()),
            "{path}: {} bytes",
            bytes.len()
        );
        if path.ends_with(".pdf") {
            assert!(
                bytes.starts_with(b"%PDF-1.4\n") && bytes.ends_with(b"%%EOF\n"),
                "{path}"
            );
            // The cross-reference table points at each object.
            let text = String::from_utf8_lossy(bytes);
            let xref: usize = text
                .split("startxref\n")
                .nth(1)
                .unwrap()
                .lines()
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert!(text[xref..].starts_with("xref\n"), "{path}");
            for (k, line) in text[xref..].lines().skip(3).take(5).enumerate() {
                let offset: usize = line[..10].parse().unwrap();
                assert!(
                    text[offset..].starts_with(&format!("{} 0 obj", k + 1)),
                    "{path}"
                );
            }
        } else {
            assert!(path.ends_with(".png"), "{path}");
            assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{path}");
            assert!(bytes.ends_with(b"IEND\xae\x42\x60\x82"), "{path}");
        }
    }
    // All of it checks: no error, no attachment finding, every attachment published.
    let compiled = compile(root);
    assert_eq!(errors(&compiled), Vec::<String>::new());
    let attachment_findings: Vec<String> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == "CAT008" || d.code.starts_with("CAT03"))
        .map(|d| format!("{} {}: {}", d.code, d.file, d.message))
        .collect();
    assert_eq!(attachment_findings, Vec::<String>::new());
    // Each file says what it stands in for, so each is published once under its own hash.
    let published = catalogc::emit::files::Files::read(&compiled.resolved.catalog)
        .outputs(None)
        .unwrap();
    assert_eq!(published.len(), attachments.len());
    assert_eq!(omitted_details(&compiled), omission_lines(root));
}
