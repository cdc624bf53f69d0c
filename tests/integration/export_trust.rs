//! Exports into a real blog folder that may hold the user's own files, other trips' posts and
//! planted links: nothing is written outside it, nothing the export did not write is
//! replaced, nothing stale stays published, and a failure leaves the folder as it was.

use std::collections::BTreeMap;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use tripjournal::export::{
    Conflict, ExportError, ExportOptions, ExportReport, Layout, export_trip,
};
use tripjournal::model::{EntryContent, EntryFields, EntryId, EntryKind, TripFields, TripId};
use tripjournal::photos::import_bytes;
use tripjournal::store::{PhotoInsert, Store};

use crate::util::{TempJournal, cli_run, stderr, write_distinct_jpegs};

const LAYOUTS: [Layout; 3] = [Layout::Plain, Layout::Jekyll, Layout::Hugo];

/// Every file (and link) under a folder: relative path → bytes (or "link → target").
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("readable folder") {
            let entry = entry.expect("entry");
            let path = entry.path();
            let relative = path.strip_prefix(root).expect("inside").to_path_buf();
            let kind = entry.file_type().expect("type");
            if kind.is_symlink() {
                let target = std::fs::read_link(&path).expect("link");
                files.insert(
                    relative,
                    format!("link → {}", target.display()).into_bytes(),
                );
            } else if kind.is_dir() {
                files.insert(relative.join(""), b"folder".to_vec());
                walk(root, &path, files);
            } else {
                files.insert(relative, std::fs::read(&path).expect("readable file"));
            }
        }
    }
    let mut files = BTreeMap::new();
    if root.exists() {
        walk(root, root, &mut files);
    }
    files
}

/// A trip with two entries, each with a photo, and one unassigned photo.
fn trip_with_photos(journal: &mut TempJournal, name: &str) -> (TripId, Vec<EntryId>) {
    let mut fields = TripFields::named(name);
    fields.time_zone = chrono_tz::Europe::Berlin;
    fields.start_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 13);
    let trip = journal.store.create_trip(&fields).expect("trip");
    let photos_dir = journal.dir.path().join(format!("photos-{}", trip.0));
    std::fs::create_dir_all(&photos_dir).expect("photo folder");
    let seed_offset = trip.0 as usize * 3;
    let files = write_distinct_jpegs(&photos_dir, seed_offset + 3, 64, 48);
    let mut entries = Vec::new();
    for (index, title) in ["Keynote", "Lunch"].iter().enumerate() {
        let at = Utc
            .with_ymd_and_hms(2018, 11, 13, 9 + index as u32, 0, 0)
            .unwrap();
        let kind = if index == 0 {
            EntryKind::Session
        } else {
            EntryKind::Meal
        };
        let entry = journal
            .store
            .create_entry(trip, &EntryFields::new(kind, title, at))
            .expect("entry");
        entries.push(entry);
    }
    for (index, file) in files[seed_offset..].iter().enumerate() {
        let bytes = std::fs::read(file).expect("photo");
        let entry = entries.get(index).copied();
        let caption = format!("photo {index}");
        let inserted = import_bytes(&mut journal.store, trip, entry, &caption, "p.jpg", bytes)
            .expect("import");
        assert!(matches!(inserted, PhotoInsert::Imported(_)));
    }
    (trip, entries)
}

fn export(
    store: &Store,
    trip: TripId,
    out: &Path,
    layout: Layout,
) -> Result<ExportReport, ExportError> {
    export_trip(store, trip, &ExportOptions::new(out, layout))
}

/// Runs `tripjournal export` on the journal with extra flags.
fn cli_export(
    journal: &TempJournal,
    trip: TripId,
    layout: &str,
    out: &Path,
    extra: &[&str],
) -> std::process::Output {
    let trip = trip.0.to_string();
    let out = out.to_str().expect("UTF-8 path");
    let mut args = vec!["export", "--trip", &trip, "--layout", layout, "--out", out];
    args.extend_from_slice(extra);
    cli_run(&journal.path(), &args)
}

