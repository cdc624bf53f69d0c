//! `export --git`: the post as a commit on its own branch of the blog's repository, built
//! from Git objects, with the user's working tree, index, HEAD and branches left exactly as
//! they were; refusals that change nothing; and the branch's tree building with Jekyll.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::util::{cli_command, cli_ok, stderr, stdout};

/// A blog repository in a temporary home (no one's real Git settings apply).
struct Blog {
    home: tempfile::TempDir,
    repo: PathBuf,
    journal: PathBuf,
}

impl Blog {
    /// A repository with one commit, a changed file, a staged new file and an untracked
    /// one; the demo trip in a journal beside it.
    fn new() -> Blog {
        let home = tempfile::tempdir().expect("tempdir");
        let repo = home.path().join("blog");
        let journal = home.path().join("journal.sqlite");
        let blog = Blog {
            repo,
            journal,
            home,
        };
        blog.git_in(blog.home.path(), &["init", "-q", "-b", "main", "blog"]);
        blog.git(&["config", "user.name", "Wing W"]);
        blog.git(&["config", "user.email", "wing@example.com"]);
        std::fs::write(blog.repo.join("_config.yml"), "title: A blog\n").expect("config");
        std::fs::write(blog.repo.join(".gitignore"), "_site/\n").expect("ignore");
        blog.git(&["add", "."]);
        blog.git(&["commit", "-q", "-m", "Start the blog"]);
        std::fs::write(
            blog.repo.join("_config.yml"),
            "title: A blog\nedited: yes\n",
        )
        .expect("edit");
        std::fs::write(blog.repo.join("about.md"), "About me\n").expect("staged");
        blog.git(&["add", "about.md"]);
        std::fs::write(blog.repo.join("notes.txt"), "untracked\n").expect("untracked");
        cli_ok(&blog.journal, &["demo"]);
        blog
    }

    fn git_in(&self, dir: &Path, args: &[&str]) -> String {
        let output = Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("HOME", self.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}: {}", stderr(&output));
        stdout(&output)
    }

    fn git(&self, args: &[&str]) -> String {
        self.git_in(&self.repo, args)
    }

    /// `tripjournal export --git` of the demo trip into the blog, with more flags.
    fn export(&self, more: &[&str]) -> Output {
        self.export_into(&self.repo, more)
    }

    /// `tripjournal export --git` of the demo trip with `--out repo` and more flags.
    fn export_into(&self, repo: &Path, more: &[&str]) -> Output {
        let repo = repo.to_str().expect("UTF-8 path");
        let mut args = vec![
            "export", "--trip", "1", "--layout", "jekyll", "--git", "--out", repo,
        ];
        args.extend_from_slice(more);
        cli_command(&self.journal, &args)
            .env("HOME", self.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("the binary runs")
    }

    /// Every file of the repository's folder (including .git's HEAD, index and refs), for
    /// comparing before and after.
    fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        let mut stack = vec![self.repo.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("folder") {
                let path = entry.expect("entry").path();
                let relative = path.strip_prefix(&self.repo).expect("inside").to_path_buf();
                if relative.starts_with(".git/objects") || relative.starts_with(".git/logs") {
                    continue;
                }
                if path.is_dir() {
                    stack.push(path);
                } else {
                    files.insert(relative, std::fs::read(&path).expect("file"));
                }
            }
        }
        files
    }
}

const SLUG: &str = "openstack-bo-lin-feng-hui-berlin-summit-2018";

fn branch() -> String {
    format!("tripjournal/{SLUG}")
}

