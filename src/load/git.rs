//! Reading the catalog's git history with the `git` command.
//!
//! catalogc needs four things from git: the files changed since a revision (for `check --since`),
//! the commits in a range with their dates and messages, the files a commit touched, and the
//! catalog's files as they were at a revision (read with one `git cat-file --batch` process).
//! The git command is on every machine that holds a catalog repository; linking a git library
//! (gix took about two minutes to build on the CI machines, git2 links C) buys nothing for these
//! few reads. Every path here is relative to the catalog root, which may be a sub-folder of the
//! repository.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Why git could not answer.
#[derive(Debug)]
pub enum GitError {
    /// The `git` program could not be started.
    Spawn(std::io::Error),
    /// A git command exited with an error; what it printed on stderr.
    Failed { command: String, stderr: String },
    /// Not a revision (or not a commit) of this repository.
    NotARevision(String),
    /// Not a revision range `A..B`.
    NotARange(String),
    /// A range for `check --since` that does not end at HEAD, the commit the work tree holds.
    RangeNotAtHead(String),
    /// The catalog root is not inside a git work tree.
    NotARepository(PathBuf),
    /// git answered something catalogc cannot read.
    Unexpected(String),
    /// Reading git's output or writing a revision's files failed.
    Io(std::io::Error),
}

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GitError::Spawn(_) => f.write_str("cannot run git"),
            GitError::Failed { command, stderr } => write!(f, "git {command} failed: {stderr}"),
            GitError::NotARevision(rev) => write!(f, "`{rev}` is not a commit in this repository"),
            GitError::NotARange(range) => write!(f, "`{range}` is not a revision range"),
            GitError::RangeNotAtHead(range) => write!(f, "`{range}` does not end at HEAD"),
            GitError::NotARepository(root) => {
                write!(f, "{} is not in a git repository", root.display())
            }
            GitError::Unexpected(what) => write!(f, "unexpected output from git: {what}"),
            GitError::Io(_) => f.write_str("cannot read from git or write a revision's files"),
        }
    }
}

impl std::error::Error for GitError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GitError::Spawn(e) | GitError::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// One commit: its id, its committer date (ISO 8601, from git, never the clock) and its message.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Commit {
    pub id: String,
    pub date: String,
    pub author: String,
    pub subject: String,
    #[serde(skip)]
    pub parent: Option<String>,
}

/// An exception's `expires` date as [`Git::expiry_dates`] finds it (POSIX ERE, one line at a
/// time); the date is a match's last 10 characters.
pub const EXPIRES: &str = r#"expires["']?:[[:space:]]*["']?[0-9]{4}-[0-9]{2}-[0-9]{2}"#;

/// The `expires` dates in a file's bytes, as `git grep -I -o -E EXPIRES` finds them: none in a
/// binary file (a NUL byte in its first 8,000), every match on every line.
pub fn expiry_dates_in(bytes: &[u8]) -> Vec<String> {
    static PATTERN: std::sync::OnceLock<regex::bytes::Regex> = std::sync::OnceLock::new();
    if bytes[..bytes.len().min(8000)].contains(&0) {
        return Vec::new();
    }
    let pattern =
        PATTERN.get_or_init(|| regex::bytes::Regex::new(EXPIRES).expect("a valid pattern"));
    bytes
        .split(|&b| b == b'\n')
        .flat_map(|line| pattern.find_iter(line))
        .filter_map(|m| {
            let found = m.as_bytes();
            std::str::from_utf8(&found[found.len().checked_sub(10)?..])
                .ok()
                .map(str::to_string)
        })
        .collect()
}

pub struct Git {
    root: PathBuf,
}

impl Git {
    /// The repository holding the catalog root, or `None` when it is not in one (or git is absent).
    pub fn open(root: &Path) -> Option<Git> {
        let git = Git {
            root: root.to_path_buf(),
        };
        git.run(&["rev-parse", "--is-inside-work-tree"])
            .ok()
            .filter(|out| out.trim() == "true")
            .map(|_| git)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new("git");
        command
            .arg("-C")
            .arg(&self.root)
            .args(args)
            .env("GIT_OPTIONAL_LOCKS", "0");
        command
    }

