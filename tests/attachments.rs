//! Attachments (issue 15, point 4): files referenced from YAML are checked where they are named,
//! published under their content hash, and hostile ones (missing, too large, wrong type, a
//! link, a path leaving its folder) stop the build with exit status 1 and their diagnostic,
//! leaving the previous output as it was.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use sha2::{Digest, Sha256};

const NATIONAL: &str = "catalog/national/000120010000.yaml";
const FORM: &str = "catalog/national/000120010000/居住证申领登记表.pdf";

/// A one-page PDF, written here rather than committed: a stand-in, not an official form.
fn pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

/// A 1×1 white PNG (signature, IHDR, IDAT, IEND, with their checksums).
const PNG: &[u8] = b"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0b\x49\x44\x41\x54\x78\x9c\x63\xf8\x0f\x04\x00\x09\xfb\x03\xfd\xfb\x5e\x6b\x2b\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

/// The base catalog whose national item references a blank form (national) and whose 深圳
/// entry restates the photo line with an example of its own, and the same form again.
fn catalog() -> tempfile::TempDir {
    let dir = copy_of("base");
    merge(
        dir.path(),
        NATIONAL,
        "materials:\n  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper, electronic], required: true, source: issuing_authority, certificate: resident-id-card, blank_form: {file: 000120010000/居住证申领登记表.pdf, name: 居住证申领登记表, illustrative: true}}\n  - {id: photo, name: 本人近期相片, form: original, copies: 1, medium: [paper], required: true, source: applicant}\n",
    );
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo, example: {file: 000120010000/相片示例.png, name: 相片示例}}\n",
    );
    write(dir.path(), FORM, &pdf());
    write(
        dir.path(),
        "catalog/regions/440300/000120010000/相片示例.png",
        PNG,
    );
    dir
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn build(root: &Path, out: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["build", "--as-of", AS_OF, "--lang", "en", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

/// Every file under `dir` with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn hashed(bytes: &[u8], ext: &str) -> String {
    let hex: String = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("portal/files/{}.{ext}", &hex[..16])
}

#[test]
fn referenced_attachments_are_clean_and_published_once_under_their_hash() {
    let dir = catalog();
    let compiled = compile(dir.path());
    assert!(compiled.diagnostics.is_empty(), "{}", text(&compiled));
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let run = build(dir.path(), &site);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let files: BTreeMap<String, Vec<u8>> = tree(&site)
        .into_iter()
        .filter(|(path, _)| path.starts_with("portal/files/"))
        .collect();
    // The form is referenced by the national item and inherited by both regions: one copy.
    let expected: BTreeMap<String, Vec<u8>> = [
        (hashed(&pdf(), "pdf"), pdf()),
        (hashed(PNG, "png"), PNG.to_vec()),
    ]
    .into_iter()
    .collect();
    assert_eq!(files, expected);
}

#[test]
fn an_unreferenced_attachment_is_an_unknown_file_and_a_referenced_one_is_not() {
    let dir = catalog();
    write(dir.path(), "catalog/national/000120010000/旧表.pdf", &pdf());
    let found = findings(&compile(dir.path()));
    assert_eq!(
        found,
        [(
            "CAT008".to_string(),
            "catalog/national/000120010000/旧表.pdf".to_string(),
            1,
            1
        )]
    );
}

/// A hostile change to the catalog of [`catalog`] and the code it must produce at the `file:`
/// value of the national item's blank form or of the 深圳 entry's example.
struct Case {
    name: &'static str,
    apply: fn(&Path),
    code: &'static str,
    file: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "missing",
        apply: |root| std::fs::remove_file(root.join(FORM)).unwrap(),
        code: "CAT030",
        file: NATIONAL,
    },
    Case {
        name: "too large for the default limit of 10 MiB",
        apply: |root| {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(root.join(FORM))
                .unwrap();
            // Sparse: no 10 MiB are written.
            file.set_len(10 * 1024 * 1024 + 1).unwrap();
        },
        code: "CAT031",
        file: NATIONAL,
    },
    Case {
        name: "a PDF that is an HTML page",
        apply: |root| write(root, FORM, b"<html><script>alert(1)</script></html>"),
        code: "CAT032",
        file: NATIONAL,
    },
    Case {
        name: "an executable ending",
        apply: |root| {
            let text = std::fs::read_to_string(root.join(NATIONAL)).unwrap();
            std::fs::write(
                root.join(NATIONAL),
                text.replace("登记表.pdf, name", "登记表.exe, name"),
            )
            .unwrap();
            write(
                root,
                "catalog/national/000120010000/居住证申领登记表.exe",
                b"MZ",
            );
        },
        code: "CAT032",
        file: NATIONAL,
    },
    Case {
        name: "a symbolic link to a file outside the catalog",
        apply: |root| {
            std::fs::remove_file(root.join(FORM)).unwrap();
            std::os::unix::fs::symlink("/etc/passwd", root.join(FORM)).unwrap();
        },
        code: "CAT033",
        file: NATIONAL,
    },
    Case {
        name: "a folder on the path that is a link",
        apply: |root| {
            let folder = root.join("catalog/regions/440300/000120010000");
            std::fs::rename(&folder, root.join("elsewhere")).unwrap();
            std::os::unix::fs::symlink(root.join("elsewhere"), folder).unwrap();
        },
        code: "CAT033",
        file: "catalog/regions/440300/000120010000.yaml",
    },
    Case {
        name: "a path into another region's folder",
        apply: |root| {
            let entry = root.join("catalog/regions/440300/000120010000.yaml");
            let text = std::fs::read_to_string(&entry).unwrap();
            std::fs::write(
                &entry,
                text.replace("000120010000/相片示例.png", "../440000/相片示例.png"),
            )
            .unwrap();
            write(root, "catalog/regions/440000/相片示例.png", PNG);
        },
        code: "CAT034",
        file: "catalog/regions/440300/000120010000.yaml",
    },
    Case {
        name: "an absolute path",
        apply: |root| {
            let text = std::fs::read_to_string(root.join(NATIONAL)).unwrap();
            std::fs::write(
                root.join(NATIONAL),
                text.replace("000120010000/居住证申领登记表.pdf", "/etc/passwd.pdf"),
            )
            .unwrap();
        },
        code: "CAT034",
        file: NATIONAL,
    },
    Case {
        name: "a backslash path",
        apply: |root| {
            let text = std::fs::read_to_string(root.join(NATIONAL)).unwrap();
            std::fs::write(
                root.join(NATIONAL),
                text.replace(
                    "000120010000/居住证申领登记表.pdf",
                    "\"..\\\\..\\\\registries\\\\laws.pdf\"",
                ),
            )
            .unwrap();
        },
        code: "CAT034",
        file: NATIONAL,
    },
    Case {
        name: "a NUL in the path",
        apply: |root| {
            let text = std::fs::read_to_string(root.join(NATIONAL)).unwrap();
            std::fs::write(
                root.join(NATIONAL),
                text.replace(
                    "000120010000/居住证申领登记表.pdf",
                    "\"000120010000/居住证申领登记表.pdf\\0.png\"",
                ),
            )
            .unwrap();
        },
        code: "CAT034",
        file: NATIONAL,
    },
];

