//! Integration tests of tripjournal, all in one binary (one link, one run).

/// Temp journals and fixture paths shared by the tests.
mod util;

/// Rules of the code base that a test can hold: the core does not depend on the UI.
mod architecture;
/// Backups to plain file paths only, checked before they count, and restoring them safely.
mod backup;
/// The command line through the built binary.
mod cli;
/// A conference companion from the CLI: clashes, a newer programme's changes, the plan as a
/// calendar.
mod companion;
/// Several programs writing one journal at once, and backups taken meanwhile.
mod concurrency;
/// SIGKILL during imports and edits never loses a committed change.
mod crash;
/// Rows that cannot be read: named, never hiding the rest, set aside by `check --repair`.
mod damaged_rows;
/// Full and read-only disks under export and import (small tmpfs mounts).
mod disk;
/// Exporting trips as blog posts: layouts, golden files, links, front matter, images, safety.
mod export;
/// Exports into a hostile blog folder: links, the user's files, other trips, stale files,
/// failures, concurrent exports, runaway templates.
mod export_trust;
/// Many random inputs: mutated photo files, hostile text through the export's escaping.
mod fuzz;
/// `export --git`: a draft commit on its own branch; the user's tree, index and HEAD untouched.
mod git_export;
/// The desktop app driven headlessly with egui_kittest on temporary journals.
mod gui;
/// The window under real hands: keys and text events in a person's order.
mod gui_keys;
/// The conference schedule in the window: Schedule view, stars, Start notes, Now / next.
mod gui_schedule;
mod gui_watch;
/// HEIC and AVIF through the system's converter: EXIF, irot, export, limits, no converter.
mod heic;
/// Broken, odd and malicious files: each imports or fails cleanly, in time, in bounded memory.
mod hostile_files;
/// Markdown, YAML, HTML, NUL, right-to-left and 100,000-character text, stored and exported.
mod hostile_text;
/// The window's message files: same keys in every language, keys used exist, the font covers them.
mod i18n;
/// Photo import: formats, EXIF, orientation, dedupe, bad input, cancel.
mod import;
/// Opening files: migrations, newer schemas, files that are not journals, paths that are not
/// files (pipes, devices, folders, SQLite's special names).
mod journal_file;
/// Reminders as desktop notifications when the session bus is missing or silent.
mod notifications;
/// Input from outside that must never break a trip or empty the journal: schedule times past
/// 9999, backups carrying triggers or views, a backup's committed -wal.
mod outside_input;
/// The installed app's files: one app id, the package's file list, man page, validators.
mod packaging;
/// Correcting a camera clock: `photo shift` moves taken-at, never the original bytes.
mod photo_shift;
/// `photo watch`: a folder's arriving photos imported in the foreground until SIGTERM.
mod photo_watch;
/// Private files whatever the umask, and `check` naming the ones others can read.
mod privacy;
/// Journals on read-only storage: reading commands work, writing ones say why they cannot.
mod read_only;
/// The real window in Xvfb, driven with xdotool and xclip: typing, pasting, SIGTERM.
mod real_window;
/// Every kind and field survives a trip through the journal file; CRUD and ordering.
mod roundtrip;
/// One rule, one answer: the CLI and the window's rules accept and store typed input alike.
mod rules;
/// A trip's conference schedule: imported again, starred, made into sessions, exported.
mod schedule;
/// Conference schedules (frab XML and JSON, iCalendar) read from fixtures of each format and
/// quirk, a generated 1,000-talk schedule, and hostile files.
mod schedule_parse;
/// Exports built by real Jekyll and Hugo: journal text never runs as site code.
mod sites;
/// Reviewed snapshot images of the main views (software rendering through wgpu).
mod snapshots;
/// Earlier schema versions upgrade with their data; damaged journals are reported.
mod versions;
