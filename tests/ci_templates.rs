//! The documented CI jobs (docs/ci/github-actions.yml, docs/ci/gitlab-ci.yml) run for real: every
//! `run:` step and `script:` line is executed with bash, as the CI services do, in a git
//! repository holding a copy of the sample catalog, with the variables GitHub and GitLab set for
//! a pull/merge request and for the default branch, and this build's catalogc first on PATH. A
//! renamed command or flag makes a step fail here; the files each job uploads (SARIF, the Code
//! Quality report, the portal, the parse cache) must exist afterwards, and the reports must be
//! valid against their schemas.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use saphyr::{LoadableYamlNode, Yaml};
use serde_json::Value;

fn load(name: &str) -> Yaml<'static> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/ci")
        .join(name);
    let text: &'static str = Box::leak(std::fs::read_to_string(path).unwrap().into_boxed_str());
    Yaml::load_from_str(text).unwrap().remove(0)
}

fn get<'a>(node: &'a Yaml<'static>, key: &str) -> &'a Yaml<'static> {
    node.as_mapping_get(key)
        .unwrap_or_else(|| panic!("no `{key}` in {node:?}"))
}

fn string(node: &Yaml<'static>) -> String {
    node.as_str()
        .map(String::from)
        .unwrap_or_else(|| panic!("not a string: {node:?}"))
}

fn strings(node: &Yaml<'static>) -> Vec<String> {
    match node.as_vec() {
        Some(items) => items.iter().map(string).collect(),
        None => vec![string(node)],
    }
}

fn schema_errors(name: &str, instance: &Value) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/schemas")
        .join(name);
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema)
        .unwrap()
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// A repository like a catalog repository in CI: the sample on `main` (also as `origin/main`),
/// and a branch `change` whose last commit adds `addition` to an entry. Returns it and the
/// commit `main` points at.
fn repository(addition: &str) -> (tempfile::TempDir, String) {
    let dir = sample_copy();
    commit_all(dir.path(), "the sample catalog");
    let main = git(dir.path(), &["rev-parse", "HEAD"]).trim().to_string();
    git(
        dir.path(),
        &["update-ref", "refs/remotes/origin/main", "HEAD"],
    );
    git(dir.path(), &["checkout", "-q", "-b", "change"]);
    append(
        dir.path(),
        "catalog/regions/440300/002000112001.yaml",
        addition,
    );
    commit_all(dir.path(), "a change");
    (dir, main)
}

/// Run `script` with bash as a CI service does (stop at the first failing command), in `dir`,
/// with `env` and this build's catalogc first on PATH: (exit status, stdout and stderr).
fn bash(dir: &Path, script: &str, env: &[(String, String)]) -> (i32, String) {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_catalogc"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(dir)
        .env("PATH", path)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .output()
        .unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code().unwrap_or(-1), log)
}

