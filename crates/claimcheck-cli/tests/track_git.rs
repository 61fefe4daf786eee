//! `claimcheck track DIR --since REV` over a git history built here, with
//! fixed commit dates so the output is the same on every machine.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo_bin_cmd;

fn git(dir: &Path, args: &[&str], date: &str) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Desk")
        .env("GIT_AUTHOR_EMAIL", "desk@example.org")
        .env("GIT_COMMITTER_NAME", "Desk")
        .env("GIT_COMMITTER_EMAIL", "desk@example.org")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

const STORY: &str = "---\ntitle: Meta and Scale AI\ndate: 2025-06-10\n---\n\n# Meta and Scale AI\n\n\
Facebook owner Meta is in talks to invest $10 billion in Scale AI, two people familiar with the plan said.\n\n\
Scale AI was founded in 2016 by Alexandr Wang.\n";

/// A repository whose `news/scale.md` says $10 billion, then $14.8 billion,
/// then $14.3 billion, on three days; `README.txt` is not under `news/`.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    git(root, &["init", "-q"], "2025-06-10T09:00:00Z");
    std::fs::create_dir(root.join("news")).expect("mkdir");
    std::fs::write(root.join("README.txt"), "Meta invested $1 billion in Scale AI.\n").expect("write");
    let versions = [
        ("2025-06-10T09:00:00Z", "is in talks to invest $10 billion"),
        ("2025-06-11T09:00:00Z", "agreed to invest $14.8 billion"),
        ("2025-06-13T09:00:00Z", "invested $14.3 billion"),
    ];
    for (date, phrase) in versions {
        let text = STORY.replace("is in talks to invest $10 billion", phrase);
        std::fs::write(root.join("news/scale.md"), text).expect("write");
        git(root, &["add", "-A"], date);
        git(root, &["commit", "-q", "-m", phrase], date);
    }
    dir
}

fn without_hashes(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('@') {
        out.push_str(&rest[..i]);
        out.push_str("@REV");
        rest = &rest[(i + 8).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

#[test]
fn versions_since_a_revision_show_each_change() {
    let repo = repository();
    let out = cargo_bin_cmd!("claimcheck")
        .current_dir(repo.path())
        .args(["track", "--format", "csv", "--changed", "news", "--since", "HEAD~2"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = without_hashes(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        csv,
        "subject,attribute,object,unit,period,date,version,line,column,text,value,high,qualifier,changed\n\
         Meta,investment,Scale AI,USD,,2025-06-10,news/scale.md@REV,8,43,$10 billion,10000000000,,exact,false\n\
         Meta,investment,Scale AI,USD,,2025-06-11,news/scale.md@REV,8,38,$14.8 billion,14800000000,,exact,true\n\
         Meta,investment,Scale AI,USD,,2025-06-13,news/scale.md@REV,8,30,$14.3 billion,14300000000,,exact,true\n"
    );
}

#[test]
fn an_unknown_revision_is_bad_input() {
    let repo = repository();
    let out = cargo_bin_cmd!("claimcheck")
        .current_dir(repo.path())
        .args(["track", "news", "--since", "v9.9"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--since v9.9: unknown revision"), "{err}");
}

#[test]
fn outside_a_git_work_tree_is_bad_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.md"), STORY).expect("write");
    let out = cargo_bin_cmd!("claimcheck")
        .current_dir(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap_or(dir.path()))
        .args(["track", "a.md", "--since", "HEAD"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a.md: not in a git work tree"), "{err}");
    assert!(err.contains("help: "), "{err}");
}