/// Where the `file:` value of the case's attachment is: its line and column in `file`.
fn position(root: &Path, file: &str) -> (u32, u32) {
    let text = std::fs::read_to_string(root.join(file)).unwrap();
    let key = if file == NATIONAL {
        "blank_form: {file: "
    } else {
        "example: {file: "
    };
    text.lines()
        .enumerate()
        .find_map(|(i, line)| {
            let byte = line.find(key)? + key.len();
            Some((i as u32 + 1, line[..byte].chars().count() as u32 + 1))
        })
        .unwrap()
}

#[test]
fn hostile_attachments_stop_the_build_at_their_file_value_and_keep_the_previous_output() {
    for case in CASES {
        let dir = catalog();
        let out = tempfile::tempdir().unwrap();
        let site = out.path().join("site");
        let first = build(dir.path(), &site);
        assert!(first.status.success(), "{}", case.name);
        let before = tree(&site);
        (case.apply)(dir.path());
        let (line, column) = position(dir.path(), case.file);
        let found = findings(&compile(dir.path()));
        assert!(
            found.contains(&(case.code.to_string(), case.file.to_string(), line, column)),
            "{}: {found:?}",
            case.name
        );
        let run = build(dir.path(), &site);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{}: {stderr}", case.name);
        assert!(
            stderr.contains(&format!("[{}]", case.code))
                && stderr.contains(&format!("{}:{line}:{column}", case.file)),
            "{}: {stderr}",
            case.name
        );
        assert_eq!(
            tree(&site),
            before,
            "{}: the previous output changed",
            case.name
        );
        let leftovers: Vec<_> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, ["site"], "{}", case.name);
    }
}

/// Only a file whose text can state an attachment is walked for its references
/// (`attachments::may_reference`): every file of the sample and the fixtures that states one is
/// among them, and so is a key spelled with an escape.
#[test]
fn every_file_that_states_an_attachment_is_walked_for_it() {
    use catalogc::load::attachments::{may_reference, references};
    use catalogc::load::yaml::{Limits, parse};
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut stating, mut skipped) = (0, 0);
    for dir in ["catalog", "tests/fixtures"] {
        for entry in walkdir::WalkDir::new(here.join(dir)) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let Some(root) = parse(&text, Limits::default()).root else {
                continue;
            };
            if !references(&root.to_json()).is_empty() {
                stating += 1;
                assert!(may_reference(&text), "{}", entry.path().display());
            } else if !may_reference(&text) {
                skipped += 1;
            }
        }
    }
    assert!(stating >= 4 && skipped > 100, "{stating} / {skipped}");
    let escaped = "materials:\n  - id: a\n    \"blank\\x5fform\": {file: a/表.pdf, name: 表}\n";
    let root = parse(escaped, Limits::default()).root.unwrap();
    assert_eq!(references(&root.to_json()).len(), 1);
    assert!(may_reference(escaped));
}
