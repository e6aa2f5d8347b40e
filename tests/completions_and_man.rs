//! Shell completions and man pages are generated from the command-line definition: the bash
//! script, loaded in a real bash, completes every command and the values of `--format`; the
//! man pages render with the real `man` and name every command and every flag.

use std::process::Command;

use clap::CommandFactory;

fn catalogc(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Every command of the parser (the same list clap's help prints, `help` aside).
fn commands() -> Vec<String> {
    let commands: Vec<String> = catalogc::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    assert!(commands.len() >= 9, "{commands:?}");
    commands
}

/// What bash completes for the words of `line` (the last one being completed).
fn complete(script: &std::path::Path, words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={}\nCOMP_LINE='{}'\nCOMP_POINT=${{#COMP_LINE}}\n_catalogc catalogc '{}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        quoted.join(" "),
        words.len() - 1,
        words.join(" "),
        words[words.len() - 1],
        words[words.len().saturating_sub(2)],
    );
    let output = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .expect("bash runs");
    assert!(output.status.success(), "{output:?}");
    let mut found: Vec<String> = String::from_utf8(output.stdout)
        .unwrap()
        .split_whitespace()
        .map(String::from)
        .collect();
    found.sort();
    found
}

#[test]
fn the_bash_completion_completes_every_command_and_the_formats_in_a_real_bash() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("catalogc.bash");
    std::fs::write(&script, catalogc(&["completions", "bash"])).unwrap();
    let all = complete(&script, &["catalogc", ""]);
    for command in commands() {
        assert!(all.contains(&command), "{command} not in {all:?}");
    }
    assert_eq!(
        complete(&script, &["catalogc", "ch"]),
        ["changelog", "check"]
    );
    assert_eq!(
        complete(&script, &["catalogc", "check", "--format", "g"]),
        ["github", "gitlab"]
    );
    let formats = complete(&script, &["catalogc", "check", "--format", ""]);
    assert!(formats.contains(&"sarif".to_string()), "{formats:?}");
    assert_eq!(
        complete(&script, &["catalogc", "check", "--sin"]),
        ["--since"]
    );
    // The scripts of the other shells name every command too.
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let script = catalogc(&["completions", shell]);
        for command in commands() {
            assert!(script.contains(&command), "{shell}: no {command}");
        }
    }
}

/// `man -l FILE` as plain text (the real man-db formatter).
fn render(page: &std::path::Path) -> String {
    let output = Command::new("man")
        .arg("-l")
        .arg(page)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "200")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("man (man-db) is installed");
    assert!(output.status.success(), "{output:?}");
    // man-db writes bold and underlined text with backspaces when its output is not a terminal.
    let text = String::from_utf8_lossy(&output.stdout);
    let mut plain = String::new();
    for c in text.chars() {
        if c == '\u{8}' {
            plain.pop();
        } else {
            plain.push(c);
        }
    }
    plain
}

#[test]
fn the_man_pages_render_with_man_and_name_every_command_and_flag() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("catalogc.1");
    std::fs::write(&page, catalogc(&["man"])).unwrap();
    let text = render(&page);
    assert!(text.contains("SUBCOMMANDS"), "{text}");
    for command in commands() {
        assert!(
            text.contains(&format!("catalogc-{command}(1)")),
            "{command}: {text}"
        );
    }
    // One page per command, each listing every long flag the parser accepts.
    let out = dir.path().join("man1");
    catalogc(&["man", "--out", out.to_str().unwrap()]);
    for command in catalogc::cli::Cli::command().get_subcommands() {
        let text = render(&out.join(format!("catalogc-{}.1", command.get_name())));
        // (A hidden flag, such as `--whole-catalog` for the tests, is left out on purpose.)
        for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
            if let Some(long) = arg.get_long() {
                assert!(
                    text.contains(&format!("--{long}")),
                    "catalogc-{}.1 lacks --{long}: {text}",
                    command.get_name()
                );
            }
        }
    }
    let check = render(&out.join("catalogc-check.1"));
    assert!(
        check.contains("gitlab") && check.contains("--since"),
        "{check}"
    );
}
