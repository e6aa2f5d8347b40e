//! Hostile and malformed input: every case gets its diagnostic at the right place and exit
//! status 1 (or is accepted where the format allows it); nothing panics, hangs, or escapes the
//! catalog root. The committed inputs are in `tests/fixtures/hostile-inputs/`.

mod common;

use std::path::Path;

use common::*;

const TARGET: &str = "catalog/national/000120020000.yaml";

fn with_input(name: &str) -> tempfile::TempDir {
    let dir = copy_of("base");
    std::fs::copy(
        fixture("hostile-inputs").join(name),
        dir.path().join(TARGET),
    )
    .unwrap();
    dir
}

fn exit_status(root: &Path) -> Option<i32> {
    std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["check", "--as-of", AS_OF, "--root"])
        .arg(root)
        .output()
        .unwrap()
        .status
        .code()
}

/// `(input, code, line, column)`: the finding each committed input must produce in the target.
const CASES: &[(&str, &str, u32, u32)] = &[
    ("invalid-utf8.yaml", "CAT010", 2, 10),
    // The tab itself, the character at fault (issue 16), not the character after it.
    ("tab-indentation.yaml", "CAT001", 11, 1),
    ("nul.yaml", "CAT019", 2, 10),
    ("control-character.yaml", "CAT019", 2, 11),
    ("tag.yaml", "CAT009", 2, 7),
    ("two-documents.yaml", "CAT009", 18, 1),
    ("empty.yaml", "CAT014", 1, 1),
    ("only-comments.yaml", "CAT014", 1, 1),
    ("merge-key.yaml", "CAT009", 11, 3),
    ("impossible-date.yaml", "CAT006", 17, 11),
    ("negative-count.yaml", "CAT006", 13, 56),
    ("fractional-count.yaml", "CAT004", 13, 56),
    ("wrong-type.yaml", "CAT004", 5, 9),
    ("path-in-code.yaml", "CAT006", 1, 7),
    ("billion-laughs.yaml", "CAT016", 8, 10),
    ("deep-nesting.yaml", "CAT015", 2, 269),
];

#[test]
fn every_hostile_input_gets_its_diagnostic_at_the_right_place() {
    for (input, code, line, column) in CASES {
        let dir = with_input(input);
        let compiled = compile(dir.path());
        let found = findings(&compiled);
        let expected = (code.to_string(), TARGET.to_string(), *line, *column);
        assert!(
            found.contains(&expected),
            "{input}: expected {expected:?}, found {found:?}"
        );
        assert_eq!(exit_status(dir.path()), Some(1), "{input}");
    }
}

#[test]
fn a_byte_order_mark_crlf_line_ends_and_anchors_are_accepted() {
    for input in ["bom-crlf.yaml", "anchors.yaml"] {
        let dir = with_input(input);
        let compiled = compile(dir.path());
        assert!(
            compiled.diagnostics.is_empty(),
            "{input}: {}",
            text(&compiled)
        );
    }
}

#[test]
fn a_file_over_the_size_limit_is_not_read() {
    let dir = copy_of("base");
    let big = format!(
        "code: \"000120020000\"\ndescription: \"{}\"\n",
        "居".repeat(400_000)
    );
    std::fs::write(dir.path().join(TARGET), big).unwrap();
    let compiled = compile(dir.path());
    assert!(
        findings(&compiled).contains(&("CAT013".to_string(), TARGET.to_string(), 1, 1)),
        "{}",
        text(&compiled)
    );
    // Raising the limit in catalog.yaml lets it be read (and then the string limit applies).
    merge(
        dir.path(),
        "catalog/catalog.yaml",
        "limits: {max_file_bytes: 4000000, max_string_chars: 100}\n",
    );
    let compiled = compile(dir.path());
    assert!(
        findings(&compiled).contains(&("CAT017".to_string(), TARGET.to_string(), 2, 14)),
        "{}",
        text(&compiled)
    );
}

#[test]
fn too_many_files_stop_the_walk_with_a_diagnostic() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        "catalog/catalog.yaml",
        "limits: {max_files: 4}\n",
    );
    let compiled = compile(dir.path());
    assert!(
        compiled.diagnostics.iter().any(|d| d.code == "CAT018"),
        "{}",
        text(&compiled)
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_not_followed_and_loops_end() {
    let dir = copy_of("base");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.yaml"),
        "code: \"000120090000\"\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.yaml"),
        dir.path().join("catalog/national/000120090000.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("catalog"),
        dir.path().join("catalog/regions/loop"),
    )
    .unwrap();
    let compiled = compile(dir.path());
    let found = findings(&compiled);
    assert!(
        found.contains(&(
            "CAT008".to_string(),
            "catalog/national/000120090000.yaml".to_string(),
            1,
            1
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "CAT008".to_string(),
            "catalog/regions/loop".to_string(),
            1,
            1
        )),
        "{found:?}"
    );
    // The linked file was never read: its item does not exist.
    assert!(!compiled.resolved.catalog.items.contains_key("000120090000"));
}

#[cfg(unix)]
#[test]
fn folders_named_like_files_fifos_and_other_files_are_reported_not_read() {
    let dir = copy_of("base");
    std::fs::create_dir(dir.path().join("catalog/national/000120090000.yaml")).unwrap();
    std::fs::write(dir.path().join("catalog/national/README.md"), "说明\n").unwrap();
    let fifo = dir.path().join("catalog/events/pipe.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // A FIFO would block a reader forever; the check must end.
    let compiled = compile(dir.path());
    let found = findings(&compiled);
    for path in [
        "catalog/national/000120090000.yaml",
        "catalog/national/README.md",
        "catalog/events/pipe.yaml",
    ] {
        assert!(
            found.contains(&("CAT008".to_string(), path.to_string(), 1, 1)),
            "{path}: {found:?}"
        );
    }
}

#[test]
fn a_build_killed_midway_leaves_the_previous_output_intact() {
    let root: &Path = env!("CARGO_MANIFEST_DIR").as_ref();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let build = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
            .args(["build", "--as-of", AS_OF, "--root"])
            .arg(root)
            .arg("--out")
            .arg(&site)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    assert!(build().wait().unwrap().success());
    std::fs::write(site.join("marker.txt"), "previous build").unwrap();
    let previous = walkdir::WalkDir::new(&site).into_iter().count();
    for delay in [5, 20, 60, 150, 400] {
        let mut child = build();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        // Either the previous output, untouched, or a complete new one: never a mixture.
        if site.join("marker.txt").exists() {
            assert_eq!(
                walkdir::WalkDir::new(&site).into_iter().count(),
                previous,
                "killed after {delay} ms"
            );
        } else {
            assert!(
                site.join("portal/index.html").exists()
                    && site.join("opendata/catalog.jsonld").exists(),
                "killed after {delay} ms"
            );
            std::fs::write(site.join("marker.txt"), "previous build").unwrap();
        }
    }
    // The next build cleans up whatever a killed one left beside the output.
    assert!(build().wait().unwrap().success());
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "site")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