fn relative(report_path: &Path, out: &Path) -> PathBuf {
    let out = std::fs::canonicalize(out).expect("canonical");
    report_path
        .strip_prefix(&out)
        .expect("inside the output folder")
        .to_path_buf()
}

/// The folders and files below DIR that an export of this layout goes through.
fn levels(report: &ExportReport, out: &Path) -> Vec<PathBuf> {
    let mut levels = Vec::new();
    for path in [report.post.clone(), report.images[0].clone()] {
        let relative = relative(&path, out);
        let mut walked = PathBuf::new();
        for component in relative.components() {
            walked.push(component);
            if !levels.contains(&walked) {
                levels.push(walked.clone());
            }
        }
    }
    levels
}

#[test]
fn a_link_at_any_level_below_the_folder_is_refused_and_nothing_outside_changes() {
    let mut journal = TempJournal::new();
    let (trip, _) = trip_with_photos(&mut journal, "Berlin Summit 2018");
    let outside = journal.dir.path().join("outside");
    std::fs::create_dir_all(&outside).expect("outside");
    std::fs::write(outside.join("keep.md"), "outside file").expect("outside file");
    let outside_before = snapshot(&outside);
    let mut checked = 0;
    for layout in LAYOUTS {
        let scratch = journal
            .dir
            .path()
            .join(format!("scratch-{}", layout.as_str()));
        let report = export(&journal.store, trip, &scratch, layout).expect("scratch export");
        for level in levels(&report, &scratch) {
            let out = journal
                .dir
                .path()
                .join(format!("out-{}-{checked}", layout.as_str()));
            std::fs::create_dir_all(&out).expect("out");
            let link = out.join(&level);
            std::fs::create_dir_all(link.parent().expect("parent")).expect("parents");
            let is_file = level.extension().is_some();
            let target = if is_file {
                outside.join("keep.md")
            } else {
                outside.clone()
            };
            symlink(&target, &link).expect("plant a link");
            let before = snapshot(&out);
            match export(&journal.store, trip, &out, layout) {
                Err(ExportError::Symlink(named)) => {
                    assert_eq!(named, std::fs::canonicalize(&out).unwrap().join(&level))
                }
                other => panic!("{layout:?} with a link at {}: {other:?}", level.display()),
            }
            assert_eq!(
                snapshot(&outside),
                outside_before,
                "{layout:?} {}",
                level.display()
            );
            assert_eq!(snapshot(&out), before, "{layout:?} {}", level.display());
            checked += 1;
        }
    }
    assert!(
        checked >= 12,
        "every level of every layout was tried ({checked})"
    );

    // The CLI names the link in one line.
    let out = journal.dir.path().join("cli-out");
    std::fs::create_dir_all(out.join("images")).expect("out");
    symlink(&outside, out.join("images/berlin-summit-2018")).expect("link");
    let output = cli_export(&journal, trip, "plain", &out, &[]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.starts_with("error: ")
            && err.contains("symbolic link")
            && err.contains("images/berlin-summit-2018")
            && err.trim_end().lines().count() == 1,
        "{err}"
    );
    assert_eq!(snapshot(&outside), outside_before);
}