#[test]
fn the_post_is_one_commit_on_its_branch_and_nothing_of_the_users_is_touched() {
    let blog = Blog::new();
    // Ignore rules apply to a checkout's `git add`, not to the post: committed, and said.
    std::fs::write(blog.repo.join(".gitignore"), "_site/\n*.jpg\n").expect("ignore");
    let before = blog.files();
    let status = blog.git(&["status", "--porcelain"]);
    let output = blog.export(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    let last = printed.lines().last().expect("a last line");
    let commit = blog.git(&["rev-parse", &branch()]);
    assert_eq!(last, format!("{} {}", branch(), commit.trim()));
    assert_eq!(
        blog.files()
            .into_iter()
            .filter(|(p, _)| !p.starts_with(".git/refs/heads/tripjournal"))
            .collect::<BTreeMap<_, _>>(),
        before
    );
    assert_eq!(blog.git(&["status", "--porcelain"]), status);
    assert_eq!(
        blog.git(&["rev-parse", "--abbrev-ref", "HEAD"]).trim(),
        "main"
    );
    assert!(
        stderr(&output).contains("committed although .gitignore matches them: assets/images/"),
        "{}",
        stderr(&output)
    );

    // One commit on top of main, by the repository's user, holding the post and its images.
    let log = blog.git(&[
        "log",
        "--format=%an <%ae>|%s",
        &format!("main..{}", branch()),
    ]);
    assert_eq!(
        log.trim(),
        "Wing W <wing@example.com>|Post: OpenStack 柏林峰会 · Berlin Summit 2018"
    );
    let tree = blog.git(&["ls-tree", "-r", "--name-only", &branch()]);
    let post = format!("_drafts/{SLUG}.md");
    assert!(tree.lines().any(|line| line == post), "{tree}");
    let images: Vec<&str> = printed
        .lines()
        .filter(|l| l.starts_with("assets/images/"))
        .collect();
    assert_eq!(images.len(), 8, "{printed}");
    for image in &images {
        assert!(
            tree.lines().any(|line| line == *image),
            "{image} not in {tree}"
        );
    }
    assert!(tree.lines().any(|line| line == "_config.yml"));
    assert!(
        !tree.lines().any(|line| line == "about.md"),
        "the index stays out"
    );
    let committed = blog.git(&["show", &format!("{}:_config.yml", branch())]);
    assert_eq!(
        committed, "title: A blog\n",
        "the working tree's edit stays out"
    );
}

#[test]
fn exporting_again_adds_a_commit_only_when_the_post_changed() {
    let blog = Blog::new();
    assert!(blog.export(&[]).status.success());
    let first = blog.git(&["rev-parse", &branch()]);
    let again = blog.export(&[]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        stdout(&again).lines().last(),
        Some(format!("{} unchanged", branch()).as_str())
    );
    assert_eq!(blog.git(&["rev-parse", &branch()]), first);

    cli_ok(
        &blog.journal,
        &["entry", "edit", "1", "--body", "Back in Beijing."],
    );
    let changed = blog.export(&[]);
    assert!(changed.status.success(), "{}", stderr(&changed));
    let parent = blog.git(&["rev-parse", &format!("{}^", branch())]);
    assert_eq!(parent, first, "the new commit follows the first");
    let diff = blog.git(&["diff", "--name-only", first.trim(), &branch()]);
    assert_eq!(
        diff.trim(),
        format!("_drafts/{SLUG}.md"),
        "only the post changed"
    );
    let post = blog.git(&["show", &format!("{}:_drafts/{SLUG}.md", branch())]);
    assert!(post.contains("Back in Beijing."));
}

#[test]
fn refusals_name_the_problem_in_one_line_and_change_nothing() {
    let blog = Blog::new();
    blog.git(&["branch", "mine"]);
    let before = blog.files();
    let refused = |more: &[&str], expected: &str| {
        let output = blog.export(more);
        assert!(!output.status.success(), "{more:?} was accepted");
        let text = stderr(&output);
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(text.contains(expected), "{more:?}: {text}");
    };
    refused(
        &["--branch", "mine"],
        "the branch mine exists and was not made by tripjournal",
    );
    refused(&["--branch", "two..dots"], "is not a name Git accepts");
    blog.git(&["config", "--unset", "user.name"]);
    blog.git(&["config", "--unset", "user.email"]);
    refused(&[], "git config user.name");
    assert_eq!(
        blog.files()
            .into_iter()
            .filter(|(p, _)| p != Path::new(".git/config"))
            .collect::<BTreeMap<_, _>>(),
        before
            .into_iter()
            .filter(|(p, _)| p != Path::new(".git/config"))
            .collect::<BTreeMap<_, _>>()
    );

    let bare = blog.home.path().join("bare.git");
    blog.git_in(
        blog.home.path(),
        &["clone", "-q", "--bare", "blog", "bare.git"],
    );
    let output = blog.export_into(&bare, &[]);
    assert!(
        stderr(&output).contains("a bare repository"),
        "{}",
        stderr(&output)
    );
    let output = blog.export_into(blog.home.path(), &[]);
    assert!(
        stderr(&output).contains("not the top folder of a Git repository"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn forced_onto_another_branch_and_mid_merge_the_working_tree_is_left_alone() {
    let blog = Blog::new();
    blog.git(&["commit", "-q", "-m", "About page"]);
    blog.git(&["checkout", "-q", "-b", "side", "HEAD~1"]);
    std::fs::write(blog.repo.join("about.md"), "Side\n").expect("side");
    blog.git(&["add", "about.md"]);
    blog.git(&["commit", "-q", "-m", "Side about"]);
    let merge = Command::new("git")
        .args(["merge", "-q", "main"])
        .current_dir(&blog.repo)
        .env("HOME", blog.home.path())
        .output()
        .expect("git");
    assert!(
        !merge.status.success(),
        "the merge should stop on a conflict"
    );
    let before = blog.files();
    let output = blog.export(&["--branch", "side", "--force"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("in the middle of a merge"),
        "{}",
        stderr(&output)
    );
    let mut after = blog.files();
    after.remove(Path::new(".git/refs/heads/side"));
    let mut before = before;
    before.remove(Path::new(".git/refs/heads/side"));
    assert_eq!(after, before);
    assert_eq!(
        blog.git(&["log", "-1", "--format=%s", "side~1"]).trim(),
        "Side about"
    );
}

#[test]
fn the_branch_builds_with_jekyll_from_a_worktree() {
    if !crate::util::present_or_skipped(
        Command::new("jekyll")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success()),
        "jekyll",
    ) {
        return;
    }
    let blog = Blog::new();
    assert!(blog.export(&[]).status.success());
    let worktree = blog.home.path().join("draft");
    blog.git(&[
        "worktree",
        "add",
        "-q",
        worktree.to_str().expect("path"),
        &branch(),
    ]);
    let site = worktree.join("_site");
    let output = Command::new("jekyll")
        .args(["build", "--drafts", "--quiet", "-s"])
        .arg(&worktree)
        .arg("-d")
        .arg(&site)
        .output()
        .expect("jekyll runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let mut pages = Vec::new();
    let mut stack = vec![site.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("site") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                pages.push(std::fs::read_to_string(&path).expect("page"));
            }
        }
    }
    let page = pages
        .iter()
        .find(|p| p.contains("Eisbein"))
        .expect("the post's page");
    let images = site.join(format!("assets/images/{SLUG}"));
    assert_eq!(std::fs::read_dir(&images).expect("images").count(), 8);
    assert!(
        page.contains(&format!("/assets/images/{SLUG}/")),
        "images linked"
    );
}

/// The export dialog's *Commit to Git*: typed destination, ticked box, a branch name, Export.
#[test]
fn the_export_dialog_commits_into_the_repository() {
    use egui_kittest::kittest::Queryable;

    use crate::gui::{export_dialog_on_demo, settle, shown_until, type_destination};

    let blog = Blog::new();
    let before = blog.files();
    let journal = blog.home.path().join("window.sqlite");
    let mut harness = export_dialog_on_demo(journal);
    harness.get_by_label("Jekyll").click();
    type_destination(&mut harness, &blog.repo);
    harness.get_by_label("Also 800 px for phones").click();
    harness.get_by_label("Commit to Git").click();
    settle(&mut harness);
    harness.get_by_label("Branch").click();
    harness.get_by_label("Branch").type_text("drafts/berlin");
    settle(&mut harness);
    harness.get_by_label("Export").click();
    shown_until(&mut harness, "the commit's report", |harness| {
        harness
            .query_all_by_label_contains("on drafts/berlin; push it with")
            .next()
            .is_some()
    });
    let subject = blog.git(&["log", "-1", "--format=%an|%s", "drafts/berlin"]);
    assert_eq!(
        subject.trim(),
        "Wing W|Post: OpenStack 柏林峰会 · Berlin Summit 2018"
    );
    let tree = blog.git(&["ls-tree", "-r", "--name-only", "drafts/berlin"]);
    let phone_sized = tree
        .lines()
        .filter(|line| line.ends_with("-800w.jpg"))
        .count();
    assert_eq!(phone_sized, 8, "each photo also at 800 px: {tree}");
    let post = blog.git(&["show", &format!("drafts/berlin:_drafts/{SLUG}.md")]);
    assert_eq!(post.matches(" srcset=").count(), 8, "{post}");
    let mut after = blog.files();
    after.remove(Path::new(".git/refs/heads/drafts/berlin"));
    assert_eq!(
        after, before,
        "the working tree, index and HEAD are untouched"
    );

    // Again, with nothing changed: no new commit, and the dialog says so.
    harness.get_by_label("Export").click();
    shown_until(&mut harness, "the unchanged report", |harness| {
        harness
            .query_all_by_label_contains("drafts/berlin already holds this post")
            .next()
            .is_some()
    });
}

#[test]
fn a_shallow_clone_gets_the_commit_with_a_note() {
    let blog = Blog::new();
    let url = format!("file://{}", blog.repo.display());
    blog.git_in(
        blog.home.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let shallow = blog.home.path().join("shallow");
    Command::new("git")
        .args(["config", "user.name", "Wing W"])
        .current_dir(&shallow)
        .status()
        .expect("git");
    Command::new("git")
        .args(["config", "user.email", "wing@example.com"])
        .current_dir(&shallow)
        .status()
        .expect("git");
    let output = blog.export_into(&shallow, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("a shallow clone"),
        "{}",
        stderr(&output)
    );
    let parent = blog.git_in(&shallow, &["rev-parse", &format!("{}^", branch())]);
    let head = blog.git_in(&shallow, &["rev-parse", "HEAD"]);
    assert_eq!(parent, head, "the commit follows the clone's HEAD");
}
