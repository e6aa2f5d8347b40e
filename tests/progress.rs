//! Progress bars (issue 17.6): shown on a terminal, never when stderr is not one or `CI` is set.
//! A real pseudo-terminal comes from util-linux's `script`; without one (every other test of the
//! suite, whose CLI snapshots stay byte-identical), nothing is drawn.

mod common;

use std::path::Path;
use std::process::Command;

use common::{AS_OF, sample_copy};

/// What a terminal shows while `catalogc ARGS` runs with stderr (and stdin, stdout) on a
/// pseudo-terminal; `ci` sets `CI=true` as CI services do.
fn on_a_terminal(args: &str, ci: bool) -> String {
    let bin = env!("CARGO_BIN_EXE_catalogc");
    let mut command = Command::new("script");
    command
        .args(["-q", "-e", "-c"])
        .arg(format!("{bin} {args} > /dev/null"))
        .arg("/dev/null")
        .env_remove("CI");
    if ci {
        command.env("CI", "true");
    }
    let output = command
        .output()
        .expect("util-linux's `script` runs a command on a pseudo-terminal");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The arguments that read `root`, quoted for the shell.
fn reading(root: &Path) -> String {
    format!("--root '{}' --as-of {AS_OF} --no-cache", root.display())
}

fn sample() -> String {
    reading(Path::new(env!("CARGO_MANIFEST_DIR")))
}

#[test]
fn check_shows_its_progress_on_a_terminal_and_not_under_ci() {
    let shown = on_a_terminal(&format!("check {}", sample()), false);
    assert!(shown.contains("读取并校验文件"), "{shown:?}");
    // The bar counts the files, up to all of them.
    let files = walkdir::WalkDir::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "yaml"))
        .count();
    assert!(
        shown.contains(&format!("/{files} ")),
        "{files} files: {shown:?}"
    );

    let under_ci = on_a_terminal(&format!("check {}", sample()), true);
    assert!(!under_ci.contains("读取并校验文件"), "{under_ci:?}");
    assert!(!under_ci.contains('\r'), "{under_ci:?}");
}

#[test]
fn build_shows_its_progress_on_a_terminal_and_not_under_ci() {
    // A copy outside git: no feeds, so the build is quick.
    let root = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let args = format!(
        "build {} --out '{}'",
        reading(root.path()),
        out.path().join("out").display()
    );
    let shown = on_a_terminal(&args, false);
    assert!(shown.contains("读取并校验文件"), "{shown:?}");
    assert!(shown.contains("生成办事指南"), "{shown:?}");
    let under_ci = on_a_terminal(&args, true);
    assert!(!under_ci.contains("生成办事指南"), "{under_ci:?}");
    // What build says at the end is said under CI too.
    assert!(under_ci.contains("已写出"), "{under_ci:?}");
}

#[test]
fn nothing_is_drawn_when_stderr_is_not_a_terminal() {
    let output = Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["check", "--no-cache", "--as-of", AS_OF, "--root"])
        .arg(env!("CARGO_MANIFEST_DIR"))
        .env_remove("CI")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("读取并校验文件"), "{stderr:?}");
    assert!(!stderr.contains('\r'), "{stderr:?}");
}

#[test]
fn import_shows_its_progress_over_the_rows_on_a_terminal_and_not_under_ci() {
    let dir = common::sample_copy();
    let root = dir.path();
    let sheet = root.join("341504.csv");
    let exported = Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["export", "--region", "341504", "--out"])
        .arg(&sheet)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap();
    assert!(exported.status.success(), "{exported:?}");
    // One row per entry of the region, under the header (a cell may hold several lines).
    let rows = csv::Reader::from_path(&sheet).unwrap().records().count();
    assert!(rows > 5, "{rows}");
    let args = format!(
        "import '{}' --region 341504 --force --dry-run --root '{}'",
        sheet.display(),
        root.display()
    );
    let shown = on_a_terminal(&args, false);
    assert!(shown.contains("导入实施清单的行"), "{shown:?}");
    assert!(
        shown.contains(&format!("/{rows} ")),
        "{rows} rows: {shown:?}"
    );
    let under_ci = on_a_terminal(&args, true);
    assert!(!under_ci.contains("导入实施清单的行"), "{under_ci:?}");
}