    fn run(&self, args: &[&str]) -> Result<String, GitError> {
        let output = self
            .command(args)
            .stdin(Stdio::null())
            .output()
            .map_err(GitError::Spawn)?;
        if !output.status.success() {
            return Err(GitError::Failed {
                command: args.join(" "),
                stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
            });
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// Check that a revision names a commit.
    pub fn verify(&self, rev: &str) -> Result<String, GitError> {
        if rev.starts_with('-') {
            return Err(GitError::NotARevision(rev.to_string()));
        }
        self.run(&[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ])
        .map(|id| id.trim().to_string())
        .map_err(|_| GitError::NotARevision(rev.to_string()))
    }

    /// Files under `catalog/` and `schema/` (all a check reads) changed between `rev` and the
    /// working tree, committed or not, plus untracked files. Limiting git to those folders keeps
    /// it from scanning the rest of the work tree (outputs, caches).
    pub fn changed_since(&self, rev: &str) -> Result<Vec<String>, GitError> {
        let id = self.verify(rev)?;
        // Both commands scan the work tree (changed and untracked files): run them side by side.
        let (changed, untracked) = std::thread::scope(|scope| {
            let untracked = scope.spawn(|| {
                self.run(&[
                    "ls-files",
                    "--others",
                    "--exclude-standard",
                    "--",
                    "catalog",
                    "schema",
                ])
            });
            let changed = self.changed_files(&[&id]);
            let untracked = untracked
                .join()
                .unwrap_or_else(|_| Err(GitError::Unexpected("git ls-files stopped".to_string())));
            (changed, untracked)
        });
        let mut files: Vec<String> = changed?
            .lines()
            .chain(untracked?.lines())
            .map(str::to_string)
            .collect();
        files.sort();
        files.dedup();
        Ok(files)
    }

    /// For `check --since A..B` (or `A...B`, from the two commits' merge base): the files under
    /// `catalog/` and `schema/` that the range changed, and the commit they are compared with (A,
    /// or the merge base). The work tree is not looked at: git's scan of a national work tree
    /// (1.5 million files) takes seconds, and a clean checkout in CI has nothing uncommitted. An
    /// empty side is HEAD, as in git. B must be HEAD: the check reads the work tree's files.
    pub fn changed_in(&self, range: &str) -> Result<(String, Vec<String>), GitError> {
        let (from, to, merge_base) = if let Some((a, b)) = range.split_once("...") {
            (a, b, true)
        } else if let Some((a, b)) = range.split_once("..") {
            (a, b, false)
        } else {
            return Err(GitError::NotARange(range.to_string()));
        };
        let or_head = |side: &str| if side.is_empty() { "HEAD" } else { side }.to_string();
        let (from, to) = (self.verify(&or_head(from))?, self.verify(&or_head(to))?);
        if to != self.verify("HEAD")? {
            return Err(GitError::RangeNotAtHead(range.to_string()));
        }
        let base = if merge_base {
            self.run(&["merge-base", &from, &to])?.trim().to_string()
        } else {
            from
        };
        let changed = self.changed_files(&[&base, &to])?;
        let mut files: Vec<String> = changed.lines().map(str::to_string).collect();
        files.sort();
        Ok((base, files))
    }

    /// `git diff --name-only` of `revs` (a revision against the work tree, or two commits) for
    /// the folders a check reads.
    fn changed_files(&self, revs: &[&str]) -> Result<String, GitError> {
        let mut args = vec!["diff", "--name-only", "--no-renames", "--relative"];
        args.extend(revs);
        args.extend(["--", "catalog", "schema"]);
        self.run(&args)
    }

    /// A range covering the last `n` commits that touched the catalog (`A^..HEAD`, or `HEAD` when
    /// they reach the first commit), or `None` when there is no commit yet.
    pub fn recent_range(&self, n: usize) -> Result<Option<String>, GitError> {
        let count = n.max(1).to_string();
        let ids = self.run(&[
            "log",
            "-n",
            &count,
            "--format=%H",
            "--",
            "catalog",
            "schema",
        ])?;
        let Some(oldest) = ids.lines().last() else {
            return Ok(None);
        };
        let has_parent = self
            .run(&["rev-parse", "--verify", "--quiet", &format!("{oldest}^")])
            .is_ok();
        Ok(Some(if has_parent {
            format!("{oldest}^..HEAD")
        } else {
            "HEAD".to_string()
        }))
    }

    /// The commits of a range that changed `catalog/` or `schema/`, oldest first, each with the
    /// files it changed (against its first parent: a merge brings its branch's changes), read
    /// with one `git log`.
    pub fn catalog_commits(&self, range: &str) -> Result<Vec<(Commit, Vec<String>)>, GitError> {
        if range.starts_with('-') {
            return Err(GitError::NotARange(range.to_string()));
        }
        let format = "--format=%x1e%H%x1f%P%x1f%cI%x1f%an%x1f%s%x1f";
        let out = self.run(&[
            "log",
            "--reverse",
            "--first-parent",
            "-m",
            "--name-only",
            "--no-renames",
            "--relative",
            format,
            range,
            "--",
            "catalog",
            "schema",
        ])?;
        Ok(out
            .split('\x1e')
            .filter_map(|record| {
                let fields: Vec<&str> = record.split('\x1f').collect();
                let [id, parents, date, author, subject, files] = fields.as_slice() else {
                    return None;
                };
                let commit = Commit {
                    id: id.to_string(),
                    parent: parents.split_whitespace().next().map(str::to_string),
                    date: date.to_string(),
                    author: author.to_string(),
                    subject: subject.to_string(),
                };
                let mut files: Vec<String> = files
                    .lines()
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect();
                files.sort();
                files.dedup();
                Some((commit, files))
            })
            .collect())
    }

    /// Every file under `folders` (relative to the catalog root) at `rev`, with its bytes.
    pub fn files_at(
        &self,
        rev: &str,
        folders: &[&str],
    ) -> Result<Vec<(String, Vec<u8>)>, GitError> {
        let (names, objects): (Vec<String>, Vec<String>) =
            self.blobs_at(rev, folders)?.into_iter().unzip();
        let contents = self.cat(&objects)?;
        Ok(names
            .into_iter()
            .zip(contents)
            .filter_map(|(name, bytes)| bytes.map(|b| (name, b)))
            .collect())
    }

    /// Every file under `folders` at `rev`: its path and its blob's object id.
    pub fn blobs_at(&self, rev: &str, folders: &[&str]) -> Result<Vec<(String, String)>, GitError> {
        let mut args = vec!["ls-tree", "-r", "-z", rev, "--"];
        args.extend(folders.iter().copied());
        // Records are `<mode> <type> <object>\t<path>`. Blobs are then asked for by object id:
        // asking by `rev:path` makes git walk the tree from its root again for every file.
        Ok(self
            .run(&args)?
            .split('\0')
            .filter_map(|record| {
                let (info, path) = record.split_once('\t')?;
                let mut info = info.split(' ');
                let (_, kind, object) = (info.next()?, info.next()?, info.next()?);
                (kind == "blob").then(|| (path.to_string(), object.to_string()))
            })
            .collect())
    }

    /// The region folders of a revision's `listing` ([`Git::blobs_at`]), each with the `parent`
    /// its `region.yaml` names (`None` without one): the tree that `pipeline::units` groups into
    /// provinces. Reads the `region.yaml` blobs only.
    pub fn region_parents(
        &self,
        listing: &[(String, String)],
    ) -> Result<std::collections::BTreeMap<String, Option<String>>, GitError> {
        let mut parents = std::collections::BTreeMap::new();
        let mut regions = Vec::new();
        for (path, object) in listing {
            let Some(rest) = path.strip_prefix("catalog/regions/") else {
                continue;
            };
            let Some((folder, file)) = rest.split_once('/') else {
                continue;
            };
            parents.insert(folder.to_string(), None);
            if file == "region.yaml" {
                regions.push((folder.to_string(), object.clone()));
            }
        }
        let objects: Vec<String> = regions.iter().map(|(_, o)| o.clone()).collect();
        for ((folder, _), bytes) in regions.into_iter().zip(self.cat(&objects)?) {
            // Read as the compile reads it (a byte order mark dropped, full-width slips
            // repaired), so that the links are the ones it follows; its findings, and so the
            // language of their messages, are not used.
            let path = format!("catalog/regions/{folder}/region.yaml");
            let parent = bytes
                .and_then(|bytes| {
                    crate::load::document_from_bytes(
                        crate::load::Kind::Region,
                        &path,
                        bytes,
                        crate::load::yaml::Limits::default(),
                        crate::load::editor::Lang::Zh,
                    )
                    .0
                })
                .and_then(|d| Some(d.json.get("parent")?.as_str()?.to_string()));
            parents.insert(folder, parent);
        }
        Ok(parents)
    }

    /// The committer date of a revision (ISO 8601).
    pub fn date_of(&self, rev: &str) -> Result<String, GitError> {
        let id = self.verify(rev)?;
        Ok(self
            .run(&["log", "-1", "--format=%cI", &id])?
            .trim()
            .to_string())
    }

    /// Every `expires` date (an exception's) in the files under `catalog/regions/` at `rev`, with
    /// the file that holds it: a text search of the revision's blobs (`git grep`, the pattern
    /// [`EXPIRES`]), which parses nothing.
    pub fn expiry_dates(&self, rev: &str) -> Result<Vec<(String, String)>, GitError> {
        let args = [
            "grep",
            "-I",
            "-o",
            "-E",
            EXPIRES,
            rev,
            "--",
            "catalog/regions",
        ];
        let output = self
            .command(&args)
            .stdin(Stdio::null())
            .output()
            .map_err(GitError::Spawn)?;
        // 1: nothing matched.
        if !output.status.success() && output.status.code() != Some(1) {
            return Err(GitError::Failed {
                command: args.join(" "),
                stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
            });
        }
        Ok(String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| {
                // `<rev>:<path>:<match>`; the date is the match's last 10 characters.
                let (path, _) = line.strip_prefix(rev)?.strip_prefix(':')?.split_once(':')?;
                let date = line.get(line.len().checked_sub(10)?..)?;
                Some((path.to_string(), date.to_string()))
            })
            .collect())
    }

    /// The commits that changed `path`, newest first (`git log --format=%H -- path`).
    pub fn commits_of(&self, path: &str) -> Result<Vec<String>, GitError> {
        Ok(self
            .run(&["log", "--format=%H", "--", path])?
            .lines()
            .map(str::to_string)
            .collect())
    }

    /// Several files at a revision, read with one `git cat-file --batch`; a file the revision
    /// does not have is `None`.
    pub fn paths_at(&self, rev: &str, paths: &[&str]) -> Result<Vec<Option<Vec<u8>>>, GitError> {
        if paths.is_empty() {
            return Ok(Vec::new());
        }
        let objects: Vec<String> = paths.iter().map(|p| format!("{rev}:./{p}")).collect();
        self.cat(&objects)
    }

    /// The content of one file at `rev`, if it existed there.
    pub fn file_at(&self, rev: &str, path: &str) -> Result<Option<Vec<u8>>, GitError> {
        Ok(self.cat(&[format!("{rev}:./{path}")])?.pop().flatten())
    }

    /// Read many blobs at once with `git cat-file --batch`; `objects` are object names (an id,
    /// or `rev:./path`), and an object that does not exist is `None`.
    pub fn cat(&self, objects: &[String]) -> Result<Vec<Option<Vec<u8>>>, GitError> {
        let mut child = self
            .command(&["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(GitError::Spawn)?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| GitError::Unexpected("git cat-file has no input".into()))?;
        let requests: String = objects.iter().map(|o| format!("{o}\n")).collect();
        let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| GitError::Unexpected("git cat-file has no output".into()))?;
        let mut reader = BufReader::new(stdout);
        let mut found = Vec::with_capacity(objects.len());
        for _ in objects {
            let mut header = String::new();
            reader.read_line(&mut header).map_err(GitError::Io)?;
            let parts: Vec<&str> = header.split_whitespace().collect();
            match parts.as_slice() {
                [_, "blob", size] => {
                    let size: usize = size
                        .parse()
                        .map_err(|_| GitError::Unexpected(format!("cat-file header {header}")))?;
                    let mut bytes = vec![0; size + 1];
                    reader.read_exact(&mut bytes).map_err(GitError::Io)?;
                    bytes.pop();
                    found.push(Some(bytes));
                }
                _ => found.push(None),
            }
        }
        let _ = writer.join();
        let _ = child.wait();
        Ok(found)
    }
}