/// The `run:` steps of a GitHub job, in order, until one fails: (name, status, log) for each, and
/// the `with:` of every `uses:` step (which this test does not run) by action.
struct GithubRun {
    steps: Vec<(String, i32, String)>,
    uses: Vec<(String, Yaml<'static>)>,
}

fn run_github_job(
    workflow: &Yaml<'static>,
    job: &str,
    dir: &Path,
    event: &[(&str, &str)],
) -> GithubRun {
    let mut env: Vec<(String, String)> = get(workflow, "env")
        .as_mapping()
        .unwrap()
        .iter()
        .map(|(k, v)| (string(k), string(v)))
        .collect();
    env.extend(event.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let mut run = GithubRun {
        steps: Vec::new(),
        uses: Vec::new(),
    };
    let steps = get(get(get(workflow, "jobs"), job), "steps");
    let mut failed = false;
    for step in steps.as_vec().unwrap() {
        if let Some(action) = step.as_mapping_get("uses") {
            let with = step
                .as_mapping_get("with")
                .cloned()
                .unwrap_or(Yaml::Sequence(Vec::new()));
            run.uses.push((string(action), with));
            continue;
        }
        if failed {
            continue; // GitHub skips the later `run:` steps; `if: always()` ones are `uses:`
        }
        let name = step.as_mapping_get("name").map(string).unwrap_or_default();
        let (status, log) = bash(dir, &string(get(step, "run")), &env);
        failed = status != 0;
        run.steps.push((name, status, log));
    }
    run
}

impl GithubRun {
    fn status(&self, name: &str) -> (i32, &str) {
        let (_, status, log) = self
            .steps
            .iter()
            .find(|(n, ..)| n == name)
            .unwrap_or_else(|| panic!("no step {name} ran: {:?}", self.steps));
        (*status, log)
    }

    fn with(&self, action: &str, key: &str) -> Vec<String> {
        let (_, with) = self
            .uses
            .iter()
            .find(|(a, _)| a.starts_with(action))
            .unwrap_or_else(|| panic!("no {action} step"));
        strings(get(with, key))
            .iter()
            .flat_map(|s| s.lines().map(String::from).collect::<Vec<_>>())
            .collect()
    }
}

#[test]
fn the_github_workflow_checks_a_pull_request_since_its_merge_base_and_uploads_sarif() {
    let workflow = load("github-actions.yml");
    let event = [
        ("GITHUB_BASE_REF", "main"),
        ("GITHUB_EVENT_NAME", "pull_request"),
    ];
    // A change that breaks an entry: the check fails, and the SARIF it leaves has the finding.
    let (dir, _) = repository("materails: []\n");
    let run = run_github_job(&workflow, "check", dir.path(), &event);
    let (status, log) = run.status("Check");
    assert_eq!(status, 1, "{log}");
    assert!(
        log.contains("--since") && log.contains("错误[CAT003]"),
        "{log}"
    );
    // The commits of the change, not a scan of the work tree.
    assert!(log.contains("仅检查该范围内各提交的修改"), "{log}");
    let sarif_file = &run.with("github/codeql-action/upload-sarif", "sarif_file")[0];
    let sarif = read_json(&dir.path().join(sarif_file));
    assert_eq!(
        schema_errors("sarif-schema-2.1.0.json", &sarif),
        Vec::<String>::new()
    );
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(
        results.iter().any(|r| r["ruleId"] == "CAT003"
            && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                == "catalog/regions/440300/002000112001.yaml"),
        "{sarif}"
    );
    // Only what the change can affect was checked (the merge base was found).
    assert!(log.contains("个文件已修改"), "{log}");
    for path in run.with("actions/cache", "path") {
        if !path.starts_with('~') {
            assert!(
                dir.path().join(&path).exists(),
                "the cached {path} is missing"
            );
        }
    }
    // A good change passes.
    let (dir, _) = repository("# 复核\n");
    let run = run_github_job(&workflow, "check", dir.path(), &event);
    let (status, log) = run.status("Check");
    assert_eq!(status, 0, "{log}");
}

#[test]
fn the_github_workflow_builds_the_portal_for_pages_on_a_push() {
    let workflow = load("github-actions.yml");
    let (dir, _) = repository("# 复核\n");
    git(dir.path(), &["checkout", "-q", "main"]);
    let event = [("GITHUB_EVENT_NAME", "push")];
    let run = run_github_job(&workflow, "check", dir.path(), &event);
    assert_eq!(run.status("Check").0, 0, "{}", run.status("Check").1);
    let run = run_github_job(&workflow, "pages", dir.path(), &event);
    assert!(
        run.steps.iter().all(|(_, status, _)| *status == 0),
        "{:?}",
        run.steps
    );
    let site = &run.with("actions/upload-pages-artifact", "path")[0];
    assert!(dir.path().join(site).join("index.html").is_file(), "{site}");
    assert!(
        dir.path()
            .join(site)
            .join("opendata/datapackage.json")
            .is_file(),
        "{site}"
    );
}

/// Every `before_script:` and `script:` line of a GitLab job as one bash program, with the
/// pipeline's `variables:` and `extra` as its environment.
fn run_gitlab_job(
    pipeline: &Yaml<'static>,
    job: &str,
    dir: &Path,
    extra: &[(&str, &str)],
) -> (i32, String) {
    let mut env: Vec<(String, String)> = get(pipeline, "variables")
        .as_mapping()
        .unwrap()
        .iter()
        .map(|(k, v)| (string(k), string(v)))
        .collect();
    env.push(("CI_PROJECT_DIR".to_string(), dir.display().to_string()));
    env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let job = get(pipeline, job);
    let before = job
        .as_mapping_get("before_script")
        .or_else(|| get(pipeline, "default").as_mapping_get("before_script"))
        .map(strings)
        .unwrap_or_default();
    let script = [before, strings(get(job, "script"))].concat().join("\n");
    bash(dir, &script, &env)
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `catalog-check` in a merge request pipeline whose change adds `addition` to an entry:
/// the repository, the job's exit status and its log.
fn merge_request(pipeline: &Yaml<'static>, addition: &str) -> (tempfile::TempDir, i32, String) {
    let (dir, base) = repository(addition);
    let variables = [
        ("CI_PIPELINE_SOURCE", "merge_request_event"),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", base.as_str()),
    ];
    let (status, log) = run_gitlab_job(pipeline, "catalog-check", dir.path(), &variables);
    (dir, status, log)
}

#[test]
fn the_gitlab_jobs_check_a_merge_request_since_its_diff_base_and_publish_pages() {
    let pipeline = load("gitlab-ci.yml");
    let job = get(&pipeline, "catalog-check");
    let report = string(get(get(get(job, "artifacts"), "reports"), "codequality"));
    assert_eq!(string(get(get(job, "artifacts"), "when")), "always");
    // A merge request that breaks an entry: the job fails and its Code Quality report says where.
    let (dir, status, log) = merge_request(&pipeline, "materails: []\n");
    assert_eq!(status, 1, "{log}");
    assert!(
        log.contains("--since") && log.contains("错误[CAT003]"),
        "{log}"
    );
    // The commits of the change, not a scan of the work tree.
    assert!(log.contains("仅检查该范围内各提交的修改"), "{log}");
    let quality = read_json(&dir.path().join(&report));
    assert_eq!(
        schema_errors("gitlab-codequality.schema.json", &quality),
        Vec::<String>::new()
    );
    assert!(
        quality
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["check_name"] == "CAT003"
                && i["location"]["path"] == "catalog/regions/440300/002000112001.yaml"),
        "{quality}"
    );
    let cached = strings(get(get(get(&pipeline, "default"), "cache"), "paths"));
    assert!(cached.iter().any(|p| p == ".catalogc-cache/"), "{cached:?}");
    assert!(dir.path().join(".catalogc-cache").is_dir());
    // A good merge request passes, its report holding the entry's warnings (approved deviations)
    // and no error; the default branch publishes the portal.
    let (dir, status, log) = merge_request(&pipeline, "# 复核\n");
    assert_eq!(status, 0, "{log}");
    let quality = read_json(&dir.path().join(&report));
    let issues = quality.as_array().unwrap();
    assert!(
        issues.iter().all(|i| i["severity"] == "minor"
            && i["location"]["path"] == "catalog/regions/440300/002000112001.yaml"),
        "{quality}"
    );
    let (status, log) = run_gitlab_job(&pipeline, "pages", dir.path(), &[]);
    assert_eq!(status, 0, "{log}");
    for path in strings(get(get(get(&pipeline, "pages"), "artifacts"), "paths")) {
        for file in ["index.html", "opendata/datapackage.json"] {
            assert!(
                dir.path().join(&path).join(file).is_file(),
                "{path}/{file}: {log}"
            );
        }
    }
}

/// The provinces of the sample catalog: its region folders whose region.yaml names no parent.
fn sample_provinces(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(dir.join("catalog/regions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            !std::fs::read_to_string(p.join("region.yaml"))
                .unwrap()
                .lines()
                .any(|l| l.starts_with("parent:"))
        })
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    found.sort();
    found
}

/// `catalogc ARGS…` on `dir` at the tests' reference date: the exit status and the output.
fn unsharded(dir: &Path, args: &[&str]) -> (i32, Vec<u8>) {
    let output = Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(args)
        .args(["--as-of", AS_OF, "--no-cache", "--root"])
        .arg(dir)
        .output()
        .unwrap();
    (output.status.code().unwrap_or(-1), output.stdout)
}

#[test]
fn the_national_github_workflow_shards_by_province_and_merges_to_the_unsharded_result() {
    let workflow = load("github-actions-national.yml");
    let matrix = strings(get(
        get(
            get(get(get(&workflow, "jobs"), "shard"), "strategy"),
            "matrix",
        ),
        "province",
    ));
    assert_eq!(matrix.len(), 31, "{matrix:?}");
    // A catalog with an error in one province's entry.
    let (dir, _) = repository("materails: []\n");
    for province in sample_provinces(dir.path()) {
        assert!(
            matrix.contains(&province),
            "{province} is not in the matrix"
        );
        let run = run_github_job(
            &workflow,
            "shard",
            dir.path(),
            &[("PROVINCE", province.as_str()), ("AS_OF", AS_OF)],
        );
        let (status, log) = run.status("Check and measure one province");
        assert_eq!(status, 0, "{province}: {log}");
        assert_eq!(run.with("actions/upload-artifact", "path"), ["shards/"]);
    }
    let run = run_github_job(&workflow, "merge", dir.path(), &[("AS_OF", AS_OF)]);
    let (status, log) = run.status("Merge the shards");
    let (check_status, sarif) = unsharded(dir.path(), &["check", "--format", "sarif"]);
    assert_eq!((status, check_status), (1, 1), "{log}");
    assert!(log.contains("错误[CAT003]"), "{log}");
    let sarif_file = &run.with("github/codeql-action/upload-sarif", "sarif_file")[0];
    assert!(
        std::fs::read(dir.path().join(sarif_file)).unwrap() == sarif,
        "the merged SARIF is not the unsharded check's"
    );
    let (_, diff) = unsharded(dir.path(), &["diff", "--format", "json"]);
    assert!(std::fs::read(dir.path().join("conformance.json")).unwrap() == diff);
    // Without one province's shards, merge refuses and says which.
    let missing = sample_provinces(dir.path()).remove(0);
    std::fs::remove_file(dir.path().join(format!("shards/findings-{missing}.json"))).unwrap();
    std::fs::remove_file(
        dir.path()
            .join(format!("shards/conformance-{missing}.json")),
    )
    .unwrap();
    let run = run_github_job(&workflow, "merge", dir.path(), &[("AS_OF", AS_OF)]);
    let (status, log) = run.status("Merge the shards");
    assert_eq!(status, 2, "{log}");
    assert!(
        // In the catalog's language (zh-CN), like every message.
        log.contains(&format!("没有分片覆盖省份 {missing}")),
        "{log}"
    );
}

#[test]
fn the_national_gitlab_pipeline_shards_by_province_and_merges_to_the_unsharded_result() {
    let pipeline = load("gitlab-ci-national.yml");
    let matrix = strings(get(
        &get(get(get(&pipeline, "national-shard"), "parallel"), "matrix")
            .as_vec()
            .unwrap()[0],
        "PROVINCE",
    ));
    assert_eq!(matrix.len(), 31, "{matrix:?}");
    let (dir, _) = repository("materails: []\n");
    for province in sample_provinces(dir.path()) {
        assert!(
            matrix.contains(&province),
            "{province} is not in the matrix"
        );
        let (status, log) = run_gitlab_job(
            &pipeline,
            "national-shard",
            dir.path(),
            &[("PROVINCE", province.as_str()), ("AS_OF", AS_OF)],
        );
        assert_eq!(status, 0, "{province}: {log}");
    }
    let (status, log) =
        run_gitlab_job(&pipeline, "national-merge", dir.path(), &[("AS_OF", AS_OF)]);
    let (check_status, report) = unsharded(dir.path(), &["check", "--format", "gitlab"]);
    assert_eq!((status, check_status), (1, 1), "{log}");
    let codequality = string(get(
        get(
            get(get(&pipeline, "national-merge"), "artifacts"),
            "reports",
        ),
        "codequality",
    ));
    assert!(
        std::fs::read(dir.path().join(codequality)).unwrap() == report,
        "the merged Code Quality report is not the unsharded check's"
    );
    let (_, diff) = unsharded(dir.path(), &["diff", "--format", "json"]);
    assert!(std::fs::read(dir.path().join("conformance.json")).unwrap() == diff);
}
