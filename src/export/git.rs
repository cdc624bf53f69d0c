//! Exporting a trip into a blog's Git repository as a draft commit on its own branch
//! (`tripjournal/<slug>` unless the user names another), built from Git objects alone: the
//! post and images become blobs, the branch's (or else HEAD's) tree is updated with them and
//! committed, and only the branch's reference moves. The user's working tree, index, HEAD and
//! current branch are never touched, so this works mid-merge or mid-rebase, and nothing is
//! ever pushed. A branch is tripjournal's when its tip commit carries the
//! [`TRAILER`] line; another branch of that name is refused unless forced.

use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Sender;

use git2::{BranchType, FileMode, Oid, Repository, RepositoryOpenFlags, RepositoryState};

use super::write::export_image;
use super::{ExportError, ExportEvent, ExportOptions, PostPlan, check_options, prepare};
use crate::model::TripId;
use crate::store::Store;

/// The line in a commit message that marks the commit as tripjournal's export of a trip.
pub const TRAILER: &str = "Tripjournal-Trip:";

/// The branch and how to treat one that exists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GitTarget {
    /// The branch to commit on; `None`: `tripjournal/<slug>`.
    pub branch: Option<String>,
    /// Commit on a branch of that name even when tripjournal did not make it.
    pub force: bool,
}

/// Something the user should know that did not stop the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitNote {
    /// The repository is in the middle of a merge, rebase or the like (named); the
    /// working tree was not touched, so it goes on as it was.
    MidOperation(String),
    /// A shallow clone: the commit's parent is there, so the branch pushes as any other.
    Shallow,
    /// Files the repository's ignore rules would leave out of a checkout's `git add`; they
    /// are committed all the same (they are the post).
    Ignored(Vec<PathBuf>),
}

/// What a Git export did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitReport {
    pub branch: String,
    /// The new commit, or `None` when the branch already held exactly this post.
    pub commit: Option<String>,
    /// The post and the images, relative to the repository's top folder.
    pub post: PathBuf,
    pub images: Vec<PathBuf>,
    pub notes: Vec<GitNote>,
}

/// Why a Git export did not happen ([`ExportError::Git`]); in every case the repository is
/// as it was.
#[derive(Debug, thiserror::Error)]
pub enum GitProblem {
    #[error("not the top folder of a Git repository: {0}")]
    NotARepository(PathBuf),
    #[error(
        "a bare repository has no files to publish from; give a clone with a working tree: {0}"
    )]
    Bare(PathBuf),
    #[error("Git does not accept {0:?} as a branch name")]
    BadBranchName(String),
    #[error("the branch {0} exists and was not made by tripjournal")]
    NotOurs(String),
    #[error("Git has no user.name and user.email for this repository")]
    NoIdentity,
    #[error("the branch {0} moved while exporting; export again")]
    BranchMoved(String),
    #[error("git: {0}")]
    Git(String),
}

impl From<git2::Error> for ExportError {
    fn from(error: git2::Error) -> Self {
        ExportError::Git(GitProblem::Git(error.message().to_string()))
    }
}

impl From<GitProblem> for ExportError {
    fn from(problem: GitProblem) -> Self {
        ExportError::Git(problem)
    }
}