#[test]
fn the_users_own_files_are_never_replaced_without_force() {
    let mut journal = TempJournal::new();
    let (trip, _) = trip_with_photos(&mut journal, "Berlin Summit 2018");
    let scratch = journal.dir.path().join("scratch");
    let planned = export(&journal.store, trip, &scratch, Layout::Plain).expect("scratch");
    let out = journal.dir.path().join("blog");
    let own_image = out.join(relative(&planned.images[0], &scratch));
    std::fs::create_dir_all(own_image.parent().unwrap()).expect("folders");
    std::fs::write(&own_image, "my own picture").expect("own file");
    let before = snapshot(&out);
    match export(&journal.store, trip, &out, Layout::Plain) {
        Err(ExportError::WouldReplace(files)) => {
            assert_eq!(files.len(), 1, "{files:?}");
            assert_eq!(files[0].reason, Conflict::NotWritten);
            assert!(
                files[0]
                    .path
                    .ends_with(relative(&planned.images[0], &scratch))
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(snapshot(&out), before, "nothing changed");

    let mut forced = ExportOptions::new(&out, Layout::Plain);
    forced.force = true;
    export_trip(&journal.store, trip, &forced).expect("forced");
    assert_ne!(std::fs::read(&own_image).expect("image"), b"my own picture");
}

#[test]
fn two_trips_with_one_slug_get_their_own_posts_for_good() {
    let mut journal = TempJournal::new();
    let (first, _) = trip_with_photos(&mut journal, "Berlin 2018");
    let (second, _) = trip_with_photos(&mut journal, "Berlin, 2018!");
    for layout in LAYOUTS {
        let out = journal.dir.path().join(format!("blog-{}", layout.as_str()));
        let a = export(&journal.store, first, &out, layout).expect("first trip");
        let after_first = snapshot(&out);
        let b = export(&journal.store, second, &out, layout).expect("second trip");
        assert!(
            a.post.to_string_lossy().contains("berlin-2018"),
            "{}",
            a.post.display()
        );
        assert!(
            b.post.to_string_lossy().contains("berlin-2018-2"),
            "{}",
            b.post.display()
        );
        for (path, bytes) in &after_first {
            assert_eq!(
                snapshot(&out).get(path),
                Some(bytes),
                "{layout:?}: first trip's {} kept",
                path.display()
            );
        }
        // Stable across re-exports, in either order.
        let b_again = export(&journal.store, second, &out, layout).expect("again");
        let a_again = export(&journal.store, first, &out, layout).expect("again");
        assert_eq!((a_again.post, b_again.post), (a.post, b.post));
    }
    // A renamed trip keeps its slug (and its address).
    let mut fields = journal.store.trip(first).expect("trip").fields;
    fields.name = "A new name".into();
    journal.store.update_trip(first, &fields).expect("rename");
    let out = journal.dir.path().join("blog-plain");
    let renamed = export(&journal.store, first, &out, Layout::Plain).expect("renamed");
    assert!(
        renamed.post.ends_with("berlin-2018.md"),
        "{}",
        renamed.post.display()
    );
    let fresh = journal.dir.path().join("another-blog");
    let elsewhere = export(&journal.store, first, &fresh, Layout::Plain).expect("elsewhere");
    assert!(
        elsewhere.post.ends_with("berlin-2018.md"),
        "the slug is kept on the trip"
    );
}

#[test]
fn deleted_photos_and_entries_and_old_post_names_do_not_stay_published() {
    let mut journal = TempJournal::new();
    let (trip, entries) = trip_with_photos(&mut journal, "Berlin Summit 2018");
    for layout in LAYOUTS {
        let out = journal.dir.path().join(format!("blog-{}", layout.as_str()));
        std::fs::create_dir_all(&out).expect("out");
        std::fs::write(out.join("README.md"), "the blog's own file").expect("own");
        let first = export(&journal.store, trip, &out, layout).expect("export");
        assert_eq!(first.images.len(), 3);
        assert!(first.removed.is_empty());
    }
    // Delete the unassigned photo and the lunch with its photo.
    let photos = journal.store.photos(trip).expect("photos");
    let unassigned = photos
        .iter()
        .find(|p| p.entry.is_none())
        .expect("unassigned")
        .id;
    journal
        .store
        .delete_photo(unassigned)
        .expect("delete photo");
    journal
        .store
        .delete_entry(entries[1], true)
        .expect("delete entry");
    for layout in LAYOUTS {
        let out = journal.dir.path().join(format!("blog-{}", layout.as_str()));
        let before = snapshot(&out);
        let report = export(&journal.store, trip, &out, layout).expect("re-export");
        assert_eq!(report.images.len(), 1, "{layout:?}");
        assert_eq!(report.removed.len(), 2, "{layout:?}: {:?}", report.removed);
        for removed in &report.removed {
            assert!(
                !removed.exists(),
                "{layout:?}: {} is gone",
                removed.display()
            );
        }
        let after = snapshot(&out);
        assert_eq!(
            after.get(Path::new("README.md")).map(Vec::as_slice),
            Some(&b"the blog's own file"[..])
        );
        let images_after = after
            .keys()
            .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
            .count();
        assert_eq!(
            images_after,
            1,
            "{layout:?}: only the remaining photo is published: {:?}",
            after.keys()
        );
        assert_ne!(before, after);
    }

    // A published Jekyll post whose trip changes date moves, and the old one goes.
    let out = journal.dir.path().join("jekyll-published");
    let mut options = ExportOptions::new(&out, Layout::Jekyll);
    options.publish = true;
    let old = export_trip(&journal.store, trip, &options).expect("publish");
    assert!(
        old.post
            .ends_with("_posts/2018-11-13-berlin-summit-2018.md"),
        "{}",
        old.post.display()
    );
    let mut fields = journal.store.trip(trip).expect("trip").fields;
    fields.start_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 12);
    journal.store.update_trip(trip, &fields).expect("new date");
    let new = export_trip(&journal.store, trip, &options).expect("publish again");
    assert!(
        new.post
            .ends_with("_posts/2018-11-12-berlin-summit-2018.md")
    );
    assert!(!old.post.exists() && new.post.exists());
    assert_eq!(new.removed, vec![old.post.clone()]);

    // A stale file the user changed is kept and reported, and goes only when forced.
    let image = new.images[0].clone();
    std::fs::write(&image, "edited by hand").expect("edit");
    journal
        .store
        .delete_photo(journal.store.photos(trip).unwrap()[0].id)
        .expect("delete");
    let kept = export_trip(&journal.store, trip, &options).expect("export keeps it");
    assert_eq!(kept.kept, vec![image.clone()]);
    assert!(image.exists());
    options.force = true;
    let forced = export_trip(&journal.store, trip, &options).expect("forced");
    assert_eq!(forced.removed, vec![image.clone()]);
    assert!(!image.exists());
    assert!(
        !image.parent().unwrap().exists(),
        "the emptied image folder goes too"
    );
}

#[test]
fn a_post_edited_since_its_export_is_refused_and_the_error_lists_it() {
    let mut journal = TempJournal::new();
    let (trip, entries) = trip_with_photos(&mut journal, "Berlin Summit 2018");
    let out = journal.dir.path().join("blog");
    let report = export(&journal.store, trip, &out, Layout::Hugo).expect("export");
    std::fs::write(&report.post, "my edits").expect("edit");
    let mut fields = journal.store.entry(entries[0]).expect("entry").fields;
    fields.title = "Changed".into();
    journal
        .store
        .update_entry(entries[0], &fields)
        .expect("update");
    match export(&journal.store, trip, &out, Layout::Hugo) {
        Err(ExportError::WouldReplace(files)) => {
            assert_eq!(files.len(), 1);
            assert_eq!(
                (files[0].path.clone(), files[0].reason),
                (report.post.clone(), Conflict::Edited)
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&report.post).unwrap(), "my edits");
    let output = cli_export(&journal, trip, "hugo", &out, &[]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        err.contains("index.md (changed since it was exported)") && err.contains("--force"),
        "{err}"
    );
}

#[test]
fn a_post_written_before_the_manifest_existed_is_still_recognised() {
    let mut journal = TempJournal::new();
    let (trip, _) = trip_with_photos(&mut journal, "Berlin Summit 2018");
    let out = journal.dir.path().join("blog");
    let report = export(&journal.store, trip, &out, Layout::Plain).expect("export");
    // As an older tripjournal left it: the post's hash in export_history, nothing else.
    let post_bytes = std::fs::read(&report.post).expect("post");
    let connection = journal.store.connection();
    connection
        .execute_batch(
            "DELETE FROM export_files; DELETE FROM export_targets; UPDATE trips SET slug = NULL",
        )
        .expect("forget");
    connection
        .execute(
            "INSERT INTO export_history (post_path, trip_id, sha256, exported_at) VALUES (?1, ?2, ?3, '2019-01-01T00:00:00Z')",
            rusqlite::params![report.post.to_string_lossy(), trip.0, tripjournal::store::hex_sha256(&post_bytes)],
        )
        .expect("legacy row");
    let again =
        export(&journal.store, trip, &out, Layout::Plain).expect("the old export is its own");
    assert!(again.unchanged);
}

#[test]
fn a_failure_after_files_were_moved_puts_every_file_back() {
    let mut journal = TempJournal::new();
    let (trip, _) = trip_with_photos(&mut journal, "Berlin Summit 2018");
    let out = journal.dir.path().join("blog");
    let mut wide = ExportOptions::new(&out, Layout::Hugo);
    wide.max_width = 60;
    export_trip(&journal.store, trip, &wide).expect("first export");
    let before = snapshot(&out);

    // A folder where an image must go: refused before anything changes.
    let mut narrow = ExportOptions::new(&out, Layout::Hugo);
    narrow.max_width = 30;
    let scratch = journal.dir.path().join("scratch");
    let planned = export_trip(
        &journal.store,
        trip,
        &ExportOptions {
            out_dir: scratch.clone(),
            ..narrow.clone()
        },
    )
    .expect("plan");
    let last_image = out.join(relative(planned.images.last().unwrap(), &scratch));
    std::fs::remove_file(&last_image).expect("make room");
    std::fs::create_dir(&last_image).expect("a folder in the way");
    let blocked = snapshot(&out);
    let result = export_trip(&journal.store, trip, &narrow);
    assert!(matches!(result, Err(ExportError::Blocked(_))), "{result:?}");
    assert_eq!(snapshot(&out), blocked);
    std::fs::remove_dir(&last_image).unwrap();
    std::fs::write(&last_image, &before[&relative(&last_image, &out)]).unwrap();
    assert_eq!(snapshot(&out), before);

    // The journal cannot record the export (another program holds its write lock past the
    // busy timeout) after every file was moved into place: all of them go back.
    let blocker = rusqlite::Connection::open(journal.path()).expect("second connection");
    blocker
        .execute_batch("BEGIN IMMEDIATE")
        .expect("hold the write lock");
    let result = export_trip(&journal.store, trip, &narrow);
    blocker.execute_batch("ROLLBACK").expect("release");
    assert!(matches!(result, Err(ExportError::Store(_))), "{result:?}");
    assert_eq!(
        snapshot(&out),
        before,
        "every image is back at its old width"
    );
    export_trip(&journal.store, trip, &narrow).expect("works once the journal is free");
    assert_ne!(snapshot(&out), before);
}

/// A child process that is killed and reaped when dropped, also when the test fails.
struct StillRunning(std::process::Child);

impl Drop for StillRunning {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn exports_into_one_folder_take_turns_and_clean_only_orphaned_staging() {
    let mut journal = TempJournal::new();
    let (first, _) = trip_with_photos(&mut journal, "Berlin 2018");
    let (second, _) = trip_with_photos(&mut journal, "Munich 2019");
    let out = journal.dir.path().join("blog");
    std::fs::create_dir_all(&out).expect("out");
    // A staging folder of a process that is gone, and one of a process still running.
    let gone = std::process::Command::new("true").spawn().expect("spawn");
    let gone_pid = gone.id();
    let mut gone = gone;
    gone.wait().expect("exits");
    // Running until the test ends it (or drops it), however long the exports take here.
    let alive = StillRunning(
        std::process::Command::new("sleep")
            .arg("3600")
            .spawn()
            .expect("spawn"),
    );
    let orphan = out.join(format!(".tripjournal-staging-{gone_pid}"));
    let busy = out.join(format!(".tripjournal-staging-{}", alive.0.id()));
    std::fs::create_dir_all(&orphan).expect("orphan");
    std::fs::create_dir_all(&busy).expect("busy");

    let path = journal.path();
    let threads: Vec<_> = [first, second]
        .into_iter()
        .map(|trip| {
            let path = path.clone();
            let out = out.clone();
            std::thread::spawn(move || {
                let store = Store::open(&path).expect("opens");
                (0..3)
                    .map(|_| export(&store, trip, &out, Layout::Hugo).map(|r| r.post))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for thread in threads {
        for result in thread.join().expect("no panic") {
            assert!(result.expect("each export succeeds").exists());
        }
    }
    assert!(
        !orphan.exists(),
        "the dead export's staging folder is cleaned up"
    );
    assert!(
        busy.exists(),
        "a running process's staging folder is left alone"
    );
    drop(alive);

    // While another program holds the folder's lock, the export waits, then says so.
    let held = std::fs::File::open(&out).expect("open the folder");
    held.lock().expect("lock it");
    let result = export(&journal.store, first, &out, Layout::Hugo);
    assert!(matches!(result, Err(ExportError::Busy(_))), "{result:?}");
    drop(held);
    export(&journal.store, first, &out, Layout::Hugo).expect("free again");
}

fn entry_with(
    journal: &TempJournal,
    trip: TripId,
    title: &str,
    edit: impl FnOnce(&mut EntryFields),
) -> EntryId {
    let at = Utc.with_ymd_and_hms(2018, 11, 13, 10, 0, 0).unwrap();
    let mut fields = EntryFields::new(EntryKind::Session, title, at);
    edit(&mut fields);
    journal.store.create_entry(trip, &fields).expect("entry")
}

#[test]
fn code_and_preformatted_text_come_out_byte_for_byte() {
    let journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let bodies = [
        "Indented code:\n\n    line one\n\n\n    line four after two blank lines\n\nafter",
        "<pre>\nfirst\n\n\n\nafter three blank lines\n</pre>",
        "````\n```\ninner fence\n\n\n```\n````",
        "~~~\n\n\nstarts with blank lines\n~~~",
    ];
    for body in bodies {
        entry_with(&journal, trip, "Code", |fields| {
            fields.body = body.to_string()
        });
    }
    for layout in LAYOUTS {
        let out = journal.dir.path().join(format!("out-{}", layout.as_str()));
        let report = export(&journal.store, trip, &out, layout).expect("export");
        let post = std::fs::read_to_string(&report.post).expect("post");
        for body in bodies {
            assert!(
                post.contains(body),
                "{layout:?}: {body:?} not byte for byte in:\n{post}"
            );
        }
    }
}

#[test]
fn links_other_than_web_and_mail_are_plain_text() {
    let journal = TempJournal::new();
    let trip = journal.berlin_trip();
    for link in ["javascript:alert(1)", "https://example.org/slides"] {
        entry_with(&journal, trip, link, |fields| {
            if let EntryContent::Session(session) = &mut fields.content {
                session.link = Some(link.to_string());
            }
        });
    }
    let out = journal.dir.path().join("out");
    let report = export(&journal.store, trip, &out, Layout::Plain).expect("export");
    let post = std::fs::read_to_string(&report.post).expect("post");
    let links: Vec<String> = pulldown_cmark::Parser::new(&post)
        .filter_map(|event| match event {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect();
    assert_eq!(links, vec!["https://example.org/slides"]);
    assert!(post.contains("javascript:alert(1)"), "shown as text");
}

#[test]
fn runaway_templates_stop_with_a_clear_error() {
    let journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let out = journal.dir.path().join("out");
    let templates = [
        "{% for a in range(100000) %}{% for b in range(100000) %}{% for c in range(100000) %}{% endfor %}{% endfor %}{% endfor %}",
        "{% for a in range(100000) %}{% for b in range(100000) %}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}",
    ];
    for template in templates {
        let mut options = ExportOptions::new(&out, Layout::Plain);
        options.template = Some(template.to_string());
        let result = export_trip(&journal.store, trip, &options);
        assert!(
            matches!(result, Err(ExportError::TemplateLimit(_))),
            "{result:?}"
        );
    }
    assert!(
        snapshot(&out).is_empty(),
        "nothing written: {:?}",
        snapshot(&out)
    );
    let template_file = journal.dir.path().join("loop.jinja");
    std::fs::write(&template_file, templates[0]).expect("template");
    let output = cli_export(
        &journal,
        trip,
        "plain",
        &out,
        &["--template", template_file.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.starts_with("error: the template") && err.trim_end().lines().count() == 1,
        "{err}"
    );
}