/// Exports a trip into the Git repository at `options.out_dir` as a commit on the branch of
/// `target` (see the module's comment). `cancel` and `progress` as for
/// [`super::export_trip_with`].
pub fn export_trip_to_git(
    store: &Store,
    trip: TripId,
    options: &ExportOptions,
    target: &GitTarget,
    cancel: &AtomicBool,
    progress: Option<&Sender<ExportEvent>>,
) -> Result<GitReport, ExportError> {
    check_options(options)?;
    let repo = open_repository(&options.out_dir)?;
    let signature = repo.signature().map_err(|_| GitProblem::NoIdentity)?;
    let plan = prepare(store, trip, options, None)?;
    let branch = target
        .branch
        .clone()
        .unwrap_or_else(|| format!("tripjournal/{}", plan.slug));
    if !git2::Branch::name_is_valid(&branch).unwrap_or(false) {
        return Err(GitProblem::BadBranchName(branch).into());
    }
    let tip = branch_tip(&repo, &branch, target.force)?;
    let markdown = super::render_post(&plan.context, options.template.as_deref(), options.layout)?;
    let files = blobs(&repo, store, &plan, &markdown, options, cancel, progress)?;
    let base = match tip {
        Some(tip) => Some(repo.find_commit(tip)?),
        None => head_commit(&repo),
    };
    let base_tree = match &base {
        Some(commit) => commit.tree()?,
        None => repo.find_tree(repo.treebuilder(None)?.write()?)?,
    };
    let tree = updated_tree(&repo, &base_tree, &plan, &files)?;
    let mut report = GitReport {
        branch: branch.clone(),
        commit: None,
        post: plan.post_path.clone(),
        images: files.iter().skip(1).map(|(path, _)| path.clone()).collect(),
        notes: notes(&repo, &files),
    };
    if tip.is_some() && base.as_ref().map(|commit| commit.tree_id()) == Some(tree) {
        send(
            progress,
            ExportEvent::Finished {
                post: plan.post_path,
            },
        );
        return Ok(report);
    }
    let tree = repo.find_tree(tree)?;
    let message = commit_message(&plan, store, trip)?;
    let parents: Vec<&git2::Commit<'_>> = base.iter().collect();
    let commit = repo.commit(None, &signature, &signature, &message, &tree, &parents)?;
    move_branch(&repo, &branch, tip, commit)?;
    report.commit = Some(commit.to_string());
    send(
        progress,
        ExportEvent::Finished {
            post: plan.post_path,
        },
    );
    Ok(report)
}

/// The repository whose top folder is `path` (no search upwards), refusing a bare one.
fn open_repository(path: &Path) -> Result<Repository, ExportError> {
    let repo = Repository::open_ext(path, RepositoryOpenFlags::NO_SEARCH, &[] as &[&OsStr])
        .map_err(|_| GitProblem::NotARepository(path.to_path_buf()))?;
    if repo.is_bare() {
        return Err(GitProblem::Bare(path.to_path_buf()).into());
    }
    let top = repo.workdir().map(Path::to_path_buf);
    let same = |top: &Path| match (top.canonicalize(), path.canonicalize()) {
        (Ok(top), Ok(given)) => top == given,
        _ => false,
    };
    if !top.as_deref().is_some_and(same) {
        return Err(GitProblem::NotARepository(path.to_path_buf()).into());
    }
    Ok(repo)
}

/// The branch's tip, or `None` when there is no such branch; a branch tripjournal did not
/// make is refused unless `force`.
fn branch_tip(repo: &Repository, branch: &str, force: bool) -> Result<Option<Oid>, ExportError> {
    let Ok(found) = repo.find_branch(branch, BranchType::Local) else {
        return Ok(None);
    };
    let tip = found.get().peel_to_commit()?;
    let ours = tip
        .message()
        .is_ok_and(|message| message.lines().any(|line| line.starts_with(TRAILER)));
    if !ours && !force {
        return Err(GitProblem::NotOurs(branch.to_string()).into());
    }
    Ok(Some(tip.id()))
}

/// The commit HEAD points at, or `None` in a repository without commits.
fn head_commit(repo: &Repository) -> Option<git2::Commit<'_>> {
    repo.head().ok()?.peel_to_commit().ok()
}

/// The post's and images' blobs with their paths (the post first), reporting each image.
fn blobs(
    repo: &Repository,
    store: &Store,
    plan: &PostPlan,
    markdown: &str,
    options: &ExportOptions,
    cancel: &AtomicBool,
    progress: Option<&Sender<ExportEvent>>,
) -> Result<Vec<(PathBuf, Oid)>, ExportError> {
    let total = plan.images.len();
    send(progress, ExportEvent::Started { images: total });
    let mut files = vec![(plan.post_path.clone(), repo.blob(markdown.as_bytes())?)];
    for (index, planned) in plan.images.iter().enumerate() {
        if cancel.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(ExportError::Cancelled);
        }
        let bytes = export_image(store, planned, options)?;
        let path = plan.image_dir.join(&planned.file_name);
        files.push((path, repo.blob(&bytes)?));
        let done = index + 1;
        send(progress, ExportEvent::ImageWritten { done, total });
    }
    Ok(files)
}

/// `base` with the post and images put in, and the post's image folder's other files (a
/// photo no longer in the post) taken out. Returns the new tree's id.
fn updated_tree(
    repo: &Repository,
    base: &git2::Tree<'_>,
    plan: &PostPlan,
    files: &[(PathBuf, Oid)],
) -> Result<Oid, ExportError> {
    let mut update = git2::build::TreeUpdateBuilder::new();
    let wanted: Vec<String> = files.iter().map(|(path, _)| tree_path(path)).collect();
    if let Ok(entry) = base.get_path(&plan.image_dir)
        && let Some(folder) = entry.to_object(repo)?.as_tree()
    {
        let folder_path = tree_path(&plan.image_dir);
        for old in folder.iter() {
            let path = format!(
                "{folder_path}/{}",
                String::from_utf8_lossy(old.name_bytes())
            );
            if old.kind() == Some(git2::ObjectType::Blob) && !wanted.contains(&path) {
                update.remove(path.as_str());
            }
        }
    }
    for (path, (_, blob)) in wanted.iter().zip(files) {
        update.upsert(path.as_str(), *blob, FileMode::Blob);
    }
    Ok(update.create_updated(repo, base)?)
}

/// A relative path as Git's trees spell it ("a/b/c", whatever the system's separator).
fn tree_path(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter_map(|part| match part {
            Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

/// "Post: <trip>" with the trailer that marks the branch as tripjournal's.
fn commit_message(plan: &PostPlan, store: &Store, trip: TripId) -> Result<String, ExportError> {
    let name = store.trip(trip).map_err(ExportError::Store)?.fields.name;
    let name = name.replace(['\r', '\n'], " ");
    Ok(format!(
        "Post: {name}\n\nExported by tripjournal as {} (a draft to edit and publish).\n\n{TRAILER} {}\n",
        tree_path(&plan.post_path),
        plan.trip_slug
    ))
}

/// Points the branch at `commit`, provided it still points where it did (`tip`), or creates
/// it provided it still does not exist.
fn move_branch(
    repo: &Repository,
    branch: &str,
    tip: Option<Oid>,
    commit: Oid,
) -> Result<(), ExportError> {
    let name = format!("refs/heads/{branch}");
    let log = "tripjournal: export";
    let moved = match tip {
        Some(tip) => repo.reference_matching(&name, commit, true, tip, log),
        None => repo.reference(&name, commit, false, log),
    };
    moved.map(|_| ()).map_err(|error| match error.code() {
        git2::ErrorCode::Exists | git2::ErrorCode::Modified => {
            GitProblem::BranchMoved(branch.to_string()).into()
        }
        _ => error.into(),
    })
}

/// What the user should know: an operation under way, a shallow clone, ignored files.
fn notes(repo: &Repository, files: &[(PathBuf, Oid)]) -> Vec<GitNote> {
    let mut notes = Vec::new();
    let state = repo.state();
    if state != RepositoryState::Clean {
        notes.push(GitNote::MidOperation(format!("{state:?}").to_lowercase()));
    }
    if repo.is_shallow() {
        notes.push(GitNote::Shallow);
    }
    let ignored: Vec<PathBuf> = files
        .iter()
        .filter(|(path, _)| repo.is_path_ignored(path).unwrap_or(false))
        .map(|(path, _)| path.clone())
        .collect();
    if !ignored.is_empty() {
        notes.push(GitNote::Ignored(ignored));
    }
    notes
}

fn send(progress: Option<&Sender<ExportEvent>>, event: ExportEvent) {
    if let Some(progress) = progress {
        let _ = progress.send(event);
    }
}
